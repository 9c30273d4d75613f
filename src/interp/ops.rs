//! Operators on values: Python arithmetic on Python numbers (exact ints,
//! true division, floor rules), and NumPy arithmetic as soon as an array is
//! involved, with NEP 50 weak scalars (`float32_array * 2.0` stays float32,
//! `uint8_array + 300` is an error as in NumPy 2).

use super::{Interp, Value};
use crate::array::{DType, Kind, WeakKind};
use crate::builtins::{matmul_nodes, to_array};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::ir::ops::{BinaryFn, UnaryFn};
use crate::ir::{NodeRef, Scalar, build};
use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use std::sync::Arc;

type R<T> = Result<T, Diagnostic>;

fn weak_of(v: &Value) -> Option<(Scalar, WeakKind)> {
    match v {
        Value::Bool(b) => Some((Scalar::Bool(*b), WeakKind::Bool)),
        Value::Int(i) => Some((Scalar::Int(*i), WeakKind::Int)),
        Value::Float(f) => Some((Scalar::Float(*f), WeakKind::Float)),
        _ => None,
    }
}

/// Integer range of an integer dtype, for NumPy 2's out-of-bounds check.
fn int_range(d: DType) -> (i128, i128) {
    match d {
        DType::Int8 => (i8::MIN as i128, i8::MAX as i128),
        DType::Int16 => (i16::MIN as i128, i16::MAX as i128),
        DType::Int32 => (i32::MIN as i128, i32::MAX as i128),
        DType::Int64 => (i64::MIN as i128, i64::MAX as i128),
        DType::UInt8 => (0, u8::MAX as i128),
        DType::UInt16 => (0, u16::MAX as i128),
        DType::UInt32 => (0, u32::MAX as i128),
        DType::UInt64 => (0, u64::MAX as i128),
        _ => (i128::MIN, i128::MAX),
    }
}

/// A Python scalar operand next to an array of dtype `other`.
fn weak_node(s: Scalar, w: WeakKind, other: DType, span: Span) -> R<NodeRef> {
    let dtype = DType::promote_weak(other, w);
    if let (Scalar::Int(i), Kind::Int | Kind::UInt) = (s, dtype.kind()) {
        let (lo, hi) = int_range(dtype);
        if (i as i128) < lo || (i as i128) > hi {
            return Err(Diagnostic::new(
                ErrorKind::DType,
                format!("Python integer {i} out of bounds for {dtype}"),
                span,
            )
            .with_hint(format!(
                "cast the array first, e.g. x.astype(int64), or use a value in [{lo}, {hi}]"
            )));
        }
    }
    Ok(build::scalar(s, dtype))
}

/// Both operands as nodes, with weak-scalar promotion.
pub fn pair_nodes(l: &Value, ls: Span, r: &Value, rs: Span) -> R<(NodeRef, NodeRef)> {
    match (weak_of(l), weak_of(r)) {
        (Some((s, w)), None) => {
            let rn = to_array(r, rs)?;
            Ok((weak_node(s, w, rn.dtype, ls)?, rn))
        }
        (None, Some((s, w))) => {
            let ln = to_array(l, ls)?;
            let rn = weak_node(s, w, ln.dtype, rs)?;
            Ok((ln, rn))
        }
        _ => Ok((to_array(l, ls)?, to_array(r, rs)?)),
    }
}

fn is_number(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_))
}

/// `f(l, r)` elementwise, on arrays or numbers.
pub fn binary_values(
    interp: &mut Interp,
    f: BinaryFn,
    l: &Value,
    ls: Span,
    r: &Value,
    rs: Span,
    span: Span,
) -> R<Value> {
    let (a, b) = pair_nodes(l, ls, r, rs)?;
    let node = build::binary(f, &a, &b).map_err(|d| d.or_span(span))?;
    if is_number(l) && is_number(r) {
        return interp.scalar_or_array(l, node, span);
    }
    Ok(Value::Array(node))
}

fn binfn(op: BinOp) -> Option<BinaryFn> {
    Some(match op {
        BinOp::Add => BinaryFn::Add,
        BinOp::Sub => BinaryFn::Sub,
        BinOp::Mul => BinaryFn::Mul,
        BinOp::Div => BinaryFn::TrueDiv,
        BinOp::FloorDiv => BinaryFn::FloorDiv,
        BinOp::Mod => BinaryFn::Mod,
        BinOp::Pow => BinaryFn::Pow,
        BinOp::BitAnd => BinaryFn::BitAnd,
        BinOp::BitOr => BinaryFn::BitOr,
        BinOp::BitXor => BinaryFn::BitXor,
        BinOp::LShift => BinaryFn::LShift,
        BinOp::RShift => BinaryFn::RShift,
        BinOp::MatMul => return None,
    })
}

fn int_overflow(span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Value, "integer overflow: the result does not fit in 64 bits", span)
        .with_hint("use floats (e.g. 2.0 ** 70) for very large numbers")
}

/// Python arithmetic on two Python numbers.
fn python_arith(op: BinOp, l: &Value, r: &Value, span: Span) -> R<Option<Value>> {
    use Value::{Float, Int};
    let as_int = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    };
    let as_f = |v: &Value| match v {
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as u8 as f64,
        Value::Float(f) => *f,
        _ => f64::NAN,
    };
    let zero_div = || Diagnostic::new(ErrorKind::Value, "division by zero", span);
    if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
        let both_bool = matches!((l, r), (Value::Bool(_), Value::Bool(_)));
        return Ok(Some(match op {
            BinOp::Add => Int(a.checked_add(b).ok_or_else(|| int_overflow(span))?),
            BinOp::Sub => Int(a.checked_sub(b).ok_or_else(|| int_overflow(span))?),
            BinOp::Mul => Int(a.checked_mul(b).ok_or_else(|| int_overflow(span))?),
            BinOp::Div => {
                if b == 0 {
                    return Err(zero_div());
                }
                Float(a as f64 / b as f64)
            }
            BinOp::FloorDiv => {
                if b == 0 {
                    return Err(zero_div());
                }
                if a == i64::MIN && b == -1 {
                    return Err(int_overflow(span));
                }
                Int(crate::exec::elem_ops::Num::floordiv(a, b))
            }
            BinOp::Mod => {
                if b == 0 {
                    return Err(zero_div());
                }
                Int(crate::exec::elem_ops::Num::modulo(a, b))
            }
            BinOp::Pow if b < 0 => Float((a as f64).powf(b as f64)),
            BinOp::Pow => Int(a
                .checked_pow(b.min(u32::MAX as i64) as u32)
                .ok_or_else(|| int_overflow(span))?),
            BinOp::BitAnd if both_bool => Value::Bool(a & b != 0),
            BinOp::BitOr if both_bool => Value::Bool((a | b) != 0),
            BinOp::BitXor if both_bool => Value::Bool((a ^ b) != 0),
            BinOp::BitAnd => Int(a & b),
            BinOp::BitOr => Int(a | b),
            BinOp::BitXor => Int(a ^ b),
            BinOp::LShift => {
                Int(a.checked_shl(b.clamp(0, 63) as u32).ok_or_else(|| int_overflow(span))?)
            }
            BinOp::RShift => Int(a >> b.clamp(0, 63)),
            BinOp::MatMul => return Ok(None),
        }));
    }
    let (a, b) = (as_f(l), as_f(r));
    Ok(Some(match op {
        BinOp::Add => Float(a + b),
        BinOp::Sub => Float(a - b),
        BinOp::Mul => Float(a * b),
        BinOp::Div if b == 0.0 => return Err(zero_div()),
        BinOp::Div => Float(a / b),
        BinOp::FloorDiv | BinOp::Mod if b == 0.0 => return Err(zero_div()),
        BinOp::FloorDiv => Float(crate::exec::elem_ops::Num::floordiv(a, b)),
        BinOp::Mod => Float(crate::exec::elem_ops::Num::modulo(a, b)),
        BinOp::Pow => Float(a.powf(b)),
        _ => return Ok(None),
    }))
}

pub fn binary_op(
    interp: &mut Interp,
    op: BinOp,
    l: Value,
    ls: Span,
    r: Value,
    rs: Span,
    span: Span,
) -> R<Value> {
    if is_number(&l)
        && is_number(&r)
        && let Some(v) = python_arith(op, &l, &r, span)?
    {
        return Ok(v);
    }
    match (&op, &l, &r) {
        (BinOp::Add, Value::Str(a), Value::Str(b)) => return Ok(Value::str(&format!("{a}{b}"))),
        (BinOp::Mul, Value::Str(a), Value::Int(n)) | (BinOp::Mul, Value::Int(n), Value::Str(a)) => {
            let n = repeat_count(a.len(), *n, span)?;
            return Ok(Value::str(&a.repeat(n)));
        }
        (BinOp::Add, Value::List(a), Value::List(b)) => {
            return Ok(Value::List(Arc::new(a.iter().chain(b.iter()).cloned().collect())));
        }
        (BinOp::Add, Value::Tuple(a), Value::Tuple(b)) => {
            return Ok(Value::tuple(a.iter().chain(b.iter()).cloned().collect()));
        }
        (BinOp::Mul, Value::List(a), Value::Int(n))
        | (BinOp::Mul, Value::Int(n), Value::List(a)) => {
            let n = repeat_count(a.len(), *n, span)?;
            return Ok(Value::List(Arc::new(
                a.iter().cycle().take(a.len() * n).cloned().collect(),
            )));
        }
        (BinOp::Mul, Value::Tuple(a), Value::Int(n))
        | (BinOp::Mul, Value::Int(n), Value::Tuple(a)) => {
            let n = repeat_count(a.len(), *n, span)?;
            return Ok(Value::tuple(a.iter().cycle().take(a.len() * n).cloned().collect()));
        }
        _ => {}
    }
    let arrayish =
        |v: &Value| matches!(v, Value::Array(_) | Value::List(_) | Value::Tuple(_)) || is_number(v);
    if !arrayish(&l)
        || !arrayish(&r)
        || !(matches!(l, Value::Array(_)) || matches!(r, Value::Array(_)))
    {
        return Err(Diagnostic::new(
            ErrorKind::Type,
            format!(
                "unsupported operand types for {}: {} and {}",
                op.symbol(),
                l.type_name(),
                r.type_name()
            ),
            span,
        ));
    }
    if op == BinOp::MatMul {
        let node = matmul_nodes(&to_array(&l, ls)?, &to_array(&r, rs)?, span)?;
        return Ok(Value::Array(node));
    }
    let Some(f) = binfn(op) else {
        return Err(Diagnostic::new(
            ErrorKind::Type,
            format!("operator {} is not supported on arrays yet", op.symbol()),
            span,
        ));
    };
    binary_values(interp, f, &l, ls, &r, rs, span)
}

pub fn unary_op(interp: &mut Interp, op: UnaryOp, v: Value, vs: Span, span: Span) -> R<Value> {
    match (op, &v) {
        (UnaryOp::Pos, Value::Int(_) | Value::Float(_)) => return Ok(v),
        (UnaryOp::Pos, Value::Bool(b)) => return Ok(Value::Int(*b as i64)),
        (UnaryOp::Neg, Value::Int(i)) => {
            return i.checked_neg().map(Value::Int).ok_or_else(|| int_overflow(span));
        }
        (UnaryOp::Neg, Value::Bool(b)) => return Ok(Value::Int(-(*b as i64))),
        (UnaryOp::Neg, Value::Float(f)) => return Ok(Value::Float(-f)),
        (UnaryOp::Invert, Value::Int(i)) => return Ok(Value::Int(!i)),
        (UnaryOp::Invert, Value::Bool(b)) => return Ok(Value::Int(!(*b as i64))),
        (UnaryOp::Pos, Value::Array(_)) => return Ok(v),
        _ => {}
    }
    let f = match op {
        UnaryOp::Neg => UnaryFn::Neg,
        UnaryOp::Invert => UnaryFn::Invert,
        UnaryOp::Pos | UnaryOp::Not => UnaryFn::Neg,
    };
    if !matches!(v, Value::Array(_) | Value::List(_) | Value::Tuple(_)) {
        return Err(Diagnostic::new(
            ErrorKind::Type,
            format!("bad operand type for unary operator: {}", v.type_name()),
            span,
        ));
    }
    crate::builtins::unary_value(interp, f, &v, vs)
}

/// One comparison of a (possibly chained) comparison expression.
pub fn compare(
    interp: &mut Interp,
    op: CmpOp,
    l: &Value,
    ls: Span,
    r: &Value,
    rs: Span,
    span: Span,
) -> R<Value> {
    let arrays = matches!(l, Value::Array(_)) || matches!(r, Value::Array(_));
    match op {
        CmpOp::In | CmpOp::NotIn => {
            let found = match r {
                Value::Str(h) => match l {
                    Value::Str(n) => h.contains(&**n),
                    _ => {
                        return Err(Diagnostic::new(
                            ErrorKind::Type,
                            "'in <string>' requires a string on the left",
                            ls,
                        ));
                    }
                },
                Value::Dict(d) => d.iter().any(|(k, _)| values_equal(k, l)),
                Value::Hdf5(h) => match l {
                    Value::Str(key) => h.member(key).is_ok(),
                    _ => false,
                },
                Value::Range(a, b, st) => match l {
                    Value::Int(x) => {
                        let (x, a, b, st) = (*x as i128, *a as i128, *b as i128, *st as i128);
                        let inside = if st > 0 { a <= x && x < b } else { b < x && x <= a };
                        inside && (x - a) % st == 0
                    }
                    _ => false,
                },
                other => match other.sequence() {
                    Some(items) => items.iter().any(|i| values_equal(i, l)),
                    None => {
                        return Err(Diagnostic::new(
                            ErrorKind::Type,
                            format!("argument of type '{}' is not a container", other.type_name()),
                            rs,
                        ));
                    }
                },
            };
            return Ok(Value::Bool(found == (op == CmpOp::In)));
        }
        CmpOp::Is | CmpOp::IsNot => {
            let same = match (l, r) {
                (Value::None, Value::None) => true,
                (Value::Bool(a), Value::Bool(b)) => a == b,
                (Value::Array(a), Value::Array(b)) => Arc::ptr_eq(a, b),
                _ => false,
            };
            return Ok(Value::Bool(same == (op == CmpOp::Is)));
        }
        _ => {}
    }
    let f = match op {
        CmpOp::Lt => BinaryFn::Lt,
        CmpOp::Le => BinaryFn::Le,
        CmpOp::Gt => BinaryFn::Gt,
        CmpOp::Ge => BinaryFn::Ge,
        CmpOp::Eq => BinaryFn::Eq,
        _ => BinaryFn::Ne,
    };
    if !arrays {
        if is_number(l) && is_number(r) {
            let (a, b) = (num(l), num(r));
            return Ok(Value::Bool(match f {
                BinaryFn::Lt => a < b,
                BinaryFn::Le => a <= b,
                BinaryFn::Gt => a > b,
                BinaryFn::Ge => a >= b,
                BinaryFn::Eq => a == b,
                _ => a != b,
            }));
        }
        if let (Value::Str(a), Value::Str(b)) = (l, r) {
            return Ok(Value::Bool(match f {
                BinaryFn::Lt => a < b,
                BinaryFn::Le => a <= b,
                BinaryFn::Gt => a > b,
                BinaryFn::Ge => a >= b,
                BinaryFn::Eq => a == b,
                _ => a != b,
            }));
        }
        if matches!(f, BinaryFn::Eq | BinaryFn::Ne) {
            return Ok(Value::Bool(values_equal(l, r) == (f == BinaryFn::Eq)));
        }
        return Err(Diagnostic::new(
            ErrorKind::Type,
            format!("'{}' not supported between {} and {}", f.name(), l.type_name(), r.type_name()),
            span,
        ));
    }
    binary_values(interp, f, l, ls, r, rs, span)
}

fn num(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Bool(b) => *b as u8 as f64,
        _ => f64::NAN,
    }
}

/// Python `==` on non-array values.
pub fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::None, Value::None) => true,
        (x, y) if is_number(x) && is_number(y) => num(x) == num(y),
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::DType(x), Value::DType(y)) => x == y,
        // Python compares generators by identity: the same generator object.
        (Value::Generator(x), Value::Generator(y)) => x == y,
        (Value::Hdf5(x), Value::Hdf5(y)) => Arc::ptr_eq(x, y),
        (Value::DType(x), Value::Str(y)) | (Value::Str(y), Value::DType(x)) => {
            DType::from_name(y) == Some(*x)
        }
        (Value::Tuple(_) | Value::List(_), Value::Tuple(_) | Value::List(_))
            if std::mem::discriminant(a) == std::mem::discriminant(b) =>
        {
            let (x, y) = (a.sequence().unwrap_or_default(), b.sequence().unwrap_or_default());
            x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| values_equal(p, q))
        }
        _ => false,
    }
}

/// How many times `seq * n` repeats a sequence of `len` items: Python
/// values are for small data, so a result past 2**26 items (which would
/// otherwise abort the process when the allocation fails) is an error.
fn repeat_count(len: usize, n: i64, span: Span) -> R<usize> {
    let n = n.max(0) as u64;
    const LIMIT: u64 = 1 << 26;
    if (len as u64).saturating_mul(n) > LIMIT {
        return Err(Diagnostic::new(
            ErrorKind::Memory,
            format!("repeating {len} items {n} times gives more than {LIMIT} items"),
            span,
        )
        .with_hint("Python lists and strings are for small data; use an array"));
    }
    Ok(n as usize)
}
