# Matrix products (matmul, @, dot, tensordot, inner, einsum) on the blocked GEMM:
# float products are summed in k-blocks, so they agree with OpenBLAS to rounding.
# tolerance: rtol=1e-12 atol=1e-12

### matmul_f64_rectangular
a = np.sin(np.arange(6300.0)).reshape(70, 90)
b = np.cos(np.arange(4500.0)).reshape(90, 50)
a @ b

### matmul_f64_long_k
a = np.sin(np.arange(3000.0)).reshape(3, 1000)
b = np.cos(np.arange(7000.0)).reshape(1000, 7)
np.matmul(a, b)

### matmul_f32 rtol=2e-5 atol=1e-4
a = np.sin(np.arange(2400.0)).reshape(40, 60).astype(np.float32)
b = np.cos(np.arange(1800.0)).reshape(60, 30).astype(np.float32)
a @ b

### matmul_f32_f64_promotes
np.ones((3, 4), dtype=np.float32) @ np.arange(8.0).reshape(4, 2)

### matmul_int64
np.arange(-60, 60).reshape(10, 12) @ np.arange(36).reshape(12, 3)

### matmul_int8_wraps
x = np.arange(64, dtype=np.int8).reshape(8, 8)
x @ x

### matmul_uint8_wraps
x = np.arange(200, 236, dtype=np.uint8).reshape(6, 6)
np.matmul(x, x.T)

### matmul_int32_times_float
np.arange(12, dtype=np.int32).reshape(3, 4) @ np.linspace(0, 1, 8).reshape(4, 2)

### matmul_bool
a = np.arange(20).reshape(4, 5) % 3 == 0
b = np.arange(15).reshape(5, 3) % 4 == 1
a @ b

### matmul_bool_int
(np.arange(6).reshape(2, 3) > 2) @ np.arange(6).reshape(3, 2)

### matmul_batched_broadcast
np.arange(24.0).reshape(2, 1, 3, 4) @ np.arange(40.0).reshape(5, 4, 2)

### matmul_batched_both
np.matmul(np.arange(36).reshape(3, 3, 4), np.arange(24).reshape(3, 4, 2))

### matmul_vector_left
np.arange(4.0) @ np.arange(24.0).reshape(2, 4, 3)

### matmul_vector_right
np.arange(24.0).reshape(2, 3, 4) @ np.arange(4.0)

### matmul_vector_vector
np.arange(5) @ np.arange(5, 10)

### matmul_empty_k
np.ones((3, 0)) @ np.ones((0, 4))

### matmul_empty_rows
np.ones((0, 3)) @ np.ones((3, 2))

### matmul_mismatch_errors
np.ones((3, 4)) @ np.ones((3, 4))

### matmul_batch_mismatch_errors
np.ones((2, 3, 4)) @ np.ones((3, 4, 2))

### matmul_scalar_errors
np.matmul(np.ones((2, 2)), 3.0)

### matmul_slice_of_product
a = np.sin(np.arange(600.0)).reshape(30, 20)
b = np.cos(np.arange(500.0)).reshape(20, 25)
(a @ b)[5:12, ::3]

### matmul_chain
a = np.sin(np.arange(200.0)).reshape(10, 20)
(a @ a.T @ a).sum(axis=0)

### dot_nd
np.dot(np.arange(24.0).reshape(2, 3, 4), np.arange(40.0).reshape(2, 4, 5))

### dot_2d_3d_int
np.dot(np.arange(6).reshape(2, 3), np.arange(36).reshape(3, 3, 4))

### dot_nd_vector
np.dot(np.arange(24.0).reshape(2, 3, 4), np.arange(4.0))

### dot_nd_mismatch_errors
np.dot(np.ones((2, 3)), np.ones((2, 4, 5)))

### tensordot_two_axes
np.tensordot(np.arange(60.0).reshape(3, 4, 5), np.arange(24.0).reshape(4, 3, 2), axes=([1, 0], [0, 1]))

### tensordot_int_axes1
np.tensordot(np.arange(24).reshape(2, 3, 4), np.arange(20).reshape(4, 5), axes=1)

### inner_nd
np.inner(np.arange(24.0).reshape(2, 3, 4), np.arange(8.0).reshape(2, 4))

### einsum_transposed_right
np.einsum("ij,kj->ik", np.arange(12.0).reshape(3, 4), np.arange(20.0).reshape(5, 4))

### einsum_batched_broadcast
np.einsum("bij,bjk->bik", np.arange(24.0).reshape(2, 3, 4), np.arange(8.0).reshape(1, 4, 2))

### einsum_output_permuted
np.einsum("ij,jk->ki", np.arange(6).reshape(2, 3), np.arange(12).reshape(3, 4))

### einsum_two_summed
np.einsum("ijk,jkl->il", np.arange(24.0).reshape(2, 3, 4), np.arange(36.0).reshape(3, 4, 3))

### einsum_bool
np.einsum("ij,jk->ik", np.eye(3) > 0, np.ones((3, 2)) > 0)
