# Counting and lookup against a small table: histogram, histogram2d,
# bincount, digitize, searchsorted, isin, unique. The table side (bins,
# sorted array, test elements) is computed when the function is called;
# the data side stays lazy and chunked.
import numpy as np

# histogram: equal-width bins over the data's range, or over range=
x = np.array([1, 2, 1, 3, 4, 2, 2, 5])
h, e = np.histogram(x, bins=4)
print(h)
print(e)
h, e = np.histogram(x, bins=3, range=(0, 6))
print(h, e)
h, e = np.histogram(np.array([0.5, 1.5, 1.5, 2.5, 9.0]), bins=[0, 1, 2, 3])
print(h, e, e.dtype)
h, e = np.histogram(np.array([1, 2, 3]), bins=[0, 1, 1, 3])
print(h)
h, e = np.histogram(np.array([0.1, 0.2, 0.3, 0.7]), bins=3, density=True)
print(h)
print(e)
h, e = np.histogram(np.array([1.0, 2.0, 3.0, 4.0]), bins=2, weights=np.array([0.5, 1.0, 2.0, 4.0]))
print(h, h.dtype)
h, e = np.histogram(np.array([1, 2, 3]), bins=3, weights=np.array([1, 2, 3], dtype=np.int32))
print(h, h.dtype)
h, e = np.histogram(np.array([1.0, 2.0, 3.0], dtype=np.float32), bins=3)
print(h, e, e.dtype)
h, e = np.histogram(np.array([5, 5, 5]), bins=4)
print(h, e)
h, e = np.histogram(np.array([1.0, np.nan, 2.0, np.inf]), bins=2, range=(0, 4))
print(h, e)
h, e = np.histogram(np.array([]), bins=3)
print(h, e)
print(np.histogram_bin_edges(np.array([0.0, 1.0, 10.0]), bins=5))

# the tutorials' masked histogram: 100000 normals, the positive ones
r = np.random.normal(0, 1, 100000, chunks=10000)
h, e = np.histogram(r[r > 0], bins=20, range=(0, 4))
print(h.shape, h.dtype, h.sum() <= (r > 0).sum(), e[:3])

# histogram2d: H is float64 of shape (nx, ny)
H, xe, ye = np.histogram2d(np.array([1, 2, 3, 3]), np.array([1, 1, 2, 3]), bins=2)
print(H)
print(xe, ye)
H, xe, ye = np.histogram2d(np.array([0.1, 0.5, 0.9]), np.array([0.2, 0.4, 0.8]), bins=[2, 3], range=[[0, 1], [0, 1]])
print(H)
H, xe, ye = np.histogram2d(np.array([1, 2, 3]), np.array([1, 1, 2]), bins=[0, 1, 2, 3], density=True)
print(H)
H, xe, ye = np.histogram2d(np.array([1.0, 2.0, 3.0]), np.array([1.5, 1.0, 2.0]), bins=2, weights=np.array([1.0, 2.0, 3.0]))
print(H)

# bincount: length max(x) + 1 (or minlength)
print(np.bincount(np.array([0, 1, 1, 3, 2, 1, 7])))
print(np.bincount(np.array([0, 1, 1]), minlength=5))
print(np.bincount(np.array([0, 1, 1, 2]), weights=np.array([0.5, 1.0, 0.25, 2.0])))
print(np.bincount(np.array([], dtype=np.int64)), np.bincount(np.array([True, False, True])))

# digitize: increasing and decreasing bins, right=
bins = np.array([0.0, 1.0, 2.5, 4.0, 10.0])
print(np.digitize(np.array([0.2, 6.4, 3.0, 1.6, -1.0, 10.0]), bins))
print(np.digitize(np.array([0.2, 6.4, 3.0, 1.6, -1.0, 10.0]), bins, right=True))
print(np.digitize(np.array([0.5, 3, 10]), np.array([3, 2, 1])))
print(np.digitize(np.array([1, 2, 3]), np.array([3, 2, 1]), right=True))
print(np.digitize(2.5, np.array([1, 2, 3])), np.digitize(np.array([np.nan, 1.0]), bins))

# searchsorted: left and right, NaN sorts last, sorter
a = np.array([1, 2, 2, 3, 5])
print(np.searchsorted(a, np.array([2, 0, 6, 3])))
print(np.searchsorted(a, np.array([2, 0, 6, 3]), side='right'))
print(np.searchsorted(a, 2.5), np.searchsorted(a, np.array([[1, 4], [5, 9]])))
print(np.searchsorted(np.array([1.0, 2.0, np.nan]), np.array([np.nan, 2.0, np.inf])))
print(np.searchsorted(np.array([3, 1, 2]), np.array([2.5, 0.0]), sorter=np.array([1, 2, 0])))

# isin: any shape, NaN is in nothing, invert=
print(np.isin(np.array([[1, 2], [3, 4]]), [2, 4]))
print(np.isin(np.array([1.0, np.nan, 3.0]), [np.nan, 3]))
print(np.isin(np.arange(6), np.array([[1, 3], [5, 7]]), invert=True))
print(np.isin(np.array([1, 2]), np.array([])))

# unique: sorted distinct values, NaNs as one, first indices, inverse, counts
print(np.unique(np.array([3, 1, 3, 2, 1])))
u, idx, inv, cnt = np.unique(np.array([[1.0, np.nan], [1.0, 0.5], [np.nan, -2.0]]), return_index=True, return_inverse=True, return_counts=True)
print(u)
print(idx, cnt)
print(inv)
u, cnt = np.unique(np.array([2, 1], dtype=np.int8), return_counts=True)
print(u, u.dtype, cnt)
print(np.unique(np.array([])), np.unique(np.array(5)))
