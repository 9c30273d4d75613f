//! Error examples: each `examples/errors/NAME.arr` must fail, and its
//! diagnostic rendered with colour off must equal `examples/errors/NAME.err`
//! (what `arr examples/errors/NAME.arr` prints on standard error).
//!
//! `UPDATE_GOLDEN=1 cargo test --test diagnostics` rewrites the snapshots;
//! read each one before committing it: does the message say what is wrong,
//! and does the marker sit under the code at fault?

use arr::Session;
use std::path::{Path, PathBuf};

fn errors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join("errors")
}

fn files(ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(errors_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

/// The rendered diagnostics of a program that must fail, named as the CLI
/// names it when run from the repository root.
#[track_caller]
fn rendered_error(path: &Path) -> Result<String, String> {
    let code = std::fs::read_to_string(path).unwrap();
    let name = format!("examples/errors/{}", path.file_name().unwrap().to_string_lossy());
    let mut s = Session::new();
    s.set_output(Box::new(std::io::sink()));
    match s.eval(&name, &code) {
        Ok(_) => Err(format!("{name} ran without error")),
        Err(diags) => Ok(s.render(&diags, false)),
    }
}

#[test]
fn error_examples_match_their_snapshots() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let programs = files("arr");
    assert!(programs.len() >= 12, "expected at least 12 error examples, found {}", programs.len());
    let mut failures = Vec::new();
    for path in programs {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let actual = match rendered_error(&path) {
            Ok(text) => text,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let snapshot = path.with_extension("err");
        if update {
            std::fs::write(&snapshot, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&snapshot) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{name}: the diagnostic changed.\n--- expected\n{expected}\n--- actual\n{actual}"
            )),
            Err(_) => failures.push(format!("{name} has no snapshot (run with UPDATE_GOLDEN=1)")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Rendering with colour off has no escape codes, and every snapshot has
/// its program.
#[test]
fn snapshots_are_plain_text_and_have_programs() {
    for snap in files("err") {
        let text = std::fs::read_to_string(&snap).unwrap();
        assert!(!text.contains('\x1b'), "{} contains escape codes", snap.display());
        assert!(snap.with_extension("arr").exists(), "{} has no program", snap.display());
    }
}

/// Each error names its kind first, as Python does (`NameError: ...`).
#[test]
fn diagnostics_open_with_their_kind() {
    for path in files("arr") {
        let Ok(text) = rendered_error(&path) else { continue };
        let first = text.lines().next().unwrap_or_default();
        let kind = first.split(':').next().unwrap_or_default();
        assert!(
            kind.ends_with("Error") && !kind.contains(' '),
            "{}: first line should be `SomeError: message`, got {first:?}",
            path.display()
        );
    }
}

/// A failed program leaves the session as it was: names it bound before
/// the error are gone.
#[test]
fn a_failed_program_leaves_the_session_unchanged() {
    let mut s = Session::new();
    s.eval("<a>", "x = 1").unwrap();
    assert!(s.eval("<b>", "x = 2\ny = ones(3) + ones(4)").is_err());
    let v = s.eval_display("<c>", "x").unwrap();
    assert_eq!(v.as_deref(), Some("1"));
    assert!(s.eval("<d>", "y").is_err(), "y was bound by the failed program");
}
