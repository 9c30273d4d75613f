//! Reduction splitting: a sum or mean of `a ± a.T` becomes the sum or mean
//! of `a` over the reduced axes, plus or minus the sum or mean of `a` over
//! the transposed axes. `(x + x.T).mean(axis=0)` thus reads `x` in its own
//! order (row sums and column sums) instead of reading it a second time
//! across its natural order, which costs a transposing gather per element;
//! the executor then computes both reductions from one pass over `x`
//! (`exec::reduce` shares the blocks of reductions of one input).
//!
//! Values agree to rounding, not bit for bit: the additions happen in a
//! different order. The rewrite fires only when both operands are one array
//! and its transpose, where it removes work; `sum(a + b)` of unrelated
//! arrays stays one fused pass.

use super::Pass;
use crate::ir::ops::{BinaryFn, ReduceOp};
use crate::ir::{NodeRef, Op, build};

pub struct SplitReduce;

impl Pass for SplitReduce {
    fn name(&self) -> &'static str {
        "split-reduce"
    }

    fn rewrite(&self, root: &NodeRef) -> NodeRef {
        super::rewrite_bottom_up(root, &rule)
    }
}

/// `reduce(a ± b)` as `reduce(a) ± reduce(b)` when one operand is a
/// transpose of the other and both are floats of the result's shape.
fn rule(n: &NodeRef) -> Option<NodeRef> {
    let Op::Reduce { op: op @ (ReduceOp::Sum | ReduceOp::Mean), axes, keepdims } = &n.op else {
        return None;
    };
    let sum = &n.inputs[0];
    let Op::Binary(f @ (BinaryFn::Add | BinaryFn::Sub)) = sum.op else { return None };
    let (a, b) = (&sum.inputs[0], &sum.inputs[1]);
    let float = |x: &NodeRef| x.dtype == sum.dtype && x.dtype.is_float();
    if a.shape != sum.shape || b.shape != sum.shape || !float(a) || !float(b) {
        return None;
    }
    let reduce_a = |x: &NodeRef| build::reduce(x, *op, axes.clone(), *keepdims).ok();
    let (left, right) = if let Some(perm) = transpose_of(b, a) {
        (reduce_a(a)?, reduce_transposed(a, perm, *op, axes, *keepdims)?)
    } else if let Some(perm) = transpose_of(a, b) {
        (reduce_transposed(b, perm, *op, axes, *keepdims)?, reduce_a(b)?)
    } else {
        return None;
    };
    build::binary(f, &left, &right).ok()
}

/// The permutation `p` when `t` is `transpose(x, p)`.
fn transpose_of<'a>(t: &'a NodeRef, x: &NodeRef) -> Option<&'a [usize]> {
    match &t.op {
        Op::Transpose(perm) if t.inputs[0].id == x.id => Some(perm),
        _ => None,
    }
}

/// `reduce(transpose(x, perm), axes)` computed as a reduction of `x`
/// itself: axis `i` of the transpose is axis `perm[i]` of `x`, and the kept
/// axes are put back in the transpose's order.
fn reduce_transposed(
    x: &NodeRef,
    perm: &[usize],
    op: ReduceOp,
    axes: &[usize],
    keepdims: bool,
) -> Option<NodeRef> {
    let mut x_axes: Vec<usize> = axes.iter().map(|&a| perm[a]).collect();
    x_axes.sort_unstable();
    let r = build::reduce(x, op, x_axes.clone(), keepdims).ok()?;
    let order: Vec<usize> = if keepdims {
        // Reduced axes stay as length 1, so the transpose's own order applies.
        perm.to_vec()
    } else {
        // Kept axes of `x`, in increasing order, are the result's axes; the
        // transpose keeps them in the order of its own axes.
        let kept_x: Vec<usize> = (0..x.ndim()).filter(|a| !x_axes.contains(a)).collect();
        (0..perm.len())
            .filter(|a| !axes.contains(a))
            .map(|a| kept_x.iter().position(|&k| k == perm[a]).expect("kept in both"))
            .collect()
    };
    if order.iter().enumerate().all(|(i, &a)| i == a) {
        Some(r)
    } else {
        build::transpose(&r, order).ok()
    }
}
