//! HDF5 files through the system libhdf5 (crate `hdf5-metno`, imported as
//! `hdf5`): opening files with errors that name the path, what a dataset
//! holds ([`DatasetInfo`]: shape, dtype, storage chunks, attributes), the
//! [`Hdf5Source`] that reads hyperslabs of a dataset for `Op::Read`, and
//! (in [`write`]) streaming arrays into a file all-or-nothing.
//!
//! libhdf5 is not thread-safe; `hdf5-metno` wraps every library call in one
//! process-wide reentrant lock (`hdf5::sync::sync`, used by its `h5call!`),
//! so reads from rayon workers are serialised there and need no lock here.

pub mod write;

use crate::array::{ArrayData, DType};
use crate::io::source::{ArraySource, Hyperslab};
use hdf5::types::{FloatSize, IntSize, TypeDescriptor};
use std::path::{Path, PathBuf};

/// The element type `descriptor` maps to, if arr has it.
pub fn dtype_of(descriptor: &TypeDescriptor) -> Option<DType> {
    use IntSize::*;
    Some(match descriptor {
        TypeDescriptor::Boolean => DType::Bool,
        TypeDescriptor::Integer(U1) => DType::Int8,
        TypeDescriptor::Integer(U2) => DType::Int16,
        TypeDescriptor::Integer(U4) => DType::Int32,
        TypeDescriptor::Integer(U8) => DType::Int64,
        TypeDescriptor::Unsigned(U1) => DType::UInt8,
        TypeDescriptor::Unsigned(U2) => DType::UInt16,
        TypeDescriptor::Unsigned(U4) => DType::UInt32,
        TypeDescriptor::Unsigned(U8) => DType::UInt64,
        TypeDescriptor::Float(FloatSize::U4) => DType::Float32,
        TypeDescriptor::Float(FloatSize::U8) => DType::Float64,
        _ => return None,
    })
}

/// Opens `path` for reading: a missing file and a file that is not HDF5
/// are told apart (libhdf5's own message says neither clearly).
pub fn open(path: &Path) -> Result<hdf5::File, String> {
    let shown = path.display();
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!("{shown}: no such file"));
        }
        Err(e) => return Err(format!("{shown}: {e}")),
        Ok(m) if m.is_dir() => return Err(format!("{shown} is a directory, not an HDF5 file")),
        Ok(_) => {}
    }
    if !has_hdf5_signature(path) {
        return Err(format!("{shown} is not an HDF5 file"));
    }
    options().open(path).map_err(|e| format!("{shown}: cannot open as HDF5: {e}"))
}

/// How arr opens and creates files: without libhdf5's file locks. arr
/// never changes a file in place (a write builds a temporary and renames
/// it over the target), while lazy arrays keep their files open for
/// reading, so the locks only made re-reading a just-replaced file fail.
pub fn options() -> hdf5::FileBuilder {
    let mut b = hdf5::File::with_options();
    b.with_fapl(|p| p.file_locking(false));
    b
}

/// True when the file starts with the HDF5 signature (at offset 0; files
/// with a user block put it at 512, 1024, ... which is checked too).
fn has_hdf5_signature(path: &Path) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    const SIGNATURE: &[u8; 8] = b"\x89HDF\r\n\x1a\n";
    let Ok(mut f) = std::fs::File::open(path) else { return false };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let mut offset = 0u64;
    while offset + 8 <= len {
        let mut buf = [0u8; 8];
        if f.seek(SeekFrom::Start(offset)).is_err() || f.read_exact(&mut buf).is_err() {
            return false;
        }
        if &buf == SIGNATURE {
            return true;
        }
        offset = if offset == 0 { 512 } else { offset * 2 };
    }
    false
}

/// Names (without a leading `/`) of the members of a group, sorted, or
/// an empty list when `group` is not a group.
pub fn members(file: &hdf5::File, group: &str) -> Vec<String> {
    let mut names = match file.group(group) {
        Ok(g) => g.member_names().unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// Every dataset in the file, as absolute paths (for "did you mean" hints).
pub fn all_datasets(file: &hdf5::File) -> Vec<String> {
    fn walk(g: &hdf5::Group, prefix: &str, out: &mut Vec<String>) {
        let mut names = g.member_names().unwrap_or_default();
        names.sort();
        for n in names {
            let full = format!("{prefix}/{n}");
            if g.dataset(&n).is_ok() {
                out.push(full);
            } else if let Ok(sub) = g.group(&n) {
                walk(&sub, &full, out);
            }
        }
    }
    let mut out = Vec::new();
    if let Ok(root) = file.group("/") {
        walk(&root, "", &mut out);
    }
    out
}

/// The dataset `name`, or an error naming the file and listing what it holds.
pub fn dataset(file: &hdf5::File, path: &Path, name: &str) -> Result<hdf5::Dataset, String> {
    if file.link_exists(name.trim_start_matches('/')) || name == "/" {
        if let Ok(ds) = file.dataset(name) {
            return Ok(ds);
        }
        return Err(format!("{}:{name} is a group, not a dataset", path.display()));
    }
    let all = all_datasets(file);
    let held = if all.is_empty() {
        "the file holds no datasets".to_string()
    } else {
        format!("the file holds {}", all.join(", "))
    };
    Err(format!("{} has no dataset {name:?} ({held})", path.display()))
}

/// The HDF5 name of a dataset written by a path-like name: `x` and `/x`
/// are the same dataset.
pub fn absolute(name: &str) -> String {
    if name.starts_with('/') { name.to_string() } else { format!("/{name}") }
}

/// An attribute's value, as far as arr can show it.
#[derive(Clone, Debug, PartialEq)]
pub enum AttrValue {
    Int(i64),
    Float(f64),
    Str(String),
    Array(ArrayData),
    /// A type arr does not read (compound, references...): its description.
    Unsupported(String),
}

/// The attributes of a dataset, group or file, sorted by name.
pub fn attributes(loc: &hdf5::Location) -> Vec<(String, AttrValue)> {
    let mut names = loc.attr_names().unwrap_or_default();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let v = match loc.attr(&n) {
                Ok(a) => read_attribute(&a),
                Err(e) => AttrValue::Unsupported(e.to_string()),
            };
            (n, v)
        })
        .collect()
}

fn read_attribute(a: &hdf5::Attribute) -> AttrValue {
    use hdf5::types::{FixedAscii, FixedUnicode, VarLenAscii, VarLenUnicode};
    let Ok(descriptor) = a.dtype().and_then(|t| t.to_descriptor()) else {
        return AttrValue::Unsupported("unknown type".into());
    };
    let scalar = a.ndim() == 0;
    let unsupported = || AttrValue::Unsupported(format!("{descriptor}"));
    match &descriptor {
        TypeDescriptor::VarLenUnicode => {
            a.read_scalar::<VarLenUnicode>().map(|s| AttrValue::Str(s.to_string()))
        }
        TypeDescriptor::VarLenAscii => {
            a.read_scalar::<VarLenAscii>().map(|s| AttrValue::Str(s.to_string()))
        }
        // Fixed-length strings convert to a longer fixed type (NUL padded).
        TypeDescriptor::FixedAscii(_) => a
            .read_scalar::<FixedAscii<1024>>()
            .map(|s| AttrValue::Str(s.as_str().trim_end_matches('\0').to_string())),
        TypeDescriptor::FixedUnicode(_) => a
            .read_scalar::<FixedUnicode<1024>>()
            .map(|s| AttrValue::Str(s.as_str().trim_end_matches('\0').to_string())),
        d => match dtype_of(d) {
            Some(dtype) if scalar => match dtype {
                DType::Float32 | DType::Float64 => a.read_scalar::<f64>().map(AttrValue::Float),
                DType::Bool => a.read_scalar::<bool>().map(|b| AttrValue::Int(b as i64)),
                DType::UInt64 => a.read_scalar::<u64>().map(|v| match i64::try_from(v) {
                    Ok(i) => AttrValue::Int(i),
                    Err(_) => AttrValue::Float(v as f64),
                }),
                _ => a.read_scalar::<i64>().map(AttrValue::Int),
            },
            Some(dtype) => crate::with_dtype!(dtype, T => {
                a.read_dyn::<T>().map(|x| AttrValue::Array(<T as crate::array::Elem>::wrap(x)))
            }),
            None => return unsupported(),
        },
    }
    .unwrap_or_else(|e| AttrValue::Unsupported(e.to_string()))
}

/// What a dataset holds, read once when it is opened.
#[derive(Clone, Debug)]
pub struct DatasetInfo {
    pub file: PathBuf,
    /// The absolute name in the file: `/t2m`.
    pub name: String,
    pub shape: Vec<usize>,
    /// The element type, or the HDF5 type's description when arr has no
    /// matching dtype.
    pub dtype: Result<DType, String>,
    pub storage_chunks: Option<Vec<usize>>,
}

impl DatasetInfo {
    pub fn of(path: &Path, name: &str, ds: &hdf5::Dataset) -> DatasetInfo {
        let dtype = match ds.dtype().and_then(|t| t.to_descriptor()) {
            Ok(d) => dtype_of(&d).ok_or_else(|| d.to_string()),
            Err(e) => Err(e.to_string()),
        };
        DatasetInfo {
            file: path.to_path_buf(),
            name: absolute(name),
            shape: ds.shape(),
            dtype,
            storage_chunks: if ds.is_chunked() { ds.chunk() } else { None },
        }
    }

    /// The element type, or the error for a type arr cannot hold.
    pub fn numeric_dtype(&self) -> Result<DType, String> {
        self.dtype.clone().map_err(|t| {
            format!(
                "{}:{} has HDF5 type {t}, which arr cannot read (it reads bool, integers and \
                 float32/float64)",
                self.file.display(),
                self.name
            )
        })
    }
}

/// A file, group or dataset as `h5open` shows it: what it is and holds,
/// read when it is opened (no libhdf5 handle is kept).
#[derive(Clone, Debug)]
pub struct H5Object {
    pub file: PathBuf,
    /// Absolute name in the file; `/` for the file itself.
    pub name: String,
    pub kind: H5Kind,
    /// Member names of a file or group, sorted.
    pub members: Vec<String>,
    pub attrs: Vec<(String, AttrValue)>,
}

#[derive(Clone, Debug)]
pub enum H5Kind {
    File,
    Group,
    Dataset(DatasetInfo),
}

impl H5Object {
    /// The file at `path` (its root group).
    pub fn open_file(path: &Path) -> Result<H5Object, String> {
        let file = open(path)?;
        H5Object::at(&file, path, "/")
    }

    fn at(file: &hdf5::File, path: &Path, name: &str) -> Result<H5Object, String> {
        let shown = path.display();
        if let Ok(ds) = file.dataset(name) {
            let info = DatasetInfo::of(path, name, &ds);
            let attrs = attributes(&ds);
            return Ok(H5Object {
                file: path.to_path_buf(),
                name: absolute(name),
                kind: H5Kind::Dataset(info),
                members: Vec::new(),
                attrs,
            });
        }
        let group = file.group(name).map_err(|e| format!("{shown}:{name}: {e}"))?;
        let mut members = group.member_names().unwrap_or_default();
        members.sort();
        Ok(H5Object {
            file: path.to_path_buf(),
            name: absolute(name),
            kind: if name == "/" { H5Kind::File } else { H5Kind::Group },
            members,
            attrs: attributes(&group),
        })
    }

    /// `obj[key]`: a member of this file or group (`key` relative to it,
    /// or absolute with a leading `/`).
    pub fn member(&self, key: &str) -> Result<H5Object, String> {
        let shown = self.file.display();
        if matches!(self.kind, H5Kind::Dataset(_)) {
            return Err(format!("{shown}:{} is a dataset, not a group", self.name));
        }
        let full = if key.starts_with('/') {
            key.to_string()
        } else {
            format!("{}/{key}", self.name.trim_end_matches('/'))
        };
        let file = open(&self.file)?;
        let rel = full.trim_start_matches('/');
        if !rel.is_empty() && !file.link_exists(rel) {
            let held = if self.members.is_empty() {
                "it is empty".to_string()
            } else {
                format!("it holds {}", self.members.join(", "))
            };
            let place = if self.name == "/" { "" } else { self.name.as_str() };
            return Err(format!("{shown}{place} has no member {key:?} ({held})"));
        }
        H5Object::at(&file, &self.file, &full)
    }

    /// h5py's repr: `<HDF5 dataset "x": shape (4, 5), type "<f8">`.
    pub fn repr(&self) -> String {
        match &self.kind {
            H5Kind::File => {
                let base = self.file.file_name().map(|n| n.to_string_lossy().to_string());
                format!("<HDF5 file \"{}\" (mode r)>", base.unwrap_or_default())
            }
            H5Kind::Group => {
                format!("<HDF5 group \"{}\" ({} members)>", self.name, self.members.len())
            }
            H5Kind::Dataset(info) => {
                let base = self.name.rsplit('/').next().unwrap_or_default();
                let shape = match info.shape.as_slice() {
                    [n] => format!("({n},)"),
                    s => format!(
                        "({})",
                        s.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")
                    ),
                };
                let ty = match &info.dtype {
                    Ok(d) => crate::io::npy::header::descr(*d).to_string(),
                    Err(t) => t.clone(),
                };
                format!("<HDF5 dataset \"{base}\": shape {shape}, type \"{ty}\">")
            }
        }
    }
}

/// A dataset read through libhdf5, hyperslab by hyperslab.
pub struct Hdf5Source {
    info: DatasetInfo,
    dtype: DType,
    dataset: hdf5::Dataset,
    /// Elements read so far (what tests check slice pushdown with).
    elements_read: std::sync::atomic::AtomicUsize,
}

impl std::fmt::Debug for Hdf5Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Hdf5Source({})", self.describe())
    }
}

impl Hdf5Source {
    /// Opens dataset `name` of the file at `path`.
    pub fn open(path: &Path, name: &str) -> Result<Hdf5Source, String> {
        let file = open(path)?;
        let dataset = dataset(&file, path, name)?;
        let info = DatasetInfo::of(path, name, &dataset);
        let dtype = info.numeric_dtype()?;
        Ok(Hdf5Source { info, dtype, dataset, elements_read: Default::default() })
    }

    pub fn info(&self) -> &DatasetInfo {
        &self.info
    }

    /// How many elements all reads of this source have returned.
    pub fn elements_read(&self) -> usize {
        self.elements_read.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl ArraySource for Hdf5Source {
    fn describe(&self) -> String {
        format!("hdf5 {}:{}", self.info.file.display(), self.info.name)
    }
    fn dtype(&self) -> DType {
        self.dtype
    }
    fn shape(&self) -> &[usize] {
        &self.info.shape
    }
    fn storage_chunks(&self) -> Option<Vec<usize>> {
        self.info.storage_chunks.clone()
    }
    fn read(&self, slab: &[Hyperslab]) -> Result<ArrayData, String> {
        let shape: Vec<usize> = slab.iter().map(|h| h.count).collect();
        self.elements_read
            .fetch_add(shape.iter().product::<usize>(), std::sync::atomic::Ordering::Relaxed);
        crate::with_dtype!(self.dtype, T => {
            let a: ndarray::ArrayD<T> = if shape.iter().product::<usize>() == 0 {
                ndarray::ArrayD::default(ndarray::IxDyn(&shape))
            } else if shape.is_empty() {
                self.dataset.read_dyn::<T>().map_err(|e| e.to_string())?
            } else {
                self.dataset.read_slice(selection(slab)).map_err(|e| e.to_string())?
            };
            Ok(<T as crate::array::Elem>::wrap(a))
        })
    }
}

/// An HDF5 hyperslab selection for arr's per-axis hyperslabs.
pub fn selection(slab: &[Hyperslab]) -> hdf5::Hyperslab {
    hdf5::Hyperslab::from(
        slab.iter()
            .map(|h| hdf5::SliceOrIndex::SliceCount {
                start: h.start,
                step: h.step,
                count: h.count,
                block: 1,
            })
            .collect::<Vec<_>>(),
    )
}

/// The chunk grid `from_hdf5` uses by default: the dataset's storage
/// chunks, grown by whole multiples (last axis first, as C order makes
/// those reads contiguous) towards the auto chunk byte target, so each
/// task reads whole storage chunks; contiguous datasets get auto chunks.
pub fn default_chunks(shape: &[usize], itemsize: usize, storage: Option<&[usize]>) -> Vec<usize> {
    let target = crate::ir::chunks::auto_chunk_bytes().max(itemsize);
    let Some(storage) = storage.filter(|s| s.len() == shape.len()) else {
        let spec = crate::ir::chunks::ChunkSpec::Auto;
        return match crate::ir::chunks::normalize(&spec, shape, itemsize) {
            Ok(grid) => grid.iter().map(|c| c.iter().copied().max().unwrap_or(1).max(1)).collect(),
            Err(_) => shape.iter().map(|&n| n.max(1)).collect(),
        };
    };
    let mut sizes: Vec<usize> =
        storage.iter().zip(shape).map(|(&c, &n)| c.clamp(1, n.max(1))).collect();
    let bytes = |s: &[usize]| s.iter().product::<usize>().saturating_mul(itemsize);
    for axis in (0..shape.len()).rev() {
        while sizes[axis] < shape[axis] {
            let grown = (sizes[axis] + storage[axis].max(1)).min(shape[axis]);
            let mut trial = sizes.clone();
            trial[axis] = grown;
            if bytes(&trial) > target {
                break;
            }
            sizes = trial;
        }
        if sizes[axis] < shape[axis] {
            break;
        }
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("arr-hdf5-unit-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_slice_of_a_file_array_reads_only_the_selected_elements() {
        let dir = scratch("slice");
        let path = dir.join("x.h5");
        {
            let f = hdf5::File::create(&path).unwrap();
            let data = ndarray::Array::from_shape_fn((40, 50), |(i, j)| (100 * i + j) as f64);
            f.new_dataset_builder().with_data(&data).chunk((10, 10)).create("x").unwrap();
        }
        let src = Arc::new(Hdf5Source::open(&path, "/x").unwrap());
        assert_eq!(src.storage_chunks(), Some(vec![10, 10]));
        let x = crate::ir::build::read(src.clone(), vec![vec![20, 20], vec![25, 25]]);
        use crate::ir::{AxisSel, build};
        // x[3:30:9, 7] -> rows 3, 12, 21 of column 7
        let sel = vec![AxisSel::Range { start: 3, step: 9, len: 3 }, AxisSel::Index(7)];
        let y = crate::optimize::optimize(&build::slice(&x, sel).unwrap());
        let ctx = crate::exec::Ctx::new(Arc::new(std::sync::atomic::AtomicBool::new(false)));
        let ArrayData::F64(a) = crate::exec::compute(&y, &ctx).unwrap() else { panic!("dtype") };
        assert_eq!(a.iter().copied().collect::<Vec<_>>(), vec![307.0, 1207.0, 2107.0]);
        assert_eq!(src.elements_read(), 3, "only the three selected elements are read");
        // Reads from many worker threads at once (libhdf5 is serialised by hdf5-metno's lock).
        let whole = crate::ir::build::read(src.clone(), vec![vec![1; 40], vec![5; 10]]);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(4).build().unwrap();
        let ArrayData::F64(all) = pool.install(|| crate::exec::compute(&whole, &ctx)).unwrap()
        else {
            panic!("dtype")
        };
        assert_eq!(all[[39, 49]], 3949.0);
        assert_eq!(
            all.sum(),
            (0..40).flat_map(|i| (0..50).map(move |j| (100 * i + j) as f64)).sum::<f64>()
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn default_chunks_are_whole_multiples_of_the_storage_chunks() {
        let target = crate::ir::chunks::auto_chunk_bytes();
        // Last axis grows to the whole axis first, then the first axis by multiples.
        let c = default_chunks(&[100_000, 1000], 4, Some(&[100, 100]));
        assert_eq!(c[1], 1000);
        assert_eq!(c[0] % 100, 0);
        assert!(c[0] * 1000 * 4 <= target && (c[0] + 100) * 1000 * 4 > target, "{c:?}");
        // A storage chunk larger than the target is kept as it is.
        assert_eq!(default_chunks(&[10_000_000], 8, Some(&[5_000_000])), vec![5_000_000]);
        // Contiguous: auto chunks.
        let auto = default_chunks(&[4000, 4000], 8, None);
        assert!(auto.iter().product::<usize>() * 8 <= target);
    }
}
