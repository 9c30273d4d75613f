# Storing a computed array in a Zarr store and reading it back lazily, as
# in the dask tutorials: `to_zarr` computes and writes one chunk at a time
# (the store is swapped in only when complete), `from_zarr` reads nothing
# until values are needed, and a slice reads only the chunks it touches.
# The store goes to the system's temporary directory.
import numpy as np
import dask.array as da

path = "/tmp/arr-example-zarr_roundtrip.zarr"
x = da.arange(2000 * 300, dtype=np.float64).reshape(2000, 300).rechunk((250, 300))
y = da.sin(x / 1000.0) * 10.0
y.to_zarr(path, overwrite=True)

# Its default chunks are whole multiples of the store's (250, 300) chunks,
# grown up to about 8 MiB: here the whole array.
z = da.from_zarr(path)
print(z.dtype, z.shape, z.chunksize)
print(z.numblocks)
print((z == y).all())

# A slice reads only the chunks it needs; reductions stream the store.
print(z[1000:1003, ::100])
print(z[:, 7].sum(), y[:, 7].sum())
print(z.mean(axis=0)[:3])

# Another chunking of the same store, and a second array in a group.
w = da.from_zarr(path, chunks=(500, 300))
print(w.numblocks, float(w.max()))
da.to_zarr(y[::10].astype(np.float32), "/tmp/arr-example-zarr_group.zarr",
           component="thin/y", overwrite=True, compressor="gzip")
t = da.from_zarr("/tmp/arr-example-zarr_group.zarr", component="thin/y")
print(t.dtype, t.shape, t[5, :3])
