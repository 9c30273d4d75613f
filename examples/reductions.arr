# Reductions: sum, prod, mean, std, var, min, max, any, all over everything,
# one axis, several axes, with keepdims and ddof; as methods and functions.
import numpy as np
import dask.array as da

x = da.arange(24, chunks=5).reshape(2, 3, 4)
print(x.sum())
print(x.sum(axis=0))
print(x.sum(axis=(0, 2)))
print(x.sum(axis=-1, keepdims=True).shape)
print(np.sum(x, axis=1))
print(x.mean(), x.mean(axis=2))
print(x.std(), x.std(ddof=1))
print(x.var(axis=0))
print(np.var(x, axis=(1, 2), ddof=1))
print(x.min(), x.max(), x.min(axis=1))
print(np.prod(np.arange(1, 11)))
print(da.arange(1, 6, dtype=float).prod())
print((x > 20).any(), (x >= 0).all(), (x > 5).all(axis=2))

# The tutorial's checkpoint: a standard deviation per column.
y = da.ones((1000, 1000), chunks=(250, 250))
print(y.sum(), y.std(axis=0)[:5], y.mean(axis=1, keepdims=True).shape)
z = da.linspace(0, 1, 11)
print(z.mean(), z.std(), z.var(ddof=1))
print(np.mean(da.ones((10, 10), dtype=int) + da.ones((10, 10), dtype=int).T))
