# A reduction over an axis the array does not have.
import numpy as np
x = np.ones((3, 4))
print(x.sum(axis=2))
