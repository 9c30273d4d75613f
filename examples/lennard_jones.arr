# The dask tutorial's Lennard-Jones potential, scaled down to 600 particles:
# pairwise squared distances by broadcasting, the upper triangle with
# np.triu, the close pairs removed with a boolean mask, then the energy.
# The cluster is a deterministic quasi-random lattice (arange and floor) so
# the result can be checked against NumPy exactly.
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

def distances(cluster):
    diff = cluster[:, np.newaxis, :] - cluster[np.newaxis, :, :]
    mat = (diff*diff).sum(-1)
    return mat

def potential(cluster):
    d2 = distances(cluster)
    dtri = np.triu(d2)
    energy = lj(dtri[dtri > 1e-6]).sum()
    return energy

cluster = make_cluster(600, radius=20)
d2 = distances(cluster)
print(d2.shape, d2.dtype)
print(f"{float(potential(cluster)):.10e}")
# The dask variant: sum over the full matrix, skipping the diagonal's NaNs.
print(f"{float(np.nansum(lj(d2)) / 2.0):.10e}")
