"""linalg_svd, NumPy (LAPACK gesdd via OpenBLAS): np.linalg.svd of a 2000x2000 uniform matrix."""
import time
import numpy as np

t0 = time.perf_counter()
x = np.random.default_rng(0).random((2000, 2000))
u, s, vt = np.linalg.svd(x)
c = (u * u).sum() + (vt * vt).sum() + (s * s).sum() / (x * x).sum()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(c)
