//! Typed scalar semantics of every elementwise function, per element type,
//! matching NumPy: integer arithmetic wraps, integer division floors with
//! the divisor's sign for `%` (and gives 0 on division by zero, as NumPy
//! does after its warning), float division by zero gives ±inf/nan, `min`
//! and `max` propagate NaN, `round` is half-to-even.

use crate::array::Elem;

/// Arithmetic on one element type; the kernel loops call these.
pub trait Num: Elem {
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
    fn div(self, o: Self) -> Self;
    fn floordiv(self, o: Self) -> Self;
    fn modulo(self, o: Self) -> Self;
    fn power(self, o: Self) -> Self;
    fn bitand(self, o: Self) -> Self;
    fn bitor(self, o: Self) -> Self;
    fn bitxor(self, o: Self) -> Self;
    fn max_nan(self, o: Self) -> Self;
    fn min_nan(self, o: Self) -> Self;
    fn neg(self) -> Self;
    fn abs(self) -> Self;
    fn invert(self) -> Self;
    fn sign(self) -> Self;
    /// Float-only functions; on other types they are never reached (the
    /// IR casts their input to a float first) and go through f64.
    fn float_fn(self, f: fn(f64) -> f64) -> Self;
    fn floor(self) -> Self;
    fn ceil(self) -> Self;
    fn rint(self) -> Self;
    fn is_nan(self) -> bool;
    fn is_inf(self) -> bool;
    /// Truncated remainder (C `fmod`), 0 for integer division by zero.
    fn fmod(self, o: Self) -> Self;
    fn shl(self, o: Self) -> Self;
    fn shr(self, o: Self) -> Self;
    fn trunc(self) -> Self;
    /// The smallest and largest values (±inf for floats): the identities
    /// of `max` and `min` reductions.
    fn lowest() -> Self;
    fn highest() -> Self;
    fn truthy(self) -> bool;
}

macro_rules! int_common {
    ($t:ty) => {
        #[inline]
        fn add(self, o: Self) -> Self {
            self.wrapping_add(o)
        }
        #[inline]
        fn sub(self, o: Self) -> Self {
            self.wrapping_sub(o)
        }
        #[inline]
        fn mul(self, o: Self) -> Self {
            self.wrapping_mul(o)
        }
        #[inline]
        fn div(self, o: Self) -> Self {
            self.floordiv(o)
        }
        #[inline]
        fn power(self, o: Self) -> Self {
            // NumPy refuses negative integer powers; arr gives 0 for them
            // (1 for base 1, ±1 for base -1) rather than failing mid-compute.
            let e = o.to_i64();
            if e < 0 {
                return match self.to_i64() {
                    1 => 1 as $t,
                    -1 => {
                        if e % 2 == 0 {
                            1 as $t
                        } else {
                            self
                        }
                    }
                    _ => 0 as $t,
                };
            }
            self.wrapping_pow(e.min(u32::MAX as i64) as u32)
        }
        #[inline]
        fn bitand(self, o: Self) -> Self {
            self & o
        }
        #[inline]
        fn bitor(self, o: Self) -> Self {
            self | o
        }
        #[inline]
        fn bitxor(self, o: Self) -> Self {
            self ^ o
        }
        #[inline]
        fn max_nan(self, o: Self) -> Self {
            if self >= o { self } else { o }
        }
        #[inline]
        fn min_nan(self, o: Self) -> Self {
            if self <= o { self } else { o }
        }
        #[inline]
        fn invert(self) -> Self {
            !self
        }
        #[inline]
        fn float_fn(self, f: fn(f64) -> f64) -> Self {
            Self::from_f64(f(self.to_f64()))
        }
        #[inline]
        fn floor(self) -> Self {
            self
        }
        #[inline]
        fn ceil(self) -> Self {
            self
        }
        #[inline]
        fn rint(self) -> Self {
            self
        }
        #[inline]
        fn is_nan(self) -> bool {
            false
        }
        #[inline]
        fn is_inf(self) -> bool {
            false
        }
        #[inline]
        fn fmod(self, o: Self) -> Self {
            if o == 0 { 0 } else { self.wrapping_rem(o) }
        }
        #[inline]
        fn shl(self, o: Self) -> Self {
            let s = o.to_i64();
            if !(0..(8 * std::mem::size_of::<$t>() as i64)).contains(&s) {
                0
            } else {
                self.wrapping_shl(s as u32)
            }
        }
        #[inline]
        fn shr(self, o: Self) -> Self {
            let s = o.to_i64().clamp(0, 8 * std::mem::size_of::<$t>() as i64 - 1);
            self.wrapping_shr(s as u32)
        }
        #[inline]
        fn trunc(self) -> Self {
            self
        }
        fn lowest() -> Self {
            <$t>::MIN
        }
        fn highest() -> Self {
            <$t>::MAX
        }
        #[inline]
        fn truthy(self) -> bool {
            self != 0
        }
    };
}

macro_rules! impl_signed {
    ($($t:ty),*) => {$(
        impl Num for $t {
            int_common!($t);
            #[inline]
            fn floordiv(self, o: Self) -> Self {
                if o == 0 {
                    return 0;
                }
                let q = self.wrapping_div(o);
                if (self % o != 0) && ((self < 0) != (o < 0)) { q - 1 } else { q }
            }
            #[inline]
            fn modulo(self, o: Self) -> Self {
                if o == 0 {
                    return 0;
                }
                let r = self.wrapping_rem(o);
                if r != 0 && ((r < 0) != (o < 0)) { r + o } else { r }
            }
            #[inline]
            fn neg(self) -> Self {
                self.wrapping_neg()
            }
            #[inline]
            fn abs(self) -> Self {
                self.wrapping_abs()
            }
            #[inline]
            fn sign(self) -> Self {
                self.signum()
            }
        }
    )*};
}

macro_rules! impl_unsigned {
    ($($t:ty),*) => {$(
        impl Num for $t {
            int_common!($t);
            #[inline]
            fn floordiv(self, o: Self) -> Self {
                if o == 0 { 0 } else { self / o }
            }
            #[inline]
            fn modulo(self, o: Self) -> Self {
                if o == 0 { 0 } else { self % o }
            }
            #[inline]
            fn neg(self) -> Self {
                self.wrapping_neg()
            }
            #[inline]
            fn abs(self) -> Self {
                self
            }
            #[inline]
            fn sign(self) -> Self {
                (self > 0) as $t
            }
        }
    )*};
}

impl_signed!(i8, i16, i32, i64);
impl_unsigned!(u8, u16, u32, u64);

macro_rules! impl_float {
    ($($t:ty),*) => {$(
        impl Num for $t {
            #[inline]
            fn add(self, o: Self) -> Self { self + o }
            #[inline]
            fn sub(self, o: Self) -> Self { self - o }
            #[inline]
            fn mul(self, o: Self) -> Self { self * o }
            #[inline]
            fn div(self, o: Self) -> Self { self / o }
            #[inline]
            fn floordiv(self, o: Self) -> Self {
                // Python/NumPy: floor of the exact quotient, via divmod.
                if o == 0.0 {
                    return self / o;
                }
                let m = self.modulo(o);
                let d = (self - m) / o;
                if d == 0.0 { (0.0 as $t).copysign(self / o) } else {
                    let f = d.floor();
                    if d - f > 0.5 { f + 1.0 } else { f }
                }
            }
            #[inline]
            fn modulo(self, o: Self) -> Self {
                if o == 0.0 {
                    return <$t>::NAN;
                }
                let r = self % o;
                if r != 0.0 && ((r < 0.0) != (o < 0.0)) { r + o } else if r == 0.0 { (0.0 as $t).copysign(o) } else { r }
            }
            #[inline]
            fn power(self, o: Self) -> Self { self.powf(o) }
            #[inline]
            fn bitand(self, _o: Self) -> Self { 0.0 }
            #[inline]
            fn bitor(self, _o: Self) -> Self { 0.0 }
            #[inline]
            fn bitxor(self, _o: Self) -> Self { 0.0 }
            #[inline]
            fn max_nan(self, o: Self) -> Self {
                if self.is_nan() || o.is_nan() { <$t>::NAN } else if self >= o { self } else { o }
            }
            #[inline]
            fn min_nan(self, o: Self) -> Self {
                if self.is_nan() || o.is_nan() { <$t>::NAN } else if self <= o { self } else { o }
            }
            #[inline]
            fn neg(self) -> Self { -self }
            #[inline]
            fn abs(self) -> Self { self.abs() }
            #[inline]
            fn invert(self) -> Self { 0.0 }
            #[inline]
            fn sign(self) -> Self {
                if self.is_nan() { self } else if self > 0.0 { 1.0 } else if self < 0.0 { -1.0 } else { 0.0 }
            }
            #[inline]
            fn float_fn(self, f: fn(f64) -> f64) -> Self { f(self as f64) as $t }
            #[inline]
            fn floor(self) -> Self { self.floor() }
            #[inline]
            fn ceil(self) -> Self { self.ceil() }
            #[inline]
            fn rint(self) -> Self { self.round_ties_even() }
            #[inline]
            fn is_nan(self) -> bool { self.is_nan() }
            #[inline]
            fn is_inf(self) -> bool { self.is_infinite() }
            #[inline]
            fn fmod(self, o: Self) -> Self { self % o }
            #[inline]
            fn shl(self, _o: Self) -> Self { 0.0 }
            #[inline]
            fn shr(self, _o: Self) -> Self { 0.0 }
            #[inline]
            fn trunc(self) -> Self { self.trunc() }
            fn lowest() -> Self { <$t>::NEG_INFINITY }
            fn highest() -> Self { <$t>::INFINITY }
            #[inline]
            fn truthy(self) -> bool { self != 0.0 }
        }
    )*};
}

impl_float!(f32, f64);

/// NumPy's bool arithmetic: `+` is or, `*` is and; the rest is refused
/// when the IR is built, so these arms are the defined fallbacks.
impl Num for bool {
    fn add(self, o: Self) -> Self {
        self | o
    }
    fn sub(self, o: Self) -> Self {
        self ^ o
    }
    fn mul(self, o: Self) -> Self {
        self & o
    }
    fn div(self, o: Self) -> Self {
        self & o
    }
    fn floordiv(self, o: Self) -> Self {
        self & o
    }
    fn modulo(self, _o: Self) -> Self {
        false
    }
    fn power(self, o: Self) -> Self {
        self | !o
    }
    fn bitand(self, o: Self) -> Self {
        self & o
    }
    fn bitor(self, o: Self) -> Self {
        self | o
    }
    fn bitxor(self, o: Self) -> Self {
        self ^ o
    }
    fn max_nan(self, o: Self) -> Self {
        self | o
    }
    fn min_nan(self, o: Self) -> Self {
        self & o
    }
    fn neg(self) -> Self {
        self
    }
    fn abs(self) -> Self {
        self
    }
    fn invert(self) -> Self {
        !self
    }
    fn sign(self) -> Self {
        self
    }
    fn float_fn(self, f: fn(f64) -> f64) -> Self {
        f(self as u8 as f64) != 0.0
    }
    fn floor(self) -> Self {
        self
    }
    fn ceil(self) -> Self {
        self
    }
    fn rint(self) -> Self {
        self
    }
    fn is_nan(self) -> bool {
        false
    }
    fn is_inf(self) -> bool {
        false
    }
    fn fmod(self, _o: Self) -> Self {
        false
    }
    fn shl(self, o: Self) -> Self {
        self & !o
    }
    fn shr(self, o: Self) -> Self {
        self & !o
    }
    fn trunc(self) -> Self {
        self
    }
    fn lowest() -> Self {
        false
    }
    fn highest() -> Self {
        true
    }
    fn truthy(self) -> bool {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_division_follows_python_signs() {
        assert_eq!((-7i64).floordiv(2), -4);
        assert_eq!((7i64).floordiv(-2), -4);
        assert_eq!((-7i64).modulo(2), 1);
        assert_eq!((7i64).modulo(-2), -1);
        assert_eq!((7i32).floordiv(0), 0);
        assert_eq!(i8::MAX.add(1), i8::MIN);
    }

    #[test]
    fn float_division_and_modulo() {
        assert_eq!((-7.0f64).floordiv(2.0), -4.0);
        assert_eq!((-7.0f64).modulo(2.0), 1.0);
        assert_eq!((7.5f64).modulo(-2.0), -0.5);
        assert!((1.0f64).div(0.0).is_infinite());
        assert!((1.0f64).modulo(0.0).is_nan());
        assert_eq!((2.5f64).rint(), 2.0);
        assert_eq!((3.5f64).rint(), 4.0);
        assert!(f64::NAN.max_nan(1.0).is_nan());
    }
}
