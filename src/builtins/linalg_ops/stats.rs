//! Covariance, correlation and NaN-ignoring variance: `cov`, `corrcoef`,
//! `nanvar`, `nanstd`, following NumPy's own algorithms step by step (mean,
//! centred product or squared deviations, then the normalization) so results
//! agree with NumPy to rounding. The centred product of `cov` is `matmul`'s
//! lazy sum of products; only the weights' checks and sums are computed
//! at once (they decide errors and the normalization, and are 1-D).

use super::super::convert::*;
use super::super::layout::diagonal_node;
use super::super::{Args, Builtin, Module, matmul_nodes};
use crate::array::{ArrayData, DType};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value};
use crate::ir::ops::{BinaryFn, ReduceOp, UnaryFn};
use crate::ir::{NodeRef, Scalar, build};

fn float_scalar(v: f64, dtype: DType) -> NodeRef {
    build::scalar(Scalar::Float(v), dtype)
}

fn binary(f: BinaryFn, a: &NodeRef, b: &NodeRef) -> R<NodeRef> {
    build::binary(f, a, b)
}

/// A `dtype=` argument that must be a float type (the statistics divide).
fn float_dtype(a: &Args, name: &str) -> R<Option<DType>> {
    let dtype = to_dtype(&a.value("dtype"), a.span("dtype"))?;
    match dtype {
        Some(d) if !d.is_float() => Err(Diagnostic::new(
            ErrorKind::Type,
            format!("{name}: dtype must be a float type, not {d}"),
            a.span("dtype"),
        )),
        d => Ok(d),
    }
}

/// `x` as a 2-D array of variables (rows) by observations (columns), like
/// NumPy's `array(m, ndmin=2)`.
fn at_least_2d(x: &NodeRef) -> R<NodeRef> {
    match x.ndim() {
        0 => build::reshape(x, &[1, 1]),
        1 => build::reshape(x, &[1, x.shape[0] as i64]),
        _ => Ok(x.clone()),
    }
}

/// A 0-d value computed now (for the weights' checks and sums).
fn scalar_now(interp: &mut Interp, node: &NodeRef, span: Span) -> R<f64> {
    let data: ArrayData = interp.compute(node).map_err(|d| d.or_span(span))?;
    Ok(data.get_f64(0))
}

/// Checked frequency or analytic weights as a float64 vector of length `n`.
fn weights(interp: &mut Interp, a: &Args, name: &str, n: usize) -> R<Option<NodeRef>> {
    if a.is_none(name) {
        return Ok(None);
    }
    let (v, span) = a.get(name);
    let w = build::cast(&to_array(&v, span)?, DType::Float64);
    let err = |kind, msg: String| Err(Diagnostic::new(kind, msg, span));
    if w.ndim() > 1 {
        return err(ErrorKind::Value, format!("cov: cannot handle multidimensional {name}"));
    }
    if w.ndim() == 0 || w.shape[0] != n {
        return err(
            ErrorKind::Shape,
            format!("cov: incompatible numbers of samples ({n}) and {name}"),
        );
    }
    let all = |x: NodeRef| build::reduce(&x, ReduceOp::All, vec![0], false);
    if name == "fweights" {
        let whole = all(binary(BinaryFn::Eq, &w, &build::unary(UnaryFn::Rint, &w)?)?)?;
        if scalar_now(interp, &whole, span)? == 0.0 {
            return err(ErrorKind::Type, "cov: fweights must be integer".into());
        }
    }
    let non_negative = all(binary(BinaryFn::Ge, &w, &float_scalar(0.0, DType::Float64))?)?;
    if scalar_now(interp, &non_negative, span)? == 0.0 {
        return err(ErrorKind::Value, format!("cov: {name} cannot be negative"));
    }
    Ok(Some(w))
}

/// NumPy's `cov`, before the final squeeze.
fn cov_matrix(interp: &mut Interp, a: &Args, x_name: &str) -> R<NodeRef> {
    let (mv, mspan) = a.get(x_name);
    let m = to_array(&mv, mspan)?;
    let dim_err = |what: &str, span| {
        Err(Diagnostic::new(ErrorKind::Value, format!("{what} has more than 2 dimensions"), span))
    };
    if m.ndim() > 2 {
        return dim_err(x_name, mspan);
    }
    let y = if a.is_none("y") { None } else { Some(to_array(&a.value("y"), a.span("y"))?) };
    if y.as_ref().is_some_and(|y| y.ndim() > 2) {
        return dim_err("y", a.span("y"));
    }
    let dtype = float_dtype(a, a.func.name)?.unwrap_or(DType::Float64);
    let rowvar = to_bool(&a.value("rowvar"), a.span("rowvar"), "rowvar")?;
    let mut x = at_least_2d(&build::cast(&m, dtype))?;
    if !rowvar && m.ndim() != 1 {
        x = build::transpose(&x, vec![1, 0])?;
    }
    if x.shape[0] == 0 {
        return Ok(build::literal(ArrayData::zeros(DType::Float64, &[0, 0]), None));
    }
    if let Some(y) = y {
        let mut y = at_least_2d(&build::cast(&y, dtype))?;
        if !rowvar && y.shape[0] != 1 {
            y = build::transpose(&y, vec![1, 0])?;
        }
        x = build::concatenate(&[x, y], 0).map_err(|d| d.or_span(a.call_span))?;
    }
    let (ddof, fw, aw) = if a.func.name == "cov" {
        let bias = to_bool(&a.value("bias"), a.span("bias"), "bias")?;
        let ddof = match a.value("ddof") {
            Value::None => i64::from(!bias),
            Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => f as i64,
            v => to_int(&v, a.span("ddof"), "ddof")?,
        };
        let n = x.shape[1];
        let fw = weights(interp, a, "fweights", n)?;
        let aw = weights(interp, a, "aweights", n)?;
        (ddof, fw, aw)
    } else {
        (1, None, None)
    };
    let w = match (&fw, &aw) {
        (Some(f), Some(w)) => Some(binary(BinaryFn::Mul, f, w)?),
        (f, w) => f.clone().or(w.clone()),
    };
    let n = x.shape[1];
    let (avg, fact) = match &w {
        None => {
            let avg = build::reduce(&x, ReduceOp::Mean, vec![1], true)?;
            (avg, n as f64 - ddof as f64)
        }
        Some(w) => {
            let w_sum_node = build::reduce(w, ReduceOp::Sum, vec![0], false)?;
            let w_sum = scalar_now(interp, &w_sum_node, a.call_span)?;
            if w_sum == 0.0 {
                return Err(Diagnostic::new(
                    ErrorKind::Value,
                    "cov: weights sum to zero, can't be normalized",
                    a.call_span,
                ));
            }
            let weighted = binary(BinaryFn::Mul, &x, w)?;
            let total = build::reduce(&weighted, ReduceOp::Sum, vec![1], true)?;
            let avg = binary(BinaryFn::TrueDiv, &total, &w_sum_node)?;
            let fact = match &aw {
                _ if ddof == 0 => w_sum,
                None => w_sum - ddof as f64,
                Some(aw) => {
                    let wa = build::reduce(
                        &binary(BinaryFn::Mul, w, aw)?,
                        ReduceOp::Sum,
                        vec![0],
                        false,
                    )?;
                    w_sum - ddof as f64 * scalar_now(interp, &wa, a.call_span)? / w_sum
                }
            };
            (avg, fact)
        }
    };
    // NumPy warns and divides by zero (inf/nan) when the degrees of freedom run out.
    let fact = if fact <= 0.0 { 0.0 } else { fact };
    let centred = build::cast(&binary(BinaryFn::Sub, &x, &avg)?, dtype);
    let right = match &w {
        None => centred.clone(),
        Some(w) => build::cast(&binary(BinaryFn::Mul, &centred, w)?, dtype),
    };
    let right = build::transpose(&right, vec![1, 0])?;
    let c = matmul_nodes(&centred, &right, a.call_span)?;
    // `c *= 1 / fact`, a multiplication by the reciprocal as in NumPy.
    let scaled = binary(BinaryFn::Mul, &c, &float_scalar(1.0 / fact, DType::Float64))?;
    Ok(build::cast(&scaled, dtype))
}

/// NumPy's `squeeze()`: every length-1 axis removed.
fn squeeze_all(x: &NodeRef) -> R<NodeRef> {
    let shape: Vec<i64> = x.shape.iter().filter(|&&d| d != 1).map(|&d| d as i64).collect();
    build::reshape(x, &shape)
}

fn cov(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let c = cov_matrix(interp, a, "m")?;
    Ok(Value::Array(squeeze_all(&c)?))
}

fn corrcoef(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let c = squeeze_all(&cov_matrix(interp, a, "x")?)?;
    if c.ndim() == 0 {
        // One variable: 1, or nan for a zero, inf or nan variance.
        return Ok(Value::Array(binary(BinaryFn::TrueDiv, &c, &c)?));
    }
    let std = build::unary(UnaryFn::Sqrt, &diagonal_node(&c, 0, 0, 1)?)?;
    let n = std.shape[0] as i64;
    let c = binary(BinaryFn::TrueDiv, &c, &build::reshape(&std, &[n, 1])?)?;
    let c = binary(BinaryFn::TrueDiv, &c, &build::reshape(&std, &[1, n])?)?;
    // Rounding can push |r| a little past 1: clipped as NumPy does (nan stays nan).
    let c = binary(BinaryFn::Maximum, &c, &float_scalar(-1.0, c.dtype))?;
    Ok(Value::Array(binary(BinaryFn::Minimum, &c, &float_scalar(1.0, c.dtype))?))
}

/// `nanvar` (or its square root) by NumPy's two passes: the mean of the
/// non-NaN elements, then the sum of their squared deviations divided by
/// `count - ddof` (nan when that is <= 0). Non-float input has no NaNs and
/// follows `var`: `max(count - ddof, 0)`, so too large a ddof gives inf.
fn nanvar(interp: &mut Interp, a: &mut Args, sqrt: bool) -> R<Value> {
    let (v, span) = a.get("a");
    let x = to_array(&v, span)?;
    let axes = to_axes(&a.value("axis"), a.span("axis"), x.ndim())?;
    let keepdims = to_bool(&a.value("keepdims"), a.span("keepdims"), "keepdims")?;
    let ddof = to_int(&a.value("ddof"), a.span("ddof"), "ddof")?;
    let work = float_dtype(a, a.func.name)?.unwrap_or(if x.dtype.is_float() {
        x.dtype
    } else {
        DType::Float64
    });
    // No axes (a 0-d input, `axis=()`): a new length-1 axis to reduce over.
    let (x, axes, keepdims) = if axes.is_empty() {
        let shape: Vec<i64> = std::iter::once(1).chain(x.shape.iter().map(|&d| d as i64)).collect();
        (build::reshape(&x, &shape)?, vec![0], false)
    } else {
        (x, axes, keepdims)
    };
    let sum = |n: &NodeRef, keep: bool| build::reduce(n, ReduceOp::Sum, axes.clone(), keep);
    let xw = build::cast(&x, work);
    let var = if x.dtype.is_float() {
        let nan = build::unary(UnaryFn::IsNan, &x)?;
        let zero = float_scalar(0.0, work);
        let filled = build::where_(&nan, &zero, &xw)?;
        let valid = build::broadcast_to(&build::unary(UnaryFn::LogicalNot, &nan)?, &x.shape)?;
        let count_kept = sum(&valid, true)?;
        let avg = build::cast(&binary(BinaryFn::TrueDiv, &sum(&filled, true)?, &count_kept)?, work);
        let dev = build::where_(&nan, &zero, &binary(BinaryFn::Sub, &filled, &avg)?)?;
        let ssd = sum(&binary(BinaryFn::Mul, &dev, &dev)?, keepdims)?;
        // The counts once, reshaped to the result (a pass over the data saved).
        let ssd_shape: Vec<i64> = ssd.shape.iter().map(|&d| d as i64).collect();
        let count = build::reshape(&count_kept, &ssd_shape)?;
        let dof = binary(BinaryFn::Sub, &count, &build::scalar(Scalar::Int(ddof), DType::Int64))?;
        let var = build::cast(&binary(BinaryFn::TrueDiv, &ssd, &dof)?, work);
        let bad = binary(BinaryFn::Le, &dof, &build::scalar(Scalar::Int(0), DType::Int64))?;
        build::where_(&bad, &float_scalar(f64::NAN, work), &var)?
    } else {
        let count: usize = axes.iter().map(|&i| x.shape[i]).product();
        let avg = binary(BinaryFn::TrueDiv, &sum(&xw, true)?, &float_scalar(count as f64, work))?;
        let dev = binary(BinaryFn::Sub, &xw, &build::cast(&avg, work))?;
        let ssd = sum(&binary(BinaryFn::Mul, &dev, &dev)?, keepdims)?;
        let dof = (count as i64).saturating_sub(ddof).max(0) as f64;
        build::cast(&binary(BinaryFn::TrueDiv, &ssd, &float_scalar(dof, DType::Float64))?, work)
    };
    let out = if sqrt { build::unary(UnaryFn::Sqrt, &var)? } else { var };
    interp.scalar_or_array(&v, out, a.call_span)
}

pub(super) const COV: Builtin = Builtin {
    name: "cov",
    module: Module::Root,
    signature: "cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, \
                aweights=None, *, dtype=None)",
    doc: "Covariance matrix of the variables in the rows of `m` (columns when \
          `rowvar=False`), with `y` as more variables. Divides by N - 1 (N with `bias=True`, \
          N - ddof with `ddof`); `fweights` (integer counts) and `aweights` weight the \
          observations. float64 unless `dtype` says otherwise; one variable gives a 0-d array.",
    examples: &[
        "cov(array([[0, 1, 2], [2, 1, 0]]))",
        "cov(array([1.0, 2.0, 4.0]), array([1.0, 3.0, 2.0]))",
        "cov(array([[1, 2], [3, 5]]), fweights=[1, 2])",
    ],
    method: false,
    imp: cov,
};

pub(super) const CORRCOEF: Builtin = Builtin {
    name: "corrcoef",
    module: Module::Root,
    signature: "corrcoef(x, y=None, rowvar=True, *, dtype=None)",
    doc: "Pearson correlation coefficients of the variables in the rows of `x` (and `y`): \
          `cov` normalized by the standard deviations, clipped to [-1, 1].",
    examples: &[
        "corrcoef(array([1.0, 2.0, 4.0]), array([2.0, 1.0, 0.0]))",
        "corrcoef(array([[1, 2, 3], [3, 2, 1], [1, 3, 2]]))",
    ],
    method: false,
    imp: corrcoef,
};

pub(super) const NANVAR: Builtin = Builtin {
    name: "nanvar",
    module: Module::Root,
    signature: "nanvar(a, axis=None, dtype=None, ddof=0, keepdims=False)",
    doc: "Variance of the non-NaN elements (divides by their count minus `ddof`; nan for an \
          all-NaN slice or when that count is <= 0).",
    examples: &[
        "nanvar(array([1.0, nan, 3.0]))",
        "nanvar(array([[1.0, nan], [3.0, 4.0]]), axis=1)",
    ],
    method: false,
    imp: |i, a| nanvar(i, a, false),
};

pub(super) const NANSTD: Builtin = Builtin {
    name: "nanstd",
    module: Module::Root,
    signature: "nanstd(a, axis=None, dtype=None, ddof=0, keepdims=False)",
    doc: "Standard deviation of the non-NaN elements: the square root of `nanvar`.",
    examples: &[
        "nanstd(array([1.0, nan, 3.0]), ddof=1)",
        "nanstd(array([[nan, nan], [1.0, 2.0]]), axis=1)",
    ],
    method: false,
    imp: |i, a| nanvar(i, a, true),
};
