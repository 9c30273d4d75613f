"""zarr_sum, dask: da.from_zarr(store zarr_store wrote).sum().compute()."""
import os, time
import dask
import dask.array as da

dask.config.set(scheduler="threads", num_workers=int(os.environ.get("BENCH_THREADS", os.cpu_count())))
t0 = time.perf_counter()
s = da.from_zarr("bench/.data/zarr_store_dask.zarr").sum().compute()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(s)
