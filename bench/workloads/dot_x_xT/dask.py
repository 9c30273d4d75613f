"""dot_x_xT, dask: da.dot(x, x + x.T).mean().compute(), x 5000x5000 in 1000x1000 chunks."""
import os, time
import dask
import dask.array as da

dask.config.set(scheduler="threads", num_workers=int(os.environ.get("BENCH_THREADS", os.cpu_count())))
t0 = time.perf_counter()
x = da.random.random((5000, 5000), chunks=(1000, 1000))
m = da.dot(x, x + x.T).mean().compute()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(m)
