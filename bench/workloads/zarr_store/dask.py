"""zarr_store, dask: random.normal((1_000_000, 100), chunks=(1000, 100)).to_zarr(...)."""
import os, time
import dask
import dask.array as da

dask.config.set(scheduler="threads", num_workers=int(os.environ.get("BENCH_THREADS", os.cpu_count())))
path = "bench/.data/zarr_store_dask.zarr"
os.makedirs(os.path.dirname(path), exist_ok=True)
t0 = time.perf_counter()
x = da.random.normal(size=(1_000_000, 100), chunks=(1000, 100))
x.to_zarr(path, overwrite=True)
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(da.from_zarr(path)[:1000].mean().compute())
