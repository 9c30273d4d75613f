//! AVX-512 kernels of the batched Philox entry points: 16 blocks at once, one
//! 512-bit register per counter word. Same results as the lane loops of
//! `philox.rs` (the tests compare every level).

use super::{BATCH, BLOCK_MASK, GATHER, M0, M1, W0, W1};
use std::arch::x86_64::*;

/// Ten Philox rounds on 16 counters (`x[w]` = word `w` of every lane).
///
/// `vpmuludq` multiplies the even 32-bit lanes into 64-bit products; the odd
/// lanes are shifted down and multiplied separately, and one masked in-lane
/// shuffle per half puts the high and low words back in lane order. The
/// three-way XOR is one `vpternlogd`.
#[target_feature(enable = "avx512f")]
#[inline]
fn rounds(x: [__m512i; 4], key: [u32; 2]) -> [__m512i; 4] {
    #[target_feature(enable = "avx512f")]
    #[inline]
    fn mulhilo(x: __m512i, m: __m512i) -> (__m512i, __m512i) {
        let even = _mm512_mul_epu32(x, m);
        let odd = _mm512_mul_epu32(_mm512_srli_epi64::<32>(x), m);
        // hi: odd lanes already hold odd's high words; even lanes take the
        // high word (dword 1 or 3 of the 128-bit lane) of `even`.
        let hi = _mm512_mask_shuffle_epi32::<0b11_11_01_01>(odd, 0x5555, even);
        // lo: even lanes already hold even's low words; odd lanes take the
        // low word (dword 0 or 2) of `odd`.
        let lo = _mm512_mask_shuffle_epi32::<0b10_10_00_00>(even, 0xAAAA, odd);
        (hi, lo)
    }
    let [mut x0, mut x1, mut x2, mut x3] = x;
    let m0 = _mm512_set1_epi32(M0 as i32);
    let m1 = _mm512_set1_epi32(M1 as i32);
    let mut k = key;
    for r in 0..10 {
        if r > 0 {
            k[0] = k[0].wrapping_add(W0);
            k[1] = k[1].wrapping_add(W1);
        }
        let (hi0, lo0) = mulhilo(x0, m0);
        let (hi1, lo1) = mulhilo(x2, m1);
        let k0 = _mm512_set1_epi32(k[0] as i32);
        let k1 = _mm512_set1_epi32(k[1] as i32);
        x0 = _mm512_ternarylogic_epi32::<0x96>(hi1, x1, k0);
        x1 = lo1;
        x2 = _mm512_ternarylogic_epi32::<0x96>(hi0, x3, k1);
        x3 = lo0;
    }
    [x0, x1, x2, x3]
}

/// The low 32 bits of the 16 `u64`s in `a` then `b`, as one register.
#[target_feature(enable = "avx512f")]
#[inline]
fn words(a: __m512i, b: __m512i) -> __m512i {
    let lo = _mm512_castsi256_si512(_mm512_cvtepi64_epi32(a));
    _mm512_inserti64x4::<1>(lo, _mm512_cvtepi64_epi32(b))
}

/// Lane `4q + r` ↦ `4r + q`: the lane order [`store_blocks`] expects.
#[target_feature(enable = "avx512f")]
#[inline]
fn block_order() -> __m512i {
    _mm512_setr_epi32(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15)
}

/// Stores 16 blocks whose lanes are in the order `4q + r` = block `4r + q`
/// (word `w` of every lane in `x[w]`) as 32 `u64`s in block order, each
/// block as its two `u64` halves: after the 4x4 word transposes inside each
/// 128-bit lane, register `r` holds blocks `4r .. 4r + 4`.
///
/// # Safety
/// `out` must be valid for writing 32 `u64`s.
#[target_feature(enable = "avx512f")]
#[inline]
unsafe fn store_blocks(x: [__m512i; 4], out: *mut u64) {
    let [x0, x1, x2, x3] = x;
    let t0 = _mm512_unpacklo_epi32(x0, x1);
    let t1 = _mm512_unpackhi_epi32(x0, x1);
    let t2 = _mm512_unpacklo_epi32(x2, x3);
    let t3 = _mm512_unpackhi_epi32(x2, x3);
    let regs = [
        _mm512_unpacklo_epi64(t0, t2),
        _mm512_unpackhi_epi64(t0, t2),
        _mm512_unpacklo_epi64(t1, t3),
        _mm512_unpackhi_epi64(t1, t3),
    ];
    for (r, v) in regs.into_iter().enumerate() {
        // SAFETY: register r fills out[8r..8r+8], within the caller's 32.
        unsafe { _mm512_storeu_si512(out.add(8 * r).cast(), v) };
    }
}

/// See `philox::primary_batch`.
///
/// Lane `l = 4q + r` of the registers holds block `j0 + 4r + q`: after the
/// 4x4 word transposes inside each 128-bit lane, register `r` then holds the
/// blocks `j0 + 4r .. j0 + 4r + 4` in order, each as its two `u64` halves —
/// exactly the draws of elements `2 (j0 + 4r) ..`, stored with one write.
#[target_feature(enable = "avx512f")]
pub fn primary_batch_avx512(key: [u32; 2], stream: u32, j0: u64, out: &mut [u64; BATCH]) {
    let off = block_order();
    let lo = _mm512_add_epi32(_mm512_set1_epi32(j0 as u32 as i32), off);
    let carry = _mm512_cmplt_epu32_mask(lo, off);
    let hi = _mm512_set1_epi32((j0 >> 32) as u32 as i32);
    let hi = _mm512_mask_add_epi32(hi, carry, hi, _mm512_set1_epi32(1));
    let hi = _mm512_and_si512(hi, _mm512_set1_epi32((BLOCK_MASK >> 32) as u32 as i32));
    let x = rounds([lo, hi, _mm512_set1_epi32(stream as i32), _mm512_setzero_si512()], key);
    // SAFETY: `out` has BATCH = 32 u64 = 16 blocks.
    unsafe { store_blocks(x, out.as_mut_ptr()) };
}

/// See `philox::primary_gather`.
#[target_feature(enable = "avx512f")]
pub fn primary_gather_avx512(
    key: [u32; 2],
    stream: u32,
    index: &[u64; GATHER],
    out: &mut [u64; GATHER],
) {
    // SAFETY: `index` and `out` hold 16 u64 = two 512-bit registers each.
    let (i0, i1) = unsafe {
        (
            _mm512_loadu_si512(index.as_ptr().cast()),
            _mm512_loadu_si512(index.as_ptr().add(8).cast()),
        )
    };
    let j0 = _mm512_srli_epi64::<1>(i0);
    let j1 = _mm512_srli_epi64::<1>(i1);
    let lo = words(j0, j1);
    let hi = words(_mm512_srli_epi64::<32>(j0), _mm512_srli_epi64::<32>(j1));
    let [x0, x1, x2, x3] =
        rounds([lo, hi, _mm512_set1_epi32(stream as i32), _mm512_setzero_si512()], key);
    // Odd elements take the block's second half (words 2, 3).
    let one = _mm512_set1_epi64(1);
    let odd_lo = _mm512_test_epi64_mask(i0, one);
    let odd_hi = _mm512_test_epi64_mask(i1, one);
    let odd = u16::from(odd_lo) | u16::from(odd_hi) << 8;
    let w_lo = _mm512_mask_blend_epi32(odd, x0, x2);
    let w_hi = _mm512_mask_blend_epi32(odd, x1, x3);
    // Interleave low and high words back into u64s, lanes in order.
    let first = _mm512_setr_epi32(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
    let second = _mm512_setr_epi32(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);
    // SAFETY: as above.
    unsafe {
        _mm512_storeu_si512(out.as_mut_ptr().cast(), _mm512_permutex2var_epi32(w_lo, first, w_hi));
        _mm512_storeu_si512(
            out.as_mut_ptr().add(8).cast(),
            _mm512_permutex2var_epi32(w_lo, second, w_hi),
        );
    }
}

/// See `philox::first_extra_blocks`: the counters `[index, stream, 1]`.
///
/// The lanes are loaded in the order of [`primary_batch_avx512`] (lane
/// `4q + r` holds element `4r + q`), so that after the same word transposes
/// register `r` holds the blocks of elements `4r .. 4r + 4` in order.
#[target_feature(enable = "avx512f")]
pub fn first_extra_blocks_avx512(
    key: [u32; 2],
    stream: u32,
    index: &[u64; GATHER],
    out: &mut [[u64; 2]; GATHER],
) {
    // SAFETY: `index` holds 16 u64 = two 512-bit registers.
    let (i0, i1) = unsafe {
        (
            _mm512_loadu_si512(index.as_ptr().cast()),
            _mm512_loadu_si512(index.as_ptr().add(8).cast()),
        )
    };
    let order = block_order();
    let lo = _mm512_permutexvar_epi32(order, words(i0, i1));
    let hi = _mm512_permutexvar_epi32(
        order,
        words(_mm512_srli_epi64::<32>(i0), _mm512_srli_epi64::<32>(i1)),
    );
    let x = rounds([lo, hi, _mm512_set1_epi32(stream as i32), _mm512_set1_epi32(1)], key);
    // SAFETY: `out` is 16 * 2 u64 = 16 blocks.
    unsafe { store_blocks(x, out.as_mut_ptr().cast()) };
}
