//! Reading a unit-step box of a Zarr array with each storage chunk
//! decoded once.
//!
//! A box made of whole storage chunks is one `zarrs` subset read, which
//! decodes its chunks in parallel. A box that cuts storage chunks is the
//! common case of a reduction: the executor evaluates each arr chunk in
//! cache-sized pieces of a few hundred rows, and `zarrs`' partial read of a
//! compressed chunk decompresses the whole chunk every time — once per
//! piece. Such a box is assembled here from whole decoded chunks, and the
//! last `KEPT_PER_THREAD` decoded chunks stay in a per-thread cache, so the
//! consecutive pieces of one arr chunk (evaluated in order on one worker)
//! decode every storage chunk they touch once. Memory: at most that many
//! storage chunks per worker thread; chunks larger than
//! `MAX_KEPT_CHUNK_BYTES` (e.g. big shards, which `zarrs` reads partially
//! and cheaply through their index) are left to `zarrs`.

use crate::array::{ArrayData, Elem};
use ndarray::{ArrayD, IxDyn, Slice};
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use zarrs::array::{Array, ArraySubset, ElementOwned};
use zarrs::filesystem::FilesystemStore;

/// Decoded chunks each thread keeps: two, so a piece that straddles a
/// chunk boundary finds both of its chunks.
const KEPT_PER_THREAD: usize = 2;

/// Chunks larger than this are not kept (nor assembled here).
pub const MAX_KEPT_CHUNK_BYTES: usize = 32 << 20;

static NEXT_SOURCE: AtomicU64 = AtomicU64::new(0);

/// A fresh identity for an opened array, so the cache never confuses two
/// arrays (not even one reopened after the file changed).
pub fn new_source_id() -> u64 {
    NEXT_SOURCE.fetch_add(1, Ordering::Relaxed)
}

/// One decoded storage chunk, its whole (edge-padded) chunk shape.
struct Kept {
    source: u64,
    chunk: Vec<u64>,
    data: Arc<ArrayData>,
}

thread_local! {
    static KEPT: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
}

/// The storage chunk `index` of `array` decoded, from this thread's cache
/// or decoded now (and kept, evicting the oldest).
fn decoded_chunk<T: Elem + ElementOwned>(
    array: &Array<FilesystemStore>,
    source: u64,
    index: &[u64],
) -> Result<Arc<ArrayData>, String> {
    let hit = KEPT.with(|k| {
        k.borrow().iter().find(|e| e.source == source && e.chunk == index).map(|e| e.data.clone())
    });
    if let Some(data) = hit {
        return Ok(data);
    }
    let shape: Vec<usize> = array
        .chunk_shape(index)
        .map_err(|e| e.to_string())?
        .iter()
        .map(|n| n.get() as usize)
        .collect();
    let elements: Vec<T> = array.retrieve_chunk(index).map_err(|e| e.to_string())?;
    let decoded = ArrayD::from_shape_vec(IxDyn(&shape), elements).map_err(|e| e.to_string())?;
    let data = Arc::new(T::wrap(decoded));
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        if k.len() >= KEPT_PER_THREAD {
            k.remove(0);
        }
        k.push(Kept { source, chunk: index.to_vec(), data: data.clone() });
    });
    Ok(data)
}

/// The unit-step box `ranges` of `array`, as a C-order array.
pub fn read_box<T: Elem + ElementOwned>(
    array: &Array<FilesystemStore>,
    source: u64,
    storage: &[usize],
    ranges: &[Range<u64>],
) -> Result<ArrayD<T>, String> {
    let subset = ArraySubset::new_with_ranges(ranges);
    let shape: Vec<usize> = ranges.iter().map(|r| (r.end - r.start) as usize).collect();
    let chunk_bytes = storage.iter().product::<usize>().saturating_mul(size_of::<T>());
    let chunks = array
        .chunks_in_array_subset(&subset)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("the box {ranges:?} is outside the array"))?;
    let whole_chunks = || -> Result<bool, String> {
        for index in &chunks.indices() {
            let c = array.chunk_subset(&index).map_err(|e| e.to_string())?;
            // An edge chunk reaches past the array's end: only its part inside counts.
            let inside = (0..ranges.len()).all(|a| {
                let (s, n) = (c.start()[a], c.shape()[a]);
                s >= ranges[a].start && (s + n).min(array.shape()[a]) <= ranges[a].end
            });
            if !inside {
                return Ok(false);
            }
        }
        Ok(true)
    };
    if chunk_bytes > MAX_KEPT_CHUNK_BYTES || whole_chunks()? {
        let v: Vec<T> = array.retrieve_array_subset(&subset).map_err(|e| e.to_string())?;
        return ArrayD::from_shape_vec(IxDyn(&shape), v).map_err(|e| e.to_string());
    }
    let mut out = ArrayD::<T>::default(IxDyn(&shape));
    for index in &chunks.indices() {
        let c = array.chunk_subset(&index).map_err(|e| e.to_string())?;
        let overlap = c.overlap(&subset).map_err(|e| e.to_string())?;
        let data = decoded_chunk::<T>(array, source, &index)?;
        let decoded = T::unwrap_ref(&data).ok_or("a decoded chunk of another dtype")?;
        let (start, len) = (overlap.start(), overlap.shape());
        let from = decoded.slice_each_axis(|ax| {
            let a = ax.axis.index();
            let s = (start[a] - c.start()[a]) as usize;
            Slice::from(s..s + len[a] as usize)
        });
        out.slice_each_axis_mut(|ax| {
            let a = ax.axis.index();
            let s = (start[a] - ranges[a].start) as usize;
            Slice::from(s..s + len[a] as usize)
        })
        .assign(&from);
    }
    Ok(out)
}
