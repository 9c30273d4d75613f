//! The rest of NumPy's elementwise library: inverse and hyperbolic trig,
//! exponentials and logarithms, rounding, bitwise and logical operations,
//! `arctan2, hypot, fmod, fmax, fmin, copysign, logaddexp`, comparisons as
//! functions, `fabs` and `positive`.

use super::convert::R;
use super::{Args, Builtin, Module};
use crate::interp::{Interp, Value};
use crate::ir::build;
use crate::ir::ops::UnaryFn;

/// `fabs`: absolute value computed in floating point (integers come back as floats).
fn fabs(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("x");
    let x = super::convert::to_array(&v, span)?;
    let node = build::unary(UnaryFn::Abs, &build::cast(&x, x.dtype.to_float()))
        .map_err(|d| d.or_span(span))?;
    interp.scalar_or_array(&v, node, span)
}

/// `positive`: `+x`, a copy; NumPy refuses bools.
fn positive(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("x");
    let x = super::convert::to_array(&v, span)?;
    if x.dtype.is_bool() {
        return Err(crate::diag::Diagnostic::new(
            crate::diag::ErrorKind::DType,
            "positive (unary `+`) is not supported for bool arrays",
            span,
        ));
    }
    interp.scalar_or_array(&v, x, span)
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "fabs",
        module: Module::Root,
        signature: "fabs(x)",
        doc: "Absolute value in floating point, elementwise (integers give floats).",
        examples: &["fabs(array([-1.5, 2.0]))", "fabs(array([-3, 4]))"],
        method: false,
        imp: fabs,
    },
    Builtin {
        name: "positive",
        module: Module::Root,
        signature: "positive(x)",
        doc: "+x, elementwise (a copy; not defined for bools).",
        examples: &["positive(array([-1, 2]))"],
        method: false,
        imp: positive,
    },
];

pub const UNARY: &[Builtin] = unary_builtins! {
    "arcsin" => Arcsin, "Inverse sine, elementwise (radians; nan outside [-1, 1]).", "arcsin(array([0.0, 1.0]))";
    "arccos" => Arccos, "Inverse cosine, elementwise (radians).", "arccos(array([1.0, 0.0]))";
    "arctan" => Arctan, "Inverse tangent, elementwise (radians).", "arctan(array([0.0, 1.0]))";
    "sinh" => Sinh, "Hyperbolic sine, elementwise.", "sinh(array([0.0, 1.0]))";
    "cosh" => Cosh, "Hyperbolic cosine, elementwise.", "cosh(array([0.0, 1.0]))";
    "tanh" => Tanh, "Hyperbolic tangent, elementwise.", "tanh(array([0.0, 1.0]))";
    "arcsinh" => Arcsinh, "Inverse hyperbolic sine, elementwise.", "arcsinh(array([0.0, 1.0]))";
    "arccosh" => Arccosh, "Inverse hyperbolic cosine, elementwise (nan below 1).", "arccosh(array([1.0, 2.0]))";
    "arctanh" => Arctanh, "Inverse hyperbolic tangent, elementwise.", "arctanh(array([0.0, 0.5]))";
    "expm1" => Expm1, "exp(x) - 1, accurate for small x.", "expm1(array([1e-10, 1.0]))";
    "exp2" => Exp2, "2 to the power x, elementwise.", "exp2(arange(4))";
    "log1p" => Log1p, "log(1 + x), accurate for small x.", "log1p(array([1e-10, 1.0]))";
    "log2" => Log2, "Base-2 logarithm, elementwise.", "log2(array([1.0, 8.0]))";
    "log10" => Log10, "Base-10 logarithm, elementwise.", "log10(array([1.0, 1000.0]))";
    "cbrt" => Cbrt, "Cube root, elementwise.", "cbrt(array([-8.0, 27.0]))";
    "trunc" => Trunc, "Rounds toward zero, elementwise.", "trunc(array([-1.7, 1.7]))";
    "fix" => Trunc, "Rounds toward zero, elementwise (same as trunc).", "fix(array([-1.7, 1.7]))";
    "deg2rad" => Deg2Rad, "Degrees to radians.", "deg2rad(array([180.0]))";
    "radians" => Deg2Rad, "Degrees to radians (same as deg2rad).", "radians(90.0)";
    "rad2deg" => Rad2Deg, "Radians to degrees.", "rad2deg(array([pi]))";
    "degrees" => Rad2Deg, "Radians to degrees (same as rad2deg).", "degrees(pi / 2)";
    "signbit" => Signbit, "True where the sign bit is set (negative values, -0.0).", "signbit(array([-1.5, -0.0, 0.0, 2.0]))";
    "reciprocal" => Reciprocal, "1/x, elementwise; on integers truncating (so 0 except for 1 and -1; 1/0 gives 0).", "reciprocal(array([0.5, 4.0]))";
    "invert" => Invert, "Bitwise not on integers, logical not on bools.", "invert(array([0, 1, 2], dtype=uint8))";
    "bitwise_not" => Invert, "Bitwise not on integers, logical not on bools.", "bitwise_not(array([True, False]))";
};

pub const BINARY: &[Builtin] = binary_builtins! {
    "arctan2" => Arctan2, "The angle of the point (x2, x1), in radians, in the right quadrant.", "arctan2(array([1.0, -1.0]), array([-1.0, -1.0]))";
    "hypot" => Hypot, "sqrt(x1**2 + x2**2) without overflow, elementwise.", "hypot(array([3.0]), array([4.0]))";
    "fmod" => Fmod, "Remainder with the sign of the dividend (C's fmod).", "fmod(array([-7, 7]), 3)";
    "fmax" => Fmax, "Elementwise maximum ignoring NaN.", "fmax(array([1.0, nan]), array([nan, 2.0]))";
    "fmin" => Fmin, "Elementwise minimum ignoring NaN.", "fmin(array([1.0, nan]), 0.5)";
    "logical_xor" => LogicalXor, "Elementwise logical exclusive or.", "logical_xor(array([True, True]), array([False, True]))";
    "bitwise_and" => BitAnd, "Bitwise and of integers (logical on bools).", "bitwise_and(array([12, 10]), 6)";
    "bitwise_or" => BitOr, "Bitwise or of integers (logical on bools).", "bitwise_or(array([12, 10]), 1)";
    "bitwise_xor" => BitXor, "Bitwise exclusive or of integers.", "bitwise_xor(array([12, 10]), 6)";
    "left_shift" => LShift, "x1 << x2 on integers.", "left_shift(array([1, 3]), 2)";
    "right_shift" => RShift, "x1 >> x2 on integers.", "right_shift(array([16, 7]), 2)";
    "copysign" => Copysign, "The magnitude of x1 with the sign of x2, elementwise.", "copysign(array([1.5, 2.0]), array([-1.0, 0.0]))";
    "logaddexp" => Logaddexp, "log(exp(x1) + exp(x2)) without overflow.", "logaddexp(array([1000.0, 0.0]), array([1000.0, 1.0]))";
    "logaddexp2" => Logaddexp2, "log2(2**x1 + 2**x2) without overflow.", "logaddexp2(array([1.0, 3.0]), 3.0)";
    "greater" => Gt, "x1 > x2, elementwise.", "greater(arange(4), 1)";
    "greater_equal" => Ge, "x1 >= x2, elementwise.", "greater_equal(arange(4), 1)";
    "less" => Lt, "x1 < x2, elementwise.", "less(arange(4), 2)";
    "less_equal" => Le, "x1 <= x2, elementwise.", "less_equal(arange(4), 2)";
    "equal" => Eq, "x1 == x2, elementwise.", "equal(arange(4), array([0, 2, 2, 0]))";
    "not_equal" => Ne, "x1 != x2, elementwise.", "not_equal(arange(4), 2)";
};
