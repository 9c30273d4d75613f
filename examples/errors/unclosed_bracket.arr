# An unclosed bracket: the error points at the opening bracket.
import dask.array as da
x = da.ones((10, 10), chunks=(5, 5)
y = x.sum()
print(y)
