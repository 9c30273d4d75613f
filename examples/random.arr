# Random arrays: seeds make runs reproducible, and (unlike dask) the values
# do not depend on the chunking. Shapes, dtypes and summary statistics.
import numpy as np
import dask.array as da

np.random.seed(42)
a = da.random.random((4, 5))
print(a.shape, a.dtype)
print(bool(((a >= 0) & (a < 1)).all()))

# The same seed gives the same numbers; chunking does not change them.
da.random.seed(7)
b = da.random.normal(0, 1, size=(1000, 1000), chunks=(100, 100))
da.random.seed(7)
c = da.random.normal(0, 1, size=(1000, 1000), chunks=(250, 500))
print(b.chunks == c.chunks, bool((b == c).all()))
print(f"|mean| < 0.01: {abs(float(b.mean())) < 0.01}, std {float(b.std()):.2f}")

u = da.random.uniform(-1, 1, size=(200, 300), chunks=(100, 100))
print(u.numblocks, round(float(u.mean()), 1), bool(u.min() >= -1), bool(u.max() < 1))

r = da.random.randint(1, 5, size=(10, 10))
print(r.dtype, int(r.min()) >= 1, int(r.max()) <= 4)
d = da.random.randint(0, 100, (4, 5))
print(d.shape, (10 * d.max()).compute() <= 990)

s = np.random.standard_normal((3, 3))
print(s.shape, s.ndim)
