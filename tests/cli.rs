//! The `arr` binary as users and scripts call it: `-e`, script files,
//! standard input, `--format json` for values and errors, exit statuses,
//! and thread-count invariance.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn arr() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_arr"));
    c.env_remove("ARR_THREADS").env("NO_COLOR", "1");
    c
}

#[track_caller]
fn run(args: &[&str]) -> Output {
    arr().args(args).output().expect("arr runs")
}

#[track_caller]
fn run_stdin(args: &[&str], input: &str) -> Output {
    let mut child = arr()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("arr runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[track_caller]
fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(stdout(o).trim())
        .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", stdout(o)))
}

#[track_caller]
fn assert_status(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "exit status; stdout: {:?}; stderr: {:?}",
        stdout(o),
        stderr(o)
    );
}

fn temp_script(name: &str, code: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("arr-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, code).unwrap();
    path
}

#[test]
fn eval_shows_the_last_value() {
    let o = run(&["-e", "x = 2 + 3\nx * 10"]);
    assert_status(&o, 0);
    assert_eq!(stdout(&o), "50\n");

    let o = run(&["-e", "import numpy as np; np.arange(6).reshape(2, 3).sum(axis=0)"]);
    assert_status(&o, 0);
    let out = stdout(&o);
    assert!(out.starts_with("int64 array, shape (3,)"), "header: {out:?}");
    assert!(out.ends_with("[3 5 7]\n"), "values: {out:?}");
}

#[test]
fn eval_pieces_run_in_one_session() {
    let o = run(&["-e", "x = 4", "-e", "x ** 2"]);
    assert_status(&o, 0);
    assert_eq!(stdout(&o), "16\n");
}

#[test]
fn eval_prints_then_shows_the_last_value() {
    let o = run(&["-e", "print('hello', 1 + 1)\n3.5"]);
    assert_status(&o, 0);
    assert_eq!(stdout(&o), "hello 2\n3.5\n");
    // A statement (or None) at the end shows nothing.
    let o = run(&["-e", "x = 1"]);
    assert_status(&o, 0);
    assert_eq!(stdout(&o), "");
}

#[test]
fn a_script_prints_only_what_it_prints() {
    let path =
        temp_script("prints.arr", "import numpy as np\nx = np.ones(3)\nprint(x.sum())\nx * 2\n");
    let o = run(&[path.to_str().unwrap()]);
    assert_status(&o, 0);
    assert_eq!(stdout(&o), "3.0\n");
    assert_eq!(stderr(&o), "");
}

#[test]
fn dash_reads_the_program_from_stdin() {
    let o = run_stdin(&["-"], "a = [1, 2, 3]\nprint(len(a))\nsum(a) * 2\n");
    assert_status(&o, 0);
    assert_eq!(stdout(&o), "3\n12\n");
    // Without a file and with stdin not a terminal, stdin is the program too.
    let o = run_stdin(&[], "1 + 1");
    assert_status(&o, 0);
    assert_eq!(stdout(&o), "2\n");
}

#[test]
fn json_output_of_arrays() {
    let o = run(&["--format", "json", "-e", "arange(6).reshape(2, 3) * 2"]);
    assert_status(&o, 0);
    let j = json(&o);
    assert_eq!(j["dtype"], "int64");
    assert_eq!(j["shape"], serde_json::json!([2, 3]));
    assert_eq!(j["data"], serde_json::json!([[0, 2, 4], [6, 8, 10]]));
    let keys: Vec<&String> = j.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 3, "only dtype, shape and data: {j}");

    let o = run(&["--format", "json", "-e", "array([1.5, nan, inf, -inf]) * 1"]);
    assert_status(&o, 0);
    let j = json(&o);
    assert_eq!(j["dtype"], "float64");
    assert_eq!(j["data"], serde_json::json!([1.5, "nan", "inf", "-inf"]));

    let o = run(&["--format", "json", "-e", "ones((2, 2), dtype=bool)"]);
    let j = json(&o);
    assert_eq!(j["dtype"], "bool");
    assert_eq!(j["data"], serde_json::json!([[true, true], [true, true]]));

    let o = run(&["--format", "json", "-e", "ones(3, dtype=float32).sum()"]);
    let j = json(&o);
    assert_eq!(j["shape"], serde_json::json!([]));
    assert_eq!(j["data"], serde_json::json!(3.0));
}

#[test]
fn json_output_of_python_values() {
    let o = run(&["--format", "json", "-e", "(1, 2.5, 'a', None, [True])"]);
    assert_status(&o, 0);
    assert_eq!(json(&o), serde_json::json!([1, 2.5, "a", null, [true]]));
    let o = run(&["--format", "json", "-e", "float('nan')"]);
    assert_eq!(json(&o), serde_json::json!("nan"));
}

#[test]
fn json_errors_have_kind_message_line_and_column() {
    let o = run(&["--format", "json", "-e", "x = ones(3)\ny = x + ones(4)"]);
    assert_status(&o, 1);
    let j = json(&o);
    let e = &j["error"];
    assert_eq!(e["kind"], "ShapeError");
    assert!(e["message"].as_str().unwrap().contains("(3,) and (4,)"), "{e}");
    assert_eq!(e["line"], 2);
    assert_eq!(e["column"], 5);

    let o = run_stdin(&["-", "--format", "json"], "import numpy as np\n\nnp.linspce(0, 1)\n");
    assert_status(&o, 1);
    let e = &json(&o)["error"];
    assert_eq!(e["kind"], "NameError");
    assert_eq!((e["line"].as_u64(), e["column"].as_u64()), (Some(3), Some(4)), "{e}");
    assert!(e["hint"].as_str().unwrap_or_default().contains("linspace"), "{e}");

    let o = run(&["--format", "json", "-e", "(1 +"]);
    assert_status(&o, 1);
    assert_eq!(json(&o)["error"]["kind"], "SyntaxError");
}

#[test]
fn errors_go_to_stderr_with_status_1() {
    let o = run(&["-e", "print('before')\nundefined_name"]);
    assert_status(&o, 1);
    assert_eq!(stdout(&o), "before\n");
    let err = stderr(&o);
    assert!(err.starts_with("NameError: name 'undefined_name' is not defined"), "{err}");
    assert!(err.contains("<-e>:2:1"), "location: {err}");
    assert!(!err.contains('\x1b'), "no colour when stderr is not a terminal: {err:?}");
}

#[test]
fn error_examples_render_as_their_snapshots() {
    // The CLI names a script by the path it was given, as the snapshots do.
    let root = env!("CARGO_MANIFEST_DIR");
    for name in ["unknown_keyword", "broadcast_mismatch", "syntax_error"] {
        let rel = format!("examples/errors/{name}.arr");
        let o = arr().current_dir(root).arg(&rel).output().unwrap();
        assert_status(&o, 1);
        let expected =
            std::fs::read_to_string(format!("{root}/examples/errors/{name}.err")).unwrap();
        assert_eq!(stderr(&o), expected, "{rel}");
    }
}

#[test]
fn bad_usage_exits_with_2() {
    assert_status(&run(&["--no-such-flag"]), 2);
    assert_status(&run(&["--format", "yaml", "-e", "1"]), 2);
    assert_status(&run(&["--threads", "many", "-e", "1"]), 2);
    let o = run(&["/nonexistent/dir/script.arr"]);
    assert_status(&o, 2);
    assert!(stderr(&o).contains("cannot read"), "{}", stderr(&o));
}

#[test]
fn help_and_version_succeed() {
    let o = run(&["--help"]);
    assert_status(&o, 0);
    assert!(stdout(&o).contains("--format"));
    assert_status(&run(&["--version"]), 0);
}

#[test]
fn thread_count_does_not_change_the_bits() {
    let code = "import dask.array as da\n\
                x = da.random.normal(10, 0.1, size=(2000, 3000), chunks=(300, 700))\n\
                (x.mean(axis=0)[::7], x.std(), (x * x).sum(axis=1)[:5])";
    let outs: Vec<serde_json::Value> = ["1", "2", "3"]
        .iter()
        .map(|t| {
            let o = run(&["--threads", t, "--format", "json", "-e", code]);
            assert_status(&o, 0);
            json(&o)
        })
        .collect();
    // JSON floats print the shortest round-trip form: equal text, equal bits.
    assert_eq!(outs[0], outs[1], "1 vs 2 threads");
    assert_eq!(outs[0], outs[2], "1 vs 3 threads");
    let text1 = stdout(&run(&["--threads", "1", "-e", code]));
    let text2 = stdout(&run(&["--threads", "2", "-e", code]));
    assert_eq!(text1, text2);
}

#[test]
fn seed_option_changes_random_values_reproducibly() {
    let code = "random.random(3)";
    let a = stdout(&run(&["--seed", "1", "--format", "json", "-e", code]));
    let b = stdout(&run(&["--seed", "1", "--format", "json", "-e", code]));
    let c = stdout(&run(&["--seed", "2", "--format", "json", "-e", code]));
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn version_and_completion_scripts() {
    let o = run(&["--version"]);
    assert_status(&o, 0);
    assert_eq!(stdout(&o).trim(), format!("arr {}", env!("CARGO_PKG_VERSION")));
    for (shell, marker) in
        [("bash", "complete -F"), ("zsh", "#compdef arr"), ("fish", "complete -c arr")]
    {
        let o = run(&["completions", shell]);
        assert_status(&o, 0);
        assert!(stdout(&o).contains(marker), "{shell}: {}", stdout(&o));
        assert!(stdout(&o).contains("memory"), "{shell} completes the options");
    }
    assert_status(&run(&["completions", "tcsh"]), 2);
}

/// A parsed `.npy` file: descr, shape and the data bytes.
fn read_npy(path: &std::path::Path) -> (String, String, Vec<u8>) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..8], b"\x93NUMPY\x01\x00", "magic and version 1.0");
    let len = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
    assert_eq!((10 + len) % 64, 0, "data starts 64-byte aligned");
    let dict = std::str::from_utf8(&bytes[10..10 + len]).unwrap();
    assert!(dict.ends_with('\n') && dict.contains("'fortran_order': False"), "{dict}");
    let field = |key: &str, end: char| {
        let start = dict.find(key).unwrap() + key.len();
        dict[start..start + dict[start..].find(end).unwrap() + 1].to_string()
    };
    (field("'descr': ", ','), field("'shape': ", ')'), bytes[10 + len..].to_vec())
}

#[test]
fn npy_output_writes_the_last_value() {
    let dir = std::env::temp_dir().join(format!("arr-cli-npy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("a.npy");
    let fs = f.to_str().unwrap();
    let code = "import numpy as np\nnp.arange(6, dtype=np.int32).reshape(2, 3).T";
    assert_status(&run(&["-e", code, "--format", "npy", "-o", fs]), 0);
    let (descr, shape, data) = read_npy(&f);
    assert_eq!((descr.as_str(), shape.as_str()), ("'<i4',", "(3, 2)"));
    let values: Vec<i32> =
        data.chunks(4).map(|b| i32::from_le_bytes(b.try_into().unwrap())).collect();
    assert_eq!(values, [0, 3, 1, 4, 2, 5]);

    assert_status(&run(&["-e", "2.5", "--format", "npy", "-o", fs]), 0);
    let (descr, shape, data) = read_npy(&f);
    assert_eq!(
        (descr.as_str(), shape.as_str(), data),
        ("'<f8',", "()", 2.5f64.to_le_bytes().to_vec())
    );

    // A failing program leaves the earlier file untouched and no temporary.
    let o = run(&["-e", "1 / undefined_name", "--format", "npy", "-o", fs]);
    assert_status(&o, 1);
    assert!(stderr(&o).contains("undefined_name"));
    assert_eq!(read_npy(&f).2, 2.5f64.to_le_bytes());
    let o = run(&["-e", "x = 1", "--format", "npy", "-o", fs]);
    assert_status(&o, 1);
    assert!(stderr(&o).contains("no value to write"), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file left");

    let o = run(&["-e", "1", "--format", "npy"]);
    assert_status(&o, 2);
    assert!(stderr(&o).contains("-o FILE"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn memory_option_sets_the_limit() {
    let code = "import numpy as np\n(np.ones(1000) + 1).sum()";
    let o =
        run(&["--memory", "4K", "-e", "import numpy as np\nnp.ones(1000) + 1", "--format", "json"]);
    assert_status(&o, 1);
    assert_eq!(json(&o)["error"]["kind"], "MemoryError");
    assert!(json(&o)["error"]["message"].as_str().unwrap().contains("4.00 KiB"), "{}", stdout(&o));
    assert_status(&run(&["--memory", "2G", "-e", code]), 0);
    let o = run(&["--memory", "lots", "-e", code]);
    assert_status(&o, 2);
    assert!(stderr(&o).contains("500M"));
}
