//! Reductions: `sum, prod, mean, std, var, min, max, any, all` over an
//! axis, a tuple of axes or everything, with `keepdims`; as functions and
//! as methods.

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::diag::{Diagnostic, ErrorKind};
use crate::interp::{Interp, Value};
use crate::ir::ops::ReduceOp;
use crate::ir::{NodeRef, build};

fn reduce(interp: &mut Interp, a: &mut Args, op: ReduceOp) -> R<Value> {
    let (v, span) = a.get("a");
    // Python's min(3, 4) / max(a, b) on plain numbers.
    if matches!(op, ReduceOp::Min | ReduceOp::Max)
        && matches!(v, Value::Int(_) | Value::Float(_))
        && matches!(a.value("axis"), Value::Int(_) | Value::Float(_))
    {
        let (x, y) = (v.clone(), a.value("axis"));
        let (fx, fy) = (to_f64(interp, &x, span, "a")?, to_f64(interp, &y, span, "b")?);
        let pick_first = if op == ReduceOp::Max { fx >= fy } else { fx <= fy };
        return Ok(if pick_first { x } else { y });
    }
    // Python's sum(list) over a list of (0-d) arrays, as in the tutorials'
    // `total = sum(sums)`: add the items lazily, like Python's 0 + a + b ...
    if op == ReduceOp::Sum
        && a.is_none("axis")
        && let Value::List(_) | Value::Tuple(_) = &v
        && let Some(items) = v.sequence()
        && items.iter().any(|i| matches!(i, Value::Array(_)))
    {
        let mut acc = Value::Int(0);
        for item in &items {
            acc = crate::interp::ops::binary_values(
                interp,
                crate::ir::ops::BinaryFn::Add,
                &acc,
                span,
                item,
                span,
                span,
            )?;
        }
        return Ok(acc);
    }
    let x = to_array(&v, span)?;
    let axes = to_axes(&a.value("axis"), a.span("axis"), x.ndim())?;
    let keepdims = to_bool(&a.value("keepdims"), a.span("keepdims"), "keepdims")?;
    let op = match op {
        ReduceOp::Var { .. } | ReduceOp::Std { .. } => {
            let ddof = to_int(&a.value("ddof"), a.span("ddof"), "ddof")?;
            if ddof < 0 {
                return Err(Diagnostic::new(
                    ErrorKind::Value,
                    "ddof must be non-negative",
                    a.span("ddof"),
                ));
            }
            let ddof = ddof as u32;
            if matches!(op, ReduceOp::Var { .. }) {
                ReduceOp::Var { ddof }
            } else {
                ReduceOp::Std { ddof }
            }
        }
        op => op,
    };
    let input = match op
        .has_dtype_param()
        .then(|| to_dtype(&a.value("dtype"), a.span("dtype")))
        .transpose()?
        .flatten()
    {
        Some(d) => build::cast(&x, d),
        None => x,
    };
    // A reduction over no axes (a 0-d array, or `axis=()`) keeps every
    // element; reducing over a new length-1 axis gives exactly that, with
    // the reduction's own dtype rules.
    let (input, axes, keepdims) = if axes.is_empty() {
        let shape: Vec<i64> =
            std::iter::once(1).chain(input.shape.iter().map(|&d| d as i64)).collect();
        (build::reshape(&input, &shape).map_err(|d| d.or_span(span))?, vec![0], false)
    } else {
        (input, axes, keepdims)
    };
    let node = build::reduce(&input, op, axes, keepdims).map_err(|d| d.or_span(a.call_span))?;
    interp.scalar_or_array(&v, node, a.call_span)
}

trait DTypeParam {
    fn has_dtype_param(self) -> bool;
}

impl DTypeParam for ReduceOp {
    fn has_dtype_param(self) -> bool {
        !matches!(self, ReduceOp::Min | ReduceOp::Max | ReduceOp::Any | ReduceOp::All)
    }
}

macro_rules! reductions {
    ($($name:literal, $sig:literal, $op:expr, $doc:literal, [$($ex:literal),*];)*) => {
        &[$(Builtin {
            name: $name,
            module: Module::Root,
            signature: $sig,
            doc: $doc,
            examples: &[$($ex),*],
            method: true,
            imp: |i, a| reduce(i, a, $op),
        },)*]
    };
}

pub const BUILTINS: &[Builtin] = reductions! {
    "sum", "sum(a, axis=None, dtype=None, keepdims=False)", ReduceOp::Sum,
        "Sum of elements over the given axes (all by default). Integers sum in int64.",
        ["sum(arange(10))", "ones((2, 3)).sum(axis=0)"];
    "prod", "prod(a, axis=None, dtype=None, keepdims=False)", ReduceOp::Prod,
        "Product of elements over the given axes.", ["prod(arange(1, 6))"];
    "mean", "mean(a, axis=None, dtype=None, keepdims=False)", ReduceOp::Mean,
        "Arithmetic mean over the given axes; integers give float64.",
        ["mean(arange(10))", "random.normal(10, 0.1, (20000, 20000), chunks=(1000, 1000)).mean(axis=0)[::100].shape"];
    "std", "std(a, axis=None, dtype=None, ddof=0, keepdims=False)", ReduceOp::Std { ddof: 0 },
        "Standard deviation (divides by N - ddof), computed with a stable parallel algorithm.",
        ["std(array([1.0, 2.0, 3.0, 4.0]))", "arange(10).std(ddof=1)"];
    "var", "var(a, axis=None, dtype=None, ddof=0, keepdims=False)", ReduceOp::Var { ddof: 0 },
        "Variance (divides by N - ddof).", ["var(array([1.0, 2.0, 3.0, 4.0]))"];
    "min", "min(a, axis=None, keepdims=False)", ReduceOp::Min,
        "Minimum over the given axes (NaN propagates). `min(3, 4)` on two numbers is Python's min.",
        ["min(array([3, 1, 2]))", "eye(3).min(axis=1)"];
    "max", "max(a, axis=None, keepdims=False)", ReduceOp::Max,
        "Maximum over the given axes (NaN propagates). `max(3, 4)` on two numbers is Python's max.",
        ["max(array([3, 1, 2]))", "max(2, 7)"];
    "amin", "amin(a, axis=None, keepdims=False)", ReduceOp::Min,
        "Same as `min`.", ["amin(arange(4))"];
    "amax", "amax(a, axis=None, keepdims=False)", ReduceOp::Max,
        "Same as `max`.", ["amax(arange(4))"];
    "any", "any(a, axis=None, keepdims=False)", ReduceOp::Any,
        "True if any element is true (non-zero).", ["any(arange(3) > 1)"];
    "all", "all(a, axis=None, keepdims=False)", ReduceOp::All,
        "True if every element is true (non-zero).", ["all(arange(3) >= 0)"];
};

/// cumsum/cumprod: along one axis, or over the flattened array.
fn scan(_: &mut Interp, a: &mut Args, product: bool) -> R<Value> {
    let (v, span) = a.get("a");
    scan_of(a, to_array(&v, span)?, product)
}

/// The scan of `x` (the `a` argument, possibly prepared by the caller) with
/// the call's `axis` and `dtype`.
pub(super) fn scan_of(a: &Args, mut x: NodeRef, product: bool) -> R<Value> {
    if let Some(d) = to_dtype(&a.value("dtype"), a.span("dtype"))? {
        x = build::cast(&x, d);
    }
    let (x, axis) = if a.is_none("axis") {
        (build::reshape(&x, &[-1])?, 0)
    } else {
        let axis =
            norm_axis(to_int(&a.value("axis"), a.span("axis"), "axis")?, x.ndim(), a.span("axis"))?;
        (x, axis)
    };
    Ok(Value::Array(build::scan(&x, axis, product)?))
}

/// argmax/argmin: one axis, or the flattened array when `axis` is None.
fn arg(interp: &mut Interp, a: &mut Args, op: ReduceOp) -> R<Value> {
    let (v, span) = a.get("a");
    arg_of(interp, a, to_array(&v, span)?, op)
}

/// The arg-reduction of `x` (the `a` argument, possibly prepared by the
/// caller) with the call's `axis` and `keepdims`.
pub(super) fn arg_of(interp: &mut Interp, a: &Args, x: NodeRef, op: ReduceOp) -> R<Value> {
    let v = a.value("a");
    let keepdims = to_bool(&a.value("keepdims"), a.span("keepdims"), "keepdims")?;
    let node = if a.is_none("axis") {
        let flat = build::reshape(&x, &[-1])?;
        let r = build::reduce(&flat, op, vec![0], false).map_err(|d| d.or_span(a.call_span))?;
        if keepdims { build::reshape(&r, &vec![1; x.ndim()])? } else { r }
    } else {
        let axis =
            norm_axis(to_int(&a.value("axis"), a.span("axis"), "axis")?, x.ndim(), a.span("axis"))?;
        build::reduce(&x, op, vec![axis], keepdims).map_err(|d| d.or_span(a.call_span))?
    };
    interp.scalar_or_array(&v, node, a.call_span)
}

pub const AXIS_OPS: &[Builtin] = &[
    Builtin {
        name: "argmax",
        module: Module::Root,
        signature: "argmax(a, axis=None, keepdims=False)",
        doc: "Index of the maximum (the first one; the first NaN if any) along an axis, or in \
              the flattened array.",
        examples: &["argmax(array([1, 5, 5, 2]))", "argmax(array([[1, 9], [7, 3]]), axis=0)"],
        method: true,
        imp: |i, a| arg(i, a, ReduceOp::ArgMax),
    },
    Builtin {
        name: "argmin",
        module: Module::Root,
        signature: "argmin(a, axis=None, keepdims=False)",
        doc: "Index of the minimum (the first one; the first NaN if any) along an axis, or in \
              the flattened array.",
        examples: &["argmin(array([3, 1, 1, 2]))", "array([[1, 9], [7, 3]]).argmin(axis=1)"],
        method: true,
        imp: |i, a| arg(i, a, ReduceOp::ArgMin),
    },
    Builtin {
        name: "cumsum",
        module: Module::Root,
        signature: "cumsum(a, axis=None, dtype=None)",
        doc: "Cumulative sum along an axis (over the flattened array by default); integers \
              accumulate in int64.",
        examples: &["cumsum(arange(5))", "cumsum(arange(6).reshape(2, 3), axis=1)"],
        method: true,
        imp: |i, a| scan(i, a, false),
    },
    Builtin {
        name: "cumprod",
        module: Module::Root,
        signature: "cumprod(a, axis=None, dtype=None)",
        doc: "Cumulative product along an axis (over the flattened array by default).",
        examples: &["cumprod(arange(1, 6))", "array([[1, 2], [3, 4]]).cumprod(axis=0)"],
        method: true,
        imp: |i, a| scan(i, a, true),
    },
];
