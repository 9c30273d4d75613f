//! Each pass alone, checked by snapshots of the plan it produces, plus
//! checks that optimized and unoptimized graphs compute the same values.

use super::{ElementwiseFusion, Pass, Simplify, SlicePushdown, SplitReduce, UnrollReduce};
use crate::ir::NodeRef;
use crate::ir::explain::tree_text;
use crate::{Session, Value};

#[track_caller]
fn graph(code: &str) -> NodeRef {
    let mut s = Session::new();
    match s.eval("<test>", code) {
        Ok(Some(Value::Array(n))) => n,
        other => panic!("expected an array from {code:?}, got {other:?}"),
    }
}

#[track_caller]
fn snapshot(pass: &dyn Pass, code: &str, expected: &str) {
    let out = tree_text(&pass.rewrite(&graph(code)));
    assert_eq!(out.trim_end(), expected.trim(), "\n--- got ---\n{out}");
}

#[track_caller]
fn same_values(code: &str) {
    let mut on = Session::new();
    let mut off = Session::with_options(crate::Options { optimize: false, ..Default::default() });
    let a = on.eval_json("<on>", code).expect("optimized run");
    let b = off.eval_json("<off>", code).expect("unoptimized run");
    assert_eq!(a, b, "optimizer changed the result of {code}");
}

#[test]
fn yardstick_slice_reaches_the_random_source() {
    snapshot(
        &SlicePushdown,
        "x = random.normal(10, 0.1, (20000, 20000), chunks=(1000, 1000)); mean(x, axis=0)[::100]",
        "mean axis=[0] : float64 (200,) chunks (10) × (20)\n\
         └─ random.normal(loc=10.0, scale=0.1) stream 1 view[:, ::100] of (20000, 20000) : float64 (20000, 200) chunks (1000, 10) × (20, 20)",
    );
}

#[test]
fn slice_passes_through_broadcasting_elementwise_ops() {
    snapshot(
        &SlicePushdown,
        "(arange(10)[:, None] + ones(6))[2:4, ::2]",
        "add : float64 (2, 3) chunks (2, 3) × (1, 1)\n\
         ├─ arange(start=0, step=1) view[2:] axes (0, None) of (10) : int64 (2, 1) chunks (2, 1) × (1, 1)\n\
         └─ full(1) view[::2] axes (None, 0) of (6) : float64 (1, 3) chunks (1, 3) × (1, 1)",
    );
}

#[test]
fn slice_and_transpose_fold_into_generators() {
    snapshot(
        &SlicePushdown,
        "x = random.random((4, 6)); (x + x.T[:, ::-1].T)[1]",
        "add : float64 (6,) chunks (6) × (1)\n\
         ├─ random.random() stream 1 view[1, :] of (4, 6) : float64 (6,) chunks (6) × (1)\n\
         └─ random.random() stream 1 view[2, :] of (4, 6) : float64 (6,) chunks (6) × (1)",
    );
    same_values("x = random.random((4, 6)); (x + x.T[:, ::-1].T)[1]");
}

#[test]
fn slice_through_a_reduction_over_another_axis() {
    snapshot(
        &SlicePushdown,
        "sum(arange(24).reshape(2, 3, 4), axis=1)[1, ::3]",
        "sum axis=[0] : int64 (2,) chunks (2) × (1)\n\
         └─ slice [1, :3, ::3] : int64 (3, 2) chunks (3, 2) × (1, 1)\n\
         \u{20}  └─ reshape : int64 (2, 3, 4) chunks (2, 3, 4) × (1, 1, 1)\n\
         \u{20}     └─ arange(start=0, step=1) : int64 (24,) chunks (24) × (1)",
    );
    same_values("sum(arange(24).reshape(2, 3, 4), axis=1)[1, ::3]");
}

#[test]
fn fusion_makes_one_kernel_per_elementwise_tree() {
    snapshot(
        &ElementwiseFusion,
        "x = arange(8.0); (x * 2 + 1 > 3).sum()",
        "sum axis=[0] : int64 () chunks ()\n\
         └─ fused kernel [r0=in0; r1=2; r2=multiply(r0,r1); r3=1; r4=add(r2,r3); r5=3; r6=greater(r4,r5)] : bool (8,) chunks (8) × (1)\n\
         \u{20}  └─ arange(start=0, step=1) : float64 (8,) chunks (8) × (1)",
    );
    same_values("x = arange(8.0); (x * 2 + 1 > 3).sum()");
}

#[test]
fn fusion_shares_a_repeated_subexpression() {
    let fused = ElementwiseFusion.rewrite(&graph("x = sin(arange(5.0)); x * x + x"));
    let text = tree_text(&fused);
    assert_eq!(text.matches("sin(").count(), 1, "{text}");
    same_values("x = sin(arange(5.0)); x * x + x");
}

#[test]
fn slices_stay_above_sorts_and_order_statistics() {
    // Sorting needs whole lanes: a slice must not move below the sort.
    snapshot(
        &SlicePushdown,
        "x = random.random((6, 4)); sort(x, axis=0)[:2]",
        "slice [:2, :4] : float64 (2, 4) chunks (2, 4) × (1, 1)\n\
         └─ sort axis=0 : float64 (6, 4) chunks (6, 4) × (1, 1)\n\
         \u{20}  └─ random.random() stream 1 : float64 (6, 4) chunks (6, 4) × (1, 1)",
    );
    same_values("x = random.random((6, 4), chunks=2); sort(x, axis=0)[::-3, 1:]");
    same_values("x = random.random((6, 4), chunks=2); median(x, axis=1)[::2]");
    same_values("x = random.random((6, 4), chunks=2); topk(x, 3, axis=0)[1:, ::2]");
}

#[test]
fn simplify_collapses_transposes_rechunks_and_double_negation() {
    snapshot(
        &Simplify,
        "x = arange(6).reshape(2, 3); x.T.T",
        &tree_text(&graph("arange(6).reshape(2, 3)")),
    );
    snapshot(
        &Simplify,
        "x = ones((4, 6), chunks=2); x.rechunk(3).rechunk((4, 1))",
        "rechunk : float64 (4, 6) chunks (4, 1) × (1, 6)\n\
         └─ full(1) : float64 (4, 6) chunks (2, 2) × (2, 3)",
    );
    snapshot(
        &Simplify,
        "x = ones((4, 6), chunks=2); x.rechunk(3).rechunk(2)",
        "full(1) : float64 (4, 6) chunks (2, 2) × (2, 3)",
    );
    snapshot(&Simplify, "-(-arange(3))", "arange(start=0, step=1) : int64 (3,) chunks (3) × (1)");
    // `not not x` of numbers is a bool array, not x: it stays.
    snapshot(
        &Simplify,
        "logical_not(logical_not(arange(3)))",
        concat!(
            "logical_not : bool (3,) chunks (3) × (1)\n",
            "└─ logical_not : bool (3,) chunks (3) × (1)\n",
            "   └─ arange(start=0, step=1) : int64 (3,) chunks (3) × (1)",
        ),
    );
}

#[test]
fn simplify_keeps_values() {
    for code in [
        "x = random.random((5, 7), chunks=3); (x.T.T + x.transpose(1, 0).T).sum(axis=0)",
        "x = arange(24).reshape(2, 3, 4); x.transpose(2, 0, 1).transpose(1, 2, 0)",
        "x = arange(12, chunks=5).reshape(3, 4).reshape(4, 3).reshape(12)",
        "x = ones((6, 6), chunks=2); x.rechunk(3).rechunk(4).sum(axis=1)",
        "~~array([1, -2, 3], dtype=int8), -(-array([0.0, -0.0, nan]))",
    ] {
        same_values(code);
    }
}

#[test]
fn a_masked_sum_becomes_a_sum_over_the_mask_grid() {
    snapshot(
        &super::MaskedReduction,
        "x = arange(12.0).reshape(3, 4); (x[x > 4.5] * 2).sum()",
        "sum axis=[0, 1] : float64 () chunks ()\n\
         └─ where : float64 (3, 4) chunks (3, 4) × (1, 1)\n\
         \x20  ├─ greater : bool (3, 4) chunks (3, 4) × (1, 1)\n\
         \x20  │  ├─ #1 reshape : float64 (3, 4) chunks (3, 4) × (1, 1)\n\
         \x20  │  │  └─ arange(start=0, step=1) : float64 (12,) chunks (12) × (1)\n\
         \x20  │  └─ scalar 4.5 : float64 () chunks ()\n\
         \x20  ├─ multiply : float64 (3, 4) chunks (3, 4) × (1, 1)\n\
         \x20  │  ├─ (same as #1 above)\n\
         \x20  │  └─ scalar 2 : float64 () chunks ()\n\
         \x20  └─ scalar 0 : float64 () chunks ()",
    );
}

/// The rewrite changes only the summation order: values agree to rounding,
/// and selections it does not cover are left alone.
#[test]
fn masked_reductions_keep_values() {
    let cases = [
        (
            "x = random.normal(0, 1, (300, 200), chunks=(70, 90)); y = x[x > 0.5]",
            "(y * 3 + 1).sum()",
        ),
        ("x = random.normal(0, 1, (300, 200), chunks=(70, 90)); y = x[x > 0.5]", "y.mean()"),
        (
            "x = random.normal(0, 1, (300, 200), chunks=(70, 90)); y = x[x > 0.5]",
            "y.max() + y.min()",
        ),
        ("x = random.normal(0, 1, (300, 200), chunks=(70, 90)); y = x[x > 0.5]", "(y / 4).prod()"),
        ("x = arange(60).reshape(6, 10); y = x[x % 3 == 0]", "y.sum() + y.prod() + y.max()"),
        ("x = arange(60.0).reshape(6, 10); y = x[x < 0]", "y.sum() + y.mean()"),
    ];
    for (setup, expr) in cases {
        let code = format!("{setup}; {expr}");
        let mut on = Session::new();
        let mut off =
            Session::with_options(crate::Options { optimize: false, ..Default::default() });
        let num = |s: &mut Session, tag: &str| -> f64 {
            let v = s.eval_json(tag, &code).expect("runs");
            v.get("value").and_then(|v| v.as_f64()).unwrap_or(f64::NAN)
        };
        let (a, b) = (num(&mut on, "<on>"), num(&mut off, "<off>"));
        let close = (a - b).abs() <= 1e-12 * a.abs().max(1.0) || (a.is_nan() && b.is_nan());
        assert!(close, "{code}: optimized {a} vs unoptimized {b}");
    }
}

/// Optimized and unoptimized results agree to rounding (for rewrites that
/// reorder additions), with the same structure.
#[track_caller]
fn close_values(code: &str) {
    fn close(a: &serde_json::Value, b: &serde_json::Value) -> bool {
        use serde_json::Value as J;
        match (a, b) {
            (J::Number(x), J::Number(y)) => {
                let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
                (x - y).abs() <= 1e-12 * x.abs().max(1.0)
            }
            (J::Array(x), J::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(p, q)| close(p, q))
            }
            (J::Object(x), J::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| close(v, w)))
            }
            _ => a == b,
        }
    }
    let mut on = Session::new();
    let mut off = Session::with_options(crate::Options { optimize: false, ..Default::default() });
    let a = on.eval_json("<on>", code).expect("optimized run");
    let b = off.eval_json("<off>", code).expect("unoptimized run");
    assert!(close(&a, &b), "optimizer changed the result of {code}:\n{a}\nvs\n{b}");
}

#[test]
fn a_reduction_of_x_plus_its_transpose_reads_x_in_its_own_order() {
    snapshot(
        &SplitReduce,
        "x = random.random((5000, 5000), chunks=(1000, 1000)); (x + x.T).mean(axis=0)",
        "add : float64 (5000,) chunks (1000) × (5)\n\
         ├─ mean axis=[0] : float64 (5000,) chunks (1000) × (5)\n\
         │  └─ #1 random.random() stream 1 : float64 (5000, 5000) chunks (1000, 1000) × (5, 5)\n\
         └─ mean axis=[1] : float64 (5000,) chunks (1000) × (5)\n\
         \x20  └─ (same as #1 above)",
    );
    // The kept axes of a 3-d transpose come back in the transpose's order.
    snapshot(
        &SplitReduce,
        "x = ones((2, 2, 2)); (x.transpose(1, 2, 0) - x).sum(axis=1)",
        "subtract : float64 (2, 2) chunks (2, 2) × (1, 1)\n\
         ├─ transpose[1, 0] : float64 (2, 2) chunks (2, 2) × (1, 1)\n\
         │  └─ sum axis=[2] : float64 (2, 2) chunks (2, 2) × (1, 1)\n\
         │     └─ #1 full(1) : float64 (2, 2, 2) chunks (2, 2, 2) × (1, 1, 1)\n\
         └─ sum axis=[1] : float64 (2, 2) chunks (2, 2) × (1, 1)\n\
         \x20  └─ (same as #1 above)",
    );
    // Unrelated operands stay one fused pass.
    snapshot(
        &SplitReduce,
        "x = ones((2, 2)); y = zeros((2, 2)); (x + y).sum(axis=0)",
        "sum axis=[0] : float64 (2,) chunks (2) × (1)\n\
         └─ add : float64 (2, 2) chunks (2, 2) × (1, 1)\n\
         \x20  ├─ full(1) : float64 (2, 2) chunks (2, 2) × (1, 1)\n\
         \x20  └─ full(0) : float64 (2, 2) chunks (2, 2) × (1, 1)",
    );
}

#[test]
fn split_reductions_keep_values_to_rounding() {
    for code in [
        "x = random.random((6, 6), chunks=(4, 3)); (x + x.T).mean(axis=0)",
        "x = random.random((6, 6), chunks=4); (x.T - x).sum(axis=1)",
        "x = random.random((6, 6), chunks=4); (x - x.T).sum(axis=0, keepdims=True)",
        "x = random.random((6, 6), chunks=4); (x + x.T).sum()",
        "x = random.random((4, 5, 4), chunks=3); (x + x.transpose(2, 1, 0)).sum(axis=(0, 1))",
        "x = random.random((3, 3, 3), chunks=2); (x + x.transpose(1, 2, 0)).mean(axis=1)",
        "x = random.random((3, 3, 3), chunks=2); (x.transpose(1, 2, 0) - x).mean(axis=(0, 2), keepdims=True)",
    ] {
        close_values(code);
    }
}

#[test]
fn a_short_sum_becomes_added_slices() {
    snapshot(
        &UnrollReduce,
        "x = random.random((4, 3)); y = random.random((4, 3)); ((x - y) ** 2).sum(-1)",
        "add : float64 (4,) chunks (4) × (1)\n\
         ├─ add : float64 (4,) chunks (4) × (1)\n\
         │  ├─ slice [:4, 0] : float64 (4,) chunks (4) × (1)\n\
         │  │  └─ #1 power : float64 (4, 3) chunks (4, 3) × (1, 1)\n\
         │  │     ├─ subtract : float64 (4, 3) chunks (4, 3) × (1, 1)\n\
         │  │     │  ├─ random.random() stream 1 : float64 (4, 3) chunks (4, 3) × (1, 1)\n\
         │  │     │  └─ random.random() stream 2 : float64 (4, 3) chunks (4, 3) × (1, 1)\n\
         │  │     └─ scalar 2 : float64 () chunks ()\n\
         │  └─ slice [:4, 1] : float64 (4,) chunks (4) × (1)\n\
         │     └─ (same as #1 above)\n\
         └─ slice [:4, 2] : float64 (4,) chunks (4) × (1)\n\
         \u{20}  └─ (same as #1 above)",
    );
    // A mean divides the unrolled sum; float32 adds in float64, like the executor.
    snapshot(
        &UnrollReduce,
        "x = random.random((2, 4)).astype(float32); (x * 2).mean(axis=0, keepdims=True)",
        "astype(float32) : float32 (1, 4) chunks (1, 4) × (1, 1)\n\
         └─ divide : float64 (1, 4) chunks (1, 4) × (1, 1)\n\
         \u{20}  ├─ add : float64 (1, 4) chunks (1, 4) × (1, 1)\n\
         \u{20}  │  ├─ astype(float64) : float64 (1, 4) chunks (1, 4) × (1, 1)\n\
         \u{20}  │  │  └─ slice [:1, :4] : float32 (1, 4) chunks (1, 4) × (1, 1)\n\
         \u{20}  │  │     └─ #1 multiply : float32 (2, 4) chunks (2, 4) × (1, 1)\n\
         \u{20}  │  │        ├─ astype(float32) : float32 (2, 4) chunks (2, 4) × (1, 1)\n\
         \u{20}  │  │        │  └─ random.random() stream 1 : float64 (2, 4) chunks (2, 4) × (1, 1)\n\
         \u{20}  │  │        └─ scalar 2 : float32 () chunks ()\n\
         \u{20}  │  └─ astype(float64) : float64 (1, 4) chunks (1, 4) × (1, 1)\n\
         \u{20}  │     └─ slice [1:2, :4] : float32 (1, 4) chunks (1, 4) × (1, 1)\n\
         \u{20}  │        └─ (same as #1 above)\n\
         \u{20}  └─ scalar 2 : float64 () chunks ()",
    );
    // Longer axes, stored arrays and integers keep the reduction.
    snapshot(
        &UnrollReduce,
        "x = random.random((4, 5)); (x * 2).sum(-1)",
        "sum axis=[1] : float64 (4,) chunks (4) × (1)\n\
         └─ multiply : float64 (4, 5) chunks (4, 5) × (1, 1)\n\
         \u{20}  ├─ random.random() stream 1 : float64 (4, 5) chunks (4, 5) × (1, 1)\n\
         \u{20}  └─ scalar 2 : float64 () chunks ()",
    );
    snapshot(
        &UnrollReduce,
        "array([[1.0, 2.0], [3.0, 4.0]]).sum(0)",
        "sum axis=[0] : float64 (2,) chunks (2) × (1)\n\
         └─ array (in memory) : float64 (2, 2) chunks (2, 2) × (1, 1)",
    );
    snapshot(
        &UnrollReduce,
        "(arange(6).reshape(2, 3) * 2).sum(-1)",
        "sum axis=[1] : int64 (2,) chunks (2) × (1)\n\
         └─ multiply : int64 (2, 3) chunks (2, 3) × (1, 1)\n\
         \u{20}  ├─ reshape : int64 (2, 3) chunks (2, 3) × (1, 1)\n\
         \u{20}  │  └─ arange(start=0, step=1) : int64 (6,) chunks (6) × (1)\n\
         \u{20}  └─ scalar 2 : int64 () chunks ()",
    );
}

#[test]
fn an_unrolled_sum_fuses_with_what_follows() {
    let code = "c = arange(12.0).reshape(4, 3); d = c[:, None, :] - c[None, :, :]; \
                1 / (d * d).sum(-1)";
    let text = tree_text(&super::optimize(&graph(code)));
    assert!(!text.contains("sum"), "{text}");
    assert_eq!(text.matches("fused kernel").count(), 1, "{text}");
    same_values(code);
}

#[test]
fn unrolled_reductions_keep_the_bits() {
    for code in [
        "x = random.random((5, 3), chunks=2); y = random.random(3); ((x - y) ** 2).sum(axis=1)",
        "x = random.random((3, 4, 2), chunks=2); sin(x).sum(axis=0)",
        "x = random.random((3, 4, 2), chunks=2); sin(x).mean(axis=2, keepdims=True)",
        "x = random.random((4, 4), chunks=3); (x + 1).prod(axis=1)",
        "x = random.random((4, 1)); (x * 3).sum(axis=1)",
        "x = random.random((6, 3)).astype(float32); (x * 3).sum(axis=1)",
        "x = random.random((6, 3)).astype(float32); (x * 3).mean(axis=1)",
    ] {
        same_values(code);
    }
}

/// A full float sum of a fused kernel is added up tile by tile as the
/// kernel runs (`kernel::run_sum`); without the optimizer the same
/// expression is computed into pieces and summed stored. Same bits.
#[test]
fn sums_of_fused_kernels_have_the_bits_of_stored_sums() {
    for code in [
        "x = random.random((300, 300), chunks=(100, 100)); sum(sin(x) ** 2 + cos(x) ** 2 - 1)",
        // Row means: column statistics would take the strips of
        // `exec/strips.rs`, which add in another order.
        "x = random.random((301, 257), chunks=(100, 90)); abs(x - x.mean(axis=1, keepdims=True)).sum()",
        "x = random.random((1000, 999), chunks=(500, 333)); (x * 3 - 1).mean()",
    ] {
        same_values(code);
    }
}
