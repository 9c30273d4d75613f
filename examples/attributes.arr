# Array attributes: shape, dtype, ndim, size, nbytes, and the chunk grid
# (chunks, chunksize, numblocks). None of these computes anything.
import numpy as np
import dask.array as da

x = da.ones((10000, 1000, 100), dtype=np.float32, chunks=(1000, 500, 100))
print(x.shape)
print(x.dtype)
print(x.ndim)
print(x.size)
print(x.nbytes)
print(x.chunksize)
print(x.numblocks)
print(len(x.chunks), x.chunks[1], x.chunks[2])

y = da.arange(10, chunks=3)
print(y.chunks, y.chunksize, y.numblocks)

z = da.zeros((5, 8), dtype=int, chunks=(5, 4))
print(z.shape, z.dtype, z.chunks, z.nbytes)
print(z.T.shape, z.T.chunks)
print(z[1:3, ::2].shape, len(z))

s = z.sum()
print(s.shape, s.ndim, s.size)
