//! Pull-based evaluation: compute any region of any node.
//!
//! `eval(node, region)` computes exactly the elements of `region`, asking
//! its inputs only for the regions they need: a slice asks its input for a
//! strided region, a transpose for a permuted one, a broadcast for a
//! collapsed one, and a reduction walks its input's chunks along the
//! reduced axes. Memory in flight is therefore one region per level of
//! the expression per worker, never a whole intermediate array.

use super::leaf::{Leaf, generate_region, input_region};
use super::region::{AxisRange, Region, region_shape};
use super::{Ctx, ExecResult, kernel, reduce};
use crate::array::{ArrayData, Elem};
use crate::ir::{AxisSel, NodeRef, Op, Scalar};
use crate::with_data;
use ndarray::{IxDyn, Slice};

pub fn eval(node: &NodeRef, region: &Region, ctx: &Ctx) -> ExecResult<ArrayData> {
    ctx.check_cancel()?;
    if let Some((held, within)) = ctx.held.find(node.id, region) {
        return Ok(slice_data(&held, &within));
    }
    let shape = region_shape(region);
    match &node.op {
        Op::Literal(data) => Ok(slice_data(data, region)),
        Op::Scalar(s) => Ok(scalar_data(*s, node)),
        Op::Generate(..) => Ok(generate_region(node, region)),
        Op::Read(source, view) => crate::io::source::read_region(source.as_ref(), view, region),
        Op::Unary(_) | Op::Binary(_) | Op::Where | Op::Cast => {
            let (prog, leaves) = kernel::Program::compile(node, &|n| n.id != node.id);
            run_fused(node, &prog, &leaves, region, ctx)
        }
        Op::Fused(prog) => run_fused(node, prog, &node.inputs, region, ctx),
        Op::Slice(sels) => {
            let input = &node.inputs[0];
            let mut in_region = Vec::with_capacity(input.ndim());
            let mut o = 0;
            for s in sels {
                match *s {
                    AxisSel::Range { start, step, .. } => {
                        let r = region[o];
                        in_region.push(AxisRange {
                            start: start + r.start * step,
                            step: r.step * step,
                            len: r.len,
                        });
                        o += 1;
                    }
                    AxisSel::Index(i) => {
                        in_region.push(AxisRange { start: i as i64, step: 1, len: 1 })
                    }
                    AxisSel::NewAxis => o += 1,
                }
            }
            let data = eval(input, &in_region, ctx)?;
            Ok(reshape_data(data, &shape))
        }
        Op::BroadcastTo => {
            let input = &node.inputs[0];
            let (in_region, _) = input_region(input, &node.shape, region);
            let data = eval(input, &in_region, ctx)?;
            Ok(with_data!(data, a, T => T::wrap(
                a.broadcast(IxDyn(&shape)).expect("broadcast checked at build").to_owned()
            )))
        }
        Op::Transpose(perm) => {
            let input = &node.inputs[0];
            let mut in_region = vec![AxisRange::full(0); perm.len()];
            for (i, &p) in perm.iter().enumerate() {
                in_region[p] = region[i];
            }
            let data = eval(input, &in_region, ctx)?;
            Ok(with_data!(data, a, T => T::wrap(
                a.permuted_axes(IxDyn(perm)).as_standard_layout().into_owned()
            )))
        }
        Op::Reshape => eval_reshape(node, region, ctx),
        Op::Rechunk => eval(&node.inputs[0], region, ctx),
        Op::Concat(axis) => eval_concat(node, *axis, region, ctx),
        Op::Scan { axis, product } => super::scan::eval_scan(node, *axis, *product, region, ctx),
        Op::Take { axis, indices } => eval_take(node, *axis, indices, region, ctx),
        Op::Mask(counts) => super::mask::eval_mask(node, counts, region, ctx),
        Op::Reduce { .. } => reduce::eval_reduce(node, region, ctx),
        Op::Lookup { table, kind } => super::binning::eval_lookup(node, table, *kind, region, ctx),
        Op::Bin(b) => super::binning::eval_bin(node, b, region, ctx),
        Op::Sort { axis, arg } => super::sort::eval_sort(node, *axis, *arg, region, ctx),
        Op::OrderStat(stat) => super::sort::eval_order_stat(node, stat, region, ctx),
        Op::MatMul { k_block } => super::matmul::eval_matmul(node, *k_block, region, ctx),
        Op::TallFactor(f) => crate::linalg::tall_q::eval(node, f, region, ctx),
    }
}

fn run_fused(
    node: &NodeRef,
    prog: &kernel::Program,
    inputs: &[NodeRef],
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<ArrayData> {
    let leaves = fused_leaves(node, inputs, region, ctx)?;
    let shape = region_shape(region);
    kernel::run(prog, &leaves, &shape, &|| ctx.cancelled()).ok_or_else(super::cancelled)
}

/// The sum of `region` of a fused float64 kernel, computed without storing
/// the region ([`kernel::run_sum`]); `None` when `node` is not one.
pub fn fused_sum(node: &NodeRef, region: &Region, ctx: &Ctx) -> ExecResult<Option<f64>> {
    ctx.check_cancel()?;
    let Op::Fused(prog) = &node.op else { return Ok(None) };
    if prog.output_dtype() != crate::array::DType::Float64 {
        return Ok(None);
    }
    let leaves = fused_leaves(node, &node.inputs, region, ctx)?;
    let shape = region_shape(region);
    kernel::run_sum(prog, &leaves, &shape, &|| ctx.cancelled())
        .map(Some)
        .ok_or_else(super::cancelled)
}

/// The leaves a fused kernel reads for `region`: generators and in-memory
/// arrays read in place, other inputs computed for the region they need.
fn fused_leaves(
    node: &NodeRef,
    inputs: &[NodeRef],
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<Vec<Leaf>> {
    let mut leaves = Vec::with_capacity(inputs.len());
    for input in inputs {
        let (in_region, broadcast) = input_region(input, &node.shape, region);
        if let Some((held, within)) = ctx.held.find(input.id, &in_region) {
            leaves.push(Leaf::in_place(&held, &within, &broadcast));
            continue;
        }
        leaves.push(match &input.op {
            Op::Generate(generator, view) => {
                Leaf::generator(generator, view, &in_region, &broadcast)
            }
            Op::Literal(data) if with_data!(data.as_ref(), a, _T => a.is_standard_layout()) => {
                Leaf::in_place(data, &in_region, &broadcast)
            }
            _ => Leaf::data(eval(input, &in_region, ctx)?, &broadcast),
        });
    }
    Ok(leaves)
}

fn scalar_data(s: Scalar, node: &NodeRef) -> ArrayData {
    crate::with_dtype!(node.dtype, T => T::wrap(ndarray::arr0(s.to_elem::<T>()).into_dyn()))
}

/// The elements of `region` of in-memory data, as a new standard-layout array.
pub fn slice_data(data: &ArrayData, region: &Region) -> ArrayData {
    with_data!(data, a, T => {
        let view = a.slice_each_axis(|ax| {
            let r = region[ax.axis.index()];
            match r.bounds() {
                None => Slice::new(0, Some(0), 1),
                Some((lo, hi)) => Slice::new(lo as isize, Some(hi as isize + 1), r.step as isize),
            }
        });
        T::wrap(view.as_standard_layout().into_owned())
    })
}

/// Reinterprets data with the same number of elements under a new shape.
pub fn reshape_data(data: ArrayData, shape: &[usize]) -> ArrayData {
    with_data!(data, a, T => {
        let a = if a.is_standard_layout() { a } else { a.as_standard_layout().into_owned() };
        T::wrap(a.into_shape_with_order(IxDyn(shape)).expect("same element count"))
    })
}

/// A general C-order reshape of any region: the output elements' flat
/// indices span a range; the input block covering that range is computed
/// once and the elements are gathered from it. Regions whose block would be
/// much larger than themselves are split first, to bound memory.
fn eval_reshape(node: &NodeRef, region: &Region, ctx: &Ctx) -> ExecResult<ArrayData> {
    let input = &node.inputs[0];
    let shape = region_shape(region);
    let n: usize = shape.iter().product();
    if n == 0 {
        return Ok(ArrayData::zeros(node.dtype, &shape));
    }
    let out_strides = super::leaf::c_strides(&node.shape);
    let flat_of =
        |idx: &[i64]| -> i64 { idx.iter().zip(&out_strides).map(|(&i, &s)| i * s as i64).sum() };
    let lo_idx: Vec<i64> = region.iter().map(|r| r.bounds().expect("non-empty").0).collect();
    let hi_idx: Vec<i64> = region.iter().map(|r| r.bounds().expect("non-empty").1).collect();
    let (lo, hi) = (flat_of(&lo_idx), flat_of(&hi_idx));
    let block = input_block(&input.shape, lo as usize, hi as usize);
    let block_len: usize = block.iter().map(|r| r.len).product();
    if block_len > 4 * n + (1 << 16)
        && let Some(axis) = region.iter().position(|r| r.len > 1)
    {
        // Split the region in two along its first non-trivial axis.
        let r = region[axis];
        let half = r.len / 2;
        let mut a = region.clone();
        let mut b = region.clone();
        a[axis] = AxisRange { start: r.start, step: r.step, len: half };
        b[axis] =
            AxisRange { start: r.start + half as i64 * r.step, step: r.step, len: r.len - half };
        let (da, db) = (eval_reshape(node, &a, ctx)?, eval_reshape(node, &b, ctx)?);
        return Ok(concat(da, db, axis));
    }
    let data = eval(input, &block, ctx)?;
    let block_start: i64 = {
        let in_strides = super::leaf::c_strides(&input.shape);
        block.iter().zip(&in_strides).map(|(r, &s)| r.start * s as i64).sum()
    };
    let nd = shape.len();
    Ok(with_data!(data, a, T => {
        let src = a.as_slice().expect("standard layout");
        let mut out = Vec::with_capacity(n);
        let mut idx = vec![0usize; nd];
        for _ in 0..n {
            let flat: i64 = (0..nd).map(|d| (region[d].start + idx[d] as i64 * region[d].step) * out_strides[d] as i64).sum();
            out.push(src[(flat - block_start) as usize]);
            for d in (0..nd).rev() {
                idx[d] += 1;
                if idx[d] < shape[d] {
                    break;
                }
                idx[d] = 0;
            }
        }
        T::wrap(ndarray::ArrayD::from_shape_vec(IxDyn(&shape), out).expect("counted"))
    }))
}

/// The smallest input region that is one contiguous C-order run covering
/// flat indices `lo..=hi`: fixed indices on the outer axes where `lo` and
/// `hi` agree, a range on the first axis where they differ, whole axes inside.
fn input_block(shape: &[usize], lo: usize, hi: usize) -> Region {
    let unravel = |mut f: usize| {
        let mut idx = vec![0usize; shape.len()];
        for a in (0..shape.len()).rev() {
            idx[a] = f % shape[a];
            f /= shape[a];
        }
        idx
    };
    let (l, h) = (unravel(lo), unravel(hi));
    let mut out = Vec::with_capacity(shape.len());
    let mut differ = false;
    for a in 0..shape.len() {
        if differ {
            out.push(AxisRange::full(shape[a]));
        } else if l[a] == h[a] {
            out.push(AxisRange { start: l[a] as i64, step: 1, len: 1 });
        } else {
            differ = true;
            out.push(AxisRange { start: l[a] as i64, step: 1, len: h[a] - l[a] + 1 });
        }
    }
    out
}

/// Concatenates two chunks of the same dtype along `axis`, in standard
/// layout (ndarray may lay the result out like its inputs, and kernels
/// read their leaves as C-order slices).
pub fn concat(a: ArrayData, b: ArrayData, axis: usize) -> ArrayData {
    with_data!(a, x, T => {
        let y = T::unwrap(b).expect("same dtype");
        let joined = ndarray::concatenate(ndarray::Axis(axis), &[x.view(), y.view()]).expect("same shape off-axis");
        T::wrap(if joined.is_standard_layout() { joined } else { joined.as_standard_layout().into_owned() })
    })
}

/// A region of a concatenation: the region's indices along `axis` are
/// monotonic, so each input serves one contiguous run of them; the runs are
/// computed separately and joined in output order.
fn eval_concat(node: &NodeRef, axis: usize, region: &Region, ctx: &Ctx) -> ExecResult<ArrayData> {
    let r = region[axis];
    // (first k, input, input offset) for each input the region touches.
    let mut pieces: Vec<(usize, usize, i64)> = Vec::new();
    let mut offset = 0i64;
    for (i, input) in node.inputs.iter().enumerate() {
        let n = input.shape[axis] as i64;
        if let Some(k0) = first_k_in(r, offset, offset + n) {
            pieces.push((k0, i, offset));
        }
        offset += n;
    }
    pieces.sort_unstable();
    let mut out: Option<ArrayData> = None;
    for (idx, &(k0, i, off)) in pieces.iter().enumerate() {
        let k_end = pieces.get(idx + 1).map_or(r.len, |p| p.0);
        let mut sub = region.clone();
        sub[axis] =
            AxisRange { start: r.start + k0 as i64 * r.step - off, step: r.step, len: k_end - k0 };
        let data = eval(&node.inputs[i], &sub, ctx)?;
        out = Some(match out {
            None => data,
            Some(acc) => concat(acc, data, axis),
        });
    }
    Ok(out.unwrap_or_else(|| ArrayData::zeros(node.dtype, &region_shape(region))))
}

/// The first `k < r.len` with `lo <= r.start + k*r.step < hi`, if any
/// (the indices form an arithmetic progression, so the hits are one run).
fn first_k_in(r: AxisRange, lo: i64, hi: i64) -> Option<usize> {
    if r.len == 0 || lo >= hi {
        return None;
    }
    let k = if r.step > 0 {
        ((lo - r.start).max(0) as u64).div_ceil(r.step as u64) as usize
    } else {
        ((r.start - (hi - 1)).max(0) as u64).div_ceil((-r.step) as u64) as usize
    };
    let idx = r.start + k as i64 * r.step;
    (k < r.len && (lo..hi).contains(&idx)).then_some(k)
}

/// Integer-array indexing: the region's positions map to input indices,
/// grouped by the input chunk that holds them; each touched chunk is read
/// once (only the span of indices it serves) and its rows are copied to
/// their output positions. Indices in random order (a permutation) thus
/// cost one read per touched chunk, not one per index.
fn eval_take(
    node: &NodeRef,
    axis: usize,
    indices: &[usize],
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<ArrayData> {
    let x = &node.inputs[0];
    let r = region[axis];
    let wanted: Vec<usize> =
        (0..r.len).map(|k| indices[(r.start + k as i64 * r.step) as usize]).collect();
    let offs = crate::ir::chunks::offsets(&x.chunks[axis]);
    let chunk_of: Vec<usize> =
        wanted.iter().map(|&i| offs.partition_point(|&o| o <= i) - 1).collect();
    // Output positions by input chunk, in output order within a chunk.
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by_key(|&k| (chunk_of[k], k));
    let mut out = ArrayData::zeros(node.dtype, &region_shape(region));
    for group in order.chunk_by(|&a, &b| chunk_of[a] == chunk_of[b]) {
        let lo = group.iter().map(|&k| wanted[k]).min().expect("non-empty group");
        let hi = group.iter().map(|&k| wanted[k]).max().expect("non-empty group");
        let mut sub = region.clone();
        sub[axis] = AxisRange { start: lo as i64, step: 1, len: hi - lo + 1 };
        let block = eval(x, &sub, ctx)?;
        out = with_data!(out, o, T => {
            let mut o = o;
            let b = T::unwrap(block).expect("same dtype");
            let ax = ndarray::Axis(axis);
            for &k in group {
                o.index_axis_mut(ax, k).assign(&b.index_axis(ax, wanted[k] - lo));
            }
            T::wrap(o)
        });
    }
    Ok(out)
}
