//! `.npy` and text files against NumPy's own: the fixtures under
//! `tests/interop/fixtures` were written by NumPy (`tests/interop/npy_csv.py
//! generate`), with `expected.json` saying what each holds. arr must load
//! them with the same values, write the same bytes back, refuse the
//! unreadable ones naming the file, and reproduce `np.savetxt`'s text.

use arr::array::ArrayData;
use arr::{ErrorKind, Session};
use serde_json::Value as Json;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/fixtures")
}

fn expected() -> Json {
    let text = std::fs::read_to_string(fixtures().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("arr-npy-files-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn quoted(p: &Path) -> String {
    format!("{:?}", p.to_str().unwrap())
}

#[track_caller]
fn eval(s: &mut Session, code: &str) -> ArrayData {
    match s.eval("<test>", code) {
        Ok(Some(v)) => s.to_array_data(&v).unwrap(),
        Ok(None) => panic!("{code}: no value"),
        Err(d) => panic!("{code}: {}", s.render(&d, false)),
    }
}

#[track_caller]
fn eval_err(s: &mut Session, code: &str) -> arr::Diagnostic {
    match s.eval("<test>", code) {
        Ok(_) => panic!("{code}: expected an error"),
        Err(mut d) => d.remove(0),
    }
}

/// The elements as JSON numbers/bools, exactly (no detour through f64 for
/// ints); floats as the bits of their float64 value.
fn json_values(d: &ArrayData) -> Vec<Json> {
    match d {
        ArrayData::Bool(a) => a.iter().map(|&v| Json::from(v)).collect(),
        ArrayData::I8(a) => a.iter().map(|&v| Json::from(v)).collect(),
        ArrayData::I16(a) => a.iter().map(|&v| Json::from(v)).collect(),
        ArrayData::I32(a) => a.iter().map(|&v| Json::from(v)).collect(),
        ArrayData::I64(a) => a.iter().map(|&v| Json::from(v)).collect(),
        ArrayData::U8(a) => a.iter().map(|&v| Json::from(v)).collect(),
        ArrayData::U16(a) => a.iter().map(|&v| Json::from(v)).collect(),
        ArrayData::U32(a) => a.iter().map(|&v| Json::from(v)).collect(),
        ArrayData::U64(a) => a.iter().map(|&v| Json::from(v)).collect(),
        ArrayData::F32(a) => a.iter().map(|&v| Json::from((v as f64).to_bits())).collect(),
        ArrayData::F64(a) => a.iter().map(|&v| Json::from(v.to_bits())).collect(),
    }
}

fn float(v: f64) -> Json {
    Json::from(v.to_bits())
}

#[track_caller]
fn assert_matches(what: &str, got: &ArrayData, want: &Json) {
    assert_eq!(got.dtype().name(), want["dtype"].as_str().unwrap(), "{what}: dtype");
    let shape: Vec<usize> =
        want["shape"].as_array().unwrap().iter().map(|d| d.as_u64().unwrap() as usize).collect();
    assert_eq!(got.shape(), shape.as_slice(), "{what}: shape");
    let want_data = if got.dtype().is_float() { &want["bits"] } else { &want["data"] };
    assert_eq!(&Json::from(json_values(got)), want_data, "{what}: values");
}

#[test]
fn every_numpy_file_loads_with_its_values_dtype_and_shape() {
    let exp = expected();
    let mut s = Session::new();
    let files = exp["npy"].as_object().unwrap();
    assert!(files.len() >= 25, "only {} fixtures", files.len());
    for (name, want) in files {
        let p = quoted(&fixtures().join(name));
        assert_matches(name, &eval(&mut s, &format!("load({p})")), want);
        // Tiny chunks: many runs per read, and a Fortran file's transposed view.
        assert_matches(name, &eval(&mut s, &format!("load({p}, chunks=1)")), want);
    }
}

#[test]
fn slices_of_a_file_array_equal_slices_of_its_values() {
    let mut s = Session::new();
    for (name, sel) in [
        ("float64_fortran_3d.npy", "[1, ::-1, 1::2]"),
        ("float64_fortran_3d.npy", "[:, 2, :3]"),
        ("float32_big_endian.npy", "[::2, ::-3]"),
        ("int16_fortran.npy", "[1:3].T"),
        ("int64.npy", "[:, ::2, 1::2]"),
        ("uint8.npy", "[1, :, ::5]"),
    ] {
        let p = quoted(&fixtures().join(name));
        let code = format!(
            "x = load({p}, chunks=2)\ny = array(x.compute())\n\
             bool(((x{sel}) == (y{sel})).all()) and (x{sel}).shape == (y{sel}).shape"
        );
        let ok = eval(&mut s, &code);
        assert_eq!(json_values(&ok), vec![Json::from(true)], "{name}{sel}");
    }
}

#[test]
fn saving_what_numpy_saved_gives_the_same_bytes() {
    let exp = expected();
    let dir = scratch("roundtrip");
    let mut s = Session::new();
    for name in exp["canonical"].as_array().unwrap() {
        let name = name.as_str().unwrap();
        let (src, out) = (fixtures().join(name), dir.join(name));
        // Through arr's own computation, in small chunks, streamed back out.
        eval(&mut s, &format!("save({}, load({}, chunks=2))\n0", quoted(&out), quoted(&src)));
        let (a, b) = (std::fs::read(&src).unwrap(), std::fs::read(&out).unwrap());
        assert!(a == b, "{name}: arr wrote {} bytes that differ from NumPy's {}", b.len(), a.len());
    }
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".arr-tmp")), "temporaries left: {names:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn chunks_that_cut_trailing_axes_are_written_run_by_run() {
    let dir = scratch("runs");
    let p = quoted(&dir.join("r.npy"));
    let mut s = Session::new();
    let code = format!(
        "x = random.normal(size=(7, 9, 11), chunks=(2, 4, 3))\nsave({p}, x)\n\
         bool((load({p}) == x).all()) and bool((load({p}, chunks=(3, 2, 5)) == x).all())"
    );
    assert_eq!(json_values(&eval(&mut s, &code)), vec![Json::from(true)]);
    // np.save's rule: a name without .npy gets it.
    let bare = quoted(&dir.join("bare"));
    eval(&mut s, &format!("save({bare}, arange(3))\n0"));
    assert!(dir.join("bare.npy").exists());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn unreadable_files_are_refused_naming_the_file_and_the_reason() {
    let exp = expected();
    let mut s = Session::new();
    for (name, says) in exp["refused"].as_object().unwrap() {
        let path = fixtures().join(name);
        let e = eval_err(&mut s, &format!("load({})", quoted(&path)));
        assert_eq!(e.kind, ErrorKind::Io, "{name}: {}", e.message);
        assert!(e.message.contains(name.as_str()), "{name}: {}", e.message);
        assert!(e.message.contains(says.as_str().unwrap()), "{name}: {}", e.message);
    }
    let e = eval_err(&mut s, "load('/no/such/dir/x.npy')");
    assert!(e.message.contains("/no/such/dir/x.npy") && e.message.contains("No such file"));
}

#[test]
fn a_file_that_changes_size_after_load_is_an_error_not_garbage() {
    let dir = scratch("changed");
    let path = dir.join("x.npy");
    std::fs::copy(fixtures().join("float64_fractions.npy"), &path).unwrap();
    let mut s = Session::new();
    s.eval("<test>", &format!("x = load({})", quoted(&path))).unwrap();
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(150).unwrap();
    let e = eval_err(&mut s, "float(x.sum())");
    assert_eq!(e.kind, ErrorKind::Io);
    assert!(e.message.contains("x.npy") && e.message.contains("changed size"), "{}", e.message);
    std::fs::remove_dir_all(dir).unwrap();
}

const X: &str = "array([[1.5, -2.0, 3.25], [1e-5, 12345.678, -0.0]])";

#[test]
fn savetxt_writes_numpys_text() {
    let dir = scratch("savetxt");
    let mut s = Session::new();
    for (name, call) in [
        ("savetxt_default.txt", X.to_string()),
        (
            "savetxt_csv.txt",
            format!("{X}, fmt='%.3f', delimiter=',', header='a,b,c\\nsecond line', footer='end'"),
        ),
        ("savetxt_int_1d.txt", "arange(-3, 4), fmt='%d'".to_string()),
        (
            "savetxt_columns.txt",
            format!("{X}, fmt=['%d', '%10.2e', '%g'], delimiter=';', comments='// ', header='h'"),
        ),
    ] {
        let out = dir.join(name);
        eval(&mut s, &format!("savetxt({}, {call})\n0", quoted(&out)));
        let want = std::fs::read_to_string(fixtures().join(name)).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), want, "{name}");
    }
    let e = eval_err(&mut s, &format!("savetxt({}, ones((2, 2, 2)))", quoted(&dir.join("3d"))));
    assert!(e.message.contains("Expected 1D or 2D array, got 3D"), "{}", e.message);
    let e = eval_err(
        &mut s,
        &format!("savetxt({}, ones((2, 3)), fmt='%d %d')", quoted(&dir.join("f"))),
    );
    assert!(e.message.contains("wrong number of % formats"), "{}", e.message);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn loadtxt_and_genfromtxt_read_what_numpy_reads() {
    let exp = expected();
    let text = &exp["text"];
    let mut s = Session::new();
    let table = quoted(&fixtures().join("table.csv"));
    let gaps = quoted(&fixtures().join("gaps.csv"));
    for (code, want) in [
        (format!("loadtxt({table}, delimiter=',')"), &text["table.csv"]["loadtxt"]),
        (
            format!("loadtxt({table}, delimiter=',', usecols=(0, 2), skiprows=2)"),
            &text["table.csv"]["loadtxt_usecols"],
        ),
        (
            format!("genfromtxt({gaps}, delimiter=',', skip_header=1, skip_footer=1)"),
            &text["gaps.csv"]["genfromtxt"],
        ),
        (
            format!(
                "genfromtxt({gaps}, delimiter=',', skip_header=1, skip_footer=1, \
                 filling_values=0, dtype=int64)"
            ),
            &text["gaps.csv"]["genfromtxt_filled"],
        ),
    ] {
        assert_matches(&code, &eval(&mut s, &code), want);
    }
    // A bad field names the file, the line and the text.
    let e = eval_err(&mut s, &format!("loadtxt({gaps}, delimiter=',', skiprows=1)"));
    assert_eq!(e.kind, ErrorKind::Value);
    assert!(
        e.message.contains("gaps.csv")
            && e.message.contains("line 2")
            && e.message.contains("\"\""),
        "{}",
        e.message
    );
    // unpack gives the columns; ndmin=2 keeps a single column 2-d.
    let cols = eval(&mut s, &format!("a, b, c = loadtxt({table}, delimiter=',', unpack=True)\nc"));
    assert_eq!(json_values(&cols)[..2], [float(3.0), float(6.0)]);
    let one = eval(&mut s, &format!("loadtxt({table}, delimiter=',', usecols=1, ndmin=2).shape"));
    assert_eq!(json_values(&one), vec![Json::from(3), Json::from(1)]);
}

#[test]
fn a_text_file_larger_than_the_memory_limit_is_refused() {
    let dir = scratch("bigtext");
    let path = dir.join("big.txt");
    std::fs::write(&path, "1 2 3 4\n".repeat(1000)).unwrap();
    let mut s = Session::builder().memory_limit(4096).build();
    let e = eval_err(&mut s, &format!("loadtxt({})", quoted(&path)));
    assert_eq!(e.kind, ErrorKind::Memory, "{}", e.message);
    assert!(e.message.contains("big.txt") && e.message.contains("max_rows"), "{}", e.message);
    let part = eval(&mut s, &format!("loadtxt({}, max_rows=3).shape", quoted(&path)));
    assert_eq!(json_values(&part), vec![Json::from(3), Json::from(4)]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn glob_lists_matching_paths_sorted_without_hidden_files() {
    let dir = scratch("glob");
    for f in ["b.npy", "a.npy", ".hidden.npy", "c.txt", "d1.npy", "d2.npy"] {
        std::fs::write(dir.join(f), b"").unwrap();
    }
    let d = dir.to_str().unwrap();
    let mut s = Session::new();
    let v = s.eval("<test>", &format!("glob('{d}/*.npy')")).unwrap().unwrap();
    let want: Vec<String> =
        ["a.npy", "b.npy", "d1.npy", "d2.npy"].iter().map(|f| format!("{d}/{f}")).collect();
    assert_eq!(arr::interp::repr(&v), format!("{want:?}").replace('"', "'"));
    let v = s.eval("<test>", &format!("glob('{d}/d[2-9].npy') + glob('{d}/?.txt')")).unwrap();
    assert_eq!(arr::interp::repr(&v.unwrap()), format!("['{d}/d2.npy', '{d}/c.txt']"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_sandboxed_session_touches_no_file() {
    let mut s = Session::builder().sandbox(true).build();
    for code in [
        "load('x.npy')",
        "save('x.npy', ones(3))",
        "glob('*')",
        "loadtxt('x.txt')",
        "genfromtxt('x.txt')",
        "savetxt('x.txt', ones(3))",
    ] {
        let e = eval_err(&mut s, code);
        assert_eq!(e.kind, ErrorKind::Io, "{code}");
        assert!(e.message.contains("sandboxed"), "{code}: {}", e.message);
    }
    assert!(!Path::new("x.npy").exists() && !Path::new("x.txt").exists());
}
