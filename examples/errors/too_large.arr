# An array too large to index, refused before anything runs.
import numpy as np
x = np.ones((10**12, 10**12))
