# dot_x_xT: the dask tutorial's matrix product dot(x, x + x.T) of a 5000x5000 uniform array.
# Checksum: the mean of the product, ~2500 (each element sums 5000 products of two
# independent uniforms plus their transposed partner: 5000 * (1/4 + 1/4)).
import dask.array as da
x = da.random.random((5000, 5000), chunks=(1000, 1000))
r = da.dot(x, x + x.T)
print(r.mean())
