"""hdf5_write, NumPy: draw the whole array, write it with h5py (chunks (1000, 100))."""
import time
import h5py
import numpy as np

t0 = time.perf_counter()
x = np.random.normal(size=(1_000_000, 100))
with h5py.File("bench/data/out_np.h5", "w") as f:
    f.create_dataset("x", data=x, chunks=(1000, 100))
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(x.size)
