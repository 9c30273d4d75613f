"""Makes the input files of the hdf5_* workloads in bench/data/ (git-ignored)
with h5py, unless they are there already.

  sum.h5      /x: 250 million float32 (BENCH_HDF5_SUM_N to change), chunks of 1M
  weather/    8 daily files, /t2m: (1440, 2880) float32, chunks (500, 500)
"""
import os
import h5py
import numpy as np

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
os.makedirs(os.path.join(DATA, "weather"), exist_ok=True)

n = int(os.environ.get("BENCH_HDF5_SUM_N", 250_000_000))
path = os.path.join(DATA, "sum.h5")
if not os.path.exists(path) or h5py.File(path, "r")["x"].shape[0] != n:
    with h5py.File(path, "w") as f:
        d = f.create_dataset("x", shape=(n,), dtype="f4", chunks=(1_000_000,))
        for i in range(0, n, 10_000_000):
            m = min(10_000_000, n - i)
            d[i:i + m] = ((np.arange(i, i + m) % 1000) / 1000).astype("f4")
for day in range(8):
    path = os.path.join(DATA, "weather", f"{day:02d}.hdf5")
    if not os.path.exists(path):
        with h5py.File(path, "w") as f:
            t = 280 + day + 10 * np.sin(np.linspace(0, np.pi, 1440 * 2880)).reshape(1440, 2880)
            f.create_dataset("t2m", data=t.astype("f4"), chunks=(500, 500))
