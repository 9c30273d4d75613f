//! The Philox4x32-10 block function (Salmon et al., "Parallel Random Numbers:
//! As Easy as 1, 2, 3", SC11; the Random123 library) and the mapping of
//! `(seed, stream, element index, draw number)` onto its counter and key.
//!
//! # Counter layout
//!
//! Philox maps a 128-bit counter `[c0, c1, c2, c3]` and a 64-bit key `[k0, k1]`
//! to 128 random bits. We use it as follows (all words `u32`):
//!
//! | word | primary block (draw 0)        | extra block `k >= 1` (draws 2k-1, 2k)  |
//! |------|-------------------------------|----------------------------------------|
//! | k0   | `seed` low 32 bits            | same                                   |
//! | k1   | `seed` high 32 bits           | same                                   |
//! | c0   | `(index >> 1)` low 32 bits    | `index` low 32 bits                    |
//! | c1   | `(index >> 1)` high 32 bits   | `index` high 32 bits                   |
//! | c2   | `fold(stream)`                | `fold(stream)`                         |
//! | c3   | `0`                           | `k`                                    |
//!
//! with `fold(stream) = (stream ^ (stream >> 32)) as u32`.
//!
//! * The seed is the whole key, so every session seed selects a different
//!   keyed bijection — the use of the key Random123 recommends.
//! * Draw 0 of every element (the only draw the common distributions need) comes
//!   from a *primary* block shared by the element pair `{2j, 2j+1}`: words
//!   `(c0 | c1 << 32)` go to the even element, `(c2 | c3 << 32)` to the odd one.
//!   Sharing halves the Philox work on the hot path while keeping every value a
//!   pure function of its own index (which half you get depends only on `i`).
//! * Further draws (rejection samplers, multi-draw distributions) come from the
//!   element's own extra blocks, `c3 = k >= 1`, two `u64` per block. Since `c3 = 0`
//!   only for primary blocks, primary and extra counters never collide, and each
//!   element has room for 2^33 draws.
//! * Streams `< 2^32` (the per-call counter of a session) are exactly distinct;
//!   larger stream numbers are folded into 32 bits and may share a counter space
//!   with a smaller one (documented rather than prevented: 2^32 random calls in a
//!   session do not happen).
//!
//! The block function is written over lane arrays (`[u32; L]` per word) so LLVM
//! vectorizes the 32x32->64 multiplies (`pmuludq`) across counters, and
//! [`blocks`] uses an explicit AVX2 kernel when the CPU has it. The fill paths
//! ask for whole batches of draws ([`primary_batch`]: 32 neighbouring
//! elements; [`primary_gather`]: 16 arbitrary ones), which run 16 blocks per
//! AVX-512 register when the CPU has it (`philox/avx512.rs`). The instruction
//! set is chosen at run time ([`level`]); every path is checked against the
//! scalar reference and gives the same bits.

use super::simd::{Level, level};

#[cfg(target_arch = "x86_64")]
mod avx512;
#[cfg(target_arch = "x86_64")]
use avx512 as x86;

/// Philox4x32 round multipliers and Weyl key increments (Random123 `philox.h`).
const M0: u32 = 0xD251_1F53;
const M1: u32 = 0xCD9E_8D57;
const W0: u32 = 0x9E37_79B9;
const W1: u32 = 0xBB67_AE85;

/// Number of counters processed together by [`blocks`].
pub const LANES: usize = 8;

/// Philox4x32-10 on one counter: the reference form, checked against Random123's
/// known-answer vectors.
#[inline]
pub fn philox4x32_10(ctr: [u32; 4], key: [u32; 2]) -> [u32; 4] {
    let mut c = ctr;
    let mut k = key;
    for r in 0..10 {
        if r > 0 {
            k[0] = k[0].wrapping_add(W0);
            k[1] = k[1].wrapping_add(W1);
        }
        let p0 = u64::from(M0) * u64::from(c[0]);
        let p1 = u64::from(M1) * u64::from(c[2]);
        c = [
            (p1 >> 32) as u32 ^ c[1] ^ k[0],
            p1 as u32,
            (p0 >> 32) as u32 ^ c[3] ^ k[1],
            p0 as u32,
        ];
    }
    c
}

/// Philox4x32-10 on `LANES` counters at once, in structure-of-arrays form:
/// `c[w][l]` is word `w` of lane `l`. Same results as [`philox4x32_10`] per
/// lane. Uses the AVX2 kernel when the CPU has it.
#[inline]
pub fn blocks(c: &mut [[u32; LANES]; 4], key: [u32; 2]) {
    #[cfg(target_arch = "x86_64")]
    if level() >= Level::Avx2 {
        // SAFETY: the CPU supports AVX2 (checked at run time just above).
        unsafe { blocks_avx2(c, key) };
        return;
    }
    blocks_portable(c, key)
}

/// The lane loop in plain Rust (LLVM vectorizes it with SSE2 `pmuludq`).
// Indexing four word arrays by lane is the point of the SoA layout.
#[allow(clippy::needless_range_loop)]
#[inline(never)]
fn blocks_portable(c: &mut [[u32; LANES]; 4], key: [u32; 2]) {
    let mut k = key;
    for r in 0..10 {
        if r > 0 {
            k[0] = k[0].wrapping_add(W0);
            k[1] = k[1].wrapping_add(W1);
        }
        for l in 0..LANES {
            let p0 = u64::from(M0) * u64::from(c[0][l]);
            let p1 = u64::from(M1) * u64::from(c[2][l]);
            let n0 = (p1 >> 32) as u32 ^ c[1][l] ^ k[0];
            let n2 = (p0 >> 32) as u32 ^ c[3][l] ^ k[1];
            c[0][l] = n0;
            c[1][l] = p1 as u32;
            c[2][l] = n2;
            c[3][l] = p0 as u32;
        }
    }
}

/// The 8-lane kernel with AVX2 intrinsics: one 256-bit register per word.
/// `vpmuludq` multiplies the even 32-bit lanes; the odd lanes are shifted down
/// and multiplied separately, and blends put high and low halves back in place.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline(never)]
fn blocks_avx2(c: &mut [[u32; LANES]; 4], key: [u32; 2]) {
    use std::arch::x86_64::*;
    const _: () = assert!(LANES == 8);
    // (hi, lo) of the 32x32 products of each lane of `x` with `m`.
    #[target_feature(enable = "avx2")]
    #[inline]
    fn mulhilo(x: __m256i, m: __m256i) -> (__m256i, __m256i) {
        let even = _mm256_mul_epu32(x, m);
        let odd = _mm256_mul_epu32(_mm256_srli_epi64::<32>(x), m);
        let hi = _mm256_blend_epi32::<0b1010_1010>(_mm256_srli_epi64::<32>(even), odd);
        let lo = _mm256_blend_epi32::<0b1010_1010>(even, _mm256_slli_epi64::<32>(odd));
        (hi, lo)
    }
    // SAFETY: the loads and stores read/write exactly the 8 u32 of each word.
    unsafe {
        let ld = |w: &[u32; LANES]| _mm256_loadu_si256(w.as_ptr().cast());
        let (mut x0, mut x1, mut x2, mut x3) = (ld(&c[0]), ld(&c[1]), ld(&c[2]), ld(&c[3]));
        let m0 = _mm256_set1_epi32(M0 as i32);
        let m1 = _mm256_set1_epi32(M1 as i32);
        let mut k = key;
        for r in 0..10 {
            if r > 0 {
                k[0] = k[0].wrapping_add(W0);
                k[1] = k[1].wrapping_add(W1);
            }
            let (hi0, lo0) = mulhilo(x0, m0);
            let (hi1, lo1) = mulhilo(x2, m1);
            let k0 = _mm256_set1_epi32(k[0] as i32);
            let k1 = _mm256_set1_epi32(k[1] as i32);
            x0 = _mm256_xor_si256(_mm256_xor_si256(hi1, x1), k0);
            x1 = lo1;
            x2 = _mm256_xor_si256(_mm256_xor_si256(hi0, x3), k1);
            x3 = lo0;
        }
        let st = |w: &mut [u32; LANES], v| _mm256_storeu_si256(w.as_mut_ptr().cast(), v);
        st(&mut c[0], x0);
        st(&mut c[1], x1);
        st(&mut c[2], x2);
        st(&mut c[3], x3);
    }
}

/// Draws produced by one [`primary_batch`]: the two halves of 16 blocks.
pub const BATCH: usize = 32;

/// Blocks per [`primary_gather`].
pub const GATHER: usize = 16;

/// Only the low 63 bits of a block number are used: element indices wrap in
/// `u64`, so block `j = index >> 1` wraps at 2^63.
const BLOCK_MASK: u64 = u64::MAX >> 1;

/// `out[k]` = draw 0 of element `2 * j0 + k` for `k < BATCH` (element indices
/// wrapping in `u64`): the primary blocks `j0 .. j0 + 16` split into halves.
/// Uses the AVX-512 kernel when the CPU has it.
#[inline]
pub fn primary_batch(key: [u32; 2], stream: u32, j0: u64, out: &mut [u64; BATCH]) {
    #[cfg(target_arch = "x86_64")]
    if level() >= Level::Avx512 {
        // SAFETY: the CPU supports AVX-512F (checked at run time just above).
        unsafe { x86::primary_batch_avx512(key, stream, j0, out) };
        return;
    }
    primary_batch_lanes(key, stream, j0, out)
}

/// [`primary_batch`] through [`blocks`] (AVX2 or portable), `LANES` at a time.
#[allow(clippy::needless_range_loop)]
#[inline(always)]
fn primary_batch_lanes(key: [u32; 2], stream: u32, j0: u64, out: &mut [u64; BATCH]) {
    for half in 0..BATCH / (2 * LANES) {
        let mut c = [[0u32; LANES]; 4];
        for l in 0..LANES {
            let j = j0.wrapping_add((half * LANES + l) as u64) & BLOCK_MASK;
            c[0][l] = j as u32;
            c[1][l] = (j >> 32) as u32;
            c[2][l] = stream;
        }
        blocks(&mut c, key);
        for l in 0..LANES {
            let [even, odd] = split([c[0][l], c[1][l], c[2][l], c[3][l]]);
            out[2 * (half * LANES + l)] = even;
            out[2 * (half * LANES + l) + 1] = odd;
        }
    }
}

/// `out[l]` = draw 0 of element `index[l]`: one primary block per element, for
/// strided reads. Uses the AVX-512 kernel when the CPU has it.
#[inline]
pub fn primary_gather(key: [u32; 2], stream: u32, index: &[u64; GATHER], out: &mut [u64; GATHER]) {
    #[cfg(target_arch = "x86_64")]
    if level() >= Level::Avx512 {
        // SAFETY: the CPU supports AVX-512F (checked at run time just above).
        unsafe { x86::primary_gather_avx512(key, stream, index, out) };
        return;
    }
    primary_gather_lanes(key, stream, index, out)
}

/// [`primary_gather`] through [`blocks`] (AVX2 or portable).
#[allow(clippy::needless_range_loop)]
#[inline(always)]
fn primary_gather_lanes(
    key: [u32; 2],
    stream: u32,
    index: &[u64; GATHER],
    out: &mut [u64; GATHER],
) {
    for half in 0..GATHER / LANES {
        let mut c = [[0u32; LANES]; 4];
        for l in 0..LANES {
            let j = index[half * LANES + l] >> 1;
            c[0][l] = j as u32;
            c[1][l] = (j >> 32) as u32;
            c[2][l] = stream;
        }
        blocks(&mut c, key);
        for l in 0..LANES {
            let i = half * LANES + l;
            let halves = split([c[0][l], c[1][l], c[2][l], c[3][l]]);
            out[i] = halves[(index[i] & 1) as usize];
        }
    }
}

/// `out[l]` = the first extra block (draws 1 and 2) of element `index[l]`,
/// for [`GATHER`] elements at once: the fill paths collect the elements
/// whose draw 0 was rejected and finish them together, so the block every
/// rejection needs costs a vector lane instead of a serial scalar Philox.
/// Uses the AVX-512 kernel when the CPU has it.
pub fn first_extra_blocks(
    key: [u32; 2],
    stream: u32,
    index: &[u64; GATHER],
    out: &mut [[u64; 2]; GATHER],
) {
    #[cfg(target_arch = "x86_64")]
    if level() >= Level::Avx512 {
        // SAFETY: the CPU supports AVX-512F (checked at run time just above).
        unsafe { x86::first_extra_blocks_avx512(key, stream, index, out) };
        return;
    }
    first_extra_blocks_lanes(key, stream, index, out)
}

/// [`first_extra_blocks`] through [`blocks`] (AVX2 or portable).
#[allow(clippy::needless_range_loop)]
fn first_extra_blocks_lanes(
    key: [u32; 2],
    stream: u32,
    index: &[u64; GATHER],
    out: &mut [[u64; 2]; GATHER],
) {
    for half in 0..GATHER / LANES {
        let mut c = [[0u32; LANES]; 4];
        for l in 0..LANES {
            let i = index[half * LANES + l];
            c[0][l] = i as u32;
            c[1][l] = (i >> 32) as u32;
            c[2][l] = stream;
            c[3][l] = 1;
        }
        blocks(&mut c, key);
        for l in 0..LANES {
            out[half * LANES + l] = split([c[0][l], c[1][l], c[2][l], c[3][l]]);
        }
    }
}

/// The Philox key for a session seed.
#[inline]
pub fn key_of(seed: u64) -> [u32; 2] {
    [seed as u32, (seed >> 32) as u32]
}

/// The 32-bit counter word that identifies a stream (see the module doc).
#[inline]
pub fn fold_stream(stream: u64) -> u32 {
    (stream ^ (stream >> 32)) as u32
}

/// The two `u64`s of a block: words 0,1 and words 2,3, little word first.
#[inline]
pub fn split(b: [u32; 4]) -> [u64; 2] {
    [u64::from(b[0]) | u64::from(b[1]) << 32, u64::from(b[2]) | u64::from(b[3]) << 32]
}

/// Draw 0 of element `index`, computed alone (the batched fill path computes the
/// same value from the shared primary block).
#[inline]
pub fn primary(key: [u32; 2], stream: u32, index: u64) -> u64 {
    let j = index >> 1;
    let b = philox4x32_10([j as u32, (j >> 32) as u32, stream, 0], key);
    split(b)[(index & 1) as usize]
}

/// The draws after draw 0 of one element: blocks `c3 = 1, 2, ...` of its own
/// counter space, two `u64` per block, computed lazily (most elements never
/// touch it, so constructing one costs nothing).
#[derive(Clone, Debug)]
pub struct Extra {
    key: [u32; 2],
    c: [u32; 3],
    block: u32,
    buf: [u64; 2],
    pos: u8,
}

impl Extra {
    #[inline]
    pub fn new(key: [u32; 2], stream: u32, index: u64) -> Self {
        Extra {
            key,
            c: [index as u32, (index >> 32) as u32, stream],
            block: 0,
            buf: [0; 2],
            pos: 2,
        }
    }

    /// As [`Extra::new`], with the first extra block already computed (by
    /// [`first_extra_blocks`], for several elements at once).
    #[inline]
    pub fn with_first_block(key: [u32; 2], stream: u32, index: u64, first: [u64; 2]) -> Self {
        Extra { key, c: [index as u32, (index >> 32) as u32, stream], block: 1, buf: first, pos: 0 }
    }

    /// The next 64 random bits of this element.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        if self.pos >= 2 {
            self.block = self.block.wrapping_add(1);
            let b = philox4x32_10([self.c[0], self.c[1], self.c[2], self.block], self.key);
            self.buf = split(b);
            self.pos = 0;
        }
        let v = self.buf[self.pos as usize];
        self.pos += 1;
        v
    }
}

/// The top 53 bits of `x` as a double in [0, 1) (every representable multiple
/// of 2^-53 equally likely).
#[inline(always)]
pub fn u64_to_unit(x: u64) -> f64 {
    // Through i64: the value fits in 53 bits, and signed conversion is one
    // instruction on x86-64 where unsigned needs a branchy sequence.
    ((x >> 11) as i64) as f64 * (1.0 / (1u64 << 53) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::simd::force_level;

    /// Random123 `tests/kat_vectors`, the three `philox4x32 10` lines
    /// (columns: counter[4], key[2], expected[4]).
    const KAT: [([u32; 4], [u32; 2], [u32; 4]); 3] = [
        ([0, 0, 0, 0], [0, 0], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]),
        ([u32::MAX; 4], [u32::MAX; 2], [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]),
        (
            [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344],
            [0xa4093822, 0x299f31d0],
            [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1],
        ),
    ];

    #[test]
    fn known_answer_vectors() {
        for (ctr, key, want) in KAT {
            assert_eq!(philox4x32_10(ctr, key), want, "ctr {ctr:08x?} key {key:08x?}");
        }
    }

    #[test]
    #[allow(clippy::needless_range_loop)]
    fn lanes_match_scalar() {
        for (ctr, key, want) in KAT {
            let mut c = [[0u32; LANES]; 4];
            for l in 0..LANES {
                for w in 0..4 {
                    c[w][l] = ctr[w];
                }
            }
            let mut d = c;
            blocks(&mut c, key);
            blocks_portable(&mut d, key);
            for l in 0..LANES {
                assert_eq!([c[0][l], c[1][l], c[2][l], c[3][l]], want);
                assert_eq!([d[0][l], d[1][l], d[2][l], d[3][l]], want);
            }
        }
        // Distinct counters per lane.
        let key = [0x1234_5678, 0x9abc_def0];
        let mut c = [[0u32; LANES]; 4];
        for l in 0..LANES {
            c[0][l] = l as u32 * 77;
            c[1][l] = 3;
            c[2][l] = l as u32;
            c[3][l] = !(l as u32);
        }
        let before = c;
        let mut d = c;
        blocks(&mut c, key);
        blocks_portable(&mut d, key);
        for l in 0..LANES {
            let ctr = [before[0][l], before[1][l], before[2][l], before[3][l]];
            assert_eq!([c[0][l], c[1][l], c[2][l], c[3][l]], philox4x32_10(ctr, key));
            assert_eq!(c, d);
        }
    }

    /// The batched entry points equal `primary` (and `Extra`) element by
    /// element at every instruction-set level, including across the 2^63
    /// block wrap.
    #[test]
    fn batches_match_primary_at_every_level() {
        let key = key_of(0x0123_4567_89ab_cdef);
        for level in [Level::Portable, Level::Avx2, Level::Avx512] {
            force_level(Some(level));
            for j0 in [0u64, 1, 0xffff_fff8, (1 << 40) + 5, BLOCK_MASK - 7, BLOCK_MASK] {
                let mut out = [0u64; BATCH];
                primary_batch(key, 9, j0, &mut out);
                for (k, &v) in out.iter().enumerate() {
                    let i = (2 * j0).wrapping_add(k as u64);
                    assert_eq!(v, primary(key, 9, i), "{level:?} j0 {j0} k {k}");
                }
                let index: [u64; GATHER] =
                    std::array::from_fn(|l| (2 * j0).wrapping_add(l as u64 * 0x1_0000_0003));
                let mut got = [0u64; GATHER];
                primary_gather(key, 9, &index, &mut got);
                for (l, &v) in got.iter().enumerate() {
                    assert_eq!(v, primary(key, 9, index[l]), "{level:?} gather {l}");
                }
                let mut blocks = [[0u64; 2]; GATHER];
                first_extra_blocks(key, 9, &index, &mut blocks);
                for (l, b) in blocks.iter().enumerate() {
                    let mut e = Extra::new(key, 9, index[l]);
                    assert_eq!(*b, [e.next_u64(), e.next_u64()], "{level:?} extra {l}");
                }
            }
            force_level(None);
        }
    }

    #[test]
    fn extra_draws_are_distinct_from_primary() {
        let key = key_of(42);
        let mut e = Extra::new(key, 0, 0);
        let d: Vec<u64> = (0..6).map(|_| e.next_u64()).collect();
        let p = [primary(key, 0, 0), primary(key, 0, 1)];
        for x in &d {
            assert!(!p.contains(x));
        }
        let mut s = d.clone();
        s.sort();
        s.dedup();
        assert_eq!(s.len(), d.len());
    }
}
