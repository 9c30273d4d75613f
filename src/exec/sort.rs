//! Sorting (`Op::Sort`) and order statistics (`Op::OrderStat`) of a region.
//!
//! Both need whole lanes: a region's extent on the other (kept) axes is
//! read with the sorted or reduced axes in full. To bound memory, that
//! extent is split into pieces of about `reduce::PIECE` elements (always at
//! least one whole lane, so a lane longer than that is read alone); each
//! piece's lanes are laid out contiguously, sorted or partially ordered in
//! place, and only the requested part is kept. A single lane holding the
//! whole input (`median(x)`) is thus held once, plus nothing for the
//! median and one copy for a sort. Sorting is stable, so the result (and
//! the order of equal elements in `argsort`) is unique: it does not depend
//! on chunks or threads. Long lanes are sorted with rayon's stable
//! parallel sort.

use super::elem_ops::Num;
use super::eval::eval;
use super::quantile;
use super::region::{AxisRange, Region, region_shape};
use super::{Ctx, ExecResult};
use crate::array::{ArrayData, DType, Elem};
use crate::ir::NodeRef;
use crate::ir::order::OrderStat;
use ndarray::{ArrayD, IxDyn};
use rayon::slice::ParallelSliceMut;
use std::cmp::Ordering;

/// Lanes at least this long are sorted in parallel.
const PARALLEL_SORT: usize = 1 << 16;

/// NumPy's sort order: NaNs after everything, equal elements tie.
pub fn nan_last<T: Num>(a: &T, b: &T) -> Ordering {
    a.partial_cmp(b).unwrap_or_else(|| a.is_nan().cmp(&b.is_nan()))
}

/// Receives each piece of a region: its offset within the region and its ranges.
type PieceFn<'a> = dyn FnMut(&[usize], &[AxisRange]) -> ExecResult<()> + 'a;

/// Calls `f(offset, piece)` for pieces of `kept` (ranges over the kept
/// axes) holding at most `max_lanes` lanes each (at least one), in C
/// order; `offset` is the piece's first position within `kept` per axis.
fn for_each_piece(
    kept: &[AxisRange],
    offset: &mut Vec<usize>,
    max_lanes: usize,
    f: &mut PieceFn,
) -> ExecResult<()> {
    let total: usize = kept.iter().map(|r| r.len).product();
    let Some(a) = kept.iter().position(|r| r.len > 1).filter(|_| total > max_lanes) else {
        return f(offset, kept);
    };
    let inner: usize = kept[a + 1..].iter().map(|r| r.len).product();
    let rows = (max_lanes / inner.max(1)).max(1);
    let r = kept[a];
    let mut k = 0;
    while k < r.len {
        let n = rows.min(r.len - k);
        let mut sub = kept.to_vec();
        sub[a] = AxisRange { start: r.start + k as i64 * r.step, step: r.step, len: n };
        offset[a] += k;
        let done = for_each_piece(&sub, offset, max_lanes, f);
        offset[a] -= k;
        done?;
        k += n;
    }
    Ok(())
}

/// Evaluates `x` over `kept` (one range per axis not in `lane_axes`) with
/// the `lane_axes` in full, piece by piece. For every lane (its elements in
/// C order over `lane_axes`, contiguous and mutable) `f` writes `per_lane`
/// outputs. Returns the outputs with shape `kept lengths + [per_lane]`.
fn map_lanes<T: Elem, O: Elem>(
    x: &NodeRef,
    lane_axes: &[usize],
    kept: &[AxisRange],
    per_lane: usize,
    ctx: &Ctx,
    f: &mut dyn FnMut(&mut [T], &mut [O]),
) -> ExecResult<ArrayD<O>> {
    let n: usize = lane_axes.iter().map(|&a| x.shape[a]).product();
    let mut out_shape: Vec<usize> = kept.iter().map(|r| r.len).collect();
    out_shape.push(per_lane);
    let mut out = ArrayD::<O>::default(IxDyn(&out_shape));
    if out.is_empty() {
        return Ok(out);
    }
    let kept_axes: Vec<usize> = (0..x.ndim()).filter(|a| !lane_axes.contains(a)).collect();
    // Below a mask any piece costs its whole row block: read everything at once.
    let max_lanes = if super::reduce::cost_follows_region(x) {
        (super::reduce::PIECE / n.max(1)).max(1)
    } else {
        usize::MAX
    };
    let mut offset = vec![0; kept.len()];
    for_each_piece(kept, &mut offset, max_lanes, &mut |offset, piece| {
        ctx.check_cancel()?;
        let mut region: Region = x.shape.iter().map(|&d| AxisRange::full(d)).collect();
        for (&a, r) in kept_axes.iter().zip(piece) {
            region[a] = *r;
        }
        let data = T::unwrap(eval(x, &region, ctx)?).expect("input dtype");
        // Kept axes first, lane axes last: each lane is then one C-order run.
        let perm: Vec<usize> = kept_axes.iter().chain(lane_axes).copied().collect();
        let mut values = contiguous(data.permuted_axes(IxDyn(&perm)));
        let lanes: usize = piece.iter().map(|r| r.len).product();
        let mut results = vec![O::default(); lanes * per_lane];
        for i in 0..lanes {
            f(&mut values[i * n..(i + 1) * n], &mut results[i * per_lane..(i + 1) * per_lane]);
        }
        let mut shape: Vec<usize> = piece.iter().map(|r| r.len).collect();
        shape.push(per_lane);
        let results = ArrayD::from_shape_vec(IxDyn(&shape), results).expect("one row per lane");
        out.slice_each_axis_mut(|ax| {
            let d = ax.axis.index();
            match offset.get(d) {
                Some(&o) => ndarray::Slice::from(o..o + piece[d].len),
                None => ndarray::Slice::from(..),
            }
        })
        .assign(&results);
        Ok(())
    })?;
    Ok(out)
}

/// The elements of `a` in C order as a vector, without copying when the
/// array already owns exactly them in that order.
fn contiguous<T: Elem>(a: ArrayD<T>) -> Vec<T> {
    if !a.is_standard_layout() {
        return a.iter().copied().collect();
    }
    // Standard layout: the elements are one run of the owned vector.
    let len = a.len();
    let (mut v, offset) = a.into_raw_vec_and_offset();
    let offset = offset.unwrap_or(0);
    if offset != 0 || v.len() != len {
        v.drain(..offset);
        v.truncate(len);
    }
    v
}

/// Moves the last axis of `a` to position `axis`, as a standard-layout array.
fn last_axis_to<O: Elem>(a: ArrayD<O>, axis: usize) -> ArrayD<O> {
    let nd = a.ndim();
    let mut perm: Vec<usize> = (0..nd - 1).collect();
    perm.insert(axis, nd - 1);
    a.permuted_axes(IxDyn(&perm)).as_standard_layout().into_owned()
}

fn stable_sort<T: Send>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering + Sync) {
    if v.len() >= PARALLEL_SORT {
        v.par_sort_by(cmp);
    } else {
        v.sort_by(cmp);
    }
}

pub fn eval_sort(
    node: &NodeRef,
    axis: usize,
    arg: bool,
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<ArrayData> {
    let x = &node.inputs[0];
    crate::with_dtype!(x.dtype, T => sort_region::<T>(node, axis, arg, region, ctx))
}

fn sort_region<T: Num>(
    node: &NodeRef,
    axis: usize,
    arg: bool,
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<ArrayData> {
    let x = &node.inputs[0];
    let want = region[axis];
    let kept: Vec<AxisRange> =
        region.iter().enumerate().filter(|&(a, _)| a != axis).map(|(_, r)| *r).collect();
    let pick = |k: usize| (want.start + k as i64 * want.step) as usize;
    let out = if arg {
        let mut pairs: Vec<(T, i64)> = Vec::new();
        let out = map_lanes::<T, i64>(x, &[axis], &kept, want.len, ctx, &mut |lane, out| {
            pairs.clear();
            pairs.extend(lane.iter().enumerate().map(|(i, &v)| (v, i as i64)));
            stable_sort(&mut pairs, |p, q| nan_last(&p.0, &q.0));
            for (k, o) in out.iter_mut().enumerate() {
                *o = pairs[pick(k)].1;
            }
        })?;
        ArrayData::I64(last_axis_to(out, axis))
    } else {
        let out = map_lanes::<T, T>(x, &[axis], &kept, want.len, ctx, &mut |lane, out| {
            stable_sort(lane, nan_last);
            for (k, o) in out.iter_mut().enumerate() {
                *o = lane[pick(k)];
            }
        })?;
        T::wrap(last_axis_to(out, axis))
    };
    debug_assert_eq!(out.shape(), region_shape(region).as_slice());
    Ok(out)
}

pub fn eval_order_stat(
    node: &NodeRef,
    stat: &OrderStat,
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<ArrayData> {
    let x = &node.inputs[0];
    // The region's quantiles (positions along the leading axis) and kept axes.
    let (chosen, kept): (Vec<usize>, Vec<AxisRange>) = if stat.leading() {
        let r = region[0];
        ((0..r.len).map(|k| (r.start + k as i64 * r.step) as usize).collect(), region[1..].to_vec())
    } else {
        (vec![0], region.clone())
    };
    let axes = &stat.axes;
    let per_lane = chosen.len();
    let out = crate::with_dtype!(x.dtype, T => {
        if stat.takes_elements() {
            let plan = quantile::TakePlan::new(stat, &chosen);
            T::wrap(map_lanes::<T, T>(x, axes, &kept, per_lane, ctx, &mut |lane, out| {
                plan.lane(lane, stat.skip_nan, out)
            })?)
        } else if node.dtype == DType::Float32 {
            let plan = quantile::InterpPlan::new(stat, &chosen);
            f32::wrap(map_lanes::<T, f32>(x, axes, &kept, per_lane, ctx, &mut |lane, out| {
                plan.lane(lane, stat.skip_nan, out)
            })?)
        } else {
            let plan = quantile::InterpPlan::new(stat, &chosen);
            f64::wrap(map_lanes::<T, f64>(x, axes, &kept, per_lane, ctx, &mut |lane, out| {
                plan.lane(lane, stat.skip_nan, out)
            })?)
        }
    });
    // Results are lane-major (kept..., q); the quantile axis goes first.
    let out = crate::with_data!(out, a, O => {
        let a = if stat.leading() { last_axis_to(a, 0) } else { a };
        O::wrap(a.into_shape_with_order(IxDyn(&region_shape(region))).expect("same size"))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_every_lane_once_within_the_bound() {
        let kept = vec![
            AxisRange { start: 1, step: 2, len: 5 },
            AxisRange { start: 9, step: -1, len: 7 },
            AxisRange::full(3),
        ];
        let mut seen = std::collections::HashSet::new();
        let mut offset = vec![0; 3];
        for_each_piece(&kept, &mut offset, 4, &mut |off, piece| {
            let lanes: usize = piece.iter().map(|r| r.len).product();
            assert!(lanes <= 4, "{piece:?}");
            for i in 0..piece[0].len {
                for j in 0..piece[1].len {
                    for k in 0..piece[2].len {
                        // Positions within `kept` must match the ranges' indices.
                        let pos = (off[0] + i, off[1] + j, off[2] + k);
                        assert_eq!(piece[0].start + i as i64 * piece[0].step, 1 + 2 * pos.0 as i64);
                        assert_eq!(piece[1].start + j as i64 * piece[1].step, 9 - pos.1 as i64);
                        assert!(seen.insert(pos), "{pos:?} twice");
                    }
                }
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(seen.len(), 5 * 7 * 3);
    }

    #[test]
    fn a_whole_array_median_is_planned_as_one_copy_of_it() {
        let mut s = crate::Session::new();
        let Ok(Some(crate::Value::Array(n))) =
            s.eval("<t>", "median(random.random((4000, 4000), chunks=1000))")
        else {
            panic!("median did not build")
        };
        let (per_task, _) = super::super::plan::per_task_bytes(&n);
        let input = 4000 * 4000 * 8;
        assert!(per_task >= input && per_task < input + input / 4, "{per_task}");
    }
}
