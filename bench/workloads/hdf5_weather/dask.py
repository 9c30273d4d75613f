"""hdf5_weather, dask: the tutorial's stack of da.from_array(h5py dataset) and mean."""
import os, time
import dask
import dask.array as da
import h5py

dask.config.set(scheduler="threads", num_workers=int(os.environ.get("BENCH_THREADS", os.cpu_count())))
t0 = time.perf_counter()
ds = [h5py.File(f"bench/data/weather/0{d}.hdf5", "r")["/t2m"] for d in range(8)]
x = da.stack([da.from_array(d, chunks=(500, 500)) for d in ds], axis=0)
m = x.mean(axis=0).astype("f8").mean().compute()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(float(m))
