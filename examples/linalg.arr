# Matrix products on small arrays: the @ operator, dot and matmul, with
# vectors and matrices, and the tutorial's dot(x, x + x.T).
import numpy as np
import dask.array as da

a = np.arange(6).reshape(2, 3)
b = np.arange(6).reshape(3, 2)
print(a @ b)
print(np.dot(a, b))
print(np.matmul(b, a))
v = np.array([1, 2, 3])
print(a @ v, v @ v, np.dot(v, v))
print(np.eye(3) @ v)
print(a.dot(b).dtype, (a @ np.ones((3, 2))).dtype)
m = da.arange(16, chunks=4).reshape(4, 4) / 10
print(da.dot(m, m + da.transpose(m)))
print((m @ m.T).shape, (m @ m.T - (m @ m.T).T).max())
I = da.eye(4)
print(bool((I @ m == m).all()))
x = da.ones((200, 300), chunks=(100, 100))
y = da.ones((300, 50), chunks=(100, 50))
print((x @ y).shape, (x @ y).chunks, (x @ y)[0, 0])
