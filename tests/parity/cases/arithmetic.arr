# Python operators on arrays and scalars: NEP 50 promotion with weak Python
# scalars, integer division and modulo signs, wrapping overflow, division by zero.
# tolerance: rtol=1e-15

### int_plus_float_scalar
np.arange(5, dtype=np.int32) + 1.5

### int8_plus_int_scalar_wraps
np.array([100, 120, -128], dtype=np.int8) + 10

### uint8_minus_wraps
np.array([0, 1, 5], dtype=np.uint8) - np.array([1, 2, 3], dtype=np.uint8)

### int64_overflow_wraps
np.array([9223372036854775807, -9223372036854775807]) + np.array([1, -2])

### int32_times_int64
np.array([1, 2, 3], dtype=np.int32) * np.array([4, 5, 6])

### uint8_int8_promotes_int16
np.array([200, 3], dtype=np.uint8) + np.array([-1, 100], dtype=np.int8)

### uint64_int64_promotes_float64
np.array([1, 2], dtype=np.uint64) + np.array([1, 2], dtype=np.int64)

### float32_plus_float64_array
np.array([1.5], dtype=np.float32) + np.array([1e-10])

### float32_plus_python_float_stays_float32 rtol=1e-7
np.array([1.5, 2.25], dtype=np.float32) + 1e-3

### int_true_divide_gives_float
np.array([7, -7, 0]) / np.array([2, 2, 5])

### floor_divide_signs
np.array([7, -7, 7, -7]) // np.array([2, 2, -2, -2])

### mod_signs
np.array([7, -7, 7, -7]) % np.array([3, 3, -3, -3])

### float_floor_divide_signs
np.array([7.5, -7.5, 7.5, -7.5]) // np.array([2.0, 2.0, -2.0, -2.0])

### float_mod_signs
np.array([7.5, -7.5, 7.5, -7.5]) % np.array([2.0, 2.0, -2.0, -2.0])

### int_divide_by_zero_gives_zero
np.array([5, -5, 0]) // np.array([0, 0, 0])

### int_mod_by_zero_gives_zero
np.array([5, -5, 0]) % np.array([0, 0, 0])

### float_divide_by_zero
np.array([1.0, -1.0, 0.0]) / 0.0

### int_true_divide_by_zero
np.array([1, -1, 0]) / 0

### power_int
np.array([2, 3, -2]) ** 3

### power_float_negative_exponent
np.array([2.0, 4.0, 0.5]) ** -2

### power_int_float_scalar
np.array([1, 4, 9]) ** 0.5

### power_zero_zero
np.array([0, 0.0]) ** 0

### negative_uint8
-np.array([1, 2, 0], dtype=np.uint8)

### abs_int8_min_wraps
abs(np.array([-128, -1, 5], dtype=np.int8))

### unary_plus_minus
x = np.array([1.5, -2.0])
(+x, -x)

### bool_plus_bool_is_int_or
np.array([True, False]) + np.array([True, True])

### bool_times_int
np.array([True, False, True]) * 7

### bool_sum_dtype
np.array([True, True, False]).sum()

### int_and_bool_promote
np.array([1, 2, 3], dtype=np.int16) + np.array([True, False, True])

### bitwise_and_or_xor
a = np.array([12, 10, -1])
b = np.array([10, 6, 3])
(a & b, a | b, a ^ b)

### bitwise_invert
(~np.array([0, 1, -1]), ~np.array([0, 255], dtype=np.uint8), ~np.array([True, False]))

### shifts
(np.array([1, 2, 3]) << 2, np.array([-16, 16]) >> 2)

### comparison_chain_ops
x = np.arange(6)
(x > 2) & (x < 5)

### compare_mixed_dtypes
np.array([1, 2, 3], dtype=np.uint8) == np.array([1.0, 2.5, 3.0])

### python_float_with_int_array_is_float64
(np.arange(3, dtype=np.int8) * 2.5).dtype == np.float64

### large_python_int_with_int8_errors
np.array([1, 2], dtype=np.int8) + 1000

### scalar_array_mixed
np.float32(2.5) * np.arange(3)

### broadcast_column_row
np.arange(3).reshape(3, 1) * np.arange(4)

### broadcast_3d
np.ones((2, 1, 4)) + np.arange(3).reshape(3, 1)

### broadcast_mismatch_errors
np.ones((2, 3)) + np.ones((3, 2))

### inplace_style_rebinding
x = np.arange(4)
x = x + 1
x *= 2
x

### matmul_operator
np.arange(6).reshape(2, 3) @ np.arange(6).reshape(3, 2)

### matmul_vector
np.arange(6.0).reshape(2, 3) @ np.array([1.0, 0.5, -1.0])

### float16_not_needed_int_div_float32 rtol=1e-7
np.array([1, 2, 3], dtype=np.int16) / np.array([3.0, 3.0, 3.0], dtype=np.float32)

### int32_div_int32_is_float64
(np.array([1], dtype=np.int32) / np.array([3], dtype=np.int32)).dtype == np.float64

### round_half_even
np.round(np.array([0.5, 1.5, 2.5, -0.5, -1.5]))

### round_decimals
np.round(np.array([1.2345, -2.5678, 1234.5678]), 2)

### round_negative_decimals
np.round(np.array([1234.5678, -5551.0, 15.0]), -1)

### around_int
np.around(np.array([15, 25, -35]), -1)

### clip
np.clip(np.arange(-3, 5), -1, 2)

### clip_float_bounds_on_int
np.clip(np.arange(5), 0.5, 3.5)
