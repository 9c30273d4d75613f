"""hdf5_sum, NumPy: the tutorial's h5py blocked loop (1M elements a block)."""
import time
import h5py
import numpy as np

t0 = time.perf_counter()
with h5py.File("bench/data/sum.h5", "r") as f:
    d = f["/x"]
    total = 0.0
    for i in range(0, d.shape[0], 1_000_000):
        total += float(d[i:i + 1_000_000].sum(dtype="f8"))
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(total)
