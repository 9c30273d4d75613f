# A reshape to a size that does not match the array.
import numpy as np
x = np.arange(12)
y = x.reshape(5, -1)
