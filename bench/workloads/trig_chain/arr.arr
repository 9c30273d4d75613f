# trig_chain: sum(sin(x)**2 + cos(x)**2 - 1) over 100M uniforms in 10M chunks.
# The value is rounding noise (~1e-9); the work is the elementwise chain.
import dask.array as da
x = da.random.random(100_000_000, chunks=10_000_000)
print(da.sum(da.sin(x)**2 + da.cos(x)**2 - 1))
