#!/usr/bin/env python3
"""Runs every parity case under NumPy and writes the golden files.

A case file `tests/parity/cases/TOPIC.arr` holds cases, each starting with a
header line `### NAME` (optionally followed by `rtol=R atol=A` overriding the
file's tolerance line `# tolerance: rtol=R atol=A`, and by `xfail` for a
known difference, which the Rust test then requires to still differ). A case's body is a
program that is valid both in arr and in Python after `import numpy as np`;
the value of its last line is the result. Lines `#! numpy: CODE` replace the
following body line on the NumPy side only (for the few spellings where
arr's own API differs, e.g. a dask keyword NumPy lacks).

The result is written to `tests/parity/golden/TOPIC.json` as
`{NAME: RESULT}` where RESULT is `{"dtype", "shape", "data"}` for an array or
NumPy scalar (data flat, in C order; NaN and infinities as strings), a plain
JSON value for a Python scalar, a list for a tuple or list, and
`{"error": [exception class and its bases]}` when NumPy raises.

    python3 tests/parity/generate.py          # all topics
    python3 tests/parity/generate.py indexing # one topic

The script makes its own virtual environment (tests/parity/.venv) with the
pinned NumPy the goldens were made with, so its output does not depend on
whatever NumPy the machine has.
"""

import json
import math
import os
import sys

NUMPY_VERSION = "2.4.6"
HERE = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(HERE, ".venv")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from pyvenv import run_in_venv  # noqa: E402


def ensure_numpy():
    """Re-runs this script inside the pinned venv unless already there."""
    def satisfied():
        try:
            import numpy
        except ImportError:
            return False
        return numpy.__version__ == NUMPY_VERSION

    run_in_venv(VENV, [f"numpy=={NUMPY_VERSION}"], satisfied)


def parse_cases(text, path):
    """Yields (name, tolerance dict, arr lines, numpy lines) for each case."""
    default = {"rtol": 0.0, "atol": 0.0}
    cases, current = [], None
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.startswith("# tolerance:"):
            default.update(parse_tol(line[len("# tolerance:"):], path, lineno))
        elif line.startswith("### "):
            words = line[4:].split()
            if not words:
                sys.exit(f"{path}:{lineno}: a case header needs a name")
            tol = dict(default)
            tol.update(parse_tol(" ".join(words[1:]), path, lineno))
            current = {"name": words[0], "tol": tol, "arr": [], "numpy": [], "swap": None}
            cases.append(current)
        elif current is None:
            continue
        elif line.startswith("#! numpy:"):
            current["swap"] = line[len("#! numpy:"):].strip()
        else:
            current["arr"].append(line)
            if current["swap"] is not None:
                indent = line[: len(line) - len(line.lstrip())]
                current["numpy"].append(indent + current["swap"])
                current["swap"] = None
            else:
                current["numpy"].append(line)
    names = [c["name"] for c in cases]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        sys.exit(f"{path}: duplicate case names {sorted(dup)}")
    return cases


def parse_tol(text, path, lineno):
    tol = {}
    for word in text.split():
        if word == "xfail":  # arr is known to differ; the Rust test checks it still does
            continue
        key, _, value = word.partition("=")
        if key not in ("rtol", "atol") or not value:
            sys.exit(f"{path}:{lineno}: expected rtol=R or atol=A, found {word!r}")
        tol[key] = float(value)
    return tol


def encode_number(x):
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
    return x


def encode(value):
    import numpy as np

    if isinstance(value, (np.ndarray, np.generic)):
        arr = np.asarray(value)
        return {
            "dtype": str(arr.dtype),
            "shape": list(arr.shape),
            "data": [encode_number(x) for x in arr.ravel().tolist()],
        }
    if isinstance(value, (bool, int, float, str)) or value is None:
        return encode_number(value)
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    raise TypeError(f"cannot encode a {type(value).__name__}")


def run_case(lines):
    import numpy as np

    body = [l for l in lines if l.strip() and not l.lstrip().startswith("#")]
    scope = {"np": np}
    try:
        exec("import numpy as np\n" + "\n".join(body[:-1]), scope)
        return encode(eval(body[-1], scope))
    except Exception as e:  # the case expects arr to fail as well
        return {"error": [c.__name__ for c in type(e).__mro__ if c not in (object, BaseException)]}


def main():
    ensure_numpy()
    import numpy as np

    np.seterr(all="ignore")
    cases_dir = os.path.join(HERE, "cases")
    golden_dir = os.path.join(HERE, "golden")
    os.makedirs(golden_dir, exist_ok=True)
    topics = sys.argv[1:] or sorted(f[:-4] for f in os.listdir(cases_dir) if f.endswith(".arr"))
    total = 0
    for topic in topics:
        path = os.path.join(cases_dir, topic + ".arr")
        with open(path) as f:
            cases = parse_cases(f.read(), path)
        out = {}
        for case in cases:
            result = run_case(case["numpy"])
            out[case["name"]] = {"tolerance": case["tol"], "result": result}
        # One case per line, so a regenerated golden diffs case by case.
        lines = [json.dumps(k) + ":" + json.dumps(v, separators=(",", ":")) for k, v in out.items()]
        with open(os.path.join(golden_dir, topic + ".json"), "w") as f:
            f.write("{\n" + ",\n".join(lines) + "\n}\n")
        total += len(cases)
        print(f"{topic}: {len(cases)} cases")
    print(f"{total} cases")


if __name__ == "__main__":
    main()
