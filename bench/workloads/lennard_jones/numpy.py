"""lennard_jones, NumPy: the dask tutorial's Lennard-Jones energy of 7000 particles
(pairwise distance matrix, np.triu, boolean mask), verbatim except make_cluster.

make_cluster: the tutorial draws np.random.normal(0, radius, (n, 3)) - 0.5, which
no other engine can reproduce, and the energy of a random cluster is dominated by
its closest pair, so its statistics do not converge. Here the cluster is the R3
quasi-random sequence (Roberts 2018) scaled to a cube of side 2*radius: it needs
only arange/floor, is bit-identical in every engine, and is as evenly spread.
"""
import time
import numpy as np

ALPHA = np.array([0.8191725133961645, 0.6710436067037893, 0.5497004779019703])


def make_cluster(natoms, radius=40):
    u = np.arange(1, natoms + 1)[:, np.newaxis] * ALPHA
    u = u - np.floor(u)
    return (u - 0.5) * (2 * radius)


def lj(r2):
    sr6 = (1./r2)**3
    pot = 4.*(sr6*sr6 - sr6)
    return pot


# build the matrix of distances
def distances(cluster):
    diff = cluster[:, np.newaxis, :] - cluster[np.newaxis, :, :]
    mat = (diff*diff).sum(-1)
    return mat


# the lj function is evaluated over the upper triangle
# after removing distances near zero
def potential(cluster):
    d2 = distances(cluster)
    dtri = np.triu(d2)
    energy = lj(dtri[dtri > 1e-6]).sum()
    return energy


t0 = time.perf_counter()
cluster = make_cluster(int(7e3), radius=500)
e = potential(cluster)
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(repr(float(e)))
