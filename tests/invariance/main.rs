//! Invariance properties (DESIGN.md §4, §5, §9): a program's value does not
//! depend on how its arrays are chunked, on whether the optimizer ran, or on
//! the number of worker threads; random arrays are a pure function of
//! (seed, stream, flat index); displaying a big lazy array shows exactly the
//! elements a full computation gives.
//!
//! Random programs are built as arr source text by a small generator driven
//! by a proptest-shrinkable list of choices (choice 0 is always the simplest
//! option, so shrinking the list shrinks the program). Every generated
//! program is valid by construction: the generator tracks shapes exactly, so
//! an error from arr is itself a finding.

mod display;
mod generator;
mod outcome;
mod random_values;

use arr::{Options, Session};
use generator::*;
use outcome::*;
use proptest::prelude::*;

/// Checks one generated program under all the configurations.
fn check_program(a: &str, b: &str, has_reduction: bool) -> Result<(), TestCaseError> {
    let base = run(a, options(2, true))
        .map_err(|e| TestCaseError::fail(format!("program A failed:\n{a}\n{e}")))?;
    let fail = |what: &str, code: &str, e: String| {
        TestCaseError::fail(format!("{what}: {e}\n--- program A:\n{a}\n--- program:\n{code}"))
    };
    // 1 vs 2 threads: bit-identical.
    let one = run(a, options(1, true)).map_err(|e| fail("1 thread failed", a, e))?;
    same_bits(&base, &one).map_err(|e| fail("1 thread vs 2 threads", a, e))?;
    // Optimizer off: equal to rounding.
    let noopt = run(a, options(2, false)).map_err(|e| fail("optimizer off failed", a, e))?;
    close(&base, &noopt).map_err(|e| fail("optimizer on vs off", a, e))?;
    // Chunking B: bit-identical without reductions (each element is computed
    // by the same scalar operations), equal to rounding with them.
    let chb = run(b, options(2, true)).map_err(|e| fail("chunking B failed", b, e))?;
    if has_reduction {
        close(&base, &chb).map_err(|e| fail("chunking A vs B", b, e))?;
    } else {
        same_bits(&base, &chb).map_err(|e| fail("chunking A vs B (elementwise, bitwise)", b, e))?;
    }
    let chb1 =
        run(b, options(1, false)).map_err(|e| fail("chunking B, 1 thread, no opt failed", b, e))?;
    close(&base, &chb1).map_err(|e| fail("chunking A vs B (1 thread, optimizer off)", b, e))?;
    Ok(())
}

/// `PROPTEST_CASES` overrides the number of cases (to hunt for bugs longer).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(400),
        max_shrink_iters: 2000,
        failure_persistence: None,
        .. ProptestConfig::default()
    })]

    #[test]
    fn random_programs_are_invariant(
        shape in shape_strategy(),
        depth in 1usize..=4,
        choices in prop::collection::vec(any::<u32>(), 0..160),
    ) {
        let (a, b, red) = program(&choices, &shape, depth);
        check_program(&a, &b, red)?;
    }
}

/// Zero-length axes (NumPy allows them everywhere): creating, slicing to
/// empty and reducing an empty array.
#[test]
fn empty_arrays_compute() {
    let cases: &[(&str, &[usize], &[f64])] = &[
        ("zeros((0, 3))", &[0, 3], &[]),
        ("arange(3)[:0]", &[0], &[]),
        ("random.random((4,), chunks=2)[3:1]", &[0], &[]),
        ("ones((2, 3), chunks=1)[:, 5:]", &[2, 0], &[]),
        ("sum(arange(3)[:0])", &[], &[0.0]),
        ("ones((2, 3))[:, 5:].sum(axis=1)", &[2], &[0.0, 0.0]),
    ];
    let mut failures = Vec::new();
    for &(code, shape, values) in cases {
        match run(code, options(2, true)) {
            Ok(o) if o.shape == shape && o.values == values => {}
            other => failures.push(format!("{code}: {other:?}")),
        }
    }
    assert!(failures.is_empty(), "empty arrays:\n{}", failures.join("\n"));
}

/// `axis=()` reduces over no axis: NumPy returns the elements themselves
/// (var/std: zeros; mean of ints: as float).
#[test]
fn reductions_over_no_axes_are_the_identity() {
    let mut failures = Vec::new();
    for op in ["sum", "mean", "std", "var", "min", "max", "prod", "any", "all"] {
        for keep in ["", ", keepdims=True"] {
            let code = format!("{op}(arange(6, chunks=4).reshape(2, 3) - 2, axis=(){keep})");
            let want: Vec<f64> = match op {
                "std" | "var" => vec![0.0; 6],
                "any" | "all" => vec![1.0, 1.0, 0.0, 1.0, 1.0, 1.0],
                _ => vec![-2.0, -1.0, 0.0, 1.0, 2.0, 3.0],
            };
            match run(&code, options(2, true)) {
                Ok(o) if o.shape == [2, 3] && o.values == want => {}
                other => failures.push(format!("{code}: {other:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "axis=():\n{}", failures.join("\n"));
}

/// `max`/`min` along an axis: each output element is the max/min of its
/// own lane (found by `random_programs_are_invariant`: within one chunk,
/// every output took the chunk's first element as its start value).
#[test]
fn max_and_min_reduce_each_lane_separately() {
    let mut failures = Vec::new();
    for (code, want) in [
        ("max(array([[5, 1], [2, 3]]), axis=1)", vec![5.0, 3.0]),
        ("max(array([[5, 1], [2, 3]]), axis=0)", vec![5.0, 3.0]),
        ("min(array([[1, 5], [2, 3]]), axis=0)", vec![1.0, 3.0]),
        ("array([[1.5, 0.5], [0.0, 2.0]]).min(axis=1)", vec![0.5, 0.0]),
        ("max(array([[5, 1], [2, 3]], chunks=(1, 2)), axis=0)", vec![5.0, 3.0]),
    ] {
        for opt in [true, false] {
            match run(code, options(2, opt)) {
                Ok(o) if o.values == want => {}
                other => {
                    failures.push(format!("{code} (optimize={opt}): {other:?}, want {want:?}"))
                }
            }
        }
    }
    assert!(failures.is_empty(), "max/min:\n{}", failures.join("\n"));
}

/// `[None]` on an elementwise result of 0-d arrays (found by
/// `random_programs_are_invariant`: slice pushdown changed the shape).
#[test]
fn new_axis_on_a_0d_elementwise_result() {
    let mut failures = Vec::new();
    for (code, shape, want) in [
        ("(ones(()) + 1)[None]", vec![1], vec![2.0]),
        ("maximum(ones(()), zeros(()))[None, None]", vec![1, 1], vec![1.0]),
        ("(arange(3)[1] * 2)[None]", vec![1], vec![2.0]),
        ("(ones(()) + 1)[None].sum(axis=0)", vec![], vec![2.0]),
    ] {
        for opt in [true, false] {
            match run(code, options(2, opt)) {
                Ok(o) if o.shape == shape && o.values == want => {}
                other => failures.push(format!("{code} (optimize={opt}): {other:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "[None] of 0-d:\n{}", failures.join("\n"));
}

#[test]
fn seed_makes_programs_repeatable_and_calls_use_different_streams() {
    let prog = "random.seed(42)\na = random.normal(size=(50, 7), chunks=(13, 3))\nb = random.normal(size=(50, 7), chunks=(13, 3))";
    let get = |s: &mut Session, code: &str| {
        let v = s.eval("<get>", code).unwrap();
        outcome(s, v).unwrap()
    };
    let mut s1 = Session::with_options(options(2, true));
    let mut s2 = Session::with_options(options(1, true));
    // Different session seeds: random.seed overrides them.
    let mut s3 = Session::with_options(Options { seed: 7, ..options(2, true) });
    for s in [&mut s1, &mut s2, &mut s3] {
        s.eval("<p>", prog).unwrap();
    }
    let (a1, b1) = (get(&mut s1, "a"), get(&mut s1, "b"));
    same_bits(&a1, &get(&mut s2, "a")).unwrap();
    same_bits(&b1, &get(&mut s2, "b")).unwrap();
    same_bits(&a1, &get(&mut s3, "a")).unwrap();
    // Two calls: different streams.
    let equal = a1.values.iter().zip(&b1.values).filter(|(x, y)| x == y).count();
    assert_eq!(equal, 0, "two random.normal calls share {equal} values");
    // Seeding again in the same session restarts the streams.
    s1.eval("<again>", prog).unwrap();
    same_bits(&a1, &get(&mut s1, "a")).unwrap();
    // Another seed: other values.
    s1.eval("<other>", &prog.replace("seed(42)", "seed(43)")).unwrap();
    let a43 = get(&mut s1, "a");
    assert!(a1.values.iter().zip(&a43.values).all(|(x, y)| x != y), "seed 43 repeats seed 42");
    // The session seed option: same seed, same values; another, others.
    let p = "random.random((4, 5), chunks=2)";
    let v7 = run(p, Options { seed: 7, ..options(2, true) }).unwrap();
    same_bits(&v7, &run(p, Options { seed: 7, ..options(1, false) }).unwrap()).unwrap();
    let v8 = run(p, Options { seed: 8, ..options(2, true) }).unwrap();
    assert!(v7.values.iter().zip(&v8.values).all(|(x, y)| x != y));
    // Without any seed, a fresh session is reproducible (seed 0).
    same_bits(&run(p, options(2, true)).unwrap(), &run(p, options(1, true)).unwrap()).unwrap();
}
