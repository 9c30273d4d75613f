"""x_minus_mean, NumPy: abs(x - x.mean(axis=0)).sum() for a 5000x5000 uniform array."""
import time
import numpy as np

t0 = time.perf_counter()
x = np.random.default_rng(0).random((5000, 5000))
s = abs(x - x.mean(axis=0)).sum()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(s)
