//! `norm`, `cond`, `matrix_rank`, `matrix_power`. Vector norms and the
//! matrix norms that are sums and extrema ('fro', 1, -1, inf, -inf) are
//! built from lazy reductions, so `norm(X, axis=0)` streams over a big
//! chunked X; the norms that need singular values (2, -2, 'nuc'), `cond`
//! and `matrix_rank` gather their matrices like the decompositions.

use super::*;
use crate::ir::Scalar;
use crate::ir::ops::{BinaryFn, ReduceOp, UnaryFn};
use crate::linalg::dense::MatrixOrd;

/// `norm`'s `ord`: absent, a number (incl. ±inf) or a string.
#[derive(Clone, Debug, PartialEq)]
enum Ord {
    Default,
    Num(f64),
    Str(String),
}

fn read_ord(interp: &mut Interp, v: &Value, span: Span) -> R<Ord> {
    Ok(match v {
        Value::None => Ord::Default,
        Value::Str(s) => Ord::Str(s.to_string()),
        other => Ord::Num(to_f64(interp, other, span, "ord")?),
    })
}

fn b<T>(r: Result<T, Diagnostic>, span: Span) -> R<T> {
    r.map_err(|d| d.or_span(span))
}

fn float_scalar(v: f64, x: &NodeRef) -> NodeRef {
    build::scalar(Scalar::Float(v), x.dtype)
}

/// A vector norm of `x` (already floating) along `axis`, lazily.
fn vector_norm(x: &NodeRef, ord: &Ord, axis: usize, keepdims: bool, span: Span) -> R<NodeRef> {
    let abs = b(build::unary(UnaryFn::Abs, x), span)?;
    let reduce = |t: &NodeRef, op| b(build::reduce(t, op, vec![axis], keepdims), span);
    let p = match ord {
        Ord::Default => 2.0,
        Ord::Num(p) => *p,
        Ord::Str(s) => {
            return Err(value_err(format!("Invalid norm order '{s}' for vectors"), span));
        }
    };
    if p == f64::INFINITY {
        return reduce(&abs, ReduceOp::Max);
    }
    if p == f64::NEG_INFINITY {
        return reduce(&abs, ReduceOp::Min);
    }
    if p == 0.0 {
        let nonzero = b(build::binary(BinaryFn::Ne, x, &float_scalar(0.0, x)), span)?;
        return reduce(&build::cast(&nonzero, x.dtype), ReduceOp::Sum);
    }
    if p == 1.0 {
        return reduce(&abs, ReduceOp::Sum);
    }
    if p == 2.0 {
        let sq = b(build::binary(BinaryFn::Mul, x, x), span)?;
        return b(build::unary(UnaryFn::Sqrt, &reduce(&sq, ReduceOp::Sum)?), span);
    }
    let pow = b(build::binary(BinaryFn::Pow, &abs, &float_scalar(p, x)), span)?;
    let sum = reduce(&pow, ReduceOp::Sum)?;
    b(build::binary(BinaryFn::Pow, &sum, &float_scalar(1.0 / p, x)), span)
}

/// The matrix order `ord` names, or NumPy's error.
fn matrix_ord(ord: &Ord, span: Span) -> R<MatrixOrd> {
    Ok(match ord {
        Ord::Default => MatrixOrd::Fro,
        Ord::Str(s) if s == "fro" || s == "f" => MatrixOrd::Fro,
        Ord::Str(s) if s == "nuc" => MatrixOrd::Nuc,
        Ord::Num(p) if *p == 1.0 => MatrixOrd::One,
        Ord::Num(p) if *p == -1.0 => MatrixOrd::NegOne,
        Ord::Num(p) if *p == 2.0 => MatrixOrd::Two,
        Ord::Num(p) if *p == -2.0 => MatrixOrd::NegTwo,
        Ord::Num(p) if *p == f64::INFINITY => MatrixOrd::Inf,
        Ord::Num(p) if *p == f64::NEG_INFINITY => MatrixOrd::NegInf,
        _ => return Err(value_err("Invalid norm order for matrices.", span)),
    })
}

/// A matrix norm over axes (`row`, `col`) of `x` (already floating).
fn matrix_norm(
    interp: &mut Interp,
    x: &NodeRef,
    ord: MatrixOrd,
    (row, col): (usize, usize),
    keepdims: bool,
    span: Span,
) -> R<NodeRef> {
    let abs = b(build::unary(UnaryFn::Abs, x), span)?;
    let two = |first: usize, op: ReduceOp, mut second: usize| -> R<NodeRef> {
        let sums = b(build::reduce(&abs, ReduceOp::Sum, vec![first], false), span)?;
        if second > first {
            second -= 1;
        }
        b(build::reduce(&sums, op, vec![second], false), span)
    };
    let out = match ord {
        MatrixOrd::Fro => {
            let sq = b(build::binary(BinaryFn::Mul, x, x), span)?;
            let mut axes = vec![row, col];
            axes.sort_unstable();
            let sum = b(build::reduce(&sq, ReduceOp::Sum, axes, false), span)?;
            b(build::unary(UnaryFn::Sqrt, &sum), span)?
        }
        MatrixOrd::One => two(row, ReduceOp::Max, col)?,
        MatrixOrd::NegOne => two(row, ReduceOp::Min, col)?,
        MatrixOrd::Inf => two(col, ReduceOp::Max, row)?,
        MatrixOrd::NegInf => two(col, ReduceOp::Min, row)?,
        MatrixOrd::Two | MatrixOrd::NegTwo | MatrixOrd::Nuc => {
            // Move the two axes last and take each matrix's singular values.
            let mut perm: Vec<usize> = (0..x.ndim()).filter(|&d| d != row && d != col).collect();
            perm.extend([row, col]);
            let moved = b(build::transpose(x, perm), span)?;
            let s = gather(interp, &moved, span, "linalg.norm")?;
            let out = s.each(interp, "norm", |m| dense::matrix_norm(m, ord))?;
            let data = ArrayData::from_f64_vec(x.dtype, &s.batch, &out);
            build::literal(data, None)
        }
    };
    if !keepdims {
        return Ok(out);
    }
    let shape: Vec<i64> =
        (0..x.ndim()).map(|d| if d == row || d == col { 1 } else { x.shape[d] as i64 }).collect();
    b(build::reshape(&out, &shape), span)
}

pub fn norm(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("x");
    let mut x = to_array(&v, span)?;
    if !x.dtype.is_float() {
        x = build::cast(&x, DType::Float64);
    }
    let ord = read_ord(interp, &a.value("ord"), a.span("ord"))?;
    let keepdims = to_bool(&a.value("keepdims"), a.span("keepdims"), "keepdims")?;
    let nd = x.ndim();
    let axes: Vec<usize> = match a.value("axis") {
        Value::None => {
            if ord == Ord::Default {
                // The 2-norm of the flattened array (Frobenius for a matrix).
                let flat = b(build::reshape(&x, &[-1]), span)?;
                let r = vector_norm(&flat, &ord, 0, false, a.call_span)?;
                let out = if keepdims { b(build::reshape(&r, &vec![1; nd]), span)? } else { r };
                return Ok(Value::Array(out));
            }
            match nd {
                1 => vec![0],
                2 => vec![0, 1],
                _ => return Err(value_err("Improper number of dimensions to norm.", span)),
            }
        }
        Value::Int(i) => vec![norm_axis(i, nd, a.span("axis"))?],
        other => {
            let items = other.sequence().unwrap_or_default();
            let axes = items
                .iter()
                .map(|i| norm_axis(to_int(i, a.span("axis"), "axis")?, nd, a.span("axis")))
                .collect::<R<Vec<usize>>>()?;
            if axes.is_empty() {
                return Err(Diagnostic::new(
                    ErrorKind::Type,
                    "'axis' must be None, an integer or a tuple of integers",
                    a.span("axis"),
                ));
            }
            axes
        }
    };
    let out = match axes.as_slice() {
        [axis] => vector_norm(&x, &ord, *axis, keepdims, a.call_span)?,
        [r, c] if r == c => return Err(value_err("Duplicate axes given.", a.span("axis"))),
        [r, c] => {
            let mord = matrix_ord(&ord, a.span("ord"))?;
            matrix_norm(interp, &x, mord, (*r, *c), keepdims, a.call_span)?
        }
        _ => return Err(value_err("Improper number of dimensions to norm.", a.span("axis"))),
    };
    Ok(Value::Array(out))
}

pub fn cond(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let ord = read_ord(interp, &a.value("p"), a.span("p"))?;
    let p = match ord {
        Ord::Default => None,
        other => Some(matrix_ord(&other, a.span("p"))?),
    };
    let square = !matches!(p, None | Some(MatrixOrd::Two) | Some(MatrixOrd::NegTwo));
    let s = gather_arg(interp, a, "x", square)?;
    let out = s.each(interp, "cond", |m| dense::cond(m, p))?;
    array(&out, &s.batch, s.dtype)
}

pub fn matrix_rank(interp: &mut Interp, a: &mut Args) -> R<Value> {
    to_bool(&a.value("hermitian"), a.span("hermitian"), "hermitian")?;
    let (v, span) = a.get("A");
    let x = to_array(&v, span)?;
    if x.ndim() < 2 {
        // NumPy: a vector or scalar has rank 1 unless it is all zeros.
        let nonzero =
            b(build::binary(BinaryFn::Ne, &x, &build::scalar(Scalar::Int(0), x.dtype)), span)?;
        let any = b(build::reduce(&nonzero, ReduceOp::Any, (0..x.ndim()).collect(), false), span)?;
        let data = interp.compute(&any).map_err(|d| d.or_span(span))?;
        return Ok(Value::Int((data.get_f64(0) != 0.0) as i64));
    }
    let tol = if a.is_none("tol") {
        None
    } else {
        Some(to_f64(interp, &a.value("tol"), a.span("tol"), "tol")?)
    };
    let rtol = if a.is_none("rtol") {
        None
    } else {
        Some(to_f64(interp, &a.value("rtol"), a.span("rtol"), "rtol")?)
    };
    let s = gather(interp, &x, span, "linalg.matrix_rank")?;
    let eps = if x.dtype == DType::Float32 { f32::EPSILON as f64 } else { f64::EPSILON };
    let default_rtol = s.m.max(s.n) as f64 * eps;
    let ranks = s.each(interp, "matrix_rank", |m| {
        let sv = dense::singular_values(m)?;
        let largest = sv.first().copied().unwrap_or(0.0);
        let cutoff = tol.unwrap_or(largest * rtol.unwrap_or(default_rtol));
        Ok(sv.iter().filter(|&&v| v > cutoff).count() as f64)
    })?;
    array(&ranks, &s.batch, DType::Int64)
}

pub fn matrix_power(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let x = matrix_arg(a, "a", true)?;
    let n = match a.value("n") {
        Value::Int(n) => n,
        Value::Bool(b) => b as i64,
        _ => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                "exponent must be an integer",
                a.span("n"),
            ));
        }
    };
    let span = a.call_span;
    let m = x.shape[x.ndim() - 1];
    if n == 0 {
        let chunks = build::chunks_for(&ChunkSpec::Auto, &[m, m], x.dtype)?;
        let eye = build::generate(crate::ir::Generator::Eye { k: 0 }, vec![m, m], x.dtype, chunks);
        return Ok(Value::Array(b(build::broadcast_to(&eye, &x.shape), span)?));
    }
    let base = if n < 0 {
        let s = gather(interp, &x, a.span("a"), "linalg.matrix_power")?;
        let out = s.each(interp, "matrix_power", dense::inv)?;
        node(&concat(&out), &s.shape(), s.dtype)?
    } else {
        x
    };
    // Binary powering: at most 2·log2(n) lazy products.
    let mut e = n.unsigned_abs();
    let mut square = base;
    let mut result: Option<NodeRef> = None;
    while e > 0 {
        if e & 1 == 1 {
            result = Some(match result {
                None => square.clone(),
                Some(r) => crate::builtins::matmul_nodes(&r, &square, span)?,
            });
        }
        e >>= 1;
        if e > 0 {
            square = crate::builtins::matmul_nodes(&square, &square, span)?;
        }
    }
    Ok(Value::Array(result.unwrap_or(square)))
}
