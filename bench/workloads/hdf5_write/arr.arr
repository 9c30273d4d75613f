# hdf5_write: stream 800 MB of normal draws into an HDF5 file (chunks (1000, 100)).
random.normal(size=(1_000_000, 100), chunks=(1000, 100)).to_hdf5("bench/data/out_arr.h5", "/x", overwrite=True)
print(from_hdf5("bench/data/out_arr.h5", "/x").size)
