"""linalg_qr, dask: da.linalg.qr of a 2000x2000 uniform matrix in one chunk."""
import os, time
import dask
import dask.array as da

dask.config.set(scheduler="threads", num_workers=int(os.environ.get("BENCH_THREADS", os.cpu_count())))
t0 = time.perf_counter()
x = da.random.random((2000, 2000), chunks=(2000, 2000))
q, r = da.linalg.qr(x)
c = ((q * q).sum() + (r * r).sum() / (x * x).sum()).compute()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(c)
