# x_plus_xT: column means of x + x.T for a 5000x5000 uniform array in 1000x1000 chunks.
# Checksum: the std of those 5000 means (~0.00577 = sqrt(2/12/5000); a result that
# ignored the transpose would give 0.00816).
import dask.array as da
x = da.random.random((5000, 5000), chunks=(1000, 1000))
r = (x + x.T).mean(axis=0)
print(r.std())
