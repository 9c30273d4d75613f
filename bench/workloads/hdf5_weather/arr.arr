# hdf5_weather: mean over time of 8 daily (1440, 2880) float32 files.
files = ["bench/data/weather/0" + str(d) + ".hdf5" for d in range(8)]
x = stack([from_hdf5(f, "/t2m", chunks=(500, 500)) for f in files], axis=0)
print(float(x.mean(axis=0).astype(float64).mean()))
