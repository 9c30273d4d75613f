//! Shape operations: `reshape, transpose, ravel/flatten, rechunk,
//! expand_dims, squeeze, broadcast_to`, and `matmul`/`dot` (built from
//! broadcasting and a sum, so they run chunked and lazily).

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value};
use crate::ir::build;
use crate::ir::ops::{BinaryFn, ReduceOp};
use crate::ir::{AxisSel, NodeRef};

/// Ints from `*args` that may also be passed as one tuple: `reshape(2, 3)`
/// or `reshape((2, 3))`.
fn int_list(varargs: &[(Value, Span)], what: &str) -> R<Option<Vec<i64>>> {
    match varargs {
        [] => Ok(None),
        [(v @ (Value::Tuple(_) | Value::List(_)), span)] => Ok(Some(
            v.sequence()
                .expect("sequence")
                .iter()
                .map(|d| to_int(d, *span, what))
                .collect::<R<_>>()?,
        )),
        [(Value::None, _)] => Ok(None),
        many => Ok(Some(many.iter().map(|(v, s)| to_int(v, *s, what)).collect::<R<_>>()?)),
    }
}

fn reshape(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    // Point at the whole requested shape: `reshape(5, -1)` marks `5, -1`.
    let span = match (a.varargs.first(), a.varargs.last()) {
        (Some((_, first)), Some((_, last))) => first.join(*last),
        _ => a.call_span,
    };
    let Some(shape) = int_list(&a.varargs, "each dimension")? else {
        return Err(Diagnostic::new(ErrorKind::Type, "reshape() needs the new shape", a.call_span));
    };
    Ok(Value::Array(build::reshape(&x, &shape).map_err(|d| d.or_span(span))?))
}

pub fn transpose_node(x: &NodeRef, axes: Option<Vec<i64>>, span: Span) -> R<NodeRef> {
    let perm: Vec<usize> = match axes {
        None => (0..x.ndim()).rev().collect(),
        Some(ax) => ax.iter().map(|&v| norm_axis(v, x.ndim(), span)).collect::<R<_>>()?,
    };
    build::transpose(x, perm).map_err(|d| d.or_span(span))
}

fn transpose(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let span = a.varargs.first().map(|(_, s)| *s).unwrap_or(a.call_span);
    let mut axes = int_list(&a.varargs, "axis")?;
    if axes.is_none() && !a.is_none("axes") {
        axes = int_list(&[a.get("axes")], "axis")?;
    }
    Ok(Value::Array(transpose_node(&x, axes, span)?))
}

fn ravel(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    Ok(Value::Array(build::reshape(&x, &[-1]).map_err(|d| d.or_span(a.call_span))?))
}

fn rechunk(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("x"), a.span("x"))?;
    let (v, span) = a.get("chunks");
    Ok(Value::Array(build::rechunk(&x, &to_chunks(&v, span)?).map_err(|d| d.or_span(span))?))
}

/// Inserts a length-1 axis at `axis` (already normalized to 0..=ndim).
pub fn expand(x: &NodeRef, axis: usize) -> R<NodeRef> {
    let mut sels: Vec<AxisSel> =
        x.shape.iter().map(|&n| AxisSel::Range { start: 0, step: 1, len: n }).collect();
    sels.insert(axis, AxisSel::NewAxis);
    build::slice(x, sels)
}

fn expand_dims(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let ax = to_int(&a.value("axis"), a.span("axis"), "axis")?;
    let axis = norm_axis(ax, x.ndim() + 1, a.span("axis"))?;
    Ok(Value::Array(expand(&x, axis)?))
}

fn squeeze(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let axes = if a.is_none("axis") {
        (0..x.ndim()).filter(|&i| x.shape[i] == 1).collect()
    } else {
        to_axes(&a.value("axis"), a.span("axis"), x.ndim())?
    };
    if let Some(&bad) = axes.iter().find(|&&i| x.shape[i] != 1) {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            format!(
                "cannot select an axis to squeeze out which has size not equal to one (axis {bad})"
            ),
            a.span("axis"),
        ));
    }
    let sels = (0..x.ndim())
        .map(|i| {
            if axes.contains(&i) {
                AxisSel::Index(0)
            } else {
                AxisSel::Range { start: 0, step: 1, len: x.shape[i] }
            }
        })
        .collect();
    Ok(Value::Array(build::slice(&x, sels)?))
}

fn broadcast_to(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("array"), a.span("array"))?;
    let shape = to_shape(&a.value("shape"), a.span("shape"))?;
    Ok(Value::Array(build::broadcast_to(&x, &shape).map_err(|d| d.or_span(a.call_span))?))
}

/// `a @ b` with NumPy's rules for 1-D and batched operands, as a
/// broadcast product summed over the shared axis.
pub fn matmul_nodes(a: &NodeRef, b: &NodeRef, span: Span) -> R<NodeRef> {
    if a.ndim() == 0 || b.ndim() == 0 {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "matmul: input operand does not have enough dimensions (scalars are not allowed; use *)",
            span,
        ));
    }
    let a2 = if a.ndim() == 1 { expand(a, 0)? } else { a.clone() };
    let b2 = if b.ndim() == 1 { expand(b, 1)? } else { b.clone() };
    let (k1, k2) = (a2.shape[a2.ndim() - 1], b2.shape[b2.ndim() - 2]);
    if k1 != k2 {
        return Err(Diagnostic::new(
            ErrorKind::Shape,
            format!(
                "matmul: shapes {} and {} are not aligned: {k1} (last axis of the first) != {k2} \
                 (second-to-last axis of the second)",
                build::shape_str(&a.shape),
                build::shape_str(&b.shape)
            ),
            span,
        ));
    }
    // (..., n, k, 1) * (..., 1, k, m) summed over k.
    let left = expand(&a2, a2.ndim())?;
    let right = expand(&b2, b2.ndim() - 2)?;
    let prod = build::binary(BinaryFn::Mul, &left, &right).map_err(|d| d.or_span(span))?;
    let k_axis = prod.ndim() - 2;
    let mut out = build::reduce(&prod, ReduceOp::Sum, vec![k_axis], false)?;
    if out.dtype != prod.dtype {
        out = build::cast(&out, prod.dtype);
    }
    let nd = out.ndim();
    if b.ndim() == 1 {
        out = squeeze_axis(&out, nd - 1)?;
    }
    if a.ndim() == 1 {
        let nd = out.ndim();
        out = squeeze_axis(&out, nd - if b.ndim() == 1 { 1 } else { 2 })?;
    }
    Ok(out)
}

fn squeeze_axis(x: &NodeRef, axis: usize) -> R<NodeRef> {
    let sels = (0..x.ndim())
        .map(|i| {
            if i == axis {
                AxisSel::Index(0)
            } else {
                AxisSel::Range { start: 0, step: 1, len: x.shape[i] }
            }
        })
        .collect();
    build::slice(x, sels)
}

fn matmul(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (x, xs) = a.get("x1");
    let (y, ys) = a.get("x2");
    if a.func.name == "dot" && (to_array(&x, xs)?.ndim() > 2 || to_array(&y, ys)?.ndim() > 2) {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "dot of arrays with more than 2 dimensions is not supported yet",
            a.call_span,
        )
        .with_hint("use matmul (or @), which broadcasts over leading axes"));
    }
    if a.func.name == "dot"
        && (matches!(x, Value::Int(_) | Value::Float(_))
            || matches!(y, Value::Int(_) | Value::Float(_)))
    {
        return crate::interp::ops::binary_values(
            interp,
            BinaryFn::Mul,
            &x,
            xs,
            &y,
            ys,
            a.call_span,
        );
    }
    let node = matmul_nodes(&to_array(&x, xs)?, &to_array(&y, ys)?, a.call_span)?;
    Ok(Value::Array(node))
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "reshape",
        module: Module::Root,
        signature: "reshape(a, *shape)",
        doc: "The same elements in a new shape (C order); one dimension may be -1. \
              `x.reshape(2, 3)` and `x.reshape((2, 3))` both work.",
        examples: &["arange(6).reshape(2, 3)", "reshape(arange(6), (3, -1))"],
        method: true,
        imp: reshape,
    },
    Builtin {
        name: "transpose",
        module: Module::Root,
        signature: "transpose(a, *axes_list, axes=None)",
        doc: "Permutes the axes (reverses them by default); `x.T` is the same.",
        examples: &["arange(6).reshape(2, 3).T", "transpose(ones((2, 3, 4)), (1, 0, 2)).shape"],
        method: true,
        imp: transpose,
    },
    Builtin {
        name: "ravel",
        module: Module::Root,
        signature: "ravel(a)",
        doc: "The elements as a 1-D array, in C order.",
        examples: &["eye(2).ravel()"],
        method: true,
        imp: ravel,
    },
    Builtin {
        name: "flatten",
        module: Module::Root,
        signature: "flatten(a)",
        doc: "The elements as a 1-D array, in C order (same as ravel).",
        examples: &["arange(4).reshape(2, 2).flatten()"],
        method: true,
        imp: ravel,
    },
    Builtin {
        name: "rechunk",
        module: Module::Root,
        signature: "rechunk(x, chunks='auto')",
        doc: "The same array with a new chunk grid.",
        examples: &["ones((100, 100), chunks=10).rechunk((50, 100)).chunks"],
        method: true,
        imp: rechunk,
    },
    Builtin {
        name: "expand_dims",
        module: Module::Root,
        signature: "expand_dims(a, axis)",
        doc: "Inserts a length-1 axis at `axis`.",
        examples: &["expand_dims(arange(3), 0).shape"],
        method: false,
        imp: expand_dims,
    },
    Builtin {
        name: "squeeze",
        module: Module::Root,
        signature: "squeeze(a, axis=None)",
        doc: "Removes length-1 axes (all of them, or those in `axis`).",
        examples: &["squeeze(ones((1, 3, 1))).shape"],
        method: true,
        imp: squeeze,
    },
    Builtin {
        name: "broadcast_to",
        module: Module::Root,
        signature: "broadcast_to(array, shape)",
        doc: "The array broadcast to `shape` (no data is copied).",
        examples: &["broadcast_to(arange(3), (2, 3))"],
        method: false,
        imp: broadcast_to,
    },
    Builtin {
        name: "matmul",
        module: Module::Root,
        signature: "matmul(x1, x2)",
        doc: "Matrix product (`x1 @ x2`), broadcasting over leading axes; 1-D operands are \
              treated as vectors.",
        examples: &[
            "matmul(eye(2), array([[1.0, 2.0], [3.0, 4.0]]))",
            "array([1, 2]) @ array([3, 4])",
        ],
        method: false,
        imp: matmul,
    },
    Builtin {
        name: "dot",
        module: Module::Root,
        signature: "dot(x1, x2)",
        doc: "Dot product of 1-D or 2-D arrays (matrix product for 2-D).",
        examples: &["dot(array([1, 2]), array([3, 4]))", "ones((2, 3)).dot(ones((3, 2)))"],
        method: true,
        imp: matmul,
    },
];
