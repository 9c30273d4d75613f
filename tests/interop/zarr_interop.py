#!/usr/bin/env python3
"""Zarr interoperability with zarr-python, both ways.

    python3 tests/interop/zarr_interop.py generate   # (re)write the committed fixtures
    python3 tests/interop/zarr_interop.py check      # arr writes stores, zarr-python reads them
    python3 tests/interop/zarr_interop.py            # both

`generate` writes small stores with zarr-python into tests/fixtures/zarr/:
one v3 array per dtype arr has (zstd, zarr-python's default codec), a gzip
one, an uncompressed one, a sharded one, a group holding an array, a Zarr v2
array (gzip) and a float16 array (a type arr refuses), plus
`expected.json` with every array's dtype, shape and values (C order). The
Rust test tests/zarr.rs reads them with arr and compares — it needs no Python.

`check` runs arr ($ARR, else target/release/arr, else target/debug/arr; build it first)
to write stores of every dtype, with each compressor and into a group, then
reads them with zarr-python and compares them to the same values computed
by NumPy, element for element.

The script makes its own virtual environment (tests/interop/.venv) with
pinned zarr and NumPy.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

ZARR_VERSION = "3.1.6"
NUMPY_VERSION = "2.4.6"
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(HERE, ".venv")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pyvenv import run_in_venv  # noqa: E402
FIXTURES = os.path.join(REPO, "tests", "fixtures", "zarr")

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64"]


def ensure_env():
    """Re-runs this script inside the pinned venv unless already there."""
    def satisfied():
        try:
            import numpy
            import zarr
        except ImportError:
            return False
        return zarr.__version__ == ZARR_VERSION and numpy.__version__ == NUMPY_VERSION

    run_in_venv(VENV, [f"zarr=={ZARR_VERSION}", f"numpy=={NUMPY_VERSION}"], satisfied)


def values(dtype, shape=(5, 7)):
    """The test values of a dtype: negatives, extremes and fractions where the type has them.

    The same formula is written in arr by `arr_values` below."""
    import numpy as np

    k = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
    if dtype == "bool":
        return k % 3 == 0
    if dtype.startswith("float"):
        return (k * 0.25 - 3.1).astype(dtype)
    info = np.iinfo(dtype)
    # Spread over the type's whole range, both ends included.
    span = int(info.max) - int(info.min)
    v = [int(info.min) + (span * int(i)) // (k.size - 1) for i in k.flat]
    return np.array(v, dtype=dtype).reshape(shape)


def arr_values(dtype, shape=(5, 7)):
    """`values(dtype)` as an arr expression (arr's integer arithmetic is exact in int64
    and uint64, so the range formula is split to stay inside them)."""
    n = shape[0] * shape[1]
    k = f"arange({n}).reshape{shape}"
    if dtype == "bool":
        return f"({k} % 3 == 0)"
    if dtype.startswith("float"):
        return f"({k} * 0.25 - 3.1).astype({dtype})"
    import numpy as np

    info = np.iinfo(dtype)
    span = int(info.max) - int(info.min)
    # min + span * i // (n - 1), exactly, for i = 0..n-1: spelled out per element
    # (small arrays), since span * i overflows 64 bits.
    flat = [int(info.min) + (span * i) // (n - 1) for i in range(n)]
    if info.bits < 64:
        return f"array({flat}, dtype={dtype}).reshape{shape}"
    # arr's integer literals are int64: 64-bit extremes are built from halves.
    hi = [v >> 32 for v in flat]
    lo = [v & 0xFFFFFFFF for v in flat]
    return (f"(array({hi}, dtype={dtype}) * 4294967296 + array({lo}, dtype={dtype}))"
            f".reshape{shape}")


def record(manifest, name, a, **extra):
    import numpy as np

    data = a.ravel().tolist()
    if a.dtype.kind == "f":
        data = [float(v) for v in data]
    manifest[name] = {"dtype": str(a.dtype), "shape": list(a.shape), "data": data, **extra}


def generate():
    import numpy as np
    import zarr
    from zarr.codecs import BytesCodec, GzipCodec, ShardingCodec, ZstdCodec

    shutil.rmtree(FIXTURES, ignore_errors=True)
    os.makedirs(FIXTURES)
    manifest = {}
    for dt in DTYPES:
        a = values(dt)
        z = zarr.create_array(os.path.join(FIXTURES, f"{dt}.zarr"), shape=a.shape,
                              chunks=(2, 3), dtype=dt, zarr_format=3)
        z[...] = a
        record(manifest, f"{dt}.zarr", a, chunks=[2, 3])

    a = values("float64", (6, 10))
    z = zarr.create_array(os.path.join(FIXTURES, "gzip.zarr"), shape=a.shape, chunks=(4, 4),
                          dtype="float64", compressors=[GzipCodec(level=5)], zarr_format=3)
    z[...] = a
    record(manifest, "gzip.zarr", a, chunks=[4, 4])

    a = values("int32", (9, 4))
    z = zarr.create_array(os.path.join(FIXTURES, "raw.zarr"), shape=a.shape, chunks=(3, 4),
                          dtype="int32", compressors=None, zarr_format=3)
    z[...] = a
    record(manifest, "raw.zarr", a, chunks=[3, 4])

    # Shards of 4x4 holding chunks of 2x2.
    a = values("float32", (8, 6))
    z = zarr.create_array(os.path.join(FIXTURES, "sharded.zarr"), shape=a.shape,
                          shards=(4, 4), chunks=(2, 2), dtype="float32", zarr_format=3)
    z[...] = a
    record(manifest, "sharded.zarr", a, chunks=[4, 4])

    g = zarr.open_group(os.path.join(FIXTURES, "group.zarr"), mode="w", zarr_format=3)
    sub = g.create_group("data")
    a = values("int16", (4, 5))
    t = sub.create_array("temps", shape=a.shape, chunks=(2, 5), dtype="int16",
                         compressors=[ZstdCodec(level=3)])
    t[...] = a
    record(manifest, "group.zarr:data/temps", a, chunks=[2, 5])

    import numcodecs

    a = values("uint16", (5, 3))
    z = zarr.create_array(os.path.join(FIXTURES, "v2.zarr"), shape=a.shape, chunks=(2, 2),
                          dtype="uint16", zarr_format=2, compressors=numcodecs.GZip(level=1))
    z[...] = a
    record(manifest, "v2.zarr", a, chunks=[2, 2])

    z = zarr.create_array(os.path.join(FIXTURES, "float16.zarr"), shape=(3,), chunks=(3,),
                          dtype="float16", zarr_format=3)
    z[...] = np.array([1.0, 2.0, 3.0], dtype="float16")

    with open(os.path.join(FIXTURES, "expected.json"), "w") as f:
        json.dump(manifest, f, indent=0, sort_keys=True)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(d, n)) for d, _, ns in os.walk(FIXTURES) for n in ns)
    print(f"wrote {len(manifest)} fixture arrays to {FIXTURES} ({total} bytes)")


def arr_binary():
    if os.environ.get("ARR"):
        return os.environ["ARR"]
    for kind in ("release", "debug"):
        p = os.path.join(REPO, "target", kind, "arr")
        if os.path.exists(p):
            return p
    sys.exit("build arr first (cargo build --release)")


def check():
    import numpy as np
    import zarr

    arr = arr_binary()
    tmp = tempfile.mkdtemp(prefix="arr-zarr-interop-")
    try:
        program = []
        cases = []
        for dt in DTYPES:
            for comp in ("'zstd'", "'gzip'", "None"):
                name = f"{dt}-{comp.strip(chr(39))}.zarr"
                path = os.path.join(tmp, name)
                # chunks=(2, 3) over (5, 7): ragged edge chunks on both axes.
                program.append(f"to_zarr({arr_values(dt)}, {path!r}, chunks=(2, 3), "
                               f"compressor={comp})")
                cases.append((path, None, values(dt)))
        grp = os.path.join(tmp, "group.zarr")
        program.append(f"to_zarr({arr_values('float64', (6, 4))}, {grp!r}, component='a/b')")
        cases.append((grp, "a/b", values("float64", (6, 4))))
        # A computed, rechunked (irregular) array and a method call.
        big = os.path.join(tmp, "computed.zarr")
        program.append(f"(arange(1000, chunks=((300, 300, 400),)) * 0.5).to_zarr({big!r})")
        cases.append((big, None, np.arange(1000) * 0.5))
        script = os.path.join(tmp, "write.arr")
        with open(script, "w") as f:
            f.write("\n".join(program) + "\n")
        subprocess.run([arr, script], check=True)
        failures = 0
        for path, comp, want in cases:
            z = zarr.open_array(path, path=comp or "", mode="r")
            got = z[...]
            ok = got.dtype == want.dtype and got.shape == want.shape and np.array_equal(got, want)
            if not ok:
                failures += 1
                print(f"MISMATCH {path} {comp}: {got.dtype}{got.shape} vs {want.dtype}{want.shape}")
        print(f"zarr-python read {len(cases) - failures}/{len(cases)} stores arr wrote identically")
        if failures:
            sys.exit(1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    ensure_env()
    what = sys.argv[1:] or ["generate", "check"]
    for w in what:
        {"generate": generate, "check": check}[w]()
