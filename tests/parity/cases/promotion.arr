# NumPy 2 type promotion: every dtype pair, and weak Python scalars.
# tolerance: rtol=1e-6

### add_bool_bool
np.array([True, False, True], dtype=np.bool) + np.array([True, False, True], dtype=np.bool)

### div_bool_bool
np.array([True, False, True], dtype=np.bool) / np.array([True, False, True], dtype=np.bool)

### add_bool_int8
np.array([True, False, True], dtype=np.bool) + np.array([3, 1, 2], dtype=np.int8)

### div_bool_int8
np.array([True, False, True], dtype=np.bool) / np.array([3, 1, 2], dtype=np.int8)

### add_bool_int16
np.array([True, False, True], dtype=np.bool) + np.array([3, 1, 2], dtype=np.int16)

### div_bool_int16
np.array([True, False, True], dtype=np.bool) / np.array([3, 1, 2], dtype=np.int16)

### add_bool_int32
np.array([True, False, True], dtype=np.bool) + np.array([3, 1, 2], dtype=np.int32)

### div_bool_int32
np.array([True, False, True], dtype=np.bool) / np.array([3, 1, 2], dtype=np.int32)

### add_bool_int64
np.array([True, False, True], dtype=np.bool) + np.array([3, 1, 2], dtype=np.int64)

### div_bool_int64
np.array([True, False, True], dtype=np.bool) / np.array([3, 1, 2], dtype=np.int64)

### add_bool_uint8
np.array([True, False, True], dtype=np.bool) + np.array([3, 1, 2], dtype=np.uint8)

### div_bool_uint8
np.array([True, False, True], dtype=np.bool) / np.array([3, 1, 2], dtype=np.uint8)

### add_bool_uint16
np.array([True, False, True], dtype=np.bool) + np.array([3, 1, 2], dtype=np.uint16)

### div_bool_uint16
np.array([True, False, True], dtype=np.bool) / np.array([3, 1, 2], dtype=np.uint16)

### add_bool_uint32
np.array([True, False, True], dtype=np.bool) + np.array([3, 1, 2], dtype=np.uint32)

### div_bool_uint32
np.array([True, False, True], dtype=np.bool) / np.array([3, 1, 2], dtype=np.uint32)

### add_bool_uint64
np.array([True, False, True], dtype=np.bool) + np.array([3, 1, 2], dtype=np.uint64)

### div_bool_uint64
np.array([True, False, True], dtype=np.bool) / np.array([3, 1, 2], dtype=np.uint64)

### add_bool_float32
np.array([True, False, True], dtype=np.bool) + np.array([3, 1, 2], dtype=np.float32)

### div_bool_float32
np.array([True, False, True], dtype=np.bool) / np.array([3, 1, 2], dtype=np.float32)

### add_bool_float64
np.array([True, False, True], dtype=np.bool) + np.array([3, 1, 2], dtype=np.float64)

### div_bool_float64
np.array([True, False, True], dtype=np.bool) / np.array([3, 1, 2], dtype=np.float64)

### add_int8_bool
np.array([1, 2, 3], dtype=np.int8) + np.array([True, False, True], dtype=np.bool)

### add_int8_int8
np.array([1, 2, 3], dtype=np.int8) + np.array([3, 1, 2], dtype=np.int8)

### div_int8_int8
np.array([1, 2, 3], dtype=np.int8) / np.array([3, 1, 2], dtype=np.int8)

### add_int8_int16
np.array([1, 2, 3], dtype=np.int8) + np.array([3, 1, 2], dtype=np.int16)

### add_int8_int32
np.array([1, 2, 3], dtype=np.int8) + np.array([3, 1, 2], dtype=np.int32)

### add_int8_int64
np.array([1, 2, 3], dtype=np.int8) + np.array([3, 1, 2], dtype=np.int64)

### add_int8_uint8
np.array([1, 2, 3], dtype=np.int8) + np.array([3, 1, 2], dtype=np.uint8)

### div_int8_uint8
np.array([1, 2, 3], dtype=np.int8) / np.array([3, 1, 2], dtype=np.uint8)

### add_int8_uint16
np.array([1, 2, 3], dtype=np.int8) + np.array([3, 1, 2], dtype=np.uint16)

### div_int8_uint16
np.array([1, 2, 3], dtype=np.int8) / np.array([3, 1, 2], dtype=np.uint16)

### add_int8_uint32
np.array([1, 2, 3], dtype=np.int8) + np.array([3, 1, 2], dtype=np.uint32)

### div_int8_uint32
np.array([1, 2, 3], dtype=np.int8) / np.array([3, 1, 2], dtype=np.uint32)

### add_int8_uint64
np.array([1, 2, 3], dtype=np.int8) + np.array([3, 1, 2], dtype=np.uint64)

### div_int8_uint64
np.array([1, 2, 3], dtype=np.int8) / np.array([3, 1, 2], dtype=np.uint64)

### add_int8_float32
np.array([1, 2, 3], dtype=np.int8) + np.array([3, 1, 2], dtype=np.float32)

### add_int8_float64
np.array([1, 2, 3], dtype=np.int8) + np.array([3, 1, 2], dtype=np.float64)

### add_int16_bool
np.array([1, 2, 3], dtype=np.int16) + np.array([True, False, True], dtype=np.bool)

### add_int16_int8
np.array([1, 2, 3], dtype=np.int16) + np.array([3, 1, 2], dtype=np.int8)

### div_int16_int8
np.array([1, 2, 3], dtype=np.int16) / np.array([3, 1, 2], dtype=np.int8)

### add_int16_int16
np.array([1, 2, 3], dtype=np.int16) + np.array([3, 1, 2], dtype=np.int16)

### div_int16_int16
np.array([1, 2, 3], dtype=np.int16) / np.array([3, 1, 2], dtype=np.int16)

### add_int16_int32
np.array([1, 2, 3], dtype=np.int16) + np.array([3, 1, 2], dtype=np.int32)

### div_int16_int32
np.array([1, 2, 3], dtype=np.int16) / np.array([3, 1, 2], dtype=np.int32)

### add_int16_int64
np.array([1, 2, 3], dtype=np.int16) + np.array([3, 1, 2], dtype=np.int64)

### div_int16_int64
np.array([1, 2, 3], dtype=np.int16) / np.array([3, 1, 2], dtype=np.int64)

### add_int16_uint8
np.array([1, 2, 3], dtype=np.int16) + np.array([3, 1, 2], dtype=np.uint8)

### div_int16_uint8
np.array([1, 2, 3], dtype=np.int16) / np.array([3, 1, 2], dtype=np.uint8)

### add_int16_uint16
np.array([1, 2, 3], dtype=np.int16) + np.array([3, 1, 2], dtype=np.uint16)

### div_int16_uint16
np.array([1, 2, 3], dtype=np.int16) / np.array([3, 1, 2], dtype=np.uint16)

### add_int16_uint32
np.array([1, 2, 3], dtype=np.int16) + np.array([3, 1, 2], dtype=np.uint32)

### div_int16_uint32
np.array([1, 2, 3], dtype=np.int16) / np.array([3, 1, 2], dtype=np.uint32)

### add_int16_uint64
np.array([1, 2, 3], dtype=np.int16) + np.array([3, 1, 2], dtype=np.uint64)

### div_int16_uint64
np.array([1, 2, 3], dtype=np.int16) / np.array([3, 1, 2], dtype=np.uint64)

### add_int16_float32
np.array([1, 2, 3], dtype=np.int16) + np.array([3, 1, 2], dtype=np.float32)

### add_int16_float64
np.array([1, 2, 3], dtype=np.int16) + np.array([3, 1, 2], dtype=np.float64)

### add_int32_bool
np.array([1, 2, 3], dtype=np.int32) + np.array([True, False, True], dtype=np.bool)

### add_int32_int8
np.array([1, 2, 3], dtype=np.int32) + np.array([3, 1, 2], dtype=np.int8)

### div_int32_int8
np.array([1, 2, 3], dtype=np.int32) / np.array([3, 1, 2], dtype=np.int8)

### add_int32_int16
np.array([1, 2, 3], dtype=np.int32) + np.array([3, 1, 2], dtype=np.int16)

### add_int32_int32
np.array([1, 2, 3], dtype=np.int32) + np.array([3, 1, 2], dtype=np.int32)

### div_int32_int32
np.array([1, 2, 3], dtype=np.int32) / np.array([3, 1, 2], dtype=np.int32)

### add_int32_int64
np.array([1, 2, 3], dtype=np.int32) + np.array([3, 1, 2], dtype=np.int64)

### div_int32_int64
np.array([1, 2, 3], dtype=np.int32) / np.array([3, 1, 2], dtype=np.int64)

### add_int32_uint8
np.array([1, 2, 3], dtype=np.int32) + np.array([3, 1, 2], dtype=np.uint8)

### div_int32_uint8
np.array([1, 2, 3], dtype=np.int32) / np.array([3, 1, 2], dtype=np.uint8)

### add_int32_uint16
np.array([1, 2, 3], dtype=np.int32) + np.array([3, 1, 2], dtype=np.uint16)

### div_int32_uint16
np.array([1, 2, 3], dtype=np.int32) / np.array([3, 1, 2], dtype=np.uint16)

### add_int32_uint32
np.array([1, 2, 3], dtype=np.int32) + np.array([3, 1, 2], dtype=np.uint32)

### div_int32_uint32
np.array([1, 2, 3], dtype=np.int32) / np.array([3, 1, 2], dtype=np.uint32)

### add_int32_uint64
np.array([1, 2, 3], dtype=np.int32) + np.array([3, 1, 2], dtype=np.uint64)

### div_int32_uint64
np.array([1, 2, 3], dtype=np.int32) / np.array([3, 1, 2], dtype=np.uint64)

### add_int32_float32
np.array([1, 2, 3], dtype=np.int32) + np.array([3, 1, 2], dtype=np.float32)

### add_int32_float64
np.array([1, 2, 3], dtype=np.int32) + np.array([3, 1, 2], dtype=np.float64)

### add_int64_bool
np.array([1, 2, 3], dtype=np.int64) + np.array([True, False, True], dtype=np.bool)

### add_int64_int8
np.array([1, 2, 3], dtype=np.int64) + np.array([3, 1, 2], dtype=np.int8)

### div_int64_int8
np.array([1, 2, 3], dtype=np.int64) / np.array([3, 1, 2], dtype=np.int8)

### add_int64_int16
np.array([1, 2, 3], dtype=np.int64) + np.array([3, 1, 2], dtype=np.int16)

### add_int64_int32
np.array([1, 2, 3], dtype=np.int64) + np.array([3, 1, 2], dtype=np.int32)

### add_int64_int64
np.array([1, 2, 3], dtype=np.int64) + np.array([3, 1, 2], dtype=np.int64)

### div_int64_int64
np.array([1, 2, 3], dtype=np.int64) / np.array([3, 1, 2], dtype=np.int64)

### add_int64_uint8
np.array([1, 2, 3], dtype=np.int64) + np.array([3, 1, 2], dtype=np.uint8)

### div_int64_uint8
np.array([1, 2, 3], dtype=np.int64) / np.array([3, 1, 2], dtype=np.uint8)

### add_int64_uint16
np.array([1, 2, 3], dtype=np.int64) + np.array([3, 1, 2], dtype=np.uint16)

### div_int64_uint16
np.array([1, 2, 3], dtype=np.int64) / np.array([3, 1, 2], dtype=np.uint16)

### add_int64_uint32
np.array([1, 2, 3], dtype=np.int64) + np.array([3, 1, 2], dtype=np.uint32)

### div_int64_uint32
np.array([1, 2, 3], dtype=np.int64) / np.array([3, 1, 2], dtype=np.uint32)

### add_int64_uint64
np.array([1, 2, 3], dtype=np.int64) + np.array([3, 1, 2], dtype=np.uint64)

### div_int64_uint64
np.array([1, 2, 3], dtype=np.int64) / np.array([3, 1, 2], dtype=np.uint64)

### add_int64_float32
np.array([1, 2, 3], dtype=np.int64) + np.array([3, 1, 2], dtype=np.float32)

### add_int64_float64
np.array([1, 2, 3], dtype=np.int64) + np.array([3, 1, 2], dtype=np.float64)

### add_uint8_bool
np.array([1, 2, 3], dtype=np.uint8) + np.array([True, False, True], dtype=np.bool)

### add_uint8_int8
np.array([1, 2, 3], dtype=np.uint8) + np.array([3, 1, 2], dtype=np.int8)

### add_uint8_int16
np.array([1, 2, 3], dtype=np.uint8) + np.array([3, 1, 2], dtype=np.int16)

### add_uint8_int32
np.array([1, 2, 3], dtype=np.uint8) + np.array([3, 1, 2], dtype=np.int32)

### add_uint8_int64
np.array([1, 2, 3], dtype=np.uint8) + np.array([3, 1, 2], dtype=np.int64)

### add_uint8_uint8
np.array([1, 2, 3], dtype=np.uint8) + np.array([3, 1, 2], dtype=np.uint8)

### div_uint8_uint8
np.array([1, 2, 3], dtype=np.uint8) / np.array([3, 1, 2], dtype=np.uint8)

### add_uint8_uint16
np.array([1, 2, 3], dtype=np.uint8) + np.array([3, 1, 2], dtype=np.uint16)

### add_uint8_uint32
np.array([1, 2, 3], dtype=np.uint8) + np.array([3, 1, 2], dtype=np.uint32)

### add_uint8_uint64
np.array([1, 2, 3], dtype=np.uint8) + np.array([3, 1, 2], dtype=np.uint64)

### add_uint8_float32
np.array([1, 2, 3], dtype=np.uint8) + np.array([3, 1, 2], dtype=np.float32)

### add_uint8_float64
np.array([1, 2, 3], dtype=np.uint8) + np.array([3, 1, 2], dtype=np.float64)

### add_uint16_bool
np.array([1, 2, 3], dtype=np.uint16) + np.array([True, False, True], dtype=np.bool)

### add_uint16_int8
np.array([1, 2, 3], dtype=np.uint16) + np.array([3, 1, 2], dtype=np.int8)

### add_uint16_int16
np.array([1, 2, 3], dtype=np.uint16) + np.array([3, 1, 2], dtype=np.int16)

### add_uint16_int32
np.array([1, 2, 3], dtype=np.uint16) + np.array([3, 1, 2], dtype=np.int32)

### add_uint16_int64
np.array([1, 2, 3], dtype=np.uint16) + np.array([3, 1, 2], dtype=np.int64)

### add_uint16_uint8
np.array([1, 2, 3], dtype=np.uint16) + np.array([3, 1, 2], dtype=np.uint8)

### div_uint16_uint8
np.array([1, 2, 3], dtype=np.uint16) / np.array([3, 1, 2], dtype=np.uint8)

### add_uint16_uint16
np.array([1, 2, 3], dtype=np.uint16) + np.array([3, 1, 2], dtype=np.uint16)

### div_uint16_uint16
np.array([1, 2, 3], dtype=np.uint16) / np.array([3, 1, 2], dtype=np.uint16)

### add_uint16_uint32
np.array([1, 2, 3], dtype=np.uint16) + np.array([3, 1, 2], dtype=np.uint32)

### div_uint16_uint32
np.array([1, 2, 3], dtype=np.uint16) / np.array([3, 1, 2], dtype=np.uint32)

### add_uint16_uint64
np.array([1, 2, 3], dtype=np.uint16) + np.array([3, 1, 2], dtype=np.uint64)

### div_uint16_uint64
np.array([1, 2, 3], dtype=np.uint16) / np.array([3, 1, 2], dtype=np.uint64)

### add_uint16_float32
np.array([1, 2, 3], dtype=np.uint16) + np.array([3, 1, 2], dtype=np.float32)

### add_uint16_float64
np.array([1, 2, 3], dtype=np.uint16) + np.array([3, 1, 2], dtype=np.float64)

### add_uint32_bool
np.array([1, 2, 3], dtype=np.uint32) + np.array([True, False, True], dtype=np.bool)

### add_uint32_int8
np.array([1, 2, 3], dtype=np.uint32) + np.array([3, 1, 2], dtype=np.int8)

### add_uint32_int16
np.array([1, 2, 3], dtype=np.uint32) + np.array([3, 1, 2], dtype=np.int16)

### add_uint32_int32
np.array([1, 2, 3], dtype=np.uint32) + np.array([3, 1, 2], dtype=np.int32)

### add_uint32_int64
np.array([1, 2, 3], dtype=np.uint32) + np.array([3, 1, 2], dtype=np.int64)

### add_uint32_uint8
np.array([1, 2, 3], dtype=np.uint32) + np.array([3, 1, 2], dtype=np.uint8)

### div_uint32_uint8
np.array([1, 2, 3], dtype=np.uint32) / np.array([3, 1, 2], dtype=np.uint8)

### add_uint32_uint16
np.array([1, 2, 3], dtype=np.uint32) + np.array([3, 1, 2], dtype=np.uint16)

### add_uint32_uint32
np.array([1, 2, 3], dtype=np.uint32) + np.array([3, 1, 2], dtype=np.uint32)

### div_uint32_uint32
np.array([1, 2, 3], dtype=np.uint32) / np.array([3, 1, 2], dtype=np.uint32)

### add_uint32_uint64
np.array([1, 2, 3], dtype=np.uint32) + np.array([3, 1, 2], dtype=np.uint64)

### div_uint32_uint64
np.array([1, 2, 3], dtype=np.uint32) / np.array([3, 1, 2], dtype=np.uint64)

### add_uint32_float32
np.array([1, 2, 3], dtype=np.uint32) + np.array([3, 1, 2], dtype=np.float32)

### add_uint32_float64
np.array([1, 2, 3], dtype=np.uint32) + np.array([3, 1, 2], dtype=np.float64)

### add_uint64_bool
np.array([1, 2, 3], dtype=np.uint64) + np.array([True, False, True], dtype=np.bool)

### add_uint64_int8
np.array([1, 2, 3], dtype=np.uint64) + np.array([3, 1, 2], dtype=np.int8)

### add_uint64_int16
np.array([1, 2, 3], dtype=np.uint64) + np.array([3, 1, 2], dtype=np.int16)

### add_uint64_int32
np.array([1, 2, 3], dtype=np.uint64) + np.array([3, 1, 2], dtype=np.int32)

### add_uint64_int64
np.array([1, 2, 3], dtype=np.uint64) + np.array([3, 1, 2], dtype=np.int64)

### add_uint64_uint8
np.array([1, 2, 3], dtype=np.uint64) + np.array([3, 1, 2], dtype=np.uint8)

### div_uint64_uint8
np.array([1, 2, 3], dtype=np.uint64) / np.array([3, 1, 2], dtype=np.uint8)

### add_uint64_uint16
np.array([1, 2, 3], dtype=np.uint64) + np.array([3, 1, 2], dtype=np.uint16)

### add_uint64_uint32
np.array([1, 2, 3], dtype=np.uint64) + np.array([3, 1, 2], dtype=np.uint32)

### add_uint64_uint64
np.array([1, 2, 3], dtype=np.uint64) + np.array([3, 1, 2], dtype=np.uint64)

### div_uint64_uint64
np.array([1, 2, 3], dtype=np.uint64) / np.array([3, 1, 2], dtype=np.uint64)

### add_uint64_float32
np.array([1, 2, 3], dtype=np.uint64) + np.array([3, 1, 2], dtype=np.float32)

### add_uint64_float64
np.array([1, 2, 3], dtype=np.uint64) + np.array([3, 1, 2], dtype=np.float64)

### add_float32_bool
np.array([1, 2, 3], dtype=np.float32) + np.array([True, False, True], dtype=np.bool)

### add_float32_int8
np.array([1, 2, 3], dtype=np.float32) + np.array([3, 1, 2], dtype=np.int8)

### div_float32_int8
np.array([1, 2, 3], dtype=np.float32) / np.array([3, 1, 2], dtype=np.int8)

### add_float32_int16
np.array([1, 2, 3], dtype=np.float32) + np.array([3, 1, 2], dtype=np.int16)

### div_float32_int16
np.array([1, 2, 3], dtype=np.float32) / np.array([3, 1, 2], dtype=np.int16)

### add_float32_int32
np.array([1, 2, 3], dtype=np.float32) + np.array([3, 1, 2], dtype=np.int32)

### div_float32_int32
np.array([1, 2, 3], dtype=np.float32) / np.array([3, 1, 2], dtype=np.int32)

### add_float32_int64
np.array([1, 2, 3], dtype=np.float32) + np.array([3, 1, 2], dtype=np.int64)

### div_float32_int64
np.array([1, 2, 3], dtype=np.float32) / np.array([3, 1, 2], dtype=np.int64)

### add_float32_uint8
np.array([1, 2, 3], dtype=np.float32) + np.array([3, 1, 2], dtype=np.uint8)

### div_float32_uint8
np.array([1, 2, 3], dtype=np.float32) / np.array([3, 1, 2], dtype=np.uint8)

### add_float32_uint16
np.array([1, 2, 3], dtype=np.float32) + np.array([3, 1, 2], dtype=np.uint16)

### div_float32_uint16
np.array([1, 2, 3], dtype=np.float32) / np.array([3, 1, 2], dtype=np.uint16)

### add_float32_uint32
np.array([1, 2, 3], dtype=np.float32) + np.array([3, 1, 2], dtype=np.uint32)

### div_float32_uint32
np.array([1, 2, 3], dtype=np.float32) / np.array([3, 1, 2], dtype=np.uint32)

### add_float32_uint64
np.array([1, 2, 3], dtype=np.float32) + np.array([3, 1, 2], dtype=np.uint64)

### div_float32_uint64
np.array([1, 2, 3], dtype=np.float32) / np.array([3, 1, 2], dtype=np.uint64)

### add_float32_float32
np.array([1, 2, 3], dtype=np.float32) + np.array([3, 1, 2], dtype=np.float32)

### div_float32_float32
np.array([1, 2, 3], dtype=np.float32) / np.array([3, 1, 2], dtype=np.float32)

### add_float32_float64
np.array([1, 2, 3], dtype=np.float32) + np.array([3, 1, 2], dtype=np.float64)

### div_float32_float64
np.array([1, 2, 3], dtype=np.float32) / np.array([3, 1, 2], dtype=np.float64)

### add_float64_bool
np.array([1, 2, 3], dtype=np.float64) + np.array([True, False, True], dtype=np.bool)

### add_float64_int8
np.array([1, 2, 3], dtype=np.float64) + np.array([3, 1, 2], dtype=np.int8)

### div_float64_int8
np.array([1, 2, 3], dtype=np.float64) / np.array([3, 1, 2], dtype=np.int8)

### add_float64_int16
np.array([1, 2, 3], dtype=np.float64) + np.array([3, 1, 2], dtype=np.int16)

### div_float64_int16
np.array([1, 2, 3], dtype=np.float64) / np.array([3, 1, 2], dtype=np.int16)

### add_float64_int32
np.array([1, 2, 3], dtype=np.float64) + np.array([3, 1, 2], dtype=np.int32)

### div_float64_int32
np.array([1, 2, 3], dtype=np.float64) / np.array([3, 1, 2], dtype=np.int32)

### add_float64_int64
np.array([1, 2, 3], dtype=np.float64) + np.array([3, 1, 2], dtype=np.int64)

### div_float64_int64
np.array([1, 2, 3], dtype=np.float64) / np.array([3, 1, 2], dtype=np.int64)

### add_float64_uint8
np.array([1, 2, 3], dtype=np.float64) + np.array([3, 1, 2], dtype=np.uint8)

### div_float64_uint8
np.array([1, 2, 3], dtype=np.float64) / np.array([3, 1, 2], dtype=np.uint8)

### add_float64_uint16
np.array([1, 2, 3], dtype=np.float64) + np.array([3, 1, 2], dtype=np.uint16)

### div_float64_uint16
np.array([1, 2, 3], dtype=np.float64) / np.array([3, 1, 2], dtype=np.uint16)

### add_float64_uint32
np.array([1, 2, 3], dtype=np.float64) + np.array([3, 1, 2], dtype=np.uint32)

### div_float64_uint32
np.array([1, 2, 3], dtype=np.float64) / np.array([3, 1, 2], dtype=np.uint32)

### add_float64_uint64
np.array([1, 2, 3], dtype=np.float64) + np.array([3, 1, 2], dtype=np.uint64)

### div_float64_uint64
np.array([1, 2, 3], dtype=np.float64) / np.array([3, 1, 2], dtype=np.uint64)

### add_float64_float32
np.array([1, 2, 3], dtype=np.float64) + np.array([3, 1, 2], dtype=np.float32)

### add_float64_float64
np.array([1, 2, 3], dtype=np.float64) + np.array([3, 1, 2], dtype=np.float64)

### div_float64_float64
np.array([1, 2, 3], dtype=np.float64) / np.array([3, 1, 2], dtype=np.float64)

### bool_with_pyint
np.array([True, False, True], dtype=np.bool) * 3

### bool_with_pyfloat
np.array([True, False, True], dtype=np.bool) * 2.5

### bool_with_pybool
np.array([True, False, True], dtype=np.bool) * True

### bool_with_pynegint
np.array([True, False, True], dtype=np.bool) * -1

### int8_with_pyint
np.array([1, 2, 3], dtype=np.int8) * 3

### int8_with_pyfloat
np.array([1, 2, 3], dtype=np.int8) * 2.5

### int8_with_pybool
np.array([1, 2, 3], dtype=np.int8) * True

### int8_with_pynegint
np.array([1, 2, 3], dtype=np.int8) * -1

### int16_with_pyint
np.array([1, 2, 3], dtype=np.int16) * 3

### int16_with_pyfloat
np.array([1, 2, 3], dtype=np.int16) * 2.5

### int16_with_pybool
np.array([1, 2, 3], dtype=np.int16) * True

### int16_with_pynegint
np.array([1, 2, 3], dtype=np.int16) * -1

### int32_with_pyint
np.array([1, 2, 3], dtype=np.int32) * 3

### int32_with_pyfloat
np.array([1, 2, 3], dtype=np.int32) * 2.5

### int32_with_pybool
np.array([1, 2, 3], dtype=np.int32) * True

### int32_with_pynegint
np.array([1, 2, 3], dtype=np.int32) * -1

### int64_with_pyint
np.array([1, 2, 3], dtype=np.int64) * 3

### int64_with_pyfloat
np.array([1, 2, 3], dtype=np.int64) * 2.5

### int64_with_pybool
np.array([1, 2, 3], dtype=np.int64) * True

### int64_with_pynegint
np.array([1, 2, 3], dtype=np.int64) * -1

### uint8_with_pyint
np.array([1, 2, 3], dtype=np.uint8) * 3

### uint8_with_pyfloat
np.array([1, 2, 3], dtype=np.uint8) * 2.5

### uint8_with_pybool
np.array([1, 2, 3], dtype=np.uint8) * True

### uint8_with_pynegint
np.array([1, 2, 3], dtype=np.uint8) * -1

### uint16_with_pyint
np.array([1, 2, 3], dtype=np.uint16) * 3

### uint16_with_pyfloat
np.array([1, 2, 3], dtype=np.uint16) * 2.5

### uint16_with_pybool
np.array([1, 2, 3], dtype=np.uint16) * True

### uint16_with_pynegint
np.array([1, 2, 3], dtype=np.uint16) * -1

### uint32_with_pyint
np.array([1, 2, 3], dtype=np.uint32) * 3

### uint32_with_pyfloat
np.array([1, 2, 3], dtype=np.uint32) * 2.5

### uint32_with_pybool
np.array([1, 2, 3], dtype=np.uint32) * True

### uint32_with_pynegint
np.array([1, 2, 3], dtype=np.uint32) * -1

### uint64_with_pyint
np.array([1, 2, 3], dtype=np.uint64) * 3

### uint64_with_pyfloat
np.array([1, 2, 3], dtype=np.uint64) * 2.5

### uint64_with_pybool
np.array([1, 2, 3], dtype=np.uint64) * True

### uint64_with_pynegint
np.array([1, 2, 3], dtype=np.uint64) * -1

### float32_with_pyint
np.array([1, 2, 3], dtype=np.float32) * 3

### float32_with_pyfloat
np.array([1, 2, 3], dtype=np.float32) * 2.5

### float32_with_pybool
np.array([1, 2, 3], dtype=np.float32) * True

### float32_with_pynegint
np.array([1, 2, 3], dtype=np.float32) * -1

### float64_with_pyint
np.array([1, 2, 3], dtype=np.float64) * 3

### float64_with_pyfloat
np.array([1, 2, 3], dtype=np.float64) * 2.5

### float64_with_pybool
np.array([1, 2, 3], dtype=np.float64) * True

### float64_with_pynegint
np.array([1, 2, 3], dtype=np.float64) * -1
