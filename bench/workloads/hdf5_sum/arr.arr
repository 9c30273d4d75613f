# hdf5_sum: sum of the 250 million float32 of bench/data/sum.h5 (one dataset, chunks of 1M).
print(float(from_hdf5("bench/data/sum.h5", "/x").sum()))
