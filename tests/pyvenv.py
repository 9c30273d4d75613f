"""Runs a test-data script inside its own virtual environment.

The scripts that generate golden files or check interoperability
(tests/parity/generate.py, tests/interop/*.py) need NumPy, h5py or zarr at
pinned versions; none are assumed on the machine. `run_in_venv` re-executes
the calling script with the venv's Python, creating the venv if needed and
installing what is missing. Several scripts may share one venv with
different requirements: a script that finds the venv without its packages
installs them there instead of re-executing forever.
"""

import importlib
import os
import subprocess
import sys
import venv


def run_in_venv(venv_dir, requirements, satisfied):
    """Returns when `satisfied()` is true in this interpreter; otherwise
    continues the script inside `venv_dir` with `requirements` installed."""
    if satisfied():
        return
    python = os.path.join(venv_dir, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(venv_dir):
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", *requirements])
        importlib.invalidate_caches()
        if not satisfied():
            sys.exit(f"{venv_dir}: installing {' '.join(requirements)} did not satisfy the script")
        return
    if not os.path.exists(python):
        venv.create(venv_dir, with_pip=True)
    os.execv(python, [python, os.path.abspath(sys.argv[0])] + sys.argv[1:])
