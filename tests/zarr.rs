//! Zarr stores: arr reads the stores zarr-python wrote (committed under
//! tests/fixtures/zarr by tests/interop/zarr_interop.py, with their values in
//! expected.json), round-trips every dtype through `to_zarr`/`from_zarr`,
//! reads strided and reversed slices, reports every broken input as an
//! error naming the path, and never leaves a half-written store: a failed
//! or cancelled write keeps the old store and removes its temporary, and a
//! stale temporary of either kind is dealt with by the next write.

use arr::{Session, Value};
use std::path::{Path, PathBuf};

const DTYPES: &[&str] = &[
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32",
    "float64",
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/zarr")
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("arr-zarr-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[track_caller]
fn eval(s: &mut Session, code: &str) -> Option<Value> {
    s.eval("<zarr>", code).unwrap_or_else(|d| panic!("{code}\n{}", s.render(&d, false)))
}

/// The rendered error of a program that must fail.
#[track_caller]
fn error(s: &mut Session, code: &str) -> String {
    match s.eval("<zarr>", code) {
        Ok(v) => panic!("{code}: expected an error, got {v:?}"),
        Err(d) => s.render(&d, false),
    }
}

/// The value of `code` as dtype name, shape and elements as JSON numbers.
#[track_caller]
fn values(s: &mut Session, code: &str) -> (String, Vec<usize>, Vec<serde_json::Value>) {
    let v = eval(s, code).expect("a value");
    let data = s.to_array_data(&v).unwrap_or_else(|d| panic!("{code}\n{}", s.render(&[d], false)));
    let elems: Vec<serde_json::Value> = arr::with_data!(&data, a, T => a
        .iter()
        .map(|&x| {
            use arr::array::Elem;
            match T::DTYPE {
                arr::array::DType::Bool => serde_json::json!(x.to_i64() != 0),
                d if d.is_float() => serde_json::json!(x.to_f64()),
                arr::array::DType::UInt64 => serde_json::json!(x.to_u64()),
                _ => serde_json::json!(x.to_i64()),
            }
        })
        .collect());
    (data.dtype().name().to_string(), data.shape().to_vec(), elems)
}

#[test]
fn arr_reads_the_stores_zarr_python_wrote() {
    let text = std::fs::read_to_string(fixtures().join("expected.json")).unwrap();
    let expected: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert!(expected.len() >= DTYPES.len() + 5, "fixtures of every dtype and codec");
    let mut s = Session::new();
    for (name, want) in &expected {
        let (store, component) = match name.split_once(':') {
            Some((st, c)) => (st, format!(", component={c:?}")),
            None => (name.as_str(), String::new()),
        };
        let path = fixtures().join(store);
        let code = format!("from_zarr({:?}{component})", path.display().to_string());
        let (dtype, shape, data) = values(&mut s, &code);
        assert_eq!(dtype, want["dtype"].as_str().unwrap(), "{name}");
        let want_shape: Vec<usize> = want["shape"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(shape, want_shape, "{name}");
        let want_data = want["data"].as_array().unwrap();
        assert_eq!(data.len(), want_data.len(), "{name}");
        for (i, (g, w)) in data.iter().zip(want_data).enumerate() {
            // Same number, same JSON text (floats print their shortest repr).
            let same = format!("{g}") == format!("{w}");
            assert!(same, "{name} element {i}: arr {g} vs zarr-python {w}");
        }
        // Strided and reversed slices read the same elements as NumPy would pick.
        if shape.len() == 2 && shape[0] >= 3 && shape[1] >= 3 {
            let sliced = format!("{}[::-2, 1::2]", &code);
            let (_, sshape, sdata) = values(&mut s, &sliced);
            let (rows, cols) = (shape[0], shape[1]);
            let pick: Vec<&serde_json::Value> = (0..rows)
                .rev()
                .step_by(2)
                .flat_map(|r| (1..cols).step_by(2).map(move |c| r * cols + c))
                .map(|i| &want_data[i])
                .collect();
            assert_eq!(sshape, vec![rows.div_ceil(2), cols / 2], "{name}");
            assert_eq!(
                sdata.iter().map(|v| v.to_string()).collect::<Vec<_>>(),
                pick.iter().map(|v| v.to_string()).collect::<Vec<_>>(),
                "{name}[::-2, 1::2]"
            );
        }
    }
}

#[test]
fn every_dtype_round_trips_with_each_compressor() {
    let dir = scratch("roundtrip");
    let mut s = Session::new();
    for dt in DTYPES {
        for comp in ["'zstd'", "'gzip'", "None"] {
            let p = dir.join(format!("{dt}-{}.zarr", comp.trim_matches('\'')));
            let p = p.display().to_string();
            // Ragged edge chunks on both axes; values with negatives and fractions.
            let x = format!("((arange(35).reshape(5, 7) * 3 - 40) * 0.75).astype({dt})");
            eval(&mut s, &format!("x = {x}\nto_zarr(x, {p:?}, chunks=(2, 3), compressor={comp})"));
            let (dtype, shape, got) = values(&mut s, &format!("from_zarr({p:?})"));
            let (_, _, want) = values(&mut s, "x");
            assert_eq!((dtype.as_str(), shape), (*dt, vec![5, 7]), "{p}");
            assert_eq!(got, want, "{p}");
            // The store's chunks are the array's: the default read chunks are
            // whole multiples of them.
            let chunks = values(&mut s, &format!("array(from_zarr({p:?}).chunks[0])")).2;
            assert!(
                chunks.iter().rev().skip(1).all(|c| c.as_u64().unwrap() % 2 == 0),
                "{chunks:?}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn slices_of_a_store_read_the_right_elements() {
    let dir = scratch("slices");
    let p = dir.join("x.zarr").display().to_string();
    let mut s = Session::new();
    eval(
        &mut s,
        &format!("x = arange(60 * 50).reshape(60, 50) * 1.5\nx.to_zarr({p:?}, chunks=(7, 9))"),
    );
    for (sel, chunks) in [
        ("[3:41, 5:33]", "(10, 10)"),
        ("[::7, ::3]", "(4, 5)"),
        ("[59:2:-4, 1::11]", "None"),
        ("[17, ::-1]", "(6, 6)"),
        ("[::-1, 3].T", "(60, 50)"),
        ("[1:50:13, 2:48:9].T[::-1]", "(2, 3)"),
    ] {
        let got = values(&mut s, &format!("from_zarr({p:?}, chunks={chunks}){sel}"));
        let want = values(&mut s, &format!("x{sel}"));
        assert_eq!(got, want, "{sel} with chunks {chunks}");
    }
    // A reduction over the whole store.
    let got = values(&mut s, &format!("from_zarr({p:?}).sum(axis=0)"));
    assert_eq!(got, values(&mut s, "x.sum(axis=0)"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn reductions_read_in_pieces_that_cut_storage_chunks() {
    // Large enough that each arr chunk is reduced in pieces, whose row
    // ranges cut the (7, 9) storage chunks: they are assembled from
    // decoded chunks kept per thread.
    let dir = scratch("pieces");
    let p = dir.join("x.zarr").display().to_string();
    let mut s = Session::new();
    eval(
        &mut s,
        &format!("x = arange(900 * 130).reshape(900, 130)\nx.to_zarr({p:?}, chunks=(7, 9))"),
    );
    for code in ["sum(axis=1)", "sum(axis=0)", "max(axis=1)", "T.sum(axis=0)"] {
        let got = values(&mut s, &format!("from_zarr({p:?}, chunks=(450, 130)).{code}"));
        assert_eq!(got, values(&mut s, &format!("x.{code}")), "{code}");
    }
    // A store written again at the same path is read anew, never from
    // chunks decoded for the previous one.
    eval(&mut s, &format!("y = from_zarr({p:?}, chunks=(450, 130))\nfloat(y.sum())"));
    eval(&mut s, &format!("(2 * x).to_zarr({p:?}, chunks=(7, 9), overwrite=True)"));
    let got = values(&mut s, &format!("from_zarr({p:?}, chunks=(450, 130)).sum(axis=1)"));
    assert_eq!(got, values(&mut s, "(2 * x).sum(axis=1)"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn irregular_chunks_become_a_regular_grid_and_groups_are_created() {
    let dir = scratch("grid");
    let root = dir.join("g.zarr").display().to_string();
    let mut s = Session::new();
    eval(
        &mut s,
        &format!(
            "x = arange(100, chunks=((30, 30, 40),)) * 2\n\
             to_zarr(x, {root:?}, component='a/b')\n\
             to_zarr(x[:10], {root:?}, component='c')"
        ),
    );
    // Zarr needs a regular grid: the largest chunk, 40.
    let meta = std::fs::read_to_string(dir.join("g.zarr/a/b/zarr.json")).unwrap();
    let meta: serde_json::Value = serde_json::from_str(&meta).unwrap();
    assert_eq!(meta["chunk_grid"]["configuration"]["chunk_shape"], serde_json::json!([40]));
    assert_eq!(meta["fill_value"], serde_json::json!(0));
    for group in ["g.zarr", "g.zarr/a"] {
        let g = std::fs::read_to_string(dir.join(group).join("zarr.json")).unwrap();
        assert!(g.contains("\"group\""), "{group} is a group: {g}");
    }
    let got = values(&mut s, &format!("from_zarr({root:?}, component='a/b')"));
    assert_eq!(got, values(&mut s, "x"));
    // The root is a group: the error lists its members.
    let e = error(&mut s, &format!("from_zarr({root:?})"));
    assert!(e.contains("is a Zarr group") && e.contains("a, c"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_inputs_are_errors_naming_the_path() {
    let dir = scratch("errors");
    let mut s = Session::new();
    let missing = dir.join("nope.zarr").display().to_string();
    let e = error(&mut s, &format!("from_zarr({missing:?})"));
    assert!(e.contains(&missing) && e.contains("no such directory"), "{e}");

    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let e = error(&mut s, &format!("from_zarr({:?})", empty.display().to_string()));
    assert!(e.contains("not a Zarr array") && e.contains("empty"), "{e}");

    let corrupt = dir.join("corrupt.zarr");
    std::fs::create_dir_all(&corrupt).unwrap();
    std::fs::write(corrupt.join("zarr.json"), "{\"zarr_format\": 3, \"node_type\": \"array\", ")
        .unwrap();
    let e = error(&mut s, &format!("from_zarr({:?})", corrupt.display().to_string()));
    assert!(e.contains("corrupt.zarr") && e.contains("metadata"), "{e}");

    let f16 = fixtures().join("float16.zarr").display().to_string();
    let e = error(&mut s, &format!("from_zarr({f16:?})"));
    assert!(e.contains("float16") && e.contains("float16.zarr"), "{e}");

    let e = error(
        &mut s,
        &format!("from_zarr({:?}, component='../x')", fixtures().display().to_string()),
    );
    assert!(e.contains("component"), "{e}");

    // A damaged chunk file fails the read that needs it, naming the store.
    let p = dir.join("damaged.zarr");
    let ps = p.display().to_string();
    eval(&mut s, &format!("to_zarr(arange(20.0), {ps:?}, chunks=5)"));
    std::fs::write(p.join("c/2"), b"not zstd").unwrap();
    assert_eq!(
        values(&mut s, &format!("from_zarr({ps:?})[:10].sum()")).2,
        vec![serde_json::json!(45.0)]
    );
    let e = error(&mut s, &format!("float(from_zarr({ps:?}).sum())"));
    assert!(e.contains("damaged.zarr"), "{e}");

    // Writing over an existing store needs overwrite=True, and a directory
    // that is not a Zarr store is never replaced.
    let e = error(&mut s, &format!("to_zarr(arange(3), {ps:?})"));
    assert!(e.contains("already exists") && e.contains("overwrite=True"), "{e}");
    let e = error(
        &mut s,
        &format!("to_zarr(arange(3), {:?}, overwrite=True)", empty.display().to_string()),
    );
    assert!(e.contains("not a Zarr store"), "{e}");
    assert!(empty.is_dir());
    let e = error(&mut s, &format!("to_zarr(arange(3), {ps:?}, compressor='lz4')"));
    assert!(e.contains("compressor"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_sandboxed_session_cannot_read_or_write_stores() {
    let mut s = Session::builder().sandbox(true).build();
    let p = fixtures().join("int8.zarr").display().to_string();
    let e = error(&mut s, &format!("from_zarr({p:?})"));
    assert!(e.contains("sandboxed"), "{e}");
    let e = error(&mut s, "to_zarr(arange(3), 'x.zarr')");
    assert!(e.contains("sandboxed"), "{e}");
    assert!(!Path::new("x.zarr").exists());
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn a_failed_write_keeps_the_old_store_and_leaves_no_temporary() {
    let dir = scratch("failed");
    let mut s = Session::new();
    let target = dir.join("t.zarr").display().to_string();
    let src = dir.join("src.zarr");
    let srcs = src.display().to_string();
    eval(
        &mut s,
        &format!("to_zarr(arange(10), {target:?})\nto_zarr(arange(100.0), {srcs:?}, chunks=10)"),
    );
    // The source's 6th chunk is damaged: the copy fails midway.
    std::fs::write(src.join("c/5"), b"garbage").unwrap();
    let e = error(&mut s, &format!("from_zarr({srcs:?}).to_zarr({target:?}, overwrite=True)"));
    assert!(e.contains("src.zarr"), "{e}");
    assert_eq!(listing(&dir), vec!["src.zarr", "t.zarr"], "no temporary remains");
    let (_, _, v) = values(&mut s, &format!("from_zarr({target:?})"));
    assert_eq!(v, (0..10).map(|i| serde_json::json!(i)).collect::<Vec<_>>(), "old store intact");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_cancelled_write_keeps_the_old_store_and_leaves_no_temporary() {
    let dir = scratch("cancel");
    let mut s = Session::new();
    let target = dir.join("t.zarr");
    let ts = target.display().to_string();
    eval(&mut s, &format!("to_zarr(arange(10), {ts:?})"));
    let flag = s.cancel_flag();
    let tmp_chunks = dir.join(".t.zarr.arr-tmp/c");
    let watcher = std::thread::spawn(move || {
        // Cancel as soon as the new store has its first chunk.
        for _ in 0..60_000 {
            if tmp_chunks.exists() {
                flag.store(true, std::sync::atomic::Ordering::Relaxed);
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        false
    });
    let e = error(
        &mut s,
        &format!(
            "random.normal(size=(4000, 4000), chunks=(100, 100)).to_zarr({ts:?}, overwrite=True)"
        ),
    );
    assert!(watcher.join().unwrap(), "the write started");
    assert!(e.contains("cancelled"), "{e}");
    assert_eq!(listing(&dir), vec!["t.zarr"], "no temporary remains");
    let (_, shape, _) = values(&mut s, &format!("from_zarr({ts:?})"));
    assert_eq!(shape, vec![10], "old store intact");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stale_temporaries_are_cleaned_up_and_an_interrupted_swap_is_undone() {
    let dir = scratch("stale");
    let mut s = Session::new();
    let target = dir.join("t.zarr");
    let ts = target.display().to_string();
    // Leftovers of a crash after the swap: a stale temporary and an old store aside.
    eval(&mut s, &format!("to_zarr(arange(4), {ts:?})"));
    std::fs::create_dir_all(dir.join(".t.zarr.arr-tmp/c")).unwrap();
    std::fs::create_dir_all(dir.join(".t.zarr.arr-old/c")).unwrap();
    eval(&mut s, &format!("to_zarr(arange(5), {ts:?}, overwrite=True)"));
    assert_eq!(listing(&dir), vec!["t.zarr"]);
    assert_eq!(values(&mut s, &format!("from_zarr({ts:?})")).1, vec![5]);

    // A crash between the two renames: the previous store is aside and the
    // target is missing. Reading says where it is; the next write restores it.
    std::fs::rename(&target, dir.join(".t.zarr.arr-old")).unwrap();
    let e = error(&mut s, &format!("from_zarr({ts:?})"));
    assert!(e.contains(".t.zarr.arr-old"), "{e}");
    let e = error(&mut s, &format!("to_zarr(arange(6), {ts:?})"));
    assert!(e.contains("already exists"), "restored, so it exists: {e}");
    assert_eq!(listing(&dir), vec!["t.zarr"]);
    assert_eq!(values(&mut s, &format!("from_zarr({ts:?})")).1, vec![5]);
    std::fs::remove_dir_all(&dir).unwrap();
}
