# The dask tutorial's weather workflow, scaled down: daily temperature
# files stacked into one lazy array, averaged over time, subsampled and
# stored. The example makes its own data in a scratch directory (tempdir(),
# removed when the session ends).
# The files are listed as the tutorial does, with glob (which returns the
# paths sorted, like the tutorial's sorted(glob(...))), before mean.hdf5 is
# written into the same directory.
d = tempdir()
days = 8
for day in range(days):
    t2m = 280 + 10 * sin(linspace(0, pi, 120 * 240)).reshape(120, 240) + day
    to_hdf5(d + "/2026-01-0" + str(day + 1) + ".hdf5", "/t2m", t2m.astype(float32), chunks=(40, 60))

files = glob(d + "/*.hdf5")
print(len(files), files[0] == d + "/2026-01-01.hdf5", files[-1] == d + "/2026-01-08.hdf5")
arrays = [from_hdf5(f, "/t2m", chunks=(60, 120)) for f in files]
x = stack(arrays, axis=0)
print(x.shape, x.dtype, x.chunksize)

mean = x.mean(axis=0)
small = mean[::2, ::2]
to_hdf5(d + "/mean.hdf5", "/t2m_mean", small, compression="gzip")

back = from_hdf5(d + "/mean.hdf5", "/t2m_mean")
f = h5open(d + "/mean.hdf5")
print(f["/t2m_mean"])
print(back.shape, round(float(back.mean()), 3), round(float(back.max()), 3))
print(allclose(back, small))
