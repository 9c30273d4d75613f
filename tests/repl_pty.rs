//! The REPL driven as a person uses it: the real `arr` binary in a
//! pseudo-terminal (rexpect), typing lines, pressing Tab and Ctrl-C, and
//! reading what the terminal shows. HOME and XDG_DATA_HOME point at a
//! temporary directory so history never touches the real home. Timeouts
//! are generous (a loaded 2-core machine); only the Ctrl-C test measures
//! time, and only the return of the prompt after cancelling.

#![cfg(unix)]

use rexpect::reader::Options;
use rexpect::session::{PtySession, spawn_with_options};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const TIMEOUT_MS: u64 = 60_000;

/// A scratch directory removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("arr-pty-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[track_caller]
fn spawn(home: &Path, color: bool) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_arr"));
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("TERM", "xterm")
        .env("ARR_THREADS", "2")
        .env_remove("COLUMNS")
        .env_remove("LINES");
    if color {
        cmd.env_remove("NO_COLOR");
    } else {
        cmd.env("NO_COLOR", "1");
    }
    let opts = Options::new().timeout_ms(Some(TIMEOUT_MS)).strip_ansi_escape_codes(!color);
    let mut p = spawn_with_options(cmd, opts).expect("spawn arr in a pty");
    p.process_mut().set_kill_timeout(Some(5_000));
    p.exp_string(">>> ").expect("the first prompt");
    p
}

/// Types `text` (no Enter).
#[track_caller]
fn typed(p: &mut PtySession, text: &str) {
    p.send(text).unwrap();
    p.flush().unwrap();
}

/// Types a line, presses Enter, and returns what was printed before the
/// next prompt (`>>> ` or `... `).
#[track_caller]
fn enter(p: &mut PtySession, line: &str) -> String {
    typed(p, &format!("{line}\r"));
    // A fresh prompt starts a line (`\r` after the escape codes are
    // stripped); `>>> ` inside output, as in `:help` examples, does not.
    let (before, _) = p.exp_regex(r"\n\r(>>>|\.\.\.) ").expect("a prompt after the input");
    before
}

#[track_caller]
fn expect(p: &mut PtySession, needle: &str) -> String {
    match p.exp_string(needle) {
        Ok(before) => before,
        Err(e) => panic!("expected {needle:?} on the terminal: {e}"),
    }
}

#[test]
fn values_functions_vars_and_errors() {
    let home = Scratch::new("basics");
    let mut p = spawn(&home.0, false);
    enter(&mut p, "x = 40 + 2");
    assert!(enter(&mut p, "x").contains("42"));
    // A function over several lines: `... ` prompts, an empty line ends it.
    let out = enter(&mut p, "def scale(a, k=2):");
    assert!(!out.contains("Error"), "{out}");
    enter(&mut p, "b = a * k");
    enter(&mut p, "return b + 1");
    enter(&mut p, "");
    assert!(enter(&mut p, "scale(10)").contains("21"));
    // Open brackets continue too.
    enter(&mut p, "t = (1,");
    enter(&mut p, "     2)");
    assert!(enter(&mut p, "t").contains("(1, 2)"));
    enter(&mut p, "import numpy as np");
    enter(&mut p, "big = np.ones((4000, 3000), chunks=(1000, 1000))");
    let vars = enter(&mut p, ":vars");
    for needle in
        ["big", "float64", "(4000, 3000)", "scale", "function", "x ", "int", "np", "module"]
    {
        assert!(vars.contains(needle), "{needle:?} missing from :vars output:\n{vars}");
    }
    let info = enter(&mut p, ":info big");
    for needle in ["Bytes", "91.6 MiB", "(1000, 1000)", "12 chunks", "float64"] {
        assert!(info.contains(needle), "{needle:?} missing from :info output:\n{info}");
    }
    // Errors leave the session usable and unchanged.
    let err = enter(&mut p, "x = undefined_name + 1");
    assert!(err.contains("not defined"), "{err}");
    assert!(enter(&mut p, "x").contains("42"));
    assert!(enter(&mut p, "1 +* 2").contains("Syntax"));
    assert!(enter(&mut p, ":frobnicate").contains("unknown command"));
    assert!(enter(&mut p, ":load /no/such/file.arr").contains("cannot load"));
    let help = enter(&mut p, ":help linspace");
    assert!(help.contains("linspace(start, stop") && help.contains(">>> linspace("), "{help}");
    assert!(enter(&mut p, ":help").contains(":vars"));
    assert!(enter(&mut p, "x * 2").contains("84"));
    typed(&mut p, ":quit\r");
    p.exp_eof().expect("arr exits on :quit");
}

#[test]
fn tab_completes_modules_methods_and_keywords() {
    let home = Scratch::new("tab");
    let mut p = spawn(&home.0, false);
    enter(&mut p, "import numpy as np");
    typed(&mut p, "np.lins\t");
    expect(&mut p, "np.linspace");
    let out = enter(&mut p, "(0, 1, 5)");
    assert!(out.contains("0.25"), "{out}");
    typed(&mut p, "v = random.normal(10, 0.1, si\t");
    expect(&mut p, "size=");
    enter(&mut p, "4)");
    typed(&mut p, "v.resh\t");
    expect(&mut p, "v.reshape");
    assert!(enter(&mut p, "(2, 2).shape").contains("(2, 2)"));
    typed(&mut p, "np.linalg.chol\t");
    expect(&mut p, "np.linalg.cholesky");
    let out = enter(&mut p, "(array([[4.0, 2.0], [2.0, 5.0]]))");
    assert!(out.contains("[[2. 0.]") && out.contains("[1. 2.]]"), "{out}");
}

#[test]
fn ctrl_c_cancels_a_computation_and_keeps_variables() {
    let home = Scratch::new("cancel");
    let mut p = spawn(&home.0, false);
    enter(&mut p, "kept = 7");
    // About 1.6e9 normal draws: many seconds even on a fast machine.
    typed(&mut p, "random.normal(size=(40000, 40000)).sum()\r");
    expect(&mut p, ".sum()\r\n");
    // Let the line editor hand the terminal back (cooked mode, so Ctrl-C
    // becomes SIGINT) and the computation start.
    std::thread::sleep(Duration::from_millis(800));
    p.send_control('c').unwrap();
    let start = Instant::now();
    expect(&mut p, "cancelled");
    expect(&mut p, ">>> ");
    let waited = start.elapsed();
    assert!(waited < Duration::from_secs(2), "the prompt took {waited:?} to come back");
    assert!(enter(&mut p, "kept + 1").contains('8'));
    // Ctrl-C at the prompt clears the line instead.
    typed(&mut p, "7*");
    expect(&mut p, "7*");
    p.send_control('c').unwrap();
    // The editor drops input typed before it is reading again.
    expect(&mut p, ">>> ");
    assert!(enter(&mut p, "111*3").contains("333"));
    // Ctrl-D exits.
    p.send_control('d').unwrap();
    p.exp_eof().expect("arr exits on Ctrl-D");
}

#[test]
fn history_is_kept_across_sessions() {
    let home = Scratch::new("history");
    let mut p = spawn(&home.0, false);
    enter(&mut p, "history_marker = 12345");
    typed(&mut p, ":quit\r");
    p.exp_eof().unwrap();
    assert!(home.0.join("data/arr/history").exists());
    let mut p = spawn(&home.0, false);
    // Up twice: the last entry is `:quit`.
    typed(&mut p, "\x1b[A");
    expect(&mut p, ":quit");
    typed(&mut p, "\x1b[A");
    expect(&mut p, "history_marker = 12345");
    // Enter runs the recalled line.
    enter(&mut p, "");
    assert!(enter(&mut p, "history_marker").contains("12345"));
}

#[test]
fn colours_and_signature_hints_on_a_terminal() {
    let home = Scratch::new("colour");
    let mut p = spawn(&home.0, true);
    typed(&mut p, "random.normal(0, ");
    // The builtin is coloured and its signature appears as a grey hint.
    expect(&mut p, "\x1b[34mrandom\x1b[0m");
    expect(&mut p, "\x1b[90m  normal(loc=0.0, scale=1.0, size=");
    p.send_control('c').unwrap();
    // Written once, when the editor stops reading the line.
    expect(&mut p, "\x1b[?2004l");
    expect(&mut p, ">>> ");
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn standard_input_that_is_not_a_terminal_runs_as_a_program() {
    use std::io::Write;
    let home = Scratch::new("stdin");
    let mut child = Command::new(env!("CARGO_BIN_EXE_arr"))
        .env("HOME", &home.0)
        .env("XDG_DATA_HOME", home.0.join("data"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"def f(x):\n    return x * 3\n\nf(2)\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "6\n");
    assert!(!String::from_utf8_lossy(&out.stderr).contains(">>>"));
}
