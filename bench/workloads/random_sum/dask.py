"""random_sum, dask: da.random.random((10000, 10000), chunks=(100, 100)).sum().compute()."""
import os, time
import dask
import dask.array as da

dask.config.set(scheduler="threads", num_workers=int(os.environ.get("BENCH_THREADS", os.cpu_count())))
t0 = time.perf_counter()
s = da.random.random((10000, 10000), chunks=(100, 100)).sum().compute()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(s)
