//! Splitting, tiling, padding and diagonals: `split, array_split, hsplit,
//! vsplit, dsplit, tile, repeat, diagonal, diag, trace, ptp, average,
//! atleast_1d, atleast_2d, atleast_3d`. Everything is built from lazy
//! slices, reshapes, broadcasts, concatenations and generated fills, so no
//! data is copied until the result is computed.

use super::arrange::{full_sel, take};
use super::combine::at_least;
use super::convert::*;
use super::pad::fill_like;
use super::shape::expand;
use super::{Args, Builtin, Module};
use crate::array::DType;
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value};
use crate::ir::ops::{BinaryFn, ReduceOp};
use crate::ir::{AxisSel, Generator, NodeRef, Scalar, build};
use std::sync::Arc;

fn value_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Value, msg, span)
}

fn i64_shape(shape: &[usize]) -> Vec<i64> {
    shape.iter().map(|&d| d as i64).collect()
}

// ---------------------------------------------------------------- split

fn split_impl(a: &Args, x: &NodeRef, axis: usize, equal: bool) -> R<Value> {
    let n = x.shape[axis];
    let (v, span) = a.get("indices_or_sections");
    let bounds: Vec<(usize, usize)> = match &v {
        Value::List(_) | Value::Tuple(_) | Value::Range(..) => {
            let idx = v
                .sequence()
                .expect("sequence")
                .iter()
                .map(|i| to_int(i, span, "each index"))
                .collect::<R<Vec<i64>>>()?;
            let norm = |i: i64| -> usize {
                let i = if i < 0 { i + n as i64 } else { i };
                i.clamp(0, n as i64) as usize
            };
            let mut edges = vec![0usize];
            edges.extend(idx.iter().map(|&i| norm(i)));
            edges.push(n);
            edges.windows(2).map(|w| (w[0], w[1].saturating_sub(w[0]))).collect()
        }
        _ => {
            let sections = to_int(&v, span, "indices_or_sections")?;
            if sections <= 0 {
                return Err(value_err("number sections must be larger than 0.", span));
            }
            let s = sections as usize;
            if equal && !n.is_multiple_of(s) {
                return Err(value_err("array split does not result in an equal division", span));
            }
            let (each, extra) = (n / s, n % s);
            let mut start = 0;
            (0..s)
                .map(|k| {
                    let len = each + usize::from(k < extra);
                    let b = (start, len);
                    start += len;
                    b
                })
                .collect()
        }
    };
    let parts = bounds
        .into_iter()
        .map(|(start, len)| take(x, axis, start, len).map(Value::Array))
        .collect::<R<Vec<_>>>()?;
    Ok(Value::List(Arc::new(parts)))
}

fn split(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("ary"), a.span("ary"))?;
    let name = a.func.name;
    let (min_dim, fixed_axis) = match name {
        "hsplit" => (1, Some(if x.ndim() > 1 { 1 } else { 0 })),
        "vsplit" => (2, Some(0)),
        "dsplit" => (3, Some(2)),
        _ => (0, None),
    };
    if x.ndim() < min_dim || x.ndim() == 0 {
        let msg = if min_dim > 0 {
            format!("{name} only works on arrays of {min_dim} or more dimensions")
        } else {
            "cannot split a 0-d array".to_string()
        };
        return Err(value_err(msg, a.span("ary")));
    }
    let axis = match fixed_axis {
        Some(ax) => ax,
        None => {
            norm_axis(to_int(&a.value("axis"), a.span("axis"), "axis")?, x.ndim(), a.span("axis"))?
        }
    };
    split_impl(a, &x, axis, name != "array_split")
}

// ---------------------------------------------------------------- tile / repeat

fn tile(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("A"), a.span("A"))?;
    let (v, span) = a.get("reps");
    let reps: Vec<i64> = match &v {
        Value::List(_) | Value::Tuple(_) => v
            .sequence()
            .expect("sequence")
            .iter()
            .map(|r| to_int(r, span, "each repetition"))
            .collect::<R<_>>()?,
        other => vec![to_int(other, span, "reps")?],
    };
    if reps.iter().any(|&r| r < 0) {
        return Err(value_err("negative dimensions are not allowed", span));
    }
    let d = reps.len().max(x.ndim());
    let mut shape = vec![1i64; d - x.ndim()];
    shape.extend(i64_shape(&x.shape));
    let mut y = build::reshape(&x, &shape)?;
    let reps: Vec<usize> =
        std::iter::repeat_n(1, d - reps.len()).chain(reps.iter().map(|&r| r as usize)).collect();
    for (axis, &r) in reps.iter().enumerate() {
        y = match r {
            1 => y,
            0 => take(&y, axis, 0, 0)?,
            r => {
                build::concatenate(&vec![y.clone(); r], axis).map_err(|e| e.or_span(a.call_span))?
            }
        };
    }
    Ok(Value::Array(y))
}

/// Each element of `x` along `axis` repeated `r` times: `x[..., None]`
/// broadcast to `(..., r)`, then the two axes merged.
fn repeat_each(x: &NodeRef, axis: usize, r: usize) -> R<NodeRef> {
    let e = expand(x, axis + 1)?;
    let mut big = e.shape.clone();
    big[axis + 1] = r;
    let b = build::broadcast_to(&e, &big)?;
    let mut out = i64_shape(&x.shape);
    out[axis] *= r as i64;
    build::reshape(&b, &out)
}

fn repeat(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let (v, span) = a.get("repeats");
    let counts: Vec<i64> = match &v {
        Value::Int(_) | Value::Bool(_) => vec![to_int(&v, span, "repeats")?],
        Value::List(_) | Value::Tuple(_) => v
            .sequence()
            .expect("sequence")
            .iter()
            .map(|r| to_int(r, span, "each repeat count"))
            .collect::<R<_>>()?,
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!(
                    "repeats must be an integer or a list of integers, got {}",
                    other.type_name()
                ),
                span,
            ));
        }
    };
    if counts.iter().any(|&r| r < 0) {
        let msg = if matches!(v, Value::List(_) | Value::Tuple(_)) {
            "repeats may not contain negative values."
        } else {
            "negative dimensions are not allowed"
        };
        return Err(value_err(msg, span));
    }
    let (x, axis) = if a.is_none("axis") {
        (build::reshape(&x, &[-1])?, 0)
    } else {
        let axis = to_int(&a.value("axis"), a.span("axis"), "axis")?;
        (x.clone(), norm_axis(axis, x.ndim(), a.span("axis"))?)
    };
    let n = x.shape[axis];
    if counts.len() == 1 {
        return Ok(Value::Array(repeat_each(&x, axis, counts[0] as usize)?));
    }
    if counts.len() != n {
        return Err(value_err(
            format!(
                "operands could not be broadcast together with shape ({n},) ({},)",
                counts.len()
            ),
            span,
        ));
    }
    // One piece per run of equal counts.
    let mut parts = Vec::new();
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && counts[end] == counts[start] {
            end += 1;
        }
        if counts[start] > 0 {
            let piece = take(&x, axis, start, end - start)?;
            parts.push(repeat_each(&piece, axis, counts[start] as usize)?);
        }
        start = end;
    }
    Ok(Value::Array(match parts.len() {
        0 => take(&x, axis, 0, 0)?,
        1 => parts.pop().expect("one part"),
        _ => build::concatenate(&parts, axis).map_err(|d| d.or_span(a.call_span))?,
    }))
}

// ---------------------------------------------------------------- diagonals

/// The diagonal at `offset` of axes `ax1, ax2`, appended as the last axis.
pub(super) fn diagonal_node(x: &NodeRef, offset: i64, ax1: usize, ax2: usize) -> R<NodeRef> {
    let mut perm: Vec<usize> = (0..x.ndim()).filter(|&p| p != ax1 && p != ax2).collect();
    perm.extend([ax1, ax2]);
    let t = build::transpose(x, perm)?;
    let (m, n) = (x.shape[ax1] as i64, x.shape[ax2] as i64);
    let mut shape: Vec<i64> = t.shape[..t.ndim() - 2].iter().map(|&d| d as i64).collect();
    shape.push(m * n);
    let flat = build::reshape(&t, &shape)?;
    let (start, len) = if offset >= 0 {
        (offset, m.min(n - offset).max(0))
    } else {
        (-offset * n, (m + offset).min(n).max(0))
    };
    let mut sels: Vec<AxisSel> =
        flat.shape[..flat.ndim() - 1].iter().map(|&d| full_sel(d)).collect();
    sels.push(if len == 0 {
        AxisSel::Range { start: 0, step: 1, len: 0 }
    } else {
        AxisSel::Range { start, step: n + 1, len: len as usize }
    });
    build::slice(&flat, sels)
}

fn diagonal_args(a: &Args, x: &NodeRef) -> R<(i64, usize, usize)> {
    if x.ndim() < 2 {
        return Err(value_err("diag requires an array of at least two dimensions", a.span("a")));
    }
    let offset = to_int(&a.value("offset"), a.span("offset"), "offset")?;
    let ax1 =
        norm_axis(to_int(&a.value("axis1"), a.span("axis1"), "axis1")?, x.ndim(), a.span("axis1"))?;
    let ax2 =
        norm_axis(to_int(&a.value("axis2"), a.span("axis2"), "axis2")?, x.ndim(), a.span("axis2"))?;
    if ax1 == ax2 {
        return Err(value_err("axis1 and axis2 cannot be the same", a.span("axis2")));
    }
    Ok((offset, ax1, ax2))
}

fn diagonal(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let (offset, ax1, ax2) = diagonal_args(a, &x)?;
    Ok(Value::Array(diagonal_node(&x, offset, ax1, ax2).map_err(|d| d.or_span(a.call_span))?))
}

fn trace(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("a");
    let x = to_array(&v, span)?;
    let (offset, ax1, ax2) = diagonal_args(a, &x)?;
    let d = diagonal_node(&x, offset, ax1, ax2)?;
    let node = build::reduce(&d, ReduceOp::Sum, vec![d.ndim() - 1], false)?;
    interp.scalar_or_array(&v, node, a.call_span)
}

fn diag(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("v"), a.span("v"))?;
    let k = to_int(&a.value("k"), a.span("k"), "k")?;
    match x.ndim() {
        2 => Ok(Value::Array(diagonal_node(&x, k, 0, 1)?)),
        1 => {
            let len = x.shape[0];
            let n = len + k.unsigned_abs() as usize;
            // Column j of the result holds v[j - k] when k >= 0, row i holds
            // v[i + k] when k < 0: both are v with |k| zeros in front.
            let padded = if k == 0 {
                x.clone()
            } else {
                let zeros = fill_like(&x, 0, k.unsigned_abs() as usize, Scalar::Int(0));
                build::concatenate(&[zeros, x.clone()], 0)?
            };
            // k > 0: values vary along columns; k < 0: along rows.
            let placed = if k >= 0 { expand(&padded, 0)? } else { expand(&padded, 1)? };
            let chunks = vec![padded.chunks[0].clone(), padded.chunks[0].clone()];
            let mask = build::generate(Generator::Eye { k }, vec![n, n], DType::Bool, chunks);
            let zero = build::scalar(Scalar::Int(0), x.dtype);
            Ok(Value::Array(build::where_(&mask, &placed, &zero)?))
        }
        _ => Err(value_err("Input must be 1- or 2-d.", a.span("v"))),
    }
}

// ---------------------------------------------------------------- statistics

fn ptp(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("a");
    let x = to_array(&v, span)?;
    let axes = to_axes(&a.value("axis"), a.span("axis"), x.ndim())?;
    let keepdims = to_bool(&a.value("keepdims"), a.span("keepdims"), "keepdims")?;
    let keepdims = keepdims && x.ndim() > 0;
    let (x, axes) = if axes.is_empty() { (expand(&x, 0)?, vec![0]) } else { (x, axes) };
    let hi = build::reduce(&x, ReduceOp::Max, axes.clone(), keepdims)
        .map_err(|d| d.or_span(a.call_span))?;
    let lo = build::reduce(&x, ReduceOp::Min, axes, keepdims)?;
    let node = build::binary(BinaryFn::Sub, &hi, &lo).map_err(|d| d.or_span(a.call_span))?;
    interp.scalar_or_array(&v, node, a.call_span)
}

fn average(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("a");
    let x = to_array(&v, span)?;
    let axes = to_axes(&a.value("axis"), a.span("axis"), x.ndim())?;
    let keepdims = to_bool(&a.value("keepdims"), a.span("keepdims"), "keepdims")?;
    let returned = to_bool(&a.value("returned"), a.span("returned"), "returned")?;
    let keepdims = keepdims && x.ndim() > 0;
    let (x, axes) = if axes.is_empty() { (expand(&x, 0)?, vec![0]) } else { (x, axes) };
    let (avg, scl) = if a.is_none("weights") {
        let avg = build::reduce(&x, ReduceOp::Mean, axes.clone(), keepdims)
            .map_err(|d| d.or_span(a.call_span))?;
        let count: usize = axes.iter().map(|&ax| x.shape[ax]).product();
        let scl =
            build::cast(&build::scalar(Scalar::Float(count as f64), DType::Float64), avg.dtype);
        (avg, scl)
    } else {
        let (wv, wspan) = a.get("weights");
        let mut w = to_array(&wv, wspan)?;
        if w.shape != x.shape {
            if a.is_none("axis") {
                return Err(Diagnostic::new(
                    ErrorKind::Type,
                    "Axis must be specified when shapes of a and weights differ.",
                    wspan,
                ));
            }
            // The axes in the order given: weights follow that order.
            let (av, aspan) = a.get("axis");
            let order: Vec<usize> = match av.sequence() {
                Some(items) => items
                    .iter()
                    .map(|i| norm_axis(to_int(i, aspan, "axis")?, x.ndim(), aspan))
                    .collect::<R<_>>()?,
                None => axes.clone(),
            };
            let want: Vec<usize> = order.iter().map(|&ax| x.shape[ax]).collect();
            if w.shape != want {
                return Err(value_err(
                    "Shape of weights must be consistent with shape of a along specified axis.",
                    wspan,
                ));
            }
            let mut perm: Vec<usize> = (0..order.len()).collect();
            perm.sort_by_key(|&i| order[i]);
            w = build::transpose(&w, perm)?;
            let shape: Vec<i64> = (0..x.ndim())
                .map(|ax| if axes.contains(&ax) { x.shape[ax] as i64 } else { 1 })
                .collect();
            w = build::reshape(&w, &shape)?;
        }
        let mut dtype = DType::promote(x.dtype, w.dtype);
        if x.dtype.is_integer() || x.dtype.is_bool() {
            dtype = DType::promote(dtype, DType::Float64);
        }
        let (xc, wc) = (build::cast(&x, dtype), build::cast(&w, dtype));
        let wfull = build::broadcast_to(&wc, &x.shape).map_err(|d| d.or_span(wspan))?;
        let scl = build::reduce(&wfull, ReduceOp::Sum, axes.clone(), keepdims)?;
        let scl = build::cast(&scl, dtype);
        let prod = build::binary(BinaryFn::Mul, &xc, &wc).map_err(|d| d.or_span(a.call_span))?;
        let num = build::cast(&build::reduce(&prod, ReduceOp::Sum, axes, keepdims)?, dtype);
        let avg = build::binary(BinaryFn::TrueDiv, &num, &scl)?;
        (avg, scl)
    };
    let avg_v = interp.scalar_or_array(&v, avg.clone(), a.call_span)?;
    if !returned {
        return Ok(avg_v);
    }
    let scl = build::cast(&build::broadcast_to(&scl, &avg.shape)?, avg.dtype);
    let scl_v = interp.scalar_or_array(&v, scl, a.call_span)?;
    Ok(Value::tuple(vec![avg_v, scl_v]))
}

fn atleast(_: &mut Interp, a: &mut Args) -> R<Value> {
    let y = to_array(&a.value("ary"), a.span("ary"))?;
    let n = match a.func.name {
        "atleast_1d" => 1,
        "atleast_2d" => 2,
        _ => 3,
    };
    Ok(Value::Array(at_least(&y, n)?))
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "split",
        module: Module::Root,
        signature: "split(ary, indices_or_sections, axis=0)",
        doc: "Splits an array into a list of sub-arrays along `axis`: into N equal sections \
              (an error if they would not be equal), or at a list of indices.",
        examples: &["split(arange(6), 3)", "split(arange(8).reshape(2, 4), [1, 3], axis=1)"],
        method: false,
        imp: split,
    },
    Builtin {
        name: "array_split",
        module: Module::Root,
        signature: "array_split(ary, indices_or_sections, axis=0)",
        doc: "Like `split`, but N sections need not be equal: the first `len % N` sections \
              get one extra element.",
        examples: &["array_split(arange(7), 3)"],
        method: false,
        imp: split,
    },
    Builtin {
        name: "hsplit",
        module: Module::Root,
        signature: "hsplit(ary, indices_or_sections)",
        doc: "Splits horizontally (along axis 1, or axis 0 for 1-D arrays).",
        examples: &["hsplit(arange(12).reshape(3, 4), 2)"],
        method: false,
        imp: split,
    },
    Builtin {
        name: "vsplit",
        module: Module::Root,
        signature: "vsplit(ary, indices_or_sections)",
        doc: "Splits vertically (along axis 0); needs at least 2 dimensions.",
        examples: &["vsplit(arange(12).reshape(4, 3), [1])"],
        method: false,
        imp: split,
    },
    Builtin {
        name: "dsplit",
        module: Module::Root,
        signature: "dsplit(ary, indices_or_sections)",
        doc: "Splits along the third axis (depth); needs at least 3 dimensions.",
        examples: &["[p.shape for p in dsplit(ones((2, 2, 4)), 2)]"],
        method: false,
        imp: split,
    },
    Builtin {
        name: "tile",
        module: Module::Root,
        signature: "tile(A, reps)",
        doc: "The array repeated `reps` times along each axis (an int or a tuple; a longer \
              tuple adds leading axes).",
        examples: &["tile(arange(3), 2)", "tile(array([[1, 2], [3, 4]]), (2, 1))"],
        method: false,
        imp: tile,
    },
    Builtin {
        name: "repeat",
        module: Module::Root,
        signature: "repeat(a, repeats, axis=None)",
        doc: "Repeats each element `repeats` times along `axis` (over the flattened array \
              without one); a list gives one count per element.",
        examples: &[
            "repeat(arange(3), 2)",
            "arange(4).reshape(2, 2).repeat(3, axis=1)",
            "repeat(arange(3), [1, 0, 2])",
        ],
        method: true,
        imp: repeat,
    },
    Builtin {
        name: "diagonal",
        module: Module::Root,
        signature: "diagonal(a, offset=0, axis1=0, axis2=1)",
        doc: "The diagonal at `offset` of the 2-D sub-arrays over `axis1` and `axis2`, \
              as the last axis of the result.",
        examples: &["arange(9).reshape(3, 3).diagonal()", "diagonal(arange(12).reshape(3, 4), 1)"],
        method: true,
        imp: diagonal,
    },
    Builtin {
        name: "diag",
        module: Module::Root,
        signature: "diag(v, k=0)",
        doc: "For a 2-D array, its `k`-th diagonal; for a 1-D array, the 2-D array with `v` \
              on the `k`-th diagonal and zeros elsewhere.",
        examples: &["diag(arange(9).reshape(3, 3))", "diag(array([1, 2]), k=1)"],
        method: false,
        imp: diag,
    },
    Builtin {
        name: "trace",
        module: Module::Root,
        signature: "trace(a, offset=0, axis1=0, axis2=1)",
        doc: "Sum along the diagonal at `offset`.",
        examples: &["trace(eye(3))", "arange(9).reshape(3, 3).trace(offset=1)"],
        method: true,
        imp: trace,
    },
    Builtin {
        name: "ptp",
        module: Module::Root,
        signature: "ptp(a, axis=None, keepdims=False)",
        doc: "Range of values (maximum minus minimum) over the given axes.",
        examples: &["ptp(array([4, 9, 2]))", "ptp(array([[1, 5], [2, 3]]), axis=1)"],
        method: true,
        imp: ptp,
    },
    Builtin {
        name: "average",
        module: Module::Root,
        signature: "average(a, axis=None, weights=None, returned=False, keepdims=False)",
        doc: "Weighted average `sum(a * weights) / sum(weights)` over `axis`; 1-D weights \
              apply along `axis`. With `returned=True`, also the sum of the weights.",
        examples: &[
            "average(arange(4))",
            "average(arange(6).reshape(3, 2), axis=0, weights=[1, 2, 3])",
            "average(array([1.0, 3.0]), weights=[3, 1], returned=True)",
        ],
        method: false,
        imp: average,
    },
    Builtin {
        name: "atleast_1d",
        module: Module::Root,
        signature: "atleast_1d(ary)",
        doc: "The array with at least one dimension (a scalar becomes shape (1,)).",
        examples: &["atleast_1d(5)"],
        method: false,
        imp: atleast,
    },
    Builtin {
        name: "atleast_2d",
        module: Module::Root,
        signature: "atleast_2d(ary)",
        doc: "The array with at least two dimensions (1-D `(n,)` becomes `(1, n)`).",
        examples: &["atleast_2d(arange(3))"],
        method: false,
        imp: atleast,
    },
    Builtin {
        name: "atleast_3d",
        module: Module::Root,
        signature: "atleast_3d(ary)",
        doc: "The array with at least three dimensions (`(n,)` becomes `(1, n, 1)`, \
              `(m, n)` becomes `(m, n, 1)`).",
        examples: &["atleast_3d(arange(3)).shape"],
        method: false,
        imp: atleast,
    },
];
