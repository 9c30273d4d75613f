# A syntax error: an operator with nothing on its right.
import numpy as np
x = np.ones(3) *
print(x)
