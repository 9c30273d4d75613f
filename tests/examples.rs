//! Every `examples/*.arr` program runs against its golden output
//! `examples/NAME.out` (exactly what `arr examples/NAME.arr` prints), and
//! gives the same output with the optimizer off and on 1 or 2 threads.
//!
//! `UPDATE_GOLDEN=1 cargo test --test examples` rewrites the goldens; check
//! the diff against NumPy before committing one (see `examples/README.md`).

use arr::{Options, Session};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A `Write` whose bytes the test can read back after the session wrote them.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// The `*.arr` files directly in `dir`, sorted by name.
#[track_caller]
fn programs(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

/// What running the script prints, as `arr FILE` would (its `print`s), or
/// the rendered error (colour off) if it fails.
fn run(path: &Path, options: Options) -> Result<String, String> {
    let code = std::fs::read_to_string(path).unwrap();
    // Examples that write a file (under target/) run one at a time, since
    // the golden and invariance tests run them concurrently.
    static WRITERS: Mutex<()> = Mutex::new(());
    let _writing =
        code.contains("save(").then(|| WRITERS.lock().unwrap_or_else(|e| e.into_inner()));
    let name = format!("examples/{}", path.file_name().unwrap().to_string_lossy());
    let out = Capture::default();
    let mut s = Session::with_options(options);
    s.set_output(Box::new(out.clone()));
    let result = s.eval(&name, &code);
    let printed = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
    match result {
        Ok(_) => Ok(printed),
        Err(diags) => Err(format!("{printed}{}", s.render(&diags, false))),
    }
}

fn opts(threads: usize, optimize: bool) -> Options {
    Options { threads: Some(threads), seed: 0, optimize }
}

fn first_difference(expected: &str, actual: &str) -> String {
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return format!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1);
        }
    }
    format!("expected {} lines, got {}", expected.lines().count(), actual.lines().count())
}

#[test]
fn examples_match_golden_output() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    let all = programs(&examples_dir(), "arr");
    assert!(all.len() >= 10, "expected at least 10 examples, found {}", all.len());
    for path in all {
        let golden = path.with_extension("out");
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let started = std::time::Instant::now();
        let actual = match run(&path, opts(2, true)) {
            Ok(out) => out,
            Err(e) => {
                failures.push(format!("{name} failed:\n{e}"));
                continue;
            }
        };
        eprintln!("{name}: {:.2?}", started.elapsed());
        if update {
            std::fs::write(&golden, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name} differs from {}: {}",
                golden.file_name().unwrap().to_string_lossy(),
                first_difference(&expected, &actual)
            )),
            Err(_) => {
                failures.push(format!("{name} has no golden output (run with UPDATE_GOLDEN=1)"))
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The engine's promise: neither the optimizer nor the thread count changes
/// a result (reductions combine in a fixed order; random numbers are a
/// function of the element's index).
#[test]
fn examples_are_invariant_under_optimizer_and_threads() {
    let mut failures = Vec::new();
    for path in programs(&examples_dir(), "arr") {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Ok(reference) = run(&path, opts(2, true)) else {
            continue; // reported by examples_match_golden_output
        };
        for (label, o) in [("1 thread", opts(1, true)), ("optimizer off", opts(2, false))] {
            match run(&path, o) {
                Ok(out) if out == reference => {}
                Ok(out) => failures
                    .push(format!("{name} with {label}: {}", first_difference(&reference, &out))),
                Err(e) => failures.push(format!("{name} with {label} failed:\n{e}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every example says what it shows, and every golden has its program.
#[test]
fn examples_have_headers_and_no_orphan_goldens() {
    let dir = examples_dir();
    for path in programs(&dir, "arr") {
        let code = std::fs::read_to_string(&path).unwrap();
        assert!(
            code.starts_with("# "),
            "{} should open with a comment saying what it shows",
            path.display()
        );
        assert!(code.contains("print("), "{} prints nothing, so it shows nothing", path.display());
    }
    for golden in programs(&dir, "out") {
        assert!(
            golden.with_extension("arr").exists(),
            "{} has no program next to it",
            golden.display()
        );
    }
}
