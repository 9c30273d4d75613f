//! The executor: computes a node's value chunk by chunk on a rayon pool.
//!
//! [`compute`] splits the root's chunk grid into tasks (one region each),
//! runs them in parallel and assembles the result. Each task pulls exactly
//! the input regions it needs (`eval.rs`), fused elementwise kernels run
//! tile by tile (`kernel.rs`), and reductions combine block partials in a
//! fixed tree (`reduce.rs`), so results do not depend on the thread count.
//! Reductions of one input share one pass over it (`siblings.rs`), and
//! reductions of `x - x.mean(0)` hold column strips of `x` (`strips.rs`).
//! A cancellation flag is checked between regions and tiles, and finished
//! tasks are counted for the progress bar (`progress.rs`).

pub mod binning;
pub mod elem_ops;
pub mod eval;
pub mod kernel;
mod lane_sum;
pub mod leaf;
pub mod mask;
pub mod matmul;
pub mod plan;
pub mod progress;
mod quantile;
pub mod reduce;
pub mod region;
pub mod scan;
pub(crate) mod siblings;
pub mod sort;
pub mod store;
pub(crate) mod strips;
#[cfg(test)]
mod tests;
mod trig;

use crate::array::{ArrayData, Elem};
use crate::diag::{Diagnostic, ErrorKind};
use crate::ir::NodeRef;
use crate::with_data;
use rayon::prelude::*;
use region::{Region, chunk_regions};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

pub type ExecResult<T> = Result<T, Diagnostic>;

/// Reduction results kept for reuse within one computation (e.g. the mean
/// in `x - x.mean(0)` is needed by every row of chunks), up to this size.
const MEMO_BYTES: usize = 256 << 20;

/// Only results of nodes at most this large in total are kept: a small
/// result is what many consumers ask for again, while the regions of a big
/// one (`(d*d).sum(-1)` of a 7000² distance matrix) are each read once,
/// and keeping them would hold the whole intermediate.
const MEMO_NODE_BYTES: u64 = 64 << 20;

/// Cached reduction results by (node id, region).
type Memo = HashMap<(u64, Region), Arc<ArrayData>>;

/// State shared by the tasks of one computation.
pub struct Ctx {
    cancel: Arc<AtomicBool>,
    progress: Arc<progress::Progress>,
    memo: Mutex<(usize, Memo)>,
    /// Reductions of one input sharing a pass over it (`siblings.rs`).
    pub(crate) siblings: siblings::Siblings,
    /// Regions of operands held while a column strip is worked on
    /// (`strips.rs`).
    held: strips::HeldRegions,
}

pub fn cancelled() -> Diagnostic {
    Diagnostic::global(ErrorKind::Cancelled, "computation cancelled")
}

impl Ctx {
    pub fn new(cancel: Arc<AtomicBool>) -> Ctx {
        Ctx::with_progress(cancel, Arc::default())
    }

    /// A context whose tasks are counted on `progress`.
    pub fn with_progress(cancel: Arc<AtomicBool>, progress: Arc<progress::Progress>) -> Ctx {
        Ctx {
            cancel,
            progress,
            memo: Mutex::new((0, HashMap::new())),
            siblings: Default::default(),
            held: Default::default(),
        }
    }

    pub fn progress(&self) -> &progress::Progress {
        &self.progress
    }

    /// Runs `f` on every item in parallel, counting each as a task.
    pub(crate) fn run_tasks<I: Sync, T: Send>(
        &self,
        items: &[I],
        f: impl Fn(&I) -> ExecResult<T> + Sync + Send,
    ) -> ExecResult<Vec<T>> {
        self.progress.add_tasks(items.len());
        items
            .par_iter()
            .map(|item| {
                let r = f(item);
                self.progress.task_done();
                r
            })
            .collect()
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub fn check_cancel(&self) -> ExecResult<()> {
        if self.cancelled() { Err(cancelled()) } else { Ok(()) }
    }

    pub(crate) fn memo_get(&self, node: &NodeRef, region: &Region) -> Option<Arc<ArrayData>> {
        if node.nbytes() > MEMO_NODE_BYTES {
            return None;
        }
        let m = self.memo.lock().unwrap_or_else(|e| e.into_inner());
        m.1.get(&(node.id, region.clone())).cloned()
    }

    pub(crate) fn memo_put(&self, node: &NodeRef, region: &Region, data: Arc<ArrayData>) {
        if node.nbytes() > MEMO_NODE_BYTES {
            return;
        }
        let id = node.id;
        let mut m = self.memo.lock().unwrap_or_else(|e| e.into_inner());
        let bytes = data.nbytes();
        if m.0 + bytes <= MEMO_BYTES {
            m.0 += bytes;
            m.1.insert((id, region.clone()), data);
        }
    }
}

/// Computes the whole value of `root`.
pub fn compute(root: &NodeRef, ctx: &Ctx) -> ExecResult<ArrayData> {
    ctx.siblings.find(root);
    let regions = chunk_regions(&root.chunks);
    let blocks: Vec<ArrayData> = ctx.run_tasks(&regions, |r| eval::eval(root, r, ctx))?;
    if blocks.len() == 1 {
        return Ok(blocks.into_iter().next().expect("one block"));
    }
    let mut out = ArrayData::zeros(root.dtype, &root.shape);
    for (r, b) in regions.iter().zip(blocks) {
        with_data!(&mut out, o, T => {
            let src = T::unwrap(b).expect("block dtype");
            o.slice_each_axis_mut(|ax| {
                let a = r[ax.axis.index()];
                ndarray::Slice::from(a.start as isize..a.start as isize + a.len as isize)
            })
            .assign(&src);
        });
    }
    Ok(out)
}
