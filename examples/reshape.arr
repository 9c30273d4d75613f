# Reshaping: reshape with a tuple or separate sizes, -1 for "the rest",
# ravel/flatten, transpose with axes, expand_dims/squeeze, and the
# tutorial's reshape of a 5000x5000 array (only shapes are shown).
import numpy as np
import dask.array as da

a = np.arange(12)
print(a.reshape(3, 4))
print(a.reshape((2, -1)))
print(a.reshape(-1, 2, 3).shape, a.reshape(12, 1).shape)
print(a.reshape(3, 4).T)
print(a.reshape(3, 4).ravel()[:5], a.reshape(2, 6).flatten().shape)
print(np.transpose(a.reshape(2, 3, 2), (1, 0, 2)).shape, a.reshape(2, 3, 2).transpose().shape)
print(np.expand_dims(a, 0).shape, np.squeeze(a.reshape(1, 12, 1)).shape)
print(np.broadcast_to(np.arange(3), (2, 3)))

myarray = da.zeros((5000, 5000))
reshaped = np.reshape(myarray, (5000, 1000, 5))
print(reshaped.shape)
reshaped = np.reshape(myarray, (1000, 5000, 5))
print(reshaped.shape, reshaped[999].sum())
print(myarray.reshape(-1).shape, myarray.reshape(25, -1).shape)
x = da.arange(5000 * 5000).reshape(5000, 5000)
print(x[4999, 4995:], x.reshape(1000, 5000, 5)[999, 4999])
