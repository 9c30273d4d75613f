# NumPy's Generator API: each generator owns its stream. arr's values are
# counter-based (Philox), not NumPy's PCG64 values, so this prints shapes,
# dtypes, ranges and statistics, which agree with NumPy's.
from numpy import *
from numpy.random import default_rng
rng = default_rng(2024)
print(rng)

# Same seed, same values; a new call continues the stream.
a = default_rng(2024).random(5)
b = default_rng(2024).random(5)
print(bool((a == b).all()))
print(bool((rng.random(5) == rng.random(5)).all()))

# Distributions: shapes, dtypes and statistics.
x = rng.normal(10, 2, size=(1000, 1000))
print(x.shape, x.dtype)
print(bool(abs(x.mean() - 10) < 0.01), bool(abs(x.std() - 2) < 0.01))
u = rng.uniform(-1, 1, size=100000)
print(bool(u.min() >= -1), bool(u.max() < 1), bool(abs(u.mean()) < 0.01))
f = rng.random(10, dtype=float32)
print(f.dtype, bool(((f >= 0) & (f < 1)).all()))
k = rng.integers(1, 7, size=60000)
print(k.dtype, int(k.min()), int(k.max()), bool(abs(k.mean() - 3.5) < 0.05))
d = rng.integers(0, 255, size=10, dtype=uint8, endpoint=True)
print(d.dtype)
p = rng.poisson(4.0, size=100000)
print(p.dtype, bool(abs(p.mean() - 4) < 0.05), bool(abs(p.var() - 4) < 0.1))
e = rng.exponential(2.0, size=100000)
print(bool(abs(e.mean() - 2) < 0.05))
n = rng.binomial(10, 0.3, size=100000)
print(int(n.min()) >= 0, int(n.max()) <= 10, bool(abs(n.mean() - 3) < 0.05))

# choice: from arange(n) or from an array, with or without replacement.
c = rng.choice(10, size=(3, 4))
print(c.shape, c.dtype, bool(((c >= 0) & (c < 10)).all()))
s = rng.choice(50, size=50, replace=False)
print(bool((s[None, :] == arange(50)[:, None]).any(axis=1).all()))
w = rng.choice(array([10, 20, 30]), size=100000, p=[0.2, 0.5, 0.3])
print(bool(abs((w == 20).mean() - 0.5) < 0.01), bool(abs((w == 30).mean() - 0.3) < 0.01))
m = arange(12).reshape(3, 4)
print(rng.choice(m, 2, axis=1).shape, rng.choice(m, 5).shape)

# permutation and permuted.
q = rng.permutation(10)
print(q.shape, bool((q[None, :] == arange(10)[:, None]).any(axis=1).all()))
r = rng.permutation(m)
print(bool((r[:, 0][None, :] == array([0, 4, 8])[:, None]).any(axis=1).all()), bool((r[:, 1] - r[:, 0] == 1).all()))
t = rng.permuted(m, axis=1)
print(bool((t[:, :, None] == m[:, None, :]).any(axis=2).all()))
