//! Kernels for counting and lookup against a small table.
//!
//! `Lookup` nodes are elementwise: a region of the input is computed and
//! each element binary-searched in the concrete table (NumPy's search loop
//! and its NaN-last order, so the answers are NumPy's). `Bin` nodes have
//! one small output chunk: the inputs' chunks are binned in parallel, a
//! batch at a time, and the per-chunk partial histograms are added into the
//! total strictly in chunk order. Counts are exact; weighted sums are a
//! left fold over chunks, so they do not depend on the thread count (and
//! under rechunking differ only by rounding).

use super::elem_ops::Num;
use super::eval::eval;
use super::region::{Region, chunk_regions, region_shape};
use super::{Ctx, ExecResult};
use crate::array::{ArrayData, DType, Elem};
use crate::ir::NodeRef;
use crate::ir::binning::{BinRule, Binning, LookupKind};
use crate::with_data;
use ndarray::{ArrayD, IxDyn};
use rayon::prelude::*;

/// NumPy's sort order: NaN after everything, NaNs equal among themselves.
#[inline]
pub fn less<T: PartialOrd>(a: T, b: T) -> bool {
    #[allow(clippy::eq_op)]
    let (a_nan, b_nan) = (a != a, b != b);
    a < b || (b_nan && !a_nan)
}

/// NumPy's binary search (`binsearch` with fresh bounds per key): the
/// first index whose element is not before `v` (`right`: not before or
/// equal). On a sorted table this is the insertion point.
#[inline]
pub fn search<T: PartialOrd + Copy>(table: &[T], v: T, right: bool) -> usize {
    let (mut lo, mut hi) = (0, table.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let after = if right { !less(v, table[mid]) } else { less(table[mid], v) };
        if after {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

pub fn eval_lookup(
    node: &NodeRef,
    table: &ArrayData,
    kind: LookupKind,
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<ArrayData> {
    let data = eval(&node.inputs[0], region, ctx)?;
    let shape = region_shape(region);
    Ok(with_data!(data, a, T => {
        let t = T::unwrap_ref(table).expect("lookup input has the table's dtype");
        let t = t.as_slice().expect("tables are contiguous");
        match kind {
            LookupKind::SearchSorted { right } => ArrayData::I64(
                a.mapv(|v| search(t, v, right) as i64).into_shape_with_order(IxDyn(&shape)).expect("region shape"),
            ),
            LookupKind::IsIn { invert } => ArrayData::Bool(
                a.mapv(|v| {
                    let i = search(t, v, false);
                    (i < t.len() && t[i] == v) != invert
                })
                .into_shape_with_order(IxDyn(&shape))
                .expect("region shape"),
            ),
        }
    }))
}

/// Marks an element that falls in no bin.
const SKIP: usize = usize::MAX;

/// A chunk's contribution to the bins.
enum Partial {
    Int(Vec<i64>),
    Float(Vec<f64>),
}

impl Partial {
    /// Adds `other` into `self` bin by bin (growing to the longer length).
    fn add(&mut self, other: Partial) {
        match (self, other) {
            (Partial::Int(a), Partial::Int(b)) => {
                if a.len() < b.len() {
                    a.resize(b.len(), 0);
                }
                a.iter_mut().zip(&b).for_each(|(p, q)| *p = p.wrapping_add(*q));
            }
            (Partial::Float(a), Partial::Float(b)) => {
                if a.len() < b.len() {
                    a.resize(b.len(), 0.0);
                }
                a.iter_mut().zip(&b).for_each(|(p, q)| *p += q);
            }
            _ => unreachable!("partials of one binning have one kind"),
        }
    }
}

/// Bin of each element of `x` against explicit `edges` (both one dtype):
/// `edges[i] <= x < edges[i+1]`, the last bin closed, everything else SKIP.
fn edge_bins(x: &ArrayData, edges: &ArrayData) -> Vec<usize> {
    with_data!(x, a, T => {
        let e = T::unwrap_ref(edges).expect("input has the edges' dtype");
        let e = e.as_slice().expect("edges are contiguous");
        let n = e.len().saturating_sub(1);
        a.iter()
            .map(|&v| {
                if n == 0 {
                    return SKIP;
                }
                let i = search(e, v, true);
                if v == e[n] {
                    n - 1
                } else if i == 0 || i > n {
                    SKIP
                } else {
                    i - 1
                }
            })
            .collect()
    })
}

/// The divisor of the equal-width index and the dtype it divides in.
#[derive(Clone, Copy)]
struct Uniform {
    denom: f64,
    wide: bool,
}

/// NumPy's equal-width histogram index, in the edges' float dtype.
fn uniform_bins(x: &ArrayData, edges: &ArrayData, first: f64, last: f64, u: Uniform) -> Vec<usize> {
    fn go<T: Num>(a: &ArrayD<T>, e: &[T], first: f64, last: f64, u: Uniform) -> Vec<usize> {
        let n = e.len() - 1;
        let (first, last, denom) = (T::from_f64(first), T::from_f64(last), T::from_f64(u.denom));
        let count = T::from_f64(n as f64);
        a.iter()
            .map(|&v| {
                if !(v >= first && v <= last) {
                    return SKIP;
                }
                let d = v.sub(first);
                let f = if u.wide {
                    d.to_f64() / u.denom * n as f64
                } else {
                    d.div(denom).mul(count).to_f64()
                };
                // NumPy's astype(intp); a huge or NaN index is clamped by
                // the corrections below instead of indexing out of range.
                let mut i = if f >= n as f64 {
                    n
                } else if f >= 0.0 {
                    f as usize
                } else {
                    0
                };
                if i == n {
                    i -= 1;
                }
                if v < e[i] && i > 0 {
                    i -= 1;
                }
                if i != n - 1 && v >= e[i + 1] {
                    i += 1;
                }
                i
            })
            .collect()
    }
    match (x, edges) {
        (ArrayData::F64(a), ArrayData::F64(e)) => {
            go(a, e.as_slice().expect("contiguous"), first, last, u)
        }
        (ArrayData::F32(a), ArrayData::F32(e)) => {
            go(a, e.as_slice().expect("contiguous"), first, last, u)
        }
        _ => unreachable!("equal-width histograms run in float32 or float64"),
    }
}

/// Integer data as int64 (usually it already is: no copy then).
fn as_i64(d: ArrayData) -> ArrayD<i64> {
    match d {
        ArrayData::I64(a) => a,
        other => i64::unwrap(other.cast(DType::Int64)).expect("cast to int64"),
    }
}

/// The bins of one chunk's elements, in C order.
fn chunk_bins(node: &NodeRef, b: &Binning, region: &Region, ctx: &Ctx) -> ExecResult<Vec<usize>> {
    let x = eval(&node.inputs[0], region, ctx)?;
    Ok(match &b.rule {
        BinRule::Value { .. } => {
            let a = as_i64(x);
            a.iter().map(|&v| if v < 0 { SKIP } else { v as usize }).collect()
        }
        BinRule::Uniform { edges, first, last, denom, wide } => {
            uniform_bins(&x, edges, *first, *last, Uniform { denom: *denom, wide: *wide })
        }
        BinRule::Edges(edges) => edge_bins(&x, edges),
        BinRule::Grid(xe, ye) => {
            let y = eval(&node.inputs[1], region, ctx)?;
            let ny = ye.len().saturating_sub(1);
            let (bx, by) = (edge_bins(&x, xe), edge_bins(&y, ye));
            bx.iter()
                .zip(&by)
                .map(|(&i, &j)| if i == SKIP || j == SKIP { SKIP } else { i * ny + j })
                .collect()
        }
    })
}

fn chunk_partial(
    node: &NodeRef,
    b: &Binning,
    nbins: usize,
    region: &Region,
    ctx: &Ctx,
) -> ExecResult<Partial> {
    ctx.check_cancel()?;
    let bins = chunk_bins(node, b, region, ctx)?;
    // bincount's partials only reach the chunk's largest value.
    let len = match b.rule {
        BinRule::Value { .. } => bins.iter().filter(|&&i| i != SKIP).max().map_or(0, |m| m + 1),
        _ => nbins,
    };
    if !b.weighted {
        let mut counts = vec![0i64; len];
        for &i in bins.iter().filter(|&&i| i != SKIP) {
            counts[i] += 1;
        }
        return Ok(Partial::Int(counts));
    }
    let w = eval(node.inputs.last().expect("weights input"), region, ctx)?;
    Ok(match w {
        ArrayData::F64(w) => {
            let mut sums = vec![0.0f64; len];
            for (&i, &wi) in bins.iter().zip(w.iter()) {
                if i != SKIP {
                    sums[i] += wi;
                }
            }
            Partial::Float(sums)
        }
        other => {
            let w = as_i64(other);
            let mut sums = vec![0i64; len];
            for (&i, &wi) in bins.iter().zip(w.iter()) {
                if i != SKIP {
                    sums[i] = sums[i].wrapping_add(wi);
                }
            }
            Partial::Int(sums)
        }
    })
}

pub fn eval_bin(node: &NodeRef, b: &Binning, region: &Region, ctx: &Ctx) -> ExecResult<ArrayData> {
    // Any part of the result needs all of the input: compute it once.
    let whole = super::region::full_region(&node.shape);
    if let Some(hit) = ctx.memo_get(node, &whole) {
        return Ok(super::eval::slice_data(&hit, region));
    }
    let nbins: usize = node.shape.iter().product();
    let regions = chunk_regions(&node.inputs[0].chunks);
    // Partials are computed a batch at a time and added in chunk order, so
    // memory stays at a batch of partials and the sum order is fixed.
    let batch = 2 * rayon::current_num_threads().max(1);
    let float = b.weighted && node.inputs.last().is_some_and(|w| w.dtype.is_float());
    let mut total =
        if float { Partial::Float(vec![0.0; nbins]) } else { Partial::Int(vec![0; nbins]) };
    for group in regions.chunks(batch) {
        let parts: Vec<Partial> = group
            .par_iter()
            .map(|r| chunk_partial(node, b, nbins, r, ctx))
            .collect::<ExecResult<_>>()?;
        for p in parts {
            total.add(p);
        }
    }
    let sums = match total {
        Partial::Int(v) => {
            ArrayData::I64(ArrayD::from_shape_vec(IxDyn(&node.shape), v).expect("bins"))
        }
        Partial::Float(v) => {
            ArrayData::F64(ArrayD::from_shape_vec(IxDyn(&node.shape), v).expect("bins"))
        }
    };
    let sums = sums.cast(b.counts_dtype);
    let out = if b.density { density(b, sums) } else { sums };
    let sliced = super::eval::slice_data(&out, region);
    ctx.memo_put(node, &whole, std::sync::Arc::new(out));
    Ok(sliced)
}

/// NumPy's `add.reduce` order for a contiguous run: pairwise blocks of 128
/// with eight accumulators, so totals match NumPy bit for bit.
pub fn pairwise_sum<T: Num>(a: &[T]) -> T {
    let n = a.len();
    if n < 8 {
        return a.iter().fold(T::from_f64(0.0), |s, &v| s.add(v));
    }
    if n <= 128 {
        let mut r: [T; 8] = std::array::from_fn(|j| a[j]);
        let mut i = 8;
        while i < n - n % 8 {
            for j in 0..8 {
                r[j] = r[j].add(a[i + j]);
            }
            i += 8;
        }
        let mut res = r[0].add(r[1]).add(r[2].add(r[3])).add(r[4].add(r[5]).add(r[6].add(r[7])));
        for &v in &a[i..] {
            res = res.add(v);
        }
        return res;
    }
    let mut n2 = n / 2;
    n2 -= n2 % 8;
    pairwise_sum(&a[..n2]).add(pairwise_sum(&a[n2..]))
}

/// Bin widths `diff(edges)` computed in the edges' dtype, as float64.
fn widths(edges: &ArrayData) -> Vec<f64> {
    with_data!(edges, e, T => {
        let v: Vec<T> = e.iter().copied().collect();
        v.windows(2).map(|w| if T::DTYPE.is_float() { w[1].sub(w[0]).to_f64() } else { w[1].to_f64() - w[0].to_f64() }).collect()
    })
}

/// NumPy's `density=True`: `n / widths / n.sum()` (histogram2d divides by
/// each axis's widths in turn, then by the total).
fn density(b: &Binning, sums: ArrayData) -> ArrayData {
    let shape = sums.shape().to_vec();
    // The total in the histogram's own dtype, as NumPy's `n.sum()`.
    let total = match &sums {
        ArrayData::F32(v) => pairwise_sum(v.as_slice().expect("contiguous")).to_f64(),
        ArrayData::F64(v) => pairwise_sum(v.as_slice().expect("contiguous")),
        other => {
            let v = i64::unwrap(other.cast(DType::Int64)).expect("int64");
            v.iter().fold(0i64, |s, &x| s.wrapping_add(x)) as f64
        }
    };
    let mut n = sums.to_f64_vec();
    match &b.rule {
        BinRule::Grid(xe, ye) => {
            let (wx, wy) = (widths(xe), widths(ye));
            let ny = wy.len();
            for (k, v) in n.iter_mut().enumerate() {
                *v = *v / wx[k / ny.max(1)] / wy[k % ny.max(1)] / total;
            }
        }
        BinRule::Uniform { edges, .. } | BinRule::Edges(edges) => {
            let w = widths(edges);
            for (v, w) in n.iter_mut().zip(&w) {
                *v = *v / w / total;
            }
        }
        BinRule::Value { .. } => {}
    }
    ArrayData::F64(ArrayD::from_shape_vec(IxDyn(&shape), n).expect("same shape"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_matches_numpy_sides_and_nan_order() {
        let t = [1.0, 2.0, 2.0, f64::NAN];
        assert_eq!(search(&t, 2.0, false), 1);
        assert_eq!(search(&t, 2.0, true), 3);
        assert_eq!(search(&t, f64::NAN, false), 3);
        assert_eq!(search(&t, f64::NAN, true), 4);
        assert_eq!(search(&t, 0.0, true), 0);
        assert_eq!(search::<f64>(&[], 1.0, false), 0);
    }

    #[test]
    fn pairwise_sum_is_numpy_order() {
        // NumPy: np.add.reduce of this sequence is 3491180636363637.5 (a
        // plain left-to-right sum gives 3491180636363636.0).
        let v: Vec<f64> = (0..300)
            .map(|i| {
                let sign = if i % 2 == 0 { 1.0 } else { -1.0 };
                sign * (1.0 + i as f64 * 1e-3) * 10f64.powi(i % 17) / 3.0
            })
            .collect();
        assert_eq!(pairwise_sum(&v), 3491180636363637.5);
        assert_eq!(pairwise_sum::<f64>(&[]), 0.0);
    }
}
