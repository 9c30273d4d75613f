# random_sum: sum of a 10000x10000 uniform [0, 1) array in 100x100 chunks.
import dask.array as da
x = da.random.random((10000, 10000), chunks=(100, 100))
print(x.sum())
