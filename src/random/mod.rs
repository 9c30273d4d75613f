//! Counter-based random arrays: the value of element `i` (flat C-order index in
//! the *logical* full array) is a pure function of `(StreamKey, i)`, so a random
//! array is identical under every chunking, thread count and process count, and
//! generating a slice of it directly gives exactly the elements of the full
//! array. The bits come from Philox4x32-10 (`philox.rs`, which documents how
//! seed, stream, index and draw number map onto its counter and key); the
//! distributions (`distributions.rs`, `ziggurat.rs`) read only their own
//! element's draws, so even rejection samplers stay random-access.
//!
//! Entry points: [`fill_f64`] / [`fill_i64`] write a strided run of elements
//! (the executor's chunk kernels; stride 1 takes a batched, vectorized Philox
//! path), [`sample_f64`] / [`sample_i64`] give one element; `sample.rs` draws
//! the index vectors of `choice` and `permutation` from the same streams.

mod distributions;
mod philox;
pub mod sample;
pub mod simd;
mod ziggurat;

#[cfg(test)]
mod tests;

use std::hash::{Hash, Hasher};

use crate::array::DType;
use distributions::{Ctx, Draws};
use philox::{BATCH, fold_stream, key_of, primary, u64_to_unit};

pub use philox::{GATHER, philox4x32_10};

/// Which random stream: the session seed and a per-call counter (each call of
/// `random.normal` etc. gets a fresh stream).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StreamKey {
    pub seed: u64,
    pub stream: u64,
}

impl StreamKey {
    fn ctx(self) -> Ctx {
        Ctx { key: key_of(self.seed), stream: fold_stream(self.stream) }
    }
}

/// A distribution with its parameters. Parameters are validated by the caller
/// (where the user wrote them, so the error points at their code); invalid ones
/// here give the documented fallback of each sampler, never a panic.
///
/// Equality and hashing are bitwise on the `f64` parameters (IR nodes are
/// hash-consed; `0.0` and `-0.0` are different nodes, a NaN equals itself).
#[derive(Clone, Copy, Debug)]
pub enum Distribution {
    /// random.random / random_sample: uniform [0, 1)
    Random,
    /// [low, high); `low == high` gives `low`.
    Uniform {
        low: f64,
        high: f64,
    },
    StandardNormal,
    /// `scale = 0` gives `loc`.
    Normal {
        loc: f64,
        scale: f64,
    },
    /// Integers in [low, high), exactly uniform (no modulo bias), any span up to
    /// 2^64 - 1. `low >= high` must be rejected by the caller; here it gives `low`.
    RandInt {
        low: i64,
        high: i64,
    },
    /// Mean `scale`; `scale = 0` gives 0.
    Exponential {
        scale: f64,
    },
    /// Integer; `lam <= 0` gives 0.
    Poisson {
        lam: f64,
    },
    /// Integer successes in `n` trials; `n <= 0` or `p <= 0` gives 0, `p >= 1` gives `n`.
    Binomial {
        n: i64,
        p: f64,
    },
    /// Integer trials up to the first success (>= 1); `p >= 1` gives 1, `p <= 0` gives i64::MAX.
    Geometric {
        p: f64,
    },
    /// `shape <= 0` gives 0.
    Gamma {
        shape: f64,
        scale: f64,
    },
    /// `a` or `b <= 0` gives NaN.
    Beta {
        a: f64,
        b: f64,
    },
    /// `exp(N(mean, sigma))`.
    LogNormal {
        mean: f64,
        sigma: f64,
    },
    /// `2 * Gamma(df / 2)`; `df <= 0` gives 0.
    ChiSquare {
        df: f64,
    },
    /// NumPy's Pareto II / Lomax: `exp(E / a) - 1`, `E` standard exponential.
    Pareto {
        a: f64,
    },
}

impl Distribution {
    /// Float64, or Int64 for the integer distributions.
    pub fn dtype(&self) -> DType {
        if self.is_integer() { DType::Int64 } else { DType::Float64 }
    }

    fn is_integer(&self) -> bool {
        matches!(
            self,
            Distribution::RandInt { .. }
                | Distribution::Poisson { .. }
                | Distribution::Binomial { .. }
                | Distribution::Geometric { .. }
        )
    }

    /// The NumPy function name ("normal", "uniform", ...).
    pub fn name(&self) -> &'static str {
        match self {
            Distribution::Random => "random",
            Distribution::Uniform { .. } => "uniform",
            Distribution::StandardNormal => "standard_normal",
            Distribution::Normal { .. } => "normal",
            Distribution::RandInt { .. } => "randint",
            Distribution::Exponential { .. } => "exponential",
            Distribution::Poisson { .. } => "poisson",
            Distribution::Binomial { .. } => "binomial",
            Distribution::Geometric { .. } => "geometric",
            Distribution::Gamma { .. } => "gamma",
            Distribution::Beta { .. } => "beta",
            Distribution::LogNormal { .. } => "lognormal",
            Distribution::ChiSquare { .. } => "chisquare",
            Distribution::Pareto { .. } => "pareto",
        }
    }

    /// A variant tag and the parameters' bits: the identity used by `Eq`/`Hash`.
    fn identity(&self) -> (u8, [u64; 2]) {
        use Distribution as D;
        let b = f64::to_bits;
        match *self {
            D::Random => (0, [0, 0]),
            D::Uniform { low, high } => (1, [b(low), b(high)]),
            D::StandardNormal => (2, [0, 0]),
            D::Normal { loc, scale } => (3, [b(loc), b(scale)]),
            D::RandInt { low, high } => (4, [low as u64, high as u64]),
            D::Exponential { scale } => (5, [b(scale), 0]),
            D::Poisson { lam } => (6, [b(lam), 0]),
            D::Binomial { n, p } => (7, [n as u64, b(p)]),
            D::Geometric { p } => (8, [b(p), 0]),
            D::Gamma { shape, scale } => (9, [b(shape), b(scale)]),
            D::Beta { a, b: bb } => (10, [b(a), b(bb)]),
            D::LogNormal { mean, sigma } => (11, [b(mean), b(sigma)]),
            D::ChiSquare { df } => (12, [b(df), 0]),
            D::Pareto { a } => (13, [b(a), 0]),
        }
    }
}

impl PartialEq for Distribution {
    fn eq(&self, other: &Self) -> bool {
        self.identity() == other.identity()
    }
}

impl Eq for Distribution {}

impl Hash for Distribution {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.identity().hash(state)
    }
}

/// One element of a non-hot-path distribution as f64 (integer distributions
/// converted exactly up to 2^53) from its draw 0 `p` and further draws `rest`.
fn elem_f64(dist: &Distribution, p: u64, rest: Draws) -> f64 {
    use Distribution as D;
    if matches!(
        dist,
        D::RandInt { .. } | D::Poisson { .. } | D::Binomial { .. } | D::Geometric { .. }
    ) {
        return elem_i64(dist, p, rest) as f64;
    }
    let mut d = rest.with_draw0(p);
    match *dist {
        D::Random => d.unit(),
        D::Uniform { low, high } => low + (high - low) * d.unit(),
        D::StandardNormal => d.normal(),
        D::Normal { loc, scale } => loc + scale * d.normal(),
        D::Exponential { scale } => scale * d.exponential(),
        D::Gamma { shape, scale } => scale * distributions::std_gamma(shape, &mut d),
        D::Beta { a, b } => distributions::beta(a, b, &mut d),
        D::LogNormal { mean, sigma } => (mean + sigma * d.normal()).exp(),
        D::ChiSquare { df } => 2.0 * distributions::std_gamma(0.5 * df, &mut d),
        D::Pareto { a } => (d.exponential() / a).exp_m1(),
        D::RandInt { .. } | D::Poisson { .. } | D::Binomial { .. } | D::Geometric { .. } => {
            unreachable!("integer distributions returned above")
        }
    }
}

/// One element of a non-hot-path distribution as i64 (float distributions
/// converted with `as`: truncation toward zero, saturating, NaN to 0).
fn elem_i64(dist: &Distribution, p: u64, rest: Draws) -> i64 {
    use Distribution as D;
    match *dist {
        D::RandInt { low, high } => distributions::randint(low, high, p, rest),
        D::Poisson { lam } => distributions::poisson(lam, &mut rest.with_draw0(p)),
        D::Binomial { n, p: prob } => distributions::binomial(n, prob, &mut rest.with_draw0(p)),
        D::Geometric { p: prob } => distributions::geometric(prob, &mut rest.with_draw0(p)),
        _ => elem_f64(dist, p, rest) as i64,
    }
}

/// Instantiates `$body` with a sampler pair specialised for the distribution,
/// so each hot distribution gets its own fully inlined loop:
/// `$fast: Fn(draw0) -> (value, final)` decides ~all elements from draw 0
/// without branches; `$slow: Fn(draw0, further draws) -> value` is the
/// exact answer for the rest (rejections, and every multi-draw distribution).
macro_rules! with_f64_sampler {
    ($dist:expr, $fast:ident, $slow:ident => $body:expr) => {{
        use Distribution as D;
        match *$dist {
            D::Random => {
                let $fast = |p: u64| (u64_to_unit(p), true);
                let $slow = |p: u64, _rest: Draws| u64_to_unit(p);
                $body
            }
            D::Uniform { low, high } => {
                let w = high - low;
                let $fast = |p: u64| (low + w * u64_to_unit(p), true);
                let $slow = |p: u64, _rest: Draws| low + w * u64_to_unit(p);
                $body
            }
            D::StandardNormal => {
                let t = &*ziggurat::TABLES;
                let $fast = |p: u64| ziggurat::fast(t, p);
                let $slow = |p: u64, rest: Draws| distributions::std_normal_slow(t, p, rest);
                $body
            }
            D::Normal { loc, scale } => {
                let t = &*ziggurat::TABLES;
                let $fast = |p: u64| {
                    let (z, ok) = ziggurat::fast(t, p);
                    (loc + scale * z, ok)
                };
                let $slow =
                    |p: u64, rest: Draws| loc + scale * distributions::std_normal_slow(t, p, rest);
                $body
            }
            D::Exponential { scale } => {
                let $fast = |p: u64| (scale * distributions::std_exponential(p), true);
                let $slow = |p: u64, _rest: Draws| scale * distributions::std_exponential(p);
                $body
            }
            D::RandInt { low, high } => {
                let $fast = |p: u64| {
                    let (v, ok) = distributions::randint_fast(low, high, p);
                    (v as f64, ok)
                };
                let $slow = |p: u64, rest: Draws| distributions::randint(low, high, p, rest) as f64;
                $body
            }
            _ => {
                let dist = *$dist;
                let $fast = |_p: u64| (0.0, false);
                let $slow = |p: u64, rest: Draws| elem_f64(&dist, p, rest);
                $body
            }
        }
    }};
}

/// As [`with_f64_sampler`], producing i64.
macro_rules! with_i64_sampler {
    ($dist:expr, $fast:ident, $slow:ident => $body:expr) => {{
        use Distribution as D;
        match *$dist {
            D::RandInt { low, high } => {
                let $fast = |p: u64| distributions::randint_fast(low, high, p);
                let $slow = |p: u64, rest: Draws| distributions::randint(low, high, p, rest);
                $body
            }
            _ => {
                let dist = *$dist;
                let $fast = |_p: u64| (0, false);
                let $slow = |p: u64, rest: Draws| elem_i64(&dist, p, rest);
                $body
            }
        }
    }};
}

/// Runs [`drive`] in the copy compiled for the best instruction set the CPU has.
#[inline(always)]
fn run<T: Copy>(
    ctx: Ctx,
    at: Positions,
    out: &mut [T],
    fast: impl Fn(u64) -> (T, bool),
    slow: impl Fn(u64, Draws) -> T,
) {
    #[cfg(target_arch = "x86_64")]
    match simd::level() {
        // SAFETY: the CPU supports AVX-512 F/DQ/VL/BW (checked at run time).
        simd::Level::Avx512 => unsafe { drive_avx512(ctx, at, out, fast, slow) },
        // SAFETY: the CPU supports AVX2 (checked at run time).
        simd::Level::Avx2 => unsafe { drive_avx2(ctx, at, out, fast, slow) },
        simd::Level::Portable => drive(ctx, at, out, fast, slow),
    }
    #[cfg(not(target_arch = "x86_64"))]
    drive(ctx, at, out, fast, slow)
}

/// [`drive`] compiled with AVX2 (gathers for the ziggurat tables). Only
/// instruction selection differs: results are bit-identical to the baseline
/// copy (Rust never contracts `a * b + c` into an FMA).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn drive_avx2<T: Copy>(
    ctx: Ctx,
    at: Positions,
    out: &mut [T],
    fast: impl Fn(u64) -> (T, bool),
    slow: impl Fn(u64, Draws) -> T,
) {
    drive(ctx, at, out, fast, slow)
}

/// [`drive`] compiled with AVX-512 (8-wide gathers, and `vcvtqq2pd` for the
/// integer-to-double conversions); bit-identical as above.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl,avx512bw")]
fn drive_avx512<T: Copy>(
    ctx: Ctx,
    at: Positions,
    out: &mut [T],
    fast: impl Fn(u64) -> (T, bool),
    slow: impl Fn(u64, Draws) -> T,
) {
    drive(ctx, at, out, fast, slow)
}

/// Writes `fast` of every draw into `dst` (a branch-free loop over a whole
/// batch, which the compiler vectorizes) and returns the mask of the
/// elements it refused.
#[inline(always)]
fn fast_batch<T: Copy, const N: usize>(
    draws: &[u64; N],
    dst: &mut [T; N],
    fast: &impl Fn(u64) -> (T, bool),
) -> u32 {
    let mut refused = 0u32;
    for k in 0..N {
        let (v, ok) = fast(draws[k]);
        dst[k] = v;
        refused |= u32::from(!ok) << k;
    }
    refused
}

/// [`fast_batch`] for the partial batches at the ends of a run.
fn fast_part<T: Copy>(draws: &[u64], dst: &mut [T], fast: &impl Fn(u64) -> (T, bool)) -> u32 {
    let mut refused = 0u32;
    for (k, (o, &p)) in dst.iter_mut().zip(draws).enumerate() {
        let (v, ok) = fast(p);
        *o = v;
        refused |= u32::from(!ok) << k;
    }
    refused
}

/// Elements whose draw 0 `fast` refused, waiting for `slow`. They are
/// finished [`GATHER`] at a time so that the first extra block each of them
/// needs is computed in vector lanes together (`philox::first_extra_blocks`)
/// rather than by a serial scalar Philox per element — for normals, that
/// scalar block was most of the ziggurat's 1.2 % slow path.
struct Refused {
    pos: [usize; GATHER],
    index: [u64; GATHER],
    draw: [u64; GATHER],
    len: usize,
}

impl Refused {
    fn new() -> Self {
        Refused { pos: [0; GATHER], index: [0; GATHER], draw: [0; GATHER], len: 0 }
    }

    /// Queues `out[pos]` (element `index`, draw 0 `draw`), finishing the
    /// queue when it is full.
    #[inline(always)]
    fn push<T>(
        &mut self,
        (pos, index, draw): (usize, u64, u64),
        ctx: Ctx,
        out: &mut [T],
        slow: &impl Fn(u64, Draws) -> T,
    ) {
        self.pos[self.len] = pos;
        self.index[self.len] = index;
        self.draw[self.len] = draw;
        self.len += 1;
        if self.len == GATHER {
            self.finish(ctx, out, slow);
        }
    }

    /// Writes every queued element with `slow` and empties the queue.
    fn finish<T>(&mut self, ctx: Ctx, out: &mut [T], slow: &impl Fn(u64, Draws) -> T) {
        if self.len == 0 {
            return;
        }
        // Lanes past `len` hold stale indices: computed, never read.
        let mut blocks = [[0u64; 2]; GATHER];
        philox::first_extra_blocks(ctx.key, ctx.stream, &self.index, &mut blocks);
        for k in 0..self.len {
            let rest = Draws::after_first_with(ctx, self.index[k], blocks[k]);
            out[self.pos[k]] = slow(self.draw[k], rest);
        }
        self.len = 0;
    }
}

/// Writes `out[k]` = the element at position `k` of `at`. With stride 1,
/// draws come [`BATCH`] neighbouring elements at a time from shared primary
/// blocks (see `philox.rs`); other strides and lists take one block per
/// element, [`GATHER`] at a time. `fast` decides each batch; the elements it refuses are
/// queued in [`Refused`] and finished by `slow`. Partial batches at the
/// ends of a run give identical results.
#[inline(always)]
fn drive<T: Copy>(
    ctx: Ctx,
    at: Positions,
    out: &mut [T],
    fast: impl Fn(u64) -> (T, bool),
    slow: impl Fn(u64, Draws) -> T,
) {
    let mut refused = Refused::new();
    let mut pos = 0;
    if let Positions::Strided { first, stride: 1 } = at {
        // A batch starts at an even element `e`; an odd `first` skips the
        // first draw of the first batch.
        let mut p = [0u64; BATCH];
        let mut e = first & !1;
        let mut skip = (first & 1) as usize;
        while pos < out.len() {
            philox::primary_batch(ctx.key, ctx.stream, e >> 1, &mut p);
            let i0 = e.wrapping_add(skip as u64);
            let n = (out.len() - pos).min(BATCH - skip);
            let mask = match out[pos..].first_chunk_mut::<BATCH>() {
                Some(dst) if skip == 0 => fast_batch(&p, dst, &fast),
                _ => fast_part(&p[skip..skip + n], &mut out[pos..pos + n], &fast),
            };
            for k in set_bits(mask) {
                let element = (pos + k, i0.wrapping_add(k as u64), p[skip + k]);
                refused.push(element, ctx, out, &slow);
            }
            pos += n;
            e = e.wrapping_add(BATCH as u64);
            skip = 0;
        }
    } else {
        // Any other stride (including 0), or a list: one block per
        // element. Lanes past the end hold stale indices: computed, never
        // written out.
        let mut idx = [0u64; GATHER];
        let mut p = [0u64; GATHER];
        while pos < out.len() {
            match at {
                Positions::Strided { first, stride } => {
                    let i0 = first.wrapping_add((pos as u64).wrapping_mul(stride));
                    for (l, x) in idx.iter_mut().enumerate() {
                        *x = i0.wrapping_add((l as u64).wrapping_mul(stride));
                    }
                }
                Positions::List(list) => {
                    let part = &list[pos..list.len().min(pos + GATHER)];
                    idx[..part.len()].copy_from_slice(part);
                }
            }
            philox::primary_gather(ctx.key, ctx.stream, &idx, &mut p);
            let n = (out.len() - pos).min(GATHER);
            let mask = match out[pos..].first_chunk_mut::<GATHER>() {
                Some(dst) => fast_batch(&p, dst, &fast),
                None => fast_part(&p[..n], &mut out[pos..pos + n], &fast),
            };
            for k in set_bits(mask) {
                refused.push((pos + k, idx[k], p[k]), ctx, out, &slow);
            }
            pos += n;
        }
    }
    refused.finish(ctx, out, &slow);
}

/// The positions of the set bits of `mask`, lowest first.
#[inline(always)]
fn set_bits(mut mask: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let k = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            k
        })
    })
}

/// The flat indices of the elements a fill writes, in order.
#[derive(Clone, Copy)]
pub enum Positions<'a> {
    /// `first + k * stride` (wrapping in u64).
    Strided { first: u64, stride: u64 },
    /// Any indices, one per output element (`list.len() == out.len()`):
    /// many short strided runs (`x[:, ::100]` of a 1000-column chunk is
    /// runs of 10) packed into full [`GATHER`] batches.
    List(&'a [u64]),
}

/// `out[k]` = the sample at flat index `first + k * stride` (wrapping in u64).
/// Integer distributions are written as their (exact below 2^53) f64 value.
pub fn fill_f64(dist: &Distribution, key: StreamKey, first: u64, stride: u64, out: &mut [f64]) {
    fill_f64_at(dist, key, Positions::Strided { first, stride }, out)
}

/// `out[k]` = the sample at flat index `first + k * stride`. Float
/// distributions are converted with `as` (truncation, saturating, NaN to 0).
/// `RandInt` with `low >= high` writes `low` (the caller must reject it).
pub fn fill_i64(dist: &Distribution, key: StreamKey, first: u64, stride: u64, out: &mut [i64]) {
    fill_i64_at(dist, key, Positions::Strided { first, stride }, out)
}

/// [`fill_f64`] at any positions: the same value for an index whichever
/// way it is asked for.
pub fn fill_f64_at(dist: &Distribution, key: StreamKey, at: Positions, out: &mut [f64]) {
    let ctx = key.ctx();
    with_f64_sampler!(dist, fast, slow => run(ctx, at, out, fast, slow))
}

/// [`fill_i64`] at any positions.
pub fn fill_i64_at(dist: &Distribution, key: StreamKey, at: Positions, out: &mut [i64]) {
    let ctx = key.ctx();
    with_i64_sampler!(dist, fast, slow => run(ctx, at, out, fast, slow))
}

/// The sample at flat index `index`; equal to the matching element of any fill.
pub fn sample_f64(dist: &Distribution, key: StreamKey, index: u64) -> f64 {
    let ctx = key.ctx();
    with_f64_sampler!(dist, fast, slow => {
        let p = primary(ctx.key, ctx.stream, index);
        match fast(p) {
            (v, true) => v,
            _ => slow(p, Draws::after_first(ctx, index)),
        }
    })
}

/// The sample at flat index `index` as i64 (conversions as in [`fill_i64`]).
pub fn sample_i64(dist: &Distribution, key: StreamKey, index: u64) -> i64 {
    let ctx = key.ctx();
    with_i64_sampler!(dist, fast, slow => {
        let p = primary(ctx.key, ctx.stream, index);
        match fast(p) {
            (v, true) => v,
            _ => slow(p, Draws::after_first(ctx, index)),
        }
    })
}
