//! Sibling reductions: several reductions of one input computed from one
//! pass over it.
//!
//! `x.mean(axis=0) + x.mean(axis=1)` (which is what the optimizer makes of
//! `(x + x.T).mean(axis=0)`) needs every chunk of `x` twice, once per
//! reduction; when `x` is generated or read, that doubles the dominant
//! cost. Reductions of one input are *siblings*: whichever of them first
//! evaluates a chunk of `x` computes every sibling's partial for that chunk
//! from the same pieces and leaves the others' partials here, where the
//! sibling takes them when it reaches that chunk.
//!
//! Results stay deterministic: a sibling's partial for a chunk is computed
//! by one fixed rule (pieces along the chunk's first axis longer than one,
//! see `reduce::sibling_partial`) whoever computes it, and a sibling
//! that finds no partial here computes the same thing itself. Partials wait
//! here only up to [`SHARED_BYTES`]; past that a sibling recomputes. A
//! sibling that never asks for a chunk (it is only needed on a slice)
//! leaves its partials unused: wasted folds, bounded memory.

use super::reduce::{Partial, cost_follows_region};
use super::region::Region;
use crate::ir::{NodeRef, Op, graph_nodes};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Most bytes of partials waiting for their sibling at once.
const SHARED_BYTES: usize = 64 << 20;

/// Partials waiting for their sibling, by (reduction id, block region).
type Waiting = HashMap<(u64, Region), Partial>;

/// The sibling groups of a computation and the partials they left.
#[derive(Default)]
pub struct Siblings {
    /// Reductions by the id of their input, for inputs with several.
    groups: Mutex<HashMap<u64, Arc<Vec<NodeRef>>>>,
    /// (bytes held, partials).
    waiting: Mutex<(usize, Waiting)>,
    /// Partials taken from a sibling (for tests and diagnostics).
    taken: std::sync::atomic::AtomicUsize,
}

impl Siblings {
    /// Records the sibling groups under `root` (several reductions of one
    /// input whose pieces cost in proportion to their size).
    pub fn find(&self, root: &NodeRef) {
        let mut by_input: HashMap<u64, Vec<NodeRef>> = HashMap::new();
        for n in graph_nodes(root) {
            if let Op::Reduce { .. } = n.op {
                by_input.entry(n.inputs[0].id).or_default().push(n.clone());
            }
        }
        let mut groups = self.groups.lock().unwrap_or_else(|e| e.into_inner());
        for (input, members) in by_input {
            if members.len() > 1 && cost_follows_region(&members[0].inputs[0]) {
                groups.insert(input, Arc::new(members));
            }
        }
    }

    /// The reductions of the input with id `input`, when it has several.
    pub fn of(&self, input: u64) -> Option<Arc<Vec<NodeRef>>> {
        let groups = self.groups.lock().unwrap_or_else(|e| e.into_inner());
        groups.get(&input).cloned()
    }

    /// The partial a sibling left for `node`'s block `region`, if any.
    pub(super) fn take(&self, node: &NodeRef, region: &Region) -> Option<Partial> {
        let mut w = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        let p = w.1.remove(&(node.id, region.clone()))?;
        w.0 -= p.nbytes();
        self.taken.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some(p)
    }

    /// How many partials were taken from a sibling so far.
    #[cfg(test)]
    pub fn taken(&self) -> usize {
        self.taken.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Leaves `node`'s partial for block `region`, if there is room and
    /// none is waiting already.
    pub(super) fn leave(&self, node: &NodeRef, region: &Region, p: Partial) {
        let mut w = self.waiting.lock().unwrap_or_else(|e| e.into_inner());
        let bytes = p.nbytes();
        let key = (node.id, region.clone());
        if w.0 + bytes <= SHARED_BYTES && !w.1.contains_key(&key) {
            w.0 += bytes;
            w.1.insert(key, p);
        }
    }
}

/// Whether `r` is exactly one chunk of `x` (the blocks that siblings
/// evaluating `x` chunk by chunk all ask for).
pub fn is_chunk(x: &NodeRef, r: &Region) -> bool {
    r.iter().zip(&x.chunks).all(|(a, sizes)| {
        let mut start = 0i64;
        a.step == 1
            && sizes.iter().any(|&n| {
                let hit = a.start == start && a.len == n;
                start += n as i64;
                hit
            })
    })
}
