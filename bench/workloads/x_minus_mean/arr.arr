# x_minus_mean: abs(x - x.mean(axis=0)).sum() for a 5000x5000 uniform array in
# 1000x1000 chunks (abs() keeps the result from being trivially ~0).
import dask.array as da
x = da.random.random((5000, 5000), chunks=(1000, 1000))
print(abs(x - x.mean(axis=0)).sum())
