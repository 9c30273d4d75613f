# Contractions and the statistics built on them: einsum, tensordot, inner,
# kron, cov, corrcoef, nanvar and nanstd, on small int and float arrays.
# All are lazy sums of products (like @), so they chunk and stay within
# memory for any size. Float results can differ from NumPy's in the last
# bits (another summation order), so some are printed rounded to 6 decimals.
import numpy as np
import dask.array as da

a = np.arange(6).reshape(2, 3)
b = np.arange(12).reshape(3, 4)
m = np.arange(9).reshape(3, 3)
v = np.array([1, 2, 3])

# einsum: matrix product, transpose, sums, traces and diagonals, dot, outer
print(np.einsum('ij,jk->ik', a, b))
print(np.einsum('ij,jk', a, b))
print(np.einsum('ij->ji', a))
print(np.einsum('ij->', a), np.einsum('ij->i', a), np.einsum('ij->j', a))
print(np.einsum('ii->', m), np.einsum('ii->i', m), np.einsum('ii', m))
print(np.einsum('i,i->', v, v), np.einsum('i,i', v, v))
print(np.einsum('i,j->ij', v, np.array([1, 10])))
print(np.einsum('ij,j->i', a, v), np.einsum('ij,ij->', a, a))

# batched, three operands, broadcasting with '...', implicit output order
x = np.arange(24).reshape(2, 3, 4)
y = np.arange(40).reshape(2, 4, 5)
print(np.einsum('bij,bjk->bik', x, y))
print(np.einsum('ij,jk,kl->il', a, b, np.arange(8).reshape(4, 2)))
print(np.einsum('...i,...i', np.ones((2, 3)), np.ones((4, 1, 3))))
print(np.einsum('i...->...i', a), np.einsum('...ij->...ji', x).shape)
print(np.einsum('ba', a), np.einsum('AaB', np.ones((1, 2, 3))).shape)
print(np.einsum('iij->ji', np.arange(18).reshape(3, 3, 2)))
print(np.einsum('i,i', np.array([True, True]), np.array([True, False])))
f = np.linspace(0, 1, 6).reshape(2, 3)
print(np.einsum('ij,kj->ik', f, f), np.einsum('ij->', f).dtype)

# tensordot and inner
print(np.tensordot(x, b, axes=([1, 2], [0, 1])))
print(np.tensordot(x, np.arange(12).reshape(3, 4)))
print(np.tensordot(a, b, axes=1))
print(np.tensordot(a, b, (1, 0)))
print(np.tensordot(v, np.array([1, 10]), axes=0))
print(np.tensordot(a, a, axes=0).shape, np.tensordot(x, y, axes=([0, 2], [0, 1])).shape)
print(np.inner(a, a), np.inner(v, v), np.inner(2, v))
print(np.inner(f, np.array([1.0, -1.0, 0.5])))

# kron
print(np.kron(np.array([1, 10]), np.array([[1, 2], [3, 4]])))
print(np.kron(np.eye(2, dtype=int), np.array([[1, 2], [3, 4]])))
print(np.kron(np.array([1, 2]), np.array([1, 10, 100])), np.kron(3, np.array([1, 2])))

# cov and corrcoef (always float64 unless dtype= says otherwise)
print(np.cov(np.array([[0, 1, 2], [2, 1, 0]])))
obs = np.array([[1.0, 2.0, 4.0, 7.0], [3.0, 1.0, 2.0, 0.5], [2.0, 2.5, 3.0, 3.5]])
print(np.round(np.cov(obs), 6))
print(np.round(np.cov(obs, rowvar=False), 6).shape, np.round(np.cov(obs, bias=True), 6))
print(np.round(np.cov(obs[0], obs[1]), 6), np.round(np.cov(obs[0], ddof=0), 6))
print(np.cov(np.array([[1, 2], [3, 5]]), fweights=[1, 2]))
print(np.cov(np.array([[1, 2], [3, 5]]), fweights=[1, 2], aweights=[0.5, 1.0]))
print(np.round(np.cov(obs, aweights=[1.0, 0.5, 2.0, 1.0]), 6))
print(np.cov(np.array([1, 2, 4]), ddof=3), np.cov(np.ones((3, 1))))
print(np.cov(np.array([[1, 2], [3, 5]]), dtype=np.float32).dtype, np.cov(np.ones((0, 3))).shape)
print(np.round(np.corrcoef(obs), 6))
print(np.round(np.corrcoef(obs[0], obs[1]), 6))
print(np.corrcoef(np.array([1, 2, 4])), np.corrcoef(np.array([1, 1, 1])))
print(np.corrcoef(np.array([[1, 2, 4], [1, 1, 1]])))
print(np.corrcoef(np.array([[1, 2, 3], [3, 2, 1], [2, 4, 6]])))

# nanvar and nanstd: NaNs ignored; an all-NaN lane, or ddof >= count, gives nan
# (integers follow var: ddof >= count gives inf, or nan for 0/0)
z = np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, np.nan], [2.0, 4.0, 8.0]])
print(np.nanvar(z, axis=1), np.nanstd(z, axis=1))
print(np.nanvar(z, axis=0), np.nanvar(z))
print(np.nanvar(z, axis=1, ddof=1), np.nanvar(z, axis=1, ddof=2))
print(np.nanvar(z, axis=0, keepdims=True).shape, np.nanstd(z, axis=(0, 1), keepdims=True))
print(np.nanvar(np.array([1, 2, 4])), np.nanvar(np.array([1, 2]), ddof=2), np.nanvar(np.array([1, 1]), ddof=2))
print(np.nanvar(np.array([1.0, 2.0], dtype=np.float32)).dtype, np.nanstd(np.array([1.0, np.nan, 3.0]), ddof=1))
print(np.nanvar(np.array([1.0, 2.0]), ddof=-1), np.nanvar(np.array([[1.0, np.nan], [3.0, 4.0]]), axis=()))

# the same on chunked dask arrays
d = da.arange(24, chunks=5).reshape(4, 6)
print(np.einsum('ij,kj->ik', d, d))
print(np.tensordot(d, d, axes=([0], [0])).shape, np.round(np.cov(d), 6))
print(np.round(np.nanvar(d / 7, axis=0), 6))
