# The dask tutorial's exercise "Subsample and store": step slicing halves
# the resolution along latitude and longitude, and the result (still lazy,
# and in general larger than memory) is streamed to disk chunk by chunk —
# to HDF5 (da.to_hdf5), to Zarr (the tutorial's solution, da.to_zarr) and
# to .npy — then read back and checked against the same elements of the
# input. The input is a scaled-down stack of daily temperature files,
# written first into a scratch directory (tempdir(), removed at the end).
d = tempdir()
days = 4
for day in range(days):
    t2m = 270 + 20 * cos(linspace(0, 2 * pi, 100 * 160)).reshape(100, 160) + day
    to_hdf5(d + "/2026-02-0" + str(day + 1) + ".hdf5", "/t2m", t2m.astype(float32), chunks=(50, 80))

# As in the tutorial: list the files, open each dataset, wrap it lazily.
filenames = glob(d + "/*.hdf5")
dsets = [h5open(f)["/t2m"] for f in filenames]
print(dsets[0])
arrays = [from_array(dset, chunks=(50, 50)) for dset in dsets]
x = stack(arrays, axis=0)
print(x.shape, x.dtype, x.chunksize)

result = x[:, ::2, ::2]
print(result.shape, result.dtype, result.chunksize)

to_hdf5(d + "/myfile.hdf5", "/output", result)
to_zarr(result, d + "/myfile.zarr", overwrite=True)
save(d + "/myfile.npy", result)

h = from_hdf5(d + "/myfile.hdf5", "/output")
z = from_zarr(d + "/myfile.zarr")
n = load(d + "/myfile.npy")
print(h5open(d + "/myfile.hdf5")["/output"])
print("hdf5", h.shape, h.dtype, array_equal(h, result))
print("zarr", z.shape, z.dtype, array_equal(z, result))
print("npy ", n.shape, n.dtype, array_equal(n, result))

# Element [day, i, j] of the result is element [day, 2i, 2j] of the input.
print(float(h[3, 10, 21]) == float(x[3, 20, 42]), float(z[0, -1, -1]) == float(x[0, 98, 158]))
print(round(float(n.mean()), 4), round(float(x.mean()), 4))
