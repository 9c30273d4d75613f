//! Writing datasets into an HDF5 file all-or-nothing.
//!
//! The file is built under the temporary name of [`crate::io::temporary_for`]
//! (`.NAME.arr-tmp` beside the target): a copy of the existing file when
//! it holds anything the write does not replace (so its other datasets and
//! attributes are kept), else a new file. The new
//! datasets are created there and filled block by block by the caller
//! (hyperslab writes of streamed chunks); only after the file is closed and
//! synced is it renamed over the target. On any error, including
//! cancellation, the temporary is removed and the target is untouched; a
//! stale temporary from a crash is simply overwritten by the next write.

use super::{absolute, open};
use crate::array::{ArrayData, DType};
use crate::diag::{Diagnostic, ErrorKind};
use crate::exec::region::Region;
use std::path::Path;

/// A dataset to create: its name, element type, shape and storage.
#[derive(Clone, Debug, PartialEq)]
pub struct NewDataset {
    /// Absolute name in the file (`/t2m`, `/group/x`).
    pub name: String,
    pub dtype: DType,
    pub shape: Vec<usize>,
    /// Storage chunk shape; `None` stores the dataset contiguously.
    pub chunks: Option<Vec<usize>>,
    /// gzip (deflate) level, 0-9.
    pub gzip: Option<u8>,
}

/// Storage chunks are capped at this many bytes: HDF5 reads and
/// decompresses whole chunks, so huge ones make small slices expensive.
pub const MAX_STORAGE_CHUNK_BYTES: usize = 16 << 20;

/// The storage chunk shape for an array chunked as `chunks` (the largest
/// chunk per axis), halved along its longest axis while it exceeds
/// [`MAX_STORAGE_CHUNK_BYTES`]; every entry at least 1.
pub fn storage_chunks(chunks: &[Vec<usize>], itemsize: usize) -> Vec<usize> {
    let mut sizes: Vec<usize> =
        chunks.iter().map(|c| c.iter().copied().max().unwrap_or(1).max(1)).collect();
    while sizes.iter().product::<usize>().saturating_mul(itemsize) > MAX_STORAGE_CHUNK_BYTES {
        let Some(longest) = (0..sizes.len()).max_by_key(|&a| sizes[a]) else { break };
        if sizes[longest] == 1 {
            break;
        }
        sizes[longest] = sizes[longest].div_ceil(2);
    }
    sizes
}

fn io_err(message: String) -> Diagnostic {
    Diagnostic::global(ErrorKind::Io, message)
}

/// Creates `datasets` in the file at `path` (replacing existing ones only
/// when `overwrite`), calls `fill(i, dataset)` for each in order, then
/// moves the finished file into place. See the module doc for the
/// guarantees.
pub fn write_datasets(
    path: &Path,
    datasets: &[NewDataset],
    overwrite: bool,
    fill: &mut dyn FnMut(usize, &hdf5::Dataset) -> Result<(), Diagnostic>,
) -> Result<(), Diagnostic> {
    if path.file_name().is_none() {
        return Err(io_err(format!("{}: not a file name", path.display())));
    }
    let shown = path.display().to_string();
    // Check the target before anything is written.
    let mut keep_old_content = false;
    if path.exists() {
        let file = open(path).map_err(|m| io_err(format!("cannot add datasets: {m}")))?;
        for d in datasets {
            if file.link_exists(d.name.trim_start_matches('/')) && !overwrite {
                return Err(io_err(format!("{shown} already has a dataset {}", d.name))
                    .with_hint("pass overwrite=True to replace it"));
            }
        }
        keep_old_content = !replaces_everything(&file, datasets);
    }
    let tmp = crate::io::temporary_for(path);
    let result = (|| {
        let file = if keep_old_content {
            std::fs::copy(path, &tmp)
                .map_err(|e| io_err(format!("copying {shown} to {}: {e}", tmp.display())))?;
            super::options().open_rw(&tmp)
        } else {
            super::options().create(&tmp)
        }
        .map_err(|e| io_err(format!("creating {}: {e}", tmp.display())))?;
        for (i, d) in datasets.iter().enumerate() {
            let rel = d.name.trim_start_matches('/');
            if file.link_exists(rel) {
                file.unlink(rel)
                    .map_err(|e| io_err(format!("replacing {shown}:{}: {e}", d.name)))?;
            }
            let ds = create(&file, d)
                .map_err(|e| io_err(format!("creating dataset {} in {shown}: {e}", d.name)))?;
            fill(i, &ds)?;
        }
        file.flush().map_err(|e| io_err(format!("writing {shown}: {e}")))?;
        file.close().map_err(|e| io_err(format!("closing {shown}: {e}")))?;
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .and_then(|_| std::fs::rename(&tmp, path))
            .map_err(|e| io_err(format!("writing {shown}: {e}")))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Whether writing `datasets` replaces all `file` holds: its root has no
/// attributes and only top-level datasets, each of them among `datasets`.
/// Then the new file starts empty instead of as a copy of the old one,
/// which would copy every byte only to unlink it (an 800 MB rewrite spent
/// most of its time in that copy).
fn replaces_everything(file: &hdf5::File, datasets: &[NewDataset]) -> bool {
    let written: Vec<String> = datasets.iter().map(|d| absolute(&d.name)).collect();
    let root_only_datasets = super::members(file, "/").iter().all(|m| file.dataset(m).is_ok());
    root_only_datasets
        && file.attr_names().is_ok_and(|a| a.is_empty())
        && super::all_datasets(file).iter().all(|d| written.contains(d))
}

fn create(file: &hdf5::File, d: &NewDataset) -> hdf5::Result<hdf5::Dataset> {
    let name = absolute(&d.name);
    crate::with_dtype!(d.dtype, T => {
        let mut b = file.new_dataset::<T>();
        if let Some(c) = &d.chunks {
            b = b.chunk(c.clone());
            if let Some(level) = d.gzip {
                b = b.deflate(level);
            }
        }
        b.shape(d.shape.clone()).create(name.as_str())
    })
}

/// Writes one computed block at `region` of the dataset.
pub fn write_block(ds: &hdf5::Dataset, region: &Region, block: &ArrayData) -> Result<(), String> {
    let slab: Vec<crate::io::source::Hyperslab> = region
        .iter()
        .map(|r| crate::io::source::Hyperslab {
            start: r.start.max(0) as usize,
            step: r.step.max(1) as usize,
            count: r.len,
        })
        .collect();
    if slab.iter().any(|h| h.count == 0) {
        return Ok(());
    }
    crate::with_data!(block, a, T => {
        let a = a.as_standard_layout();
        if slab.is_empty() {
            ds.write(&a)
        } else {
            ds.write_slice(&a, super::selection(&slab))
        }
    })
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(name: &str) -> NewDataset {
        NewDataset {
            name: name.into(),
            dtype: DType::Float64,
            shape: vec![2],
            chunks: None,
            gzip: None,
        }
    }

    #[test]
    fn only_a_file_holding_nothing_but_the_replaced_datasets_starts_fresh() {
        let dir = std::env::temp_dir().join(format!("arr-replaces-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("f.h5");
        let file = crate::io::hdf5::options().create(&path).unwrap();
        file.new_dataset::<f64>().shape(vec![2]).create("a").unwrap();
        assert!(replaces_everything(&file, &[new("a")]));
        assert!(replaces_everything(&file, &[new("/a"), new("b")]));
        assert!(!replaces_everything(&file, &[new("b")]));
        file.new_dataset::<f64>().shape(vec![2]).create("c").unwrap();
        assert!(!replaces_everything(&file, &[new("a")]));
        assert!(replaces_everything(&file, &[new("a"), new("c")]));
        file.new_attr::<i64>().create("version").unwrap();
        assert!(!replaces_everything(&file, &[new("a"), new("c")]), "a root attribute is kept");
        let grouped = crate::io::hdf5::options().create(dir.join("g.h5")).unwrap();
        grouped.create_group("g").unwrap().new_dataset::<f64>().shape(vec![2]).create("x").unwrap();
        assert!(!replaces_everything(&grouped, &[new("/g/x")]), "groups are kept by copying");
        drop((file, grouped));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn storage_chunks_follow_the_array_chunks_and_are_capped() {
        assert_eq!(storage_chunks(&[vec![1000, 1000, 500], vec![100]], 8), vec![1000, 100]);
        let big = storage_chunks(&[vec![100_000], vec![1000]], 8);
        assert!(big.iter().product::<usize>() * 8 <= MAX_STORAGE_CHUNK_BYTES, "{big:?}");
        assert_eq!(big[1], 1000);
        assert_eq!(storage_chunks(&[vec![0]], 8), vec![1]);
    }
}
