# numpy.linalg: sign-invariant results only (determinants, inverses,
# solutions, singular values, symmetric eigenvalues, norms, ranks, |R|
# diagonals), on well- and ill-conditioned matrices, stacks, float32 and
# integer inputs, and the errors NumPy raises.
# tolerance: rtol=1e-10 atol=1e-12

### det_2x2
np.linalg.det(np.array([[1.0, 2.0], [3.0, 4.0]]))

### det_int_stack
np.linalg.det(np.array([[[2, 0], [0, 3]], [[1, 2], [3, 4]], [[0, 1], [1, 0]]]))

### det_singular
np.linalg.det(np.array([[1.0, 2.0], [2.0, 4.0]]))

### det_empty
np.linalg.det(np.ones((0, 0)))

### det_float32 rtol=1e-5
np.linalg.det(np.array([[4.0, 1.0, 2.0], [1.0, 5.0, 3.0], [2.0, 3.0, 6.0]], dtype=np.float32))

### slogdet_3x3
np.linalg.slogdet(np.array([[4.0, 1.0, 2.0], [1.0, -5.0, 3.0], [2.0, 3.0, 6.0]]))

### slogdet_singular
np.linalg.slogdet(np.array([[1.0, 2.0], [2.0, 4.0]]))

### inv_3x3
np.linalg.inv(np.array([[4.0, 1.0, 2.0], [1.0, 5.0, 3.0], [2.0, 3.0, 6.0]]))

### inv_int
np.linalg.inv(np.array([[2, 1], [1, 1]]))

### inv_stack
np.linalg.inv(np.array([[[2.0, 0.0], [0.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]]]))

### inv_hilbert rtol=1e-6 atol=1e-6
np.linalg.inv(1.0 / (np.arange(6)[:, None] + np.arange(6)[None, :] + 1.0))

### inv_singular
np.linalg.inv(np.array([[1.0, 2.0], [2.0, 4.0]]))

### inv_not_square
np.linalg.inv(np.ones((2, 3)))

### inv_1d
np.linalg.inv(np.ones(3))

### inv_nan xfail
np.linalg.inv(np.array([[np.nan, 1.0], [1.0, 2.0]]))

### solve_vector
np.linalg.solve(np.array([[3.0, 1.0], [1.0, 2.0]]), np.array([9.0, 8.0]))

### solve_matrix
np.linalg.solve(np.array([[4.0, 1.0, 2.0], [1.0, 5.0, 3.0], [2.0, 3.0, 6.0]]), np.arange(6.0).reshape(3, 2))

### solve_broadcast
np.linalg.solve(np.array([[[2.0, 0.0], [0.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]]]), np.array([[1.0], [2.0]]))

### solve_singular
np.linalg.solve(np.zeros((2, 2)), np.ones(2))

### solve_bad_b
np.linalg.solve(np.eye(3), np.ones(4))

### cholesky_spd
np.linalg.cholesky(np.array([[4.0, 2.0, 0.4], [2.0, 5.0, 1.0], [0.4, 1.0, 3.0]]))

### cholesky_upper
np.linalg.cholesky(np.array([[4.0, 2.0], [2.0, 5.0]]), upper=True)

### cholesky_not_pd
np.linalg.cholesky(np.array([[1.0, 2.0], [2.0, 1.0]]))

### qr_r_diag_abs
np.abs(np.diagonal(np.linalg.qr(np.arange(12.0).reshape(4, 3) ** 1.5)[1]))

### qr_abs_q_reduced
np.abs(np.linalg.qr(np.array([[3.0, 1.0], [4.0, 2.0], [0.0, 5.0]]))[0])

### qr_shapes_complete
[x.shape for x in np.linalg.qr(np.ones((5, 3)), mode='complete')]

### qr_shapes_wide
[x.shape for x in np.linalg.qr(np.ones((2, 4)))]

### qr_mode_r_abs
np.abs(np.linalg.qr(np.array([[3.0, 1.0], [4.0, 2.0], [0.0, 5.0]]), mode='r'))

### qr_bad_mode
np.linalg.qr(np.eye(2), mode='full_q')

### svd_values
np.linalg.svd(np.array([[3.0, 0.0], [4.0, 5.0]]), compute_uv=False)

### svd_values_wide
np.linalg.svd(np.arange(12.0).reshape(3, 4), compute_uv=False)

### svd_values_stack_float32 rtol=1e-5 atol=1e-5
np.linalg.svd(np.arange(18, dtype=np.float32).reshape(2, 3, 3), compute_uv=False)

### svd_shapes_full
[x.shape for x in np.linalg.svd(np.ones((5, 3)))]

### svd_shapes_reduced
[x.shape for x in np.linalg.svd(np.ones((5, 3)), full_matrices=False)]

### svd_nan
np.linalg.svd(np.array([[np.nan, 1.0], [1.0, 1.0]]))

### svd_hilbert_values rtol=1e-8 atol=1e-15
np.linalg.svd(1.0 / (np.arange(8)[:, None] + np.arange(8)[None, :] + 1.0), compute_uv=False)

### eigvalsh_3x3
np.linalg.eigvalsh(np.array([[4.0, 1.0, 2.0], [1.0, 5.0, 3.0], [2.0, 3.0, 6.0]]))

### eigvalsh_upper
np.linalg.eigvalsh(np.array([[2.0, 1.0], [100.0, 2.0]]), UPLO='U')

### eigh_values
np.linalg.eigh(np.array([[2.0, 1.0], [1.0, 2.0]]))[0]

### eigh_abs_vectors
np.abs(np.linalg.eigh(np.array([[2.0, 1.0], [1.0, 2.0]]))[1])

### eigvals_triangular
np.sort(np.linalg.eigvals(np.array([[2.0, 1.0, 5.0], [0.0, 3.0, 1.0], [0.0, 0.0, -1.0]])))

### eig_abs_vectors
np.abs(np.linalg.eig(np.array([[2.0, 0.0], [0.0, 3.0]]))[1])

### eig_nonsquare
np.linalg.eig(np.ones((2, 3)))

### lstsq_line
np.linalg.lstsq(np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]), np.array([1.0, 2.0, 2.0, 4.0]))[0]

### lstsq_residuals
np.linalg.lstsq(np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]), np.array([1.0, 2.0, 2.0, 4.0]))[1]

### lstsq_rank_and_s
lstsq = np.linalg.lstsq(np.array([[1.0, 1.0], [1.0, 1.0], [2.0, 2.0]]), np.array([[1.0, 0.0], [2.0, 1.0], [3.0, 1.0]]))
(int(lstsq[2]), lstsq[3], lstsq[0], lstsq[1].shape)

### lstsq_bad_rows
np.linalg.lstsq(np.ones((3, 2)), np.ones(4))

### pinv_rank_deficient
np.linalg.pinv(np.array([[1.0, 2.0], [2.0, 4.0], [3.0, 6.0]]))

### pinv_stack
np.linalg.pinv(np.array([[[2.0, 0.0], [0.0, 4.0]], [[1.0, 2.0], [3.0, 4.0]]]))

### matrix_rank_cases
(np.linalg.matrix_rank(np.eye(4)), np.linalg.matrix_rank(np.ones((3, 5))), np.linalg.matrix_rank(np.zeros((2, 2))), np.linalg.matrix_rank(np.array([1.0, 0.0])))

### matrix_rank_stack
np.linalg.matrix_rank(np.array([[[1.0, 2.0], [2.0, 4.0]], [[1.0, 0.0], [0.0, 1.0]]]))

### matrix_rank_tol
np.linalg.matrix_rank(np.array([[1.0, 0.0], [0.0, 1e-3]]), tol=1e-2)

### matrix_power_int
np.linalg.matrix_power(np.array([[1, 1], [1, 0]]), 10)

### matrix_power_zero
np.linalg.matrix_power(np.array([[1.5, 1.0], [2.0, 0.0]]), 0)

### matrix_power_negative
np.linalg.matrix_power(np.array([[2.0, 1.0], [1.0, 1.0]]), -3)

### matrix_power_float_exponent
np.linalg.matrix_power(np.eye(2), 1.5)

### norm_vector_default
np.linalg.norm(np.array([3.0, 4.0, -12.0]))

### norm_vector_ords
[np.linalg.norm(np.array([3.0, 0.0, -4.0]), o) for o in [np.inf, -np.inf, 0, 1, 2, 3, 0.5, -1]]

### norm_int
np.linalg.norm(np.arange(5))

### norm_flat_3d
np.linalg.norm(np.arange(24.0).reshape(2, 3, 4))

### norm_3d_ord_error
np.linalg.norm(np.ones((2, 2, 2)), 1)

### norm_axis0
np.linalg.norm(np.arange(12.0).reshape(3, 4), axis=0)

### norm_axis_neg_keepdims
np.linalg.norm(np.arange(12.0).reshape(3, 4), ord=1, axis=-1, keepdims=True)

### norm_matrix_ords
[np.linalg.norm(np.array([[1.0, -2.0], [3.0, 4.0]]), o) for o in ['fro', 'nuc', 1, -1, 2, -2, np.inf, -np.inf]]

### norm_matrix_axes_stack
np.linalg.norm(np.arange(24.0).reshape(2, 3, 4), ord=1, axis=(2, 1))

### norm_matrix_2_keepdims
np.linalg.norm(np.arange(24.0).reshape(2, 3, 4), ord=2, axis=(0, 2), keepdims=True)

### norm_float32 rtol=1e-6
np.linalg.norm(np.array([3.0, 4.0], dtype=np.float32))

### norm_bad_vector_ord
np.linalg.norm(np.ones(3), 'fro')

### norm_bad_matrix_ord
np.linalg.norm(np.ones((2, 2)), 3)

### norm_duplicate_axes
np.linalg.norm(np.ones((2, 2)), axis=(0, 0))

### cond_default
np.linalg.cond(np.array([[1.0, 2.0], [3.0, 4.0]]))

### cond_ords
[np.linalg.cond(np.array([[1.0, 2.0], [3.0, 4.0]]), p) for p in [None, 2, -2, 'fro', 'nuc', 1, -1, np.inf, -np.inf]]

### cond_singular_p1
np.linalg.cond(np.array([[1.0, 1.0], [1.0, 1.0]]), 1)

### cond_hilbert rtol=1e-5
np.linalg.cond(1.0 / (np.arange(6)[:, None] + np.arange(6)[None, :] + 1.0))
