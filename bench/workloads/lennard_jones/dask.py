"""lennard_jones, dask: the dask tutorial's potential_dask -- da.nansum(lj(d2)) / 2
over the full distance matrix of a from_array cluster chunked by thread count.
make_cluster is the deterministic R3 sequence (see numpy.py for why)."""
import os, time
import warnings
import numpy as np
import dask
import dask.array as da

THREADS = int(os.environ.get("BENCH_THREADS", os.cpu_count()))
dask.config.set(scheduler="threads", num_workers=THREADS)
warnings.filterwarnings("ignore", category=RuntimeWarning)  # 1/0 on the diagonal, as in the tutorial

ALPHA = np.array([0.8191725133961645, 0.6710436067037893, 0.5497004779019703])


def make_cluster(natoms, radius=40):
    u = np.arange(1, natoms + 1)[:, np.newaxis] * ALPHA
    u = u - np.floor(u)
    return (u - 0.5) * (2 * radius)


def lj(r2):
    sr6 = (1./r2)**3
    pot = 4.*(sr6*sr6 - sr6)
    return pot


def distances(cluster):
    diff = cluster[:, np.newaxis, :] - cluster[np.newaxis, :, :]
    mat = (diff*diff).sum(-1)
    return mat


# compute the potential on the entire
# matrix of distances and ignore division by zero
def potential_dask(cluster):
    d2 = distances(cluster)
    energy = da.nansum(lj(d2))/2.
    return energy


t0 = time.perf_counter()
cluster = make_cluster(int(7e3), radius=500)
dcluster = da.from_array(cluster, chunks=cluster.shape[0] // THREADS)
e = potential_dask(dcluster).compute()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(repr(float(e)))
