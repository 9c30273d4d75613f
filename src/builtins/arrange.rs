//! Rearranging and masking: `triu, tril, tri, flip, fliplr, flipud, roll,
//! swapaxes, moveaxis, outer, meshgrid, diff, nan_to_num, isclose,
//! allclose, array_equal`. Each is built from lazy slices, broadcasts,
//! concatenations and generated masks, so it chunks and fuses like any
//! other expression.

use super::convert::*;
use super::shape::{expand, transpose_node};
use super::{Args, Builtin, Module};
use crate::array::DType;
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value};
use crate::ir::ops::{BinaryFn, ReduceOp, UnaryFn};
use crate::ir::{AxisSel, Generator, NodeRef, Scalar, build};

pub(super) fn full_sel(n: usize) -> AxisSel {
    AxisSel::Range { start: 0, step: 1, len: n }
}

/// `x[..., start:start+len, ...]` along one axis.
pub(super) fn take(x: &NodeRef, axis: usize, start: usize, len: usize) -> R<NodeRef> {
    // An empty range starts at 0 so it is valid for any axis length.
    let start = if len == 0 { 0 } else { start as i64 };
    let sels =
        (0..x.ndim())
            .map(|a| {
                if a == axis {
                    AxisSel::Range { start, step: 1, len }
                } else {
                    full_sel(x.shape[a])
                }
            })
            .collect();
    build::slice(x, sels)
}

/// The lower-triangle mask (`col - row <= k`) for the last two axes of `x`.
fn tri_mask(x: &NodeRef, k: i64, span: Span) -> R<NodeRef> {
    if x.ndim() < 2 {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "input must have at least 2 dimensions",
            span,
        ));
    }
    let (m, n) = (x.shape[x.ndim() - 2], x.shape[x.ndim() - 1]);
    let chunks = vec![x.chunks[x.ndim() - 2].clone(), x.chunks[x.ndim() - 1].clone()];
    Ok(build::generate(Generator::Tri { k }, vec![m, n], DType::Bool, chunks))
}

fn triangle(a: &Args, lower: bool) -> R<Value> {
    let (v, span) = a.get("m");
    let x = to_array(&v, span)?;
    let k = to_int(&a.value("k"), a.span("k"), "k")?;
    let zero = build::scalar(Scalar::Int(0), x.dtype);
    let node = if lower {
        build::where_(&tri_mask(&x, k, span)?, &x, &zero)?
    } else {
        // Saturating: `k = i64::MIN` keeps every element, it must not wrap.
        build::where_(&tri_mask(&x, k.saturating_sub(1), span)?, &zero, &x)?
    };
    Ok(Value::Array(node))
}

fn flip_axes(x: &NodeRef, axes: &[usize]) -> R<NodeRef> {
    let sels = (0..x.ndim())
        .map(|a| {
            if axes.contains(&a) && x.shape[a] > 0 {
                AxisSel::Range { start: x.shape[a] as i64 - 1, step: -1, len: x.shape[a] }
            } else {
                full_sel(x.shape[a])
            }
        })
        .collect();
    build::slice(x, sels)
}

fn flip(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("m"), a.span("m"))?;
    let axes = match a.func.name {
        "fliplr" => vec![1],
        "flipud" => vec![0],
        _ => to_axes(&a.value("axis"), a.span("axis"), x.ndim())?,
    };
    if axes.iter().any(|&ax| ax >= x.ndim()) {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            format!("{}() needs more dimensions", a.func.name),
            a.call_span,
        ));
    }
    Ok(Value::Array(flip_axes(&x, &axes)?))
}

fn roll(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let shift = to_int(&a.value("shift"), a.span("shift"), "shift")?;
    let (flat, axis) = if a.is_none("axis") {
        (build::reshape(&x, &[-1])?, 0)
    } else {
        (
            x.clone(),
            norm_axis(to_int(&a.value("axis"), a.span("axis"), "axis")?, x.ndim(), a.span("axis"))?,
        )
    };
    let n = flat.shape.get(axis).copied().unwrap_or(0);
    let rolled = if n == 0 || shift.rem_euclid(n as i64) == 0 {
        flat
    } else {
        let s = shift.rem_euclid(n as i64) as usize;
        let tail = take(&flat, axis, n - s, s)?;
        let head = take(&flat, axis, 0, n - s)?;
        build::concatenate(&[tail, head], axis)?
    };
    let shape: Vec<i64> = x.shape.iter().map(|&d| d as i64).collect();
    Ok(Value::Array(build::reshape(&rolled, &shape)?))
}

fn swapaxes(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let i =
        norm_axis(to_int(&a.value("axis1"), a.span("axis1"), "axis1")?, x.ndim(), a.span("axis1"))?;
    let j =
        norm_axis(to_int(&a.value("axis2"), a.span("axis2"), "axis2")?, x.ndim(), a.span("axis2"))?;
    let mut perm: Vec<usize> = (0..x.ndim()).collect();
    perm.swap(i, j);
    Ok(Value::Array(build::transpose(&x, perm)?))
}

fn moveaxis(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let src = norm_axis(
        to_int(&a.value("source"), a.span("source"), "source")?,
        x.ndim(),
        a.span("source"),
    )?;
    let dst = norm_axis(
        to_int(&a.value("destination"), a.span("destination"), "destination")?,
        x.ndim(),
        a.span("destination"),
    )?;
    let mut perm: Vec<usize> = (0..x.ndim()).filter(|&p| p != src).collect();
    perm.insert(dst, src);
    Ok(Value::Array(build::transpose(&x, perm)?))
}

fn outer(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let x = build::reshape(&to_array(&a.value("a"), a.span("a"))?, &[-1])?;
    let y = build::reshape(&to_array(&a.value("b"), a.span("b"))?, &[-1])?;
    let node = build::binary(BinaryFn::Mul, &expand(&x, 1)?, &expand(&y, 0)?)?;
    interp.scalar_or_array(&Value::None, node, a.call_span)
}

fn meshgrid(_: &mut Interp, a: &mut Args) -> R<Value> {
    let xs = a
        .varargs
        .iter()
        .map(|(v, s)| to_array(v, *s).and_then(|n| build::reshape(&n, &[-1])))
        .collect::<R<Vec<_>>>()?;
    let ij = match a.value("indexing") {
        Value::Str(s) if &*s == "ij" => true,
        Value::Str(s) if &*s == "xy" => false,
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Value,
                format!("indexing must be 'xy' or 'ij', not {}", crate::interp::repr(&other)),
                a.span("indexing"),
            ));
        }
    };
    let mut shape: Vec<usize> = xs.iter().map(|x| x.shape[0]).collect();
    if !ij && shape.len() >= 2 {
        shape.swap(0, 1);
    }
    let mut out = Vec::with_capacity(xs.len());
    for (i, x) in xs.iter().enumerate() {
        let pos = if !ij && xs.len() >= 2 && i < 2 { 1 - i } else { i };
        let mut sels = vec![AxisSel::NewAxis; shape.len()];
        sels[pos] = full_sel(x.shape[0]);
        let placed = build::slice(x, sels)?;
        out.push(Value::Array(build::broadcast_to(&placed, &shape)?));
    }
    Ok(Value::tuple(out))
}

fn diff(_: &mut Interp, a: &mut Args) -> R<Value> {
    let mut x = to_array(&a.value("a"), a.span("a"))?;
    let n = to_int(&a.value("n"), a.span("n"), "n")?;
    if n < 0 {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            format!("order must be non-negative but got {n}"),
            a.span("n"),
        ));
    }
    if x.ndim() == 0 {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "diff requires input that is at least one dimensional",
            a.span("a"),
        ));
    }
    let axis =
        norm_axis(to_int(&a.value("axis"), a.span("axis"), "axis")?, x.ndim(), a.span("axis"))?;
    for _ in 0..n {
        let len = x.shape[axis];
        if len == 0 {
            break;
        }
        let hi = take(&x, axis, 1, len - 1)?;
        let lo = take(&x, axis, 0, len - 1)?;
        x = if x.dtype == DType::Bool {
            build::binary(BinaryFn::Ne, &hi, &lo)?
        } else {
            build::binary(BinaryFn::Sub, &hi, &lo)?
        };
    }
    Ok(Value::Array(x))
}

fn nan_to_num(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("x");
    let x = to_array(&v, span)?;
    if !x.dtype.is_float() {
        return Ok(Value::Array(x));
    }
    let (lo, hi) = if x.dtype == DType::Float32 {
        (f32::MIN as f64, f32::MAX as f64)
    } else {
        (f64::MIN, f64::MAX)
    };
    let value = |interp: &mut Interp, name: &str, default: f64| -> R<NodeRef> {
        let f = if a.is_none(name) {
            default
        } else {
            to_f64(interp, &a.value(name), a.span(name), name)?
        };
        Ok(build::scalar(Scalar::Float(f), x.dtype))
    };
    let nan = value(interp, "nan", 0.0)?;
    let pos = value(interp, "posinf", hi)?;
    let neg = value(interp, "neginf", lo)?;
    let inf = build::scalar(Scalar::Float(f64::INFINITY), x.dtype);
    let ninf = build::scalar(Scalar::Float(f64::NEG_INFINITY), x.dtype);
    let mut y = build::where_(&build::unary(UnaryFn::IsNan, &x)?, &nan, &x)?;
    y = build::where_(&build::binary(BinaryFn::Eq, &x, &inf)?, &pos, &y)?;
    y = build::where_(&build::binary(BinaryFn::Eq, &x, &ninf)?, &neg, &y)?;
    interp.scalar_or_array(&v, y, span)
}

/// `|a - b| <= atol + rtol * |b|`, with NaNs equal when `equal_nan`.
fn isclose_node(interp: &mut Interp, a: &Args) -> R<NodeRef> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let y = to_array(&a.value("b"), a.span("b"))?;
    let rtol = to_f64(interp, &a.value("rtol"), a.span("rtol"), "rtol")?;
    let atol = to_f64(interp, &a.value("atol"), a.span("atol"), "atol")?;
    let f = |v: f64| build::scalar(Scalar::Float(v), DType::Float64);
    let xf = build::cast(&x, DType::promote(x.dtype.to_float(), DType::Float64));
    let yf = build::cast(&y, xf.dtype);
    let diff = build::unary(UnaryFn::Abs, &build::binary(BinaryFn::Sub, &xf, &yf)?)?;
    let tol = build::binary(
        BinaryFn::Add,
        &f(atol),
        &build::binary(BinaryFn::Mul, &f(rtol), &build::unary(UnaryFn::Abs, &yf)?)?,
    )?;
    let close = build::binary(BinaryFn::Le, &diff, &tol)?;
    // Equal infinities are close even though their difference is nan.
    let same = build::binary(BinaryFn::Eq, &xf, &yf)?;
    let mut out = build::binary(BinaryFn::LogicalOr, &close, &same)?;
    if to_bool(&a.value("equal_nan"), a.span("equal_nan"), "equal_nan")? {
        let both = build::binary(
            BinaryFn::LogicalAnd,
            &build::unary(UnaryFn::IsNan, &xf)?,
            &build::unary(UnaryFn::IsNan, &yf)?,
        )?;
        out = build::binary(BinaryFn::LogicalOr, &out, &both)?;
    }
    Ok(out)
}

fn isclose(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let node = isclose_node(interp, a).map_err(|d| d.or_span(a.call_span))?;
    interp.scalar_or_array(&a.value("a"), node, a.call_span)
}

fn all_of(interp: &mut Interp, node: NodeRef, span: Span) -> R<Value> {
    let all = build::reduce(&node, ReduceOp::All, (0..node.ndim()).collect(), false)?;
    let data = interp.compute(&all).map_err(|d| d.or_span(span))?;
    Ok(Value::Bool(data.get_f64(0) != 0.0))
}

fn allclose(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let node = isclose_node(interp, a).map_err(|d| d.or_span(a.call_span))?;
    all_of(interp, node, a.call_span)
}

fn array_equal(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a1"), a.span("a1"))?;
    let y = to_array(&a.value("a2"), a.span("a2"))?;
    if x.shape != y.shape {
        return Ok(Value::Bool(false));
    }
    let eq = build::binary(BinaryFn::Eq, &x, &y)?;
    all_of(interp, eq, a.call_span)
}

/// The indices of the non-zero elements, one index array per axis (each a
/// masked `arange` along its axis, sharing one count of the mask).
pub(super) fn nonzero_nodes(interp: &mut Interp, x: &NodeRef, span: Span) -> R<Vec<NodeRef>> {
    if x.ndim() == 0 {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "nonzero of a 0-d array is not supported; use atleast_1d first",
            span,
        ));
    }
    let mask = build::cast(x, DType::Bool);
    let mut out = Vec::with_capacity(x.ndim());
    let mut counts = None;
    for axis in 0..x.ndim() {
        let n = x.shape[axis];
        let idx = build::generate(
            Generator::Arange { start: crate::ir::F64Key(0.0), step: crate::ir::F64Key(1.0) },
            vec![n],
            DType::Int64,
            vec![x.chunks[axis].clone()],
        );
        let mut sels = vec![AxisSel::NewAxis; x.ndim()];
        sels[axis] = full_sel(n);
        let placed = build::broadcast_to(&build::slice(&idx, sels)?, &x.shape)?;
        let picked = match &counts {
            None => {
                let m = interp.masked(&placed, &mask).map_err(|d| d.or_span(span))?;
                if let crate::ir::Op::Mask(c) = &m.op {
                    counts = Some(c.clone());
                }
                m
            }
            Some(c) => build::mask(&placed, &mask, c.clone())?,
        };
        out.push(picked);
    }
    Ok(out)
}

fn nonzero(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("a");
    let x = to_array(&v, span)?;
    let idx = nonzero_nodes(interp, &x, span)?;
    Ok(Value::tuple(idx.into_iter().map(Value::Array).collect()))
}

fn argwhere(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("a");
    let x = to_array(&v, span)?;
    let idx = nonzero_nodes(interp, &x, span)?;
    let cols = idx.iter().map(|i| expand(i, 1)).collect::<R<Vec<_>>>()?;
    Ok(Value::Array(build::concatenate(&cols, 1)?))
}

/// `take(a, indices, axis)`: `a[..., indices, ...]` along one axis (the
/// flattened array without an axis). The indices are computed now (they
/// are small), by indexing's own rules and limits; the gather stays lazy
/// and reads only the chunks it touches.
fn take_builtin(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (av, aspan) = a.get("a");
    let mut x = to_array(&av, aspan)?;
    let axis = if a.is_none("axis") {
        x = build::reshape(&x, &[-1]).map_err(|d| d.or_span(aspan))?;
        0
    } else {
        norm_axis(to_int(&a.value("axis"), a.span("axis"), "axis")?, x.ndim(), a.span("axis"))?
    };
    let (iv, ispan) = a.get("indices");
    let idx = to_array(&iv, ispan)?;
    // NumPy casts the indices to intp by `same_kind`: bools become 0 and 1
    // (they are not a mask here), floats are refused; an empty list is an
    // empty integer index.
    let empty_list = idx.size() == 0 && !matches!(iv, Value::Array(_));
    let iv = match idx.dtype {
        DType::Bool if !empty_list => Value::Array(build::cast(&idx, DType::Int64)),
        d if d.is_float() && !empty_list => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("take() needs integer indices, not {d}"),
                ispan,
            ));
        }
        _ => iv,
    };
    let node = interp.take_along(&x, axis, iv, ispan)?;
    interp.scalar_or_array(&av, node, a.call_span)
}

/// `rot90(m, k, axes)`: rotation by 90 degrees `k` times in the plane of
/// `axes`, from the first axis toward the second (NumPy's composition of a
/// flip and a transpose).
fn rot90(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("m"), a.span("m"))?;
    let k = to_int(&a.value("k"), a.span("k"), "k")?.rem_euclid(4);
    let (av, aspan) = a.get("axes");
    let axes = match av.sequence() {
        Some(items) if items.len() == 2 => items
            .iter()
            .map(|v| norm_axis(to_int(v, aspan, "axes")?, x.ndim(), aspan))
            .collect::<R<Vec<_>>>()?,
        _ => {
            return Err(Diagnostic::new(ErrorKind::Value, "len(axes) must be 2.", aspan));
        }
    };
    if x.ndim() < 2 || axes[0] == axes[1] {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "rot90 needs two different axes of an array with at least 2 dimensions",
            aspan,
        ));
    }
    let err = |d: Diagnostic| d.or_span(a.call_span);
    let mut perm: Vec<usize> = (0..x.ndim()).collect();
    perm.swap(axes[0], axes[1]);
    let node = match k {
        0 => x,
        1 => build::transpose(&flip_axes(&x, &[axes[1]]).map_err(err)?, perm).map_err(err)?,
        2 => flip_axes(&x, &axes).map_err(err)?,
        _ => flip_axes(&build::transpose(&x, perm).map_err(err)?, &[axes[1]]).map_err(err)?,
    };
    Ok(Value::Array(node))
}

fn tri(_: &mut Interp, a: &mut Args) -> R<Value> {
    let n = to_int(&a.value("N"), a.span("N"), "N")?.max(0) as usize;
    let m =
        if a.is_none("M") { n } else { to_int(&a.value("M"), a.span("M"), "M")?.max(0) as usize };
    let k = to_int(&a.value("k"), a.span("k"), "k")?;
    let dtype = to_dtype(&a.value("dtype"), a.span("dtype"))?.unwrap_or(DType::Float64);
    let chunks = build::chunks_for(&crate::ir::chunks::ChunkSpec::Auto, &[n, m], dtype)?;
    Ok(Value::Array(build::generate(Generator::Tri { k }, vec![n, m], dtype, chunks)))
}

fn transpose_last_two(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("x"), a.span("x"))?;
    if x.ndim() < 2 {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "matrix_transpose needs at least 2 dimensions",
            a.span("x"),
        ));
    }
    let mut axes: Vec<i64> = (0..x.ndim() as i64).collect();
    axes.swap(x.ndim() - 2, x.ndim() - 1);
    Ok(Value::Array(transpose_node(&x, Some(axes), a.call_span)?))
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "triu",
        module: Module::Root,
        signature: "triu(m, k=0)",
        doc: "Upper triangle of the last two axes: elements below diagonal `k` set to 0.",
        examples: &["triu(ones((3, 3)))", "triu(arange(9).reshape(3, 3), k=1)"],
        method: false,
        imp: |_, a| triangle(a, false),
    },
    Builtin {
        name: "tril",
        module: Module::Root,
        signature: "tril(m, k=0)",
        doc: "Lower triangle of the last two axes: elements above diagonal `k` set to 0.",
        examples: &["tril(ones((3, 3)), k=-1)"],
        method: false,
        imp: |_, a| triangle(a, true),
    },
    Builtin {
        name: "nonzero",
        module: Module::Root,
        signature: "nonzero(a)",
        doc: "The indices of the non-zero elements: a tuple with one index array per axis \
              (also `where(cond)`). The number of elements is counted once, when called.",
        examples: &["nonzero(array([0, 3, 0, 5]))", "nonzero(eye(2))"],
        method: true,
        imp: nonzero,
    },
    Builtin {
        name: "flatnonzero",
        module: Module::Root,
        signature: "flatnonzero(a)",
        doc: "Indices of the non-zero elements of the flattened array.",
        examples: &["flatnonzero(array([[0, 1], [2, 0]]))"],
        method: false,
        imp: |i, a| {
            let (v, s) = a.get("a");
            let x = build::reshape(&to_array(&v, s)?, &[-1])?;
            Ok(Value::Array(nonzero_nodes(i, &x, s)?.remove(0)))
        },
    },
    Builtin {
        name: "argwhere",
        module: Module::Root,
        signature: "argwhere(a)",
        doc: "The indices of the non-zero elements as an (N, ndim) array.",
        examples: &["argwhere(array([[0, 1], [2, 0]]))"],
        method: false,
        imp: argwhere,
    },
    Builtin {
        name: "tri",
        module: Module::Root,
        signature: "tri(N, M=None, k=0, dtype=float64)",
        doc: "Ones at and below diagonal `k`, zeros above.",
        examples: &["tri(3, dtype=int)"],
        method: false,
        imp: tri,
    },
    Builtin {
        name: "take",
        module: Module::Root,
        signature: "take(a, indices, axis=None)",
        doc: "Elements of `a` at integer `indices` along `axis` (of the flattened array when \
              axis is None); the indices' shape replaces that axis. Negative indices count \
              from the end.",
        examples: &[
            "take(arange(10, 20), [1, 3, -1])",
            "arange(12).reshape(3, 4).take([0, 3], axis=1)",
        ],
        method: true,
        imp: take_builtin,
    },
    Builtin {
        name: "rot90",
        module: Module::Root,
        signature: "rot90(m, k=1, axes=(0, 1))",
        doc: "Rotates by 90 degrees `k` times, from the first of `axes` toward the second.",
        examples: &["rot90(arange(6).reshape(2, 3))", "rot90(arange(4).reshape(2, 2), k=2)"],
        method: false,
        imp: rot90,
    },
    Builtin {
        name: "flip",
        module: Module::Root,
        signature: "flip(m, axis=None)",
        doc: "Reverses the order of elements along the given axes (all by default).",
        examples: &["flip(arange(4))", "flip(arange(6).reshape(2, 3), axis=1)"],
        method: false,
        imp: flip,
    },
    Builtin {
        name: "fliplr",
        module: Module::Root,
        signature: "fliplr(m)",
        doc: "Reverses the columns (axis 1).",
        examples: &["fliplr(eye(2))"],
        method: false,
        imp: flip,
    },
    Builtin {
        name: "flipud",
        module: Module::Root,
        signature: "flipud(m)",
        doc: "Reverses the rows (axis 0).",
        examples: &["flipud(arange(3))"],
        method: false,
        imp: flip,
    },
    Builtin {
        name: "roll",
        module: Module::Root,
        signature: "roll(a, shift, axis=None)",
        doc: "Shifts elements cyclically by `shift` along `axis` (over the flattened array without one).",
        examples: &["roll(arange(5), 2)", "roll(arange(6).reshape(2, 3), -1, axis=1)"],
        method: false,
        imp: roll,
    },
    Builtin {
        name: "swapaxes",
        module: Module::Root,
        signature: "swapaxes(a, axis1, axis2)",
        doc: "Interchanges two axes.",
        examples: &["swapaxes(ones((2, 3, 4)), 0, 2).shape"],
        method: true,
        imp: swapaxes,
    },
    Builtin {
        name: "moveaxis",
        module: Module::Root,
        signature: "moveaxis(a, source, destination)",
        doc: "Moves one axis to a new position, keeping the others in order.",
        examples: &["moveaxis(ones((2, 3, 4)), 0, -1).shape"],
        method: false,
        imp: moveaxis,
    },
    Builtin {
        name: "matrix_transpose",
        module: Module::Root,
        signature: "matrix_transpose(x)",
        doc: "Swaps the last two axes.",
        examples: &["matrix_transpose(ones((2, 3, 4))).shape"],
        method: false,
        imp: transpose_last_two,
    },
    Builtin {
        name: "outer",
        module: Module::Root,
        signature: "outer(a, b)",
        doc: "Outer product of two vectors (inputs are flattened).",
        examples: &["outer(arange(3), arange(4))"],
        method: false,
        imp: outer,
    },
    Builtin {
        name: "meshgrid",
        module: Module::Root,
        signature: "meshgrid(*xi, indexing='xy')",
        doc: "Coordinate matrices from coordinate vectors ('xy': Cartesian, 'ij': matrix indexing).",
        examples: &[
            "meshgrid(arange(3), arange(2))",
            "meshgrid(arange(3), arange(2), indexing='ij')[0].shape",
        ],
        method: false,
        imp: meshgrid,
    },
    Builtin {
        name: "diff",
        module: Module::Root,
        signature: "diff(a, n=1, axis=-1)",
        doc: "The n-th discrete difference along an axis.",
        examples: &["diff(array([1, 4, 9, 16]))", "diff(array([1, 4, 9, 16]), n=2)"],
        method: false,
        imp: diff,
    },
    Builtin {
        name: "nan_to_num",
        module: Module::Root,
        signature: "nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)",
        doc: "Replaces NaN with `nan` and infinities with `posinf`/`neginf` (the largest finite values by default).",
        examples: &["nan_to_num(array([nan, inf, -inf, 1.0]))"],
        method: false,
        imp: nan_to_num,
    },
    Builtin {
        name: "isclose",
        module: Module::Root,
        signature: "isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
        doc: "Elementwise `|a - b| <= atol + rtol * |b|`.",
        examples: &["isclose(array([1.0, 1.1]), 1.0)"],
        method: false,
        imp: isclose,
    },
    Builtin {
        name: "allclose",
        module: Module::Root,
        signature: "allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
        doc: "True when every element is close (see isclose); computes the comparison.",
        examples: &["allclose(arange(3) / 3 * 3, arange(3))"],
        method: false,
        imp: allclose,
    },
    Builtin {
        name: "array_equal",
        module: Module::Root,
        signature: "array_equal(a1, a2)",
        doc: "True when both arrays have the same shape and elements.",
        examples: &["array_equal(arange(3), array([0, 1, 2]))"],
        method: false,
        imp: array_equal,
    },
];
