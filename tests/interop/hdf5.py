#!/usr/bin/env python3
"""HDF5 interoperability with h5py, both ways.

    python3 tests/interop/hdf5.py write   # (re)writes the fixtures tests/interop/hdf5/*.h5
    python3 tests/interop/hdf5.py check   # runs arr to write files, checks h5py reads them

`write` makes small files with h5py (every numeric dtype, bool as h5py's
enum, chunked and contiguous, gzip, attributes, groups, a string dataset arr
must refuse); tests/hdf5.rs reads them without Python. `check` runs the arr
binary (target/debug/arr, or $ARR) on a program that writes arrays with
to_hdf5 and compares what h5py reads with the values NumPy computes.

The script makes its own virtual environment (tests/interop/.venv) with h5py
and NumPy from PyPI.
"""

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(HERE, ".venv")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pyvenv import run_in_venv  # noqa: E402
FIXTURES = os.path.join(HERE, "hdf5")
REPO = os.path.dirname(os.path.dirname(HERE))


def ensure_h5py():
    def satisfied():
        try:
            import h5py  # noqa: F401
            import numpy  # noqa: F401
        except ImportError:
            return False
        return True

    run_in_venv(VENV, ["h5py", "numpy"], satisfied)


DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64"]


def values(dtype, shape):
    import numpy as np
    n = int(np.prod(shape))
    if dtype == "bool":
        return (np.arange(n) % 3 == 0).reshape(shape)
    if dtype.startswith("float"):
        return (np.arange(n, dtype=dtype) * 0.25 - 3).reshape(shape)
    info = np.iinfo(dtype)
    return (np.arange(n) * 7 % 97 + (info.min if info.min < 0 else 0) // 2**(info.bits - 7)).astype(dtype).reshape(shape)


def write():
    import h5py
    import numpy as np
    os.makedirs(FIXTURES, exist_ok=True)
    with h5py.File(os.path.join(FIXTURES, "dtypes.h5"), "w") as f:
        for d in DTYPES:
            f.create_dataset(d, data=values(d, (3, 4)))
    with h5py.File(os.path.join(FIXTURES, "layout.h5"), "w") as f:
        x = np.arange(30 * 40, dtype="float64").reshape(30, 40) / 7
        f.create_dataset("contiguous", data=x)
        f.create_dataset("chunked", data=x, chunks=(16, 16))
        f.create_dataset("gzip", data=x.astype("float32"), chunks=(20, 20), compression="gzip",
                         compression_opts=6)
        g = f.create_group("group/sub")
        d = g.create_dataset("t2m", data=np.arange(24, dtype="int32").reshape(2, 3, 4))
        d.attrs["units"] = "K"
        d.attrs["scale"] = 0.5
        d.attrs["count"] = np.int64(7)
        d.attrs["levels"] = np.array([1, 2, 3], dtype="int16")
        f.attrs["title"] = "fixture"
        f.create_dataset("scalar", data=np.float64(2.5))
        f.create_dataset("names", data=np.array([b"a", b"bc"]))


PROGRAM = """
p = {path!r}
to_hdf5(p, "/f64", arange(12.0).reshape(3, 4) / 3)
to_hdf5(p, {{"/f32": linspace(0, 1, 7, dtype=float32), "/i8": arange(-5, 5, dtype=int8),
            "/u64": arange(6, dtype=uint64) * 1000000000000, "/b": arange(6) % 2 == 0,
            "/g/i32": arange(20, dtype=int32).reshape(4, 5).rechunk((2, 5))}}, compression="gzip")
arange(100000.0).reshape(1000, 100).rechunk((300, 100)).to_hdf5(p, "/big", chunks=(100, 50))
"""


def check():
    import h5py
    import numpy as np
    arr = os.environ.get("ARR", os.path.join(REPO, "target", "debug", "arr"))
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "out.h5")
        prog = os.path.join(d, "w.arr")
        with open(prog, "w") as fh:
            fh.write(PROGRAM.format(path=path))
        subprocess.check_call([arr, prog])
        want = {
            "f64": np.arange(12.0).reshape(3, 4) / 3,
            "f32": np.linspace(0, 1, 7, dtype="float32"),
            "i8": np.arange(-5, 5, dtype="int8"),
            "u64": np.arange(6, dtype="uint64") * 1000000000000,
            "b": np.arange(6) % 2 == 0,
            "g/i32": np.arange(20, dtype="int32").reshape(4, 5),
            "big": np.arange(100000.0).reshape(1000, 100),
        }
        with h5py.File(path, "r") as f:
            for name, w in want.items():
                got = f[name][()]
                assert got.dtype == w.dtype, (name, got.dtype, w.dtype)
                assert np.array_equal(got, w), name
            assert f["big"].chunks == (100, 50), f["big"].chunks
            assert f["g/i32"].compression == "gzip"
        assert sorted(os.listdir(d)) == ["out.h5", "w.arr"], os.listdir(d)
    print(f"h5py read {len(want)} datasets arr wrote: identical")


if __name__ == "__main__":
    ensure_h5py()
    what = sys.argv[1:] or ["write", "check"]
    if "write" in what:
        write()
    if "check" in what:
        check()
