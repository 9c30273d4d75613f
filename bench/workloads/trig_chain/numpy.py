"""trig_chain, NumPy: np.sum(np.sin(x)**2 + np.cos(x)**2 - 1) over 100M uniforms
(800 MB input plus full-size temporaries)."""
import time
import numpy as np

t0 = time.perf_counter()
x = np.random.default_rng(0).random(100_000_000)
s = np.sum(np.sin(x)**2 + np.cos(x)**2 - 1)
t1 = time.perf_counter()
print(f"compute_s {t1 - t0:.6f}")
print(s)
