# A variable used before it is assigned.
import numpy as np
x = np.arange(5)
print(y + x)
