//! NaN-ignoring reductions (`nansum, nanprod, nanmean, nanmin, nanmax`,
//! `nancumsum, nancumprod, nanargmax, nanargmin`)
//! and `count_nonzero`, built from `where(isnan(x), identity, x)` and the
//! ordinary reductions, so they fuse and chunk like everything else.

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::array::DType;
use crate::interp::{Interp, Value};
use crate::ir::ops::{BinaryFn, ReduceOp, UnaryFn};
use crate::ir::{NodeRef, Scalar, build};

struct Setup {
    x: NodeRef,
    axes: Vec<usize>,
    keepdims: bool,
}

fn setup(a: &Args) -> R<Setup> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let axes = to_axes(&a.value("axis"), a.span("axis"), x.ndim())?;
    let keepdims = to_bool(&a.value("keepdims"), a.span("keepdims"), "keepdims")?;
    Ok(Setup { x, axes, keepdims })
}

/// `x` with NaNs replaced by `fill` (unchanged for non-float dtypes).
fn replace_nan(x: &NodeRef, fill: f64) -> R<NodeRef> {
    if !x.dtype.is_float() {
        return Ok(x.clone());
    }
    let nan = build::unary(UnaryFn::IsNan, x)?;
    build::where_(&nan, &build::scalar(Scalar::Float(fill), x.dtype), x)
}

fn finish(interp: &mut Interp, a: &Args, node: NodeRef) -> R<Value> {
    interp.scalar_or_array(&a.value("a"), node, a.call_span)
}

fn nan_fold(interp: &mut Interp, a: &mut Args, op: ReduceOp) -> R<Value> {
    let s = setup(a)?;
    let (fill, empty_is_nan) = match op {
        ReduceOp::Sum => (0.0, false),
        ReduceOp::Prod => (1.0, false),
        ReduceOp::Max => (f64::NEG_INFINITY, true),
        _ => (f64::INFINITY, true),
    };
    let mut out = build::reduce(&replace_nan(&s.x, fill)?, op, s.axes.clone(), s.keepdims)?;
    if empty_is_nan && s.x.dtype.is_float() {
        // An all-NaN slice has no minimum or maximum: NumPy gives nan.
        let all_nan =
            build::reduce(&build::unary(UnaryFn::IsNan, &s.x)?, ReduceOp::All, s.axes, s.keepdims)?;
        out = build::where_(&all_nan, &build::scalar(Scalar::Float(f64::NAN), out.dtype), &out)?;
    }
    finish(interp, a, out)
}

fn nanmean(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let s = setup(a)?;
    let total = build::reduce(
        &build::cast(&replace_nan(&s.x, 0.0)?, DType::Float64),
        ReduceOp::Sum,
        s.axes.clone(),
        s.keepdims,
    )?;
    let valid = if s.x.dtype.is_float() {
        build::unary(UnaryFn::LogicalNot, &build::unary(UnaryFn::IsNan, &s.x)?)?
    } else {
        build::scalar(Scalar::Bool(true), DType::Bool)
    };
    let valid = build::broadcast_to(&valid, &s.x.shape)?;
    let count = build::reduce(&valid, ReduceOp::Sum, s.axes, s.keepdims)?;
    let mut mean = build::binary(BinaryFn::TrueDiv, &total, &count)?;
    if s.x.dtype == DType::Float32 {
        mean = build::cast(&mean, DType::Float32);
    }
    finish(interp, a, mean)
}

fn count_nonzero(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let s = setup(a)?;
    let nz = build::cast(&s.x, DType::Bool);
    let out = build::reduce(&nz, ReduceOp::Sum, s.axes, s.keepdims)?;
    finish(interp, a, out)
}

/// nancumsum/nancumprod: the scan with NaN counted as the identity.
fn nan_scan(a: &mut Args, product: bool) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    super::reduce::scan_of(a, replace_nan(&x, if product { 1.0 } else { 0.0 })?, product)
}

/// nanargmax/nanargmin: NaN loses every comparison; an all-NaN slice has no
/// answer, which NumPy reports as an error, so that is checked first (a
/// pass over the data when it is a float array).
fn nan_arg(interp: &mut Interp, a: &mut Args, op: ReduceOp) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    if x.dtype.is_float() {
        let axes = match a.value("axis") {
            Value::None => (0..x.ndim()).collect(),
            v => to_axes(&v, a.span("axis"), x.ndim())?,
        };
        let nan = build::unary(UnaryFn::IsNan, &x)?;
        let all_nan = build::reduce(&nan, ReduceOp::All, axes, false)?;
        let flat = build::reshape(&all_nan, &[-1])?;
        let any = build::reduce(&flat, ReduceOp::Any, vec![0], false)?;
        if interp.compute(&any).map_err(|d| d.or_span(a.call_span))?.get_f64(0) != 0.0 {
            return Err(crate::diag::Diagnostic::new(
                crate::diag::ErrorKind::Value,
                "All-NaN slice encountered",
                a.span("a"),
            ));
        }
    }
    let fill = if op == ReduceOp::ArgMax { f64::NEG_INFINITY } else { f64::INFINITY };
    super::reduce::arg_of(interp, a, replace_nan(&x, fill)?, op)
}

macro_rules! nan_builtins {
    ($($name:literal, $op:expr, $doc:literal, $ex:literal;)*) => {
        &[$(Builtin {
            name: $name,
            module: Module::Root,
            signature: concat!($name, "(a, axis=None, keepdims=False)"),
            doc: $doc,
            examples: &[$ex],
            method: false,
            imp: |i, a| nan_fold(i, a, $op),
        },)*]
    };
}

pub const FOLDS: &[Builtin] = nan_builtins! {
    "nansum", ReduceOp::Sum, "Sum treating NaN as zero.", "nansum(array([1.0, nan, 2.0]))";
    "nanprod", ReduceOp::Prod, "Product treating NaN as one.", "nanprod(array([2.0, nan, 3.0]))";
    "nanmax", ReduceOp::Max, "Maximum ignoring NaN (nan for an all-NaN slice).", "nanmax(array([[1.0, nan], [nan, nan]]), axis=1)";
    "nanmin", ReduceOp::Min, "Minimum ignoring NaN (nan for an all-NaN slice).", "nanmin(array([3.0, nan, 2.0]))";
};

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "nanmean",
        module: Module::Root,
        signature: "nanmean(a, axis=None, keepdims=False)",
        doc: "Mean of the non-NaN elements (nan for an all-NaN slice).",
        examples: &[
            "nanmean(array([1.0, nan, 3.0]))",
            "nanmean(array([[1.0, nan], [3.0, 4.0]]), axis=0)",
        ],
        method: false,
        imp: nanmean,
    },
    Builtin {
        name: "nancumsum",
        module: Module::Root,
        signature: "nancumsum(a, axis=None, dtype=None)",
        doc: "Cumulative sum treating NaN as zero.",
        examples: &["nancumsum(array([1.0, nan, 2.0]))"],
        method: false,
        imp: |_, a| nan_scan(a, false),
    },
    Builtin {
        name: "nancumprod",
        module: Module::Root,
        signature: "nancumprod(a, axis=None, dtype=None)",
        doc: "Cumulative product treating NaN as one.",
        examples: &["nancumprod(array([2.0, nan, 3.0]))"],
        method: false,
        imp: |_, a| nan_scan(a, true),
    },
    Builtin {
        name: "nanargmax",
        module: Module::Root,
        signature: "nanargmax(a, axis=None, keepdims=False)",
        doc: "Index of the maximum ignoring NaN; an all-NaN slice is an error.",
        examples: &["nanargmax(array([1.0, nan, 3.0, 2.0]))"],
        method: false,
        imp: |i, a| nan_arg(i, a, ReduceOp::ArgMax),
    },
    Builtin {
        name: "nanargmin",
        module: Module::Root,
        signature: "nanargmin(a, axis=None, keepdims=False)",
        doc: "Index of the minimum ignoring NaN; an all-NaN slice is an error.",
        examples: &["nanargmin(array([[4.0, nan], [nan, 1.0]]), axis=1)"],
        method: false,
        imp: |i, a| nan_arg(i, a, ReduceOp::ArgMin),
    },
    Builtin {
        name: "count_nonzero",
        module: Module::Root,
        signature: "count_nonzero(a, axis=None, keepdims=False)",
        doc: "Number of non-zero (true) elements.",
        examples: &["count_nonzero(array([0, 1, 2, 0]))", "count_nonzero(eye(3), axis=0)"],
        method: false,
        imp: count_nonzero,
    },
];
