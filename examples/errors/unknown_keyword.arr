# A misspelled keyword argument: the error lists what was meant.
import dask.array as da
x = da.random.normal(10, 0.1, sise=(100, 100))
