# A call missing a required argument.
import numpy as np
x = np.full((2, 2))
