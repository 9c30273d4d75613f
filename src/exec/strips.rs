//! Column strips: `abs(x - x.mean(0)).sum()` without computing `x` twice.
//!
//! A reduction over axis 0 of a kernel that reads both `x` and a reduction
//! of `x` over axis 0 (`x - x.mean(0)`, `(x - x.mean(0)) / x.std(0)`)
//! needs every element of `x` twice: once for the column statistics, once
//! for the kernel. The executor recomputes rather than holds a whole
//! operand, so a generated `x` used to be generated twice — for `x -
//! x.mean(0)` of random data, most of the work.
//!
//! Here the reduction is instead evaluated in column strips: all rows of
//! `x`, a few columns wide, small enough ([`STRIP_BYTES`]) to stay in the
//! cache. A strip computes its columns of `x` once and *holds* them
//! ([`Held`]): the column statistics and then the kernel read the held
//! values instead of computing them again. Memory stays one strip per
//! worker.
//!
//! Bits: the column statistics of a strip are those of the whole column
//! block (a reduction folds its rows in groups fixed by its input's
//! chunking, not by the region asked for: `reduce::rows_per_piece`); the
//! outer reduction combines the strips' partials in strip order, a tree
//! fixed by the shape, so results are the same at any thread count. They
//! agree with the chunk-by-chunk order to rounding.

use super::reduce::{
    Partial, combine, concat_partials, cost_follows_region, piece_partial, pieces, reads_a_file,
    tree_combine,
};
use super::region::{AxisRange, Region};
use super::{Ctx, ExecResult, eval::eval};
use crate::array::{ArrayData, DType};
use crate::ir::ops::ReduceOp;
use crate::ir::{NodeRef, Op};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

#[cfg(test)]
mod tests;

/// Bytes of `x` one strip holds: a few MiB, so that two workers' strips
/// stay in this machine's 32 MiB L3 while they are read back.
pub const STRIP_BYTES: usize = 4 << 20;

/// Narrowest strip worth holding: below this `x` has so many rows that a
/// strip's runs are too short, and the reduction keeps its usual blocks.
const MIN_WIDTH: usize = 32;

/// How a reduction runs in strips: the operand `x` it holds, the column
/// statistics computed from the held strip first, and the strip width.
pub(super) struct StripPlan {
    x: NodeRef,
    stats: Vec<NodeRef>,
    width: usize,
}

/// The strip plan of reduction `node`, if it has the shape this module
/// handles: a reduction including axis 0 of a fused 2-d kernel that reads
/// some computed `x` of its own shape and at least one reduction of that
/// same `x` over axis 0 alone.
pub(super) fn plan(node: &NodeRef) -> Option<StripPlan> {
    let Op::Reduce { axes, .. } = &node.op else { return None };
    let kernel = &node.inputs[0];
    if kernel.ndim() != 2 || !axes.contains(&0) || !matches!(kernel.op, Op::Fused(_)) {
        return None;
    }
    let stats_of = |x: &NodeRef| -> Vec<NodeRef> {
        kernel
            .inputs
            .iter()
            .filter(|m| {
                matches!(&m.op, Op::Reduce { axes, .. } if axes == &[0]) && m.inputs[0].id == x.id
            })
            .cloned()
            .collect()
    };
    kernel.inputs.iter().find_map(|x| {
        let computed = !matches!(x.op, Op::Literal(_) | Op::Scalar(_));
        if x.shape != kernel.shape || !computed || !cost_follows_region(x) || reads_a_file(x) {
            return None;
        }
        let stats = stats_of(x);
        // A multiple of the random generators' batch of 32 draws, so that
        // a strip's rows do not each end in a mostly unused batch.
        let width = STRIP_BYTES / (x.shape[0].max(1) * x.dtype.size()) / 32 * 32;
        (!stats.is_empty() && width >= MIN_WIDTH).then(|| StripPlan { x: x.clone(), stats, width })
    })
}

/// The strip width of reduction `node` when it runs in column strips
/// (for `explain`).
pub fn strip_width(node: &NodeRef) -> Option<usize> {
    plan(node).map(|p| p.width)
}

/// The total partial of reduction `node` (axes `axes`, operation `op`)
/// over `base` (its input's region: axis 0 whole, the kept columns as
/// asked), strip by strip; `None` when the columns are strided or either
/// axis is empty (the usual blocks handle those).
pub(super) fn reduce(
    node: &NodeRef,
    plan: &StripPlan,
    base: &Region,
    ctx: &Ctx,
) -> ExecResult<Option<Partial>> {
    let Op::Reduce { op, axes, .. } = &node.op else { unreachable!("called on a reduction") };
    let cols = base[1];
    if cols.step != 1 || cols.len == 0 || base[0].len == 0 {
        return Ok(None);
    }
    let strips: Vec<AxisRange> = (0..cols.len)
        .step_by(plan.width)
        .map(|k| AxisRange {
            start: cols.start + k as i64,
            step: 1,
            len: plan.width.min(cols.len - k),
        })
        .collect();
    let kernel = &node.inputs[0];
    let parts = ctx.run_tasks(&strips, |&strip| {
        let region = vec![base[0], strip];
        let _held = Held::new(ctx, &plan.x, &region)?;
        for m in &plan.stats {
            eval(m, &stat_region(m, strip), ctx)?;
        }
        // The kernel's pieces: whole rows of the strip, about a reduction
        // piece each, combined in order.
        let rows = (super::reduce::PIECE / strip.len).max(1);
        let mut acc: Option<Partial> = None;
        for piece in pieces(&region, Some(0), rows) {
            let p = piece_partial(kernel, &piece, axes, *op, ctx)?;
            acc = Some(match acc {
                None => p,
                Some(a) => combine(a, p, *op),
            });
        }
        Ok(acc.expect("a strip has rows"))
    })?;
    Ok(Some(if axes.contains(&1) {
        tree_combine(parts, *op)
    } else {
        // Axis 1 is kept: each strip holds its own columns' results.
        concat_partials(parts, 0)
    }))
}

/// A float64 sum or mean partial of block `r` read straight from `x`'s
/// held values when the block is contiguous there: its rows along the
/// reduced axis `split` folded in groups of `rows`, each group from zero
/// and added to the groups before it — the folds and order of
/// `reduce::block_partial` over pieces of `rows`, so the same bits, without
/// copying each piece out or allocating its partial. (A column mean of a
/// 5000-wide chunk folds 6 rows at a time: as pieces, half its time went to
/// the per-piece overhead.)
pub(super) fn held_float_sum(
    x: &NodeRef,
    r: &Region,
    (split, rows): (usize, usize),
    axes: &[usize],
    op: ReduceOp,
    ctx: &Ctx,
) -> Option<Partial> {
    if !matches!(op, ReduceOp::Sum | ReduceOp::Mean) || x.dtype != DType::Float64 {
        return None;
    }
    if !axes.contains(&split) || rows == 0 {
        return None;
    }
    let (held, within) = ctx.held.find(x.id, r)?;
    let ArrayData::F64(a) = held.as_ref() else { return None };
    if within.iter().any(|w| w.step != 1 && w.len > 1) {
        return None;
    }
    let view = a.slice_each_axis(|ax| {
        let w = within[ax.axis.index()];
        let start = w.start as isize;
        ndarray::Slice::new(start, Some(start + w.len as isize), 1)
    });
    view.as_slice()?;
    let mut acc: Option<ndarray::ArrayD<f64>> = None;
    for start in (0..r[split].len).step_by(rows) {
        let end = (start + rows).min(r[split].len);
        let group = view.slice_axis(ndarray::Axis(split), ndarray::Slice::from(start..end));
        let p = match group.as_slice() {
            Some(v) if axes.len() == view.ndim() => {
                let mut sum = super::lane_sum::LaneSum::default();
                sum.add(v);
                ndarray::arr0(sum.finish()).into_dyn()
            }
            _ => super::reduce::fold(group, axes, 0.0, |a, b| a + b),
        };
        match acc.as_mut() {
            None => acc = Some(p),
            Some(a) => a.zip_mut_with(&p, |s, v| *s += *v),
        }
    }
    acc.map(Partial::Float)
}

/// The region of column statistic `m` (a reduction over axis 0) for the
/// columns `strip`.
fn stat_region(m: &NodeRef, strip: AxisRange) -> Region {
    match m.ndim() {
        2 => vec![AxisRange::full(1), strip],
        _ => vec![strip],
    }
}

/// Regions of nodes held in memory while a strip is worked on: evaluating
/// a held node inside a held region reads the held values.
#[derive(Default)]
pub struct HeldRegions {
    entries: Mutex<Vec<(u64, Region, Arc<ArrayData>)>>,
    /// Number of entries, read without the lock on every evaluation.
    count: AtomicUsize,
    /// Strips held so far (for tests).
    held: AtomicUsize,
}

impl HeldRegions {
    /// The held values of `node` and `region`'s place among them, if some
    /// held region of `node` contains `region`.
    pub fn find(&self, node: u64, region: &Region) -> Option<(Arc<ArrayData>, Region)> {
        if self.count.load(Ordering::Relaxed) == 0 {
            return None;
        }
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.iter().find_map(|(id, held, data)| {
            if *id != node || held.len() != region.len() {
                return None;
            }
            let mut within = Vec::with_capacity(region.len());
            for (r, h) in region.iter().zip(held) {
                if let Some((lo, hi)) = r.bounds()
                    && (lo < h.start || hi >= h.start + h.len as i64)
                {
                    return None;
                }
                within.push(AxisRange { start: r.start - h.start, ..*r });
            }
            Some((data.clone(), within))
        })
    }

    fn insert(&self, node: u64, region: Region, data: Arc<ArrayData>) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.push((node, region, data));
        self.count.store(entries.len(), Ordering::Relaxed);
        self.held.fetch_add(1, Ordering::Relaxed);
    }

    /// How many regions have been held so far.
    #[cfg(test)]
    pub fn strips(&self) -> usize {
        self.held.load(Ordering::Relaxed)
    }

    fn remove(&self, node: u64, region: &Region) -> Option<Arc<ArrayData>> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let k = entries.iter().position(|(id, r, _)| *id == node && r == region)?;
        let (_, _, data) = entries.swap_remove(k);
        self.count.store(entries.len(), Ordering::Relaxed);
        Some(data)
    }
}

/// `x`'s values over `region`, computed once and held until dropped
/// (also when the strip fails or is cancelled).
struct Held<'a> {
    ctx: &'a Ctx,
    node: u64,
    region: Region,
}

impl<'a> Held<'a> {
    fn new(ctx: &'a Ctx, x: &NodeRef, region: &Region) -> ExecResult<Held<'a>> {
        let data = eval(x, region, ctx)?;
        ctx.held.insert(x.id, region.clone(), Arc::new(data));
        Ok(Held { ctx, node: x.id, region: region.clone() })
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        if let Some(data) = self.ctx.held.remove(self.node, &self.region)
            && let Ok(data) = Arc::try_unwrap(data)
        {
            // The next strip on this thread fills the same buffer.
            super::leaf::recycle(data);
        }
    }
}
