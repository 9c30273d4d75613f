//! Elementwise fusion: every maximal tree of elementwise operations
//! (arithmetic, comparisons, casts, `where`, broadcasting between them)
//! becomes one `Fused` node running a single tile kernel, so `x*2+1`
//! allocates no full-size temporary. A subexpression shared inside one tree
//! becomes one register; one shared between trees is recomputed per tree,
//! which costs a few instructions per element instead of a stored array.
//!
//! A subtree that broadcasting expands is not fused into its consumer: in
//! `c[:, None] - c[None, :]` with `c` an elementwise expression of 7000
//! elements, fusing would recompute `c` for each of the 49 million output
//! elements. Such a subtree becomes its own kernel, evaluated once per
//! output region over its own (small) region and read with zero strides.

use super::Pass;
use crate::exec::kernel::Program;
use crate::ir::{NodeRef, Op, intern};
use std::collections::HashMap;
use std::sync::Arc;

pub struct ElementwiseFusion;

impl Pass for ElementwiseFusion {
    fn name(&self) -> &'static str {
        "elementwise-fusion"
    }

    fn rewrite(&self, root: &NodeRef) -> NodeRef {
        let mut memo = HashMap::new();
        fuse(root, &mut memo)
    }
}

/// Whether `m`, an elementwise node inside the tree rooted at `root`, is
/// expanded by broadcasting on its way to `root` (and computes something),
/// so that computing it once per region beats computing it per element.
fn is_broadcast_subtree(m: &NodeRef, root: &NodeRef) -> bool {
    let computes = !matches!(m.op, Op::Cast) || !m.inputs.iter().all(|i| i.inputs.is_empty());
    computes && m.size().saturating_mul(2) <= root.size()
}

fn fuse(n: &NodeRef, memo: &mut HashMap<u64, NodeRef>) -> NodeRef {
    if let Some(r) = memo.get(&n.id) {
        return r.clone();
    }
    let out = if n.op.is_elementwise() {
        let (prog, leaves) = Program::compile(n, &|m| {
            !m.op.is_elementwise() || (m.id != n.id && is_broadcast_subtree(m, n))
        });
        let leaves: Vec<NodeRef> = leaves.iter().map(|l| fuse(l, memo)).collect();
        intern(Op::Fused(Arc::new(prog)), leaves, n.shape.clone(), n.dtype, n.chunks.clone())
    } else {
        let inputs: Vec<NodeRef> = n.inputs.iter().map(|i| fuse(i, memo)).collect();
        super::rebuild(n, inputs)
    };
    memo.insert(n.id, out.clone());
    out
}
