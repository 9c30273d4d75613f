//! Sorting along an axis and what is built on it: `sort`, `argsort`,
//! `topk`, `argtopk`, `median`, `percentile`, `quantile` and their
//! nan-variants. All stay lazy: `sort`/`argsort` are `Op::Sort` (one chunk
//! along the sorted axis), `topk` is a slice of a sort, and the order
//! statistics are `Op::OrderStat` over the reduced axes. Arguments follow
//! NumPy's (dask's for `topk`), including how NumPy picks the dtype of
//! `q`, which decides the result dtype and the rounding.

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::array::{ArrayData, DType};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value};
use crate::ir::order::{self, OrderStat, QuantileMethod, StatKind};
use crate::ir::{AxisSel, F64Key, NodeRef, build};
use std::sync::Arc;

/// The most quantiles one call may ask for (they are stored in the graph).
const MAX_QUANTILES: usize = 100_000;

fn value_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Value, msg, span)
}

/// `kind=` and `stable=` are accepted for compatibility; every choice
/// gives the same (stable) result here.
fn check_kind(a: &Args) -> R<()> {
    match a.value("kind") {
        Value::None => {}
        Value::Str(s) if ["quicksort", "mergesort", "heapsort", "stable"].contains(&&*s) => {}
        other => {
            return Err(value_err(
                format!(
                    "sort kind must be one of 'quicksort', 'mergesort', 'heapsort' or 'stable' (got {})",
                    crate::interp::repr(&other)
                ),
                a.span("kind"),
            ));
        }
    }
    if !a.is_none("stable") {
        to_bool(&a.value("stable"), a.span("stable"), "stable")?;
    }
    if !a.is_none("order") {
        return Err(value_err(
            "order= is only for structured arrays, which arr does not have",
            a.span("order"),
        ));
    }
    Ok(())
}

/// The array and the sort axis (`axis=None` sorts the flattened array).
fn sort_input(a: &Args) -> R<(NodeRef, usize)> {
    let (v, span) = a.get("a");
    let x = to_array(&v, span)?;
    if a.is_none("axis") {
        return Ok((build::reshape(&x, &[-1]).map_err(|d| d.or_span(span))?, 0));
    }
    let axis =
        norm_axis(to_int(&a.value("axis"), a.span("axis"), "axis")?, x.ndim(), a.span("axis"))?;
    Ok((x, axis))
}

fn sort(_: &mut Interp, a: &mut Args, arg: bool) -> R<Value> {
    check_kind(a)?;
    let (x, axis) = sort_input(a)?;
    Ok(Value::Array(order::sort(&x, axis, arg).map_err(|d| d.or_span(a.call_span))?))
}

/// dask's `topk`/`argtopk`: the `k` largest (k > 0, largest first) or the
/// `|k|` smallest (k < 0, smallest first) along `axis`.
fn topk(_: &mut Interp, a: &mut Args, arg: bool) -> R<Value> {
    let (v, span) = a.get("a");
    let x = to_array(&v, span)?;
    let axis =
        norm_axis(to_int(&a.value("axis"), a.span("axis"), "axis")?, x.ndim(), a.span("axis"))?;
    let k = to_int(&a.value("k"), a.span("k"), "k")?;
    let n = x.shape[axis];
    if k == 0 || k.unsigned_abs() as usize > n {
        return Err(value_err(
            format!("k={k} is out of range for an axis of length {n}"),
            a.span("k"),
        )
        .with_hint(format!(
            "k must be between 1 and {n} (the largest) or between -{n} and -1 (the smallest)"
        )));
    }
    let sorted = order::sort(&x, axis, arg).map_err(|d| d.or_span(a.call_span))?;
    let len = k.unsigned_abs() as usize;
    let sels: Vec<AxisSel> = (0..x.ndim())
        .map(|d| match d {
            d if d != axis => AxisSel::Range { start: 0, step: 1, len: x.shape[d] },
            _ if k > 0 => AxisSel::Range { start: n as i64 - 1, step: -1, len },
            _ => AxisSel::Range { start: 0, step: 1, len },
        })
        .collect();
    Ok(Value::Array(build::slice(&sorted, sels).map_err(|d| d.or_span(a.call_span))?))
}

/// The quantiles a call asked for, with their shape and NumPy dtype.
struct Quantiles {
    values: Vec<f64>,
    shape: Vec<usize>,
    dtype: DType,
    /// A Python number rather than a list or array.
    python_scalar: bool,
}

fn read_q(interp: &mut Interp, a: &Args) -> R<Quantiles> {
    let (v, span) = a.get("q");
    let (data, python_scalar) = match &v {
        Value::Int(_) | Value::Bool(_) => {
            (ArrayData::from_f64_vec(DType::Int64, &[], &[to_int(&v, span, "q")? as f64]), true)
        }
        Value::Float(f) => (ArrayData::from_f64_vec(DType::Float64, &[], &[*f]), true),
        Value::List(_) | Value::Tuple(_) => (nested_to_data(&v, span, None)?, false),
        Value::Array(n) => {
            if n.size() > MAX_QUANTILES {
                return Err(value_err(
                    format!(
                        "q has {} elements; arr takes at most {MAX_QUANTILES} quantiles per call",
                        n.size()
                    ),
                    span,
                ));
            }
            (interp.compute(n).map_err(|d| d.or_span(span))?, false)
        }
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("q must be a number or a sequence of numbers, got {}", other.type_name()),
                span,
            ));
        }
    };
    if data.len() > MAX_QUANTILES {
        return Err(value_err(
            format!(
                "q has {} elements; arr takes at most {MAX_QUANTILES} quantiles per call",
                data.len()
            ),
            span,
        ));
    }
    let dtype = match data.dtype() {
        DType::Float32 => DType::Float32,
        d if d.is_float() => DType::Float64,
        _ => DType::Int64,
    };
    Ok(Quantiles { values: data.to_f64_vec(), shape: data.shape().to_vec(), dtype, python_scalar })
}

/// The dtype NumPy computes the quantiles in: that of `q` as an array,
/// after `percentile`'s division by 100 (which keeps only float32).
fn q_dtype(q: &Quantiles, percent: bool) -> DType {
    match q.dtype {
        DType::Float32 => DType::Float32,
        _ if percent => DType::Float64,
        d => d,
    }
}

/// `q` (a fraction, or a percentage with `percent`) in `dtype`, exactly.
fn q_value(q: f64, dtype: DType, percent: bool) -> f64 {
    match (dtype, percent) {
        (DType::Float32, true) => ((q as f32) / 100.0f32) as f64,
        (DType::Float32, false) => q as f32 as f64,
        (_, true) => q / 100.0,
        (_, false) => q,
    }
}

#[derive(Clone, Copy)]
enum Stat {
    Median,
    Quantile { percent: bool },
}

fn order_stat(interp: &mut Interp, a: &mut Args, stat: Stat, skip_nan: bool) -> R<Value> {
    let (v, span) = a.get("a");
    let x = to_array(&v, span)?;
    if !a.is_none("out") {
        return Err(value_err("out= is not supported: arr's arrays are immutable", a.span("out"))
            .with_hint("use the returned array"));
    }
    to_bool(&a.value("overwrite_input"), a.span("overwrite_input"), "overwrite_input")?;
    let axes = to_axes(&a.value("axis"), a.span("axis"), x.ndim())?;
    let keepdims = to_bool(&a.value("keepdims"), a.span("keepdims"), "keepdims")?;
    let (kind, q_shape) = match stat {
        Stat::Median => (StatKind::Median, vec![]),
        Stat::Quantile { percent } => {
            let method_value = a.value("method");
            let method = match &method_value {
                Value::Str(s) => QuantileMethod::from_name(s),
                _ => None,
            }
            .ok_or_else(|| {
                value_err(
                    format!("method {} is not supported", crate::interp::repr(&method_value)),
                    a.span("method"),
                )
                .with_hint(format!(
                    "use one of {}",
                    QuantileMethod::NAMES.map(|m| format!("'{m}'")).join(", ")
                ))
            })?;
            let q = read_q(interp, a)?;
            let limit = if percent { 100.0 } else { 1.0 };
            if q.values.iter().any(|&v| !(0.0..=limit).contains(&v)) {
                let what = if percent { "Percentiles" } else { "Quantiles" };
                return Err(value_err(
                    format!("{what} must be in the range [0, {limit}]"),
                    a.span("q"),
                ));
            }
            let q_dtype = q_dtype(&q, percent);
            let qs = q.values.iter().map(|&v| F64Key(q_value(v, q_dtype, percent))).collect();
            let leading = !q.shape.is_empty();
            let weak = q.python_scalar;
            (StatKind::Quantile { qs, q_dtype, method, weak, leading }, q.shape)
        }
    };
    let stat = OrderStat { kind, axes: axes.clone(), skip_nan };
    let node = order::order_stat(&x, Arc::new(stat)).map_err(|d| d.or_span(a.call_span))?;
    // NumPy's shape: q's shape, then the kept axes (as length 1 with keepdims).
    let mut shape: Vec<i64> = q_shape.iter().map(|&d| d as i64).collect();
    for (d, &len) in x.shape.iter().enumerate() {
        if !axes.contains(&d) {
            shape.push(len as i64);
        } else if keepdims {
            shape.push(1);
        }
    }
    let node = build::reshape(&node, &shape).map_err(|d| d.or_span(a.call_span))?;
    interp.scalar_or_array(&v, node, a.call_span)
}

const SORT_DOC: &str = "A sorted copy of the array along an axis (the last by default; \
    `axis=None` sorts the flattened array). NaNs sort last. The result has one chunk along the \
    axis (a sort needs whole lanes), so very long lanes must fit in memory. `kind` and `stable` \
    are accepted and ignored: the sort is always stable. NumPy's in-place `x.sort()` does not exist: arrays \
    are immutable.";

pub(super) const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "sort",
        module: Module::Root,
        signature: "sort(a, axis=-1, kind=None, order=None, *, stable=None)",
        doc: SORT_DOC,
        examples: &[
            "sort(array([3, 1, 2]))",
            "sort(array([[3.0, nan, 1.0], [2.0, 0.5, -1.0]]), axis=0)",
            "sort(array([[4, 1], [3, 2]]), axis=None)",
        ],
        method: false,
        imp: |i, a| sort(i, a, false),
    },
    Builtin {
        name: "argsort",
        module: Module::Root,
        signature: "argsort(a, axis=-1, kind=None, order=None, *, stable=None)",
        doc: "The indices that sort the array along an axis (int64), like NumPy's \
              `kind='stable'`: equal elements keep their order; NaNs sort last. `axis=None` \
              sorts the flattened array.",
        examples: &[
            "argsort(array([3, 1, 2, 1]))",
            "array([[0.5, 0.1], [0.2, 0.9]]).argsort(axis=0)",
        ],
        method: true,
        imp: |i, a| sort(i, a, true),
    },
    Builtin {
        name: "topk",
        module: Module::Root,
        signature: "topk(a, k, axis=-1, split_every=None)",
        doc: "dask's `topk`: the `k` largest elements along an axis, largest first, or with a \
              negative `k` the `|k|` smallest, smallest first (NaNs count as largest). Sorts \
              whole lanes along the axis. `split_every` is accepted and ignored.",
        examples: &[
            "topk(array([5, 1, 9, 3]), 2)",
            "array([[5, 1, 9], [2, 8, 4]]).topk(-2, axis=1)",
        ],
        method: true,
        imp: |i, a| topk(i, a, false),
    },
    Builtin {
        name: "argtopk",
        module: Module::Root,
        signature: "argtopk(a, k, axis=-1, split_every=None)",
        doc: "dask's `argtopk`: the indices of `topk(a, k, axis)` (int64). Among equal elements, \
              k > 0 lists the later index first (the reverse of a stable argsort), k < 0 the \
              earlier first.",
        examples: &["argtopk(array([5, 1, 9, 3]), 2)", "array([5, 1, 9, 3]).argtopk(-1)"],
        method: true,
        imp: |i, a| topk(i, a, true),
    },
    Builtin {
        name: "median",
        module: Module::Root,
        signature: "median(a, axis=None, out=None, overwrite_input=False, keepdims=False)",
        doc: "The median over the given axes (all by default): the middle element, or the mean \
              of the two middle ones. Integers give float64, float32 stays float32; a lane with \
              a NaN gives NaN. Lanes are read whole, so `median(x)` of a large `x` holds all of \
              `x` in memory once (no extra copy); the middle elements are found by selection, \
              not a full sort.",
        examples: &[
            "median(array([3, 1, 4, 1, 5, 9]))",
            "median(array([[1.0, 5.0], [3.0, nan]]), axis=0)",
        ],
        method: false,
        imp: |i, a| order_stat(i, a, Stat::Median, false),
    },
    Builtin {
        name: "percentile",
        module: Module::Root,
        signature: "percentile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False)",
        doc: "The q-th percentiles (0..100) over the given axes, as NumPy computes them: \
              `method` is 'linear' (default), 'lower', 'higher', 'nearest' or 'midpoint'; \
              the result's shape is q's shape followed by the kept axes. A lane with a NaN \
              gives NaN.",
        examples: &[
            "percentile(array([1, 2, 3, 4]), 25)",
            "percentile(arange(10.0).reshape(2, 5), [10, 90], axis=1)",
            "percentile(array([1, 2, 3, 4]), 40, method='nearest')",
        ],
        method: false,
        imp: |i, a| order_stat(i, a, Stat::Quantile { percent: true }, false),
    },
    Builtin {
        name: "quantile",
        module: Module::Root,
        signature: "quantile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False)",
        doc: "The q-th quantiles (0..1) over the given axes; like `percentile` with q / 100.",
        examples: &[
            "quantile(array([1.0, 2.0, 4.0, 10.0]), [0.25, 0.5])",
            "quantile(arange(6).reshape(2, 3), 0.5, axis=0, keepdims=True)",
        ],
        method: false,
        imp: |i, a| order_stat(i, a, Stat::Quantile { percent: false }, false),
    },
    Builtin {
        name: "nanmedian",
        module: Module::Root,
        signature: "nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False)",
        doc: "The median ignoring NaNs (nan for a lane of NaNs only).",
        examples: &[
            "nanmedian(array([1.0, nan, 3.0, 2.0]))",
            "nanmedian(array([[nan, nan], [1.0, nan]]), axis=1)",
        ],
        method: false,
        imp: |i, a| order_stat(i, a, Stat::Median, true),
    },
    Builtin {
        name: "nanpercentile",
        module: Module::Root,
        signature: "nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False)",
        doc: "Percentiles ignoring NaNs (nan for a lane of NaNs only).",
        examples: &[
            "nanpercentile(array([1.0, nan, 3.0, 2.0]), 50)",
            "nanpercentile(array([[nan, 2.0], [1.0, 4.0]]), [0, 100], axis=0)",
        ],
        method: false,
        imp: |i, a| order_stat(i, a, Stat::Quantile { percent: true }, true),
    },
    Builtin {
        name: "nanquantile",
        module: Module::Root,
        signature: "nanquantile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False)",
        doc: "Quantiles ignoring NaNs (nan for a lane of NaNs only).",
        examples: &["nanquantile(array([1.0, nan, 3.0, 2.0]), 0.5, method='lower')"],
        method: false,
        imp: |i, a| order_stat(i, a, Stat::Quantile { percent: false }, true),
    },
];
