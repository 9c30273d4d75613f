//! `histogram`, `histogram2d` and `bincount` give the same answer under
//! every chunking (counts exactly, weighted sums to rounding) and
//! bit-identical answers at 1 and 2 threads; `unique` and the lookups agree
//! across chunkings too.

use arr::array::ArrayData;
use arr::{Options, Session, Value};

/// The value of the program's last expression (an array), computed.
#[track_caller]
fn run(code: &str, threads: usize) -> ArrayData {
    let mut s = Session::with_options(Options { threads: Some(threads), seed: 7, optimize: true });
    let v = s.eval("<test>", code).unwrap_or_else(|d| panic!("{}", s.render(&d, false)));
    match v {
        Some(Value::Array(n)) => s.interp().compute(&n).expect("computes"),
        other => panic!("expected an array, got {other:?}"),
    }
}

fn bits(d: &ArrayData) -> Vec<u64> {
    d.to_f64_vec().iter().map(|v| v.to_bits()).collect()
}

/// Programs over `x` (normal) and `w` (uniform weights) of 200000 elements
/// with chunk length `{C}`; the bool says whether the result is exact.
const CASES: &[(&str, bool)] = &[
    ("histogram(x, bins=37)[0]", true),
    ("histogram(x.reshape(400, 500), bins=11, range=(-2, 3))[0]", true),
    ("histogram(x[x > 0.5], bins=[0.5, 1, 2, 4])[0]", true),
    ("histogram(x, bins=37, range=(-2, 3), weights=w)[0]", false),
    ("histogram(x, bins=[-1, 0, 0.5, 2], weights=w, density=True)[0]", false),
    ("histogram2d(x, w, bins=[5, 7])[0]", true),
    ("histogram2d(x, w, bins=[5, 7], weights=w)[0]", false),
    ("bincount((abs(x) * 10).astype(int64))", true),
    ("bincount((abs(x) * 10).astype(int64), weights=w)", false),
    ("unique((x * 100).astype(int32), return_counts=True)[1]", true),
    ("unique((x * 100).astype(int32), return_index=True)[1]", true),
    ("unique(floor(x * 10), return_inverse=True)[1]", true),
    ("digitize(x, [-1, 0, 1.5])", true),
    ("isin((x * 10).astype(int64), [1, 3, 5])", true),
];

fn program(case: &str, chunk: usize) -> String {
    format!(
        "x = random.normal(0, 1, 200000, chunks={chunk}); w = random.random(200000, chunks={chunk}); {case}"
    )
}

#[test]
fn same_bits_at_one_and_two_threads() {
    for &(case, _) in CASES {
        for chunk in [7001, 50000] {
            let code = program(case, chunk);
            let (a, b) = (run(&code, 1), run(&code, 2));
            assert_eq!(a.dtype(), b.dtype(), "{code}");
            assert_eq!(bits(&a), bits(&b), "{code}");
        }
    }
}

#[test]
fn same_values_under_every_chunking() {
    for &(case, exact) in CASES {
        let base = run(&program(case, 200000), 2);
        for chunk in [999, 7001, 65536] {
            let code = program(case, chunk);
            let other = run(&code, 2);
            assert_eq!(base.shape(), other.shape(), "{code}");
            assert_eq!(base.dtype(), other.dtype(), "{code}");
            if exact {
                assert_eq!(bits(&base), bits(&other), "{code}");
            } else {
                for (p, q) in base.to_f64_vec().iter().zip(other.to_f64_vec()) {
                    assert!((p - q).abs() <= 1e-9 * p.abs().max(1.0), "{code}: {p} vs {q}");
                }
            }
        }
    }
}

#[test]
fn masked_histogram_of_the_tutorials() {
    let code = "x = random.normal(0, 1, 100000, chunks=10000); h, e = histogram(x[x > 0], bins=20, range=(0, 4)); h";
    let h = run(code, 2);
    assert_eq!(h.shape(), &[20]);
    let total: f64 = h.to_f64_vec().iter().sum();
    assert!(total > 45000.0 && total < 55000.0, "{total}");
}
