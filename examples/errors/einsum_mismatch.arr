# einsum with a subscript whose lengths differ between the operands.
import numpy as np
a = np.ones((2, 3))
b = np.ones((4, 5))
print(np.einsum('ij,jk->ik', a, b))
