//! The 256-layer ziggurat for standard normals (Marsaglia & Tsang 2000, with
//! the 52-bit layout of Doornik / NumPy): one `u64` per normal on the ~99% fast
//! path, and an exact wedge/tail correction that takes further draws from the
//! element's own stream, so it stays a pure function of the element index.

use std::sync::LazyLock;

/// Right edge of the base strip and the common area of every layer, for 256
/// layers under `exp(-x^2/2)` (Marsaglia & Tsang's constants).
const R: f64 = 3.654_152_885_361_009;
const V: f64 = 4.928_673_233_99e-3;
const TWO52: f64 = (1u64 << 52) as f64;

/// Layer `i` is the rectangle `[0, x_i] x [f(x_i), f(x_{i+1})]` with
/// `x_0 = V / f(R)` (the base strip plus tail, as a virtual rectangle),
/// `x_1 = R`, decreasing to `x_256 = 0`, and `f(x) = exp(-x^2/2)`.
pub struct Tables {
    /// `floor(x_{i+1} / x_i * 2^52)`: a 52-bit `rabs` below this lands inside the
    /// next (narrower) layer, i.e. certainly under the curve.
    pub k: [u64; 256],
    /// `x_i / 2^52`: scales a 52-bit integer onto `[0, x_i)`.
    pub w: [f64; 256],
    /// `f(x_i)` for `i` in `0..=256`.
    pub f: [f64; 257],
}

fn pdf(x: f64) -> f64 {
    (-0.5 * x * x).exp()
}

fn build() -> Tables {
    let mut x = [0.0f64; 257];
    x[0] = V / pdf(R);
    x[1] = R;
    for i in 1..256 {
        let y = pdf(x[i]) + V / x[i];
        // The last layer's top is y = 1 up to rounding; clamp so x_256 = 0.
        x[i + 1] = if y >= 1.0 { 0.0 } else { (-2.0 * y.ln()).sqrt() };
    }
    x[256] = 0.0;
    let mut t = Tables { k: [0; 256], w: [0.0; 256], f: [0.0; 257] };
    for (i, w) in x.windows(2).enumerate() {
        t.k[i] = (w[1] / w[0] * TWO52) as u64;
        t.w[i] = w[0] / TWO52;
    }
    for (f, &x) in t.f.iter_mut().zip(&x) {
        *f = pdf(x);
    }
    t.f[256] = 1.0;
    t
}

pub static TABLES: LazyLock<Tables> = LazyLock::new(build);

/// Fast path: `(z, true)` for ~99% of inputs; `(_, false)` means "finish with
/// [`slow`]". Bit use: 8 low bits pick the layer, bit 8 the sign, the top 52
/// bits the abscissa. Branch-free (the sign is OR-ed into the sign bit, equal
/// to negation here since `x >= 0`) so fill loops vectorize it with gathers.
#[inline(always)]
pub fn fast(t: &Tables, bits: u64) -> (f64, bool) {
    let i = (bits & 0xff) as usize;
    let rabs = bits >> 12;
    let x = (rabs as i64) as f64 * t.w[i];
    (f64::from_bits(x.to_bits() | (bits & 0x100) << 55), rabs < t.k[i])
}

/// The exact remainder of the ziggurat after `fast` rejected `bits`: wedge test,
/// tail sampling, or a full retry with fresh bits from `next`. `bits` is the
/// draw `fast` rejected.
#[cold]
#[inline(never)]
pub fn slow(t: &Tables, mut bits: u64, next: &mut dyn FnMut() -> u64) -> f64 {
    // Every candidate is >= 0, so the sign is OR-ed into the sign bit as in
    // `fast` (the same bits as negation, without a branch that mispredicts
    // half the time).
    let signed = |x: f64, bits: u64| f64::from_bits(x.to_bits() | (bits & 0x100) << 55);
    loop {
        let i = (bits & 0xff) as usize;
        let rabs = bits >> 12;
        if rabs < t.k[i] {
            return signed((rabs as i64) as f64 * t.w[i], bits);
        }
        if i == 0 {
            // Tail beyond R (Marsaglia 1964): exact, ~1.1 tries on average.
            loop {
                let xx = -unit_open0(next()).ln() / R;
                let yy = -unit_open0(next()).ln();
                if yy + yy > xx * xx {
                    return signed(R + xx, bits);
                }
            }
        }
        let x = (rabs as i64) as f64 * t.w[i];
        let y = t.f[i] + crate::random::philox::u64_to_unit(next()) * (t.f[i + 1] - t.f[i]);
        if y < pdf(x) {
            return signed(x, bits);
        }
        bits = next();
    }
}

/// A double in (0, 1] from 53 bits, safe to take the logarithm of.
#[inline]
fn unit_open0(x: u64) -> f64 {
    1.0 - crate::random::philox::u64_to_unit(x)
}

/// A standard normal from a stream of `u64`s (the first is used as the fast-path
/// bits), for distributions built on normals.
#[inline]
pub fn normal(next: &mut dyn FnMut() -> u64) -> f64 {
    let t = &*TABLES;
    let bits = next();
    match fast(t, bits) {
        (z, true) => z,
        _ => slow(t, bits, next),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_consistent() {
        let t = &*TABLES;
        // Layers shrink monotonically and the top layer has no certain core.
        for i in 1..256 {
            assert!(t.w[i] < t.w[i - 1], "layer {i}");
            assert!(t.f[i] > t.f[i - 1] || i == 0);
        }
        assert_eq!(t.k[255], 0);
        // The recurrence should close: the last layer reaches y ~ 1.
        let x255 = t.w[255] * TWO52;
        let top = pdf(x255) + V / x255;
        assert!((top - 1.0).abs() < 1e-6, "top {top}");
        // Fast-path acceptance rate ~ 99%.
        let acc: f64 = (0..256).map(|i| t.k[i] as f64 / TWO52).sum::<f64>() / 256.0;
        assert!(acc > 0.985, "acceptance {acc}");
    }
}
