# A value of the wrong type: a string where a shape is needed.
import numpy as np
x = np.zeros("3")
