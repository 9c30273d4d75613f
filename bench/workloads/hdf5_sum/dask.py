"""hdf5_sum, dask: da.from_array(h5py dataset, chunks=1M).sum()."""
import os, time
import dask
import dask.array as da
import h5py

dask.config.set(scheduler="threads", num_workers=int(os.environ.get("BENCH_THREADS", os.cpu_count())))
t0 = time.perf_counter()
f = h5py.File("bench/data/sum.h5", "r")
s = da.from_array(f["/x"], chunks=(1_000_000,)).sum(dtype="f8").compute()
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(float(s))
