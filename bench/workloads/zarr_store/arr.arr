# zarr_store: 1e8 standard normals (800 MB) in (1000, 100) chunks, computed
# and written to a Zarr v3 store (zstd, as zarr-python's default) chunk by
# chunk. zarr_sum reads the store back. Checksum: the mean of the first
# 1000 rows, read back from the store.
import dask.array as da
path = "bench/.data/zarr_store_arr.zarr"
x = da.random.normal(size=(1_000_000, 100), chunks=(1000, 100))
x.to_zarr(path, overwrite=True)
print(da.from_zarr(path)[:1000].mean())
