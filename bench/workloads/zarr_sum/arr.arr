# zarr_sum: the sum of the 1e8 float64 that zarr_store wrote (run zarr_store
# first; the runner's order does): read and decompressed chunk by chunk.
import dask.array as da
print(da.from_zarr("bench/.data/zarr_store_arr.zarr").sum())
