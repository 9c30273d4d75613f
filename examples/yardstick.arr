# The dask tutorial's yardstick: the mean of a 20000x20000 array of normal
# random numbers (3.2 GB if it were ever materialized), every 100th column.
# arr pushes the slice `[::100]` through the mean into the random source, so
# only the 200 columns that are printed are ever generated.
import numpy as np
import dask.array as da

x = da.random.normal(10, 0.1, size=(20000, 20000), chunks=(1000, 1000))
y = x.mean(axis=0)[::100]
print(x.shape, x.numblocks, x.nbytes)
print(y.shape, y.dtype)
print(y)
