# Data types: int64, float64, float32, bool, int32, uint8; astype, and
# NumPy 2 promotion where Python numbers adapt to the array's type.
import numpy as np
import dask.array as da

a = da.arange(5)
print(a.dtype, a.astype(np.float32).dtype, a.astype(float).dtype, (a > 2).dtype)
print(da.array([1.7, -1.7, 2.5]).astype(int))
print(da.array([1.7, -1.7]).astype(np.int32), da.array([0, 1, 2]).astype(bool))
print(da.array([300, 255, -1]).astype(np.uint8))
f = da.ones(3, dtype=np.float32)
print((f * 2).dtype, (f * 2.5).dtype, (f + a[:3]).dtype, (a + 1.0).dtype)
i = da.ones(3, dtype=np.int32)
print((i + 1).dtype, (i + a[:3]).dtype, (i * 1.5).dtype, (i / 2).dtype)
u = da.ones(2, dtype=np.uint8)
print((u + 1).dtype, (u + i[:2]).dtype, u.sum().dtype, i.sum().dtype, f.sum().dtype)
print(da.zeros(2, dtype=bool), da.ones(2, dtype=np.float32) / 3)
print(da.array([1, 2]).dtype, da.array([1, 2.0]).dtype, da.array([True, 2]).dtype)
print(a.mean().dtype, (a > 1).sum(), (a > 1).sum().dtype)
print(f.nbytes, a.nbytes, u.itemsize if False else u.nbytes)
