"""yardstick, NumPy: NumPy cannot generate part of a random array, so the honest
equivalent draws the full 20000x20000 array (3.2 GB), then reduces and slices."""
import time
import numpy as np

t0 = time.perf_counter()
x = np.random.default_rng(0).normal(10, 0.1, size=(20000, 20000))
m = x.mean(axis=0)[::100]
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(m.mean())
