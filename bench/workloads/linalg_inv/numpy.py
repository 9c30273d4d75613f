"""linalg_inv, NumPy (LAPACK getrf/getri via OpenBLAS): np.linalg.inv of a 2000x2000 uniform matrix."""
import time
import numpy as np

t0 = time.perf_counter()
x = np.random.default_rng(0).random((2000, 2000))
xi = np.linalg.inv(x)
c = (x[:10, :] * xi[:, :10].T).sum()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(c)
