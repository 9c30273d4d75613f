//! Writing a computed array as a NumPy `.npy` file (format version 1.0).
//!
//! The layout: the magic `\x93NUMPY`, version bytes `1 0`, a little-endian
//! u16 header length, then a Python dict literal with `descr`,
//! `fortran_order` and `shape`, padded with spaces and ended by a newline
//! so the data starts at a multiple of 64 bytes; then the elements in C
//! order, little-endian. The file is written under a temporary name in the
//! same directory and renamed into place when complete, so a failure never
//! leaves a partial file behind.

use crate::array::{ArrayData, DType, Elem};
use std::io::{self, Write};
use std::path::Path;

/// NumPy's `dtype.str` for an element type (little-endian where it matters).
pub fn descr(dtype: DType) -> &'static str {
    match dtype {
        DType::Bool => "|b1",
        DType::Int8 => "|i1",
        DType::Int16 => "<i2",
        DType::Int32 => "<i4",
        DType::Int64 => "<i8",
        DType::UInt8 => "|u1",
        DType::UInt16 => "<u2",
        DType::UInt32 => "<u4",
        DType::UInt64 => "<u8",
        DType::Float32 => "<f4",
        DType::Float64 => "<f8",
    }
}

/// The header block: magic, version, length and the padded dict.
pub fn header(dtype: DType, shape: &[usize]) -> io::Result<Vec<u8>> {
    let shape_text = match shape {
        [n] => format!("({n},)"),
        _ => format!("({})", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    };
    let mut dict =
        format!("{{'descr': '{}', 'fortran_order': False, 'shape': {shape_text}, }}", descr(dtype));
    // magic (6) + version (2) + length (2) + dict + '\n' is a multiple of 64.
    let unpadded = 10 + dict.len() + 1;
    dict.push_str(&" ".repeat(unpadded.next_multiple_of(64) - unpadded));
    dict.push('\n');
    let len = u16::try_from(dict.len())
        .map_err(|_| io::Error::other("the array has too many dimensions for a .npy header"))?;
    let mut out = b"\x93NUMPY\x01\x00".to_vec();
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(dict.as_bytes());
    Ok(out)
}

/// Writes `data` (header and elements) to `w`.
pub fn write_to(w: &mut (impl Write + ?Sized), data: &ArrayData) -> io::Result<()> {
    w.write_all(&header(data.dtype(), data.shape())?)?;
    crate::with_data!(data, a, T => {
        let mut buf = Vec::with_capacity(1 << 16);
        for v in a.iter() {
            push_le(&mut buf, *v);
            if buf.len() >= 1 << 16 {
                w.write_all(&buf)?;
                buf.clear();
            }
        }
        w.write_all(&buf)?;
    });
    Ok(())
}

/// Appends one element's little-endian bytes.
fn push_le<T: Elem>(buf: &mut Vec<u8>, v: T) {
    match T::DTYPE {
        DType::Bool | DType::Int8 | DType::UInt8 => buf.push(v.to_i64() as u8),
        DType::Int16 => buf.extend_from_slice(&(v.to_i64() as i16).to_le_bytes()),
        DType::Int32 => buf.extend_from_slice(&(v.to_i64() as i32).to_le_bytes()),
        DType::Int64 => buf.extend_from_slice(&v.to_i64().to_le_bytes()),
        DType::UInt16 => buf.extend_from_slice(&(v.to_u64() as u16).to_le_bytes()),
        DType::UInt32 => buf.extend_from_slice(&(v.to_u64() as u32).to_le_bytes()),
        DType::UInt64 => buf.extend_from_slice(&v.to_u64().to_le_bytes()),
        // f32 -> f64 -> f32 is exact, NaN payloads aside.
        DType::Float32 => buf.extend_from_slice(&(v.to_f64() as f32).to_le_bytes()),
        DType::Float64 => buf.extend_from_slice(&v.to_f64().to_le_bytes()),
    }
}

/// Writes `data` to `path` all-or-nothing (see [`super::write_atomic_with`]).
pub fn save(path: &Path, data: &ArrayData) -> io::Result<()> {
    super::write_atomic_with(path, |w| write_to(w, data))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{ArrayD, IxDyn};

    #[test]
    fn header_is_padded_to_64_bytes() {
        for shape in [&[][..], &[3], &[2, 3], &[1, 2, 3, 4, 5, 6, 7, 8]] {
            let h = header(DType::Float64, shape).unwrap();
            assert_eq!(h.len() % 64, 0);
            assert_eq!(h.last(), Some(&b'\n'));
            assert_eq!(u16::from_le_bytes([h[8], h[9]]) as usize, h.len() - 10);
        }
        let h = header(DType::Int32, &[5]).unwrap();
        let text = String::from_utf8_lossy(&h[10..]);
        assert!(text.starts_with("{'descr': '<i4', 'fortran_order': False, 'shape': (5,), }"));
    }

    #[test]
    fn data_is_little_endian_in_c_order() {
        let a = ndarray::arr2(&[[1i16, 2], [3, -1]]).reversed_axes().into_dyn();
        let mut out = Vec::new();
        write_to(&mut out, &ArrayData::I16(a)).unwrap();
        assert_eq!(&out[128..], &[1, 0, 3, 0, 2, 0, 0xff, 0xff]);
        let mut out = Vec::new();
        write_to(&mut out, &ArrayData::Bool(ArrayD::from_elem(IxDyn(&[2]), true))).unwrap();
        assert_eq!(&out[128..], &[1, 1]);
    }

    #[test]
    fn save_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("arr-npy-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.npy");
        save(&path, &ArrayData::F64(ArrayD::from_elem(IxDyn(&[3]), 0.5))).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 128 + 24);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        assert!(
            save(&dir.join("missing/x.npy"), &ArrayData::F64(ArrayD::zeros(IxDyn(&[1])))).is_err()
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
