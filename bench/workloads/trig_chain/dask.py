"""trig_chain, dask: da.sum(da.sin(x)**2 + da.cos(x)**2 - 1), x 100M uniforms in 10M chunks."""
import os, time
import dask
import dask.array as da

dask.config.set(scheduler="threads", num_workers=int(os.environ.get("BENCH_THREADS", os.cpu_count())))
t0 = time.perf_counter()
x = da.random.random(100_000_000, chunks=10_000_000)
s = da.sum(da.sin(x)**2 + da.cos(x)**2 - 1).compute()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(s)
