//! The optimizer: graph-to-graph rewrites that never compute anything.
//!
//! Each pass is one file implementing [`Pass`] and is tested alone.
//! [`optimize`] runs them in order: simplification, splitting reductions
//! of `a ± a.T`, unrolling short sums (so they fuse), slice pushdown (so
//! fusion sees the smallest inputs), masked reductions turned into
//! streaming ones, then elementwise fusion. In debug builds every pass is
//! checked to keep the root's shape and dtype.

mod fuse;
mod masked_reduce;
mod pushdown;
mod simplify;
mod split_reduce;
#[cfg(test)]
mod tests;
mod unroll_reduce;

pub use fuse::ElementwiseFusion;
pub use masked_reduce::MaskedReduction;
pub use pushdown::SlicePushdown;
pub use simplify::Simplify;
pub use split_reduce::SplitReduce;
pub use unroll_reduce::UnrollReduce;

use crate::ir::build;
use crate::ir::chunks::{AxisChunks, ChunkSpec};
use crate::ir::{NodeRef, Op};
use std::collections::HashMap;
use std::sync::Arc;

/// One rewrite of the whole graph under a root.
pub trait Pass {
    fn name(&self) -> &'static str;
    fn rewrite(&self, root: &NodeRef) -> NodeRef;
}

pub fn passes() -> Vec<Box<dyn Pass>> {
    vec![
        Box::new(Simplify),
        Box::new(SplitReduce),
        Box::new(UnrollReduce),
        Box::new(SlicePushdown),
        Box::new(MaskedReduction),
        Box::new(ElementwiseFusion),
    ]
}

pub fn optimize(root: &NodeRef) -> NodeRef {
    let mut g = root.clone();
    for p in passes() {
        let next = p.rewrite(&g);
        debug_assert_eq!(
            (&next.shape, next.dtype),
            (&g.shape, g.dtype),
            "pass {} changed the result type",
            p.name()
        );
        g = next;
    }
    g
}

/// Rewrites the graph under `root` bottom-up: each node is rebuilt over its
/// rewritten inputs, then replaced by `rule`'s result when it returns one.
/// Memoized by node id, so a shared subexpression is rewritten once and
/// stays shared. The walk of every pass that rewrites node by node.
pub fn rewrite_bottom_up(root: &NodeRef, rule: &dyn Fn(&NodeRef) -> Option<NodeRef>) -> NodeRef {
    fn walk(
        n: &NodeRef,
        rule: &dyn Fn(&NodeRef) -> Option<NodeRef>,
        memo: &mut HashMap<u64, NodeRef>,
    ) -> NodeRef {
        if let Some(r) = memo.get(&n.id) {
            return r.clone();
        }
        let inputs: Vec<NodeRef> = n.inputs.iter().map(|i| walk(i, rule, memo)).collect();
        let rebuilt = rebuild(n, inputs);
        let out = rule(&rebuilt).unwrap_or(rebuilt);
        memo.insert(n.id, out.clone());
        out
    }
    walk(root, rule, &mut HashMap::new())
}

/// The same operation as `n` over new inputs (shape, dtype and chunks
/// re-inferred). Returns `n` itself when the inputs did not change.
pub fn rebuild(n: &NodeRef, inputs: Vec<NodeRef>) -> NodeRef {
    if inputs.len() == n.inputs.len()
        && inputs.iter().zip(&n.inputs).all(|(a, b)| Arc::ptr_eq(a, b))
    {
        return n.clone();
    }
    let rebuilt = match &n.op {
        Op::Unary(f) => build::unary(*f, &inputs[0]),
        Op::Binary(f) => build::binary(*f, &inputs[0], &inputs[1]),
        Op::Where => build::where_(&inputs[0], &inputs[1], &inputs[2]),
        Op::Cast => Ok(build::cast(&inputs[0], n.dtype)),
        Op::Slice(s) => build::slice(&inputs[0], s.clone()),
        Op::BroadcastTo => build::broadcast_to(&inputs[0], &n.shape),
        Op::Transpose(p) => build::transpose(&inputs[0], p.clone()),
        Op::Reshape => {
            build::reshape(&inputs[0], &n.shape.iter().map(|&d| d as i64).collect::<Vec<_>>())
        }
        Op::Rechunk => build::rechunk(
            &inputs[0],
            &ChunkSpec::PerAxis(n.chunks.iter().map(|c| AxisChunks::Explicit(c.clone())).collect()),
        ),
        Op::Reduce { op, axes, keepdims } => {
            build::reduce(&inputs[0], *op, axes.clone(), *keepdims)
        }
        Op::Concat(axis) => build::concatenate(&inputs, *axis),
        Op::Scan { axis, product } => build::scan(&inputs[0], *axis, *product),
        Op::Take { axis, indices } => build::take(&inputs[0], *axis, indices.clone()),
        Op::Mask(counts) => build::mask(&inputs[0], &inputs[1], counts.clone()),
        Op::Lookup { table, kind } => {
            Ok(crate::ir::binning::lookup(&inputs[0], table.clone(), *kind))
        }
        Op::Bin(b) => Ok(crate::ir::binning::bin(inputs, b.clone(), n.dtype)),
        Op::Sort { axis, arg } => crate::ir::order::sort(&inputs[0], *axis, *arg),
        Op::OrderStat(stat) => crate::ir::order::order_stat(&inputs[0], stat.clone()),
        Op::MatMul { .. } => crate::ir::matmul::matmul(&inputs[0], &inputs[1]),
        Op::TallFactor(f) => Ok(crate::linalg::tall_q::node(&inputs[0], f.clone(), n.dtype)),
        Op::Fused(_) => {
            Ok(crate::ir::intern(n.op.clone(), inputs, n.shape.clone(), n.dtype, n.chunks.clone()))
        }
        Op::Literal(_) | Op::Scalar(_) | Op::Generate(..) | Op::Read(..) => Ok(n.clone()),
    };
    rebuilt.expect("rewrites keep shapes and dtypes valid")
}
