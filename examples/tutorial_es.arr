# From the Spanish dask tutorial ("Arreglos de Dask"): creation, random
# arrays, arithmetic, reductions along axes, broadcasting, transposition,
# slicing and a little linear algebra, on small arrays.
import dask.array as da
import numpy as np

X = da.zeros((10, 10), dtype=np.float32)
print(X.shape, X.dtype, X.nbytes)
X = da.eye(5, dtype=np.float32)
print(X.sum(), X.trace() if False else X.sum(axis=0))
x = da.arange(1, 5)
print(x, x.dtype)
x = da.linspace(-1, 1, 100)
print(x.shape, x[:3], x[-1])

X = da.random.randint(1, 5, size=(10, 10))
print(X.shape, bool(((X >= 1) & (X < 5)).all()))
X = da.random.uniform(-1, 1, size=(10, 10))
print(X.shape, bool((abs(X) <= 1).all()))

A = da.arange(6).reshape(2, 3)
B = da.ones((2, 3), dtype=int)
print(A + B)
print(A * 2 - B)
print(A.sum(axis=0), A.sum(axis=1), A.max(axis=1))
print(A + da.array([10, 20, 30]))
print(A.T)
print(A[:, 1:], A[1, ::-1])
print(A @ A.T)
