//! The `.npy` header: parsing what NumPy (or anyone) wrote, and writing
//! exactly the bytes `np.save` writes.
//!
//! The layout: the magic `\x93NUMPY`, a major and minor version, the
//! header length (a little-endian u16 in version 1, u32 in versions 2 and
//! 3), then a Python dict literal with `descr`, `fortran_order` and
//! `shape`, padded with spaces and ended by a newline so the data starts at
//! a multiple of 64 bytes.

use crate::array::DType;

pub const MAGIC: &[u8] = b"\x93NUMPY";

/// How the elements are stored in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stored {
    /// The dtype arr holds them in (float16 is widened to float32).
    pub dtype: DType,
    /// Bytes per element in the file.
    pub size: usize,
    /// Big-endian in the file (the bytes are swapped when read).
    pub big_endian: bool,
    /// IEEE half precision in the file.
    pub half: bool,
}

/// What the header says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub stored: Stored,
    pub fortran_order: bool,
    pub shape: Vec<usize>,
    /// Where the elements start.
    pub data_offset: u64,
}

impl Header {
    /// Bytes of element data the header promises.
    pub fn data_bytes(&self) -> Option<u64> {
        let mut n = self.stored.size as u64;
        for &d in &self.shape {
            n = n.checked_mul(d as u64)?;
        }
        Some(n)
    }
}

/// Reads the bytes before the dict (magic, version, length field) from the
/// file's first 12 bytes: (dict length, dict offset).
pub fn preamble(bytes: &[u8]) -> Result<(usize, usize), String> {
    if bytes.len() < 10 || !bytes.starts_with(MAGIC) {
        return Err(if bytes.starts_with(b"PK\x03\x04") {
            "it is a zip archive (an .npz?), not an .npy file; arr reads only .npy".into()
        } else {
            "it is not an .npy file (it does not start with the NumPy magic \\x93NUMPY)".into()
        });
    }
    match bytes[6] {
        1 => Ok((u16::from_le_bytes([bytes[8], bytes[9]]) as usize, 10)),
        2 | 3 if bytes.len() >= 12 => {
            Ok((u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize, 12))
        }
        v => Err(format!("unsupported .npy format version {v}.{}", bytes[7])),
    }
}

/// Parses the dict text of a header that starts at `dict_offset` and is
/// `dict_len` bytes long.
pub fn parse_dict(text: &str, dict_offset: usize, dict_len: usize) -> Result<Header, String> {
    let bad = |what: &str| format!("its header is malformed ({what}): {}", text.trim_end());
    let body = text.trim();
    let body = body
        .strip_prefix('{')
        .and_then(|b| b.strip_suffix('}'))
        .ok_or_else(|| bad("not a dict"))?;
    let (mut descr, mut fortran, mut shape) = (None, None, None);
    let mut rest = body.trim_start();
    while !rest.is_empty() {
        let (key, after) = quoted(rest).ok_or_else(|| bad("expected a quoted key"))?;
        let after = after.trim_start().strip_prefix(':').ok_or_else(|| bad("expected ':'"))?;
        let after = after.trim_start();
        let value_end = if after.starts_with('(') || after.starts_with('[') {
            let close = if after.starts_with('(') { ')' } else { ']' };
            after.find(close).map(|i| i + 1).ok_or_else(|| bad("unclosed bracket"))?
        } else if after.starts_with('\'') || after.starts_with('"') {
            after.len() - quoted(after).ok_or_else(|| bad("unclosed string"))?.1.len()
        } else {
            after.find(',').unwrap_or(after.len())
        };
        let value = after[..value_end].trim();
        match key {
            "descr" => descr = Some(value.to_string()),
            "fortran_order" => {
                fortran = Some(match value {
                    "True" => true,
                    "False" => false,
                    _ => return Err(bad("fortran_order is not True or False")),
                })
            }
            "shape" => shape = Some(parse_shape(value).ok_or_else(|| bad("bad shape"))?),
            _ => {}
        }
        rest = after[value_end..].trim_start();
        rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
    }
    let descr = descr.ok_or_else(|| bad("no 'descr'"))?;
    Ok(Header {
        stored: parse_descr(&descr)?,
        fortran_order: fortran.ok_or_else(|| bad("no 'fortran_order'"))?,
        shape: shape.ok_or_else(|| bad("no 'shape'"))?,
        data_offset: (dict_offset + dict_len) as u64,
    })
}

/// A quoted Python string at the start of `s`: (its text, what follows).
fn quoted(s: &str) -> Option<(&str, &str)> {
    let q = s.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let end = s[1..].find(q)? + 1;
    Some((&s[1..end], &s[end + 1..]))
}

fn parse_shape(v: &str) -> Option<Vec<usize>> {
    let inner = v.strip_prefix('(')?.strip_suffix(')')?;
    inner
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| p.trim_end_matches('L').parse().ok())
        .collect()
}

/// NumPy's dtype string (`'<f8'`) as arr's storage, or why it cannot be read.
fn parse_descr(descr: &str) -> Result<Stored, String> {
    let unsupported = |name: &str| {
        Err(format!(
            "its dtype {descr} ({name}) is not supported; arr reads bool, int8..int64, \
             uint8..uint64, float16 (as float32), float32 and float64"
        ))
    };
    if descr.starts_with('[') {
        return unsupported("a structured dtype");
    }
    let s = descr.trim_matches(|c| c == '\'' || c == '"');
    let (order, code) = match s.chars().next() {
        Some(c @ ('<' | '>' | '|' | '=')) => (c, &s[1..]),
        _ => ('|', s),
    };
    let big_endian = order == '>';
    let (kind, size) = code.split_at(code.len().min(1));
    let size: usize = size.parse().unwrap_or(0);
    let dtype = match (kind, size) {
        ("b", 1) => DType::Bool,
        ("i", 1) => DType::Int8,
        ("i", 2) => DType::Int16,
        ("i", 4) => DType::Int32,
        ("i", 8) => DType::Int64,
        ("u", 1) => DType::UInt8,
        ("u", 2) => DType::UInt16,
        ("u", 4) => DType::UInt32,
        ("u", 8) => DType::UInt64,
        ("f", 2) => DType::Float32,
        ("f", 4) => DType::Float32,
        ("f", 8) => DType::Float64,
        ("O", _) => return unsupported("Python objects, stored pickled"),
        ("c", _) => return unsupported(&format!("complex{}", size * 8)),
        ("f", _) => return unsupported(&format!("float{}", size * 8)),
        ("U" | "S" | "a", _) => return unsupported("strings"),
        ("M" | "m", _) => return unsupported("datetimes"),
        ("V", _) => return unsupported("raw bytes"),
        _ => return unsupported("unknown"),
    };
    Ok(Stored { dtype, size, big_endian, half: kind == "f" && size == 2 })
}

/// NumPy's `dtype.str` for an element type, little-endian as `np.save`
/// writes on this machine.
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

/// The header `np.save` writes for a C-order array: the same dict text,
/// the same spare room after it (so the first axis can grow in place) and
/// the same padding, in version 1.0 unless the header needs version 2.0.
pub fn encode(dtype: DType, shape: &[usize]) -> Vec<u8> {
    let shape_text = match shape {
        [n] => format!("({n},)"),
        _ => format!("({})", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    };
    let mut dict =
        format!("{{'descr': '{}', 'fortran_order': False, 'shape': {shape_text}, }}", descr(dtype));
    // NumPy's GROWTH_AXIS_MAX_DIGITS: room for the first axis to reach 21 digits.
    if let Some(first) = shape.first() {
        dict.push_str(&" ".repeat(21usize.saturating_sub(first.to_string().len())));
    }
    let wrap = |len_bytes: usize, version: u8| {
        let hlen = dict.len() + 1;
        let padlen = 64 - (MAGIC.len() + 2 + len_bytes + hlen) % 64;
        let total = hlen + padlen;
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&[version, 0]);
        if len_bytes == 2 {
            out.extend_from_slice(&u16::try_from(total).ok()?.to_le_bytes());
        } else {
            out.extend_from_slice(&u32::try_from(total).ok()?.to_le_bytes());
        }
        out.extend_from_slice(dict.as_bytes());
        out.extend(std::iter::repeat_n(b' ', padlen));
        out.push(b'\n');
        Some(out)
    };
    // A dict over 4 GiB would need more than 10^8 dimensions, which no array has.
    wrap(2, 1).or_else(|| wrap(4, 2)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Result<Header, String> {
        let (len, off) = preamble(bytes)?;
        parse_dict(std::str::from_utf8(&bytes[off..off + len]).unwrap(), off, len)
    }

    #[test]
    fn the_header_is_what_np_save_writes() {
        let h = encode(DType::Float64, &[3]);
        assert_eq!(h.len(), 128);
        let dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }";
        assert_eq!(&h[..10], b"\x93NUMPY\x01\x00\x76\x00");
        assert!(h[10..].starts_with(dict.as_bytes()));
        assert!(h[10 + dict.len()..127].iter().all(|&b| b == b' '));
        assert_eq!(h[127], b'\n');
        // A 0-d array gets no growth room; every header is 64-aligned.
        for shape in [&[][..], &[2, 3], &[1; 40]] {
            let h = encode(DType::Int32, shape);
            assert_eq!(h.len() % 64, 0);
            assert_eq!(parse(&h).unwrap().shape, shape);
        }
    }

    #[test]
    fn headers_of_every_version_and_byte_order_parse() {
        let h = parse(&encode(DType::UInt16, &[4, 5])).unwrap();
        assert_eq!(
            h.stored,
            Stored { dtype: DType::UInt16, size: 2, big_endian: false, half: false }
        );
        assert_eq!((h.shape.clone(), h.fortran_order, h.data_offset), (vec![4, 5], false, 128));
        let dict = "{'descr': '>f2', 'fortran_order': True, 'shape': (2, 3), }\n";
        let mut v2 = b"\x93NUMPY\x02\x00".to_vec();
        v2.extend_from_slice(&(dict.len() as u32).to_le_bytes());
        v2.extend_from_slice(dict.as_bytes());
        let h = parse(&v2).unwrap();
        assert_eq!(
            h.stored,
            Stored { dtype: DType::Float32, size: 2, big_endian: true, half: true }
        );
        assert!(h.fortran_order);
        assert_eq!(h.data_offset as usize, v2.len());
    }

    #[test]
    fn unreadable_headers_say_why() {
        assert!(parse(b"PK\x03\x04 zipped").unwrap_err().contains(".npz"));
        assert!(parse(b"hello world, not numpy").unwrap_err().contains("not an .npy"));
        let e = parse_descr("|O").unwrap_err();
        assert!(e.contains("|O") && e.contains("pickled"), "{e}");
        assert!(parse_descr("<c16").unwrap_err().contains("complex128"));
        assert!(parse_descr("[('a', '<i4')]").unwrap_err().contains("structured"));
        assert!(parse_dict("{'descr': '<f8'}", 10, 16).unwrap_err().contains("fortran_order"));
    }
}
