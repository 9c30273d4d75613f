"""tsqr, NumPy (LAPACK geqrf/orgqr via OpenBLAS): np.linalg.qr of a 1,000,000x100 uniform matrix."""
import time
import numpy as np

t0 = time.perf_counter()
x = np.random.default_rng(0).random((1000000, 100))
q, r = np.linalg.qr(x)
c = (q * q).sum() + (r * r).sum() / (x * x).sum()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(c)
