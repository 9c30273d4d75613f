"""hdf5_weather, NumPy: read each file whole with h5py, mean over time."""
import time
import h5py
import numpy as np

t0 = time.perf_counter()
x = np.stack([h5py.File(f"bench/data/weather/0{d}.hdf5", "r")["/t2m"][()] for d in range(8)])
m = x.mean(axis=0)
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(float(m.astype("f8").mean()))
