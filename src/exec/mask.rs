//! Boolean-mask indexing, `x[mask]`.
//!
//! The number of true elements per chunk of the mask's first axis is
//! counted when the node is built ([`count_per_chunk`]), so the result's
//! length and chunks are known and a user never meets "unknown chunk
//! sizes". Output chunk `i` holds the selected elements of mask chunk `i`
//! in C order; computing it evaluates that chunk's rows of the mask and of
//! `x` (all of the mask's other axes), then gathers the selected elements.

use super::eval::eval;
use super::region::{AxisRange, Region};
use super::{Ctx, ExecResult};
use crate::array::{ArrayData, Elem};
use crate::ir::chunks::offsets;
use crate::ir::{MaskCounts, NodeRef};
use crate::with_data;
use ndarray::{ArrayD, IxDyn};

/// The mask's rows in one chunk of its first axis, all of its other axes.
fn rows(mask: &NodeRef, start: usize, len: usize) -> Region {
    let mut r: Region = mask.shape.iter().map(|&n| AxisRange::full(n)).collect();
    r[0] = AxisRange { start: start as i64, step: 1, len };
    r
}

/// Mask elements counted per task: rows of a block are counted in pieces
/// of about this many elements, so counting never holds a whole row block
/// of the mask (or of what it is computed from).
const COUNT_PIECE: usize = 256 * 1024;

/// True elements in each row block (`lens` along the first axis), counted
/// in pieces of whole rows, in parallel; per-block totals are sums of
/// integers, so the piece order does not matter.
pub fn count_per_chunk(mask: &NodeRef, lens: &[usize], ctx: &Ctx) -> ExecResult<Vec<usize>> {
    let row: usize = mask.shape[1..].iter().product();
    let rows_per_piece = (COUNT_PIECE / row.max(1)).max(1);
    let mut pieces = Vec::new();
    for (block, (&o, &l)) in offsets(lens).iter().zip(lens).enumerate() {
        let mut start = 0;
        while start < l {
            let n = rows_per_piece.min(l - start);
            pieces.push((block, o + start, n));
            start += n;
        }
    }
    let counts = ctx.run_tasks(&pieces, |&(_, start, n)| {
        let data = eval(mask, &rows(mask, start, n), ctx)?;
        let b = bool::unwrap(data).expect("mask is bool");
        Ok(b.iter().filter(|&&v| v).count())
    })?;
    let mut per_block = vec![0; lens.len()];
    for (&(block, _, _), c) in pieces.iter().zip(counts) {
        per_block[block] += c;
    }
    Ok(per_block)
}

pub fn eval_mask(
    node: &NodeRef,
    blocks: &MaskCounts,
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<ArrayData> {
    let (x, mask) = (&node.inputs[0], &node.inputs[1]);
    let (lens, counts) = (&blocks.lens, &blocks.counts);
    let out_shape: Vec<usize> = region.iter().map(|r| r.len).collect();
    let trailing: Vec<usize> = out_shape[1..].to_vec();
    let slab: usize = trailing.iter().product();
    let r0 = region[0];
    let Some((lo, hi)) = r0.bounds() else {
        return Ok(ArrayData::zeros(node.dtype, &out_shape));
    };
    // Output position where each mask chunk's selections start.
    let firsts = offsets(counts);
    let row_offs = offsets(lens);
    with_data!(ArrayData::zeros(node.dtype, &[0]), _z, T => {
        let mut out: Vec<T> = vec![T::default(); out_shape.iter().product()];
        for c in 0..lens.len() {
            let (first, count) = (firsts[c] as i64, counts[c] as i64);
            if count == 0 || first > hi || first + count <= lo {
                continue;
            }
            let mrows = rows(mask, row_offs[c], lens[c]);
            let m = bool::unwrap(eval(mask, &mrows, ctx)?).expect("mask is bool");
            let mut xr = mrows.clone();
            xr.extend_from_slice(&region[1..]);
            debug_assert_eq!(xr.len(), x.ndim());
            let xd = T::unwrap(eval(x, &xr, ctx)?).expect("x dtype");
            let xs = xd.as_slice().expect("standard layout");
            let mut pos = first;
            for (flat, &keep) in m.iter().enumerate() {
                if !keep {
                    continue;
                }
                let rel = pos - r0.start;
                if rel % r0.step == 0 && (0..r0.len as i64).contains(&(rel / r0.step)) {
                    let k = (rel / r0.step) as usize;
                    out[k * slab..(k + 1) * slab].copy_from_slice(&xs[flat * slab..(flat + 1) * slab]);
                }
                pos += 1;
            }
        }
        Ok(T::wrap(ArrayD::from_shape_vec(IxDyn(&out_shape), out).expect("sized to the region")))
    })
}
