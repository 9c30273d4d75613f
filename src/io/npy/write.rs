//! Streaming an array into a `.npy` file: the header, then each chunk as
//! it is computed, written at its offset with positioned writes into the
//! temporary file (a chunk not spanning whole trailing axes is written run
//! by run), then synced and renamed into place (see [`crate::io`]). Only a
//! batch of chunks is ever held, so an 800 MB result never is.

use super::codec::encode_into;
use super::for_each_run;
use super::header;
use crate::array::ArrayData;
use crate::diag::Diagnostic;
use crate::exec::region::Region;
use crate::exec::{Ctx, store};
use crate::io::WriteError;
use crate::io::source::Hyperslab;
use crate::ir::NodeRef;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::Path;

/// Computes `node` (an optimized plan) chunk by chunk on the current
/// thread pool and writes it to `path` as `.npy`, all-or-nothing.
pub fn save(node: &NodeRef, ctx: &Ctx, path: &Path) -> Result<(), Diagnostic> {
    let head = header::encode(node.dtype, &node.shape);
    let offset = head.len() as u64;
    let size = node.dtype.size();
    let result = crate::io::write_atomic_file(path, |file: &File| -> Result<(), WriteError> {
        file.write_all_at(&head, 0)?;
        if node.shape.iter().product::<usize>() == 0 {
            return Ok(());
        }
        let mut bytes = Vec::new();
        store::for_each_chunk(node, ctx, &mut |region, block| {
            write_block(file, offset, size, &node.shape, region, &block, &mut bytes)
                .map_err(|e| WriteError::Io(e).into_diagnostic(path, None))
        })
        .map_err(WriteError::Stopped)
    });
    result.map_err(|e| e.into_diagnostic(path, None))
}

/// Writes one computed chunk at its place in the file's data.
fn write_block(
    file: &File,
    data_offset: u64,
    size: usize,
    shape: &[usize],
    region: &Region,
    block: &ArrayData,
    bytes: &mut Vec<u8>,
) -> std::io::Result<()> {
    bytes.clear();
    encode_into(block, bytes);
    let slab: Vec<Hyperslab> = region
        .iter()
        .map(|r| Hyperslab { start: r.start.max(0) as usize, step: 1, count: r.len })
        .collect();
    let mut pos = 0;
    for_each_run(shape, &slab, |first, run, inner| {
        let len = run.count * inner * size;
        let piece = bytes.get(pos..pos + len).ok_or_else(|| {
            std::io::Error::other("a computed chunk has fewer elements than its region")
        })?;
        pos += len;
        file.write_all_at(piece, data_offset + (first * size) as u64)
    })
}

/// The bytes of a whole `.npy` file holding `data` (for small in-memory
/// values, e.g. tests and embedders).
pub fn write_bytes(data: &ArrayData) -> Vec<u8> {
    let mut out = header::encode(data.dtype(), data.shape());
    encode_into(data, &mut out);
    out
}
