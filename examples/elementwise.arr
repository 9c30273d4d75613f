# Elementwise functions (ufuncs) and comparisons: they stay lazy and fuse
# into one kernel; applied to Python numbers they give Python numbers.
import numpy as np
import dask.array as da

x = da.linspace(0, 2, 5)
print(np.sqrt(x))
print(np.exp(x))
print(np.log(x + 1))
print(np.sin(x * np.pi), np.cos(np.pi))
print(np.round(np.sin(x * np.pi), 3))
print(np.abs(da.array([-2, 0, 3])), np.square(da.arange(4)), np.sign(da.array([-2.5, 0.0, 1.0])))
print(np.floor(da.array([-1.5, 1.5])), np.ceil(da.array([-1.5, 1.5])), np.rint(da.array([0.5, 1.5, 2.5])))
print(np.where(x > 1, x, -x))
print(np.clip(da.arange(8), 2, 5), da.arange(8).clip(3))
print(x > 1, (x > 0.5) & (x < 1.5), ~(x > 1), (x < 0.5) | (x > 1.5))
print(x == 1, x != 1)
print(np.isnan(da.array([1.0, np.nan])), np.isinf(da.array([np.inf, 1.0])), np.isfinite(da.array([1.0, np.inf, np.nan])))
print(np.sqrt(16), np.exp(0), np.sqrt(-1.0 * da.ones(2)))
print(np.maximum(da.arange(5), 2), np.minimum(da.arange(5), 2))
print(np.add(1, 2), np.multiply(da.arange(3), 3), np.power(2, da.arange(5)), np.mod(da.array([-7, 7]), 3))
print(da.array([1.0, -1.0, 0.0]) / 0)
print(da.array([7, -7]) // 2, da.array([7, -7]) % 3, da.array([7.5, -7.5]) // 2)
