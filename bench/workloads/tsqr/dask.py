"""tsqr, dask: da.linalg.qr (TSQR) of a 1,000,000x100 uniform matrix in 10,000-row chunks."""
import os, time
import dask
import dask.array as da

dask.config.set(scheduler="threads", num_workers=int(os.environ.get("BENCH_THREADS", os.cpu_count())))
t0 = time.perf_counter()
x = da.random.random((1000000, 100), chunks=(10000, 100))
q, r = da.linalg.qr(x)
c = ((q * q).sum() + (r * r).sum() / (x * x).sum()).compute()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(c)
