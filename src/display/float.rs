//! Float formatting with NumPy's rules: the digit generation of its Dragon4
//! (`dragon4_positional` / `dragon4_scientific` in "unique" mode with a
//! precision cutoff), the array-wide layout decision of
//! `FloatingFormat.fillFormat` (positional vs. scientific, common padding,
//! `nan`/`inf` width), and the scalar `str()` of `np.float64`/`np.float32`.
//!
//! Digits come from Rust's own float formatting, which is exact: `{:e}` is
//! the shortest string that round-trips at the value's own precision (f32 or
//! f64), and `{:.N}` / `{:.Ne}` round the exact binary value half-to-even —
//! the same two things Dragon4 computes.

/// A finite, non-negative decimal number: `d0.d1d2... × 10^exp`.
/// `digits` has no trailing zeros except for zero itself (`"0"`).
#[derive(Clone, Debug, PartialEq)]
struct Decimal {
    digits: String,
    exp: i32,
}

impl Decimal {
    /// Parses Rust's `{:e}` output (`"1.2345e-5"`, `"3e2"`, `"0e0"`).
    fn from_sci(s: &str) -> Decimal {
        let (mant, exp) = s.split_once('e').expect("scientific float formatting");
        let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
        while digits.len() > 1 && digits.ends_with('0') {
            digits.pop();
        }
        Decimal { digits, exp: exp.parse().expect("exponent") }
    }

    /// Number of digits after the decimal point in positional notation.
    fn frac_len(&self) -> usize {
        if self.digits == "0" {
            0
        } else {
            (self.digits.len() as i32 - 1 - self.exp).max(0) as usize
        }
    }

    /// Splits into the integer and fraction digit strings of positional notation.
    fn positional(&self) -> (String, String) {
        if self.digits == "0" {
            return ("0".into(), String::new());
        }
        if self.exp < 0 {
            let zeros = "0".repeat((-self.exp - 1) as usize);
            return ("0".into(), zeros + &self.digits);
        }
        let n_int = self.exp as usize + 1;
        if self.digits.len() <= n_int {
            let pad = "0".repeat(n_int - self.digits.len());
            (self.digits.clone() + &pad, String::new())
        } else {
            (self.digits[..n_int].to_string(), self.digits[n_int..].to_string())
        }
    }
}

/// A float value tagged with the precision its shortest repr is computed at.
/// f32 values are stored widened to f64, which is exact.
#[derive(Clone, Copy, Debug)]
pub(super) struct Float {
    pub value: f64,
    pub is_f32: bool,
}

impl Float {
    /// Shortest round-tripping digits of `|x|` at the value's own precision,
    /// the closest such, with an exact tie going to the even digit as in
    /// Dragon4 (Rust breaks such ties upward: f32 `40923.3125` must print
    /// `40923.312`, not `40923.313`).
    fn shortest(self) -> Decimal {
        let a = self.value.abs();
        let d = if self.is_f32 {
            Decimal::from_sci(&format!("{:e}", a as f32))
        } else {
            Decimal::from_sci(&format!("{:e}", a))
        };
        // The correctly rounded value with as many digits is the closest
        // candidate; it wins whenever it also reads back as `x`.
        let rounded = format!("{:.*e}", d.digits.len() - 1, a);
        let e = Decimal::from_sci(&rounded);
        let round_trips = if self.is_f32 {
            rounded.parse::<f32>() == Ok(a as f32)
        } else {
            rounded.parse::<f64>() == Ok(a)
        };
        if e != d && round_trips { e } else { d }
    }

    fn negative(self) -> bool {
        self.value.is_sign_negative()
    }

    fn sign(self) -> &'static str {
        if self.negative() { "-" } else { "" }
    }

    /// Dragon4 positional, unique digits with at most `precision` fraction
    /// digits: the shortest repr when it is short enough, otherwise the
    /// exact value correctly rounded at the cutoff (trailing zeros dropped).
    /// Returns (sign + integer part, fraction part).
    fn positional(self, precision: usize) -> (String, String) {
        let d = self.shortest();
        let (int, frac) = if d.frac_len() <= precision {
            d.positional()
        } else {
            let s = format!("{:.*}", precision, self.value.abs());
            let (i, f) = s.split_once('.').unwrap_or((&s, ""));
            (i.to_string(), f.trim_end_matches('0').to_string())
        };
        (format!("{}{int}", self.sign()), frac)
    }

    /// Dragon4 scientific, unique digits with at most `precision` digits
    /// after the first. Returns (sign + first digit, fraction digits, exponent).
    fn scientific(self, precision: usize) -> (String, String, i32) {
        let mut d = self.shortest();
        if d.digits.len() > precision.saturating_add(1) {
            d = Decimal::from_sci(&format!("{:.*e}", precision, self.value.abs()));
        }
        let (first, rest) = d.digits.split_at(1);
        (format!("{}{first}", self.sign()), rest.to_string(), d.exp)
    }

    /// The exact value rounded half-to-even to `digits` digits after the
    /// first, trailing zeros kept. Returns (sign + first digit, fraction, exponent).
    fn exact_scientific(self, digits: usize) -> (String, String, i32) {
        let s = format!("{:.*e}", digits, self.value.abs());
        let (mant, exp) = s.split_once('e').expect("scientific float formatting");
        let (first, frac) = mant.split_once('.').unwrap_or((mant, ""));
        (format!("{}{first}", self.sign()), frac.to_string(), exp.parse().expect("exponent"))
    }
}

/// `e+05`, `e-300`: NumPy writes at least `min_digits` exponent digits.
fn exponent(exp: i32, min_digits: usize) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    format!("e{sign}{:0>width$}", exp.unsigned_abs(), width = min_digits)
}

/// `str(np.float64(x))` / `str(np.float32(x))`: Python's float repr style —
/// positional for `1e-4 <= |x| < 1e16` (`1e6` for float32) and zero, with at least one fraction
/// digit, else scientific with no trailing `.`; shortest digits throughout.
pub(super) fn format_float_scalar(x: Float) -> String {
    let v = x.value;
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v < 0.0 { "-inf".into() } else { "inf".into() };
    }
    // NumPy compares in C double, so an f32 is widened first (1e-4f32 < 1e-4
    // prints `1e-04`). The upper cutoff is 1e16 for float64 but 1e6 for
    // float32 (`str(np.float32(1e6))` is `1e+06`; checked against NumPy 2.4).
    let a = v.abs();
    let max_positional = if x.is_f32 { 1e6 } else { 1e16 };
    if a == 0.0 || (1e-4..max_positional).contains(&a) {
        let (int, frac) = x.positional(usize::MAX);
        let frac = if frac.is_empty() { "0".to_string() } else { frac };
        format!("{int}.{frac}")
    } else {
        let (first, frac, exp) = x.scientific(usize::MAX);
        let dot = if frac.is_empty() { "" } else { "." };
        format!("{first}{dot}{frac}{}", exponent(exp, 2))
    }
}

/// The array-wide float layout NumPy's `FloatingFormat` settles on, applied
/// to each element by [`FloatFormat::format`].
#[derive(Debug)]
pub(super) struct FloatFormat {
    exp_format: bool,
    /// Positional: max fraction digits kept (`precision`). Scientific: the
    /// common number of mantissa fraction digits every value is printed with.
    precision: usize,
    pad_left: usize,
    pad_right: usize,
    exp_size: usize,
}

impl FloatFormat {
    /// `FloatingFormat.fillFormat` for floatmode 'maxprec', sign '-',
    /// suppress_small off, over the values that will be shown.
    pub(super) fn new(values: &[Float], is_f32: bool, precision: usize) -> FloatFormat {
        let finite: Vec<Float> = values.iter().copied().filter(|x| x.value.is_finite()).collect();
        let exp_format = Self::wants_exp(&finite, is_f32);
        let mut f = FloatFormat { exp_format, precision, pad_left: 0, pad_right: 0, exp_size: 0 };
        if finite.is_empty() {
            // Only nan/inf: nothing to align but their own width (below).
        } else if exp_format {
            let parts: Vec<_> = finite.iter().map(|x| x.scientific(precision)).collect();
            f.exp_size = parts.iter().map(|p| exponent(p.2, 2).len() - 2).max().unwrap_or(0);
            f.precision = parts.iter().map(|p| p.1.len()).max().unwrap_or(0);
            f.pad_left = parts.iter().map(|p| p.0.len()).max().unwrap_or(0);
            // Only needed to size nan/inf, as in NumPy.
            f.pad_right = f.exp_size + 2 + f.precision;
        } else {
            let parts: Vec<_> = finite.iter().map(|x| x.positional(precision)).collect();
            f.pad_left = parts.iter().map(|p| p.0.len()).max().unwrap_or(0);
            f.pad_right = parts.iter().map(|p| p.1.len()).max().unwrap_or(0);
        }
        if finite.len() != values.len() {
            // nan/inf are right-aligned in the full width, which must fit them.
            let neginf = values.iter().any(|x| x.value == f64::NEG_INFINITY) as i64;
            let offset = f.pad_right as i64 + 1;
            let need = (3 - offset).max(3 + neginf - offset);
            f.pad_left = (f.pad_left as i64).max(need) as usize;
        }
        f
    }

    /// NumPy's switch to scientific notation, decided on the non-zero finite
    /// magnitudes in the array's own dtype (NEP 50 makes the Python-float
    /// thresholds compare as float32 for float32 arrays).
    fn wants_exp(finite: &[Float], is_f32: bool) -> bool {
        let nonzero = finite.iter().map(|x| x.value.abs()).filter(|&a| a != 0.0);
        let (min, max) =
            nonzero.fold((f64::INFINITY, 0.0f64), |(lo, hi), a| (lo.min(a), hi.max(a)));
        if max == 0.0 {
            return false;
        }
        if is_f32 {
            // 10**min(8, finfo(float32).precision) = 1e6.
            let (min, max) = (min as f32, max as f32);
            max >= 1e6 || min < 1e-4 || max / min > 1e3
        } else {
            max >= 1e8 || min < 1e-4 || max / min > 1e3
        }
    }

    /// `FloatingFormat.__call__`: one element at the common width.
    pub(super) fn format(&self, x: Float) -> String {
        let v = x.value;
        if !v.is_finite() {
            let s = if v.is_nan() {
                "nan"
            } else if v < 0.0 {
                "-inf"
            } else {
                "inf"
            };
            let width = self.pad_left + self.pad_right + 1;
            return format!("{s:>width$}");
        }
        if self.exp_format {
            // Dragon4 is called with `min_digits = precision` here, which prints
            // the *exact* value's further digits rather than zeros (float32
            // `7.001994e-03` pads to `7.0019942e-03`): exact rounding at
            // `precision` digits, which equals the shortest digits whenever
            // those are already `precision` long.
            let (first, frac, exp) = x.exact_scientific(self.precision);
            let e = exponent(exp, self.exp_size);
            format!("{first:>pl$}.{frac}{e}", pl = self.pad_left)
        } else {
            let (int, frac) = x.positional(self.precision);
            format!("{int:>pl$}.{frac:<pr$}", pl = self.pad_left, pr = self.pad_right)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64) -> Float {
        Float { value: v, is_f32: false }
    }

    #[test]
    fn decimal_positional_split() {
        assert_eq!(f(123.25).shortest().positional(), ("123".into(), "25".into()));
        assert_eq!(f(1200.0).shortest().positional(), ("1200".into(), String::new()));
        assert_eq!(f(0.00125).shortest().positional(), ("0".into(), "00125".into()));
        assert_eq!(f(0.0).shortest().positional(), ("0".into(), String::new()));
    }

    #[test]
    fn precision_cutoff_rounds_exact_value_half_even() {
        // 1/512 = 0.001953125 exactly: a true tie at 8 digits goes to even.
        assert_eq!(f(1.0 / 512.0).positional(8), ("0".into(), "00195312".into()));
        assert_eq!(f(0.1 + 0.2).positional(8), ("0".into(), "3".into()));
        assert_eq!(f(-2.0 / 3.0).positional(8), ("-0".into(), "66666667".into()));
    }

    #[test]
    fn scalar_repr_like_python() {
        assert_eq!(format_float_scalar(f(1e16)), "1e+16");
        assert_eq!(format_float_scalar(f(1e-7)), "1e-07");
        assert_eq!(format_float_scalar(f(1.5e-7)), "1.5e-07");
        assert_eq!(format_float_scalar(f(-0.0)), "-0.0");
        assert_eq!(format_float_scalar(Float { value: 0.1f32 as f64, is_f32: true }), "0.1");
    }
}
