//! Scans: `cumsum` and `cumprod` along an axis.
//!
//! Element `i` needs everything before it, so a region starting at index
//! `lo` first combines the totals of the input's whole chunks below `lo`
//! (each computed once per computation and cached), in chunk order, then
//! runs through its own span. The order depends only on the chunk grid, so
//! results are the same at any thread count.

use super::eval::eval;
use super::region::{AxisRange, Region};
use super::{Ctx, ExecResult};
use crate::array::{ArrayData, DType, Elem};
use crate::ir::NodeRef;
use crate::ir::chunks::offsets;
use crate::with_data;
use ndarray::{Axis, IxDyn};
use std::sync::Arc;

/// The running values are kept as f64 for float results and i64 (wrapping)
/// for integer ones; both are exact for what NumPy computes in those types.
fn combine<T: Elem + Copy>(a: T, b: T, product: bool) -> T {
    use crate::exec::elem_ops::Num;
    match T::DTYPE {
        DType::Float64 | DType::Float32 => {
            let (x, y) = (a.to_f64(), b.to_f64());
            T::from_f64(if product { x * y } else { x + y })
        }
        _ => {
            let (x, y) = (a.to_i64(), b.to_i64());
            T::from_i64(if product { x.wrapping_mul(y) } else { Num::add(x, y) })
        }
    }
}

pub fn eval_scan(
    node: &NodeRef,
    axis: usize,
    product: bool,
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<ArrayData> {
    let x = &node.inputs[0];
    let shape: Vec<usize> = region.iter().map(|r| r.len).collect();
    let Some((lo, hi)) = region[axis].bounds() else {
        return Ok(ArrayData::zeros(node.dtype, &shape));
    };
    let lens = &x.chunks[axis];
    let offs = offsets(lens);
    // The chunk holding `lo`: whole chunks below it contribute their totals.
    let c_lo = offs.iter().rposition(|&o| o as i64 <= lo).unwrap_or(0);
    let mut others = region.clone();
    let mut prefix: Option<ArrayData> = None;
    for c in 0..c_lo {
        others[axis] = AxisRange { start: offs[c] as i64, step: 1, len: lens[c] };
        let total = chunk_total(node, x, axis, product, &others, ctx)?;
        prefix = Some(match prefix {
            None => total,
            Some(p) => zip(p, &total, product),
        });
    }
    // Run from the start of lo's chunk through hi.
    others[axis] =
        AxisRange { start: offs[c_lo] as i64, step: 1, len: (hi - offs[c_lo] as i64 + 1) as usize };
    let span = eval(x, &others, ctx)?.cast(node.dtype);
    let run = with_data!(span, a, T => {
        let mut a = a;
        if let Some(p) = &prefix {
            let p = T::unwrap_ref(p).expect("prefix dtype");
            let mut first = a.index_axis_mut(Axis(axis), 0);
            first.zip_mut_with(p, |u, &v| *u = combine(v, *u, product));
        }
        for i in 1..a.shape()[axis] {
            let (before, mut after) = a.view_mut().split_at(Axis(axis), i);
            let prev = before.index_axis(Axis(axis), i - 1);
            after.index_axis_mut(Axis(axis), 0).zip_mut_with(&prev, |u, &v| *u = combine(v, *u, product));
        }
        T::wrap(a)
    });
    // Pick the region's indices along the axis out of the run.
    let mut pick = region.iter().map(|r| AxisRange::full(r.len)).collect::<Vec<_>>();
    let r = region[axis];
    pick[axis] = AxisRange { start: r.start - offs[c_lo] as i64, step: r.step, len: r.len };
    let out = super::eval::slice_data(&run, &pick);
    Ok(with_data!(out, a, T => T::wrap(a.into_shape_with_order(IxDyn(&shape)).expect("same size"))))
}

/// The total of one chunk along the axis (cached for the computation).
fn chunk_total(
    node: &NodeRef,
    x: &NodeRef,
    axis: usize,
    product: bool,
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<ArrayData> {
    // Cache under the scan node's id with the chunk's region as the key.
    if let Some(hit) = ctx.memo_get(node, region) {
        return Ok((*hit).clone());
    }
    let data = eval(x, region, ctx)?.cast(node.dtype);
    let total = with_data!(data, a, T => {
        let init = if product { T::from_i64(1) } else { T::from_i64(0) };
        T::wrap(a.fold_axis(Axis(axis), init, |&acc, &v| combine(acc, v, product)))
    });
    ctx.memo_put(node, region, Arc::new(total.clone()));
    Ok(total)
}

fn zip(a: ArrayData, b: &ArrayData, product: bool) -> ArrayData {
    with_data!(a, p, T => {
        let mut p = p;
        p.zip_mut_with(T::unwrap_ref(b).expect("same dtype"), |u, &v| *u = combine(*u, v, product));
        T::wrap(p)
    })
}
