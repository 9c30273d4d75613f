# linalg_qr: the QR factorization of a 2000x2000 uniform matrix.
# Checksum: ||Q||_F^2 (2000 for an orthogonal Q) plus ||R||_F^2 / ||x||_F^2
# (1, since Q preserves norms): 2001.
import dask.array as da
x = da.random.random((2000, 2000))
q, r = da.linalg.qr(x)
print((q * q).sum() + (r * r).sum() / (x * x).sum())
