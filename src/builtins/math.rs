//! Elementwise functions: `sqrt, exp, log, abs, sin, cos, floor, ceil,
//! round, isnan, where, clip, maximum, minimum` and friends. On arrays they
//! add a node to the graph; on Python numbers they compute at once and
//! give a Python number back (as NumPy gives a NumPy scalar).

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::interp::{Interp, Value, ops};
use crate::ir::build;
use crate::ir::ops::{BinaryFn, UnaryFn};

pub fn unary_value(
    interp: &mut Interp,
    f: UnaryFn,
    v: &Value,
    span: crate::diag::Span,
) -> R<Value> {
    // Python's abs(-2**63) does not fit in an int64: an error, not a wrap.
    if let (UnaryFn::Abs, Value::Int(i)) = (f, v) {
        return i.checked_abs().map(Value::Int).ok_or_else(|| {
            crate::diag::Diagnostic::new(
                crate::diag::ErrorKind::Value,
                "integer overflow: the result does not fit in 64 bits",
                span,
            )
        });
    }
    let x = to_array(v, span)?;
    let node = build::unary(f, &x).map_err(|d| d.or_span(span))?;
    interp.scalar_or_array(v, node, span)
}

pub(super) fn unary(interp: &mut Interp, a: &mut Args, f: UnaryFn) -> R<Value> {
    let (v, span) = a.get("x");
    unary_value(interp, f, &v, span)
}

pub(super) fn binary(interp: &mut Interp, a: &mut Args, f: BinaryFn) -> R<Value> {
    let (x, xs) = a.get("x1");
    let (y, ys) = a.get("x2");
    ops::binary_values(interp, f, &x, xs, &y, ys, a.call_span)
}

fn round(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("a");
    // Python's round(x) on a Python number gives an int (halves to even).
    if a.is_none("decimals") && a.func.name == "round" {
        match v {
            Value::Float(f) if f.is_finite() && f.abs() < 9.2e18 => {
                return Ok(Value::Int(f.round_ties_even() as i64));
            }
            Value::Int(_) | Value::Bool(_) => return Ok(Value::Int(to_int(&v, span, "a")?)),
            _ => {}
        }
    }
    let decimals = match a.value("decimals") {
        Value::None => 0,
        d => to_int(&d, a.span("decimals"), "decimals")?,
    };
    let x = to_array(&v, span)?;
    if x.dtype.is_integer() || x.dtype.is_bool() {
        if decimals >= 0 {
            return Ok(v); // integers are already whole
        }
        // To a multiple of 10**-decimals, halves to even, back in the integer dtype.
        let scale = Value::Float(10f64.powi(decimals.unsigned_abs().min(400) as i32));
        let scaled = ops::binary_values(interp, BinaryFn::TrueDiv, &v, span, &scale, span, span)?;
        let rounded = unary_value(interp, UnaryFn::Rint, &scaled, span)?;
        let back = ops::binary_values(interp, BinaryFn::Mul, &rounded, span, &scale, span, span)?;
        let node = build::cast(&to_array(&back, span)?, x.dtype);
        return interp.scalar_or_array(&v, node, span);
    }
    if decimals == 0 {
        return unary_value(interp, UnaryFn::Rint, &v, span);
    }
    // NumPy: scale by a power of ten (dividing for negative decimals, so the
    // factor is exact), round half to even, and undo the scaling.
    let (up, down) = if decimals > 0 {
        (BinaryFn::Mul, BinaryFn::TrueDiv)
    } else {
        (BinaryFn::TrueDiv, BinaryFn::Mul)
    };
    let scale = Value::Float(10f64.powi(decimals.unsigned_abs().min(400) as i32));
    let scaled = ops::binary_values(interp, up, &v, span, &scale, span, span)?;
    let rounded = unary_value(interp, UnaryFn::Rint, &scaled, span)?;
    ops::binary_values(interp, down, &rounded, span, &scale, span, span)
}

fn where_(interp: &mut Interp, a: &mut Args) -> R<Value> {
    if a.is_none("x") && a.is_none("y") {
        // NumPy: where(cond) is nonzero(cond).
        let (c, cs) = a.get("condition");
        let x = to_array(&c, cs)?;
        let idx = super::arrange::nonzero_nodes(interp, &x, cs)?;
        return Ok(Value::tuple(idx.into_iter().map(Value::Array).collect()));
    }
    if a.is_none("x") || a.is_none("y") {
        return Err(crate::diag::Diagnostic::new(
            crate::diag::ErrorKind::Type,
            "either both or neither of x and y should be given",
            a.call_span,
        ));
    }
    let (c, cs) = a.get("condition");
    let (x, xs) = a.get("x");
    let (y, ys) = a.get("y");
    let cond = to_array(&c, cs)?;
    let (xn, yn) = ops::pair_nodes(&x, xs, &y, ys)?;
    let node = build::where_(&cond, &xn, &yn).map_err(|d| d.or_span(a.call_span))?;
    interp.scalar_or_array(&c, node, a.call_span)
}

fn clip(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (mut v, span) = a.get("a");
    if !a.is_none("a_min") {
        let (lo, ls) = a.get("a_min");
        v = ops::binary_values(interp, BinaryFn::Maximum, &v, span, &lo, ls, a.call_span)?;
    }
    if !a.is_none("a_max") {
        let (hi, hs) = a.get("a_max");
        v = ops::binary_values(interp, BinaryFn::Minimum, &v, span, &hi, hs, a.call_span)?;
    }
    Ok(v)
}

pub const UNARY: &[Builtin] = unary_builtins! {
    "sqrt" => Sqrt, "Square root, elementwise (nan for negative values).", "sqrt(array([1.0, 4.0, 9.0]))";
    "exp" => Exp, "e to the power x, elementwise.", "exp(array([0.0, 1.0]))";
    "log" => Log, "Natural logarithm, elementwise (-inf at 0, nan below).", "log(array([1.0, e]))";
    "abs" => Abs, "Absolute value, elementwise.", "abs(array([-1, 2, -3]))";
    "absolute" => Abs, "Absolute value, elementwise (same as abs).", "absolute(-2.5)";
    "sin" => Sin, "Sine (radians), elementwise.", "sin(array([0.0, pi / 2]))";
    "cos" => Cos, "Cosine (radians), elementwise.", "cos(array([0.0, pi]))";
    "tan" => Tan, "Tangent (radians), elementwise.", "tan(0.0)";
    "floor" => Floor, "Largest integer not greater than x, elementwise.", "floor(array([-1.5, 1.5]))";
    "ceil" => Ceil, "Smallest integer not less than x, elementwise.", "ceil(array([-1.5, 1.5]))";
    "rint" => Rint, "Round to the nearest integer, halves to even.", "rint(array([0.5, 1.5, 2.5]))";
    "isnan" => IsNan, "True where x is NaN.", "isnan(array([1.0, nan]))";
    "isinf" => IsInf, "True where x is +inf or -inf.", "isinf(array([1.0, inf]))";
    "isfinite" => IsFinite, "True where x is neither NaN nor infinite.", "isfinite(array([1.0, inf, nan]))";
    "square" => Square, "x*x, elementwise.", "square(arange(4))";
    "sign" => Sign, "-1, 0 or 1 by the sign of x (nan for nan).", "sign(array([-2.0, 0.0, 3.0]))";
    "negative" => Neg, "-x, elementwise.", "negative(arange(3))";
    "logical_not" => LogicalNot, "Logical not, elementwise (as bool).", "logical_not(array([True, False]))";
};

pub const BINARY: &[Builtin] = binary_builtins! {
    "maximum" => Maximum, "Elementwise maximum of two arrays (NaN propagates).", "maximum(array([1, 5]), array([3, 2]))";
    "minimum" => Minimum, "Elementwise minimum of two arrays (NaN propagates).", "minimum(array([1, 5]), 3)";
    "add" => Add, "x1 + x2, elementwise.", "add(arange(3), 1)";
    "subtract" => Sub, "x1 - x2, elementwise.", "subtract(arange(3), 1)";
    "multiply" => Mul, "x1 * x2, elementwise.", "multiply(arange(3), 2)";
    "divide" => TrueDiv, "x1 / x2, elementwise (true division).", "divide(arange(3), 2)";
    "true_divide" => TrueDiv, "x1 / x2, elementwise.", "true_divide(1, 4)";
    "floor_divide" => FloorDiv, "x1 // x2, elementwise.", "floor_divide(array([-7, 7]), 2)";
    "mod" => Mod, "x1 % x2 with the sign of x2 (Python's rule).", "mod(array([-7, 7]), 3)";
    "remainder" => Mod, "x1 % x2 with the sign of x2.", "remainder(-7, 3)";
    "power" => Pow, "x1 ** x2, elementwise.", "power(arange(4), 2)";
    "logical_and" => LogicalAnd, "Elementwise logical and.", "logical_and(array([True, True]), array([True, False]))";
    "logical_or" => LogicalOr, "Elementwise logical or.", "logical_or(array([True, False]), False)";
};

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "round",
        module: Module::Root,
        signature: "round(a, decimals=None)",
        doc: "Rounds to `decimals` places (default 0), halves to even (NumPy's rule). \
              On a Python number without `decimals` it is Python's round and gives an int.",
        examples: &[
            "round(array([0.5, 1.5, 2.675]), 2)",
            "array([1.25, 2.5]).round()",
            "round(2.5)",
        ],
        method: true,
        imp: round,
    },
    Builtin {
        name: "around",
        module: Module::Root,
        signature: "around(a, decimals=0)",
        doc: "Same as `round`.",
        examples: &["around(array([1.234]), 1)"],
        method: false,
        imp: round,
    },
    Builtin {
        name: "where",
        module: Module::Root,
        signature: "where(condition, x=None, y=None)",
        doc: "Elementwise choice: `x` where `condition` is true, else `y` (broadcasting all three). \
              With only a condition, the indices where it is true (as nonzero).",
        examples: &["where(arange(5) > 2, 1.0, -1.0)"],
        method: false,
        imp: where_,
    },
    Builtin {
        name: "clip",
        module: Module::Root,
        signature: "clip(a, a_min=None, a_max=None)",
        doc: "Limits values to [a_min, a_max]; either bound may be None.",
        examples: &["clip(arange(6), 1, 4)", "arange(6).clip(2)"],
        method: true,
        imp: clip,
    },
];
