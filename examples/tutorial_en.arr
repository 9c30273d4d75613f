# From the English dask tutorials: NumPy-style arrays with dask's chunked,
# lazy evaluation -- random integers, maxima, lazy intermediate steps,
# from_array, ufuncs, sums along an axis, x + x.T and a matrix product.
import dask.array as da
import numpy as np

nprand = np.random.randint(0, 100, (4, 5))
darand = da.random.randint(0, 100, (4, 5))
print(nprand.shape, darand.shape)
myval = 10 * darand.max()
print(myval.compute() == 10 * int(darand.max()), myval.dtype)

da_array = da.from_array(np.ones((5, 8)))
print(da_array.shape, da_array.sum())

x = np.ones((10, 10), dtype=int)
print(x.sum())
y = x + x.T
print(y[:2], np.mean(y))

myarray = da.random.random((500, 500), chunks=(100, 100))
sliced_array = myarray[::2, :]
print(sliced_array.shape, sliced_array.chunks[0][:3])
cos_array = np.cos(myarray)
print(cos_array.shape, bool((cos_array <= 1).all()))
proj = myarray.sum(axis=0)
print(proj.shape, proj.numblocks)
newda = myarray + da.transpose(myarray)
print(bool((newda == newda.T).all()))
small = myarray[:50, :50]
prod = da.dot(small, small + da.transpose(small))
print(prod.shape, bool((prod > 0).all()))

da_array = da.random.normal(loc=9, scale=1, size=(500, 500))
np_array = np.ones((500, 500))
added = da_array + np_array
print(added.dtype, f"{float(added.mean()):.1f}", f"{float(added.std()):.1f}")
