# The Python around the arrays: functions (traced into the array graph, not
# run per element), for loops, list comprehensions, if/else, f-strings,
# tuples and lists.
import numpy as np
import dask.array as da

def inc(x):
    return x + 1

def add(x, y):
    return x + y

x = inc(1)
y = inc(2)
z = add(x, y)
print(x, y, z)

data = [3, 8, 1, 4, 2, 9, 4, 6]
newdata = [inc(v) for v in data]
print(newdata, len(newdata))
print(np.prod(np.array(newdata)))
print([v * v for v in range(10) if v % 3 == 0])

def normalize(a):
    return (a - a.mean()) / a.std()

a = da.arange(10, chunks=4)
n = normalize(a)
print(n.dtype, f"{float(n.mean()):.3f} {float(n.std()):.3f}")
print(inc(a))

total = 0
for i in range(1, 6):
    if i % 2 == 0:
        total = total + i * 10
    else:
        total = total + i
print("total", total)

for name, value in [("sum", a.sum()), ("max", a.max()), ("mean", a.mean())]:
    print(f"{name:>5}: {value}")

shape = (3, 4)
rows, cols = shape
print(rows * cols, shape[::-1], rows > cols, not rows > cols)
b = da.ones(shape)
if b.sum() > 10:
    print(f"sum {b.sum()} is large; shape {b.shape}, {b.dtype}")
else:
    print("small")
print(f"{3.14159:.2f} {42:5d} {0.5:.1%} {1e6:,.0f} {'x'}")
print(str(12) + "ab" * 2, int("7") + 1, float(3), 7 // 2, -7 // 2, 7 % -3, 2 ** 10)
print(round(2.5), round(3.14159, 2), abs(-3), min(3, 4), max(2, 7))
