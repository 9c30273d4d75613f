"""random_sum, NumPy: sum of a 10000x10000 uniform [0, 1) array (800 MB)."""
import time
import numpy as np

t0 = time.perf_counter()
s = np.random.default_rng(0).random((10000, 10000)).sum()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(s)
