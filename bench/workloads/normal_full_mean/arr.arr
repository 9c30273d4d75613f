# normal_full_mean: all 20000 column means of a 20000x20000 normal(10, 0.1) array
# (no slice, so nothing can be skipped). Checksum: the mean of the column means.
import dask.array as da
x = da.random.normal(10, 0.1, size=(20000, 20000), chunks=(1000, 1000))
m = x.mean(axis=0)
print(m.mean())
