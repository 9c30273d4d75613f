//! Reductions: per-block partial results combined in a fixed tree.
//!
//! A reduction over a region walks its input's chunk grid along the reduced
//! axes; each block (one input chunk along those axes) becomes a partial
//! result, the blocks run in parallel, and the partials are combined
//! pairwise in block order. The combination tree depends only on the chunk
//! grid, never on thread count or scheduling, so results are bit-identical
//! at 1 and N threads. Mean is a sum divided by the static count; variance
//! combines (mean, M2) pairs with Chan's parallel formula. A block is
//! evaluated in cache-sized pieces, split along a kept axis when the lanes
//! are long and trailing (whole lanes per piece), else along the first
//! reduced axis; a reduction with siblings (other reductions of its input)
//! shares each chunk's pieces with them (`siblings.rs`); a reduction of
//! `x - x.mean(0)` and the like runs in column strips that hold their
//! columns of `x` (`strips.rs`).

use super::eval::{eval, reshape_data};
use super::leaf;
use super::region::{AxisRange, Region, chunk_regions};
use super::siblings;
use super::strips;
use super::{Ctx, ExecResult};
use crate::array::{ArrayData, DType, Elem};
use crate::exec::elem_ops::Num;
use crate::ir::ops::ReduceOp;
use crate::ir::{NodeRef, Op, graph_nodes};
use crate::with_data;
use ndarray::{ArrayD, ArrayViewD, Axis};
use std::sync::Arc;

/// A block's contribution, over the kept axes.
pub(super) enum Partial {
    Float(ArrayD<f64>),
    Int(ArrayD<i64>),
    /// min/max keep the input dtype.
    Same(ArrayData),
    Bool(ArrayD<bool>),
    Moments {
        n: f64,
        mean: ArrayD<f64>,
        m2: ArrayD<f64>,
    },
    /// argmax/argmin: the best value and its index along the axis.
    Arg {
        best: ArrayData,
        index: ArrayD<i64>,
    },
}

impl Partial {
    /// Bytes held, for the budget of partials waiting for a sibling.
    pub(super) fn nbytes(&self) -> usize {
        match self {
            Partial::Float(a) => a.len() * 8,
            Partial::Int(a) => a.len() * 8,
            Partial::Same(d) => d.nbytes(),
            Partial::Bool(a) => a.len(),
            Partial::Moments { mean, m2, .. } => (mean.len() + m2.len()) * 8,
            Partial::Arg { best, index } => best.nbytes() + index.len() * 8,
        }
    }
}

pub fn eval_reduce(node: &NodeRef, region: &Region, ctx: &Ctx) -> ExecResult<ArrayData> {
    let Op::Reduce { op, axes, keepdims } = &node.op else { unreachable!("called on a reduction") };
    if let Some(hit) = ctx.memo_get(node, region) {
        return Ok((*hit).clone());
    }
    let x = &node.inputs[0];
    let mut base: Region = Vec::with_capacity(x.ndim());
    let mut o = 0;
    for a in 0..x.ndim() {
        if axes.contains(&a) {
            base.push(AxisRange::full(x.shape[a]));
            o += usize::from(*keepdims);
        } else {
            base.push(region[o]);
            o += 1;
        }
    }
    let in_strips = match strips::plan(node) {
        Some(plan) => strips::reduce(node, &plan, &base, ctx)?,
        None => None,
    };
    let total = match in_strips {
        Some(total) => total,
        None => {
            let reduced: Vec<Vec<usize>> = axes.iter().map(|&a| x.chunks[a].clone()).collect();
            let partials: Vec<Partial> = ctx.run_tasks(&chunk_regions(&reduced), |br| {
                let mut r = base.clone();
                for (k, &a) in axes.iter().enumerate() {
                    r[a] = br[k];
                }
                match ctx.siblings.of(x.id) {
                    Some(group) if siblings::is_chunk(x, &r) => {
                        sibling_partial(node, &group, r, ctx)
                    }
                    _ => block_partial(x, r, axes, *op, ctx),
                }
            })?;
            tree_combine(partials, *op)
        }
    };
    let count: usize = axes.iter().map(|&a| x.shape[a]).product();
    let out = finalize(*op, total, count as f64, node.dtype);
    let shape: Vec<usize> = region.iter().map(|r| r.len).collect();
    let out = reshape_data(out, &shape);
    ctx.memo_put(node, region, Arc::new(out.clone()));
    Ok(out)
}

/// Elements evaluated at once inside a block: small enough to stay in L2
/// and to be served from the allocator's free lists (fresh pages cost far
/// more than the arithmetic), large enough to amortize per-piece overhead.
pub const PIECE: usize = 32 * 1024;

/// Elements per piece when the block reads a file. Every piece is a
/// separate call into the file library (for HDF5, under its global lock),
/// which costs microseconds and serialises the workers: 32 Ki-element
/// pieces made the sum of a 1 GB HDF5 dataset spend more time switching
/// threads than copying bytes. A Mi-element piece (4–8 MiB) amortizes that.
pub const FILE_PIECE: usize = 1024 * 1024;

/// A block's partial, computed in pieces and put together in a fixed
/// order (so still deterministic). Pieces normally split the first reduced
/// axis and their partials combine; when every piece can hold whole lanes
/// (see [`whole_lane_split`]) they split a kept axis instead and their
/// partials are placed side by side.
fn block_partial(
    x: &NodeRef,
    r: Region,
    axes: &[usize],
    op: ReduceOp,
    ctx: &Ctx,
) -> ExecResult<Partial> {
    let Some(&first) = axes.first() else {
        // Reducing over no axes (a 0-d input): each element is its own result.
        return Ok(partial(op, eval(x, &r, ctx)?, axes, 0));
    };
    let kept_split = whole_lane_split(&r, axes);
    let split = kept_split.unwrap_or(first);
    let len = r[split].len;
    let rows = rows_per_piece(x, split, piece_elements(x));
    if rows >= len || !cost_follows_region(x) {
        return piece_partial(x, &r, axes, op, ctx);
    }
    if kept_split.is_none()
        && let Some(p) = strips::held_float_sum(x, &r, (split, rows), axes, op, ctx)
    {
        return Ok(p);
    }
    let mut acc: Option<Partial> = None;
    let mut placed = Vec::new();
    for piece in pieces(&r, Some(split), rows) {
        let p = piece_partial(x, &piece, axes, op, ctx)?;
        if kept_split.is_some() {
            placed.push(p);
        } else {
            acc = Some(match acc {
                None => p,
                Some(a) => combine(a, p, op),
            });
        }
    }
    Ok(match kept_split {
        // The reduced axes are the trailing ones, so a kept axis has the
        // same index among the partial's axes.
        Some(axis) => concat_partials(placed, axis),
        None => acc.expect("at least one piece"),
    })
}

/// The partial of one piece `r` of `x`. A float sum or mean over every
/// axis of a fused float64 kernel is added up tile by tile as the kernel
/// produces it (by [`LaneSum`](super::lane_sum::LaneSum): the same bits as
/// summing the stored piece), so the piece is never stored:
/// `abs(x - x.mean(0)).sum()` and the Lennard-Jones energy skip a write and
/// a read of every element.
pub(super) fn piece_partial(
    x: &NodeRef,
    r: &Region,
    axes: &[usize],
    op: ReduceOp,
    ctx: &Ctx,
) -> ExecResult<Partial> {
    let full_float_sum = matches!(op, ReduceOp::Sum | ReduceOp::Mean)
        && axes.len() == x.ndim()
        && x.dtype == DType::Float64;
    if full_float_sum && let Some(sum) = super::eval::fused_sum(x, r, ctx)? {
        return Ok(Partial::Float(ndarray::arr0(sum).into_dyn()));
    }
    let whole = axes.first().map(|&a| (a, r[a].len));
    if let Some(p) = whole.and_then(|w| strips::held_float_sum(x, r, w, axes, op, ctx)) {
        return Ok(p);
    }
    let base = axes.first().map_or(0, |&a| r[a].start);
    Ok(partial(op, eval(x, r, ctx)?, axes, base))
}

/// `node`'s partial for block `r` (one chunk of its input) when other
/// reductions of the same input exist: taken from what a sibling left, or
/// computed together with every sibling's partial for the same chunk from
/// one evaluation of each piece, the others' partials left for them.
///
/// One rule for everyone, so the bits do not depend on who computes: the
/// chunk is split along its first axis longer than one; a reduction over
/// that axis combines the pieces' partials in order, any other places them
/// side by side.
fn sibling_partial(node: &NodeRef, group: &[NodeRef], r: Region, ctx: &Ctx) -> ExecResult<Partial> {
    if let Some(p) = ctx.siblings.take(node, &r) {
        return Ok(p);
    }
    let x = &node.inputs[0];
    let members: Vec<(&NodeRef, ReduceOp, &[usize])> = group
        .iter()
        .map(|m| match &m.op {
            Op::Reduce { op, axes, .. } => (m, *op, axes.as_slice()),
            _ => unreachable!("siblings are reductions"),
        })
        .collect();
    let split = (0..r.len()).find(|&a| r[a].len > 1);
    let mut combined: Vec<Option<Partial>> = members.iter().map(|_| None).collect();
    let mut placed: Vec<Vec<Partial>> = members.iter().map(|_| Vec::new()).collect();
    let reduces_split = |axes: &[usize]| split.is_none_or(|s| axes.contains(&s));
    let rows = split.map_or(1, |s| rows_per_piece(x, s, piece_elements(x)));
    for piece in pieces(&r, split, rows) {
        let mut data = Some(eval(x, &piece, ctx)?);
        for (k, &(_, op, axes)) in members.iter().enumerate() {
            // The last member takes the piece itself, the others a copy.
            let d = if k + 1 == members.len() { data.take() } else { data.clone() };
            let base = axes.first().map_or(0, |&a| piece[a].start);
            let p = partial(op, d.expect("taken once"), axes, base);
            if reduces_split(axes) {
                combined[k] = Some(match combined[k].take() {
                    None => p,
                    Some(a) => combine(a, p, op),
                });
            } else {
                placed[k].push(p);
            }
        }
    }
    let mut mine = None;
    for (k, &(m, _, axes)) in members.iter().enumerate() {
        let p = match (combined[k].take(), split) {
            (Some(p), _) => p,
            (None, Some(s)) => {
                // The split axis's index among the partial's (kept) axes.
                let axis = s - axes.iter().filter(|&&a| a < s).count();
                concat_partials(std::mem::take(&mut placed[k]), axis)
            }
            (None, None) => unreachable!("without a split every member combines"),
        };
        if m.id == node.id {
            mine = Some(p);
        } else {
            ctx.siblings.leave(m, &r, p);
        }
    }
    Ok(mine.expect("a reduction is in its own group"))
}

/// Block `r` cut along axis `split` into consecutive pieces of `rows`
/// (whole rows of the other axes; the last piece may be shorter), in
/// order; the whole block when there is no axis to split.
pub(super) fn pieces(r: &Region, split: Option<usize>, rows: usize) -> Vec<Region> {
    let Some(s) = split else { return vec![r.clone()] };
    let len = r[s].len;
    (0..len)
        .step_by(rows.max(1))
        .map(|start| {
            let mut p = r.clone();
            p[s] = AxisRange {
                start: r[s].start + start as i64 * r[s].step,
                step: r[s].step,
                len: rows.max(1).min(len - start),
            };
            p
        })
        .collect()
}

/// Rows of axis `split` per piece of about `piece` elements of `x`: the
/// budget over the product of `x`'s largest chunk along every other axis.
/// It depends on `x`'s chunking only, never on the region asked for, so
/// every lane is folded in the same row groups whether its block is asked
/// for whole or as a narrow strip (`strips.rs` relies on this: a strip's
/// column means have the bits of the whole block's).
fn rows_per_piece(x: &NodeRef, split: usize, piece: usize) -> usize {
    let row: usize = (0..x.ndim())
        .filter(|&a| a != split)
        .map(|a| x.chunks[a].iter().copied().max().unwrap_or(1).max(1))
        .product();
    (piece / row.max(1)).max(1)
}

/// Elements per lane (the product of the reduced lengths) from which a
/// block is split along a kept axis: pieces then read long contiguous runs
/// (`sum(axis=1)` of generated data had pieces of 1000 rows × 32 columns,
/// which generate in runs of 32) and each lane folds in one sequence.
/// Short lanes keep splitting the reduced axis: the `sum(-1)` over a
/// length-3 axis of Lennard-Jones ran 2× slower split along a kept axis,
/// because its broadcast leaves then load 3-element runs.
const WHOLE_LANE_MIN: usize = 256;

/// The kept axis to split a block along when the reduced axes are the
/// trailing axes of the block and their lanes are long: the first kept
/// axis longer than one.
fn whole_lane_split(r: &Region, axes: &[usize]) -> Option<usize> {
    let nd = r.len();
    let trailing = axes.iter().enumerate().all(|(k, &a)| a == nd - axes.len() + k);
    let lane: usize = axes.iter().map(|&a| r[a].len).product();
    if !trailing || lane < WHOLE_LANE_MIN {
        return None;
    }
    (0..nd - axes.len()).find(|&a| r[a].len > 1)
}

/// Joins the partials of pieces that split a kept axis, in piece order.
pub(super) fn concat_partials(parts: Vec<Partial>, axis: usize) -> Partial {
    fn cat<T: Clone>(arrays: Vec<ArrayD<T>>, axis: usize) -> ArrayD<T> {
        let views: Vec<_> = arrays.iter().map(|a| a.view()).collect();
        let joined = ndarray::concatenate(Axis(axis), &views).expect("pieces agree off the axis");
        if joined.is_standard_layout() { joined } else { joined.as_standard_layout().into_owned() }
    }
    fn cat_data(arrays: Vec<ArrayData>, axis: usize) -> ArrayData {
        let mut it = arrays.into_iter();
        let first = it.next().expect("at least one piece");
        with_data!(first, a, T => {
            let mut all = vec![a];
            all.extend(it.map(|d| T::unwrap(d).expect("one dtype per reduction")));
            T::wrap(cat(all, axis))
        })
    }
    let kind = "partials of one reduction have one kind";
    // Partials that are one array: unwrap each piece's and join them.
    macro_rules! join {
        ($variant:ident, $cat:ident) => {
            Partial::$variant($cat(
                parts
                    .into_iter()
                    .map(|p| match p {
                        Partial::$variant(a) => a,
                        _ => unreachable!("{kind}"),
                    })
                    .collect(),
                axis,
            ))
        };
    }
    match parts.first() {
        Some(Partial::Float(_)) => join!(Float, cat),
        Some(Partial::Int(_)) => join!(Int, cat),
        Some(Partial::Bool(_)) => join!(Bool, cat),
        Some(Partial::Same(_)) => join!(Same, cat_data),
        Some(Partial::Moments { n, .. }) => {
            let n = *n;
            let (mut means, mut m2s) = (Vec::new(), Vec::new());
            for p in parts {
                let Partial::Moments { mean, m2, .. } = p else { unreachable!("{kind}") };
                means.push(mean);
                m2s.push(m2);
            }
            Partial::Moments { n, mean: cat(means, axis), m2: cat(m2s, axis) }
        }
        Some(Partial::Arg { .. }) => {
            let (mut bests, mut indices) = (Vec::new(), Vec::new());
            for p in parts {
                let Partial::Arg { best, index } = p else { unreachable!("{kind}") };
                bests.push(best);
                indices.push(index);
            }
            Partial::Arg { best: cat_data(bests, axis), index: cat(indices, axis) }
        }
        None => unreachable!("at least one piece"),
    }
}

/// Whether computing part of `x` costs in proportion to the part: false
/// when a mask is below, since any piece of a masked result evaluates its
/// whole row block of the mask, a matrix product, whose every piece
/// reads whole panels of its right operand, or a tall factor, whose every
/// piece refactors whole row blocks.
pub(super) fn cost_follows_region(x: &NodeRef) -> bool {
    !graph_nodes(x)
        .iter()
        .any(|n| matches!(n.op, Op::Mask(_) | Op::MatMul { .. } | Op::TallFactor(_)))
}

/// How many elements of `x` a reduction evaluates at once.
pub(super) fn piece_elements(x: &NodeRef) -> usize {
    if reads_a_file(x) { FILE_PIECE } else { PIECE }
}

/// Whether `x` reads from a file anywhere below it.
pub(super) fn reads_a_file(x: &NodeRef) -> bool {
    graph_nodes(x).iter().any(|n| matches!(n.op, Op::Read(..)))
}

/// Folds `a` over `axes` (highest first so indices stay valid). Reducing
/// everything, or only the last axis, walks memory contiguously.
pub(super) fn fold<T: Clone>(
    a: ArrayViewD<T>,
    axes: &[usize],
    init: T,
    f: impl Fn(&T, &T) -> T,
) -> ArrayD<T> {
    if axes.len() == a.ndim() && a.is_standard_layout() {
        let acc = a.iter().fold(init, |acc, v| f(&acc, v));
        return ndarray::arr0(acc).into_dyn();
    }
    if axes.len() == 1 && axes[0] + 1 == a.ndim() {
        let n = a.shape()[axes[0]];
        if let (Some(v), true) = (a.as_slice(), n > 0) {
            // Contiguous lanes: a plain loop per lane. Short lanes (a
            // length-3 coordinate axis) get a fixed-length loop that the
            // compiler unrolls: generic per-lane iteration cost more than the
            // additions. The order is the same, so the bits are too.
            let out: Vec<T> = match n {
                // The pieces of a block split along a short reduced axis.
                1 => v.iter().map(|x| f(&init, x)).collect(),
                2 => fold_short_lanes::<T, 2>(v, &init, &f),
                3 => fold_short_lanes::<T, 3>(v, &init, &f),
                4 => fold_short_lanes::<T, 4>(v, &init, &f),
                _ => fold_long_lanes(v, n, &init, &f),
            };
            let kept = &a.shape()[..axes[0]];
            return ArrayD::from_shape_vec(ndarray::IxDyn(kept), out).expect("one per lane");
        }
        return a
            .map_axis(Axis(axes[0]), |lane| lane.iter().fold(init.clone(), |acc, v| f(&acc, v)));
    }
    if let ([ax], Some(v)) = (axes, a.as_slice()) {
        return fold_inner_axis(v, a.shape(), *ax, init, f);
    }
    let Some((&last, rest)) = axes.split_last() else {
        return a.to_owned();
    };
    let mut acc = a.fold_axis(Axis(last), init.clone(), |acc, v| f(acc, v));
    for &ax in rest.iter().rev() {
        acc = acc.fold_axis(Axis(ax), init.clone(), |acc, v| f(acc, v));
    }
    acc
}

/// One fold per contiguous lane of `N` elements.
fn fold_short_lanes<T: Clone, const N: usize>(
    v: &[T],
    init: &T,
    f: impl Fn(&T, &T) -> T,
) -> Vec<T> {
    let (lanes, _) = v.as_chunks::<N>();
    lanes.iter().map(|lane| lane.iter().fold(init.clone(), |acc, x| f(&acc, x))).collect()
}

/// Lanes folded side by side by [`fold_long_lanes`].
const LANES_AT_ONCE: usize = 8;

/// One fold per contiguous lane of `n` elements, [`LANES_AT_ONCE`] lanes
/// at a time: each lane is still folded from `init` in its own order (the
/// same bits as one lane after another), but the lanes' accumulators are
/// independent, so the additions overlap instead of each waiting for the
/// previous one. Row sums of a 1000-wide block ran at the latency of one
/// addition per element, which made `sum(axis=1)` of generated data cost
/// 60 % more than `sum(axis=0)`.
fn fold_long_lanes<T: Clone>(v: &[T], n: usize, init: &T, f: impl Fn(&T, &T) -> T) -> Vec<T> {
    let mut out = Vec::with_capacity(v.len() / n);
    let mut groups = v.chunks_exact(n * LANES_AT_ONCE);
    for group in &mut groups {
        let [l0, l1, l2, l3, l4, l5, l6, l7]: [&[T]; LANES_AT_ONCE] =
            std::array::from_fn(|j| &group[j * n..(j + 1) * n]);
        // Eight named accumulators, not an array: an array lived on the
        // stack, and every addition waited on a store and a reload.
        let [mut a0, mut a1, mut a2, mut a3, mut a4, mut a5, mut a6, mut a7]: [T; LANES_AT_ONCE] =
            std::array::from_fn(|_| init.clone());
        for k in 0..n {
            a0 = f(&a0, &l0[k]);
            a1 = f(&a1, &l1[k]);
            a2 = f(&a2, &l2[k]);
            a3 = f(&a3, &l3[k]);
            a4 = f(&a4, &l4[k]);
            a5 = f(&a5, &l5[k]);
            a6 = f(&a6, &l6[k]);
            a7 = f(&a7, &l7[k]);
        }
        out.extend([a0, a1, a2, a3, a4, a5, a6, a7]);
    }
    for lane in groups.remainder().chunks_exact(n) {
        out.push(lane.iter().fold(init.clone(), |acc, x| f(&acc, x)));
    }
    out
}

/// Folds a standard-layout array over one axis that is not the last: every
/// step adds one contiguous row of the inner axes into the accumulator row,
/// in order along the axis — the same sequence as `fold_axis`, so the same
/// bits, without its per-row set-up (which dominated column means of
/// narrow blocks, such as the 1000 × 10 pieces of a strided column slice).
fn fold_inner_axis<T: Clone>(
    v: &[T],
    shape: &[usize],
    ax: usize,
    init: T,
    f: impl Fn(&T, &T) -> T,
) -> ArrayD<T> {
    #[cfg(target_arch = "x86_64")]
    if crate::random::simd::level() >= crate::random::simd::Level::Avx2 {
        // SAFETY: the CPU supports AVX2 (checked at run time just above).
        return unsafe { fold_inner_axis_avx2(v, shape, ax, init, f) };
    }
    fold_inner_axis_baseline(v, shape, ax, init, f)
}

/// [`fold_inner_axis`] compiled for AVX2 (the row additions of column
/// means of generated data); same order, same bits.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn fold_inner_axis_avx2<T: Clone>(
    v: &[T],
    shape: &[usize],
    ax: usize,
    init: T,
    f: impl Fn(&T, &T) -> T,
) -> ArrayD<T> {
    fold_inner_axis_baseline(v, shape, ax, init, f)
}

#[inline(always)]
fn fold_inner_axis_baseline<T: Clone>(
    v: &[T],
    shape: &[usize],
    ax: usize,
    init: T,
    f: impl Fn(&T, &T) -> T,
) -> ArrayD<T> {
    let outer: usize = shape[..ax].iter().product();
    let n = shape[ax];
    let inner: usize = shape[ax + 1..].iter().product();
    let mut out = vec![init; outer * inner];
    if inner > 0 && n > 0 {
        for (acc_row, block) in out.chunks_exact_mut(inner).zip(v.chunks_exact(n * inner)) {
            for row in block.chunks_exact(inner) {
                for (acc, x) in acc_row.iter_mut().zip(row) {
                    *acc = f(acc, x);
                }
            }
        }
    }
    let mut kept = shape.to_vec();
    kept.remove(ax);
    ArrayD::from_shape_vec(ndarray::IxDyn(&kept), out).expect("one per lane")
}

/// Sum of all elements with eight interleaved accumulators (in a fixed
/// order, so deterministic): vectorizes, and is more accurate than one
/// running sum.
fn sum_lanes(a: &ArrayD<f64>) -> f64 {
    let mut sum = super::lane_sum::LaneSum::default();
    match a.as_slice() {
        Some(v) => sum.add(v),
        None => sum.add(&a.iter().copied().collect::<Vec<_>>()),
    }
    sum.finish()
}

fn as_f64(d: ArrayData) -> ArrayD<f64> {
    match d {
        ArrayData::F64(a) => a,
        other => f64::unwrap(other.cast(DType::Float64)).expect("cast to f64"),
    }
}

/// Whether `v` should replace the current best `b` (strictly better, so the
/// first occurrence wins; the first NaN wins over everything).
fn better<T: Num>(v: T, b: T, max: bool) -> bool {
    !b.is_nan() && (v.is_nan() || if max { v > b } else { v < b })
}

/// argmax/argmin of one block whose reduced axis starts at index `base`.
fn arg_partial(data: ArrayData, axis: usize, base: i64, max: bool) -> Partial {
    with_data!(data, a, T => {
        let mut best = Vec::new();
        let mut index = Vec::new();
        for lane in a.lanes(Axis(axis)) {
            let mut bi = 0usize;
            for (i, &v) in lane.iter().enumerate() {
                if better(v, lane[bi], max) {
                    bi = i;
                }
            }
            best.push(lane[bi]);
            index.push(base + bi as i64);
        }
        let mut kept = a.shape().to_vec();
        kept.remove(axis);
        Partial::Arg {
            best: T::wrap(ArrayD::from_shape_vec(ndarray::IxDyn(&kept), best).expect("one per lane")),
            index: ArrayD::from_shape_vec(ndarray::IxDyn(&kept), index).expect("one per lane"),
        }
    })
}

fn partial(op: ReduceOp, data: ArrayData, axes: &[usize], base: i64) -> Partial {
    let float_result = op.result_dtype(data.dtype()).is_float();
    match op {
        // The commonest pieces: hand their buffer back for the next one.
        ReduceOp::Sum | ReduceOp::Mean if float_result => {
            let a = as_f64(data);
            let sum = if axes.len() == a.ndim() {
                ndarray::arr0(sum_lanes(&a)).into_dyn()
            } else {
                fold(a.view(), axes, 0.0, |a, b| a + b)
            };
            // Only piece-sized buffers: those generators can fill again.
            // (Larger ones, like file-read pieces, would only sit in the pool.)
            if a.len() <= PIECE {
                leaf::recycle(ArrayData::F64(a));
            }
            Partial::Float(sum)
        }
        ReduceOp::Prod if float_result => {
            Partial::Float(fold(as_f64(data).view(), axes, 1.0, |a, b| a * b))
        }
        ReduceOp::Sum => {
            let a = i64::unwrap(data.cast(DType::Int64)).expect("cast to i64");
            Partial::Int(fold(a.view(), axes, 0, |a, b| a.wrapping_add(*b)))
        }
        ReduceOp::Prod => {
            let a = i64::unwrap(data.cast(DType::Int64)).expect("cast to i64");
            Partial::Int(fold(a.view(), axes, 1, |a, b| a.wrapping_mul(*b)))
        }
        ReduceOp::Mean => Partial::Float(fold(as_f64(data).view(), axes, 0.0, |a, b| a + b)),
        ReduceOp::ArgMax | ReduceOp::ArgMin => {
            arg_partial(data, axes[0], base, op == ReduceOp::ArgMax)
        }
        ReduceOp::Min | ReduceOp::Max => {
            let is_max = op == ReduceOp::Max;
            Partial::Same(with_data!(data, a, T => {
                // Start each lane from the identity (-inf/+inf, or the
                // integer range's end); NaN still propagates.
                let init = if is_max { T::lowest() } else { T::highest() };
                T::wrap(fold(a.view(), axes, init, |acc, v| if is_max { acc.max_nan(*v) } else { acc.min_nan(*v) }))
            }))
        }
        ReduceOp::Any | ReduceOp::All => {
            let b = bool::unwrap(data.cast(DType::Bool)).expect("cast to bool");
            Partial::Bool(if op == ReduceOp::Any {
                fold(b.view(), axes, false, |a, v| *a || *v)
            } else {
                fold(b.view(), axes, true, |a, v| *a && *v)
            })
        }
        ReduceOp::Var { .. } | ReduceOp::Std { .. } => {
            let a = as_f64(data);
            let n: usize = axes.iter().map(|&ax| a.shape()[ax]).product();
            let sum = fold(a.view(), axes, 0.0, |p, q| p + q);
            let mean = sum.mapv(|s| s / n.max(1) as f64);
            let mut keep_shape = a.shape().to_vec();
            for &ax in axes {
                keep_shape[ax] = 1;
            }
            let mean_keep = mean.clone().into_shape_with_order(keep_shape).expect("same size");
            let dev = (&a - &mean_keep).mapv(|d| d * d);
            let m2 = fold(dev.view(), axes, 0.0, |p, q| p + q);
            Partial::Moments { n: n as f64, mean, m2 }
        }
    }
}

pub(super) fn combine(a: Partial, b: Partial, op: ReduceOp) -> Partial {
    match (a, b) {
        (Partial::Float(x), Partial::Float(y)) => {
            Partial::Float(if op == ReduceOp::Prod { x * y } else { x + y })
        }
        (Partial::Int(x), Partial::Int(y)) => {
            let mut x = x;
            if op == ReduceOp::Prod {
                x.zip_mut_with(&y, |p, q| *p = p.wrapping_mul(*q));
            } else {
                x.zip_mut_with(&y, |p, q| *p = p.wrapping_add(*q));
            }
            Partial::Int(x)
        }
        (Partial::Same(x), Partial::Same(y)) => Partial::Same(with_data!(x, p, T => {
            let mut p = p;
            let q = T::unwrap(y).expect("same dtype");
            let is_max = op == ReduceOp::Max;
            p.zip_mut_with(&q, |u, v| *u = if is_max { u.max_nan(*v) } else { u.min_nan(*v) });
            T::wrap(p)
        })),
        (Partial::Arg { best: bx, index: mut ix }, Partial::Arg { best: by, index: iy }) => {
            let max = op == ReduceOp::ArgMax;
            let best = with_data!(bx, p, T => {
                let mut p = p;
                let q = T::unwrap(by).expect("same dtype");
                ndarray::Zip::from(&mut p).and(&q).and(&mut ix).and(&iy).for_each(|u, &v, i, &j| {
                    if better(v, *u, max) {
                        *u = v;
                        *i = j;
                    }
                });
                T::wrap(p)
            });
            Partial::Arg { best, index: ix }
        }
        (Partial::Bool(mut x), Partial::Bool(y)) => {
            let any = op == ReduceOp::Any;
            x.zip_mut_with(&y, |p, q| *p = if any { *p || *q } else { *p && *q });
            Partial::Bool(x)
        }
        (
            Partial::Moments { n: na, mean: ma, m2: sa },
            Partial::Moments { n: nb, mean: mb, m2: sb },
        ) => {
            let n = na + nb;
            if n == 0.0 {
                return Partial::Moments { n, mean: ma, m2: sa };
            }
            let delta = &mb - &ma;
            let mean = &ma + &delta.mapv(|d| d * nb / n);
            let m2 = &sa + &sb + &delta.mapv(|d| d * d * na * nb / n);
            Partial::Moments { n, mean, m2 }
        }
        _ => unreachable!("partials of one reduction have one kind"),
    }
}

/// Combines partials pairwise in index order: a fixed tree.
pub(super) fn tree_combine(mut parts: Vec<Partial>, op: ReduceOp) -> Partial {
    while parts.len() > 1 {
        let mut next = Vec::with_capacity(parts.len().div_ceil(2));
        let mut it = parts.into_iter();
        while let Some(a) = it.next() {
            next.push(match it.next() {
                Some(b) => combine(a, b, op),
                None => a,
            });
        }
        parts = next;
    }
    parts.pop().expect("a reduction has at least one block")
}

fn finalize(op: ReduceOp, p: Partial, count: f64, dtype: DType) -> ArrayData {
    match (op, p) {
        (ReduceOp::Mean, Partial::Float(s)) => ArrayData::F64(s.mapv(|v| v / count)).cast(dtype),
        (_, Partial::Float(s)) => ArrayData::F64(s).cast(dtype),
        (_, Partial::Int(s)) => ArrayData::I64(s).cast(dtype),
        (_, Partial::Same(d)) => d,
        (_, Partial::Arg { index, .. }) => ArrayData::I64(index),
        (_, Partial::Bool(b)) => ArrayData::Bool(b),
        (ReduceOp::Var { ddof } | ReduceOp::Std { ddof }, Partial::Moments { m2, .. }) => {
            let denom = (count - ddof as f64).max(0.0);
            let var = m2.mapv(|v| v / denom);
            let out = if matches!(op, ReduceOp::Std { .. }) { var.mapv(f64::sqrt) } else { var };
            ArrayData::F64(out).cast(dtype)
        }
        (_, Partial::Moments { .. }) => unreachable!("moments only for var/std"),
    }
}
