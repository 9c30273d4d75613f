# Arithmetic and broadcasting: x + x.T, outer products with None, scalars,
# and NumPy 2's type promotion (Python numbers are "weak").
import numpy as np
import dask.array as da

x = np.ones((10, 10), dtype=int)
y = x + x.T
print(y.sum(), y.dtype, np.mean(y))

a = da.arange(4)
b = da.arange(3)
print(a[:, None] * b[None, :])
print(a[None, :] + b[:, None])
print(a - 1.5, a * 2, a / 2, a // 2, a % 3, a ** 2, -a)

m = da.arange(12, chunks=4).reshape(3, 4)
row = da.array([10, 20, 30, 40])
col = da.array([[100], [200], [300]])
print(m + row)
print(m + col)
print((m * 2 + 1) % 5 == 0)

f = da.ones(3, dtype=np.float32)
print((f + 1).dtype, (f + 1.5).dtype, (f + da.ones(3)).dtype, (da.arange(3) / 2).dtype)
print((da.arange(3) + True).dtype, (da.array([True, False]) + da.array([True, True])).dtype)
print(da.maximum(m, 6), np.minimum(row, 25))
