# Chunking: regular chunks with a ragged last chunk, one size for all axes,
# explicit per-axis tuples, "auto", rechunk, and compute/persist. Results
# never depend on the chunking.
import numpy as np
import dask.array as da

a = da.ones((10, 7), chunks=(4, 3))
print(a.chunks, a.chunksize, a.numblocks)
b = da.ones((10, 7), chunks=5)
print(b.chunks)
c = da.ones((10, 7), chunks=((2, 8), (7,)))
print(c.chunks, c.numblocks)
d = da.ones((100, 100), chunks=-1)
print(d.chunks)
print(da.ones(1000).chunks, da.ones((1000, 1000), chunks="auto").numblocks)

r = a.rechunk((5, 7))
print(r.chunks, r.sum(), a.sum(), c.sum())
x = da.arange(12, chunks=5).reshape(3, 4)
print(x.chunks)
print(x.rechunk(2).chunks, x.rechunk((3, 1)).numblocks)
print(bool((x.rechunk(1) == x).all()), x.rechunk(1).sum())

y = (x * 2).persist()
print(y.chunks, y.compute())
z = (x + 1).compute()
print(z.shape, z.sum(axis=1))
print(da.from_array(np.arange(10), chunks=3).chunks)
print(da.from_array(np.ones((5, 8)), chunks=(5, 4)).numblocks)
