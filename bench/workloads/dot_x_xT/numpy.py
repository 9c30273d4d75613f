"""dot_x_xT, NumPy (OpenBLAS): np.dot(x, x + x.T).mean(), x 5000x5000 uniform."""
import time
import numpy as np

t0 = time.perf_counter()
x = np.random.default_rng(0).random((5000, 5000))
r = np.dot(x, x + x.T)
m = r.mean()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(m)
