# Creating arrays: zeros, ones, full, empty shapes, eye, arange, linspace and
# array, with explicit dtypes (`dtype=int`, `np.float32`) and chunking.
import numpy as np
import dask.array as da

print(da.zeros((2, 3)))
print(da.zeros((10, 10), dtype=np.float32).dtype)
print(np.ones((3, 3), dtype=int))
print(da.full((2, 4), 7))
print(da.full((2, 2), 0.5, dtype=np.float32))
print(da.eye(4, dtype=np.float32))
print(np.eye(3, 4, k=1, dtype=int))
print(np.identity(2))
print(da.arange(1, 5))
print(da.arange(10))
print(np.arange(0, 1, 0.125))
print(np.arange(10, 0, -3))
print(da.linspace(-1, 1, 5))
print(np.linspace(0, 1, 4, endpoint=False))
print(np.linspace(0, 10, 100).shape)
print(np.array([[1, 2], [3, 4]]))
print(np.array([1, 2, 3], dtype=float))
print(np.array([1.5, -2.25, 3.0], dtype=np.float32))
print(np.array([True, False, True]))
print(np.zeros_like(np.arange(4)), np.ones_like(np.eye(2)))
print(np.full_like(np.arange(3), 9))
x = da.from_array(np.arange(12).reshape(3, 4), chunks=(2, 2))
print(x)
print(x.chunks)
