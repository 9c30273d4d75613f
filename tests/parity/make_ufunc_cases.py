"""Writes tests/parity/cases/ufuncs.arr: every elementwise function over
inputs of several dtypes (a matrix too large to write by hand). Run it after
changing the lists below, then generate.py to refresh the goldens."""
import os
inputs = {
    "f64": "np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0])",
    "f32": "np.array([-2.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 10.0], dtype=np.float32)",
    "i64": "np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100])",
    "i32": "np.array([-7, -3, -1, 0, 1, 2, 5, 9, 100], dtype=np.int32)",
    "u8": "np.array([0, 1, 2, 7, 100, 200, 255], dtype=np.uint8)",
    "i8": "np.array([-128, -7, -1, 0, 1, 5, 127], dtype=np.int8)",
    "b": "np.array([True, False, True, True, False])",
    "special": "np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1e300, -1e-300])",
}
unary = ["sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh",
         "arccosh", "arctanh", "exp", "expm1", "exp2", "log", "log1p", "log2", "log10", "sqrt",
         "cbrt", "square", "sign", "abs", "absolute", "negative", "positive", "floor", "ceil",
         "trunc", "rint", "isnan", "isinf", "isfinite", "signbit", "reciprocal", "deg2rad",
         "rad2deg", "fabs", "logical_not"]
tol = {"f32": "rtol=1e-6 atol=1e-30"}
out = ["# Every elementwise function of one input over inputs of several dtypes:",
       "# result dtypes follow NumPy's type resolution, values its libm to rounding.",
       "# tolerance: rtol=1e-14 atol=1e-300", ""]
for f in unary:
    for k, src in inputs.items():
        if k == "b" and f in ("negative", "reciprocal", "sign", "positive"):
            continue  # NumPy refuses these on bool: covered by error cases
        if f == "reciprocal" and k in ("i64", "i32", "u8", "i8"):
            continue  # NumPy's integer 1/0 is whatever the CPU gives
        hdr = f"### {f}_{k}" + (" " + tol[k] if k in tol else "")
        out += [hdr, f"x = {src}", f"np.{f}(x)", ""]
binary = ["add", "subtract", "multiply", "true_divide", "floor_divide", "mod", "fmod", "power",
          "maximum", "minimum", "fmax", "fmin", "arctan2", "hypot", "copysign", "logaddexp",
          "greater", "less_equal", "equal", "not_equal", "logical_and", "logical_xor"]
pairs = {
    "f64_f64": ("np.array([-3.5, -1.0, 0.0, 2.0, 7.25, np.nan])", "np.array([2.0, -0.5, 3.0, 0.0, -2.0, 1.0])"),
    "i64_i64": ("np.array([-7, -7, 7, 7, 0, 5])", "np.array([2, -2, 2, -2, 3, 0])"),
    "i32_f32": ("np.array([-7, 3, 0, 12], dtype=np.int32)", "np.array([2.5, -1.5, 4.0, 0.5], dtype=np.float32)"),
    "u8_i8": ("np.array([0, 5, 200, 255], dtype=np.uint8)", "np.array([1, -3, 7, 2], dtype=np.int8)"),
    "f32_pyfloat": ("np.array([1.5, -2.25, 3.0], dtype=np.float32)", "2.5"),
    "i16_pyint": ("np.array([100, -200, 300], dtype=np.int16)", "7"),
}
for f in binary:
    for k, (a, b) in pairs.items():
        if f in ("power",) and k in ("i64_i64", "u8_i8"):
            continue  # negative integer powers raise in NumPy: error cases
        # float32 results (NumPy computes in float32; arr may round once more).
        f32 = "f32" in k or k == "i16_pyint"
        hdr = f"### {f}_{k}" + (" rtol=1e-6 atol=1e-30" if f32 else "")
        out += [hdr, f"a = {a}", f"b = {b}", f"np.{f}(a, b)", ""]
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases", "ufuncs.arr"), "w").write("\n".join(out))
print(len([l for l in out if l.startswith("###")]))

# The promotion matrix: every pair of dtypes under `+` and `/`, and every dtype
# with weak Python scalars (NEP 50).
dtypes = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64"]
vals = {"bool": "[True, False, True]"}
out = ["# NumPy 2 type promotion: every dtype pair, and weak Python scalars.",
       "# tolerance: rtol=1e-6", ""]
for a in dtypes:
    for b in dtypes:
        va = vals.get(a, "[1, 2, 3]")
        vb = vals.get(b, "[3, 1, 2]")
        out += [f"### add_{a}_{b}", f"np.array({va}, dtype=np.{a}) + np.array({vb}, dtype=np.{b})", ""]
        if a <= b:
            out += [f"### div_{a}_{b}", f"np.array({va}, dtype=np.{a}) / np.array({vb}, dtype=np.{b})", ""]
for a in dtypes:
    va = vals.get(a, "[1, 2, 3]")
    for name, s in [("int", "3"), ("float", "2.5"), ("bool", "True"), ("negint", "-1")]:
        out += [f"### {a}_with_py{name}", f"np.array({va}, dtype=np.{a}) * {s}", ""]
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases", "promotion.arr"), "w").write("\n".join(out))
