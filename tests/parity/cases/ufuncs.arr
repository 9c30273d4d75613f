# Every elementwise function of one input over inputs of several dtypes:
# result dtypes follow NumPy's type resolution, values its libm to rounding.
# tolerance: rtol=1e-14 atol=1e-300

### sin_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.sin(x)

### sin_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.sin(x)

### sin_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.sin(x)

### sin_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.sin(x)

### sin_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.sin(x)

### sin_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.sin(x)

### sin_b
x = np.array([True, False, True, True, False])
np.sin(x)

### sin_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.sin(x)

### cos_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.cos(x)

### cos_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.cos(x)

### cos_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.cos(x)

### cos_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.cos(x)

### cos_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.cos(x)

### cos_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.cos(x)

### cos_b
x = np.array([True, False, True, True, False])
np.cos(x)

### cos_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.cos(x)

### tan_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.tan(x)

### tan_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.tan(x)

### tan_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.tan(x)

### tan_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.tan(x)

### tan_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.tan(x)

### tan_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.tan(x)

### tan_b
x = np.array([True, False, True, True, False])
np.tan(x)

### tan_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.tan(x)

### arcsin_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.arcsin(x)

### arcsin_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.arcsin(x)

### arcsin_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.arcsin(x)

### arcsin_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.arcsin(x)

### arcsin_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.arcsin(x)

### arcsin_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.arcsin(x)

### arcsin_b
x = np.array([True, False, True, True, False])
np.arcsin(x)

### arcsin_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.arcsin(x)

### arccos_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.arccos(x)

### arccos_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.arccos(x)

### arccos_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.arccos(x)

### arccos_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.arccos(x)

### arccos_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.arccos(x)

### arccos_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.arccos(x)

### arccos_b
x = np.array([True, False, True, True, False])
np.arccos(x)

### arccos_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.arccos(x)

### arctan_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.arctan(x)

### arctan_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.arctan(x)

### arctan_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.arctan(x)

### arctan_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.arctan(x)

### arctan_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.arctan(x)

### arctan_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.arctan(x)

### arctan_b
x = np.array([True, False, True, True, False])
np.arctan(x)

### arctan_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.arctan(x)

### sinh_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.sinh(x)

### sinh_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.sinh(x)

### sinh_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.sinh(x)

### sinh_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.sinh(x)

### sinh_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.sinh(x)

### sinh_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.sinh(x)

### sinh_b
x = np.array([True, False, True, True, False])
np.sinh(x)

### sinh_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.sinh(x)

### cosh_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.cosh(x)

### cosh_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.cosh(x)

### cosh_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.cosh(x)

### cosh_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.cosh(x)

### cosh_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.cosh(x)

### cosh_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.cosh(x)

### cosh_b
x = np.array([True, False, True, True, False])
np.cosh(x)

### cosh_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.cosh(x)

### tanh_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.tanh(x)

### tanh_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.tanh(x)

### tanh_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.tanh(x)

### tanh_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.tanh(x)

### tanh_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.tanh(x)

### tanh_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.tanh(x)

### tanh_b
x = np.array([True, False, True, True, False])
np.tanh(x)

### tanh_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.tanh(x)

### arcsinh_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.arcsinh(x)

### arcsinh_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.arcsinh(x)

### arcsinh_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.arcsinh(x)

### arcsinh_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.arcsinh(x)

### arcsinh_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.arcsinh(x)

### arcsinh_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.arcsinh(x)

### arcsinh_b
x = np.array([True, False, True, True, False])
np.arcsinh(x)

### arcsinh_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.arcsinh(x)

### arccosh_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.arccosh(x)

### arccosh_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.arccosh(x)

### arccosh_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.arccosh(x)

### arccosh_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.arccosh(x)

### arccosh_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.arccosh(x)

### arccosh_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.arccosh(x)

### arccosh_b
x = np.array([True, False, True, True, False])
np.arccosh(x)

### arccosh_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.arccosh(x)

### arctanh_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.arctanh(x)

### arctanh_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.arctanh(x)

### arctanh_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.arctanh(x)

### arctanh_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.arctanh(x)

### arctanh_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.arctanh(x)

### arctanh_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.arctanh(x)

### arctanh_b
x = np.array([True, False, True, True, False])
np.arctanh(x)

### arctanh_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.arctanh(x)

### exp_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.exp(x)

### exp_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.exp(x)

### exp_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.exp(x)

### exp_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.exp(x)

### exp_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.exp(x)

### exp_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.exp(x)

### exp_b
x = np.array([True, False, True, True, False])
np.exp(x)

### exp_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.exp(x)

### expm1_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.expm1(x)

### expm1_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.expm1(x)

### expm1_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.expm1(x)

### expm1_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.expm1(x)

### expm1_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.expm1(x)

### expm1_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.expm1(x)

### expm1_b
x = np.array([True, False, True, True, False])
np.expm1(x)

### expm1_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.expm1(x)

### exp2_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.exp2(x)

### exp2_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.exp2(x)

### exp2_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.exp2(x)

### exp2_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.exp2(x)

### exp2_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.exp2(x)

### exp2_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.exp2(x)

### exp2_b
x = np.array([True, False, True, True, False])
np.exp2(x)

### exp2_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.exp2(x)

### log_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.log(x)

### log_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.log(x)

### log_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.log(x)

### log_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.log(x)

### log_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.log(x)

### log_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.log(x)

### log_b
x = np.array([True, False, True, True, False])
np.log(x)

### log_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.log(x)

### log1p_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.log1p(x)

### log1p_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.log1p(x)

### log1p_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.log1p(x)

### log1p_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.log1p(x)

### log1p_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.log1p(x)

### log1p_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.log1p(x)

### log1p_b
x = np.array([True, False, True, True, False])
np.log1p(x)

### log1p_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.log1p(x)

### log2_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.log2(x)

### log2_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.log2(x)

### log2_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.log2(x)

### log2_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.log2(x)

### log2_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.log2(x)

### log2_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.log2(x)

### log2_b
x = np.array([True, False, True, True, False])
np.log2(x)

### log2_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.log2(x)

### log10_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.log10(x)

### log10_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.log10(x)

### log10_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.log10(x)

### log10_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.log10(x)

### log10_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.log10(x)

### log10_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.log10(x)

### log10_b
x = np.array([True, False, True, True, False])
np.log10(x)

### log10_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.log10(x)

### sqrt_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.sqrt(x)

### sqrt_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.sqrt(x)

### sqrt_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.sqrt(x)

### sqrt_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.sqrt(x)

### sqrt_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.sqrt(x)

### sqrt_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.sqrt(x)

### sqrt_b
x = np.array([True, False, True, True, False])
np.sqrt(x)

### sqrt_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.sqrt(x)

### cbrt_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.cbrt(x)

### cbrt_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.cbrt(x)

### cbrt_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.cbrt(x)

### cbrt_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.cbrt(x)

### cbrt_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.cbrt(x)

### cbrt_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.cbrt(x)

### cbrt_b
x = np.array([True, False, True, True, False])
np.cbrt(x)

### cbrt_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.cbrt(x)

### square_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.square(x)

### square_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.square(x)

### square_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.square(x)

### square_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.square(x)

### square_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.square(x)

### square_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.square(x)

### square_b
x = np.array([True, False, True, True, False])
np.square(x)

### square_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.square(x)

### sign_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.sign(x)

### sign_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.sign(x)

### sign_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.sign(x)

### sign_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.sign(x)

### sign_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.sign(x)

### sign_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.sign(x)

### sign_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.sign(x)

### abs_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.abs(x)

### abs_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.abs(x)

### abs_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.abs(x)

### abs_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.abs(x)

### abs_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.abs(x)

### abs_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.abs(x)

### abs_b
x = np.array([True, False, True, True, False])
np.abs(x)

### abs_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.abs(x)

### absolute_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.absolute(x)

### absolute_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.absolute(x)

### absolute_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.absolute(x)

### absolute_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.absolute(x)

### absolute_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.absolute(x)

### absolute_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.absolute(x)

### absolute_b
x = np.array([True, False, True, True, False])
np.absolute(x)

### absolute_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.absolute(x)

### negative_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.negative(x)

### negative_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.negative(x)

### negative_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.negative(x)

### negative_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.negative(x)

### negative_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.negative(x)

### negative_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.negative(x)

### negative_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.negative(x)

### positive_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.positive(x)

### positive_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.positive(x)

### positive_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.positive(x)

### positive_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.positive(x)

### positive_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.positive(x)

### positive_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.positive(x)

### positive_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.positive(x)

### floor_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.floor(x)

### floor_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.floor(x)

### floor_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.floor(x)

### floor_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.floor(x)

### floor_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.floor(x)

### floor_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.floor(x)

### floor_b
x = np.array([True, False, True, True, False])
np.floor(x)

### floor_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.floor(x)

### ceil_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.ceil(x)

### ceil_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.ceil(x)

### ceil_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.ceil(x)

### ceil_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.ceil(x)

### ceil_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.ceil(x)

### ceil_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.ceil(x)

### ceil_b
x = np.array([True, False, True, True, False])
np.ceil(x)

### ceil_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.ceil(x)

### trunc_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.trunc(x)

### trunc_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.trunc(x)

### trunc_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.trunc(x)

### trunc_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.trunc(x)

### trunc_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.trunc(x)

### trunc_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.trunc(x)

### trunc_b
x = np.array([True, False, True, True, False])
np.trunc(x)

### trunc_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.trunc(x)

### rint_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.rint(x)

### rint_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.rint(x)

### rint_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.rint(x)

### rint_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.rint(x)

### rint_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.rint(x)

### rint_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.rint(x)

### rint_b
x = np.array([True, False, True, True, False])
np.rint(x)

### rint_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.rint(x)

### isnan_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.isnan(x)

### isnan_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.isnan(x)

### isnan_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.isnan(x)

### isnan_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.isnan(x)

### isnan_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.isnan(x)

### isnan_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.isnan(x)

### isnan_b
x = np.array([True, False, True, True, False])
np.isnan(x)

### isnan_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.isnan(x)

### isinf_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.isinf(x)

### isinf_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.isinf(x)

### isinf_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.isinf(x)

### isinf_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.isinf(x)

### isinf_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.isinf(x)

### isinf_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.isinf(x)

### isinf_b
x = np.array([True, False, True, True, False])
np.isinf(x)

### isinf_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.isinf(x)

### isfinite_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.isfinite(x)

### isfinite_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.isfinite(x)

### isfinite_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.isfinite(x)

### isfinite_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.isfinite(x)

### isfinite_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.isfinite(x)

### isfinite_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.isfinite(x)

### isfinite_b
x = np.array([True, False, True, True, False])
np.isfinite(x)

### isfinite_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.isfinite(x)

### signbit_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.signbit(x)

### signbit_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.signbit(x)

### signbit_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.signbit(x)

### signbit_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.signbit(x)

### signbit_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.signbit(x)

### signbit_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.signbit(x)

### signbit_b
x = np.array([True, False, True, True, False])
np.signbit(x)

### signbit_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.signbit(x)

### reciprocal_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.reciprocal(x)

### reciprocal_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.reciprocal(x)

### reciprocal_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.reciprocal(x)

### deg2rad_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.deg2rad(x)

### deg2rad_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.deg2rad(x)

### deg2rad_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.deg2rad(x)

### deg2rad_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.deg2rad(x)

### deg2rad_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.deg2rad(x)

### deg2rad_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.deg2rad(x)

### deg2rad_b
x = np.array([True, False, True, True, False])
np.deg2rad(x)

### deg2rad_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.deg2rad(x)

### rad2deg_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.rad2deg(x)

### rad2deg_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.rad2deg(x)

### rad2deg_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.rad2deg(x)

### rad2deg_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.rad2deg(x)

### rad2deg_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.rad2deg(x)

### rad2deg_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.rad2deg(x)

### rad2deg_b
x = np.array([True, False, True, True, False])
np.rad2deg(x)

### rad2deg_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.rad2deg(x)

### fabs_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.fabs(x)

### fabs_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.fabs(x)

### fabs_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.fabs(x)

### fabs_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.fabs(x)

### fabs_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.fabs(x)

### fabs_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.fabs(x)

### fabs_b
x = np.array([True, False, True, True, False])
np.fabs(x)

### fabs_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.fabs(x)

### logical_not_f64
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])
np.logical_not(x)

### logical_not_f32 rtol=1e-6 atol=1e-30
x = np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)
np.logical_not(x)

### logical_not_i64
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])
np.logical_not(x)

### logical_not_i32
x = np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)
np.logical_not(x)

### logical_not_u8
x = np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)
np.logical_not(x)

### logical_not_i8
x = np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)
np.logical_not(x)

### logical_not_b
x = np.array([True, False, True, True, False])
np.logical_not(x)

### logical_not_special
x = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])
np.logical_not(x)

### add_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.add(a, b)

### add_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.add(a, b)

### add_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.add(a, b)

### add_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.add(a, b)

### add_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.add(a, b)

### add_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.add(a, b)

### subtract_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.subtract(a, b)

### subtract_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.subtract(a, b)

### subtract_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.subtract(a, b)

### subtract_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.subtract(a, b)

### subtract_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.subtract(a, b)

### subtract_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.subtract(a, b)

### multiply_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.multiply(a, b)

### multiply_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.multiply(a, b)

### multiply_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.multiply(a, b)

### multiply_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.multiply(a, b)

### multiply_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.multiply(a, b)

### multiply_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.multiply(a, b)

### true_divide_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.true_divide(a, b)

### true_divide_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.true_divide(a, b)

### true_divide_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.true_divide(a, b)

### true_divide_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.true_divide(a, b)

### true_divide_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.true_divide(a, b)

### true_divide_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.true_divide(a, b)

### floor_divide_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.floor_divide(a, b)

### floor_divide_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.floor_divide(a, b)

### floor_divide_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.floor_divide(a, b)

### floor_divide_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.floor_divide(a, b)

### floor_divide_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.floor_divide(a, b)

### floor_divide_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.floor_divide(a, b)

### mod_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.mod(a, b)

### mod_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.mod(a, b)

### mod_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.mod(a, b)

### mod_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.mod(a, b)

### mod_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.mod(a, b)

### mod_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.mod(a, b)

### fmod_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.fmod(a, b)

### fmod_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.fmod(a, b)

### fmod_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.fmod(a, b)

### fmod_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.fmod(a, b)

### fmod_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.fmod(a, b)

### fmod_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.fmod(a, b)

### power_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.power(a, b)

### power_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.power(a, b)

### power_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.power(a, b)

### power_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.power(a, b)

### maximum_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.maximum(a, b)

### maximum_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.maximum(a, b)

### maximum_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.maximum(a, b)

### maximum_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.maximum(a, b)

### maximum_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.maximum(a, b)

### maximum_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.maximum(a, b)

### minimum_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.minimum(a, b)

### minimum_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.minimum(a, b)

### minimum_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.minimum(a, b)

### minimum_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.minimum(a, b)

### minimum_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.minimum(a, b)

### minimum_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.minimum(a, b)

### fmax_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.fmax(a, b)

### fmax_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.fmax(a, b)

### fmax_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.fmax(a, b)

### fmax_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.fmax(a, b)

### fmax_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.fmax(a, b)

### fmax_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.fmax(a, b)

### fmin_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.fmin(a, b)

### fmin_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.fmin(a, b)

### fmin_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.fmin(a, b)

### fmin_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.fmin(a, b)

### fmin_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.fmin(a, b)

### fmin_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.fmin(a, b)

### arctan2_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.arctan2(a, b)

### arctan2_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.arctan2(a, b)

### arctan2_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.arctan2(a, b)

### arctan2_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.arctan2(a, b)

### arctan2_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.arctan2(a, b)

### arctan2_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.arctan2(a, b)

### hypot_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.hypot(a, b)

### hypot_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.hypot(a, b)

### hypot_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.hypot(a, b)

### hypot_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.hypot(a, b)

### hypot_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.hypot(a, b)

### hypot_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.hypot(a, b)

### copysign_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.copysign(a, b)

### copysign_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.copysign(a, b)

### copysign_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.copysign(a, b)

### copysign_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.copysign(a, b)

### copysign_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.copysign(a, b)

### copysign_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.copysign(a, b)

### logaddexp_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.logaddexp(a, b)

### logaddexp_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.logaddexp(a, b)

### logaddexp_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.logaddexp(a, b)

### logaddexp_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.logaddexp(a, b)

### logaddexp_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.logaddexp(a, b)

### logaddexp_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.logaddexp(a, b)

### greater_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.greater(a, b)

### greater_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.greater(a, b)

### greater_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.greater(a, b)

### greater_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.greater(a, b)

### greater_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.greater(a, b)

### greater_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.greater(a, b)

### less_equal_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.less_equal(a, b)

### less_equal_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.less_equal(a, b)

### less_equal_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.less_equal(a, b)

### less_equal_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.less_equal(a, b)

### less_equal_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.less_equal(a, b)

### less_equal_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.less_equal(a, b)

### equal_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.equal(a, b)

### equal_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.equal(a, b)

### equal_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.equal(a, b)

### equal_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.equal(a, b)

### equal_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.equal(a, b)

### equal_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.equal(a, b)

### not_equal_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.not_equal(a, b)

### not_equal_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.not_equal(a, b)

### not_equal_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.not_equal(a, b)

### not_equal_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.not_equal(a, b)

### not_equal_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.not_equal(a, b)

### not_equal_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.not_equal(a, b)

### logical_and_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.logical_and(a, b)

### logical_and_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.logical_and(a, b)

### logical_and_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.logical_and(a, b)

### logical_and_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.logical_and(a, b)

### logical_and_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.logical_and(a, b)

### logical_and_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.logical_and(a, b)

### logical_xor_f64_f64
a = np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])
b = np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])
np.logical_xor(a, b)

### logical_xor_i64_i64
a = np.array([-7, -7, 7, 7, 0, 5])
b = np.array([2, -2, 2, -2, 3, 0])
np.logical_xor(a, b)

### logical_xor_i32_f32 rtol=1e-6 atol=1e-30
a = np.array([-7, 3, 0, 12], dtype=np.int32)
b = np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)
np.logical_xor(a, b)

### logical_xor_u8_i8
a = np.array([0, 5, 200, 255], dtype=np.uint8)
b = np.array([1, -3, 7, 2], dtype=np.int8)
np.logical_xor(a, b)

### logical_xor_f32_pyfloat rtol=1e-6 atol=1e-30
a = np.array([1.5, -2.25, 3.0], dtype=np.float32)
b = 2.5
np.logical_xor(a, b)

### logical_xor_i16_pyint rtol=1e-6 atol=1e-30
a = np.array([100, -200, 300], dtype=np.int16)
b = 7
np.logical_xor(a, b)
