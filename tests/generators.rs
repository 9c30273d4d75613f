//! `random.default_rng` generators, `choice`, `permutation` and `permuted`
//! are counter-based like every random array in arr: their values do not
//! depend on `chunks=` (of the result or of the population) nor on the
//! number of threads; a generator's stream is its own (same seed, same
//! values; the session's `random.seed` sequence neither moves it nor is
//! moved by it).

use arr::{Options, Session, Value};

/// The value of `code`'s last expression, computed, as (dtype, shape, values).
#[track_caller]
fn run(code: &str, threads: usize) -> (String, Vec<usize>, Vec<f64>) {
    let mut s = Session::with_options(Options { threads: Some(threads), seed: 0, optimize: true });
    let v = match s.eval("<test>", code) {
        Ok(Some(Value::Array(n))) => n,
        Ok(other) => panic!("{code}: not an array: {other:?}"),
        Err(d) => panic!("{code}:\n{}", s.render(&d, false)),
    };
    let data = s.interp().compute(&v).unwrap_or_else(|d| panic!("{code}: {}", d.message));
    (data.dtype().name().to_string(), data.shape().to_vec(), data.to_f64_vec())
}

/// Programs with a `{c}` placeholder for a chunk size.
const PROGRAMS: &[&str] = &[
    "random.default_rng(7).random((50, 40), chunks={c})",
    "random.default_rng(7).normal(3, 2, size=1000, chunks={c})",
    "random.default_rng(7).integers(-5, 5, size=(30, 30), chunks={c})",
    "random.default_rng(7).poisson(3.5, size=500, chunks={c})",
    "random.default_rng(7).choice(100, size=(20, 10), chunks={c})",
    "random.default_rng(7).choice(1000, size=300, replace=False, chunks={c})",
    "random.default_rng(7).choice(5, size=400, p=[0.1, 0.2, 0.3, 0.4, 0.0], chunks={c})",
    "random.default_rng(7).choice(arange(200, chunks={c}) * 2, size=50, replace=False, \
     p=ones(200) / 200)",
    "random.default_rng(7).choice(arange(600, chunks={c}).reshape(30, 20), 15, axis=1)",
    "random.default_rng(7).permutation(777, chunks={c})",
    "random.default_rng(7).permutation(arange(600, chunks={c}).reshape(60, 10))",
    "random.default_rng(7).permutation(arange(600, chunks={c}).reshape(60, 10), axis=1)",
    "random.default_rng(7).permuted(arange(600, chunks={c}).reshape(20, 30), axis=0)",
    "random.default_rng(7).permuted(arange(600, chunks={c}).reshape(20, 30))",
    "random.choice(arange(1000, chunks={c}), size=100)",
    "random.permutation(arange(999, chunks={c}))",
    "x = random.random((40, 50), chunks={c}); x[random.permutation(40)[:, None], \
     random.permutation(50)]",
];

#[test]
fn values_do_not_depend_on_chunks_or_threads() {
    for p in PROGRAMS {
        let reference = run(&p.replace("{c}", "'auto'"), 1);
        for (chunks, threads) in [("7", 2), ("13", 1), ("64", 2), ("-1", 2)] {
            let got = run(&p.replace("{c}", chunks), threads);
            assert_eq!(got, reference, "{p} with chunks={chunks} on {threads} threads");
        }
    }
}

#[test]
fn same_seed_same_values_and_independent_of_the_session_stream() {
    let a = run("random.default_rng(3).normal(size=100)", 1);
    let b = run("random.seed(99); random.random(5); random.default_rng(3).normal(size=100)", 2);
    assert_eq!(a, b);
    let c = run("random.default_rng(4).normal(size=100)", 1);
    assert_ne!(a, c);
    // A generator's calls do not move the session's stream.
    let d = run("random.random(10)", 1);
    let e =
        run("g = random.default_rng(1); g.random(3); g.integers(0, 5, 3); random.random(10)", 1);
    assert_eq!(d, e);
    // Successive calls of one generator differ; a copy of it is the same generator.
    let f = run("g = random.default_rng(1); h = g; g.random(4) - h.random(4)", 1);
    assert!(f.2.iter().any(|&v| v != 0.0));
}

#[test]
fn samples_are_valid() {
    // Without replacement: distinct, in range.
    let (dtype, shape, v) = run("random.default_rng(5).choice(10**9, 2000, replace=False)", 2);
    assert_eq!((dtype.as_str(), shape), ("int64", vec![2000]));
    let mut sorted = v.clone();
    sorted.sort_by(f64::total_cmp);
    sorted.dedup();
    assert_eq!(sorted.len(), 2000);
    assert!(v.iter().all(|&x| (0.0..1e9).contains(&x)));
    // A permutation holds every value once.
    let (_, _, mut p) = run("random.default_rng(5).permutation(5000)", 2);
    p.sort_by(f64::total_cmp);
    assert_eq!(p, (0..5000).map(f64::from).collect::<Vec<_>>());
    // `permuted` along an axis keeps each row's values.
    let (_, _, rows) = run("random.default_rng(5).permuted(arange(12).reshape(3, 4), axis=1)", 1);
    for (r, row) in rows.chunks(4).enumerate() {
        let mut row = row.to_vec();
        row.sort_by(f64::total_cmp);
        assert_eq!(row, (0..4).map(|k| (4 * r + k) as f64).collect::<Vec<_>>());
    }
    // Zero-probability items are never drawn; `endpoint=True` reaches `high`.
    let (_, _, w) = run("random.default_rng(5).choice(4, 5000, p=[0.5, 0, 0.5, 0])", 1);
    assert!(w.iter().all(|&x| x == 0.0 || x == 2.0));
    let (_, _, e) = run("random.default_rng(5).integers(1, 3, 2000, endpoint=True)", 1);
    assert!(e.contains(&3.0) && e.iter().all(|&x| (1.0..=3.0).contains(&x)));
}
