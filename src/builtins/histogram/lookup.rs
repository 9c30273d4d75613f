//! `searchsorted`, `digitize`, `isin` and `unique`: the small side (the
//! sorted array, the bins, the test elements) is computed now and becomes
//! the table of a lazy `Lookup` node over the big side, which chunks,
//! fuses into its consumers' plans and lets slices through like an
//! elementwise operation. `unique` is computed when called (its length
//! depends on the data), chunk by chunk, keeping only distinct values.

use super::super::Args;
use super::super::convert::*;
use crate::array::{ArrayData, DType, Elem};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::exec::binning::less;
use crate::exec::eval::{eval, reshape_data};
use crate::exec::region::{Region, chunk_regions};
use crate::interp::{Interp, Value};
use crate::ir::binning::{LookupKind, lookup};
use crate::ir::ops::BinaryFn;
use crate::ir::{NodeRef, Scalar, build};
use crate::with_data;
use ndarray::{ArrayD, IxDyn};
use rayon::prelude::*;
use std::cmp::Ordering;
use std::sync::Arc;

/// The most elements a table argument may have (it is held in memory).
pub const MAX_TABLE: usize = 10_000_000;

pub fn value_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Value, msg, span)
}

/// A table argument (sorted array, bins, test elements) computed now,
/// flattened to one dimension.
pub fn table(
    interp: &mut Interp,
    node: &NodeRef,
    span: Span,
    func: &str,
    what: &str,
) -> R<ArrayData> {
    if node.size() > MAX_TABLE {
        return Err(Diagnostic::new(
            ErrorKind::Memory,
            format!(
                "{func}(): `{what}` has {} elements; it is computed and held in memory, so at most \
                 {MAX_TABLE} are allowed",
                node.size()
            ),
            span,
        )
        .with_hint(format!(
            "`{what}` is the small side of {func}; the other argument may be large"
        )));
    }
    let data = interp.compute(node).map_err(|d| d.or_span(span))?;
    let n = data.len();
    Ok(reshape_data(data, &[n]))
}

/// NumPy's sort order as an `Ordering` (NaN last, -0.0 equal to 0.0).
fn order<T: PartialOrd>(a: &T, b: &T) -> Ordering {
    if less(a, b) {
        Ordering::Less
    } else if less(b, a) {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

/// A 1-d table sorted in NumPy's order.
fn sorted(d: &ArrayData) -> ArrayData {
    with_data!(d, a, T => {
        let mut v: Vec<T> = a.iter().copied().collect();
        v.sort_by(order);
        T::wrap(ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).expect("1-d"))
    })
}

/// Checks that a table argument is 1-d, with NumPy's words.
pub fn check_1d(node: &NodeRef, span: Span, func: &str, what: &str) -> R<()> {
    match node.ndim() {
        1 => Ok(()),
        0 => Err(value_err(
            format!("{func}(): object of too small depth for desired array (`{what}` must be 1-d)"),
            span,
        )),
        n => Err(value_err(
            format!(
                "{func}(): object too deep for desired array (`{what}` must be 1-d, got {n} dimensions)"
            ),
            span,
        )),
    }
}

/// `v` looked up in `table` (both brought to their common dtype).
fn lookup_in(v: &NodeRef, table: &ArrayData, kind: LookupKind) -> NodeRef {
    let dtype = DType::promote(v.dtype, table.dtype());
    lookup(&build::cast(v, dtype), Arc::new(table.cast(dtype)), kind)
}

fn side(a: &Args) -> R<bool> {
    match a.value("side") {
        Value::Str(s) if &*s == "left" => Ok(false),
        Value::Str(s) if &*s == "right" => Ok(true),
        other => Err(value_err(
            format!(
                "searchsorted(): search side must be 'left' or 'right' (got {})",
                crate::interp::repr(&other)
            ),
            a.span("side"),
        )),
    }
}

pub fn searchsorted(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let sorted_arr = to_array(&a.value("a"), a.span("a"))?;
    let (vv, vspan) = a.get("v");
    let v = to_array(&vv, vspan)?;
    let right = side(a)?;
    check_1d(&sorted_arr, a.span("a"), "searchsorted", "a")?;
    let mut t = table(interp, &sorted_arr, a.span("a"), "searchsorted", "a")?;
    if !a.is_none("sorter") {
        let span = a.span("sorter");
        let s = to_array(&a.value("sorter"), span)?;
        if !s.dtype.is_integer() {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("searchsorted(): sorter must be an array of integers, got {}", s.dtype),
                span,
            ));
        }
        if s.ndim() != 1 || s.size() != t.len() {
            return Err(value_err("searchsorted(): sorter.size must equal a.size", span));
        }
        let idx = table(interp, &s, span, "searchsorted", "sorter")?.to_f64_vec();
        if idx.iter().any(|&i| i < 0.0 || i >= t.len() as f64) {
            return Err(value_err("searchsorted(): Sorter index out of range.", span));
        }
        t = with_data!(&t, x, T => {
            let v: Vec<T> = idx.iter().map(|&i| x[i as usize]).collect();
            T::wrap(ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).expect("1-d"))
        });
    }
    let out = lookup_in(&v, &t, LookupKind::SearchSorted { right });
    interp.scalar_or_array(&vv, out, a.call_span)
}

/// NumPy's `_monotonicity` (in float64): 1 increasing, -1 decreasing, 0 neither.
fn monotonicity(bins: &[f64]) -> i32 {
    let Some(&first) = bins.first() else { return 1 };
    let mut i = 1;
    while i < bins.len() && bins[i] == first {
        i += 1;
    }
    if i == bins.len() {
        return 1;
    }
    let (mut last, mut next) = (first, bins[i]);
    let increasing = last < next;
    for &b in &bins[i + 1..] {
        last = next;
        next = b;
        if (increasing && last > next) || (!increasing && last < next) {
            return 0;
        }
    }
    if increasing { 1 } else { -1 }
}

pub fn digitize(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (xv, xspan) = a.get("x");
    let x = to_array(&xv, xspan)?;
    let bins = to_array(&a.value("bins"), a.span("bins"))?;
    let right = to_bool(&a.value("right"), a.span("right"), "right")?;
    check_1d(&bins, a.span("bins"), "digitize", "bins")?;
    let t = table(interp, &bins, a.span("bins"), "digitize", "bins")?;
    // The sides are swapped: digitize's bins are right-open by default.
    let kind = LookupKind::SearchSorted { right: !right };
    let out = match monotonicity(&t.to_f64_vec()) {
        0 => {
            return Err(value_err(
                "digitize(): bins must be monotonically increasing or decreasing",
                a.span("bins"),
            ));
        }
        1 => lookup_in(&x, &t, kind),
        _ => {
            // Decreasing bins: search the reversed bins, count from the end.
            let reversed = with_data!(&t, b, T => {
                let mut v: Vec<T> = b.iter().copied().collect();
                v.reverse();
                T::wrap(ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).expect("1-d"))
            });
            let n = build::scalar(Scalar::Int(t.len() as i64), DType::Int64);
            build::binary(BinaryFn::Sub, &n, &lookup_in(&x, &reversed, kind))?
        }
    };
    interp.scalar_or_array(&xv, out, a.call_span)
}

pub fn isin(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let element = to_array(&a.value("element"), a.span("element"))?;
    let tests = to_array(&a.value("test_elements"), a.span("test_elements"))?;
    let invert = to_bool(&a.value("invert"), a.span("invert"), "invert")?;
    let t = table(interp, &tests, a.span("test_elements"), "isin", "test_elements")?;
    let dtype = DType::promote(element.dtype, t.dtype());
    let out = lookup_in(&element, &sorted(&t.cast(dtype)), LookupKind::IsIn { invert });
    // NumPy returns a 0-d array (not a scalar) for a scalar element.
    Ok(Value::Array(out))
}

/// Distinct values of part of an array, sorted, with the flat index of
/// each one's first occurrence and its count.
struct Distinct<T> {
    values: Vec<T>,
    first: Vec<u64>,
    counts: Vec<u64>,
}

/// Flat C-order indices of a region's elements.
fn flat_indices(shape: &[usize], region: &Region) -> Vec<u64> {
    let mut strides = vec![1u64; shape.len()];
    for d in (0..shape.len().saturating_sub(1)).rev() {
        strides[d] = strides[d + 1] * shape[d + 1] as u64;
    }
    let mut out = vec![0u64];
    for (d, r) in region.iter().enumerate() {
        let mut next = Vec::with_capacity(out.len() * r.len);
        for &base in &out {
            for k in 0..r.len {
                next.push(base + (r.start as u64 + k as u64 * r.step as u64) * strides[d]);
            }
        }
        out = next;
    }
    out
}

fn distinct_of<T: Elem>(values: &ArrayD<T>, flat: &[u64]) -> Distinct<T> {
    let mut items: Vec<(T, u64)> = values.iter().copied().zip(flat.iter().copied()).collect();
    items.sort_by(|a, b| order(&a.0, &b.0).then(a.1.cmp(&b.1)));
    let mut d = Distinct { values: Vec::new(), first: Vec::new(), counts: Vec::new() };
    for (v, i) in items {
        match d.values.last() {
            Some(last) if order(last, &v) == Ordering::Equal => {
                *d.counts.last_mut().expect("counted") += 1;
            }
            _ => {
                d.values.push(v);
                d.first.push(i);
                d.counts.push(1);
            }
        }
    }
    d
}

/// Merges two sorted distinct lists; equal values keep the earlier first
/// occurrence (and its representative, e.g. -0.0 vs 0.0) and add counts.
/// Exact and order-independent, so any combination tree gives one answer.
fn merge<T: Elem>(a: Distinct<T>, b: Distinct<T>) -> Distinct<T> {
    let n = a.values.len() + b.values.len();
    let mut out = Distinct {
        values: Vec::with_capacity(n),
        first: Vec::with_capacity(n),
        counts: Vec::with_capacity(n),
    };
    let (mut i, mut j) = (0, 0);
    while i < a.values.len() || j < b.values.len() {
        let o = if i == a.values.len() {
            Ordering::Greater
        } else if j == b.values.len() {
            Ordering::Less
        } else {
            order(&a.values[i], &b.values[j])
        };
        match o {
            Ordering::Less => {
                out.values.push(a.values[i]);
                out.first.push(a.first[i]);
                out.counts.push(a.counts[i]);
                i += 1;
            }
            Ordering::Greater => {
                out.values.push(b.values[j]);
                out.first.push(b.first[j]);
                out.counts.push(b.counts[j]);
                j += 1;
            }
            Ordering::Equal => {
                let (v, f) = if a.first[i] <= b.first[j] {
                    (a.values[i], a.first[i])
                } else {
                    (b.values[j], b.first[j])
                };
                out.values.push(v);
                out.first.push(f);
                out.counts.push(a.counts[i] + b.counts[j]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn unique_of<T: Elem>(
    plan: &NodeRef,
    ctx: &crate::exec::Ctx,
) -> crate::exec::ExecResult<Distinct<T>> {
    let regions = chunk_regions(&plan.chunks);
    let empty = || Distinct { values: Vec::new(), first: Vec::new(), counts: Vec::new() };
    regions
        .par_iter()
        .map(|r| {
            let data = eval(plan, r, ctx)?;
            let a = T::unwrap(data).expect("plan dtype");
            Ok(distinct_of(&a, &flat_indices(&plan.shape, r)))
        })
        .try_reduce(empty, |a, b| Ok(merge(a, b)))
}

fn int_array(v: Vec<u64>) -> NodeRef {
    let v: Vec<i64> = v.into_iter().map(|x| x as i64).collect();
    build::literal(ArrayData::I64(ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).expect("1-d")), None)
}

pub fn unique(interp: &mut Interp, a: &mut Args) -> R<Value> {
    if !a.is_none("axis") {
        return Err(value_err(
            "unique(): axis= is not supported; arr's unique works on the flattened array \
             (axis=None)",
            a.span("axis"),
        ));
    }
    let x = to_array(&a.value("ar"), a.span("ar"))?;
    let flags = ["return_index", "return_inverse", "return_counts"]
        .map(|f| to_bool(&a.value(f), a.span(f), f))
        .into_iter()
        .collect::<R<Vec<bool>>>()?;
    let span = a.span("ar");
    let (values, first, counts) = crate::with_dtype!(x.dtype, T => {
        let d = interp.with_plan(&x, unique_of::<T>).map_err(|d| d.or_span(span))?;
        let n = d.values.len();
        (T::wrap(ArrayD::from_shape_vec(IxDyn(&[n]), d.values).expect("1-d")), d.first, d.counts)
    });
    let values = Arc::new(values);
    let uniq = build::literal((*values).clone(), None);
    if !flags.iter().any(|&f| f) {
        return Ok(Value::Array(uniq));
    }
    let mut out = vec![Value::Array(uniq)];
    if flags[0] {
        out.push(Value::Array(int_array(first)));
    }
    if flags[1] {
        // Each element's position among the distinct values: a lazy search.
        out.push(Value::Array(lookup(&x, values, LookupKind::SearchSorted { right: false })));
    }
    if flags[2] {
        out.push(Value::Array(int_array(counts)));
    }
    Ok(Value::tuple(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monotonicity_is_numpys() {
        assert_eq!(monotonicity(&[]), 1);
        assert_eq!(monotonicity(&[1.0, 1.0]), 1);
        assert_eq!(monotonicity(&[1.0, 2.0, 2.0, 3.0]), 1);
        assert_eq!(monotonicity(&[3.0, 2.0, 2.0]), -1);
        assert_eq!(monotonicity(&[1.0, 3.0, 2.0]), 0);
        assert_eq!(monotonicity(&[1.0, f64::NAN, 3.0]), -1);
    }

    #[test]
    fn distinct_merge_keeps_first_occurrence() {
        let a = distinct_of(&ndarray::arr1(&[3.0, 1.0, 3.0]).into_dyn(), &[0, 1, 2]);
        let b = distinct_of(&ndarray::arr1(&[1.0, f64::NAN, f64::NAN]).into_dyn(), &[3, 4, 5]);
        let m = merge(b, a);
        assert_eq!(m.values.len(), 3);
        assert_eq!(m.first, vec![1, 0, 4]);
        assert_eq!(m.counts, vec![2, 2, 2]);
    }
}
