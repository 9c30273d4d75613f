//! Vectorizable `sin` and `cos` for float64 tiles.
//!
//! libm's `sin`/`cos` are scalar calls of 40–100 cycles each; the fused
//! kernels spend most of `sin(x)**2 + cos(x)**2` in them. This module
//! evaluates whole slices with branch-free straight-line code the compiler
//! turns into SIMD: FreeBSD msun's (fdlibm's) medium-range argument
//! reduction `x = n·π/2 + (y0 + y1)` (π/2 in three 33-bit pieces, its
//! conditional refinement steps computed for every element and selected per
//! element) and its `__kernel_sin` / `__kernel_cos` polynomials, both of which
//! are accurate to below one ulp. Arguments outside `|x| <= 2^19·π/2`,
//! including ±inf and NaN, go to libm afterwards, so special values behave
//! exactly as NumPy's (`sin(inf)` is NaN).
//!
//! Determinism: only IEEE additions, multiplications and bit operations are
//! used (Rust never contracts them into FMAs), so the SIMD body, the scalar
//! tail of a slice and every instruction-set copy give the same bits; the
//! libm fallback depends only on the value. Against glibc the results differ
//! by at most one ulp (measured in the tests over millions of arguments).

// The constants are fdlibm's, digit for digit, so they can be checked
// against its source.
#![allow(clippy::excessive_precision)]

/// Largest |x| handled by the inline reduction (fdlibm's medium range).
const MEDIUM: f64 = 823_549.6;

const INV_PIO2: f64 = std::f64::consts::FRAC_2_PI;
/// 1.5·2^52: adding it rounds a double below 2^51 to an integer, which then
/// sits in the low mantissa bits.
const ROUND: f64 = 6_755_399_441_055_744.0;
const PIO2_1: f64 = 1.570_796_326_734_125_614_17e+00;
const PIO2_1T: f64 = 6.077_100_506_506_192_249_32e-11;
const PIO2_2: f64 = 6.077_100_506_303_965_976_60e-11;
const PIO2_2T: f64 = 2.022_266_248_795_950_631_54e-21;
const PIO2_3: f64 = 2.022_266_248_711_166_455_80e-21;
const PIO2_3T: f64 = 8.478_427_660_368_899_569_97e-32;

const S1: f64 = -1.666_666_666_666_663_243_48e-01;
const S2: f64 = 8.333_333_333_322_489_461_24e-03;
const S3: f64 = -1.984_126_982_985_794_931_34e-04;
const S4: f64 = 2.755_731_370_707_006_767_89e-06;
const S5: f64 = -2.505_076_025_340_686_341_95e-08;
const S6: f64 = 1.589_690_995_211_550_102_21e-10;

const C1: f64 = 4.166_666_666_666_660_190_37e-02;
const C2: f64 = -1.388_888_888_887_410_957_49e-03;
const C3: f64 = 2.480_158_728_947_672_941_78e-05;
const C4: f64 = -2.755_731_435_139_066_330_35e-07;
const C5: f64 = 2.087_572_321_298_174_827_90e-09;
const C6: f64 = -1.135_964_755_778_819_482_65e-11;

/// The biased exponent field of `x`.
#[inline(always)]
fn exponent(x: f64) -> i64 {
    ((x.to_bits() >> 52) & 0x7ff) as i64
}

/// `x = n·π/2 + y0 + y1` for `|x| <= MEDIUM` (`__ieee754_rem_pio2`'s medium
/// path, with its refinement steps selected instead of branched on). Returns
/// `(n mod 4, y0, y1)`.
#[inline(always)]
fn reduce(x: f64) -> (u64, f64, f64) {
    let t = x * INV_PIO2 + ROUND;
    let n = t.to_bits() & 3;
    let f = t - ROUND;
    let j = exponent(x);
    // One step: π/2 to 33 + 53 bits.
    let r1 = x - f * PIO2_1;
    let w1 = f * PIO2_1T;
    let y1_0 = r1 - w1;
    // Two steps, for when r1 cancelled more than 16 bits.
    let w = f * PIO2_2;
    let r2 = r1 - w;
    let w2 = f * PIO2_2T - ((r1 - r2) - w);
    let y2_0 = r2 - w2;
    // Three steps, for when the second result cancelled more than 49 bits.
    let w = f * PIO2_3;
    let r3 = r2 - w;
    let w3 = f * PIO2_3T - ((r2 - r3) - w);
    let y3_0 = r3 - w3;
    let two = j - exponent(y1_0) > 16;
    let three = two && j - exponent(y2_0) > 49;
    let (r, w, y0) = if three {
        (r3, w3, y3_0)
    } else if two {
        (r2, w2, y2_0)
    } else {
        (r1, w1, y1_0)
    };
    (n, y0, (r - y0) - w)
}

/// `sin(x + y)` for `|x + y| <= π/4` (`__kernel_sin` with `iy = 1`).
#[inline(always)]
fn kernel_sin(x: f64, y: f64) -> f64 {
    let z = x * x;
    let w = z * z;
    let r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
    let v = z * x;
    x - ((z * (0.5 * y - v * r) - y) - v * S1)
}

/// `cos(x + y)` for `|x + y| <= π/4` (`__kernel_cos`).
#[inline(always)]
fn kernel_cos(x: f64, y: f64) -> f64 {
    let z = x * x;
    let w = z * z;
    let r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
    let hz = 0.5 * z;
    let w = 1.0 - hz;
    w + (((1.0 - w) - hz) + (z * r - x * y))
}

/// `sin(x)` (`cos = false`) or `cos(x)` for `|x| <= MEDIUM`: the quadrant
/// picks the kernel and the sign.
#[inline(always)]
fn sin_cos_medium(x: f64, cos: bool) -> f64 {
    let (n, y0, y1) = reduce(x);
    let q = if cos { n.wrapping_add(1) } else { n };
    let s = kernel_sin(y0, y1);
    let c = kernel_cos(y0, y1);
    let v = if q & 1 == 1 { c } else { s };
    f64::from_bits(v.to_bits() ^ ((q & 2) << 62))
}

/// Whether the inline reduction handles `x` (false for inf and NaN).
#[inline(always)]
fn in_medium_range(x: f64) -> bool {
    x.abs() <= MEDIUM
}

/// The slice loop: the medium path for every element (cheap and branch-free,
/// so it vectorizes), then libm for the rare large, infinite or NaN ones.
#[inline(always)]
fn map(src: &[f64], dst: &mut [f64], cos: bool) {
    for (o, &x) in dst.iter_mut().zip(src) {
        // Out-of-range arguments get a harmless stand-in (fixed below).
        let arg = if in_medium_range(x) { x } else { 0.0 };
        *o = sin_cos_medium(arg, cos);
    }
    for (o, &x) in dst.iter_mut().zip(src) {
        if !in_medium_range(x) {
            *o = if cos { x.cos() } else { x.sin() };
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl,avx512bw")]
fn map_avx512(src: &[f64], dst: &mut [f64], cos: bool) {
    map(src, dst, cos)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn map_avx2(src: &[f64], dst: &mut [f64], cos: bool) {
    map(src, dst, cos)
}

fn dispatch(src: &[f64], dst: &mut [f64], cos: bool) {
    use crate::random::simd::{Level, level};
    #[cfg(target_arch = "x86_64")]
    match level() {
        // SAFETY: the CPU has the features (checked at run time by `level`).
        Level::Avx512 => unsafe { map_avx512(src, dst, cos) },
        // SAFETY: as above.
        Level::Avx2 => unsafe { map_avx2(src, dst, cos) },
        Level::Portable => map(src, dst, cos),
    }
    #[cfg(not(target_arch = "x86_64"))]
    map(src, dst, cos)
}

/// `dst[k] = sin(src[k])` for the common length.
pub fn sin_slice(src: &[f64], dst: &mut [f64]) {
    dispatch(src, dst, false)
}

/// `dst[k] = cos(src[k])` for the common length.
pub fn cos_slice(src: &[f64], dst: &mut [f64]) {
    dispatch(src, dst, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::simd::{Level, force_level};

    /// Distance in units in the last place between two finite doubles.
    fn ulps(a: f64, b: f64) -> u64 {
        let key = |x: f64| {
            let b = x.to_bits() as i64;
            if b < 0 { i64::MIN - b } else { b }
        };
        key(a).abs_diff(key(b))
    }

    /// Arguments: uniform on several scales, and the hard cases next to
    /// multiples of π/2 (where the reduction cancels).
    fn arguments() -> Vec<f64> {
        let mut v = Vec::new();
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        for scale in [1e-300, 1e-8, 0.5, 1.0, 4.0, 100.0, 1e4, 8e5] {
            for _ in 0..200_000 {
                v.push(scale * (2.0 * next() - 1.0));
            }
        }
        for k in 1..20_000i64 {
            let m = k as f64 * std::f64::consts::FRAC_PI_2;
            for d in [-2i64, -1, 0, 1, 2] {
                v.push(f64::from_bits((m.to_bits() as i64 + d) as u64));
            }
        }
        v.extend([0.0, -0.0, 5e-324, -5e-324, MEDIUM, -MEDIUM, 823_550.0, 1e22, -1e300]);
        v
    }

    #[test]
    fn within_one_ulp_of_libm() {
        let x = arguments();
        let mut s = vec![0.0; x.len()];
        let mut c = vec![0.0; x.len()];
        sin_slice(&x, &mut s);
        cos_slice(&x, &mut c);
        let (mut ws, mut wc) = (0, 0);
        for (k, &v) in x.iter().enumerate() {
            ws = ws.max(ulps(s[k], v.sin()));
            wc = wc.max(ulps(c[k], v.cos()));
            assert!(ulps(s[k], v.sin()) <= 1, "sin({v:e}) = {:e}, libm {:e}", s[k], v.sin());
            assert!(ulps(c[k], v.cos()) <= 1, "cos({v:e}) = {:e}, libm {:e}", c[k], v.cos());
        }
        // Signed zeros and subnormals pass through sin unchanged.
        assert_eq!(s[x.len() - 9].to_bits(), 0.0f64.to_bits());
        assert_eq!(s[x.len() - 8].to_bits(), (-0.0f64).to_bits());
        assert_eq!(s[x.len() - 7], 5e-324);
        eprintln!("max ulp vs libm: sin {ws}, cos {wc}");
    }

    #[test]
    fn special_values_follow_libm() {
        let x = [f64::INFINITY, f64::NEG_INFINITY, f64::NAN, 1e300, -2e6];
        let mut s = [0.0; 5];
        let mut c = [0.0; 5];
        sin_slice(&x, &mut s);
        cos_slice(&x, &mut c);
        assert!(s[0].is_nan() && s[1].is_nan() && s[2].is_nan());
        assert!(c[0].is_nan() && c[1].is_nan() && c[2].is_nan());
        assert_eq!(s[3], 1e300f64.sin());
        assert_eq!(c[4], (-2e6f64).cos());
    }

    /// Every instruction-set copy, and each element computed alone (as a
    /// slice tail would be), gives the same bits.
    #[test]
    fn every_level_and_the_scalar_tail_agree() {
        let x: Vec<f64> = arguments().into_iter().step_by(7).collect();
        let run = |cos: bool| {
            let mut out = vec![0.0; x.len()];
            dispatch(&x, &mut out, cos);
            out.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        };
        let best = (run(false), run(true));
        for level in [Level::Portable, Level::Avx2, Level::Avx512] {
            force_level(Some(level));
            let got = (run(false), run(true));
            force_level(None);
            assert!(got == best, "{level:?}");
        }
        for (k, &v) in x.iter().enumerate().step_by(101) {
            let mut one = [0.0];
            sin_slice(&[v], &mut one);
            assert_eq!(one[0].to_bits(), best.0[k], "sin({v:e}) alone");
        }
    }
}
