# lennard_jones: the dask tutorial's NumPy Lennard-Jones program, written unchanged
# in NumPy syntax (np.newaxis broadcasting, .sum(-1), np.triu, boolean mask).
# make_cluster is the deterministic R3 quasi-random sequence, bit-identical to
# numpy.py / dask.py (the tutorial's np.random.normal cluster cannot be reproduced).
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

cluster = make_cluster(int(7e3), radius=500)
print(potential(cluster))
