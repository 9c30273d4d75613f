# Basic, boolean-mask and integer-array indexing, with NumPy's result shapes.
# tolerance: rtol=0

### int_index
np.arange(10)[3]

### negative_index
np.arange(10)[-1]

### slice_step
np.arange(10)[1:8:3]

### slice_negative_step
np.arange(10)[::-2]

### slice_negative_bounds
np.arange(10)[-3:-8:-1]

### slice_out_of_range_clips
np.arange(5)[2:100]

### empty_slice
np.arange(5)[4:1]

### two_d_row
np.arange(12).reshape(3, 4)[1]

### two_d_col
np.arange(12).reshape(3, 4)[:, 2]

### two_d_element
np.arange(12).reshape(3, 4)[2, -1]

### two_d_slices
np.arange(20).reshape(4, 5)[1:3, ::2]

### ellipsis
np.arange(24).reshape(2, 3, 4)[..., 1]

### ellipsis_middle
np.arange(24).reshape(2, 3, 4)[1, ..., 2]

### newaxis
np.arange(3)[:, np.newaxis].shape

### none_front_and_back
np.arange(6).reshape(2, 3)[None, :, None, :]

### chained_indexing
np.arange(24).reshape(2, 3, 4)[1][2][3]

### reversed_2d
np.arange(6).reshape(2, 3)[::-1, ::-1]

### index_out_of_range_errors
np.arange(5)[5]

### too_many_indices_errors
np.arange(5)[1, 2]

### mask_1d
x = np.arange(10)
x[x % 3 == 0]

### mask_2d_flattens
x = np.arange(12).reshape(3, 4)
x[x > 6]

### mask_rows
x = np.arange(12).reshape(3, 4)
x[np.array([True, False, True])]

### mask_then_sum
x = np.arange(100.0)
x[x > 50].sum()

### mask_then_mean_and_len
x = np.arange(20)
y = x[x % 2 == 1]
(len(y), y.mean())

### mask_empty_result
x = np.arange(5)
x[x > 10]

### mask_wrong_shape_errors
np.arange(5)[np.array([True, False])]

### mask_then_arith
x = np.arange(10.0)
y = x[x > 4]
y * 2 + y[::-1]

### mask_of_mask
x = np.arange(30)
y = x[x > 10]
y[y % 4 == 0]

### fancy_list
np.arange(10)[[0, 2, -1]]

### fancy_repeat_and_order
np.arange(10)[[5, 1, 5, 0]]

### fancy_array
np.arange(10, 20)[np.array([3, 3, 9])]

### fancy_2d_index_array
np.arange(10)[np.array([[1, 2], [3, 4]])]

### fancy_on_rows
np.arange(12).reshape(3, 4)[[2, 0]]

### fancy_on_cols
np.arange(12).reshape(3, 4)[:, [3, 0]]

### fancy_with_int
np.arange(12).reshape(3, 4)[1, [0, 2]]

### fancy_out_of_range_errors
np.arange(5)[[0, 7]]

### fancy_two_axes
np.arange(12).reshape(3, 4)[[0, 2], [1, 3]]

### fancy_broadcast_axes
x = np.arange(12).reshape(3, 4)
x[np.array([[0], [2]]), np.array([1, 3])]

### fancy_separated_by_slice
np.arange(24).reshape(2, 3, 4)[[0, 1], :, [1, 2]]

### fancy_with_mask_in_tuple
np.arange(12).reshape(3, 4)[np.array([True, False, True]), 1:3]

### where_three_args
x = np.arange(6)
np.where(x > 2, x, -x)

### where_scalar_branches
np.where(np.array([True, False, True]), 1.5, 0)

### where_one_arg
np.where(np.array([[0, 3], [4, 0]]))

### nonzero
np.nonzero(np.array([0, 5, 0, 7]))

### argwhere
np.argwhere(np.arange(6).reshape(2, 3) > 2)

### flatnonzero
np.flatnonzero(np.array([0, 1, 0, 2]))

### take_function
np.take(np.arange(10, 20), [1, 3])

### take_axis
np.take(np.arange(12).reshape(3, 4), [0, 3], axis=1)

### compress_like_mask
x = np.arange(8).reshape(2, 4)
x[:, np.array([True, False, False, True])]

### strided_then_fancy
np.arange(20)[::2][[1, 3, 5]]

### index_with_numpy_int
np.arange(10)[np.int64(4)]

### index_float_errors
np.arange(10)[1.5]

### scalar_index_of_0d
np.array(5.0)[()]

### take_index_array_shape
np.take(np.arange(12).reshape(3, 4), [[0], [2]], axis=1)

### take_empty_list
np.take(np.arange(5), [])

### take_out_of_range_errors
np.take(np.arange(5), 7)

### take_bool_indices_are_ints
np.take(np.arange(5), np.array([True, False]))

### take_float_indices_errors
np.take(np.arange(5), np.array([1.0]))
