//! Elements to and from the bytes of a file: little- or big-endian, and
//! IEEE half precision widened to float32 (arr has no float16).

use super::header::Stored;
use crate::array::{ArrayData, Elem};
use crate::with_data;

/// An element type with a fixed byte layout.
pub trait Raw: Elem {
    const SIZE: usize;
    /// Every bit pattern of `SIZE` bytes is a valid value (not so for
    /// bool), so native-order file bytes can be read straight into a
    /// `[Self]`.
    const ANY_BITS: bool;
    fn from_le(b: &[u8]) -> Self;
    fn from_be(b: &[u8]) -> Self;
    fn push_le(self, out: &mut Vec<u8>);
}

macro_rules! impl_raw {
    ($($t:ty),*) => {$(
        impl Raw for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            const ANY_BITS: bool = true;
            #[inline]
            fn from_le(b: &[u8]) -> Self {
                <$t>::from_le_bytes(b.try_into().expect("sized by chunks_exact"))
            }
            #[inline]
            fn from_be(b: &[u8]) -> Self {
                <$t>::from_be_bytes(b.try_into().expect("sized by chunks_exact"))
            }
            #[inline]
            fn push_le(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}
impl_raw!(i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

impl Raw for bool {
    const SIZE: usize = 1;
    const ANY_BITS: bool = false;
    // NumPy reads any non-zero byte of a bool array as True.
    #[inline]
    fn from_le(b: &[u8]) -> Self {
        b[0] != 0
    }
    #[inline]
    fn from_be(b: &[u8]) -> Self {
        b[0] != 0
    }
    #[inline]
    fn push_le(self, out: &mut Vec<u8>) {
        out.push(self as u8);
    }
}

/// IEEE binary16 bits as f32 (exact: every half is a float32).
pub fn half_to_f32(h: u16) -> f32 {
    let sign = ((h >> 15) as u32) << 31;
    let exp = ((h >> 10) & 0x1f) as u32;
    let frac = (h & 0x3ff) as u32;
    let bits = match (exp, frac) {
        (0, 0) => sign,
        // Subnormal: value = frac * 2^-24.
        (0, _) => return f32::from_bits(sign) + (frac as f32) * 2f32.powi(-24) * sign_of(h),
        (0x1f, 0) => sign | 0x7f80_0000,
        (0x1f, _) => sign | 0x7fc0_0000 | (frac << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (frac << 13),
    };
    f32::from_bits(bits)
}

fn sign_of(h: u16) -> f32 {
    if h >> 15 == 1 { -1.0 } else { 1.0 }
}

/// Whether the file's bytes are `T`'s own (same size and byte order as
/// this machine, not half) and every bit pattern is a `T`, so they can be
/// read straight into a `[T]` ([`as_bytes_mut`]).
pub fn reads_natively<T: Raw>(stored: Stored) -> bool {
    let native = stored.big_endian == cfg!(target_endian = "big");
    T::ANY_BITS && native && !stored.half && stored.size == T::SIZE
}

/// The bytes of `out`, to read a file into when [`reads_natively`].
pub fn as_bytes_mut<T: Raw>(out: &mut [T]) -> &mut [u8] {
    assert!(T::ANY_BITS, "only types whose every bit pattern is valid");
    let len = std::mem::size_of_val(out);
    // SAFETY: `out` is initialised memory of `len` bytes, u8 has alignment
    // 1, and T::ANY_BITS (checked above) says any bytes written through the
    // view leave valid `T`s; the view borrows `out` mutably, so nothing
    // aliases it.
    unsafe { std::slice::from_raw_parts_mut(out.as_mut_ptr().cast::<u8>(), len) }
}

/// Appends the elements stored in `bytes` (whole elements) to `out`.
pub fn decode_into<T: Raw>(bytes: &[u8], stored: Stored, out: &mut Vec<T>) {
    if stored.half {
        out.extend(bytes.chunks_exact(2).map(|b| {
            let bits = if stored.big_endian {
                u16::from_be_bytes([b[0], b[1]])
            } else {
                u16::from_le_bytes([b[0], b[1]])
            };
            T::from_f64(half_to_f32(bits) as f64)
        }));
    } else if stored.big_endian {
        out.extend(bytes.chunks_exact(T::SIZE).map(T::from_be));
    } else {
        out.extend(bytes.chunks_exact(T::SIZE).map(T::from_le));
    }
}

/// Appends a computed block's elements, in C order, little-endian.
pub fn encode_into(data: &ArrayData, out: &mut Vec<u8>) {
    with_data!(data, a, T => {
        out.reserve(a.len() * <T as Raw>::SIZE);
        match a.as_slice() {
            Some(s) => s.iter().for_each(|v| v.push_le(out)),
            None => a.iter().for_each(|v| v.push_le(out)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::DType;
    use ndarray::{ArrayD, IxDyn};

    #[test]
    fn halves_widen_exactly() {
        assert_eq!(half_to_f32(0x3c00), 1.0);
        assert_eq!(half_to_f32(0xc000), -2.0);
        assert_eq!(half_to_f32(0x7bff), 65504.0);
        assert_eq!(half_to_f32(0x0001), 2f32.powi(-24));
        assert_eq!(half_to_f32(0x8001), -(2f32.powi(-24)));
        assert_eq!(half_to_f32(0x7c00), f32::INFINITY);
        assert!(half_to_f32(0x7e00).is_nan());
        assert!(half_to_f32(0x8000).is_sign_negative());
    }

    #[test]
    fn only_native_plain_elements_are_read_in_place() {
        let le = Stored { dtype: DType::Int32, size: 4, big_endian: false, half: false };
        let native = cfg!(target_endian = "little");
        assert_eq!(reads_natively::<i32>(le), native);
        assert_eq!(reads_natively::<i32>(Stored { big_endian: true, ..le }), !native);
        let half = Stored { dtype: DType::Float32, size: 2, big_endian: !native, half: true };
        assert!(!reads_natively::<f32>(half));
        let flag = Stored { dtype: DType::Bool, size: 1, big_endian: !native, half: false };
        assert!(!reads_natively::<bool>(flag), "a byte other than 0/1 is no bool");
        let mut v = [0i32; 2];
        as_bytes_mut(&mut v).copy_from_slice(&[1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
        if native {
            assert_eq!(v, [1, -1]);
        }
    }

    #[test]
    fn both_byte_orders_decode() {
        let le = Stored { dtype: DType::Int32, size: 4, big_endian: false, half: false };
        let be = Stored { big_endian: true, ..le };
        let (mut a, mut b) = (Vec::<i32>::new(), Vec::<i32>::new());
        decode_into(&[1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff], le, &mut a);
        decode_into(&[0, 0, 1, 0], be, &mut b);
        assert_eq!((a, b), (vec![1, -1], vec![256]));
    }

    #[test]
    fn a_transposed_block_encodes_in_c_order() {
        let a = ndarray::arr2(&[[1i16, 2], [3, -1]]).reversed_axes().into_dyn();
        let mut out = Vec::new();
        encode_into(&ArrayData::I16(a), &mut out);
        assert_eq!(out, [1, 0, 3, 0, 2, 0, 0xff, 0xff]);
        out.clear();
        encode_into(&ArrayData::Bool(ArrayD::from_elem(IxDyn(&[2]), true)), &mut out);
        assert_eq!(out, [1, 1]);
    }
}
