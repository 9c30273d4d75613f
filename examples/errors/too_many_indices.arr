# More indices than the array has dimensions.
import numpy as np
x = np.ones((3, 4))
print(x[0, 1, 2])
