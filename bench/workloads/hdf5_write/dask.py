"""hdf5_write, dask: da.random.normal(...).to_hdf5(...) (the tutorial's store)."""
import os, time
import dask
import dask.array as da

dask.config.set(scheduler="threads", num_workers=int(os.environ.get("BENCH_THREADS", os.cpu_count())))
t0 = time.perf_counter()
x = da.random.normal(size=(1_000_000, 100), chunks=(1000, 100))
x.to_hdf5("bench/data/out_dask.h5", "/x")
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(x.size)
