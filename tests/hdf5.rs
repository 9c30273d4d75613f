//! HDF5 without Python: arr reads the fixtures h5py wrote
//! (tests/interop/hdf5/, made by tests/interop/hdf5.py), round-trips every
//! dtype through to_hdf5/from_hdf5, keeps a file's other datasets, and
//! never leaves a half-written file or a temporary behind.

use arr::{Options, Session, Value};
use std::path::{Path, PathBuf};

fn session() -> Session {
    Session::with_options(Options { threads: Some(2), seed: 0, optimize: true })
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/interop/hdf5")
        .join(name)
        .display()
        .to_string()
}

/// The program's last value computed: (dtype name, shape, values as f64).
fn eval(s: &mut Session, code: &str) -> (String, Vec<usize>, Vec<f64>) {
    let v = s.eval("<hdf5>", code).unwrap_or_else(|d| panic!("{code}\n{}", s.render(&d, false)));
    let Some(v @ Value::Array(_)) = v else { panic!("{code}: not an array: {v:?}") };
    let data = s.to_array_data(&v).unwrap_or_else(|d| panic!("{code}\n{}", s.render(&[d], false)));
    (data.dtype().name().to_string(), data.shape().to_vec(), data.to_f64_vec())
}

fn error(s: &mut Session, code: &str) -> String {
    match s.eval("<hdf5>", code) {
        Ok(v) => panic!("{code}: expected an error, got {v:?}"),
        Err(d) => s.render(&d, false),
    }
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("arr-hdf5-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

const DTYPES: &[&str] = &[
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32",
    "float64",
];

#[test]
fn reads_every_dtype_h5py_wrote() {
    let mut s = session();
    let f = fixture("dtypes.h5");
    for &d in DTYPES {
        let (dtype, shape, v) = eval(&mut s, &format!("from_hdf5({f:?}, '/{d}')"));
        assert_eq!((dtype.as_str(), shape.as_slice()), (d, &[3, 4][..]));
        let want: Vec<f64> = (0..12)
            .map(|k| match d {
                "bool" => (k % 3 == 0) as i32 as f64,
                "float32" | "float64" => k as f64 * 0.25 - 3.0,
                _ if d.starts_with('u') => (k * 7 % 97) as f64,
                _ => (k * 7 % 97 - 64) as f64,
            })
            .collect();
        assert_eq!(v, want, "{d}");
    }
}

#[test]
fn reads_layouts_groups_and_attributes_h5py_wrote() {
    let mut s = session();
    let f = fixture("layout.h5");
    let want: Vec<f64> = (0..1200).map(|k| k as f64 / 7.0).collect();
    for name in ["contiguous", "chunked"] {
        let (dtype, shape, v) = eval(&mut s, &format!("from_hdf5({f:?}, '{name}')"));
        assert_eq!((dtype.as_str(), shape, &v), ("float64", vec![30, 40], &want), "{name}");
    }
    let (dtype, _, v) = eval(&mut s, &format!("from_hdf5({f:?}, '/gzip', chunks=(7, 9))"));
    assert_eq!(dtype, "float32");
    assert_eq!(v, want.iter().map(|&x| x as f32 as f64).collect::<Vec<_>>());
    // Storage chunks are the default grid (grown to whole multiples).
    let code = format!("x = from_hdf5({f:?}, 'chunked'); x.chunks");
    let chunks = s.eval("<hdf5>", &code).unwrap().unwrap();
    assert_eq!(arr::interp::repr(&chunks), "((30,), (40,))");
    // A slice reads the right elements.
    let (_, shape, v) =
        eval(&mut s, &format!("from_hdf5({f:?}, 'chunked', chunks=8)[3:29:5, ::-13]"));
    assert_eq!(shape, vec![6, 4]);
    assert_eq!(v[0], (3 * 40 + 39) as f64 / 7.0);
    assert_eq!(v[23], (28 * 40) as f64 / 7.0);
    let code = format!(
        "f = h5open({f:?}); d = f['group']['sub/t2m']; \
         (str(d), d.shape, d.chunks, d.attrs['units'], d.attrs['scale'], d.attrs['count'], \
          int(d.attrs['levels'].sum()), f.attrs['title'], list(f), 'group' in f, len(d), str(d.dtype))"
    );
    let v = s.eval("<hdf5>", &code).unwrap().unwrap();
    assert_eq!(
        arr::interp::repr(&v),
        "('<HDF5 dataset \"t2m\": shape (2, 3, 4), type \"<i4\">', (2, 3, 4), None, 'K', 0.5, 7, \
         6, 'fixture', ['chunked', 'contiguous', 'group', 'gzip', 'names', 'scalar'], True, 2, 'int32')"
    );
    let (_, shape, v) = eval(&mut s, &format!("from_hdf5({f:?}, 'scalar')"));
    assert_eq!((shape, v), (vec![], vec![2.5]));
    let (_, _, v) = eval(&mut s, &format!("from_array(h5open({f:?})['/group/sub/t2m'])[1, 2]"));
    assert_eq!(v, vec![20.0, 21.0, 22.0, 23.0]);
}

#[test]
fn clear_errors_name_the_path() {
    let mut s = session();
    let f = fixture("layout.h5");
    let e = error(&mut s, &format!("from_hdf5({f:?}, 'names')"));
    assert!(e.contains("layout.h5:/names") && e.contains("string"), "{e}");
    let e = error(&mut s, &format!("from_hdf5({f:?}, '/nope')"));
    assert!(e.contains("no dataset \"/nope\"") && e.contains("/group/sub/t2m"), "{e}");
    let e = error(&mut s, "from_hdf5('/no/such/file.h5', 'x')");
    assert!(e.contains("/no/such/file.h5: no such file"), "{e}");
    let e = error(&mut s, &format!("h5open({:?})", file!()));
    assert!(e.contains("is not an HDF5 file"), "{e}");
    let e = error(&mut s, &format!("h5open({f:?})['missing']"));
    assert!(e.contains("no member \"missing\"") && e.contains("chunked, contiguous"), "{e}");
    let mut sandboxed = Session::builder().sandbox(true).build();
    let e = error(&mut sandboxed, &format!("from_hdf5({f:?}, 'chunked')"));
    assert!(e.contains("sandbox"), "{e}");
}

#[test]
fn every_dtype_round_trips_with_any_storage() {
    let dir = scratch("roundtrip");
    let p = dir.join("r.h5").display().to_string();
    let mut s = session();
    for (i, &d) in DTYPES.iter().enumerate() {
        let storage = ["chunks=True", "chunks=False", "chunks=(3, 2)", "compression='gzip'"][i % 4];
        let x = format!("(arange(35) * 37 % 11 - 3).reshape(5, 7).rechunk((2, 3)).astype({d})");
        let code = format!("to_hdf5({p:?}, '/{d}', {x}, {storage}); from_hdf5({p:?}, '{d}')");
        let got = eval(&mut s, &code);
        let want = eval(&mut s, &x);
        assert_eq!(got, want, "{d} with {storage}");
    }
    // Several in one pass, a method call, a 0-d and an empty array.
    let code = format!(
        "to_hdf5({p:?}, {{'/m/a': ones(3), '/m/b': array(2.5), '/m/e': zeros((0, 4))}}); \
         arange(4).to_hdf5({p:?}, 'meth'); \
         from_hdf5({p:?}, 'm/a').sum() + from_hdf5({p:?}, 'm/b') + from_hdf5({p:?}, 'm/e').size + from_hdf5({p:?}, 'meth').sum()"
    );
    assert_eq!(eval(&mut s, &code).2, vec![3.0 + 2.5 + 0.0 + 6.0]);
    // Every earlier dataset is still there.
    let v = s.eval("<hdf5>", &format!("len(h5open({p:?}))")).unwrap().unwrap();
    assert_eq!(arr::interp::repr(&v), (DTYPES.len() + 2).to_string());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn replacing_a_dataset_needs_overwrite_and_keeps_the_others() {
    let dir = scratch("overwrite");
    let p = dir.join("o.h5").display().to_string();
    let mut s = session();
    s.eval("<hdf5>", &format!("to_hdf5({p:?}, {{'a': ones(3), 'b': arange(4)}})")).unwrap();
    let e = error(&mut s, &format!("to_hdf5({p:?}, 'a', zeros(2))"));
    assert!(e.contains("already has a dataset /a") && e.contains("overwrite=True"), "{e}");
    let code = format!("to_hdf5({p:?}, 'a', zeros(2) + 7, overwrite=True); from_hdf5({p:?}, 'a')");
    assert_eq!(eval(&mut s, &code).2, vec![7.0, 7.0]);
    assert_eq!(eval(&mut s, &format!("from_hdf5({p:?}, 'b')")).2, vec![0.0, 1.0, 2.0, 3.0]);
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names, vec!["o.h5"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn replacing_all_or_part_of_a_file_keeps_what_is_not_replaced() {
    let dir = scratch("replace_all");
    let p = dir.join("r.h5").display().to_string();
    let mut s = session();
    s.eval("<hdf5>", &format!("to_hdf5({p:?}, 'a', arange(100000.0))")).unwrap();
    let code = format!("to_hdf5({p:?}, 'a', zeros(2) + 7, overwrite=True); from_hdf5({p:?}, 'a')");
    assert_eq!(eval(&mut s, &code).2, vec![7.0, 7.0]);
    // A group is content the write does not replace: the sibling survives.
    s.eval("<hdf5>", &format!("to_hdf5({p:?}, {{'/g/x': arange(3), '/g/y': ones(2)}})")).unwrap();
    let code =
        format!("to_hdf5({p:?}, '/g/x', arange(3) * 2, overwrite=True); from_hdf5({p:?}, '/g/x')");
    assert_eq!(eval(&mut s, &code).2, vec![0.0, 2.0, 4.0]);
    assert_eq!(eval(&mut s, &format!("from_hdf5({p:?}, '/g/y')")).2, vec![1.0, 1.0]);
    assert_eq!(eval(&mut s, &format!("from_hdf5({p:?}, 'a')")).2, vec![7.0, 7.0]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_stale_temporary_is_replaced_by_the_next_write() {
    let dir = scratch("stale");
    let target = dir.join("t.h5");
    let tp = target.display().to_string();
    let mut s = session();
    // What a crash (SIGKILL) mid-write leaves behind.
    let tmp = dir.join(".t.h5.arr-tmp");
    std::fs::write(&tmp, b"stale").unwrap();
    let code = format!("to_hdf5({tp:?}, 'x', arange(5.0)); from_hdf5({tp:?}, 'x')");
    assert_eq!(eval(&mut s, &code).2, vec![0.0, 1.0, 2.0, 3.0, 4.0]);
    assert!(!tmp.exists(), "the stale temporary was used and renamed into place");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// SIGKILL during a long overwrite: the old file is intact (the temporary
/// may remain, and the next write replaces it); SIGINT: the write is
/// cancelled, the old file is intact and no temporary remains.
#[test]
fn killing_or_interrupting_a_write_keeps_the_old_file() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let dir = scratch("kill");
    let target = dir.join("k.h5");
    let tmp = dir.join(".k.h5.arr-tmp");
    let tp = target.display().to_string();
    let mut s = session();
    s.eval("<hdf5>", &format!("to_hdf5({tp:?}, 'keep', arange(10))")).unwrap();
    let before = std::fs::read(&target).unwrap();
    let script = dir.join("w.arr");
    std::fs::write(
        &script,
        format!(
            "to_hdf5({tp:?}, 'big', random.normal(size=(40_000_000, 10), chunks=(100_000, 10)))"
        ),
    )
    .unwrap();
    for signal in ["KILL", "INT"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_arr"))
            .arg(&script)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the temporary holds some data: the write is underway.
        let start = Instant::now();
        while std::fs::metadata(&tmp).map(|m| m.len()).unwrap_or(0) < 8 << 20 {
            assert!(start.elapsed() < Duration::from_secs(120), "the write never started");
            assert!(child.try_wait().unwrap().is_none(), "the write finished too soon");
            std::thread::sleep(Duration::from_millis(20));
        }
        Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success(), "{signal}: the write was stopped");
        assert_eq!(std::fs::read(&target).unwrap(), before, "{signal}: the old file is intact");
        if signal == "KILL" {
            // A killed process cannot clean up; the next write replaces the
            // temporary (a_stale_temporary_is_replaced_by_the_next_write).
            // Removed here so the next run's progress is measured afresh.
            std::fs::remove_file(&tmp).unwrap();
        } else {
            assert!(!tmp.exists(), "after SIGINT no temporary remains");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
