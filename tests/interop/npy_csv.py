#!/usr/bin/env python3
"""NumPy interoperability of arr's `.npy` and text files, both ways.

    python3 tests/interop/npy_csv.py generate   # rewrite tests/interop/fixtures/
    python3 tests/interop/npy_csv.py check [ARR] # arr writes, NumPy reads

`generate` writes small files with NumPy (every dtype arr reads, both byte
orders, Fortran order, 0-d, empty, header versions 2 and 3, files arr must
refuse) and `expected.json` describing what arr must load from each; the
Rust tests (tests/npy_files.rs) read them without Python. `check` runs the
arr binary (default target/release/arr, else target/debug/arr) to write
`.npy` and text files and checks that NumPy reads identical values and
that the bytes equal what np.save / np.savetxt write for the same data.

The script makes its own virtual environment (tests/interop/.venv) with
the pinned NumPy, like tests/parity/generate.py.
"""

import io
import json
import os
import subprocess
import sys
import tempfile

NUMPY_VERSION = "2.4.6"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(HERE, ".venv")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pyvenv import run_in_venv  # noqa: E402
FIXTURES = os.path.join(HERE, "fixtures")


def ensure_numpy():
    """Re-runs this script inside the pinned venv unless already there."""
    def satisfied():
        try:
            import numpy
        except ImportError:
            return False
        return numpy.__version__ == NUMPY_VERSION

    run_in_venv(VENV, [f"numpy=={NUMPY_VERSION}"], satisfied)


# What arr calls the dtype it loads a file's elements as.
ARR_DTYPE = {"float16": "float32"}


def describe(a):
    import numpy as np

    name = a.dtype.name
    data = a.ravel(order="C")
    out = {"dtype": ARR_DTYPE.get(name, name), "shape": list(a.shape)}
    if a.dtype.kind == "f":
        # Floats as the bits of their float64 value: exact through any JSON parser.
        out["bits"] = data.astype(np.float64).view(np.uint64).tolist()
    else:
        out["data"] = data.tolist()
    return out


def generate():
    import numpy as np
    from numpy.lib import format as npf

    os.makedirs(FIXTURES, exist_ok=True)
    for f in os.listdir(FIXTURES):
        os.remove(os.path.join(FIXTURES, f))
    expected = {"npy": {}, "refused": {}, "text": {}}

    def save(name, a, **kw):
        path = os.path.join(FIXTURES, name)
        if kw:
            with open(path, "wb") as f:
                npf.write_array(f, a, **kw)
        else:
            np.save(path, a)
        expected["npy"][name] = describe(a)

    # np.save's own output for every dtype (C order, little-endian): arr
    # must load these and write them back byte for byte.
    expected["canonical"] = []
    base = np.arange(24).reshape(2, 3, 4)
    for dt in ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
               "uint64", "float32", "float64"]:
        a = (base % 2 == 0) if dt == "bool" else (base * 7 - 40).astype(dt)
        save(f"{dt}.npy", a)
        expected["canonical"].append(f"{dt}.npy")
    save("float64_fractions.npy", np.linspace(-1.5, 2.25, 10) / 3)
    expected["canonical"].append("float64_fractions.npy")
    save("uint64_large.npy", np.array([0, 2**63 + 5, 2**64 - 1], dtype=np.uint64))
    save("int64_extremes.npy", np.array([-(2**63), 2**63 - 1, 0], dtype=np.int64))
    save("zero_d.npy", np.array(3.25))
    save("empty.npy", np.zeros((0, 3), dtype=np.float32))
    expected["canonical"] += ["uint64_large.npy", "int64_extremes.npy", "zero_d.npy", "empty.npy"]
    # Other byte orders, layouts, versions and the half type.
    save("float32_big_endian.npy", (np.arange(15, dtype=">f4").reshape(3, 5) - 7) / 4)
    save("int32_big_endian.npy", np.array([[1, -2], [300000, -4]], dtype=">i4"))
    save("int16_fortran.npy", np.asfortranarray(np.arange(12, dtype=np.int16).reshape(4, 3) - 5))
    save("float64_fortran_3d.npy", np.asfortranarray(np.arange(24.0).reshape(2, 3, 4) / 8))
    save("float16.npy", np.array([0.5, -2.0, 65504.0, 6e-8, 1 / 3], dtype=np.float16))
    save("float16_big_endian.npy", np.array([1.0, -0.25], dtype=">f2"))
    save("version2.npy", np.arange(6, dtype=np.uint16).reshape(2, 3), version=(2, 0))
    save("version3.npy", np.arange(5, dtype=np.int8), version=(3, 0))
    save("bool_fortran.npy", np.asfortranarray(np.array([[True, False, True], [False, False, True]])))

    # Files arr must refuse, with what the message must say.
    def refused(name, data, says):
        with open(os.path.join(FIXTURES, name), "wb") as f:
            f.write(data)
        expected["refused"][name] = says

    def npy_bytes(a, **kw):
        b = io.BytesIO()
        npf.write_array(b, a, **kw)
        return b.getvalue()

    refused("object.npy", npy_bytes(np.array(["a", 1], dtype=object), allow_pickle=True), "pickled")
    refused("complex.npy", npy_bytes(np.arange(3, dtype=np.complex128)), "complex128")
    refused("strings.npy", npy_bytes(np.array(["ab", "c"])), "strings")
    refused("structured.npy", npy_bytes(np.zeros(2, dtype=[("a", "<i4"), ("b", "<f8")])), "structured")
    refused("truncated.npy", npy_bytes(np.arange(100.0))[:500], "truncated")
    refused("not_npy.npy", b"just some text, not an array\n", "not an .npy file")
    refused("archive.npz", b"PK\x03\x04" + b"\0" * 40, ".npz")

    # Text: np.savetxt outputs arr must reproduce, and tables to read.
    x = np.array([[1.5, -2.0, 3.25], [1e-5, 12345.678, -0.0]])
    texts = expected["text"]

    def savetxt(name, X, **kw):
        np.savetxt(os.path.join(FIXTURES, name), X, **kw)
        texts[name] = {"kwargs": kw}

    savetxt("savetxt_default.txt", x)
    savetxt("savetxt_csv.txt", x, fmt="%.3f", delimiter=",", header="a,b,c\nsecond line",
            footer="end")
    savetxt("savetxt_int_1d.txt", np.arange(-3, 4), fmt="%d")
    savetxt("savetxt_columns.txt", x, fmt=["%d", "%10.2e", "%g"], delimiter=";", comments="// ",
            header="h")
    table = "# a table\n1, 2.5, 3\n\n4, 5, 6  # trailing comment\n-7, 8e3, nan\n"
    with open(os.path.join(FIXTURES, "table.csv"), "w") as f:
        f.write(table)
    texts["table.csv"] = {
        "loadtxt": describe(np.loadtxt(io.StringIO(table), delimiter=",")),
        "loadtxt_usecols": describe(np.loadtxt(io.StringIO(table), delimiter=",", usecols=(0, 2),
                                               skiprows=2)),
    }
    gaps = "x y z\n1,,3\n4,abc,6\n7,8,9\nfooter line\n"
    with open(os.path.join(FIXTURES, "gaps.csv"), "w") as f:
        f.write(gaps)
    texts["gaps.csv"] = {
        "genfromtxt": describe(np.genfromtxt(io.StringIO(gaps), delimiter=",", skip_header=1,
                                             skip_footer=1)),
        "genfromtxt_filled": describe(np.genfromtxt(io.StringIO(gaps), delimiter=",",
                                                    skip_header=1, skip_footer=1,
                                                    filling_values=0, dtype=np.int64)),
    }

    with open(os.path.join(FIXTURES, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(FIXTURES, n)) for n in os.listdir(FIXTURES))
    print(f"wrote {len(os.listdir(FIXTURES))} fixtures, {total} bytes")


def check(arr):
    """arr writes; NumPy reads the same values and np.save writes the same bytes."""
    import numpy as np

    with tempfile.TemporaryDirectory() as d:
        cases = {
            "f64.npy": ("arange(24).reshape(2, 3, 4) * 0.5 - 3",
                        np.arange(24).reshape(2, 3, 4) * 0.5 - 3),
            "i16.npy": ("arange(10, dtype=int16) - 5", np.arange(10, dtype=np.int16) - 5),
            "bool.npy": ("arange(7) % 3 == 0", np.arange(7) % 3 == 0),
            "f32_t.npy": ("(arange(12, dtype=float32).reshape(3, 4) / 3).T",
                          (np.arange(12, dtype=np.float32).reshape(3, 4) / np.float32(3)).T),
            "u8.npy": ("arange(300).astype(uint8)", np.arange(300).astype(np.uint8)),
            "zero_d.npy": ("array(2.5)", np.array(2.5)),
            "empty.npy": ("zeros((0, 4))", np.zeros((0, 4))),
            "chunked.npy": ("arange(10000.0, chunks=999).reshape(100, 100)[::-1, 3:90]",
                            np.arange(10000.0).reshape(100, 100)[::-1, 3:90]),
        }
        program = "\n".join(f"save({os.path.join(d, n)!r}, {code})" for n, (code, _) in cases.items())
        x = "array([[1.5, -2.0, 3.25], [1e-5, 12345.678, -0.0]])"
        program += f"\nsavetxt({os.path.join(d, 'a.txt')!r}, {x})"
        program += f"\nsavetxt({os.path.join(d, 'b.txt')!r}, {x}, fmt='%.3f', delimiter=',', header='h')"
        subprocess.run([arr, "-e", program], check=True)
        failures = []
        for name, (code, want) in cases.items():
            path = os.path.join(d, name)
            got = np.load(path)
            if got.dtype != want.dtype or got.shape != want.shape or not np.array_equal(got, want):
                failures.append(f"{name}: NumPy read {got!r}, expected {want!r}")
            b = io.BytesIO()
            np.save(b, want.copy(order="C"))
            if b.getvalue() != open(path, "rb").read():
                failures.append(f"{name}: bytes differ from np.save's")
        xs = np.array([[1.5, -2.0, 3.25], [1e-5, 12345.678, -0.0]])
        for name, kw in [("a.txt", {}), ("b.txt", dict(fmt="%.3f", delimiter=",", header="h"))]:
            b = io.StringIO()
            np.savetxt(b, xs, **kw)
            if b.getvalue() != open(os.path.join(d, name)).read():
                failures.append(f"{name}: text differs from np.savetxt's")
        if failures:
            print("\n".join(failures))
            sys.exit(1)
        print(f"ok: NumPy reads all {len(cases)} .npy files and 2 text files arr wrote")


if __name__ == "__main__":
    ensure_numpy()
    what = sys.argv[1] if len(sys.argv) > 1 else "generate"
    if what == "generate":
        generate()
    elif what == "check":
        default = os.path.join(ROOT, "target", "release", "arr")
        if not os.path.exists(default):
            default = os.path.join(ROOT, "target", "debug", "arr")
        check(sys.argv[2] if len(sys.argv) > 2 else default)
    else:
        sys.exit(__doc__)
