"""ones_sum, NumPy: np.ones((10000, 10000)).sum() (allocates 800 MB)."""
import time
import numpy as np

t0 = time.perf_counter()
s = np.ones((10000, 10000)).sum()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(s)
