# Sorting and order statistics: sort, argsort, topk/argtopk (dask's), median,
# percentile, quantile and their nan-variants, over ints, float32 and floats
# with NaNs, along several axes. They stay lazy; a sort keeps whole lanes in
# one chunk along its axis, as dask requires for median.
import numpy as np
import dask.array as da

x = np.array([[3.0, np.nan, 1.0, 2.0], [2.0, 0.5, -1.0, 7.0], [5.0, 5.0, 4.0, 4.0]])
print(np.sort(x))
print(np.sort(x, axis=0))
print(np.sort(x, axis=None))
print(np.argsort(x))
print(x.argsort(axis=0))
print(np.argsort(np.array([3, 1, 2, 1, 3])))   # stable: ties keep their order

i = da.from_array(np.array([[7, 2, 9, 4], [1, 8, 3, 6]], dtype=np.int32), chunks=(1, 2))
s = np.sort(i, axis=0)
print(s, s.dtype, s.chunks)
print(np.argsort(i, axis=None), np.argsort(i).dtype)

# dask's topk: k > 0 the largest first, k < 0 the smallest first (NaN is largest).
v = da.from_array(np.array([5, 1, 9, 3, 9, 1, 5]), chunks=3)
print(da.topk(v, 3), da.argtopk(v, 3))
print(v.topk(-3), v.argtopk(-3))
print(da.topk(x, 2, axis=1))
print(da.argtopk(x, -1, axis=0))

# Medians: ints give float64, float32 stays float32, a NaN makes the lane NaN.
print(np.median(i), np.median(i, axis=0), np.median(i, axis=1).dtype)
f = np.array([[1.5, 2.25, 9.0], [4.0, -3.0, 0.1]], dtype=np.float32)
print(np.median(f), np.median(f, axis=0), np.median(f).dtype)
print(np.median(x), np.median(x, axis=1), np.median(x, axis=0, keepdims=True))
print(np.nanmedian(x), np.nanmedian(x, axis=1))
print(np.median(np.arange(24).reshape(2, 3, 4), axis=(0, 2)))

# Percentiles and quantiles: q's shape comes first; five methods.
print(np.percentile(i, 40))
print(np.percentile(i, [10, 50, 90], axis=1))
for m in ["linear", "lower", "higher", "nearest", "midpoint"]:
    print(m, np.percentile(np.array([1, 2, 4, 10]), 40, method=m), np.quantile(f, 0.3, method=m, axis=1))
print(np.quantile(x, [[0.1, 0.5], [0.75, 1.0]], axis=0).shape)
print(np.quantile(f, 0.3), np.quantile(f, [0.3]), np.quantile(i, [0, 1]))
print(np.percentile(x, 50, axis=1), np.nanpercentile(x, 50, axis=1))
print(np.nanquantile(x, [0.25, 0.75], axis=0, keepdims=True))
print(np.nanpercentile(np.array([[np.nan, np.nan], [1.0, np.nan]]), 50, axis=1))

# Lazy and chunked: only the lanes a result needs are sorted.
r = da.random.random((2000, 3000), chunks=(500, 500))
m = np.median(r, axis=0)
print(m.shape, m.chunks[0][:3], np.sort(r, axis=0).chunks[0])
print(bool((np.sort(r, axis=0)[0] == r.min(axis=0)).all()), bool((m >= 0.45).all()))
