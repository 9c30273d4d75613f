//! Joining arrays: `concatenate, stack, hstack, vstack, dstack, column_stack`. The
//! result is lazy: each output chunk reads only the inputs it overlaps.

use super::convert::*;
use super::shape::expand;
use super::{Args, Builtin, Module};
use crate::diag::{Diagnostic, ErrorKind};
use crate::interp::{Interp, Value};
use crate::ir::{NodeRef, build};

/// The sequence of arrays in the first parameter (`arrays`, or `tup` for
/// column_stack).
fn arrays(a: &Args) -> R<Vec<NodeRef>> {
    let (v, span) = first_arg(a);
    let items = match &v {
        Value::List(_) | Value::Tuple(_) => v.sequence().expect("sequence"),
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!(
                    "{}() takes a list or tuple of arrays, not {}",
                    a.func.name,
                    other.type_name()
                ),
                span,
            ));
        }
    };
    if items.is_empty() {
        return Err(Diagnostic::new(ErrorKind::Value, "need at least one array to join", span));
    }
    items.iter().map(|x| to_array(x, span)).collect()
}

/// `x` with length-1 axes added until it has `n` dimensions, NumPy's
/// `atleast_2d`/`atleast_3d` placement (1-D `(k,)` becomes `(1, k)` and
/// `(1, k, 1)`).
pub(super) fn at_least(x: &NodeRef, n: usize) -> R<NodeRef> {
    let mut y = x.clone();
    if y.ndim() == 0 {
        y = expand(&y, 0)?;
    }
    if n >= 2 && y.ndim() == 1 {
        y = expand(&y, 0)?;
    }
    if n >= 3 && y.ndim() == 2 {
        y = expand(&y, 2)?;
    }
    Ok(y)
}

fn first_arg(a: &Args) -> (Value, crate::diag::Span) {
    a.get(if a.func.name == "column_stack" { "tup" } else { "arrays" })
}

fn join(a: &Args, xs: Vec<NodeRef>, axis: i64) -> R<Value> {
    let ndim = xs[0].ndim();
    let axis = norm_axis(axis, ndim.max(1), first_arg(a).1)?;
    Ok(Value::Array(build::concatenate(&xs, axis).map_err(|d| d.or_span(a.call_span))?))
}

fn concatenate(_: &mut Interp, a: &mut Args) -> R<Value> {
    let xs = arrays(a)?;
    if xs.iter().any(|x| x.ndim() == 0) {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "zero-dimensional arrays cannot be concatenated",
            a.span("arrays"),
        ));
    }
    if a.is_none("axis") {
        // NumPy: axis=None joins the flattened arrays.
        let flat = xs
            .iter()
            .map(|x| build::reshape(x, &[-1]).map_err(|d| d.or_span(a.span("arrays"))))
            .collect::<R<Vec<_>>>()?;
        return join(a, flat, 0);
    }
    let axis = to_int(&a.value("axis"), a.span("axis"), "axis")?;
    join(a, xs, axis)
}

/// 1-D arrays become columns; 2-D arrays are joined as they are.
fn column_stack(_: &mut Interp, a: &mut Args) -> R<Value> {
    let xs = arrays(a)?
        .iter()
        .map(|x| match x.ndim() {
            0 | 1 => {
                let n = x.size() as i64;
                build::reshape(x, &[n, 1]).map_err(|d| d.or_span(a.span("tup")))
            }
            _ => Ok(x.clone()),
        })
        .collect::<R<Vec<_>>>()?;
    join(a, xs, 1)
}

fn stack(_: &mut Interp, a: &mut Args) -> R<Value> {
    let xs = arrays(a)?;
    let ndim = xs[0].ndim();
    if let Some(bad) = xs.iter().find(|x| x.shape != xs[0].shape) {
        return Err(Diagnostic::new(
            ErrorKind::Shape,
            format!(
                "all input arrays must have the same shape (found {} and {})",
                build::shape_str(&xs[0].shape),
                build::shape_str(&bad.shape)
            ),
            a.span("arrays"),
        ));
    }
    let axis =
        norm_axis(to_int(&a.value("axis"), a.span("axis"), "axis")?, ndim + 1, a.span("axis"))?;
    let expanded = xs.iter().map(|x| expand(x, axis)).collect::<R<Vec<_>>>()?;
    Ok(Value::Array(build::concatenate(&expanded, axis).map_err(|d| d.or_span(a.call_span))?))
}

fn hstack(_: &mut Interp, a: &mut Args) -> R<Value> {
    let xs = arrays(a)?.iter().map(|x| at_least(x, 1)).collect::<R<Vec<_>>>()?;
    let axis = if xs[0].ndim() == 1 { 0 } else { 1 };
    join(a, xs, axis)
}

fn vstack(_: &mut Interp, a: &mut Args) -> R<Value> {
    let xs = arrays(a)?.iter().map(|x| at_least(x, 2)).collect::<R<Vec<_>>>()?;
    join(a, xs, 0)
}

fn dstack(_: &mut Interp, a: &mut Args) -> R<Value> {
    let xs = arrays(a)?.iter().map(|x| at_least(x, 3)).collect::<R<Vec<_>>>()?;
    join(a, xs, 2)
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "concatenate",
        module: Module::Root,
        signature: "concatenate(arrays, axis=0)",
        doc: "Joins arrays along an existing axis; all other dimensions must match.",
        examples: &[
            "concatenate([arange(3), arange(2)])",
            "concatenate([ones((2, 2)), zeros((2, 1))], axis=1)",
        ],
        method: false,
        imp: concatenate,
    },
    Builtin {
        name: "column_stack",
        module: Module::Root,
        signature: "column_stack(tup)",
        doc: "Joins 1-D arrays as the columns of a 2-D array (2-D arrays join along axis 1).",
        examples: &["column_stack([arange(3), arange(3, 6)])"],
        method: false,
        imp: column_stack,
    },
    Builtin {
        name: "stack",
        module: Module::Root,
        signature: "stack(arrays, axis=0)",
        doc: "Joins arrays of the same shape along a new axis.",
        examples: &[
            "stack([arange(3), arange(3) * 10])",
            "stack([ones(2), zeros(2)], axis=1).shape",
        ],
        method: false,
        imp: stack,
    },
    Builtin {
        name: "hstack",
        module: Module::Root,
        signature: "hstack(arrays)",
        doc: "Joins arrays horizontally (along axis 1, or axis 0 for 1-D arrays).",
        examples: &["hstack([arange(2), arange(3)])", "hstack([eye(2), ones((2, 1))])"],
        method: false,
        imp: hstack,
    },
    Builtin {
        name: "vstack",
        module: Module::Root,
        signature: "vstack(arrays)",
        doc: "Joins arrays vertically (along axis 0; 1-D arrays become rows).",
        examples: &["vstack([arange(3), arange(3)])"],
        method: false,
        imp: vstack,
    },
    Builtin {
        name: "dstack",
        module: Module::Root,
        signature: "dstack(arrays)",
        doc: "Joins arrays along the third axis (depth).",
        examples: &["dstack([ones((2, 2)), zeros((2, 2))]).shape"],
        method: false,
        imp: dstack,
    },
];
