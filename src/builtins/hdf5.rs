//! Builtins for HDF5 files: `from_hdf5`, `h5open` (and `h5py.File`),
//! `to_hdf5`, the attributes and members of file, group and dataset
//! handles, and `tempdir` for scratch files. The file format itself lives
//! in `crate::io::hdf5`.

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value};
use crate::io::hdf5::write::{NewDataset, storage_chunks, write_block, write_datasets};
use crate::io::hdf5::{AttrValue, H5Kind, H5Object, Hdf5Source, default_chunks};
use crate::io::source::ArraySource;
use crate::ir::chunks::{AxisChunks, ChunkSpec};
use crate::ir::{NodeRef, build};
use std::path::PathBuf;
use std::sync::Arc;

fn io_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Io, msg, span)
}

fn type_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Type, msg, span)
}

fn value_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Value, msg, span)
}

fn string(v: &Value, span: Span, what: &str) -> R<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(type_err(format!("{what} must be a string, not {}", other.type_name()), span)),
    }
}

/// A lazy array over a dataset: `chunks=None` or `"auto"` follow the
/// dataset's storage chunks ([`default_chunks`]), anything else is a
/// normal `chunks=` request.
fn source_array(source: Hdf5Source, chunks: &Value, span: Span) -> R<NodeRef> {
    let (shape, dtype) = (source.shape().to_vec(), source.dtype());
    let spec = match chunks {
        Value::None => None,
        Value::Str(s) if &**s == "auto" => None,
        v => Some(to_chunks(v, span)?),
    };
    let spec = spec.unwrap_or_else(|| {
        let storage = source.storage_chunks();
        let sizes = default_chunks(&shape, dtype.size(), storage.as_deref());
        ChunkSpec::PerAxis(sizes.into_iter().map(AxisChunks::Size).collect())
    });
    let grid = build::chunks_for(&spec, &shape, dtype).map_err(|d| d.or_span(span))?;
    Ok(build::read(Arc::new(source), grid))
}

/// The array of a dataset handle (for `from_array`, `array`, `ds[...]`).
pub fn dataset_array(h: &H5Object, chunks: &Value, span: Span) -> R<NodeRef> {
    let source = Hdf5Source::open(&h.file, &h.name).map_err(|m| io_err(m, span))?;
    source_array(source, chunks, span)
}

fn from_hdf5(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (p, ps) = a.get("path");
    interp.check_file_access("from_hdf5", Some(ps))?;
    let path = PathBuf::from(string(&p, ps, "the path")?);
    let (d, ds) = a.get("dataset");
    let name = string(&d, ds, "the dataset name")?;
    let source = Hdf5Source::open(&path, &name).map_err(|m| io_err(m, ps.join(ds)))?;
    Ok(Value::Array(source_array(source, &a.value("chunks"), a.span("chunks"))?))
}

fn h5open(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (p, ps) = a.get("name");
    interp.check_file_access("h5open", Some(ps))?;
    if let Value::Str(mode) = a.value("mode")
        && &*mode != "r"
    {
        return Err(value_err(
            format!("arr opens HDF5 files read-only (mode 'r'), not mode {mode:?}"),
            a.span("mode"),
        )
        .with_hint("write datasets with to_hdf5(path, dataset, x)"));
    }
    let path = PathBuf::from(string(&p, ps, "the file name")?);
    let h = H5Object::open_file(&path).map_err(|m| io_err(m, ps))?;
    Ok(Value::Hdf5(Arc::new(h)))
}

/// `obj[key]` for a file or group handle.
pub fn member(h: &H5Object, key: &Value, span: Span) -> R<Value> {
    let key = string(key, span, "an HDF5 member name")?;
    Ok(Value::Hdf5(Arc::new(h.member(&key).map_err(|m| io_err(m, span))?)))
}

fn attr_value(v: &AttrValue) -> Value {
    match v {
        AttrValue::Int(i) => Value::Int(*i),
        AttrValue::Float(f) => Value::Float(*f),
        AttrValue::Str(s) => Value::str(s),
        AttrValue::Array(a) => Value::Array(build::literal(a.clone(), None)),
        AttrValue::Unsupported(t) => Value::str(&format!("<unreadable HDF5 attribute: {t}>")),
    }
}

/// `handle.name`: attributes of file, group and dataset handles.
pub fn attribute(v: &Value, h: &H5Object, name: &str, span: Span) -> R<Value> {
    let info = match &h.kind {
        H5Kind::Dataset(info) => Some(info),
        _ => None,
    };
    Ok(match (name, info) {
        ("name", _) => Value::str(&h.name),
        ("filename", _) => Value::str(&h.file.display().to_string()),
        ("attrs", _) => Value::Dict(Arc::new(
            h.attrs.iter().map(|(k, a)| (Value::str(k), attr_value(a))).collect(),
        )),
        ("shape", Some(i)) => Value::usize_tuple(&i.shape),
        ("ndim", Some(i)) => Value::Int(i.shape.len() as i64),
        ("size", Some(i)) => Value::Int(i.shape.iter().product::<usize>() as i64),
        ("chunks", Some(i)) => match &i.storage_chunks {
            Some(c) => Value::usize_tuple(c),
            None => Value::None,
        },
        ("dtype", Some(i)) => match &i.dtype {
            Ok(d) => Value::DType(*d),
            Err(_) => return Err(io_err(i.numeric_dtype().unwrap_err(), span)),
        },
        _ => match super::lookup(Module::H5py, name).filter(|b| b.name != "File") {
            Some(b) => Value::Method(Box::new(v.clone()), b),
            None => {
                return Err(Diagnostic::new(
                    ErrorKind::Name,
                    format!("'{}' object has no attribute '{name}'", v.type_name()),
                    span,
                )
                .with_label("unknown attribute"));
            }
        },
    })
}

/// `chunks=` of `to_hdf5` for one array: `True` follows the array's
/// chunks, `False`/`None` stores contiguously, a tuple is the chunk shape.
fn write_chunks(x: &NodeRef, chunks: &Value, span: Span) -> R<Option<Vec<usize>>> {
    // HDF5 cannot chunk a scalar, nor an empty axis of a fixed-size dataset.
    if x.shape.is_empty() || x.shape.contains(&0) {
        return Ok(None);
    }
    let sizes = match chunks {
        Value::Bool(false) | Value::None => return Ok(None),
        Value::Bool(true) => storage_chunks(&x.chunks, x.dtype.size()),
        v => {
            let sizes = to_shape(v, span)?;
            if sizes.len() != x.ndim() {
                return Err(value_err(
                    format!(
                        "chunks {sizes:?} has {} entries but the array has {} dimensions",
                        sizes.len(),
                        x.ndim()
                    ),
                    span,
                ));
            }
            if sizes.contains(&0) {
                return Err(value_err("chunk sizes must be positive", span));
            }
            sizes
        }
    };
    Ok(Some(sizes.iter().zip(&x.shape).map(|(&c, &n)| c.min(n)).collect()))
}

/// gzip level from `compression=` and `compression_opts=` (h5py's rules:
/// `"gzip"` with level 0-9, default 4; a bare integer is a gzip level).
fn gzip_level(a: &Args) -> R<Option<u8>> {
    let level = |v: &Value, span| -> R<u8> {
        match to_int(v, span, "the gzip level")? {
            l @ 0..=9 => Ok(l as u8),
            l => Err(value_err(format!("the gzip level must be 0 to 9, not {l}"), span)),
        }
    };
    match a.value("compression") {
        Value::None => Ok(None),
        Value::Str(s) if &*s == "gzip" => match a.value("compression_opts") {
            Value::None => Ok(Some(4)),
            v => level(&v, a.span("compression_opts")).map(Some),
        },
        v @ Value::Int(_) => level(&v, a.span("compression")).map(Some),
        other => Err(value_err(
            format!("compression {} is not available; use 'gzip'", crate::interp::repr(&other)),
            a.span("compression"),
        )),
    }
}

fn to_hdf5(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let first = a.get("filename");
    let second = a.get("datapath");
    let third = a.get("x");
    // `x.to_hdf5(path, dataset)` binds the array first.
    let (path, target, x) = match first.0 {
        Value::Array(_) => (second, third, first),
        _ => (first, second, third),
    };
    interp.check_file_access("to_hdf5", Some(path.1))?;
    let file = PathBuf::from(string(&path.0, path.1, "the file name")?);
    let items: Vec<(String, NodeRef)> = match &target.0 {
        Value::Dict(d) => {
            if !matches!(x.0, Value::None) {
                return Err(type_err("with a dict of datasets, pass no separate array", x.1));
            }
            let mut items = Vec::new();
            for (k, v) in d.iter() {
                items.push((string(k, target.1, "a dataset name")?, to_array(v, target.1)?));
            }
            items
        }
        Value::Str(s) => {
            if matches!(x.0, Value::None) {
                return Err(type_err("to_hdf5 needs the array to write", a.call_span));
            }
            vec![(s.to_string(), to_array(&x.0, x.1)?)]
        }
        other => {
            return Err(type_err(
                format!(
                    "the dataset must be a name or a dict of names to arrays, not {}",
                    other.type_name()
                ),
                target.1,
            ));
        }
    };
    let gzip = gzip_level(a)?;
    let overwrite = to_bool(&a.value("overwrite"), a.span("overwrite"), "overwrite")?;
    let mut specs = Vec::with_capacity(items.len());
    for (name, x) in &items {
        let name = crate::io::hdf5::absolute(name);
        if specs.iter().any(|s: &NewDataset| s.name == name) {
            return Err(value_err(format!("dataset {name} is given twice"), target.1));
        }
        let chunks = write_chunks(x, &a.value("chunks"), a.span("chunks"))?;
        if gzip.is_some() && chunks.is_none() && !x.shape.is_empty() && !x.shape.contains(&0) {
            return Err(value_err("compression needs chunked storage", a.span("compression"))
                .with_hint("leave chunks=True (the default) or give a chunk shape"));
        }
        specs.push(NewDataset { name, dtype: x.dtype, shape: x.shape.clone(), chunks, gzip });
    }
    let shown = file.display().to_string();
    write_datasets(&file, &specs, overwrite, &mut |i, ds| {
        let name = &specs[i].name;
        interp.with_plan(&items[i].1, |plan, ctx| {
            crate::exec::store::for_each_chunk(plan, ctx, &mut |region, block| {
                write_block(ds, region, &block).map_err(|m| {
                    Diagnostic::global(ErrorKind::Io, format!("writing {shown}:{name}: {m}"))
                })
            })
        })
    })
    .map_err(|d| d.or_span(a.call_span))?;
    Ok(Value::None)
}

fn keys(_: &mut Interp, a: &mut Args) -> R<Value> {
    match a.value("obj") {
        Value::Hdf5(h) => {
            Ok(Value::List(Arc::new(h.members.iter().map(|m| Value::str(m)).collect())))
        }
        other => Err(type_err(format!("keys() of a {}", other.type_name()), a.span("obj"))),
    }
}

fn tempdir(interp: &mut Interp, a: &mut Args) -> R<Value> {
    interp.check_file_access("tempdir", Some(a.call_span))?;
    let dir = interp.scratch_dir().map_err(|e| io_err(e, a.call_span))?;
    Ok(Value::str(&dir.display().to_string()))
}

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "from_hdf5",
        module: Module::Root,
        signature: "from_hdf5(path, dataset, chunks=None)",
        doc: "A lazy array over an HDF5 dataset: chunks are read (hyperslab by hyperslab) only \
              when computed, and slices read only what they need. `chunks=None` follows the \
              dataset's storage chunks (whole multiples of them, near the auto chunk size); \
              bool, integer and float datasets are read.",
        examples: &["p = tempdir() + '/a.h5'; to_hdf5(p, '/x', arange(12.0).reshape(3, 4)); \
             from_hdf5(p, '/x', chunks=(2, 2))[1:, ::2].compute()"],
        method: false,
        imp: from_hdf5,
    },
    Builtin {
        name: "h5open",
        module: Module::Root,
        signature: "h5open(name, mode='r')",
        doc: "Opens an HDF5 file (read-only) as h5py does: `f['/x']` is a dataset handle with \
              `shape`, `dtype`, `chunks` and `attrs`, `f.keys()` lists members, and \
              `from_array(f['/x'], chunks=...)` reads it lazily. Also `h5py.File(name)`.",
        examples: &["p = tempdir() + '/a.h5'; to_hdf5(p, '/x', ones((4, 5))); f = h5open(p); \
             (f.keys(), f['/x'], f['x'].shape, from_array(f['/x'], chunks=2).sum())"],
        method: false,
        imp: h5open,
    },
    Builtin {
        name: "to_hdf5",
        module: Module::Root,
        signature: "to_hdf5(filename, datapath, x=None, *, chunks=True, compression=None, \
                    compression_opts=None, overwrite=False)",
        doc: "Writes arrays into an HDF5 file, streaming chunk by chunk (dask's argument order; \
              also `x.to_hdf5(filename, datapath)` and `to_hdf5(filename, {'/a': a, '/b': b})`). \
              Storage is chunked like `x` (`chunks=True`, capped at 16 MiB), contiguous with \
              `chunks=False`, or a given chunk shape; `compression='gzip'` with level \
              `compression_opts` (default 4). Other datasets of an existing file are kept; \
              replacing one needs `overwrite=True`. The file is written under a temporary \
              name and renamed into place when complete.",
        examples: &["p = tempdir() + '/a.h5'; to_hdf5(p, '/x', arange(10), compression='gzip'); \
             arange(3.0).to_hdf5(p, '/y'); to_hdf5(p, {'/a': ones(2), '/b': zeros(3)}); \
             h5open(p).keys()"],
        method: true,
        imp: to_hdf5,
    },
    Builtin {
        name: "tempdir",
        module: Module::Root,
        signature: "tempdir()",
        doc: "A new empty scratch directory (under the system's temporary directory), removed \
              with everything in it when the session ends: for examples and tests that write \
              files.",
        examples: &["d = tempdir(); to_hdf5(d + '/x.h5', 'x', ones(3)); len(d) > 0"],
        method: false,
        imp: tempdir,
    },
];

/// `h5py`'s `File`, and the methods of handles (`f.keys()`).
pub static H5PY: &[Builtin] = &[
    Builtin {
        name: "File",
        module: Module::H5py,
        signature: "File(name, mode='r')",
        doc: "`h5py.File(name)`: the same read-only file handle as `h5open`.",
        examples: &["import h5py; p = tempdir() + '/a.h5'; to_hdf5(p, '/x', ones(3)); \
             h5py.File(p, mode='r')['x']"],
        method: false,
        imp: h5open,
    },
    Builtin {
        name: "keys",
        module: Module::H5py,
        signature: "keys(obj)",
        doc: "The member names of an HDF5 file or group handle, sorted (`f.keys()`).",
        examples: &["p = tempdir() + '/a.h5'; to_hdf5(p, {'/a': ones(2), '/g/b': ones(3)}); \
             (h5open(p).keys(), h5open(p)['g'].keys())"],
        method: false,
        imp: keys,
    },
    Builtin {
        name: "close",
        module: Module::H5py,
        signature: "close(obj)",
        doc: "`f.close()`: accepted for h5py code; arr keeps no file open between calls.",
        examples: &["p = tempdir() + '/a.h5'; to_hdf5(p, 'x', ones(3)); f = h5open(p); f.close()"],
        method: false,
        imp: |_, _| Ok(Value::None),
    },
];
