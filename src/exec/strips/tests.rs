//! Column strips: taken when the pattern is there, not otherwise; values
//! agree with the unfused chunk-by-chunk order; bits do not depend on the
//! thread count; column statistics have the same bits in a strip as in
//! their whole block.

use super::plan;
use crate::exec::{Ctx, compute};
use crate::ir::NodeRef;
use crate::{Session, Value};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

#[track_caller]
fn lazy(code: &str) -> NodeRef {
    match Session::new().eval("<test>", code) {
        Ok(Some(Value::Array(n))) => n,
        other => panic!("expected an array from {code:?}, got {other:?}"),
    }
}

/// The values of `node` at `threads` threads, and how many strips held.
fn run(node: &NodeRef, threads: usize) -> (Vec<f64>, usize) {
    let ctx = Ctx::new(Arc::new(AtomicBool::new(false)));
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
    let v = pool.install(|| compute(node, &ctx)).unwrap().to_f64_vec();
    (v, ctx.held.strips())
}

const X: &str = "x = random.random((3000, 500), chunks=(700, 300)); ";

/// `X` with whole rows as chunks: column statistics fold 65 rows at a time.
const X_ROWS: &str = "x = random.random((3000, 500), chunks=(700, 500)); ";

#[test]
fn reductions_of_x_and_its_column_statistics_run_in_strips() {
    // 3000 rows: strips of 160 columns (4 MiB / 24000 B, a multiple of
    // 32), so 500 columns are 160 + 160 + 160 + 20, across chunk edges.
    for (expr, exact) in [
        ("abs(x - x.mean(axis=0)).sum()", false),
        ("((x - x.mean(axis=0, keepdims=True)) ** 2).mean(axis=0)", false),
        ("((x - x.mean(0)) / x.std(0)).max(axis=0)", true),
        ("(x - x.mean(0)).argmax(axis=0)", true),
        ("(x * x.sum(0) - x.min(0)).sum(keepdims=True)", false),
        ("(x - x.mean(0)).var(axis=0)", false),
        ("(x / x.max(0)).std()", false),
        ("(x > x.mean(0)).any(axis=0)", true),
    ] {
        for x in [X, X_ROWS] {
            check_strips(x, expr, exact);
        }
    }
}

/// `expr` of `x` in strips against the unfused chunk order: same bits at
/// 1 and 3 threads, agreeing with the chunk order (exactly when `exact`).
fn check_strips(x: &str, expr: &str, exact: bool) {
    let code = format!("{x}{expr}");
    let unfused = lazy(&code);
    let fused = crate::optimize::optimize(&unfused);
    let (one, strips) = run(&fused, 1);
    assert_eq!(strips, 4, "{code}: strips held");
    let (three, _) = run(&fused, 3);
    assert_eq!(one, three, "{code}: bits at 1 and 3 threads");
    let (reference, none) = run(&unfused, 2);
    assert_eq!(none, 0, "{code}: no kernel, no strips");
    assert_eq!(one.len(), reference.len(), "{code}");
    for (a, b) in one.iter().zip(&reference) {
        if exact {
            assert_eq!(a, b, "{code}");
        } else {
            assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "{code}: {a} vs {b}");
        }
    }
}

#[test]
fn integer_strips_give_exact_results() {
    let code =
        "x = random.randint(0, 10, (2000, 300), chunks=(300, 128)); (x * 2 - x.sum(axis=0)).sum()";
    let fused = crate::optimize::optimize(&lazy(code));
    let (v, strips) = run(&fused, 2);
    assert!(strips > 0);
    let (reference, _) = run(&lazy(code), 2);
    assert_eq!(v, reference);
    // Every element appears once doubled and the column sums 2000 times
    // each: 2 S - 2000 S.
    let (total, _) =
        run(&lazy("x = random.randint(0, 10, (2000, 300), chunks=(300, 128)); x.sum()"), 1);
    assert_eq!(v, vec![-1998.0 * total[0]]);
}

#[test]
fn other_shapes_keep_their_blocks() {
    for code in [
        // Statistics over the other axis, or of another array.
        "x = random.random((3000, 500)); abs(x - x.mean(axis=1, keepdims=True)).sum()",
        "x = random.random((3000, 500)); y = random.random((3000, 500)); abs(x - y.mean(0)).sum()",
        // The outer reduction keeps axis 0.
        "x = random.random((3000, 500)); abs(x - x.mean(0)).sum(axis=1)",
        // In memory already: nothing to recompute.
        "x = random.random((300, 50)).persist(); abs(x - x.mean(0)).sum()",
        // So many rows that a strip would be narrower than 32 columns.
        "x = random.random((20000, 64)); abs(x - x.mean(0)).sum()",
    ] {
        let fused = crate::optimize::optimize(&lazy(code));
        assert!(plan(&fused).is_none(), "{code}");
        assert_eq!(run(&fused, 2).1, 0, "{code}");
    }
}

#[test]
fn column_statistics_have_the_same_bits_in_a_strip() {
    // The means of columns 40..120 asked for alone, and as part of the
    // whole: rows fold in groups fixed by the chunking either way.
    let whole = lazy("x = random.random((3000, 500), chunks=(700, 300)); x.mean(0)");
    let part = lazy("x = random.random((3000, 500), chunks=(700, 300)); x.mean(0)[40:120]");
    let (all, _) = run(&whole, 2);
    let (some, _) = run(&part, 2);
    assert_eq!(&all[40..120], &some[..]);
}

#[test]
fn explain_shows_the_strips_and_their_memory() {
    let code = format!("{X}abs(x - x.mean(axis=0)).sum()");
    let root = crate::optimize::optimize(&lazy(&code));
    // A strip (at most STRIP_BYTES) held per task, on top of the pieces.
    let (per_task, _) = crate::exec::plan::per_task_bytes(&root);
    assert!(per_task > super::STRIP_BYTES as u64, "{per_task}");
    assert!(per_task < 2 * super::STRIP_BYTES as u64, "{per_task}");
    let plan = crate::ir::explain::explain(&root, 2);
    let sum = plan.lines().nth(1).unwrap();
    assert!(sum.starts_with("sum axis=[0, 1] in column strips of 160 :"), "{plan}");
    let mean = plan.lines().find(|l| l.contains("mean axis=[0]")).unwrap();
    assert!(!mean.contains("strips"), "{plan}");
}

#[test]
fn a_cancelled_strip_reduction_lets_go_of_its_strips() {
    // 16000 rows: strips of 32 columns, 500 of them; cancelled as soon as
    // the first is held, long before the last.
    let code =
        "x = random.normal(0, 1, (16000, 16000), chunks=(2000, 2000)); abs(x - x.mean(0)).sum()";
    let fused = crate::optimize::optimize(&lazy(code));
    let cancel = Arc::new(AtomicBool::new(false));
    let ctx = Arc::new(Ctx::new(cancel.clone()));
    let canceller = std::thread::spawn({
        let ctx = ctx.clone();
        move || {
            // (Gives up after 20 s, so that a plan without strips fails
            // below instead of hanging here.)
            let start = std::time::Instant::now();
            while ctx.held.strips() == 0 && start.elapsed().as_secs() < 20 {
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
            cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    });
    let r = compute(&fused, &ctx);
    canceller.join().unwrap();
    assert_eq!(r.unwrap_err().kind, crate::diag::ErrorKind::Cancelled);
    assert!(ctx.held.strips() < 500, "{} strips ran", ctx.held.strips());
    // Every strip held was let go, also those stopped half-way.
    assert_eq!(ctx.held.count.load(std::sync::atomic::Ordering::Relaxed), 0);
    assert!(ctx.held.entries.lock().unwrap().is_empty());
}

#[test]
fn empty_arrays_give_empty_sums() {
    // (The optimizer folds empty arrays before any strip plan: these check
    // the values; `reduce` also refuses empty axes itself.)
    for (code, expect) in [
        ("x = random.random((300, 0)); abs(x - x.mean(0)).sum()", vec![0.0]),
        ("x = random.random((300, 0)); abs(x - x.mean(0)).sum(axis=0)", vec![]),
        ("x = random.random((0, 3)); abs(x - x.mean(0)).sum(axis=0)", vec![0.0; 3]),
    ] {
        let fused = crate::optimize::optimize(&lazy(code));
        assert_eq!(run(&fused, 2), (expect, 0), "{code}");
    }
}
