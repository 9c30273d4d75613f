//! Shape operations: `reshape, transpose, ravel/flatten, rechunk,
//! expand_dims, squeeze, broadcast_to`, and `matmul`/`dot` (built from
//! broadcasting and a sum, so they run chunked and lazily).

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value};
use crate::ir::build;
use crate::ir::ops::BinaryFn;
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

/// `a @ b` with NumPy's rules for 1-D and batched operands: 1-D operands
/// gain a length-1 axis that is removed again, everything else is one
/// `MatMul` node (a blocked GEMM, see `ir::matmul`).
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
    if a2.shape[a2.ndim() - 1] != b2.shape[b2.ndim() - 2] {
        let (k1, k2) = (a2.shape[a2.ndim() - 1], b2.shape[b2.ndim() - 2]);
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
    let mut out = crate::ir::matmul::matmul(&a2, &b2).map_err(|d| d.or_span(span))?;
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

/// NumPy's `dot` for a second operand of three or more dimensions: the last
/// axis of `a` is summed with the second-to-last of `b`, and the result has
/// `a`'s other axes followed by `b`'s (unlike `matmul`, nothing broadcasts).
/// Both become matrices (`b`'s summed axis moved to the front) for one GEMM.
fn dot_nd(a: &NodeRef, b: &NodeRef, span: Span) -> R<NodeRef> {
    let (ka, nb) = (a.shape[a.ndim() - 1], b.ndim());
    if ka != b.shape[nb - 2] {
        return Err(Diagnostic::new(
            ErrorKind::Shape,
            format!(
                "shapes {} and {} not aligned: {ka} (dim {}) != {} (dim {})",
                build::shape_str(&a.shape),
                build::shape_str(&b.shape),
                a.ndim() - 1,
                b.shape[nb - 2],
                nb - 2
            ),
            span,
        ));
    }
    let err = |d: Diagnostic| d.or_span(span);
    let mut perm = vec![nb - 2];
    perm.extend((0..nb).filter(|&i| i != nb - 2));
    let bt = build::transpose(b, perm).map_err(err)?;
    let b2 = build::reshape(&bt, &[ka as i64, -1]).map_err(err)?;
    let a2 = build::reshape(a, &[-1, ka as i64]).map_err(err)?;
    let prod = crate::ir::matmul::matmul(&a2, &b2).map_err(err)?;
    let shape: Vec<i64> = a.shape[..a.ndim() - 1]
        .iter()
        .chain(&b.shape[..nb - 2])
        .chain(&b.shape[nb - 1..])
        .map(|&d| d as i64)
        .collect();
    build::reshape(&prod, &shape).map_err(err)
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
    let (xa, ya) = (to_array(&x, xs)?, to_array(&y, ys)?);
    if a.func.name == "dot" && xa.ndim() >= 2 && ya.ndim() >= 3 {
        return Ok(Value::Array(dot_nd(&xa, &ya, a.call_span)?));
    }
    let node = matmul_nodes(&xa, &ya, a.call_span)?;
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
        doc: "NumPy's dot: the matrix product for 2-D arrays, the inner product for 1-D; for \
              N-D arrays the sum over the last axis of `x1` and the second-to-last of `x2`, \
              with `x1`'s other axes then `x2`'s (no broadcasting, unlike matmul).",
        examples: &[
            "dot(array([1, 2]), array([3, 4]))",
            "ones((2, 3)).dot(ones((3, 2)))",
            "dot(ones((2, 3)), ones((4, 3, 5))).shape",
        ],
        method: true,
        imp: matmul,
    },
];
