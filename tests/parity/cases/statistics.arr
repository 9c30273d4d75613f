# Sorting, order statistics, counting and lookup, contractions and
# covariance: the functions built on whole lanes or small tables.
# tolerance: rtol=1e-12 atol=1e-12

### sort_1d
np.sort(np.array([3, 1, 2, 5, 4]))

### sort_axis0
np.sort(np.array([[3, 1, 2], [0, 5, 4]]), axis=0)

### sort_axis_none
np.sort(np.array([[3, 1], [0, 5]]), axis=None)

### sort_nan_last
np.sort(np.array([2.0, np.nan, -1.0, np.inf, -np.inf]))

### sort_float32
np.sort(np.array([2.5, -1.5, 0.0], dtype=np.float32))

### argsort_stable_ties
np.argsort(np.array([2, 1, 2, 1, 0]), kind="stable")

### argsort_axis1
np.argsort(np.array([[3, 1, 2], [0, 5, 4]]), axis=1)

### argsort_method
np.array([0.5, -2.0, 3.0]).argsort()

### median_odd_even
(np.median(np.array([3, 1, 2])), np.median(np.array([4.0, 1.0, 3.0, 2.0])))

### median_axis
np.median(np.arange(12.0).reshape(3, 4) ** 2, axis=1)

### median_keepdims
np.median(np.arange(12).reshape(3, 4), axis=0, keepdims=True)

### median_float32
np.median(np.array([1.5, 2.5, 4.0, 8.0], dtype=np.float32))

### median_nan
np.median(np.array([1.0, np.nan, 3.0]))

### nanmedian
np.nanmedian(np.array([[1.0, np.nan, 3.0], [np.nan, 4.0, 8.0]]), axis=1)

### percentile_linear
np.percentile(np.arange(11.0), [0, 10, 25, 50, 90, 100])

### percentile_methods
x = np.array([1.0, 3.0, 7.0, 15.0])
[np.percentile(x, 40, method=m) for m in ["linear", "lower", "higher", "nearest", "midpoint"]]

### percentile_axis
np.percentile(np.arange(20.0).reshape(4, 5), 30, axis=0)

### quantile_scalar_and_list
x = np.array([5.0, 1.0, 9.0, 3.0])
(np.quantile(x, 0.5), np.quantile(x, [0.25, 0.75]))

### quantile_int_input
np.quantile(np.array([1, 2, 3, 4, 10]), 0.3)

### nanpercentile
np.nanpercentile(np.array([np.nan, 1.0, 2.0, 3.0, np.nan]), 50)

### nanquantile_axis
np.nanquantile(np.array([[1.0, np.nan], [3.0, 4.0]]), 0.5, axis=0)

### unique_sorted
np.unique(np.array([3, 1, 3, 2, 1, 3]))

### unique_counts
np.unique(np.array([3, 1, 3, 2, 1, 3]), return_counts=True)

### unique_index_inverse
np.unique(np.array([5, 2, 5, 7, 2]), return_index=True, return_inverse=True)

### unique_floats_nan
np.unique(np.array([1.0, np.nan, 1.0, np.nan, 0.5]))

### bincount
np.bincount(np.array([0, 1, 1, 3, 2, 1, 7]))

### bincount_weights_minlength
np.bincount(np.array([0, 1, 1, 2]), weights=np.array([0.5, 1.0, 1.5, 2.0]), minlength=5)

### bincount_negative_errors
np.bincount(np.array([0, -1]))

### histogram_bins_int
np.histogram(np.array([1, 2, 1, 3, 5, 4, 4, 4]), bins=4)

### histogram_range
np.histogram(np.linspace(0, 1, 101), bins=5, range=(0, 1))

### histogram_edges
np.histogram(np.array([0.5, 1.5, 1.5, 2.5, 9.0]), bins=[0, 1, 2, 3])

### histogram_density
np.histogram(np.array([1.0, 2.0, 2.0, 3.0, 3.0, 3.0]), bins=3, density=True)

### histogram_weights
np.histogram(np.arange(6.0), bins=2, weights=np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]))

### histogram_float32
np.histogram(np.linspace(0, 3, 31).astype(np.float32), bins=7)

### histogram_masked_tutorial
x = np.sin(np.arange(1000.0) * 0.37) * 3
np.histogram(x[x > 0], bins=20, range=(0, 4))

### histogram2d
x = np.array([0.1, 0.5, 0.9, 0.5, 0.2])
y = np.array([0.2, 0.4, 0.8, 0.9, 0.1])
np.histogram2d(x, y, bins=2)

### histogram_bin_edges
np.histogram_bin_edges(np.array([0.0, 1.0, 5.0]), bins=5)

### digitize
np.digitize(np.array([0.2, 6.4, 3.0, 1.6]), np.array([0.0, 1.0, 2.5, 4.0, 10.0]))

### digitize_right
np.digitize(np.array([1.0, 2.5, 4.0]), np.array([0.0, 1.0, 2.5, 4.0]), right=True)

### digitize_decreasing
np.digitize(np.array([0.2, 6.4, 3.0]), np.array([10.0, 4.0, 2.5, 1.0]))

### searchsorted_left_right
a = np.array([1, 2, 2, 3, 5])
(np.searchsorted(a, [2, 4, 0, 6]), np.searchsorted(a, [2, 4], side="right"))

### searchsorted_scalar
np.searchsorted(np.array([1.0, 2.0, 3.0]), 2.5)

### isin
np.isin(np.arange(8), [1, 3, 5, 11])

### isin_invert_2d
np.isin(np.arange(6).reshape(2, 3), np.array([0, 4]), invert=True)

### einsum_matmul
np.einsum("ij,jk->ik", np.arange(6.0).reshape(2, 3), np.arange(12.0).reshape(3, 4))

### einsum_trace_diag
m = np.arange(9).reshape(3, 3)
(np.einsum("ii", m), np.einsum("ii->i", m))

### einsum_transpose_sum
x = np.arange(6).reshape(2, 3)
(np.einsum("ij->ji", x), np.einsum("ij->", x), np.einsum("ij->j", x))

### einsum_outer_dot
a = np.arange(3.0)
b = np.arange(4.0)
(np.einsum("i,j->ij", a, b), np.einsum("i,i", a, a))

### einsum_batched
np.einsum("bij,bjk->bik", np.arange(12.0).reshape(2, 2, 3), np.arange(12.0).reshape(2, 3, 2))

### einsum_implicit
np.einsum("ij,jk", np.arange(4).reshape(2, 2), np.arange(4).reshape(2, 2))

### einsum_ellipsis
np.einsum("...ij,...jk->...ik", np.ones((3, 2, 2)), np.arange(4.0).reshape(2, 2))

### einsum_mismatch_errors
np.einsum("ij,jk->ik", np.ones((2, 3)), np.ones((4, 2)))

### tensordot_default
np.tensordot(np.arange(24.0).reshape(2, 3, 4), np.arange(12.0).reshape(3, 4), axes=2)

### tensordot_axes_pairs
np.tensordot(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(3, 2), axes=([1], [0]))

### tensordot_int_zero
np.tensordot(np.arange(2), np.arange(3), axes=0)

### inner
np.inner(np.arange(6).reshape(2, 3), np.arange(6).reshape(2, 3))

### kron
np.kron(np.eye(2), np.array([[1, 2], [3, 4]]))

### cov_rows
np.cov(np.array([[0.0, 1.0, 2.0, 4.0], [2.0, 1.0, 0.5, 0.0]]))

### cov_rowvar_false_bias
np.cov(np.arange(12.0).reshape(4, 3) ** 2, rowvar=False, bias=True)

### cov_two_vectors
np.cov(np.array([1.0, 2.0, 4.0]), np.array([1.0, 3.0, 2.0]))

### cov_fweights
np.cov(np.array([[1.0, 2.0, 4.0], [0.0, 1.0, 3.0]]), fweights=np.array([1, 2, 1]))

### corrcoef
np.corrcoef(np.array([[1.0, 2.0, 3.0, 5.0], [2.0, 1.0, 0.0, 3.0], [1.0, 1.0, 2.0, 2.0]]))

### nanvar_nanstd
x = np.array([[1.0, np.nan, 3.0], [4.0, 5.0, np.nan]])
(np.nanvar(x), np.nanstd(x, axis=1), np.nanvar(x, axis=0, ddof=1))

### topk_like_sort
x = np.array([5, 1, 9, 3, 7])
np.sort(x)[::-1][:3]
