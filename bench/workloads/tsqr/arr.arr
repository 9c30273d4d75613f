# tsqr: QR of a tall-and-skinny 1,000,000x100 uniform matrix in 10,000-row chunks
# (TSQR: R from a tree of per-block R factors, Q recomputed block by block).
# Checksum: ||Q||_F^2 = 100 for orthonormal columns (forces all of Q), plus
# ||R||_F^2 / ||x||_F^2 = 1: 101.
import dask.array as da
x = da.random.random((1000000, 100), chunks=(10000, 100))
q, r = da.linalg.qr(x)
print((q * q).sum() + (r * r).sum() / (x * x).sum())
