//! The NumPy parity suite: every case in `tests/parity/cases/*.arr` runs in
//! arr and its result is compared with what NumPy gave for the same program,
//! stored in `tests/parity/golden/*.json` by `tests/parity/generate.py` (so
//! this test needs no Python).
//!
//! Shapes and dtypes compare exactly; numbers compare within the tolerance
//! each case states (`rtol`/`atol`, exact when neither is given). A Python
//! number from arr may stand for a NumPy scalar of the default dtype
//! (int64, float64, bool): arr returns Python numbers where an operation on
//! Python values gives a 0-d result. When NumPy raises, arr must give an
//! error too (and not an internal one).
//!
//! Each case runs twice: with the default chunking on one thread, and with
//! `"auto"` chunks shrunk to 64 bytes on two threads, so small arrays are
//! split into many chunks and every multi-chunk path runs.

use arr::Session;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

struct Case {
    file: String,
    line: usize,
    name: String,
    code: String,
    xfail: bool,
}

/// Parses a case file the way generate.py does (see its docstring).
fn parse_cases(path: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap();
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    let mut cases: Vec<Case> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(header) = line.strip_prefix("### ") {
            let mut words = header.split_whitespace();
            let name = words.next().expect("a case header needs a name").to_string();
            let xfail = words.any(|w| w == "xfail");
            cases.push(Case { file: file.clone(), line: i + 1, name, code: String::new(), xfail });
        } else if line.starts_with("#! numpy:") {
            // The NumPy side's spelling of the next line; arr keeps its own.
        } else if let Some(case) = cases.last_mut() {
            case.code.push_str(line);
            case.code.push('\n');
        }
    }
    cases
}

fn number(v: &Json) -> Option<f64> {
    match v {
        Json::Number(n) => n.as_f64(),
        Json::Bool(b) => Some(*b as u8 as f64),
        Json::String(s) => match s.as_str() {
            "nan" => Some(f64::NAN),
            "inf" => Some(f64::INFINITY),
            "-inf" => Some(f64::NEG_INFINITY),
            _ => None,
        },
        _ => None,
    }
}

fn close(got: f64, want: f64, rtol: f64, atol: f64) -> bool {
    if got.is_nan() || want.is_nan() {
        return got.is_nan() && want.is_nan();
    }
    if got.is_infinite() || want.is_infinite() {
        return got == want;
    }
    (got - want).abs() <= atol + rtol * want.abs()
}

fn flatten(v: &Json, out: &mut Vec<Json>) {
    match v {
        Json::Array(items) => items.iter().for_each(|i| flatten(i, out)),
        other => out.push(other.clone()),
    }
}

/// Compares arr's JSON value with NumPy's encoded result; `Err` says where
/// they differ.
fn compare(got: &Json, want: &Json, rtol: f64, atol: f64) -> Result<(), String> {
    match want {
        Json::Object(w) if w.contains_key("dtype") => {
            let (dtype, shape) = (&w["dtype"], &w["shape"]);
            let Json::Object(g) = got else {
                // A Python number for a default-dtype NumPy scalar.
                let default = matches!(dtype.as_str(), Some("int64" | "float64" | "bool"));
                if default && shape.as_array().is_some_and(|s| s.is_empty()) {
                    let kind_ok = match dtype.as_str() {
                        Some("int64") => got.is_i64() || got.is_u64(),
                        Some("float64") => got.is_f64() || got.is_string(),
                        _ => got.is_boolean(),
                    };
                    let data = w["data"].as_array().and_then(|d| d.first());
                    if kind_ok && let Some(d) = data {
                        return compare_numbers(
                            std::slice::from_ref(got),
                            std::slice::from_ref(d),
                            rtol,
                            atol,
                        );
                    }
                }
                return Err(format!("expected a {dtype} array of shape {shape}, got {got}"));
            };
            // arr has no float16: where NumPy computes in half precision
            // (int8, uint8 and bool inputs to float functions) arr uses
            // float32, compared to float16's precision.
            let half = dtype == "float16" && g["dtype"] == "float32";
            if &g["dtype"] != dtype && !half {
                return Err(format!("dtype {} != expected {dtype}", g["dtype"]));
            }
            let (rtol, atol) = if half { (rtol.max(1e-3), atol.max(1e-4)) } else { (rtol, atol) };
            if &g["shape"] != shape {
                return Err(format!("shape {} != expected {shape}", g["shape"]));
            }
            let mut flat = Vec::new();
            flatten(&g["data"], &mut flat);
            let mut want_data = w["data"].as_array().unwrap().clone();
            if half {
                // Past float16's largest value NumPy has inf; float32 does not.
                for (g, w) in flat.iter().zip(want_data.iter_mut()) {
                    let big = number(g).is_some_and(|v| v.abs() > 65504.0);
                    if big && number(w).is_some_and(f64::is_infinite) {
                        *w = g.clone();
                    }
                }
            }
            if dtype == "float32" || half {
                // arr writes float32 elements in their shortest float32
                // form, NumPy's tolist() their float64 image: compare both
                // as float32.
                for v in flat.iter_mut().chain(want_data.iter_mut()) {
                    if let Some(x) = number(v).filter(|x| x.is_finite()) {
                        *v = serde_json::json!(x as f32 as f64);
                    }
                }
            }
            compare_numbers(&flat, &want_data, rtol, atol)
        }
        Json::Array(w) => {
            let Json::Array(g) = got else {
                return Err(format!("expected a sequence of {} items, got {got}", w.len()));
            };
            if g.len() != w.len() {
                return Err(format!("{} items != expected {}", g.len(), w.len()));
            }
            for (k, (gi, wi)) in g.iter().zip(w).enumerate() {
                compare(gi, wi, rtol, atol).map_err(|e| format!("item {k}: {e}"))?;
            }
            Ok(())
        }
        Json::Number(_) | Json::Bool(_) => {
            let same_kind = match want {
                Json::Bool(_) => got.is_boolean(),
                Json::Number(n) if n.is_f64() => got.is_f64() || got.is_string(),
                _ => got.is_i64() || got.is_u64(),
            };
            if !same_kind {
                return Err(format!("expected the Python value {want}, got {got}"));
            }
            compare_numbers(std::slice::from_ref(got), std::slice::from_ref(want), rtol, atol)
        }
        Json::String(s) if ["nan", "inf", "-inf"].contains(&s.as_str()) => {
            compare_numbers(std::slice::from_ref(got), std::slice::from_ref(want), rtol, atol)
        }
        _ if got == want => Ok(()),
        _ => Err(format!("{got} != expected {want}")),
    }
}

fn compare_numbers(got: &[Json], want: &[Json], rtol: f64, atol: f64) -> Result<(), String> {
    if got.len() != want.len() {
        return Err(format!("{} elements != expected {}", got.len(), want.len()));
    }
    let mut bad = Vec::new();
    for (k, (g, w)) in got.iter().zip(want).enumerate() {
        let exact_ints = g.as_i64().zip(w.as_i64()).or_else(|| {
            // Both integers, one above i64: compare as u64.
            g.as_u64().zip(w.as_u64()).map(|(a, b)| (a as i64, b as i64))
        });
        let ok = match (exact_ints, number(g), number(w)) {
            // Integers compare exactly (f64 would merge values above 2**53).
            (Some((a, b)), _, _) => a == b,
            (None, Some(a), Some(b)) => close(a, b, rtol, atol),
            _ => g == w,
        };
        if !ok {
            bad.push(format!("[{k}] {g} != {w}"));
        }
    }
    match bad.len() {
        0 => Ok(()),
        n => Err(format!(
            "{n} of {} elements differ (rtol={rtol:e}, atol={atol:e}): {}",
            want.len(),
            bad.iter().take(6).cloned().collect::<Vec<_>>().join(", ")
        )),
    }
}

fn run_case(session: &mut Session, case: &Case) -> Result<Json, String> {
    let code = format!("import numpy as np\nimport dask.array as da\n{}", case.code);
    let run = std::panic::AssertUnwindSafe(|| match session.eval(&case.name, &code) {
        Ok(Some(v)) => {
            session.interp().to_json(&v).map_err(|d| format!("{}: {}", d.kind.name(), d.message))
        }
        Ok(None) => Ok(Json::Null),
        Err(diags) => Err(session.render(&diags, false)),
    });
    // A panic is a bug to report with the case's name, not a reason to stop.
    std::panic::catch_unwind(run).unwrap_or_else(|_| Err("InternalError: arr panicked".into()))
}

/// Runs every case in one configuration and returns the failures.
fn run_all(cases: &[Case], golden: &BTreeMap<String, Json>, threads: usize) -> Vec<String> {
    let mut failures = Vec::new();
    for case in cases {
        let key = format!("{}:{}", case.file, case.name);
        let Some(entry) = golden.get(&key) else {
            failures.push(format!(
                "{}:{} {}: no golden result; run tests/parity/generate.py",
                case.file, case.line, case.name
            ));
            continue;
        };
        let tol = &entry["tolerance"];
        let rtol = tol["rtol"].as_f64().unwrap_or(0.0);
        let atol = tol["atol"].as_f64().unwrap_or(0.0);
        let want = &entry["result"];
        // A fresh session per case: cases are independent programs.
        let mut session =
            Session::with_options(arr::Options { threads: Some(threads), ..Default::default() });
        let outcome = match (want.get("error"), run_case(&mut session, case)) {
            (Some(_), Err(rendered)) if rendered.contains("InternalError") => {
                Err(format!("NumPy raises {}; arr failed internally:\n{rendered}", want["error"]))
            }
            (Some(_), Err(_)) => Ok(()),
            (Some(e), Ok(got)) => Err(format!("NumPy raises {e}, arr gave {got}")),
            (None, Err(rendered)) => Err(format!("arr failed:\n{rendered}")),
            (None, Ok(got)) => compare(&got, want, rtol, atol),
        };
        match (outcome, case.xfail) {
            (Err(e), false) => {
                failures.push(format!("{}:{} {}: {e}", case.file, case.line, case.name))
            }
            (Ok(()), true) => failures.push(format!(
                "{}:{} {}: marked xfail but now passes; remove the mark",
                case.file, case.line, case.name
            )),
            _ => {}
        }
    }
    failures
}

fn parity_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parity")
}

fn load() -> (Vec<Case>, BTreeMap<String, Json>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(parity_dir().join("cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "arr"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    let mut golden = BTreeMap::new();
    for path in files {
        let topic = path.file_stem().unwrap().to_string_lossy().to_string();
        let golden_path = parity_dir().join("golden").join(format!("{topic}.json"));
        let text = std::fs::read_to_string(&golden_path)
            .unwrap_or_else(|e| panic!("{}: {e}; run generate.py", golden_path.display()));
        let map: BTreeMap<String, Json> = serde_json::from_str(&text).unwrap();
        for (name, v) in map {
            golden.insert(format!("{topic}.arr:{name}"), v);
        }
        cases.extend(parse_cases(&path));
    }
    (cases, golden)
}

#[test]
fn numpy_parity() {
    let (cases, golden) = load();
    assert!(cases.len() >= 300, "the corpus shrank to {} cases", cases.len());
    let mut failures = run_all(&cases, &golden, 1);
    // Tiny "auto" chunks: every literal and creation call splits into many
    // chunks. Process-wide, so this test runs alone in its binary.
    arr::ir::chunks::set_auto_chunk_bytes(64);
    failures.extend(run_all(&cases, &golden, 2).into_iter().map(|f| format!("[tiny chunks] {f}")));
    arr::ir::chunks::set_auto_chunk_bytes(arr::ir::chunks::AUTO_CHUNK_BYTES);
    assert!(
        failures.is_empty(),
        "{} parity failures out of {} runs:\n\n{}",
        failures.len(),
        2 * cases.len(),
        failures.join("\n\n")
    );
}
