"""linalg_qr, NumPy (LAPACK geqrf/orgqr via OpenBLAS): np.linalg.qr of a 2000x2000 uniform matrix."""
import time
import numpy as np

t0 = time.perf_counter()
x = np.random.default_rng(0).random((2000, 2000))
q, r = np.linalg.qr(x)
c = (q * q).sum() + (r * r).sum() / (x * x).sum()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(c)
