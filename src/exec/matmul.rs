//! Matrix products (`Op::MatMul`): a region of `a @ b` as the sum over
//! k-blocks of panel products.
//!
//! For each k-block, in order, the region's row panel of `a` and column
//! panel of `b` are evaluated (in parallel pieces when large) and multiplied
//! into the output: float32/float64 by faer's GEMM, sequential per call,
//! integers and bools by a plain i-k-j loop with NumPy's wrapping
//! arithmetic (bools: `or` of `and`s). The output is cut into row bands
//! that run in parallel; bands, k-blocks and their order depend only on the
//! region's shape, so the bits never depend on the thread count. Memory in
//! flight is the output region plus one panel of each operand.

use super::eval::eval;
use super::region::{AxisRange, Region, region_shape};
use super::{Ctx, ExecResult};
use crate::array::{ArrayData, Elem};
use crate::exec::elem_ops::Num;
use crate::ir::NodeRef;
use crate::ir::chunks::offsets;
use faer::{Accum, MatMut, MatRef, Par};
use ndarray::{ArrayD, Axis, IxDyn};
use rayon::prelude::*;

/// Multiply-adds below which a region is computed on the calling thread:
/// small products must not pay for splitting.
const SMALL_WORK: usize = 1 << 21;

/// Rows per output band when a region is split for parallelism.
const BAND_ROWS: usize = 1024;

/// Elements per piece when a large panel is evaluated in parallel.
const PANEL_PIECE: usize = 1 << 18;

/// What one evaluation holds besides its output: a row panel of `a` and a
/// column panel of `b` for one k-block of the node's largest chunk.
pub fn panel_bytes(n: &NodeRef, k_block: usize) -> u64 {
    let cs = n.chunksize();
    let nd = cs.len();
    let k = n.inputs[0].shape.last().copied().unwrap_or(0);
    let batch: usize = cs[..nd - 2].iter().product();
    let elems = batch * (cs[nd - 2] + cs[nd - 1]) * k_block.min(k);
    elems as u64 * n.dtype.size() as u64
}

/// One panel product `c (+)= a @ b` on row-major slices (`a` is m×k, `b`
/// is k×n, `c` is m×n); `first` replaces `c` instead of adding to it.
trait Kernel: Elem {
    fn block(a: &[Self], b: &[Self], c: &mut [Self], dims: (usize, usize, usize), first: bool);
}

macro_rules! faer_kernel {
    ($($t:ty),*) => {$(
        impl Kernel for $t {
            fn block(a: &[Self], b: &[Self], c: &mut [Self], (m, k, n): (usize, usize, usize), first: bool) {
                let a = MatRef::from_row_major_slice(a, m, k);
                let b = MatRef::from_row_major_slice(b, k, n);
                let c = MatMut::from_row_major_slice_mut(c, m, n);
                let accum = if first { Accum::Replace } else { Accum::Add };
                faer::linalg::matmul::matmul(c, accum, a, b, 1.0, Par::Seq);
            }
        }
    )*};
}
faer_kernel!(f32, f64);

macro_rules! loop_kernel {
    ($($t:ty),*) => {$(
        impl Kernel for $t {
            fn block(a: &[Self], b: &[Self], c: &mut [Self], dims: (usize, usize, usize), first: bool) {
                exact_block(a, b, c, dims, first)
            }
        }
    )*};
}
loop_kernel!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

/// Exact products (integers wrap, bools are `or` of `and`s, as NumPy's):
/// the i-k-j order streams rows of `b` and `c`, so it stays cache-friendly.
fn exact_block<T: Num>(
    a: &[T],
    b: &[T],
    c: &mut [T],
    (m, k, n): (usize, usize, usize),
    first: bool,
) {
    if first {
        c.fill(T::default());
    }
    for i in 0..m {
        let ci = &mut c[i * n..(i + 1) * n];
        for p in 0..k {
            let av = a[i * k + p];
            let bp = &b[p * n..(p + 1) * n];
            for (cj, &bj) in ci.iter_mut().zip(bp) {
                *cj = cj.add(av.mul(bj));
            }
        }
    }
}

pub fn eval_matmul(
    node: &NodeRef,
    k_block: usize,
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<ArrayData> {
    crate::with_dtype!(node.dtype, T => eval_typed::<T>(node, k_block, region, ctx))
}

fn eval_typed<T: Kernel + Num>(
    node: &NodeRef,
    k_block: usize,
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<ArrayData> {
    let (a, b) = (&node.inputs[0], &node.inputs[1]);
    let nb = node.ndim() - 2;
    let shape = region_shape(region);
    let (m, n) = (shape[nb], shape[nb + 1]);
    let k = a.shape[a.ndim() - 1];
    let nbatch: usize = shape[..nb].iter().product();
    let mut out = vec![T::default(); nbatch * m * n];
    if !out.is_empty() && k > 0 {
        let (a_batch, a_of) = batch_map(a, node, region);
        let (b_batch, b_of) = batch_map(b, node, region);
        let blocks = crate::ir::chunks::regular(k, k_block);
        for (&k0, &kb) in offsets(&blocks).iter().zip(&blocks) {
            ctx.check_cancel()?;
            let ks = AxisRange { start: k0 as i64, step: 1, len: kb };
            let mut ra = a_batch.clone();
            ra.extend([region[nb], ks]);
            let mut rb = b_batch.clone();
            rb.extend([ks, region[nb + 1]]);
            let pa = typed::<T>(panel(a, &ra, ctx)?);
            let pb = typed::<T>(panel(b, &rb, ctx)?);
            let (pa, pb) = (slice_of(&pa), slice_of(&pb));
            let band = band_rows(m);
            let first = k0 == 0;
            let run = |(t, ob): (usize, &mut [T])| {
                let a_t = &pa[a_of[t] * m * kb..][..m * kb];
                let b_t = &pb[b_of[t] * kb * n..][..kb * n];
                for (r, tile) in ob.chunks_mut(band * n).enumerate() {
                    let rows = tile.len() / n;
                    T::block(&a_t[r * band * kb..][..rows * kb], b_t, tile, (rows, kb, n), first);
                }
            };
            if nbatch * m * n * kb <= SMALL_WORK {
                out.chunks_mut(m * n).enumerate().for_each(run);
            } else if nbatch == 1 {
                // One matrix: its row bands in parallel.
                out.par_chunks_mut(band * n).enumerate().for_each(|(r, tile)| {
                    let rows = tile.len() / n;
                    let a_t = &pa[a_of[0] * m * kb + r * band * kb..][..rows * kb];
                    T::block(a_t, &pb[b_of[0] * kb * n..][..kb * n], tile, (rows, kb, n), first);
                });
            } else {
                out.par_chunks_mut(m * n).enumerate().for_each(run);
            }
        }
    }
    Ok(T::wrap(ArrayD::from_shape_vec(IxDyn(&shape), out).expect("sized to the region")))
}

/// Rows per band of an `m`-row output: near-equal bands of about
/// `BAND_ROWS` (a function of `m` alone, so of the region, not the threads).
fn band_rows(m: usize) -> usize {
    let parts = m.div_ceil(BAND_ROWS).max(1);
    m.div_ceil(parts).max(1)
}

/// An operand's batch axes for `region` of the output (a broadcast axis is
/// read at index 0), and for each output matrix of the region (C order),
/// the index of the operand's matrix within that panel.
fn batch_map(x: &NodeRef, node: &NodeRef, region: &Region) -> (Region, Vec<usize>) {
    let nb = node.ndim() - 2;
    let xb = x.ndim() - 2;
    let off = nb - xb;
    let ranges: Region = (0..xb)
        .map(|i| {
            if x.shape[i] == 1 { AxisRange { start: 0, step: 1, len: 1 } } else { region[off + i] }
        })
        .collect();
    let out_batch: Vec<usize> = region[..nb].iter().map(|r| r.len).collect();
    let total: usize = out_batch.iter().product();
    let mut map = Vec::with_capacity(total);
    let mut idx = vec![0usize; nb];
    for _ in 0..total {
        let mut flat = 0;
        for i in 0..xb {
            let pos = if ranges[i].len == 1 { 0 } else { idx[off + i] };
            flat = flat * ranges[i].len + pos;
        }
        map.push(flat);
        for d in (0..nb).rev() {
            idx[d] += 1;
            if idx[d] < out_batch[d] {
                break;
            }
            idx[d] = 0;
        }
    }
    (ranges, map)
}

/// A panel of an operand, evaluated in parallel pieces along its longest
/// axis when it is large (the pieces are joined in order, so the values do
/// not depend on how they ran).
fn panel(x: &NodeRef, region: &Region, ctx: &Ctx) -> ExecResult<ArrayData> {
    let elems: usize = region.iter().map(|r| r.len).product();
    let axis = (0..region.len()).max_by_key(|&a| (region[a].len, a)).unwrap_or(0);
    let parts = elems.div_ceil(PANEL_PIECE).min(region.get(axis).map_or(1, |r| r.len));
    if parts <= 1 {
        return eval(x, region, ctx);
    }
    let r = region[axis];
    let lens = crate::ir::chunks::regular(r.len, r.len.div_ceil(parts));
    let pieces: Vec<Region> = offsets(&lens)
        .into_iter()
        .zip(&lens)
        .map(|(o, &len)| {
            let mut p = region.clone();
            p[axis] = AxisRange { start: r.start + o as i64 * r.step, step: r.step, len };
            p
        })
        .collect();
    let data: Vec<ArrayData> =
        pieces.par_iter().map(|p| eval(x, p, ctx)).collect::<ExecResult<_>>()?;
    Ok(crate::with_dtype!(x.dtype, T => {
        let arrays: Vec<ArrayD<T>> = data.into_iter().map(typed::<T>).collect();
        let views: Vec<_> = arrays.iter().map(|a| a.view()).collect();
        T::wrap(ndarray::concatenate(Axis(axis), &views).expect("pieces of one region"))
    }))
}

/// Data of the node's dtype in standard (C) layout.
fn typed<T: Elem>(data: ArrayData) -> ArrayD<T> {
    let a = T::unwrap(data).expect("inputs are cast to the product's dtype");
    if a.is_standard_layout() { a } else { a.as_standard_layout().into_owned() }
}

fn slice_of<T>(a: &ArrayD<T>) -> &[T] {
    a.as_slice().expect("standard layout")
}
