//! `pad`: an array extended on each side of each axis, by a constant, its
//! edge values, or its reflection or periodic continuation (NumPy's
//! `constant`, `edge`, `reflect`, `symmetric` and `wrap` modes). Axes are
//! padded one after another, as NumPy does, so later axes see the earlier
//! padding; everything stays lazy (fills, broadcasts, gathers, joins).

use super::arrange::take;
use super::convert::*;
use super::{Args, Builtin, Module};
use crate::array::DType;
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value};
use crate::ir::{Generator, NodeRef, Scalar, build};
use std::sync::Arc;

const SUPPORTED: [&str; 5] = ["constant", "edge", "reflect", "symmetric", "wrap"];

fn value_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Value, msg, span)
}

/// For the modes that continue the data itself: which input index (of an
/// axis of length `n`) fills position `p` (negative before the data, `>= n`
/// after it). These closed forms equal NumPy's repeated reflection for any
/// pad width.
fn periodic_source(mode: &str) -> Option<fn(i64, i64) -> i64> {
    Some(match mode {
        "wrap" => |p, n| p.rem_euclid(n),
        // Mirror including the edge: period 2n.
        "symmetric" => |p, n| {
            let q = p.rem_euclid(2 * n);
            if q < n { q } else { 2 * n - 1 - q }
        },
        // Mirror about the edge element: period 2(n-1).
        "reflect" => |p, n| {
            if n == 1 {
                return 0;
            }
            let q = p.rem_euclid(2 * n - 2);
            if q < n { q } else { 2 * n - 2 - q }
        },
        _ => return None,
    })
}

/// NumPy's `np.broadcast_to(v, (ndim, 2))` for `pad_width` and
/// `constant_values`: a number, `(n,)`, `(before, after)`, `((b, a),)` or
/// one pair per axis.
fn per_axis_pairs(v: &Value, span: Span, ndim: usize, what: &str) -> R<Vec<(Value, Value)>> {
    let is_seq = |v: &Value| matches!(v, Value::List(_) | Value::Tuple(_));
    let rows: Vec<Vec<Value>> = if is_seq(v) {
        let items = v.sequence().expect("sequence");
        if items.iter().all(is_seq) {
            items.iter().map(|i| i.sequence().expect("sequence")).collect()
        } else if items.iter().any(is_seq) {
            return Err(value_err(format!("{what} has an inhomogeneous shape"), span));
        } else {
            vec![items]
        }
    } else {
        vec![vec![v.clone()]]
    };
    let bad = || {
        let shape = if rows.len() == 1 && !is_seq(v) {
            "()".to_string()
        } else {
            let cols = rows.first().map_or(0, |r| r.len());
            if rows.len() == 1 && !v.sequence().into_iter().flatten().any(|i| is_seq(&i)) {
                format!("({cols},) ")
            } else {
                format!("({},{cols}) ", rows.len())
            }
        };
        value_err(
            format!(
                "operands could not be broadcast together with remapped shapes [original->remapped]: \
                 {shape} and requested shape ({ndim},2)"
            ),
            span,
        )
    };
    if !(rows.len() == 1 || rows.len() == ndim) {
        return Err(bad());
    }
    let mut out = Vec::with_capacity(ndim);
    for ax in 0..ndim {
        let row = &rows[if rows.len() == 1 { 0 } else { ax }];
        match row.len() {
            1 => out.push((row[0].clone(), row[0].clone())),
            2 => out.push((row[0].clone(), row[1].clone())),
            _ => return Err(bad()),
        }
    }
    Ok(out)
}

/// A fill of `value` (cast to `dtype`) shaped like `x` with `axis` of length `w`.
pub(super) fn fill_like(x: &NodeRef, axis: usize, w: usize, value: Scalar) -> NodeRef {
    let mut shape = x.shape.clone();
    shape[axis] = w;
    let mut chunks = x.chunks.clone();
    chunks[axis] = vec![w];
    let value = match (x.dtype, value) {
        (d, Scalar::Float(f)) if d.is_integer() => Scalar::Int(f as i64),
        (DType::Bool, v) => Scalar::Bool(v.to_f64() != 0.0),
        (_, v) => v,
    };
    build::generate(Generator::Fill(value), shape, x.dtype, chunks)
}

fn to_scalar(interp: &mut Interp, v: &Value, span: Span) -> R<Scalar> {
    Ok(match v {
        Value::Int(i) => Scalar::Int(*i),
        Value::Bool(b) => Scalar::Bool(*b),
        other => Scalar::Float(to_f64(interp, other, span, "constant_values")?),
    })
}

fn pad(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("array"), a.span("array"))?;
    let mode = match a.value("mode") {
        Value::Str(s) => s.to_string(),
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("mode must be a string, got {}", other.type_name()),
                a.span("mode"),
            ));
        }
    };
    if !SUPPORTED.contains(&mode.as_str()) {
        let known = ["empty", "linear_ramp", "maximum", "mean", "median", "minimum"];
        let mut d = value_err(format!("mode '{mode}' is not supported"), a.span("mode"));
        if known.contains(&mode.as_str()) {
            d = d.with_hint(format!("arr supports the modes {}", SUPPORTED.join(", ")));
        }
        return Err(d);
    }
    let (pw, pw_span) = a.get("pad_width");
    let widths = per_axis_pairs(&pw, pw_span, x.ndim(), "pad_width")?
        .into_iter()
        .map(|(b, e)| {
            let int = |v: &Value| match v {
                Value::Int(i) => Ok(*i),
                Value::Bool(b) => Ok(*b as i64),
                _ => Err(Diagnostic::new(
                    ErrorKind::Type,
                    "`pad_width` must be of integral type.",
                    pw_span,
                )),
            };
            let (b, e) = (int(&b)?, int(&e)?);
            if b < 0 || e < 0 {
                return Err(value_err("index can't contain negative values", pw_span));
            }
            Ok((b as usize, e as usize))
        })
        .collect::<R<Vec<_>>>()?;
    let values = if mode == "constant" {
        let (cv, cv_span) = a.get("constant_values");
        per_axis_pairs(&cv, cv_span, x.ndim(), "constant_values")?
            .into_iter()
            .map(|(b, e)| Ok((to_scalar(interp, &b, cv_span)?, to_scalar(interp, &e, cv_span)?)))
            .collect::<R<Vec<_>>>()?
    } else {
        vec![(Scalar::Int(0), Scalar::Int(0)); x.ndim()]
    };
    let mut y = x.clone();
    for axis in 0..x.ndim() {
        let (before, after) = widths[axis];
        if before == 0 && after == 0 {
            continue;
        }
        let n = y.shape[axis];
        if let Some(source) = periodic_source(&mode) {
            // Every output position reads one input position: a gather.
            if n == 0 {
                return Err(value_err(
                    format!(
                        "can't extend empty axis {axis} using modes other than 'constant' or 'empty'"
                    ),
                    a.span("array"),
                ));
            }
            let total = before + n + after;
            let indices: Vec<usize> =
                (0..total).map(|p| source(p as i64 - before as i64, n as i64) as usize).collect();
            y = build::take(&y, axis, Arc::new(indices)).map_err(|d| d.or_span(a.call_span))?;
            continue;
        }
        let mut parts = Vec::with_capacity(3);
        let edge = |start: usize, w: usize| -> R<NodeRef> {
            let one = take(&y, axis, start, 1)?;
            let mut shape = one.shape.clone();
            shape[axis] = w;
            build::broadcast_to(&one, &shape)
        };
        if mode != "constant" && n == 0 {
            return Err(value_err(
                format!(
                    "can't extend empty axis {axis} using modes other than 'constant' or 'empty'"
                ),
                a.span("array"),
            ));
        }
        if before > 0 {
            parts.push(if mode == "edge" {
                edge(0, before)?
            } else {
                fill_like(&y, axis, before, values[axis].0)
            });
        }
        parts.push(y.clone());
        if after > 0 {
            parts.push(if mode == "edge" {
                edge(n - 1, after)?
            } else {
                fill_like(&y, axis, after, values[axis].1)
            });
        }
        y = build::concatenate(&parts, axis).map_err(|d| d.or_span(a.call_span))?;
    }
    Ok(Value::Array(y))
}

pub(super) const BUILTINS: &[Builtin] = &[Builtin {
    name: "pad",
    module: Module::Root,
    signature: "pad(array, pad_width, mode='constant', constant_values=0)",
    doc: "The array padded on each side of each axis: with `constant_values` \
              (mode='constant'), the edge values (mode='edge'), the mirror image without or \
              with the edge (mode='reflect', 'symmetric') or the periodic continuation \
              (mode='wrap'). `pad_width` is an int, a `(before, after)` pair, or one pair per \
              axis.",
    examples: &[
        "pad(arange(3), 2)",
        "pad(ones((2, 2)), ((1, 0), (0, 2)), constant_values=7)",
        "pad(arange(3), (1, 2), mode='edge')",
        "pad(arange(5), 2, mode='reflect')",
        "pad(arange(4).reshape(2, 2), 1, mode='wrap')",
    ],
    method: false,
    imp: pad,
}];
