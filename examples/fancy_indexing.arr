# Integer arrays and lists as indices ("fancy" indexing), with NumPy's rules.
x = arange(24, chunks=5).reshape(4, 6)
print(x)

# One index array per axis: the elements x[0, 1], x[2, 3], x[3, 5].
print(x[[0, 2, 3], [1, 3, 5]])

# Index arrays broadcast: rows[:, None] with cols picks a 3 x 2 block.
rows = array([3, 0, 2])
cols = array([5, 1])
print(x[rows[:, None], cols])

# Negative indices count from the end; repeats are allowed.
print(x[[-1, -1, 0], [0, -1, 0]])

# Mixed with slices: the advanced axes keep their place when adjacent...
y = arange(2 * 3 * 4).reshape(2, 3, 4)
print(y[:, [2, 0], [1, 3]].shape)
print(y[:, [2, 0], [1, 3]])

# ...and go first when a slice separates them (an int counts as advanced).
print(y[[1, 0], :, [3, 0]].shape)
print(y[0, :, [1, 2]])

# None and ... work alongside.
print(y[..., [0, 3]].shape)
print(y[None, 1, [0, 2]].shape)

# A boolean array inside a multi-index means its nonzero() positions.
keep = array([True, False, True, True, False, True])
print(x[1:3, keep])
print(x[x[:, 0] > 5, 1:4])

# Big lazy arrays: only the touched chunks are computed.
big = arange(10**8, chunks=10**6).reshape(10**4, 10**4)
print(big[[0, 9999, 5000], [1, 0, 5000]])
