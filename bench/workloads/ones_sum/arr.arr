# ones_sum: sum of a 10000x10000 array of ones in 100x100 chunks (10,000 chunks:
# measures per-chunk overhead more than arithmetic).
import dask.array as da
x = da.ones((10000, 10000), chunks=(100, 100))
print(x.sum())
