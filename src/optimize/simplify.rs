//! Simplification: local rewrites that remove work without changing a
//! single value. A rechunk to the chunks an array already has, or of
//! another rechunk, a transpose of a transpose, a reshape or broadcast to
//! the shape it already has, a cast to its own dtype, and double negations
//! (`-(-x)`, `~~x`, `not not b`) collapse. Programs rarely spell these out,
//! but they appear when user functions are composed (`center(center(x))`,
//! `x.T.T`) and after other rewrites.

use super::Pass;
use crate::ir::chunks::{AxisChunks, ChunkSpec};
use crate::ir::ops::UnaryFn;
use crate::ir::{NodeRef, Op, build};

pub struct Simplify;

impl Pass for Simplify {
    fn name(&self) -> &'static str {
        "simplify"
    }

    fn rewrite(&self, root: &NodeRef) -> NodeRef {
        super::rewrite_bottom_up(root, &|n| {
            // Each rule may expose another (a rechunk of a rechunk that lands
            // on the original grid), so apply until none fires; every rule
            // removes a node.
            let mut out = rule(n)?;
            while let Some(next) = rule(&out) {
                out = next;
            }
            Some(out)
        })
    }
}

/// The simpler equivalent of `n`, if a rule applies.
fn rule(n: &NodeRef) -> Option<NodeRef> {
    let x = n.inputs.first()?;
    match &n.op {
        Op::Rechunk if x.chunks == n.chunks => Some(x.clone()),
        Op::Rechunk if matches!(x.op, Op::Rechunk) => {
            let spec = ChunkSpec::PerAxis(
                n.chunks.iter().map(|c| AxisChunks::Explicit(c.clone())).collect(),
            );
            build::rechunk(&x.inputs[0], &spec).ok()
        }
        Op::Transpose(outer) => {
            if let Op::Transpose(inner) = &x.op {
                // Output axis i is inner axis outer[i], which is source axis inner[outer[i]].
                let composed: Vec<usize> = outer.iter().map(|&i| inner[i]).collect();
                let source = &x.inputs[0];
                if composed.iter().enumerate().all(|(i, &a)| i == a) {
                    return Some(source.clone());
                }
                return build::transpose(source, composed).ok();
            }
            outer.iter().enumerate().all(|(i, &a)| i == a).then(|| x.clone())
        }
        Op::Reshape | Op::BroadcastTo if x.shape == n.shape => Some(x.clone()),
        Op::Reshape if matches!(x.op, Op::Reshape) => {
            let shape: Vec<i64> = n.shape.iter().map(|&d| d as i64).collect();
            build::reshape(&x.inputs[0], &shape).ok()
        }
        Op::Cast if x.dtype == n.dtype => Some(x.clone()),
        Op::Unary(f @ (UnaryFn::Neg | UnaryFn::Invert | UnaryFn::LogicalNot)) => {
            let inner = &x.inputs.first()?;
            let same_fn = matches!(&x.op, Op::Unary(g) if g == f);
            // `not` turns numbers into bools, so only bool `not not b` is b.
            let exact = *f != UnaryFn::LogicalNot || inner.dtype.is_bool();
            (same_fn && exact && inner.dtype == n.dtype).then(|| (*inner).clone())
        }
        _ => None,
    }
}
