# An index past the end of an axis.
import numpy as np
x = np.arange(10).reshape(2, 5)
print(x[1, 5])
