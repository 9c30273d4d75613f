//! Zarr stores on the local filesystem, read lazily and written by
//! streaming, through the `zarrs` crate.
//!
//! Reading: [`open`] opens one array of a store (a directory; `component`
//! names an array inside a group) as an [`ArraySource`]. A hyperslab with
//! unit steps made of whole storage chunks is one `zarrs` subset read
//! (which decodes its chunks in parallel); one that cuts storage chunks is
//! assembled from whole decoded chunks kept per thread (`zarr/read.rs`), so the
//! pieces a reduction reads decode each chunk once; a strided hyperslab is read one storage chunk at a
//! time — the covering box of the chosen elements inside that chunk — and
//! picked, so memory stays at one storage chunk per read whatever the step.
//! Zarr v2 arrays are read too (`zarrs` converts their metadata), with the
//! codecs arr is built with: gzip, zstd and sharding (no blosc).
//!
//! Writing lives in [`write`]: Zarr v3, the array's chunks as the chunk
//! grid, each chunk computed and written once, the whole store built in a
//! temporary directory and swapped in only when complete.

mod read;
pub mod write;

use super::source::{ArraySource, Hyperslab};
use crate::array::{ArrayData, DType, Elem};
use crate::with_dtype;
use ndarray::{ArrayD, IxDyn, SliceInfoElem};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use zarrs::array::{Array, data_type as zdt};
use zarrs::filesystem::FilesystemStore;
use zarrs::plugin::{ExtensionName, ZarrVersion};

/// One array of a Zarr store, opened for reading.
pub struct ZarrSource {
    /// `zarr PATH` or `zarr PATH:COMPONENT`, for messages and plans.
    name: String,
    array: Array<FilesystemStore>,
    dtype: DType,
    shape: Vec<usize>,
    /// The first chunk's shape: the regular grid's chunk (a shard, for a
    /// sharded array).
    storage: Vec<usize>,
    /// This opening's identity in the decoded-chunk cache (`read.rs`).
    id: u64,
}

impl fmt::Debug for ZarrSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ZarrSource({})", self.name)
    }
}

/// The arr dtype of a Zarr data type, if arr has it.
fn dtype_of(dt: &zarrs::array::DataType) -> Option<DType> {
    Some(if dt.is::<zdt::BoolDataType>() {
        DType::Bool
    } else if dt.is::<zdt::Int8DataType>() {
        DType::Int8
    } else if dt.is::<zdt::Int16DataType>() {
        DType::Int16
    } else if dt.is::<zdt::Int32DataType>() {
        DType::Int32
    } else if dt.is::<zdt::Int64DataType>() {
        DType::Int64
    } else if dt.is::<zdt::UInt8DataType>() {
        DType::UInt8
    } else if dt.is::<zdt::UInt16DataType>() {
        DType::UInt16
    } else if dt.is::<zdt::UInt32DataType>() {
        DType::UInt32
    } else if dt.is::<zdt::UInt64DataType>() {
        DType::UInt64
    } else if dt.is::<zdt::Float32DataType>() {
        DType::Float32
    } else if dt.is::<zdt::Float64DataType>() {
        DType::Float64
    } else {
        return None;
    })
}

/// The Zarr data type a dtype is written as.
pub fn zarr_data_type(dtype: DType) -> zarrs::array::DataType {
    match dtype {
        DType::Bool => zdt::bool(),
        DType::Int8 => zdt::int8(),
        DType::Int16 => zdt::int16(),
        DType::Int32 => zdt::int32(),
        DType::Int64 => zdt::int64(),
        DType::UInt8 => zdt::uint8(),
        DType::UInt16 => zdt::uint16(),
        DType::UInt32 => zdt::uint32(),
        DType::UInt64 => zdt::uint64(),
        DType::Float32 => zdt::float32(),
        DType::Float64 => zdt::float64(),
    }
}

/// Where a store's node lives: `url` itself, or `url/component`.
pub fn node_dir(url: &Path, component: Option<&str>) -> PathBuf {
    match component {
        Some(c) => url.join(c.trim_matches('/')),
        None => url.to_path_buf(),
    }
}

/// Whether a directory holds Zarr metadata (v3 `zarr.json`, v2 `.zarray`
/// or `.zgroup`).
pub fn is_zarr_node(dir: &Path) -> bool {
    ["zarr.json", ".zarray", ".zgroup"].iter().any(|m| dir.join(m).is_file())
}

/// The `node_type` of a v3 node, or "group" for a v2 group.
fn node_type(dir: &Path) -> Option<String> {
    if dir.join(".zgroup").is_file() {
        return Some("group".into());
    }
    let text = std::fs::read_to_string(dir.join("zarr.json")).ok()?;
    let meta: serde_json::Value = serde_json::from_str(&text).ok()?;
    meta.get("node_type")?.as_str().map(str::to_string)
}

/// The names of the Zarr nodes directly inside a group directory, sorted.
fn members(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| is_zarr_node(&e.path()))
                .map(|e| e.file_name().to_string_lossy().to_string())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Checks a component path: relative, no `..`, so it stays inside the store.
pub fn check_component(component: &str) -> Result<(), String> {
    let parts: Vec<&str> = component.split('/').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() || parts.iter().any(|p| *p == "." || *p == "..") {
        return Err(format!(
            "component '{component}' must name a node inside the store (like 'group/array')"
        ));
    }
    Ok(())
}

/// An error opening a store, with an optional hint.
#[derive(Debug)]
pub struct OpenError {
    pub message: String,
    pub hint: Option<String>,
}

fn open_err(message: String) -> OpenError {
    OpenError { message, hint: None }
}

/// Opens the array at `url` (or `url/component`) for reading.
pub fn open(url: &Path, component: Option<&str>) -> Result<Arc<ZarrSource>, OpenError> {
    if let Some(c) = component {
        check_component(c).map_err(open_err)?;
    }
    let shown = match component {
        Some(c) => format!("{}:{}", url.display(), c.trim_matches('/')),
        None => url.display().to_string(),
    };
    if !url.is_dir() {
        let mut e = open_err(if url.exists() {
            format!("'{}' is not a Zarr store (not a directory)", url.display())
        } else {
            format!("no Zarr store at '{}': no such directory", url.display())
        });
        let aside = write::aside_for(url);
        if aside.is_dir() {
            e.hint = Some(format!(
                "an interrupted to_zarr left the previous store at '{}'; the next to_zarr to \
                 this path restores it",
                aside.display()
            ));
        }
        return Err(e);
    }
    let dir = node_dir(url, component);
    if !is_zarr_node(&dir) {
        let what = if dir.is_dir() { "has no Zarr metadata" } else { "does not exist" };
        return Err(open_err(format!("'{shown}' is not a Zarr array: {what}")));
    }
    if node_type(&dir).as_deref() == Some("group") {
        let names = members(&dir);
        return Err(OpenError {
            message: format!("'{shown}' is a Zarr group, not an array"),
            hint: Some(if names.is_empty() {
                "the group has no members".into()
            } else {
                format!("pass component= one of its members: {}", names.join(", "))
            }),
        });
    }
    let store = FilesystemStore::new(url)
        .map_err(|e| open_err(format!("cannot open '{}': {e}", url.display())))?;
    let path = match component {
        Some(c) => format!("/{}", c.trim_matches('/')),
        None => "/".to_string(),
    };
    let array = Array::open(Arc::new(store), &path)
        .map_err(|e| open_err(format!("cannot read the Zarr metadata of '{shown}': {e}")))?;
    let dtype = dtype_of(array.data_type()).ok_or_else(|| {
        let name = array
            .data_type()
            .name(ZarrVersion::V3)
            .map(|n| n.to_string())
            .unwrap_or_else(|| format!("{:?}", array.data_type()));
        OpenError {
            message: format!("'{shown}' has data type {name}, which arr does not support"),
            hint: Some(
                "arr reads bool, int8..int64, uint8..uint64, float32 and float64 arrays".into(),
            ),
        }
    })?;
    let to_usize = |v: &[u64]| -> Result<Vec<usize>, OpenError> {
        v.iter()
            .map(|&n| usize::try_from(n).map_err(|_| open_err(format!("'{shown}' is too large"))))
            .collect()
    };
    let shape = to_usize(array.shape())?;
    let zeros = vec![0u64; shape.len()];
    let storage = match array.chunk_shape(&zeros) {
        Ok(c) => c.iter().map(|n| usize::try_from(n.get()).unwrap_or(usize::MAX)).collect(),
        Err(_) => shape.iter().map(|&n| n.max(1)).collect(),
    };
    let id = read::new_source_id();
    Ok(Arc::new(ZarrSource { name: format!("zarr {shown}"), array, dtype, shape, storage, id }))
}

/// One run of chosen elements along an axis that lies inside one storage
/// chunk: file elements `start, start + step, …` (`count` of them), which
/// land at `out` in the result.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Piece {
    start: usize,
    count: usize,
    out: usize,
}

/// Splits one axis of a strided hyperslab at storage chunk boundaries (a
/// unit-step axis stays one piece: its covering box is its own elements).
fn pieces(h: Hyperslab, chunk: usize) -> Vec<Piece> {
    if h.count == 0 || h.step == 1 {
        return vec![Piece { start: h.start, count: h.count, out: 0 }];
    }
    let chunk = chunk.max(1);
    let mut out = Vec::new();
    let mut k = 0;
    while k < h.count {
        let first = h.start + h.step * k;
        let chunk_end = (first / chunk + 1) * chunk;
        // Chosen elements before the chunk's end: first + step * j < chunk_end.
        let n = ((chunk_end - first - 1) / h.step + 1).min(h.count - k);
        out.push(Piece { start: first, count: n, out: k });
        k += n;
    }
    out
}

impl ZarrSource {
    /// The unit-step box `ranges`, decoded into a C-order array.
    fn read_box<T: Elem + zarrs::array::ElementOwned>(
        &self,
        ranges: &[std::ops::Range<u64>],
    ) -> Result<ArrayD<T>, String> {
        read::read_box(&self.array, self.id, &self.storage, ranges)
    }

    fn read_typed<T: Elem + zarrs::array::ElementOwned>(
        &self,
        slab: &[Hyperslab],
    ) -> Result<ArrayData, String> {
        let counts: Vec<usize> = slab.iter().map(|h| h.count).collect();
        if counts.contains(&0) {
            return Ok(T::wrap(ArrayD::default(IxDyn(&counts))));
        }
        if slab.iter().all(|h| h.step == 1) {
            let ranges: Vec<_> =
                slab.iter().map(|h| h.start as u64..(h.start + h.count) as u64).collect();
            return Ok(T::wrap(self.read_box::<T>(&ranges)?));
        }
        let per_axis: Vec<Vec<Piece>> =
            slab.iter().zip(&self.storage).map(|(&h, &c)| pieces(h, c)).collect();
        let mut out = ArrayD::<T>::default(IxDyn(&counts));
        // Every combination of one piece per axis, in C order.
        let mut idx = vec![0usize; slab.len()];
        loop {
            let chosen: Vec<Piece> = idx.iter().zip(&per_axis).map(|(&i, p)| p[i]).collect();
            let ranges: Vec<_> = chosen
                .iter()
                .zip(slab)
                .map(|(p, h)| p.start as u64..(p.start + h.step * (p.count - 1) + 1) as u64)
                .collect();
            let block = self.read_box::<T>(&ranges)?;
            let pick: Vec<SliceInfoElem> = slab
                .iter()
                .map(|h| SliceInfoElem::Slice { start: 0, end: None, step: h.step as isize })
                .collect();
            let place: Vec<SliceInfoElem> = chosen
                .iter()
                .map(|p| SliceInfoElem::Slice {
                    start: p.out as isize,
                    end: Some((p.out + p.count) as isize),
                    step: 1,
                })
                .collect();
            out.slice_mut(pick_info(&place)).assign(&block.slice(pick_info(&pick)));
            // Next combination.
            let mut a = slab.len();
            loop {
                if a == 0 {
                    return Ok(T::wrap(out));
                }
                a -= 1;
                idx[a] += 1;
                if idx[a] < per_axis[a].len() {
                    break;
                }
                idx[a] = 0;
            }
        }
    }
}

/// A dynamic-rank slice description for ndarray.
fn pick_info(elems: &[SliceInfoElem]) -> ndarray::SliceInfo<&[SliceInfoElem], IxDyn, IxDyn> {
    // SAFETY-free constructor: `try_from` checks the element kinds match the ranks.
    ndarray::SliceInfo::try_from(elems).expect("only Slice elements: rank is preserved")
}

impl ArraySource for ZarrSource {
    fn describe(&self) -> String {
        self.name.clone()
    }
    fn dtype(&self) -> DType {
        self.dtype
    }
    fn shape(&self) -> &[usize] {
        &self.shape
    }
    fn storage_chunks(&self) -> Option<Vec<usize>> {
        Some(self.storage.clone())
    }
    fn read(&self, slab: &[Hyperslab]) -> Result<ArrayData, String> {
        with_dtype!(self.dtype, T => self.read_typed::<T>(slab))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_strided_axis_splits_at_chunk_boundaries() {
        // Elements 1, 4, 7, 10, 13 with chunks of 5: [1, 4], [7], [10, 13].
        let p = pieces(Hyperslab { start: 1, step: 3, count: 5 }, 5);
        assert_eq!(
            p,
            vec![
                Piece { start: 1, count: 2, out: 0 },
                Piece { start: 7, count: 1, out: 2 },
                Piece { start: 10, count: 2, out: 3 },
            ]
        );
        // A step longer than a chunk: one element per piece.
        let p = pieces(Hyperslab { start: 0, step: 7, count: 3 }, 5);
        assert_eq!(
            p.iter().map(|p| (p.start, p.count)).collect::<Vec<_>>(),
            [(0, 1), (7, 1), (14, 1)]
        );
        // Unit steps stay whole.
        assert_eq!(pieces(Hyperslab { start: 3, step: 1, count: 9 }, 5).len(), 1);
    }

    #[test]
    fn components_cannot_leave_the_store() {
        assert!(check_component("a/b").is_ok());
        assert!(check_component("../x").is_err());
        assert!(check_component("").is_err());
        assert!(check_component("a/./b").is_err());
    }
}
