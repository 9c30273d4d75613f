# Array creation: values, dtypes and shapes.
# tolerance: rtol=1e-15

### arange_stop
np.arange(5)

### arange_start_stop_step
np.arange(2, 11, 3)

### arange_negative_step
np.arange(5, -3, -2)

### arange_float_step
np.arange(0.0, 1.0, 0.25)

### arange_float_count
np.arange(0, 1, 0.1).shape

### arange_dtype
np.arange(4, dtype=np.float32)

### arange_empty
np.arange(5, 2)

### linspace
np.linspace(0, 1, 5)

### linspace_no_endpoint
np.linspace(0, 1, 4, endpoint=False)

### linspace_ints
np.linspace(2, 10, 5, dtype=np.int64)

### linspace_one
np.linspace(3, 7, 1)

### zeros_ones
(np.zeros(3), np.ones((2, 2), dtype=np.int32))

### zeros_int_shape
np.zeros(4, dtype=np.uint8)

### full
np.full((2, 3), 7)

### full_float
np.full(3, 2.5)

### full_dtype
np.full(2, 3, dtype=np.float32)

### empty_shape_only
np.empty((2, 3)).shape

### eye
np.eye(3)

### eye_rect_k
np.eye(3, 4, k=1)

### eye_dtype
np.eye(2, dtype=np.int64)

### identity
np.identity(3)

### tri
np.tri(3, 4, 1)

### zeros_like
np.zeros_like(np.arange(4).reshape(2, 2))

### ones_like_dtype
np.ones_like(np.arange(3), dtype=np.float32)

### full_like
np.full_like(np.arange(3.0), 9)

### empty_like_shape
np.empty_like(np.ones((2, 5))).shape

### array_nested
np.array([[1, 2], [3, 4]])

### array_mixed_int_float
np.array([1, 2.5])

### array_bool
np.array([True, False])

### array_bool_int_mix
np.array([True, 2])

### array_dtype_kw
np.array([1, 2, 3], dtype=np.float32)

### array_of_array
np.array(np.arange(3))

### asarray
np.asarray([1.5, 2.5])

### array_ragged_errors
np.array([[1, 2], [3]])

### array_scalar_0d
np.array(3)

### array_empty
np.array([])

### logspace
np.logspace(0, 3, 4)

### geomspace rtol=1e-14
np.geomspace(1, 1000, 4)

### arange_large_int
np.arange(3, dtype=np.int64) + 2**40

### int_types
(np.int8(5), np.uint16(7), np.float32(1.5))

### dtype_names
(np.arange(3).dtype == np.int64, np.ones(1).dtype == np.float64)

### zeros_negative_errors
np.zeros(-1)

### fromfunction_like_meshgrid
i, j = np.meshgrid(np.arange(3), np.arange(3), indexing="ij")
i * 3 + j

### tril_of_ones
np.tril(np.ones((3, 3), dtype=np.int64))

### arange_float32_step rtol=1e-7
np.arange(0, 2, 0.5, dtype=np.float32)
