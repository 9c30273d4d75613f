# Shape manipulation and combination.
# tolerance: rtol=0

### reshape_basic
np.arange(12).reshape(3, 4)

### reshape_tuple
np.arange(12).reshape((2, 6))

### reshape_minus_one
np.arange(12).reshape(2, -1, 3)

### reshape_function
np.reshape(np.arange(6), (3, 2))

### reshape_bad_errors
np.arange(12).reshape(5, -1)

### reshape_transposed
np.arange(12).reshape(3, 4).T.reshape(2, 6)

### reshape_split_axis
np.arange(60).reshape(10, 6).reshape(5, 2, 3, 2)[1]

### ravel
np.arange(6).reshape(2, 3).T.ravel()

### flatten
np.arange(6).reshape(2, 3).flatten()

### transpose_default
np.arange(24).reshape(2, 3, 4).transpose().shape

### transpose_axes
np.arange(24).reshape(2, 3, 4).transpose(1, 0, 2)[2]

### transpose_function_axes
np.transpose(np.arange(24).reshape(2, 3, 4), (2, 0, 1))[3]

### swapaxes
np.swapaxes(np.arange(6).reshape(1, 2, 3), 0, 2)

### moveaxis
np.moveaxis(np.arange(24).reshape(2, 3, 4), 0, -1).shape

### moveaxis_values
np.moveaxis(np.arange(6).reshape(2, 3), 1, 0)

### expand_dims
np.expand_dims(np.arange(3), 0)

### expand_dims_last
np.expand_dims(np.arange(3), -1).shape

### squeeze_all
np.squeeze(np.arange(3).reshape(1, 3, 1))

### squeeze_axis
np.arange(3).reshape(1, 3, 1).squeeze(axis=0)

### squeeze_bad_axis_errors
np.arange(3).reshape(1, 3, 1).squeeze(axis=1)

### broadcast_to
np.broadcast_to(np.arange(3), (2, 3))

### broadcast_to_bad_errors
np.broadcast_to(np.arange(3), (2, 4))

### concatenate_axis0
np.concatenate([np.arange(3), np.arange(10, 12)])

### concatenate_axis1
np.concatenate((np.zeros((2, 1)), np.ones((2, 2))), axis=1)

### concatenate_promotes
np.concatenate([np.arange(2), np.array([0.5])])

### concatenate_axis_none
np.concatenate([np.ones((2, 2)), np.zeros((1, 3))], axis=None)

### concatenate_mismatch_errors
np.concatenate([np.ones((2, 2)), np.zeros((3, 3))])

### stack
np.stack([np.arange(3), np.arange(3, 6)])

### stack_axis1
np.stack([np.arange(3), np.arange(3, 6)], axis=1)

### stack_axis_neg
np.stack([np.zeros((2, 2)), np.ones((2, 2))], axis=-1).shape

### hstack
np.hstack([np.arange(2), np.arange(3)])

### hstack_2d
np.hstack([np.zeros((2, 1)), np.ones((2, 2))])

### vstack
np.vstack([np.arange(3), np.arange(3)])

### vstack_2d_1d
np.vstack([np.ones((2, 3)), np.arange(3)])

### dstack
np.dstack([np.arange(3), np.arange(3)])

### column_stack
np.column_stack([np.arange(3), np.arange(3, 6)])

### split_equal
np.split(np.arange(9), 3)

### split_indices
np.split(np.arange(10), [2, 5])

### split_unequal_errors
np.split(np.arange(10), 3)

### array_split
np.array_split(np.arange(10), 3)

### hsplit_vsplit
x = np.arange(16).reshape(4, 4)
(np.hsplit(x, 2)[1], np.vsplit(x, [1])[0])

### tile_1d
np.tile(np.arange(3), 2)

### tile_2d
np.tile(np.arange(3), (2, 2))

### repeat_scalar
np.repeat(np.arange(3), 2)

### repeat_axis
np.repeat(np.arange(4).reshape(2, 2), 2, axis=0)

### repeat_counts
np.repeat(np.arange(3), [1, 0, 2])

### flip_all
np.flip(np.arange(6).reshape(2, 3))

### flip_axis
np.flip(np.arange(6).reshape(2, 3), axis=1)

### fliplr_flipud
x = np.arange(6).reshape(2, 3)
(np.fliplr(x), np.flipud(x))

### roll_flat
np.roll(np.arange(10), 3)

### roll_negative
np.roll(np.arange(10), -2)

### roll_axis
np.roll(np.arange(12).reshape(3, 4), 1, axis=1)

### roll_2d_flat
np.roll(np.arange(6).reshape(2, 3), 1)

### pad_constant
np.pad(np.arange(3), 2)

### pad_widths
np.pad(np.arange(4).reshape(2, 2), ((1, 0), (0, 2)))

### pad_value
np.pad(np.arange(3), (1, 2), constant_values=9)

### pad_edge
np.pad(np.arange(3), 2, mode="edge")

### pad_reflect
np.pad(np.arange(5), 2, mode="reflect")

### pad_wrap
np.pad(np.arange(4), (1, 3), mode="wrap")

### triu_tril
x = np.arange(1, 10).reshape(3, 3)
(np.triu(x), np.tril(x), np.triu(x, 1), np.tril(x, -1))

### triu_rectangular
np.triu(np.ones((3, 5)), -1)

### diag_from_vector
np.diag(np.array([1, 2, 3]))

### diag_offset
np.diag(np.array([1, 2]), k=1)

### diag_of_matrix
np.diag(np.arange(9).reshape(3, 3))

### diag_of_matrix_offset
np.diag(np.arange(12).reshape(3, 4), -1)

### diagonal
np.diagonal(np.arange(12).reshape(3, 4), 1)

### trace
np.trace(np.arange(9).reshape(3, 3))

### trace_offset
np.trace(np.arange(12).reshape(3, 4), offset=1)

### meshgrid_xy
np.meshgrid(np.arange(3), np.arange(2))

### meshgrid_ij
np.meshgrid(np.arange(3), np.arange(2), indexing="ij")

### outer
np.outer(np.arange(3), np.arange(1, 5))

### atleast_2d
np.atleast_2d(np.arange(3)).shape

### atleast_3d
np.atleast_3d(np.arange(3)).shape

### rot90
np.rot90(np.arange(6).reshape(2, 3))

### shape_attrs
x = np.ones((3, 4, 5), dtype=np.float32)
(x.shape, x.ndim, x.size, x.nbytes, x.itemsize)

### T_of_1d_is_same
np.arange(3).T

### dot_1d
np.dot(np.arange(3), np.arange(3))

### dot_2d
np.dot(np.arange(6).reshape(2, 3), np.arange(6).reshape(3, 2))

### dot_mixed_dtype rtol=1e-15
np.dot(np.arange(6).reshape(2, 3), np.array([0.5, 1.5, -1.0]))

### matmul_batched
np.matmul(np.arange(12).reshape(2, 2, 3), np.arange(6).reshape(3, 2))

### matmul_shape_errors
np.matmul(np.ones((2, 3)), np.ones((2, 3)))

### vdot_like_sum
(np.arange(4.0) * np.arange(4.0)).sum()

### astype_float_to_int_truncates
np.array([1.7, -1.7, 2.5]).astype(np.int64)

### astype_int_to_uint8_wraps
np.array([-1, 256, 300]).astype(np.uint8)

### astype_to_bool
np.array([0.0, 0.5, -1.0]).astype(bool)

### astype_string_dtype
np.arange(3).astype("float32")
