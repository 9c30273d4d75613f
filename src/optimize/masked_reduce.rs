//! Masked reductions stream: `f(x[m]).sum()` becomes
//! `where(m, f(x), 0).sum()`.
//!
//! A boolean-mask selection produces a 1-d array whose chunks are whole row
//! blocks of the mask, so reducing it computes one large compacted block
//! per task (the Lennard-Jones tutorial's `lj(dtri[dtri > 1e-6]).sum()`
//! held a 591 × 7000 block per thread). When every array the elementwise
//! tree under a full reduction reads is a selection by the same mask over
//! arrays of the mask's own shape, the selection can be replaced by the
//! reduction's identity at unselected positions: the whole computation
//! becomes one fused kernel over the mask's chunk grid, in tiles. The
//! selected elements and their count are the same, so the result agrees to
//! rounding (only the summation order changes, still fixed and
//! independent of threads). Covered: sum, prod, and for floats mean, min
//! and max (over a non-empty selection).

use super::Pass;
use crate::ir::ops::{BinaryFn, ReduceOp};
use crate::ir::{NodeRef, Op, Scalar, build};
use std::collections::HashMap;

pub struct MaskedReduction;

impl Pass for MaskedReduction {
    fn name(&self) -> &'static str {
        "masked-reduction"
    }

    fn rewrite(&self, root: &NodeRef) -> NodeRef {
        super::rewrite_bottom_up(root, &rewrite_reduction)
    }
}

fn rewrite_reduction(n: &NodeRef) -> Option<NodeRef> {
    let Op::Reduce { op, axes, keepdims } = &n.op else { return None };
    let tree = &n.inputs[0];
    // The selection is 1-d (the mask covered every axis); reduce all of it.
    if tree.ndim() != 1 || axes != &[0] {
        return None;
    }
    let mut mask = None;
    if !collect_mask(tree, &mut mask, &mut HashMap::new()) {
        return None;
    }
    let (m, count) = mask?;
    let float = tree.dtype.is_float();
    let identity = match op {
        ReduceOp::Sum | ReduceOp::Mean => Scalar::Int(0),
        ReduceOp::Prod => Scalar::Int(1),
        ReduceOp::Min if float && count > 0 => Scalar::Float(f64::INFINITY),
        ReduceOp::Max if float && count > 0 => Scalar::Float(f64::NEG_INFINITY),
        _ => return None,
    };
    if *op == ReduceOp::Mean && !float {
        return None;
    }
    let unmasked = unmask(tree, &mut HashMap::new())?;
    let fill = build::scalar(identity, unmasked.dtype);
    let selected = build::where_(&m, &unmasked, &fill).ok()?;
    let all: Vec<usize> = (0..selected.ndim()).collect();
    let reduced = if *op == ReduceOp::Mean {
        let sum = build::reduce(&selected, ReduceOp::Sum, all, false).ok()?;
        let count = build::scalar(Scalar::Float(count as f64), sum.dtype);
        build::binary(BinaryFn::TrueDiv, &sum, &count).ok()?
    } else {
        build::reduce(&selected, *op, all, false).ok()?
    };
    let out = if *keepdims { build::reshape(&reduced, &[1]).ok()? } else { reduced };
    (out.shape == n.shape && out.dtype == n.dtype).then_some(out)
}

/// Checks that every non-scalar leaf of the elementwise tree is `x[m]` for
/// one mask `m` over all of `x`'s axes; records `m` and its true count.
fn collect_mask(
    n: &NodeRef,
    mask: &mut Option<(NodeRef, usize)>,
    seen: &mut HashMap<u64, bool>,
) -> bool {
    if let Some(&ok) = seen.get(&n.id) {
        return ok;
    }
    let ok = match &n.op {
        Op::Scalar(_) => true,
        Op::Mask(counts) => {
            let (x, m) = (&n.inputs[0], &n.inputs[1]);
            let total: usize = counts.counts.iter().sum();
            if m.shape != x.shape {
                false
            } else {
                match mask {
                    None => {
                        *mask = Some((m.clone(), total));
                        true
                    }
                    Some((m0, _)) => m0.id == m.id,
                }
            }
        }
        op if op.is_elementwise() && !matches!(op, Op::Fused(_)) => {
            n.inputs.iter().all(|i| collect_mask(i, mask, seen))
        }
        _ => false,
    };
    seen.insert(n.id, ok);
    ok
}

/// The tree with each `x[m]` replaced by `x` (so it has the mask's shape).
fn unmask(n: &NodeRef, memo: &mut HashMap<u64, NodeRef>) -> Option<NodeRef> {
    if let Some(r) = memo.get(&n.id) {
        return Some(r.clone());
    }
    let out = match &n.op {
        Op::Scalar(_) => n.clone(),
        Op::Mask(_) => n.inputs[0].clone(),
        _ => {
            let inputs = n.inputs.iter().map(|i| unmask(i, memo)).collect::<Option<Vec<_>>>()?;
            super::rebuild(n, inputs)
        }
    };
    memo.insert(n.id, out.clone());
    Some(out)
}
