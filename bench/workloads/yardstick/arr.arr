# yardstick: column means of a 20000x20000 normal(10, 0.1) array, every 100th column.
# Checksum: the mean of the 200 selected column means (forces all of them).
import dask.array as da
x = da.random.normal(10, 0.1, size=(20000, 20000), chunks=(1000, 1000))
m = x.mean(axis=0)[::100]
print(m.mean())
