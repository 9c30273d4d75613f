# Asking the truth value of a whole array.
import numpy as np
x = np.arange(5)
if x > 2:
    print("big")
