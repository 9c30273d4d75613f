//! Unrolling short reductions: a sum, mean or product over one axis of at
//! most [`UNROLL_MAX`] elements of an elementwise expression becomes that
//! expression's slices along the axis, added (or multiplied) together.
//! `(diff * diff).sum(-1)` over the length-3 coordinate axis of the
//! Lennard-Jones program becomes `d[..., 0]**2 + d[..., 1]**2 + d[..., 2]**2`.
//!
//! Why: a reduction stops fusion, so its input is computed into memory
//! three elements per lane and folded, and its result is stored before the
//! next kernel reads it again. Unrolled, the slices move down to the
//! sources (slice pushdown runs next), and the reduction and everything
//! after it become one elementwise kernel over the result's shape.
//!
//! The bits are the same as the executor's: a float sum folds each lane in
//! float64 from zero in axis order, `((0 + x0) + x1) + x2`, and so does
//! `(x0 + x1) + x2` (adding zero first only turns a −0.0 into +0.0); a
//! product starts from one, which changes nothing; a mean divides that sum
//! by the length; float32 input is added in float64 and the result cast
//! back, as the executor does. Integer, boolean and other reductions are
//! left alone.

use super::Pass;
use crate::array::DType;
use crate::ir::ops::{BinaryFn, ReduceOp};
use crate::ir::{AxisSel, NodeRef, Op, Scalar, build};

/// Longest axis unrolled: the coordinate axes of points, colours and
/// quaternions. Longer lanes fold efficiently in the executor, and an
/// unrolled expression grows with the length.
pub const UNROLL_MAX: usize = 4;

pub struct UnrollReduce;

impl Pass for UnrollReduce {
    fn name(&self) -> &'static str {
        "unroll-reduce"
    }

    fn rewrite(&self, root: &NodeRef) -> NodeRef {
        super::rewrite_bottom_up(root, &rule)
    }
}

fn rule(n: &NodeRef) -> Option<NodeRef> {
    let Op::Reduce { op: op @ (ReduceOp::Sum | ReduceOp::Mean | ReduceOp::Prod), axes, keepdims } =
        &n.op
    else {
        return None;
    };
    let x = &n.inputs[0];
    let &[axis] = axes.as_slice() else { return None };
    let len = x.shape[axis];
    // Only an elementwise input: its slices move to the sources and fuse.
    // A stored array's slices would be strided reads of the same bytes.
    let elementwise = x.op.is_elementwise() && !matches!(x.op, Op::Fused(_));
    if !elementwise || !x.dtype.is_float() || n.dtype != x.dtype || !(1..=UNROLL_MAX).contains(&len)
    {
        return None;
    }
    let combine = if *op == ReduceOp::Prod { BinaryFn::Mul } else { BinaryFn::Add };
    let mut acc: Option<NodeRef> = None;
    for k in 0..len {
        let sels: Vec<AxisSel> = (0..x.ndim())
            .map(|a| match a {
                _ if a != axis => AxisSel::Range { start: 0, step: 1, len: x.shape[a] },
                _ if *keepdims => AxisSel::Range { start: k as i64, step: 1, len: 1 },
                _ => AxisSel::Index(k),
            })
            .collect();
        let term = build::slice(x, sels).ok()?;
        // The executor accumulates float sums and products in float64.
        let term =
            if term.dtype == DType::Float64 { term } else { build::cast(&term, DType::Float64) };
        acc = Some(match acc {
            None => term,
            Some(a) => build::binary(combine, &a, &term).ok()?,
        });
    }
    let mut out = acc?;
    if *op == ReduceOp::Mean {
        let count = build::scalar(Scalar::Float(len as f64), DType::Float64);
        out = build::binary(BinaryFn::TrueDiv, &out, &count).ok()?;
    }
    if out.dtype != n.dtype {
        out = build::cast(&out, n.dtype);
    }
    (out.shape == n.shape).then_some(out)
}
