# From the Chinese dask tutorial (数组): the blocked mean as an exercise,
# then the same reductions as one lazy dask.array expression, and the
# checkpoint's per-column standard deviation.
import numpy as np
import dask.array as da

dset = da.random.random((100000,), chunks=(10000,))
sums = []
lengths = []
for i in range(0, 100000, 10000):
    chunk = dset[i: i + 10000]
    sums.append(chunk.sum())
    lengths.append(len(chunk))

total = sum(sums)
length = sum(lengths)
blocked_mean = total / length
print(length, f"{float(blocked_mean):.2f}")
print(bool(abs(blocked_mean - dset.mean()) < 1e-12))

x = dset
result = x.sum()
print(result.shape, result.dtype, result.ndim)
print(f"mean {float(x.mean()):.2f}, var {float(x.var()):.3f}, std {float(x.std()):.2f}")
print(f"min >= 0: {bool(x.min() >= 0)}, max < 1: {bool(x.max() < 1)}")

# Checkpoint: a random 1000x1000 matrix and its standard deviation per column.
m = da.random.random(size=(1000, 1000), chunks=(250, 250))
s = m.std(axis=0)
print(s.shape, s.chunks, f"{float(s.mean()):.2f}")
