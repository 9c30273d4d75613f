# The tutorials' "blocked algorithm": summing a big array one block at a
# time in a Python loop, then the same thing with one lazy expression, which
# arr splits into chunks and reduces in parallel itself.
import numpy as np
import dask.array as da

x = da.arange(1000000, dtype=np.float32, chunks=100000)
sums = []
lengths = []
for i in range(0, 1000000, 100000):
    chunk = x[i: i + 100000]
    sums.append(chunk.sum())
    lengths.append(len(chunk))

total = sum(sums)
length = sum(lengths)
print(len(sums), length)
print(total, total / length)
print(x.sum(dtype=np.float64), x.mean(dtype=np.float64), x.numblocks)

y = da.ones((1000, 1000), chunks=(100, 100))
result = y.sum()
print(result.compute(), y.mean().compute())
