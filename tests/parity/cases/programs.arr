# Whole small programs in the style of the dask tutorials: several steps,
# chunked dask spellings on the arr side (`#! numpy:` gives NumPy's line).
# tolerance: rtol=1e-12 atol=1e-12

### lennard_jones_small
def lj(r2):
    sr6 = (1.0 / r2) ** 3
    pot = 4.0 * (sr6 * sr6 - sr6)
    return pot
def cluster(n):
    k = np.arange(n, dtype=np.float64)
    return np.stack([np.sin(k * 1.3) * 3, np.cos(k * 0.7) * 3, np.sin(k * 0.45 + 1) * 3], axis=1)
c = cluster(60)
diff = c[:, np.newaxis, :] - c[np.newaxis, :, :]
d2 = (diff * diff).sum(-1)
dtri = np.triu(d2)
energy = lj(dtri[dtri > 1e-6]).sum()
energy

### lennard_jones_nansum
c = np.stack([np.arange(30.0), np.sin(np.arange(30.0)), np.cos(np.arange(30.0) * 2)], axis=1)
d2 = ((c[:, None, :] - c[None, :, :]) ** 2).sum(-1)
sr6 = (1.0 / np.triu(d2)) ** 3
np.nansum(np.where(np.isinf(sr6), np.nan, 4.0 * (sr6 * sr6 - sr6)))

### dask_chunked_mean
#! numpy: x = np.arange(10000.0).reshape(100, 100)
x = da.arange(10000.0, chunks=700).reshape(100, 100)
(x.mean(axis=0)[::10], x.std())

### dask_ones_sum
#! numpy: x = np.ones((150, 170))
x = da.ones((150, 170), chunks=(40, 33))
(x.sum(), x.sum(axis=1)[:5])

### dask_transpose_add
#! numpy: x = np.arange(900.0).reshape(30, 30) % 7
x = da.from_array(np.arange(900.0).reshape(30, 30) % 7, chunks=(8, 11))
y = x + x.T
y.mean(axis=0)

### dask_x_minus_mean
#! numpy: x = np.sin(np.arange(2400.0)).reshape(40, 60)
x = da.sin(da.arange(2400.0, chunks=500)).reshape(40, 60)
(x - x.mean(axis=0)).sum(axis=1)

### standardize_columns
x = np.arange(60.0).reshape(12, 5) ** 1.5
z = (x - x.mean(axis=0)) / x.std(axis=0)
(z.mean(axis=0), z.std(axis=0))

### softmax_rows
x = np.arange(12.0).reshape(3, 4) / 3
e = np.exp(x - x.max(axis=1, keepdims=True))
e / e.sum(axis=1, keepdims=True)

### moving_average_cumsum
x = np.sin(np.arange(50.0))
c = np.cumsum(np.concatenate([np.zeros(1), x]))
(c[5:] - c[:-5]) / 5

### polynomial_horner
coef = [3.0, -2.0, 0.5, 1.0]
x = np.linspace(-2, 2, 9)
y = np.zeros_like(x)
for c in coef:
    y = y * x + c
y

### gram_matrix
x = np.arange(12.0).reshape(4, 3)
x @ x.T

### pairwise_distances
p = np.array([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0], [1.0, 1.0]])
np.sqrt(((p[:, None, :] - p[None, :, :]) ** 2).sum(axis=-1))

### histogram_style_counts
x = np.arange(100) % 7
np.array([(x == k).sum() for k in range(7)])

### masked_statistics
x = np.cos(np.arange(1000.0))
pos = x[x > 0]
(pos.size, pos.mean(), pos.max(), (x < 0).sum())

### nan_cleanup
x = np.arange(20.0)
x = np.where(x % 4 == 0, np.nan, x)
(np.nanmean(x), np.isnan(x).sum(), np.nan_to_num(x)[:6])

### blocked_sum_by_rows
#! numpy: x = np.arange(10000).reshape(100, 100)
x = da.arange(10000, chunks=(1000,)).reshape(100, 100)
#! numpy: x.sum(axis=1)[::7]
x.rechunk((25, 50)).sum(axis=1)[::7]

### integer_pipeline
x = np.arange(1, 101, dtype=np.int32)
((x * x) % 17 + x // 3).sum()

### float32_pipeline rtol=1e-5
x = np.linspace(0, 1, 101).astype(np.float32)
(np.sqrt(x) * np.float32(2) + x ** 2).mean()

### outer_product_normalized
u = np.arange(1.0, 6.0)
v = np.arange(1.0, 4.0)
m = np.outer(u, v)
m / m.sum()

### broadcasting_tutorial
a = np.array([[0.0], [10.0], [20.0], [30.0]])
b = np.array([0.0, 1.0, 2.0])
a + b

### eye_and_triangles
e = np.eye(4) * 2 + np.tri(4, k=-1)
(e.sum(axis=0), np.triu(e, 1).sum(), np.trace(e))

### reshape_transpose_chain
x = np.arange(120).reshape(2, 3, 4, 5)
x.transpose(0, 2, 1, 3).reshape(8, 15)[::3, 1::4]

### stack_and_reduce
xs = [np.arange(6.0) * k for k in range(1, 5)]
s = np.stack(xs)
(s.sum(axis=0), s.max(axis=1), np.vstack(xs).shape)

### concatenate_chunked
#! numpy: a = np.arange(10.0)
a = da.arange(10.0, chunks=3)
#! numpy: b = np.ones(7)
b = da.ones(7, chunks=4)
#! numpy: c = np.concatenate([a, b, a[::-1]])
c = da.concatenate([a, b, a[::-1]])
(c.sum(), c[8:14])

### argmax_positions
x = np.sin(np.arange(48.0)).reshape(6, 8)
(x.argmax(axis=0), x.argmin(axis=1), np.argmax(x))

### cumulative_products
x = np.array([1.0, 1.1, 0.9, 1.05, 0.95, 1.2])
np.cumprod(x)[-1], x.prod()

### where_chain
x = np.arange(-5, 6)
np.where(x < -2, -2, np.where(x > 2, 2, x))

### all_any_logic
x = np.arange(12).reshape(3, 4)
((x > 5).any(axis=1), (x >= 0).all(), np.logical_and(x > 2, x < 9).sum())

### clip_and_round
x = np.linspace(-3, 3, 13)
np.round(np.clip(x, -1.5, 2.25), 1)

### diff_of_squares
x = np.arange(10) ** 2
(np.diff(x), np.diff(x, n=2))

### uint8_image_like
img = (np.arange(64).reshape(8, 8) * 5).astype(np.uint8)
((img.astype(np.float64) / 255).mean(), img.max(), (img > 128).sum())
