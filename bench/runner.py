"""bench/runner.py -- the benchmark harness proper (bench/run sets up the venv,
builds arr, then calls this with the venv's Python).

Owns: discovering workloads (bench/workloads/<name>/{arr.arr,numpy.py,dask.py,check.txt}),
running the three engines alternately as fresh subprocesses, timing them (whole
process for all three; compute time printed by the Python scripts themselves),
peak RSS per child via os.wait4, the agreement check, the printed table and the
JSON written to bench/results/<timestamp>.json.

Protocol with the workload scripts:
  * Python scripts print `compute_s <seconds>` (time after imports) and, as their
    last stdout line, a checksum: one or more numbers.
  * arr scripts print only the checksum (the last stdout line; numbers are taken
    from it, so a header such as `float64` or `array(...)` around them is fine).
  * check.txt is `key: value` lines: kind (statistic|values), expect, rtol, atol,
    large (NumPy needs more than ~2 GB; skipped by --skip-numpy-large).
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
WORKLOADS = os.path.join(BENCH, "workloads")
ENGINES = ("arr", "numpy", "dask")
ENGINE_FILE = {"arr": "arr.arr", "numpy": "numpy.py", "dask": "dask.py"}
# Numbers with word boundaries, so "float64" or "(20000, 200)"-free lines parse cleanly.
NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])|(?<![\w.])[-+]?(?:nan|inf)(?![\w.])")


# ---------------------------------------------------------------- arguments

def parse_args():
    p = argparse.ArgumentParser(description="arr vs NumPy vs dask benchmarks (use bench/run).")
    p.add_argument("--reps", type=int, default=5, help="repetitions per engine (default 5)")
    p.add_argument("--quick", action="store_true", help="1 repetition (smoke test)")
    p.add_argument("--only", default="", help="comma-separated workload names")
    p.add_argument("--threads", type=int, default=os.cpu_count(), help="threads for every engine (default: all cores)")
    p.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset of arr,numpy,dask")
    p.add_argument("--skip-numpy-large", action="store_true", help="skip NumPy on workloads marked large (>2 GB)")
    p.add_argument("--timeout", type=float, default=900, help="seconds before one run is killed (default 900)")
    p.add_argument("--arr", default=os.path.join(REPO, "target", "release", "arr"), help="path of the arr binary")
    p.add_argument("--arr-unavailable", default="", help="reason arr must not be run (set by bench/run when the build failed)")
    p.add_argument("--list", action="store_true", help="list workloads and exit")
    a = p.parse_args()
    if a.quick:
        a.reps = 1
    return a


# ---------------------------------------------------------------- workloads

def read_check(path):
    check = {"kind": "values", "rtol": 1e-9, "atol": 0.0, "expect": None, "large": False}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if not line or ":" not in line:
                    continue
                k, v = (s.strip() for s in line.split(":", 1))
                if k in ("rtol", "atol", "expect"):
                    check[k] = float(v)
                elif k == "large":
                    check[k] = v.lower() in ("1", "true", "yes")
                else:
                    check[k] = v
    return check


def discover(only):
    names = sorted(d for d in os.listdir(WORKLOADS) if os.path.isdir(os.path.join(WORKLOADS, d)) and not d.startswith(("_", ".")))
    # Keep the order of the brief where possible: cheap yardstick first.
    order = ["yardstick", "normal_full_mean", "ones_sum", "random_sum", "x_plus_xT", "x_minus_mean", "lennard_jones", "trig_chain"]
    names.sort(key=lambda n: (order.index(n) if n in order else len(order), n))
    if only:
        wanted = [n.strip() for n in only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in names]
        if unknown:
            sys.exit(f"unknown workload(s): {', '.join(unknown)}; known: {', '.join(names)}")
        names = [n for n in names if n in wanted]
    return [(n, os.path.join(WORKLOADS, n), read_check(os.path.join(WORKLOADS, n, "check.txt"))) for n in names]


# ---------------------------------------------------------------- running one child

def child_env(threads):
    env = dict(os.environ)
    # OpenBLAS overrides set on this kind of machine would pin a kernel/cache size
    # that is not what a NumPy user gets; the benchmark uses OpenBLAS's own detection.
    for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
        env.pop(k, None)
    for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
        env[k] = str(threads)
    env["BENCH_THREADS"] = str(threads)
    env["ARR_THREADS"] = str(threads)
    env.pop("PYTHONPATH", None)
    return env


def run_child(cmd, env, timeout):
    """Run cmd to completion; return dict(rc, wall_s, maxrss_mb, stdout, stderr, timed_out).

    Output goes to temp files (no pipe deadlocks) and the child is reaped with
    os.wait4, whose rusage belongs to that child alone (ru_maxrss in KiB on Linux)."""
    # Write back every dirty page first, untimed: the file workloads write
    # 800 MB each, and without this an engine that syncs its output (arr
    # fsyncs before renaming into place) would wait for the disk to absorb
    # the previous engine's unsynced file as well as its own.
    os.sync()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=REPO)
        state = {"reaped": False, "timed_out": False}
        lock = threading.Lock()

        def kill():
            with lock:
                if not state["reaped"]:
                    state["timed_out"] = True
                    p.kill()

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        with lock:
            state["reaped"] = True
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)  # tell Popen it is reaped
        out.seek(0)
        err.seek(0)
        return {
            "rc": p.returncode,
            "wall_s": wall,
            "maxrss_mb": ru.ru_maxrss / 1024.0,
            "stdout": out.read().decode(errors="replace"),
            "stderr": err.read().decode(errors="replace"),
            "timed_out": state["timed_out"],
        }


def engine_cmd(engine, wdir, args):
    script = os.path.join(wdir, ENGINE_FILE[engine])
    if engine == "arr":
        return [args.arr, "--threads", str(args.threads), script]
    # -P: do not put the script's folder on sys.path -- otherwise numpy.py and
    # dask.py would shadow the real numpy and dask packages.
    return [sys.executable, "-P", script]


def parse_output(stdout):
    compute = None
    lines = []
    for line in stdout.splitlines():
        m = re.match(r"^compute_s\s+(\S+)", line)
        if m:
            compute = float(m.group(1))
        elif line.strip():
            lines.append(line.strip())
    last = lines[-1] if lines else ""
    values = [float(v) for v in NUMBER.findall(last)]
    return compute, last, values


def short_error(res):
    if res["timed_out"]:
        return "timed out"
    text = (res["stderr"].strip() or res["stdout"].strip() or f"exit code {res['rc']}")
    # The telling line: a Python traceback ends with it; an arr diagnostic
    # (ariadne) starts with it, followed by the source excerpt. Keep it short.
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    if not lines:
        return ""
    if any(l.startswith("Traceback") for l in lines):
        pick = lines[-1]
    else:
        pick = next((l for l in lines if "error" in l.lower()), lines[0])
    return pick[:160]


# ---------------------------------------------------------------- agreement check

def close(a, b, rtol, atol):
    if a != a or b != b:  # nan
        return False
    return abs(a - b) <= atol + rtol * abs(b)


def check_engine(check, values, reference):
    """Return (ok, text) for one engine's checksum values."""
    if not values:
        return False, "no number in output"
    if check["expect"] is not None:
        if not close(values[0], check["expect"], check["rtol"], check["atol"]):
            return False, f"{values[0]:.10g} != expected {check['expect']:g}"
    if check["kind"] == "values" and reference is not None:
        n = min(len(values), len(reference))
        for i in range(n):
            if not close(values[i], reference[i], check["rtol"], check["atol"]):
                return False, f"[{i}] {values[i]:.12g} != ref {reference[i]:.12g}"
    return True, "ok"


# ---------------------------------------------------------------- header / environment

def capture(cmd, env=None):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=30, env=env)
        return (r.stdout.strip() or r.stderr.strip()).splitlines()[0] if r.returncode == 0 else None
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return None


def environment(args, env):
    info = {}
    info["date"] = datetime.datetime.now().isoformat(timespec="seconds")
    info["nproc"] = os.cpu_count()
    info["threads"] = args.threads
    cpu = None
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), None)
    except OSError:
        pass
    info["cpu"] = cpu or platform.processor()
    try:
        with open("/proc/meminfo") as f:
            kb = int(next(l for l in f if l.startswith("MemTotal")).split()[1])
        info["mem_total_gb"] = round(kb / 1024 / 1024, 1)
    except (OSError, StopIteration):
        info["mem_total_gb"] = None
    info["kernel"] = platform.release()
    info["loadavg_at_start"] = [round(x, 2) for x in os.getloadavg()]
    info["python"] = platform.python_version()
    probe = ("import json, numpy, dask\n"
             "from threadpoolctl import threadpool_info\n"
             "print(json.dumps({'numpy': numpy.__version__, 'dask': dask.__version__, "
             "'blas': [{k: d.get(k) for k in ('internal_api', 'version', 'architecture', 'num_threads')} for d in threadpool_info()]}))")
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    if r.returncode == 0:
        info.update(json.loads(r.stdout))
    else:
        info["probe_error"] = r.stderr.strip()[-300:]
    info["rustc"] = capture(["rustc", "--version"])
    info["arr_binary"] = args.arr
    if args.arr_unavailable:
        info["arr_version"] = None
    elif os.path.exists(args.arr):
        info["arr_version"] = capture([args.arr, "--version"]) or "(arr --version not supported)"
    else:
        info["arr_version"] = None
    unset = [k for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ]
    info["unset_for_children"] = unset
    return info


def print_header(info, args):
    blas = ", ".join(f"{b.get('internal_api')} {b.get('version')} kernel={b.get('architecture')} threads={b.get('num_threads')}"
                     for b in info.get("blas", [])) or "none found"
    print("arr benchmark harness")
    print(f"  machine : {info['cpu']}, nproc={info['nproc']}, RAM {info['mem_total_gb']} GB, Linux {info['kernel']}")
    print(f"  threads : {args.threads} (arr --threads, dask num_workers, OMP/OPENBLAS/MKL_NUM_THREADS)")
    print(f"  python {info['python']}, numpy {info.get('numpy')}, dask {info.get('dask')}, {info['rustc']}")
    print(f"  BLAS    : {blas}" + (f"  ({', '.join(info['unset_for_children'])} unset for the benchmark)" if info["unset_for_children"] else ""))
    arr_state = args.arr_unavailable or (info["arr_version"] if info["arr_version"] else f"not found at {args.arr}")
    print(f"  arr     : {arr_state}")
    print(f"  reps    : {args.reps}, engines alternate per rep, each run a fresh process")
    load = info["loadavg_at_start"][0]
    busy = "  -- WARNING: machine busy, timings will be noisy" if load > 0.5 * (info["nproc"] or 1) else ""
    print(f"  load    : {info['loadavg_at_start']} (1/5/15 min){busy}")
    print("  data    : most workloads generate their data in memory; hdf5_* and zarr_* read or write")
    print("            files under bench/, which stay in the file cache between reps (warm after rep 1).")
    print()


# ---------------------------------------------------------------- main loop

def fmt_s(x):
    return "-" if x is None else (f"{x:.3f}" if x < 10 else f"{x:.2f}")


def main():
    args = parse_args()
    workloads = discover(args.only)
    if args.list:
        for name, _, check in workloads:
            print(f"{name:18s} {check}")
        return 0
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    env = child_env(args.threads)
    info = environment(args, env)
    print_header(info, args)

    arr_missing = args.arr_unavailable or (None if os.path.exists(args.arr) else f"not built ({args.arr} missing)")
    results = []
    for name, wdir, check in workloads:
        state = {}
        for e in engines:
            st = {"engine": e, "status": "ok", "error": None, "runs": []}
            if not os.path.exists(os.path.join(wdir, ENGINE_FILE[e])):
                st.update(status="skipped", error=f"no {ENGINE_FILE[e]}")
            elif e == "arr" and arr_missing:
                st.update(status="unavailable", error=arr_missing)
            elif e == "numpy" and check["large"] and args.skip_numpy_large:
                st.update(status="skipped", error="--skip-numpy-large")
            state[e] = st
        for rep in range(args.reps):
            for e in engines:
                st = state[e]
                if st["status"] != "ok":
                    continue
                print(f"  {name:18s} rep {rep + 1}/{args.reps} {e:5s} ...", end="", flush=True, file=sys.stderr)
                res = run_child(engine_cmd(e, wdir, args), env, args.timeout)
                compute, last, values = parse_output(res["stdout"])
                print(f" {res['wall_s']:.2f}s rc={res['rc']}", file=sys.stderr)
                if res["rc"] != 0 or res["timed_out"]:
                    # One failure ends this engine's reps for this workload: an arr
                    # feature that is not implemented yet will not start working.
                    # arr exiting with an error is "unsupported"; a crash (signal) or timeout is "failed".
                    clean_error = res["rc"] > 0 and not res["timed_out"]
                    st.update(status="unsupported" if (e == "arr" and clean_error) else "failed", error=short_error(res),
                              stderr_tail=res["stderr"][-2000:])
                    continue
                st["runs"].append({"wall_s": res["wall_s"], "compute_s": compute, "maxrss_mb": res["maxrss_mb"],
                                   "checksum_line": last, "values": values})
        # Summaries and the agreement check (reference: NumPy, else dask, else arr).
        for e in engines:
            st = state[e]
            runs = st["runs"]
            st["median_wall_s"] = statistics.median(r["wall_s"] for r in runs) if runs else None
            comp = [r["compute_s"] for r in runs if r["compute_s"] is not None]
            st["median_compute_s"] = statistics.median(comp) if comp else None
            st["peak_rss_mb"] = max(r["maxrss_mb"] for r in runs) if runs else None
            st["values"] = runs[-1]["values"] if runs else None
        ref_engine = next((e for e in ("numpy", "dask", "arr") if e in state and state[e]["values"]), None)
        reference = state[ref_engine]["values"] if ref_engine else None
        for e in engines:
            st = state[e]
            if st["values"] is None:
                st["check"] = None
                continue
            ok, text = check_engine(check, st["values"], reference)
            # Every rep must agree, not just the last one (random engines differ per run).
            for r in st["runs"][:-1]:
                ok_r, text_r = check_engine(check, r["values"], reference)
                if not ok_r and ok:
                    ok, text = ok_r, text_r
            st["check"] = {"ok": ok, "text": text if (e != ref_engine or not ok) else "ok (reference)"}
        arr_wall = state.get("arr", {}).get("median_wall_s")
        ratios = {}
        for e in ("dask", "numpy"):
            other = state.get(e, {})
            if arr_wall and other.get("median_compute_s"):
                ratios[f"{e}_compute_over_arr_wall"] = other["median_compute_s"] / arr_wall
            if arr_wall and other.get("median_wall_s"):
                ratios[f"{e}_wall_over_arr_wall"] = other["median_wall_s"] / arr_wall
        results.append({"workload": name, "check_spec": check, "engines": state, "ratios": ratios})

    print_table(results, engines)
    write_json(info, args, results)
    return 0


def print_table(results, engines):
    cols = ["workload", "engine", "wall med s", "compute med s", "peak RSS MB", "dask/arr", "numpy/arr", "check"]
    rows = []
    notes = []
    for r in results:
        for i, e in enumerate(engines):
            st = r["engines"][e]
            if st["status"] != "ok":
                label = {"unsupported": "arr: unsupported", "unavailable": "unavailable", "skipped": "skipped",
                         "failed": "FAILED"}[st["status"]]
                rows.append([r["workload"] if i == 0 else "", e, label, "", "", "", "", st["error"] or ""])
                continue
            ratio_d = ratio_n = ""
            if e == "arr":
                rd = r["ratios"].get("dask_compute_over_arr_wall")
                rn = r["ratios"].get("numpy_compute_over_arr_wall")
                ratio_d = f"{rd:.2f}x" if rd else "-"
                ratio_n = f"{rn:.2f}x" if rn else "-"
            chk = st["check"]
            chk_text = "-" if chk is None else ("ok" if chk["ok"] else "MISMATCH " + chk["text"])
            vals = st["values"]
            if vals:
                chk_text += f"  [{vals[0]:.10g}]"
            rows.append([r["workload"] if i == 0 else "", e, fmt_s(st["median_wall_s"]), fmt_s(st["median_compute_s"]),
                         "-" if st["peak_rss_mb"] is None else f"{st['peak_rss_mb']:.0f}", ratio_d, ratio_n, chk_text])
    widths = [max(len(str(x)) for x in [c] + [row[j] for row in rows]) for j, c in enumerate(cols)]
    widths[-1] = min(widths[-1], 100)
    line = "  ".join(c.ljust(w) for c, w in zip(cols, widths))
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths)).rstrip())
    print()
    print("ratios: dask/arr = dask's median compute time (inside the script, imports excluded)")
    print("        / arr's median whole-process wall time; numpy/arr likewise. >1 means arr is faster.")
    print("check : statistic workloads compare each engine to the expected value (random draws differ);")
    print("        values workloads compare to NumPy's output (see workloads/<name>/check.txt).")


def write_json(info, args, results):
    out_dir = os.path.join(BENCH, "results")
    os.makedirs(out_dir, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = os.path.join(out_dir, f"{stamp}.json")
    doc = {"environment": info, "args": {k: v for k, v in vars(args).items()}, "results": results}
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
    print(f"\nwrote {os.path.relpath(path, REPO)}")


if __name__ == "__main__":
    sys.exit(main())
