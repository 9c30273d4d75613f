"""yardstick, dask: da.random.normal(...).mean(axis=0)[::100].compute() on the threaded scheduler."""
import os, time
import dask
import dask.array as da

dask.config.set(scheduler="threads", num_workers=int(os.environ.get("BENCH_THREADS", os.cpu_count())))
t0 = time.perf_counter()
x = da.random.normal(10, 0.1, size=(20000, 20000), chunks=(1000, 1000))
m = x.mean(axis=0)[::100].compute()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(m.mean())
