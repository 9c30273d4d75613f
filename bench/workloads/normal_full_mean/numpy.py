"""normal_full_mean, NumPy: draw the full 20000x20000 normal array (3.2 GB) and
take all 20000 column means."""
import time
import numpy as np

t0 = time.perf_counter()
x = np.random.default_rng(0).normal(10, 0.1, size=(20000, 20000))
m = x.mean(axis=0)
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(m.mean())
