# The tutorials' "sum of a large on-disk array", with a NumPy .npy file:
# a generated array is saved chunk by chunk (never whole in memory), then
# loaded lazily and summed block by block in parallel; a slice reads only
# its rows. It writes target/blocked_sum.npy (run it from the repository
# root, as the tests do).
import numpy as np
import dask.array as da

path = "target/blocked_sum.npy"
x = da.arange(2_000_000, dtype=np.float32, chunks=250_000).reshape(1000, 2000) % 997
np.save(path, x)

d = np.load(path)
print(d.dtype, d.shape, d.nbytes)

# chunks of 100 rows: each one is a single contiguous read of the file
y = da.from_array(d, chunks=(100, 2000))
print(y.numblocks)
total = y.sum(dtype=np.float64)
print(total.compute(), y.mean(dtype=np.float64).compute())

# the same sum as a Python loop over blocks of rows
sums = []
for i in range(0, 1000, 250):
    sums.append(d[i:i + 250].sum(dtype=np.float64))
print(len(sums), sum(sums))

# every 100th row: only those rows are read
print(d[::100, :4])
print(np.load(path, chunks=(500, 500)).max(axis=0)[:3])
