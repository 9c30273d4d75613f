# Reductions and scans: axes, keepdims, ddof, result dtypes, NaN handling.
# Summation order differs from NumPy's pairwise sums, so floats get a tolerance.
# tolerance: rtol=1e-12 atol=1e-12

### sum_all_int
np.arange(24).reshape(2, 3, 4).sum()

### sum_axis0
np.arange(24).reshape(2, 3, 4).sum(axis=0)

### sum_axis_neg1
np.arange(24).reshape(2, 3, 4).sum(axis=-1)

### sum_axis_tuple
np.arange(24).reshape(2, 3, 4).sum(axis=(0, 2))

### sum_keepdims
np.arange(24).reshape(2, 3, 4).sum(axis=1, keepdims=True)

### sum_int8_promotes_int64
np.array([100, 100, 100], dtype=np.int8).sum()

### sum_uint8_promotes_uint64
np.array([200, 200], dtype=np.uint8).sum()

### sum_bool_is_int
np.array([[True, False], [True, True]]).sum(axis=0)

### sum_float32_stays rtol=1e-6
np.arange(10, dtype=np.float32).sum()

### sum_dtype_arg
np.arange(5).sum(dtype=np.float32)

### sum_empty
np.zeros((0, 3)).sum(axis=0)

### prod_ints
np.arange(1, 11).prod()

### prod_axis
np.arange(1, 7).reshape(2, 3).prod(axis=1)

### mean_int_is_float
np.arange(10).mean()

### mean_axis
np.arange(12.0).reshape(3, 4).mean(axis=0)

### mean_float32 rtol=1e-6
np.arange(12, dtype=np.float32).reshape(3, 4).mean(axis=1)

### mean_keepdims
np.arange(12.0).reshape(3, 4).mean(axis=1, keepdims=True)

### var_default
np.array([1.0, 2.0, 4.0, 7.0]).var()

### var_ddof1
np.array([1.0, 2.0, 4.0, 7.0]).var(ddof=1)

### std_axis
np.arange(12.0).reshape(3, 4).std(axis=0)

### std_int
np.array([1, 2, 3, 4]).std()

### std_ddof_axis
np.arange(12.0).reshape(3, 4).std(axis=1, ddof=1)

### var_float32 rtol=1e-6
np.array([1.5, 2.5, 10.0], dtype=np.float32).var()

### min_max
x = np.array([[3, -1, 7], [2, 9, -5]])
(x.min(), x.max(), x.min(axis=0), x.max(axis=1))

### min_max_float_nan
x = np.array([1.0, np.nan, 3.0])
(x.min(), x.max())

### argmin_argmax_flat
x = np.array([[3, -1, 7], [2, 9, -5]])
(x.argmin(), x.argmax())

### argmin_argmax_axis
x = np.array([[3, -1, 7], [2, 9, -5]])
(x.argmin(axis=0), x.argmax(axis=1))

### argmax_first_of_ties
np.array([1, 5, 5, 2, 5]).argmax()

### argmax_nan_wins
np.array([1.0, np.nan, 5.0]).argmax()

### any_all
x = np.array([[True, False], [False, False]])
(x.any(), x.all(), x.any(axis=1), x.all(axis=0))

### any_on_ints
np.any(np.array([0, 0, 3]))

### count_nonzero
np.count_nonzero(np.array([[0, 1, 2], [0, 0, 3]]))

### count_nonzero_axis
np.count_nonzero(np.array([[0, 1, 2], [0, 0, 3]]), axis=0)

### ptp
np.ptp(np.array([[4, 9, 2], [3, 5, 1]]), axis=1)

### average_plain
np.average(np.arange(6.0))

### average_weights
np.average(np.arange(6.0).reshape(2, 3), axis=1, weights=np.array([1.0, 2.0, 3.0]))

### nansum
np.nansum(np.array([1.0, np.nan, 3.0]))

### nanmean_axis
np.nanmean(np.array([[1.0, np.nan], [3.0, 4.0]]), axis=0)

### nanmin_nanmax
x = np.array([np.nan, 2.0, -1.0, np.nan])
(np.nanmin(x), np.nanmax(x))

### nanprod
np.nanprod(np.array([2.0, np.nan, 4.0]))

### nansum_int_passthrough
np.nansum(np.array([1, 2, 3]))

### cumsum_flat
np.cumsum(np.arange(6).reshape(2, 3))

### cumsum_axis
np.arange(6).reshape(2, 3).cumsum(axis=0)

### cumprod_axis
np.arange(1, 7).reshape(2, 3).cumprod(axis=1)

### cumsum_int8_promotes
np.cumsum(np.array([100, 100, 100], dtype=np.int8))

### cumsum_float
np.cumsum(np.array([0.1, 0.2, 0.3, 0.4]))

### diff_default
np.diff(np.array([1, 4, 9, 16, 25]))

### diff_n2
np.diff(np.array([1, 4, 9, 16, 25]), n=2)

### diff_axis0
np.diff(np.arange(12).reshape(3, 4) ** 2, axis=0)

### sum_of_broadcast
(np.arange(4).reshape(4, 1) * np.arange(5)).sum(axis=0)

### mean_of_expression
((np.arange(10.0) - 4.5) ** 2).mean()

### sum_axis_out_of_range
np.arange(6).sum(axis=2)

### mean_empty_is_nan
np.zeros(0).mean()

### max_empty_errors
np.zeros(0).max()

### std_large_offset rtol=1e-9
(np.arange(1000.0) + 1e9).std()

### sum_function_form_axis
np.sum(np.ones((3, 4)), axis=1)

### min_function_form
np.min(np.array([[5, 2], [8, 1]]), axis=0)

### amax_alias
np.amax(np.array([[5, 2], [8, 1]]))

### all_empty_true
np.all(np.zeros(0, dtype=bool))

### cumsum_bool
np.cumsum(np.array([True, True, False, True]))

### nancumsum_nancumprod
x = np.array([[1.0, np.nan, 2.0], [np.nan, 3.0, 4.0]])
(np.nancumsum(x), np.nancumprod(x, axis=1))

### nanargmax_nanargmin
x = np.array([[1.0, np.nan, 3.0], [np.nan, -2.0, 0.5]])
(np.nanargmax(x), np.nanargmin(x, axis=1), np.nanargmax(x, axis=0))

### nanargmax_all_nan_errors
np.nanargmax(np.array([[1.0, 2.0], [np.nan, np.nan]]), axis=1)

### nanargmin_int
np.nanargmin(np.array([3, 1, 2]))
