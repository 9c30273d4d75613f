//! A `.npy` file as a lazy array: [`NpySource`] reads hyperslabs with
//! positioned reads (`read_at`) of the contiguous runs they cover, never
//! the whole file, so chunks are read in parallel straight from the open
//! file and a slice reads only its bytes.

use super::codec::{Raw, as_bytes_mut, decode_into, reads_natively};
use super::for_each_run;
use super::header::{self, Header, Stored};
use crate::array::{ArrayData, DType, Elem};
use crate::io::source::{ArraySource, Hyperslab};
use crate::with_dtype;
use ndarray::{ArrayD, IxDyn};
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

/// How far apart (in elements) the wanted pieces of a strided read may be
/// before they are read one by one instead of as one span.
const MAX_GAP_FACTOR: usize = 4;

/// An open `.npy` file. The shape is the file's C-order shape: a
/// Fortran-order file is exposed as the C array of its reversed shape
/// (the caller transposes it back).
#[derive(Debug)]
pub struct NpySource {
    path: PathBuf,
    file: File,
    header: Header,
    /// The file's size when it was opened; a read refuses a file that changed.
    file_len: u64,
}

impl NpySource {
    /// Opens `path` and checks its header and size.
    pub fn open(path: &Path) -> Result<NpySource, String> {
        let file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        let file_len =
            file.metadata().map_err(|e| format!("cannot read {}: {e}", path.display()))?.len();
        let in_file = |m: String| format!("cannot load {}: {m}", path.display());
        let mut start = [0u8; 12];
        let n = read_up_to(&file, &mut start, 0).map_err(|e| in_file(e.to_string()))?;
        let (dict_len, dict_offset) = header::preamble(&start[..n]).map_err(in_file)?;
        let mut dict = vec![0u8; dict_len];
        if (dict_offset + dict_len) as u64 > file_len {
            return Err(in_file("the file is truncated inside its header".into()));
        }
        file.read_exact_at(&mut dict, dict_offset as u64).map_err(|e| in_file(e.to_string()))?;
        let text = String::from_utf8_lossy(&dict);
        let mut header = header::parse_dict(&text, dict_offset, dict_len).map_err(in_file)?;
        if header.fortran_order {
            header.shape.reverse();
        }
        let need = header
            .data_bytes()
            .and_then(|b| b.checked_add(header.data_offset))
            .ok_or_else(|| in_file("its shape is too large".into()))?;
        if file_len < need {
            return Err(in_file(format!(
                "the file is truncated: its header promises {need} bytes, the file has {file_len}"
            )));
        }
        Ok(NpySource { path: path.to_path_buf(), file, header, file_len })
    }

    /// Whether the file stores the array in Fortran order.
    pub fn fortran_order(&self) -> bool {
        self.header.fortran_order
    }

    /// Appends the `elems` elements at element offset `first` to `out`:
    /// native-order bytes are read straight into `out`, others through
    /// `buf` and a conversion pass.
    fn read_run<T: Raw>(
        &self,
        first: usize,
        elems: usize,
        buf: &mut Vec<u8>,
        out: &mut Vec<T>,
    ) -> Result<(), String> {
        let stored = self.header.stored;
        let offset = self.header.data_offset + (first * stored.size) as u64;
        if reads_natively::<T>(stored) {
            let start = out.len();
            out.resize(start + elems, T::default());
            let bytes = as_bytes_mut(&mut out[start..]);
            return self.file.read_exact_at(bytes, offset).map_err(|e| self.changed(e));
        }
        buf.resize(elems * stored.size, 0);
        self.file.read_exact_at(buf, offset).map_err(|e| self.changed(e))?;
        decode_into(buf, stored, out);
        Ok(())
    }

    fn changed(&self, e: std::io::Error) -> String {
        match self.file.metadata() {
            Ok(m) if m.len() != self.file_len => format!(
                "the file changed size since it was opened ({} bytes, now {}); load it again",
                self.file_len,
                m.len()
            ),
            _ => e.to_string(),
        }
    }

    fn read_typed<T: Raw>(&self, slab: &[Hyperslab]) -> Result<ArrayD<T>, String> {
        let shape = &self.header.shape;
        let counts: Vec<usize> = slab.iter().map(|h| h.count).collect();
        let total: usize = counts.iter().product();
        let mut out: Vec<T> = Vec::with_capacity(total);
        if total > 0 {
            let len_now = self.file.metadata().map(|m| m.len()).unwrap_or(self.file_len);
            if len_now != self.file_len {
                return Err(self.changed(std::io::Error::other("changed")));
            }
            self.read_runs(shape, slab, &mut out)?;
        }
        ArrayD::from_shape_vec(IxDyn(&counts), out).map_err(|e| e.to_string())
    }

    /// Reads the slab run by run (see [`for_each_run`]).
    fn read_runs<T: Raw>(
        &self,
        shape: &[usize],
        slab: &[Hyperslab],
        out: &mut Vec<T>,
    ) -> Result<(), String> {
        let mut buf = Vec::new();
        let mut span_buf: Vec<T> = Vec::new();
        for_each_run(shape, slab, |first, run, inner| {
            if run.step == 1 {
                self.read_run(first, run.count * inner, &mut buf, out)?;
            } else if run.step <= MAX_GAP_FACTOR {
                // Close together: read the covering span and keep every step-th piece.
                span_buf.clear();
                let span = ((run.count - 1) * run.step + 1) * inner;
                self.read_run(first, span, &mut buf, &mut span_buf)?;
                for piece in span_buf.chunks(run.step * inner) {
                    out.extend_from_slice(&piece[..inner]);
                }
            } else {
                for i in 0..run.count {
                    self.read_run(first + i * run.step * inner, inner, &mut buf, out)?;
                }
            }
            Ok(())
        })
    }
}

/// Reads as many bytes as the file has (up to `buf.len()`) at `offset`.
fn read_up_to(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read_at(&mut buf[n..], offset + n as u64)? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

impl ArraySource for NpySource {
    fn describe(&self) -> String {
        format!("npy {}", self.path.display())
    }
    fn dtype(&self) -> DType {
        self.header.stored.dtype
    }
    fn shape(&self) -> &[usize] {
        &self.header.shape
    }
    fn read(&self, slab: &[Hyperslab]) -> Result<ArrayData, String> {
        let Stored { dtype, .. } = self.header.stored;
        with_dtype!(dtype, T => Ok(T::wrap(self.read_typed::<T>(slab)?)))
    }
}
