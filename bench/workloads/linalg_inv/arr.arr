# linalg_inv: the inverse of a 2000x2000 uniform matrix (LU with partial pivoting).
# Checksum: sum over i < 10 of x[i, :] @ inv(x)[:, i], which is 10 for any invertible x.
import dask.array as da
x = da.random.random((2000, 2000))
xi = da.linalg.inv(x)
print((x[:10, :] * xi[:, :10].T).sum())
