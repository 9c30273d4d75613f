//! The rest of NumPy's elementwise library: inverse and hyperbolic trig,
//! exponentials and logarithms, rounding, bitwise and logical operations,
//! `arctan2, hypot, fmod, fmax, fmin`, and `nan_to_num`.

use super::Builtin;

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
    "fabs" => Abs, "Absolute value, elementwise.", "fabs(array([-1.5, 2.0]))";
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
};
