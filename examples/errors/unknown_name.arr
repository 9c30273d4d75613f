# A misspelled function: the error suggests the right name.
import numpy as np
x = np.linspce(0, 1, 5)
print(x)
