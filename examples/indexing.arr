# Indexing and slicing: integers, ranges with steps (also negative),
# Ellipsis, None (newaxis) and combinations; slicing a huge lazy array and
# printing a corner computes only that corner.
import numpy as np
import dask.array as da

a = np.arange(24).reshape(4, 6)
print(a[1])
print(a[1, 2], a[-1, -1])
print(a[:, 1])
print(a[1:3, 2:5])
print(a[::2, ::3])
print(a[::-1])
print(a[::-1, ::-2])
print(a[3:0:-2, -2:])
print(a[..., 0])
print(a[None].shape, a[:, None].shape, a[..., None].shape, a[np.newaxis, ..., None].shape)
print(a[1, ...], a[..., -1])
print(a[:100, 4:100])
print(a[5:].shape, a[:, 6:].shape)

b = np.arange(60).reshape(3, 4, 5)
print(b[1, :, ::2])
print(b[..., 1:3].shape, b[:, -1, ...])
print(b[-1, -1, -1], b[0][1][2])

big = da.ones((20000, 20000), chunks=(1000, 1000))
print(big[::2, :].shape, big[5000:5003, -2:])
r = da.random.random((5000, 5000))
print(r[::2, :].shape, r[10:12, 10:12].shape)
