//! Per-element samplers: each turns the element's draws (draw 0 from the shared
//! primary block, then the element's own extra blocks, see `philox.rs`) into a
//! value of one distribution. Every sampler is exact (no truncated tables or
//! approximate inversions) and consumes draws only from its own element, so a
//! rejection loop never disturbs a neighbour and every value stays a pure
//! function of `(key, index)`.
//!
//! Parameters are assumed valid (the caller checks them where the user wrote
//! them); degenerate or invalid ones give a documented value, never a panic.

use super::philox::{Extra, u64_to_unit};
use super::ziggurat;

/// Where an element's draws come from: its stream identity in Philox terms.
#[derive(Clone, Copy, Debug)]
pub struct Ctx {
    pub key: [u32; 2],
    pub stream: u32,
}

/// All draws of one element in order: draw 0 (already computed by the caller,
/// usually in a vectorized batch), then the element's extra blocks.
pub struct Draws {
    first: Option<u64>,
    extra: Extra,
}

impl Draws {
    /// Continue after draw 0 has been used by a caller's inlined fast path.
    #[inline]
    pub fn after_first(ctx: Ctx, index: u64) -> Self {
        Draws { first: None, extra: Extra::new(ctx.key, ctx.stream, index) }
    }

    /// As [`Draws::after_first`], with the element's first extra block
    /// already computed (see `philox::first_extra_blocks`).
    #[inline]
    pub fn after_first_with(ctx: Ctx, index: u64, block: [u64; 2]) -> Self {
        Draws { first: None, extra: Extra::with_first_block(ctx.key, ctx.stream, index, block) }
    }

    /// These draws with draw 0 (`primary`) put back in front, for samplers
    /// that read every draw through `Draws`.
    #[inline]
    pub fn with_draw0(self, primary: u64) -> Self {
        Draws { first: Some(primary), extra: self.extra }
    }

    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        match self.first.take() {
            Some(x) => x,
            None => self.extra.next_u64(),
        }
    }

    /// Uniform in [0, 1).
    #[inline]
    pub fn unit(&mut self) -> f64 {
        u64_to_unit(self.next_u64())
    }

    /// Uniform in (0, 1], safe for `ln`.
    #[inline]
    pub fn unit_open0(&mut self) -> f64 {
        1.0 - self.unit()
    }

    pub fn normal(&mut self) -> f64 {
        ziggurat::normal(&mut || self.next_u64())
    }

    /// Standard exponential by inversion (exact up to double rounding).
    pub fn exponential(&mut self) -> f64 {
        -self.unit_open0().ln() + 0.0
    }
}

/// Finishes a standard normal whose draw 0 (`primary`) the ziggurat's fast
/// path rejected, from the element's further draws `d`.
#[cold]
pub fn std_normal_slow(t: &ziggurat::Tables, primary: u64, mut d: Draws) -> f64 {
    ziggurat::slow(t, primary, &mut || d.next_u64())
}

/// Standard exponential from draw 0: `-ln(U)`, `U` in (0, 1]. `+ 0.0` turns the
/// `-0.0` of `U = 1` into `0.0`.
#[inline(always)]
pub fn std_exponential(primary: u64) -> f64 {
    -(1.0 - u64_to_unit(primary)).ln() + 0.0
}

/// Integer uniform in `[low, high)` by Lemire's multiply-shift with rejection
/// (draw 0 is `primary`, rejections read `rest`), exact for any span up to
/// 2^64 - 1. `low >= high` gives `low` (callers must
/// reject such parameters where the user wrote them).
#[inline(always)]
pub fn randint(low: i64, high: i64, primary: u64, rest: Draws) -> i64 {
    match randint_fast(low, high, primary) {
        (v, true) => v,
        _ => randint_slow(low, span_of(low, high), primary, rest),
    }
}

/// `high - low` as u64, or 0 for an empty range.
#[inline(always)]
pub fn span_of(low: i64, high: i64) -> u64 {
    if high > low { high.wrapping_sub(low) as u64 } else { 0 }
}

/// Lemire's fast path: `(value, true)` unless the low product half falls below
/// the span, where the exact rejection test is needed. An empty range gives
/// `(low, true)` (span 0).
#[inline(always)]
pub fn randint_fast(low: i64, high: i64, primary: u64) -> (i64, bool) {
    let span = span_of(low, high);
    let m = u128::from(primary) * u128::from(span);
    (low.wrapping_add((m >> 64) as i64), (m as u64) >= span)
}

#[cold]
#[inline(never)]
fn randint_slow(low: i64, span: u64, primary: u64, mut d: Draws) -> i64 {
    let mut m = u128::from(primary) * u128::from(span);
    // Reject the `2^64 mod span` low products that would bias the result.
    let threshold = span.wrapping_neg() % span;
    while (m as u64) < threshold {
        m = u128::from(d.next_u64()) * u128::from(span);
    }
    low.wrapping_add((m >> 64) as i64)
}

/// Poisson: multiplication method below 10, Hörmann's PTRS (transformed
/// rejection with squeeze, 1993) above. `lam <= 0` or NaN gives 0.
pub fn poisson(lam: f64, d: &mut Draws) -> i64 {
    if lam.is_nan() || lam <= 0.0 {
        return 0;
    }
    if lam < 10.0 {
        let limit = (-lam).exp();
        let mut k = 0;
        let mut p = d.unit();
        while p > limit {
            k += 1;
            p *= d.unit();
        }
        return k;
    }
    let slam = lam.sqrt();
    let loglam = lam.ln();
    let b = 0.931 + 2.53 * slam;
    let a = -0.059 + 0.02483 * b;
    let inv_alpha = 1.1239 + 1.1328 / (b - 3.4);
    let vr = 0.9277 - 3.6224 / (b - 2.0);
    loop {
        let u = d.unit() - 0.5;
        let v = d.unit();
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + lam + 0.43).floor();
        if us >= 0.07 && v <= vr {
            return k as i64;
        }
        if k < 0.0 || (us < 0.013 && v > us) {
            continue;
        }
        if v.ln() + inv_alpha.ln() - (a / (us * us) + b).ln() <= -lam + k * loglam - ln_factorial(k)
        {
            return k as i64;
        }
    }
}

/// `ln(k!)` for integer-valued `k >= 0`: exact sum below 16, Stirling series
/// (error < 1e-16 relative) above.
pub fn ln_factorial(k: f64) -> f64 {
    if k < 16.0 {
        let mut s = 0.0;
        let mut i = 2.0;
        while i <= k {
            s += f64::ln(i);
            i += 1.0;
        }
        return s;
    }
    let x = k + 1.0;
    let x2 = x * x;
    (x - 0.5) * x.ln() - x
        + 0.918_938_533_204_672_8
        + (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - 1.0 / (1680.0 * x2)) / x2) / x2) / x
}

/// Binomial: inversion for `n * min(p, 1-p) < 10`, Hörmann's BTRD above.
/// `n <= 0` or `p <= 0` gives 0, `p >= 1` gives `n`, NaN `p` gives 0.
pub fn binomial(n: i64, p: f64, d: &mut Draws) -> i64 {
    if n <= 0 || p.is_nan() || p <= 0.0 {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    if p > 0.5 {
        return n - binomial_le_half(n, 1.0 - p, d);
    }
    binomial_le_half(n, p, d)
}

fn binomial_le_half(n: i64, p: f64, d: &mut Draws) -> i64 {
    let nf = n as f64;
    let q = 1.0 - p;
    if nf * p < 10.0 {
        // Inversion by sequential search from 0, restarting on the (rare) run
        // past a far bound where rounding could otherwise walk off.
        let s = p / q;
        let a = (nf + 1.0) * s;
        let r0 = (nf * (-p).ln_1p()).exp();
        let bound = nf.min(nf * p + 10.0 * (nf * p * q + 1.0).sqrt());
        'restart: loop {
            let mut r = r0;
            let mut u = d.unit();
            let mut x = 0.0;
            while u >= r {
                u -= r;
                x += 1.0;
                if x > bound {
                    continue 'restart;
                }
                r *= a / x - s;
            }
            return x as i64;
        }
    }
    btrd(nf, p, d)
}

/// Stirling correction `ln(k!) - [(k + 1/2) ln(k + 1) - (k + 1) + ln(2 pi)/2]`.
fn stirling_fc(k: f64) -> f64 {
    const FC: [f64; 10] = [
        0.081_061_466_795_327_26,
        0.041_340_695_955_409_29,
        0.027_677_925_684_998_34,
        0.020_790_672_103_765_09,
        0.016_644_691_189_821_19,
        0.013_876_128_823_070_75,
        0.011_896_709_945_891_77,
        0.010_411_265_261_972_09,
        0.009_255_462_182_712_733,
        0.008_330_563_433_362_87,
    ];
    if k < 10.0 {
        return FC[k as usize];
    }
    let r = 1.0 / (k + 1.0);
    let r2 = r * r;
    (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - r2 / 1680.0) * r2) * r2) * r
}

/// BTRD (Hörmann, "The generation of binomial random variates", 1993) for
/// `p <= 1/2`, `n p >= 10`.
fn btrd(n: f64, p: f64, d: &mut Draws) -> i64 {
    let q = 1.0 - p;
    let m = ((n + 1.0) * p).floor();
    let r = p / q;
    let nr = (n + 1.0) * r;
    let npq = n * p * q;
    let spq = npq.sqrt();
    let b = 1.15 + 2.53 * spq;
    let a = -0.0873 + 0.0248 * b + 0.01 * p;
    let c = n * p + 0.5;
    let alpha = (2.83 + 5.1 / b) * spq;
    let vr = 0.92 - 4.2 / b;
    let urvr = 0.86 * vr;
    loop {
        let mut v = d.unit();
        let u;
        if v <= urvr {
            let u = v / vr - 0.43;
            return ((2.0 * a / (0.5 - u.abs()) + b) * u + c).floor() as i64;
        }
        if v >= vr {
            u = d.unit() - 0.5;
        } else {
            let w = v / vr - 0.93;
            u = 0.5f64.copysign(w) - w;
            v = d.unit() * vr;
        }
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + c).floor();
        if k < 0.0 || k > n {
            continue;
        }
        v = v * alpha / (a / (us * us) + b);
        let km = (k - m).abs();
        if km <= 15.0 {
            // Recursive evaluation of f(k) / f(m).
            let mut f = 1.0;
            if m < k {
                let mut i = m + 1.0;
                while i <= k {
                    f *= nr / i - r;
                    i += 1.0;
                }
            } else {
                let mut i = k + 1.0;
                while i <= m {
                    v *= nr / i - r;
                    i += 1.0;
                }
            }
            if v <= f {
                return k as i64;
            }
            continue;
        }
        // Squeeze on ln(v), then the exact test with Stirling corrections.
        v = v.ln();
        let rho = (km / npq) * (((km / 3.0 + 0.625) * km + 1.0 / 6.0) / npq + 0.5);
        let t = -km * km / (2.0 * npq);
        if v < t - rho {
            return k as i64;
        }
        if v > t + rho {
            continue;
        }
        let nm = n - m + 1.0;
        let h = (m + 0.5) * ((m + 1.0) / (r * nm)).ln() + stirling_fc(m) + stirling_fc(n - m);
        let nk = n - k + 1.0;
        if v <= h + (n + 1.0) * (nm / nk).ln() + (k + 0.5) * (nk * r / (k + 1.0)).ln()
            - stirling_fc(k)
            - stirling_fc(n - k)
        {
            return k as i64;
        }
    }
}

/// Geometric: number of trials up to and including the first success, `>= 1`,
/// by inversion. `p >= 1` gives 1; `p <= 0` or NaN gives `i64::MAX`.
pub fn geometric(p: f64, d: &mut Draws) -> i64 {
    if p >= 1.0 {
        return 1;
    }
    if p.is_nan() || p <= 0.0 {
        return i64::MAX;
    }
    let k = (d.unit_open0().ln() / (-p).ln_1p()).ceil();
    // `as` saturates, so a huge k (tiny p) clamps to i64::MAX.
    (k as i64).max(1)
}

/// Gamma(shape, 1): Marsaglia & Tsang (2000) for `shape >= 1`, boosted by
/// `U^(1/shape)` below 1. `shape <= 0` gives 0, NaN gives NaN.
pub fn std_gamma(shape: f64, d: &mut Draws) -> f64 {
    if shape.is_nan() {
        return f64::NAN;
    }
    if shape <= 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        let u = d.unit_open0();
        return std_gamma(shape + 1.0, d) * u.powf(1.0 / shape);
    }
    let dd = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * dd).sqrt();
    loop {
        let x = d.normal();
        let v = 1.0 + c * x;
        if v <= 0.0 {
            continue;
        }
        let v = v * v * v;
        let u = d.unit_open0();
        let x2 = x * x;
        if u < 1.0 - 0.0331 * x2 * x2 || u.ln() < 0.5 * x2 + dd * (1.0 - v + v.ln()) {
            return dd * v;
        }
    }
}

/// Beta(a, b): Jöhnk's algorithm when both are `<= 1` (where the gamma ratio
/// underflows), else `X / (X + Y)` of two gammas. Non-positive parameters give NaN.
pub fn beta(a: f64, b: f64, d: &mut Draws) -> f64 {
    if a.is_nan() || b.is_nan() || a <= 0.0 || b <= 0.0 {
        return f64::NAN;
    }
    if a <= 1.0 && b <= 1.0 {
        loop {
            let u = d.unit_open0();
            let v = d.unit_open0();
            let x = u.powf(1.0 / a);
            let y = v.powf(1.0 / b);
            let s = x + y;
            if s <= 1.0 {
                if s > 0.0 {
                    return x / s;
                }
                // Both underflowed: redo the ratio in log space.
                let lx = u.ln() / a;
                let ly = v.ln() / b;
                let lm = lx.max(ly);
                let (lx, ly) = (lx - lm, ly - lm);
                return (lx - (lx.exp() + ly.exp()).ln()).exp();
            }
        }
    }
    let x = std_gamma(a, d);
    let y = std_gamma(b, d);
    x / (x + y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_factorial_matches_direct_sum() {
        let mut s = 0.0f64;
        for k in 1..200 {
            s += (k as f64).ln();
            let got = ln_factorial(k as f64);
            assert!((got - s).abs() <= 1e-12 * s.max(1.0), "k={k}: {got} vs {s}");
        }
    }

    #[test]
    fn stirling_correction_matches_definition() {
        for k in 0..40 {
            let k = k as f64;
            let direct = ln_factorial(k)
                - ((k + 0.5) * (k + 1.0).ln() - (k + 1.0) + 0.918_938_533_204_672_8);
            assert!(
                (stirling_fc(k) - direct).abs() < 1e-12,
                "k={k}: {} vs {direct}",
                stirling_fc(k)
            );
        }
    }
}
