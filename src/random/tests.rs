//! Tests of the public random API: chunk/stride independence (fill equals
//! sample elementwise), statistical sanity of every distribution with fixed
//! seeds, stream separation and degenerate parameters.

use super::*;

const KEY: StreamKey = StreamKey { seed: 12345, stream: 7 };

fn all_dists() -> Vec<Distribution> {
    use Distribution as D;
    vec![
        D::Random,
        D::Uniform { low: -2.0, high: 5.0 },
        D::StandardNormal,
        D::Normal { loc: 3.0, scale: 0.5 },
        D::RandInt { low: -5, high: 17 },
        D::RandInt { low: i64::MIN, high: i64::MAX },
        D::RandInt { low: 0, high: 3 << 61 },
        D::Exponential { scale: 2.0 },
        D::Poisson { lam: 3.5 },
        D::Poisson { lam: 250.0 },
        D::Binomial { n: 20, p: 0.3 },
        D::Binomial { n: 1000, p: 0.7 },
        D::Geometric { p: 0.2 },
        D::Gamma { shape: 0.4, scale: 2.0 },
        D::Gamma { shape: 5.0, scale: 1.0 },
        D::Beta { a: 0.5, b: 0.7 },
        D::Beta { a: 2.0, b: 5.0 },
        D::LogNormal { mean: 0.0, sigma: 0.5 },
        D::ChiSquare { df: 3.0 },
        D::Pareto { a: 3.0 },
    ]
}

fn fill(d: &Distribution, key: StreamKey, first: u64, n: usize) -> Vec<f64> {
    let mut v = vec![0.0; n];
    fill_f64(d, key, first, 1, &mut v);
    v
}

fn fill_int(d: &Distribution, key: StreamKey, first: u64, n: usize) -> Vec<i64> {
    let mut v = vec![0; n];
    fill_i64(d, key, first, 1, &mut v);
    v
}

fn mean_var(v: &[f64]) -> (f64, f64) {
    let n = v.len() as f64;
    let m = v.iter().sum::<f64>() / n;
    let var = v.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1.0);
    (m, var)
}

/// Asserts the sample mean is within `z` standard errors of `mean` and the
/// sample variance within `rel` of `var`.
fn check_moments(name: &str, v: &[f64], mean: f64, var: f64, rel: f64) {
    let (m, s2) = mean_var(v);
    let se = (var / v.len() as f64).sqrt();
    assert!((m - mean).abs() < 5.0 * se, "{name}: mean {m} vs {mean} (se {se})");
    assert!((s2 - var).abs() < rel * var, "{name}: var {s2} vs {var}");
}

#[test]
fn fill_equals_sample_for_every_stride_and_start() {
    for d in all_dists() {
        for &first in &[0u64, 1, 6, 999, (1 << 40) + 3, u64::MAX - 40] {
            for &stride in &[1u64, 7, 2, 0] {
                let n = 45;
                let mut f = vec![0.0; n];
                fill_f64(&d, KEY, first, stride, &mut f);
                let mut g = vec![0i64; n];
                fill_i64(&d, KEY, first, stride, &mut g);
                for k in 0..n {
                    let i = first.wrapping_add(k as u64 * stride);
                    let s = sample_f64(&d, KEY, i);
                    assert_eq!(
                        f[k].to_bits(),
                        s.to_bits(),
                        "{d:?} first {first} stride {stride} k {k}"
                    );
                    assert_eq!(g[k], sample_i64(&d, KEY, i), "{d:?} i64 at {i}");
                    if d.dtype() == DType::Int64 {
                        assert_eq!(f[k], g[k] as f64, "{d:?} f64 vs i64 at {i}");
                    }
                }
            }
        }
    }
}

/// Lists of indices (short runs packed together, descending, repeated,
/// at the ends of the index range) give each index's own sample, at every
/// instruction-set level.
#[test]
fn fills_at_listed_positions_equal_samples() {
    use simd::{Level, force_level};
    let mut list: Vec<u64> =
        (0..9u64).flat_map(|r| (0..10).map(move |c| r * 20000 + 5 + 100 * c)).collect();
    list.extend([7, 7, 6, 5, 1 << 40, u64::MAX, u64::MAX - 1, 0, 3]);
    list.extend((0..50).rev());
    for level in [Level::Portable, Level::Avx2, Level::Avx512] {
        force_level(Some(level));
        for d in all_dists() {
            for n in [list.len(), 17, 16, 1] {
                let at = Positions::List(&list[..n]);
                let mut f = vec![0.0; n];
                fill_f64_at(&d, KEY, at, &mut f);
                let mut g = vec![0i64; n];
                fill_i64_at(&d, KEY, at, &mut g);
                for (k, &i) in list[..n].iter().enumerate() {
                    let s = sample_f64(&d, KEY, i);
                    assert_eq!(f[k].to_bits(), s.to_bits(), "{d:?} at {i} ({level:?})");
                    assert_eq!(g[k], sample_i64(&d, KEY, i), "{d:?} i64 at {i} ({level:?})");
                }
            }
        }
        force_level(None);
    }
}

/// Every instruction-set level (portable, AVX2, AVX-512, as far as the CPU
/// has them) gives the same bits, for contiguous and strided fills with odd
/// and even starts and lengths that end inside a batch.
#[test]
fn every_simd_level_gives_the_same_values() {
    use simd::{Level, force_level};
    let cases = |out: &mut Vec<Vec<u64>>| {
        for d in all_dists() {
            for (first, stride, n) in
                [(5u64, 1u64, 77usize), (4, 1, 96), (u64::MAX - 40, 1, 45), (5, 7, 77), (3, 2, 40)]
            {
                let mut v = vec![0.0; n];
                fill_f64(&d, KEY, first, stride, &mut v);
                out.push(v.iter().map(|x| x.to_bits()).collect());
                let mut w = vec![0i64; n];
                fill_i64(&d, KEY, first, stride, &mut w);
                out.push(w.iter().map(|&x| x as u64).collect());
            }
        }
    };
    let mut best = Vec::new();
    cases(&mut best);
    for level in [Level::Portable, Level::Avx2, Level::Avx512] {
        force_level(Some(level));
        let mut got = Vec::new();
        cases(&mut got);
        force_level(None);
        for (k, (g, b)) in got.iter().zip(&best).enumerate() {
            assert_eq!(g, b, "case {k} at {level:?}");
        }
    }
}

#[test]
fn chunking_does_not_change_values() {
    for d in all_dists() {
        let n = 1000;
        let whole = fill(&d, KEY, 0, n);
        // Ragged chunks with odd boundaries.
        let mut at = 0;
        for len in [1usize, 2, 3, 15, 16, 17, 31, 33, 100, 250].iter().cycle() {
            if at >= n {
                break;
            }
            let len = (*len).min(n - at);
            let mut part = vec![0.0; len];
            fill_f64(&d, KEY, at as u64, 1, &mut part);
            for (k, x) in part.iter().enumerate() {
                assert_eq!(x.to_bits(), whole[at + k].to_bits(), "{d:?} at {}", at + k);
            }
            at += len;
        }
        // Every 100th column of a 10 x 1000 array equals the full array's.
        let full = fill(&d, KEY, 0, 10 * 1000);
        for row in 0..10u64 {
            let mut cols = vec![0.0; 10];
            fill_f64(&d, KEY, row * 1000 + 5, 100, &mut cols);
            for (c, x) in cols.iter().enumerate() {
                assert_eq!(x.to_bits(), full[(row * 1000 + 5) as usize + 100 * c].to_bits());
            }
        }
    }
}

#[test]
fn streams_and_seeds_differ() {
    let d = Distribution::StandardNormal;
    let a = fill(&d, KEY, 0, 64);
    let b = fill(&d, StreamKey { stream: 8, ..KEY }, 0, 64);
    let c = fill(&d, StreamKey { seed: 12346, ..KEY }, 0, 64);
    let same = |x: &[f64], y: &[f64]| x.iter().zip(y).filter(|(p, q)| p == q).count();
    assert_eq!(same(&a, &b), 0);
    assert_eq!(same(&a, &c), 0);
    // Neighbouring elements (sharing a primary block) are not copies either.
    assert!(a.windows(2).all(|w| w[0] != w[1]));
    // Reproducible.
    assert_eq!(a, fill(&d, KEY, 0, 64));
}

#[test]
fn normals_have_the_right_moments_and_cdf() {
    let n = 1 << 20;
    let v = fill(&Distribution::StandardNormal, KEY, 0, n);
    let (m, s2) = mean_var(&v);
    assert!(m.abs() < 5.0 / (n as f64).sqrt(), "mean {m}");
    assert!((s2 - 1.0).abs() < 0.006, "var {s2}");
    let skew = v.iter().map(|x| x.powi(3)).sum::<f64>() / n as f64;
    let kurt = v.iter().map(|x| x.powi(4)).sum::<f64>() / n as f64;
    assert!(skew.abs() < 0.015, "skew {skew}");
    assert!((kurt - 3.0).abs() < 0.04, "kurtosis {kurt}");
    // Empirical CDF against Phi at a few points (binomial standard errors).
    for (x, phi) in [
        (-2.0, 0.022_750_131_948_179),
        (-1.0, 0.158_655_253_931_457),
        (0.0, 0.5),
        (0.5, 0.691_462_461_274_013),
        (1.0, 0.841_344_746_068_543),
        (3.0, 0.998_650_101_968_370),
    ] {
        let frac = v.iter().filter(|&&z| z < x).count() as f64 / n as f64;
        let se = (phi * (1.0 - phi) / n as f64).sqrt();
        assert!((frac - phi).abs() < 5.0 * se, "P(z < {x}) = {frac}, want {phi}");
    }
    // The tail beyond the ziggurat base (R = 3.654...): P = 2.5807e-4 two-sided.
    let big = fill(&Distribution::StandardNormal, KEY, 0, 1 << 22);
    let tail = big.iter().filter(|z| z.abs() > ziggurat_r()).count() as f64;
    let expect = 2.580_7e-4 * big.len() as f64;
    assert!((tail - expect).abs() < 5.0 * expect.sqrt(), "tail {tail} vs {expect}");
    assert!(big.iter().all(|z| z.is_finite()));
    // Normal{loc, scale}.
    let w = fill(&Distribution::Normal { loc: -4.0, scale: 3.0 }, KEY, 0, n);
    check_moments("normal", &w, -4.0, 9.0, 0.01);
}

fn ziggurat_r() -> f64 {
    3.654_152_885_361_009
}

#[test]
fn uniforms_are_in_range_and_flat() {
    let n = 1 << 20;
    let v = fill(&Distribution::Random, KEY, 0, n);
    assert!(v.iter().all(|&x| (0.0..1.0).contains(&x)));
    check_moments("random", &v, 0.5, 1.0 / 12.0, 0.01);
    // Chi-square over 64 equal bins (63 dof: mean 63, sd ~11.2).
    let mut bins = [0f64; 64];
    for x in &v {
        bins[(x * 64.0) as usize] += 1.0;
    }
    let e = n as f64 / 64.0;
    let chi2: f64 = bins.iter().map(|b| (b - e) * (b - e) / e).sum();
    assert!(chi2 < 63.0 + 5.0 * 11.3, "chi2 {chi2}");
    let u = fill(&Distribution::Uniform { low: -2.0, high: 5.0 }, KEY, 0, n);
    assert!(u.iter().all(|&x| (-2.0..5.0).contains(&x)));
    check_moments("uniform", &u, 1.5, 49.0 / 12.0, 0.01);
}

#[test]
fn randint_is_exact_and_covers_its_range() {
    let n = 1 << 20;
    let (low, high) = (-5i64, 17i64);
    let v = fill_int(&Distribution::RandInt { low, high }, KEY, 3, n);
    let k = (high - low) as usize;
    let mut bins = vec![0f64; k];
    for &x in &v {
        assert!((low..high).contains(&x), "{x}");
        bins[(x - low) as usize] += 1.0;
    }
    assert!(bins.iter().all(|&b| b > 0.0));
    let e = n as f64 / k as f64;
    let chi2: f64 = bins.iter().map(|b| (b - e) * (b - e) / e).sum();
    let dof = (k - 1) as f64;
    assert!(chi2 < dof + 5.0 * (2.0 * dof).sqrt(), "chi2 {chi2}");
    // A span where plain multiply-shift would be visibly biased and rejection
    // is frequent (25%): thirds of the span must be equally likely.
    let span = 3i64 << 61;
    let v = fill_int(&Distribution::RandInt { low: 0, high: span }, KEY, 0, n);
    let mut thirds = [0f64; 3];
    for &x in &v {
        assert!((0..span).contains(&x));
        thirds[(x / (1i64 << 61)) as usize] += 1.0;
    }
    let e = n as f64 / 3.0;
    let chi2: f64 = thirds.iter().map(|b| (b - e) * (b - e) / e).sum();
    assert!(chi2 < 2.0 + 5.0 * 2.0, "thirds {thirds:?}");
    // The full i64 range works (span 2^64 - 1).
    let w = fill_int(&Distribution::RandInt { low: i64::MIN, high: i64::MAX }, KEY, 0, 4096);
    assert!(w.iter().any(|&x| x < 0) && w.iter().any(|&x| x > 0));
    assert!(w.iter().all(|&x| x != i64::MAX));
    // Span 1 and empty spans.
    assert!(
        fill_int(&Distribution::RandInt { low: 9, high: 10 }, KEY, 0, 100).iter().all(|&x| x == 9)
    );
    assert!(
        fill_int(&Distribution::RandInt { low: 9, high: 3 }, KEY, 0, 100).iter().all(|&x| x == 9)
    );
}

#[test]
fn other_distributions_have_the_right_moments() {
    use Distribution as D;
    let n = 1 << 19;
    let f = |d: D| fill(&d, KEY, 11, n);
    check_moments("exponential", &f(D::Exponential { scale: 2.0 }), 2.0, 4.0, 0.02);
    check_moments("poisson small", &f(D::Poisson { lam: 3.5 }), 3.5, 3.5, 0.02);
    check_moments("poisson large", &f(D::Poisson { lam: 250.0 }), 250.0, 250.0, 0.02);
    check_moments("binomial small", &f(D::Binomial { n: 20, p: 0.3 }), 6.0, 4.2, 0.02);
    check_moments("binomial btrd", &f(D::Binomial { n: 1000, p: 0.7 }), 700.0, 210.0, 0.02);
    check_moments("binomial btrd2", &f(D::Binomial { n: 60, p: 0.4 }), 24.0, 14.4, 0.02);
    check_moments("geometric", &f(D::Geometric { p: 0.2 }), 5.0, 20.0, 0.04);
    check_moments("gamma<1", &f(D::Gamma { shape: 0.4, scale: 2.0 }), 0.8, 1.6, 0.03);
    check_moments("gamma", &f(D::Gamma { shape: 5.0, scale: 1.5 }), 7.5, 11.25, 0.02);
    let (a, b) = (0.5, 0.7);
    let bv = a * b / ((a + b) * (a + b) * (a + b + 1.0));
    check_moments("beta johnk", &f(D::Beta { a, b }), a / (a + b), bv, 0.02);
    let (a, b) = (2.0, 5.0);
    let bv = a * b / ((a + b) * (a + b) * (a + b + 1.0));
    check_moments("beta gamma", &f(D::Beta { a, b }), a / (a + b), bv, 0.02);
    let s2: f64 = 0.25;
    let lm = (s2 / 2.0).exp();
    let lv = (s2.exp() - 1.0) * s2.exp();
    check_moments("lognormal", &f(D::LogNormal { mean: 0.0, sigma: 0.5 }), lm, lv, 0.03);
    check_moments("chisquare", &f(D::ChiSquare { df: 3.0 }), 3.0, 6.0, 0.03);
    // Lomax(a = 5): mean 1/4, var a / ((a-1)^2 (a-2)) = 5/48.
    check_moments("pareto", &f(D::Pareto { a: 5.0 }), 0.25, 5.0 / 48.0, 0.06);
    // Integer distributions give integers in their support.
    let g = fill_int(&D::Geometric { p: 0.2 }, KEY, 0, 10_000);
    assert!(g.iter().all(|&x| x >= 1));
    let b = fill_int(&D::Binomial { n: 1000, p: 0.7 }, KEY, 0, 10_000);
    assert!(b.iter().all(|&x| (0..=1000).contains(&x)));
    let p = fill_int(&D::Poisson { lam: 250.0 }, KEY, 0, 10_000);
    assert!(p.iter().all(|&x| x >= 0));
}

#[test]
fn degenerate_parameters_do_not_panic() {
    use Distribution as D;
    let n = 100;
    assert!(fill(&D::Normal { loc: 2.5, scale: 0.0 }, KEY, 0, n).iter().all(|&x| x == 2.5));
    assert!(fill(&D::Uniform { low: 4.0, high: 4.0 }, KEY, 0, n).iter().all(|&x| x == 4.0));
    assert!(fill(&D::Exponential { scale: 0.0 }, KEY, 0, n).iter().all(|&x| x == 0.0));
    assert!(fill_int(&D::Poisson { lam: 0.0 }, KEY, 0, n).iter().all(|&x| x == 0));
    assert!(fill_int(&D::Binomial { n: 10, p: 1.0 }, KEY, 0, n).iter().all(|&x| x == 10));
    assert!(fill_int(&D::Binomial { n: 0, p: 0.5 }, KEY, 0, n).iter().all(|&x| x == 0));
    assert!(fill_int(&D::Geometric { p: 1.0 }, KEY, 0, n).iter().all(|&x| x == 1));
    assert!(fill(&D::Gamma { shape: 0.0, scale: 1.0 }, KEY, 0, n).iter().all(|&x| x == 0.0));
    for d in [
        D::Beta { a: 0.0, b: 1.0 },
        D::Poisson { lam: f64::NAN },
        D::Geometric { p: 0.0 },
        D::Gamma { shape: f64::NAN, scale: 1.0 },
        D::Pareto { a: 0.0 },
        D::ChiSquare { df: -1.0 },
        D::Binomial { n: -3, p: 2.0 },
    ] {
        let _ = fill(&d, KEY, 0, n);
        let _ = fill_int(&d, KEY, 0, n);
    }
}

#[test]
fn identity_is_bitwise() {
    use std::collections::HashSet;
    let a = Distribution::Normal { loc: 0.0, scale: 1.0 };
    let b = Distribution::Normal { loc: -0.0, scale: 1.0 };
    let nan = Distribution::Exponential { scale: f64::NAN };
    assert_ne!(a, b);
    assert_eq!(nan, nan);
    let set: HashSet<Distribution> = [a, b, a, nan, nan].into_iter().collect();
    assert_eq!(set.len(), 3);
    assert_eq!(a.dtype(), DType::Float64);
    assert_eq!(Distribution::Poisson { lam: 1.0 }.dtype(), DType::Int64);
    assert_eq!(a.name(), "normal");
}
