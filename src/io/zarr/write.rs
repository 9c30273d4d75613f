//! Writing a Zarr v3 array all-or-nothing.
//!
//! A store is a directory, so the atomic rename of `io::write_atomic_with`
//! becomes a swap of directories: the whole new array is written into
//! `.NAME.arr-tmp` next to the target; when its last chunk is written, an
//! existing target is renamed aside to `.NAME.arr-old`, the new one is
//! renamed into place, and the old one is deleted. Between the two renames
//! (two metadata operations) the target name is briefly absent; a crash
//! there leaves the previous store complete under `.NAME.arr-old`, and the
//! next write to the path puts it back before it starts. Any other stale
//! temporary of either kind is removed by the next write. On an error or
//! cancellation the temporary directory is removed and the target is
//! untouched.
//!
//! Chunks arrive one at a time in grid order (from
//! `exec::store::for_each_chunk`); [`ChunkWriter`] encodes and writes a
//! small batch of them in parallel, so compression runs on every core
//! while memory stays at a few chunks. Chunk files are written directly
//! (encoded by the array's `zarrs` codecs) and synced together at the end,
//! before the swap.

use super::{check_component, is_zarr_node, zarr_data_type};
use crate::array::{ArrayData, DType};
use crate::diag::{Diagnostic, ErrorKind};
use crate::io::temporary_for;
use crate::{with_data, with_dtype};
use ndarray::{ArrayD, CowArray, IxDyn, Slice};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use zarrs::array::codec::{GzipCodec, ZstdCodec};
use zarrs::array::{
    Array, ArrayBuilder, ArrayMetadataOptions, ArrayToBytesCodecTraits, CodecOptions, FillValue,
    IntoArrayBytes,
};
use zarrs::filesystem::FilesystemStore;

/// The bytes-to-bytes codec chunks are compressed with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Compressor {
    None,
    /// gzip at a level 0..=9.
    Gzip(u32),
    /// zstd at a level (0 is zstd's default, 3), as zarr-python's default.
    Zstd(i32),
}

/// The name the previous store is kept under while a new one is swapped in.
pub fn aside_for(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    path.with_file_name(format!(".{name}.arr-old"))
}

fn io_err(message: String) -> Diagnostic {
    Diagnostic::global(ErrorKind::Io, message)
}

/// Removes a file or a directory tree, whichever `path` is.
fn remove_any(path: &Path) -> std::io::Result<()> {
    if path.is_dir() { std::fs::remove_dir_all(path) } else { std::fs::remove_file(path) }
}

/// Streams chunks into the array being written.
pub struct ChunkWriter {
    array: Array<FilesystemStore>,
    /// The store's directory, where chunk files are written.
    dir: PathBuf,
    dtype: DType,
    chunk: Vec<usize>,
    pending: Vec<(Vec<u64>, ArrayData)>,
    batch: usize,
}

impl ChunkWriter {
    /// Queues the block whose first element is at `origin` (a multiple of
    /// the chunk shape); writes the queue when it holds a batch.
    pub fn push(&mut self, origin: &[usize], block: ArrayData) -> Result<(), Diagnostic> {
        if block.shape().contains(&0) {
            return Ok(());
        }
        if block.dtype() != self.dtype {
            return Err(io_err("a chunk of the wrong dtype reached the Zarr writer".into()));
        }
        let index: Vec<u64> =
            origin.iter().zip(&self.chunk).map(|(&o, &c)| (o / c.max(1)) as u64).collect();
        self.pending.push((index, block));
        if self.pending.len() >= self.batch { self.flush() } else { Ok(()) }
    }

    /// Encodes and writes the queued chunks in parallel. An edge chunk is
    /// padded with the fill value (0) to the full chunk shape, as Zarr
    /// stores edge chunks; a whole chunk is encoded from the block itself,
    /// without a copy.
    pub fn flush(&mut self) -> Result<(), Diagnostic> {
        let pending = std::mem::take(&mut self.pending);
        let (array, chunk, dir) = (&self.array, &self.chunk, &self.dir);
        pending.into_par_iter().try_for_each(|(index, block)| {
            with_data!(block, a, T => {
                let full = if a.shape() == chunk.as_slice() {
                    a.as_standard_layout()
                } else {
                    let mut padded = ArrayD::<T>::default(IxDyn(chunk));
                    padded
                        .slice_each_axis_mut(|ax| Slice::from(0..a.shape()[ax.axis.index()]))
                        .assign(&a);
                    CowArray::from(padded)
                };
                let data = full.as_slice().ok_or_else(|| io_err("non-contiguous chunk".into()))?;
                write_chunk(array, dir, &index, data)
            })
        })
    }
}

/// Encodes one chunk and writes it as its file in the store at `dir`.
/// Unlike `zarrs`' filesystem store, which syncs every chunk file as it
/// writes it (a stall per chunk on every worker), the files are synced
/// all together once the last one is written ([`sync_tree`]) — durability
/// only matters when the finished store is swapped in.
fn write_chunk<T: zarrs::array::Element>(
    array: &Array<FilesystemStore>,
    dir: &Path,
    index: &[u64],
    data: &[T],
) -> Result<(), Diagnostic> {
    let fail = |e: String| io_err(format!("writing chunk {index:?}: {e}"));
    let bytes = data.into_array_bytes(array.data_type()).map_err(|e| fail(e.to_string()))?;
    let shape = array.chunk_shape(index).map_err(|e| fail(e.to_string()))?;
    let encoded = array
        .codecs()
        .encode(bytes, &shape, array.data_type(), array.fill_value(), &CodecOptions::default())
        .map_err(|e| fail(e.to_string()))?;
    let path = dir.join(array.chunk_key(index).as_str());
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| fail(e.to_string()))?;
    }
    std::fs::write(&path, &encoded).map_err(|e| fail(format!("{}: {e}", path.display())))
}

/// Flushes every file and directory under `dir` to the disk, files in
/// parallel (the file system commits concurrent syncs together).
fn sync_tree(dir: &Path) -> std::io::Result<()> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    let mut i = 0;
    while i < dirs.len() {
        for entry in std::fs::read_dir(&dirs[i])? {
            let entry = entry?;
            if entry.file_type()?.is_dir() {
                dirs.push(entry.path());
            } else {
                files.push(entry.path());
            }
        }
        i += 1;
    }
    files.par_iter().chain(dirs.par_iter()).try_for_each(|p| std::fs::File::open(p)?.sync_all())
}

/// Where to write and what, checked before anything is computed.
pub struct Target {
    /// The array's directory (`url` or `url/component`).
    pub dir: PathBuf,
    /// The group the array goes into, when a component is given: created
    /// (with any intermediate groups) if missing.
    root: Option<(PathBuf, String)>,
}

/// Checks a write to `url`/`component` before computing anything: a target
/// that exists needs `overwrite`, and only a Zarr node is ever replaced.
/// Puts back a previous store a crash left aside, removes stale temporaries.
pub fn prepare(url: &Path, component: Option<&str>, overwrite: bool) -> Result<Target, Diagnostic> {
    if let Some(c) = component {
        check_component(c).map_err(io_err)?;
    }
    let dir = super::node_dir(url, component);
    if dir.file_name().is_none() {
        return Err(io_err(format!("cannot write a Zarr store at '{}'", dir.display())));
    }
    let aside = aside_for(&dir);
    if aside.exists() {
        if dir.exists() {
            // A crash after the swap, before the old store was deleted.
            remove_any(&aside)
                .map_err(|e| io_err(format!("removing '{}': {e}", aside.display())))?;
        } else {
            // A crash between the two renames: the old store is complete.
            std::fs::rename(&aside, &dir).map_err(|e| {
                io_err(format!("restoring '{}' from '{}': {e}", dir.display(), aside.display()))
            })?;
        }
    }
    if dir.exists() {
        if !overwrite {
            return Err(io_err(format!("'{}' already exists", dir.display()))
                .with_hint("pass overwrite=True to replace it"));
        }
        if !is_zarr_node(&dir) {
            return Err(io_err(format!(
                "'{}' exists and is not a Zarr store; arr does not replace it",
                dir.display()
            ))
            .with_hint("choose another path, or remove it yourself"));
        }
    }
    let root = component.map(|c| (url.to_path_buf(), c.trim_matches('/').to_string()));
    Ok(Target { dir, root })
}

/// Creates the group `dir` (a v3 `zarr.json`) unless a Zarr node is there.
fn ensure_group(dir: &Path) -> Result<(), Diagnostic> {
    if is_zarr_node(dir) {
        return Ok(());
    }
    if dir.exists() && !dir.is_dir() {
        return Err(io_err(format!("'{}' exists and is not a directory", dir.display())));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| io_err(format!("creating '{}': {e}", dir.display())))?;
    let meta = br#"{"zarr_format":3,"node_type":"group","attributes":{}}"#;
    crate::io::write_atomic(&dir.join("zarr.json"), meta)
        .map_err(|e| io_err(format!("writing the group metadata of '{}': {e}", dir.display())))
}

/// Writes a whole array to `target`: `fill` receives a [`ChunkWriter`]
/// and pushes every chunk. Nothing is visible at the target until `fill`
/// returns `Ok` and the last chunk is written.
pub fn write_array(
    target: &Target,
    shape: &[usize],
    dtype: DType,
    chunk: &[usize],
    compressor: Compressor,
    fill: impl FnOnce(&mut ChunkWriter) -> Result<(), Diagnostic>,
) -> Result<(), Diagnostic> {
    if let Some((url, component)) = &target.root {
        ensure_group(url)?;
        let mut dir = url.clone();
        let parts: Vec<&str> = component.split('/').filter(|p| !p.is_empty()).collect();
        for p in &parts[..parts.len().saturating_sub(1)] {
            dir.push(p);
            ensure_group(&dir)?;
        }
    }
    let tmp = temporary_for(&target.dir);
    if tmp.exists() {
        remove_any(&tmp).map_err(|e| io_err(format!("removing stale '{}': {e}", tmp.display())))?;
    }
    let result = (|| {
        // Missing parent directories are created, as zarr-python does.
        if let Some(parent) = tmp.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| io_err(format!("creating '{}': {e}", parent.display())))?;
        }
        std::fs::create_dir(&tmp)
            .map_err(|e| io_err(format!("creating '{}': {e}", tmp.display())))?;
        let store = FilesystemStore::new(&tmp)
            .map_err(|e| io_err(format!("opening '{}': {e}", tmp.display())))?;
        let chunk: Vec<usize> = chunk.iter().map(|&c| c.max(1)).collect();
        let fill_value = with_dtype!(dtype, T => FillValue::from(T::default()));
        let mut builder = ArrayBuilder::new(
            shape.iter().map(|&n| n as u64).collect::<Vec<u64>>(),
            chunk.iter().map(|&c| c as u64).collect::<Vec<u64>>(),
            zarr_data_type(dtype),
            fill_value,
        );
        match compressor {
            Compressor::None => {}
            Compressor::Gzip(level) => {
                let codec = GzipCodec::new(level).map_err(|e| io_err(e.to_string()))?;
                builder.bytes_to_bytes_codecs(vec![Arc::new(codec)]);
            }
            Compressor::Zstd(level) => {
                builder.bytes_to_bytes_codecs(vec![Arc::new(ZstdCodec::new(level, false))]);
            }
        }
        let array = builder
            .build(Arc::new(store), "/")
            .map_err(|e| io_err(format!("creating the Zarr array: {e}")))?;
        array
            .store_metadata_opt(&ArrayMetadataOptions::default().with_include_zarrs_metadata(false))
            .map_err(|e| io_err(format!("writing the Zarr metadata: {e}")))?;
        let batch = 2 * rayon::current_num_threads().max(1);
        let mut writer =
            ChunkWriter { array, dir: tmp.clone(), dtype, chunk, pending: Vec::new(), batch };
        fill(&mut writer)?;
        writer.flush()?;
        sync_tree(&tmp).map_err(|e| io_err(format!("flushing '{}': {e}", tmp.display())))
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    swap_in(&tmp, &target.dir)
}

/// Moves the finished store at `tmp` to `dir`, replacing what is there.
fn swap_in(tmp: &Path, dir: &Path) -> Result<(), Diagnostic> {
    let fail = |e: std::io::Error| {
        let _ = std::fs::remove_dir_all(tmp);
        io_err(format!("moving the new store into '{}': {e}", dir.display()))
    };
    if !dir.exists() {
        return std::fs::rename(tmp, dir).map_err(fail);
    }
    let aside = aside_for(dir);
    std::fs::rename(dir, &aside).map_err(fail)?;
    if let Err(e) = std::fs::rename(tmp, dir) {
        // Put the old store back; the new one is lost, the old one intact.
        let _ = std::fs::rename(&aside, dir);
        return Err(fail(e));
    }
    remove_any(&aside).map_err(|e| {
        io_err(format!(
            "the new store is in place, but removing the old one at '{}' failed: {e}",
            aside.display()
        ))
    })
}
