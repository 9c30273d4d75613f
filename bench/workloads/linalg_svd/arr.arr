# linalg_svd: the singular value decomposition of a 2000x2000 uniform matrix.
# Checksum: ||U||_F^2 + ||Vt||_F^2 (2000 each for orthogonal factors) plus
# sum(s^2) / ||x||_F^2 (1): 4001.
import dask.array as da
x = da.random.random((2000, 2000))
u, s, vt = da.linalg.svd(x)
print((u * u).sum() + (vt * vt).sum() + (s * s).sum() / (x * x).sum())
