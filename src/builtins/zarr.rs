//! Builtins for Zarr v3 stores: `from_zarr`, `to_zarr` (dask's names and
//! argument order). The formats themselves live in `io::zarr`: this module
//! checks arguments, sandboxing and chunking, and connects the lazy graph
//! to the reader and the streaming writer.

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value, repr};
use crate::io::source::ArraySource;
use crate::io::zarr::{self as zio, write::Compressor};
use crate::ir::chunks::{AxisChunks, ChunkSpec};
use crate::ir::{NodeRef, build};
use std::path::PathBuf;

fn type_err(msg: String, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Type, msg, span)
}

/// A path argument: a string.
fn path_arg(a: &Args, name: &str) -> R<PathBuf> {
    match a.value(name) {
        Value::Str(s) => Ok(PathBuf::from(s.to_string())),
        other => Err(type_err(
            format!("{name} must be a path string, got {}", other.type_name()),
            a.span(name),
        )),
    }
}

/// `component=`: `None` or a string naming a node inside the store.
fn component_arg(a: &Args) -> R<Option<String>> {
    match a.value("component") {
        Value::None => Ok(None),
        Value::Str(s) => {
            zio::check_component(&s)
                .map_err(|m| Diagnostic::new(ErrorKind::Value, m, a.span("component")))?;
            Ok(Some(s.to_string()))
        }
        other => Err(type_err(
            format!("component must be a string or None, got {}", other.type_name()),
            a.span("component"),
        )),
    }
}

fn from_zarr(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let url = path_arg(a, "url")?;
    let span = a.span("url");
    interp.check_file_access("from_zarr", Some(span))?;
    let component = component_arg(a)?;
    let source = zio::open(&url, component.as_deref()).map_err(|e| {
        let d = Diagnostic::new(ErrorKind::Io, e.message, span);
        match e.hint {
            Some(h) => d.with_hint(h),
            None => d,
        }
    })?;
    let chunks = if a.is_none("chunks") {
        crate::io::source::default_chunks(source.as_ref())
    } else {
        let (v, cspan) = a.get("chunks");
        build::chunks_for(&to_chunks(&v, cspan)?, source.shape(), source.dtype())
            .map_err(|d| d.or_span(cspan))?
    };
    Ok(Value::Array(build::read(source, chunks)))
}

/// The chunk grid `to_zarr` writes: Zarr's grid is regular (equal chunks,
/// a shorter last one), so an irregular grid is rechunked to its largest
/// chunk per axis first.
fn regular_grid(x: &NodeRef) -> R<(NodeRef, Vec<usize>)> {
    let sizes: Vec<usize> =
        x.chunks.iter().map(|c| c.iter().copied().max().unwrap_or(1).max(1)).collect();
    let regular = x.chunks.iter().zip(&sizes).all(|(c, &s)| {
        c.len() <= 1 || (c[..c.len() - 1].iter().all(|&l| l == s) && c[c.len() - 1] <= s)
    });
    if regular {
        return Ok((x.clone(), sizes));
    }
    let spec = ChunkSpec::PerAxis(sizes.iter().map(|&s| AxisChunks::Size(s)).collect());
    Ok((build::rechunk(x, &spec)?, sizes))
}

fn compressor_arg(a: &Args) -> R<Compressor> {
    Ok(match a.value("compressor") {
        Value::None => Compressor::None,
        Value::Str(s) if &*s == "zstd" => Compressor::Zstd(0),
        Value::Str(s) if &*s == "gzip" => Compressor::Gzip(5),
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Value,
                format!("unknown compressor {}", repr(&other)),
                a.span("compressor"),
            )
            .with_hint("use 'zstd' (the default), 'gzip' or None"));
        }
    })
}

fn to_zarr(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("arr"), a.span("arr"))?;
    let url = path_arg(a, "url")?;
    let span = a.span("url");
    interp.check_file_access("to_zarr", Some(span))?;
    let component = component_arg(a)?;
    let overwrite = to_bool(&a.value("overwrite"), a.span("overwrite"), "overwrite")?;
    let compressor = compressor_arg(a)?;
    let x = with_chunks(x, a, "chunks")?;
    let (x, chunk) = regular_grid(&x).map_err(|d| d.or_span(a.call_span))?;
    let target =
        zio::write::prepare(&url, component.as_deref(), overwrite).map_err(|d| d.or_span(span))?;
    let (shape, dtype) = (x.shape.clone(), x.dtype);
    interp
        .with_plan(&x, |plan, ctx| {
            zio::write::write_array(&target, &shape, dtype, &chunk, compressor, |w| {
                crate::exec::store::for_each_chunk(plan, ctx, &mut |region, block| {
                    let origin: Vec<usize> = region.iter().map(|r| r.start as usize).collect();
                    w.push(&origin, block)
                })
            })
        })
        .map_err(|d| d.or_span(a.call_span))?;
    Ok(Value::None)
}

const FROM_ZARR_DOC: &str = "dask's `from_zarr`: the array stored in a Zarr store (a local \
directory) as a lazy array; `component` names an array inside a group. Nothing is read until \
values are needed, and a slice reads only the chunks it touches. `chunks` defaults to the \
store's own chunks, grown by whole multiples up to about 8 MiB. Reads Zarr v3 and v2 arrays of \
bool, int8..int64, uint8..uint64, float32 and float64, uncompressed or with gzip or zstd \
(no blosc), sharded or not.";

const TO_ZARR_DOC: &str = "dask's `to_zarr`: stores an array as a Zarr v3 array (a local \
directory; `component` puts it inside a group, created if missing). The chunk grid is the \
array's chunks (`chunks=` rechunks first; an irregular grid is rechunked to its largest chunk \
per axis, as Zarr's grid is regular); the fill value is 0; `compressor` is 'zstd' (the \
default, as zarr-python's), 'gzip' or None. Chunks are computed and written a few at a time, \
so memory stays bounded. The store is built in a temporary directory `.NAME.arr-tmp` next to \
the target and swapped in only when complete: an error or Ctrl-C leaves the old store as it \
was. Replacing an existing store needs `overwrite=True` (and only a Zarr store is replaced).";

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "from_zarr",
        module: Module::Root,
        signature: "from_zarr(url, component=None, chunks=None)",
        doc: FROM_ZARR_DOC,
        examples: &[
            "to_zarr(arange(12).reshape(3, 4), '/tmp/arr-doc-from.zarr', overwrite=True)\n\
             x = from_zarr('/tmp/arr-doc-from.zarr', chunks=(2, 2))\n\
             x[1:, ::2].sum()",
        ],
        method: false,
        imp: from_zarr,
    },
    Builtin {
        name: "to_zarr",
        module: Module::Root,
        signature: "to_zarr(arr, url, component=None, overwrite=False, chunks=None, compressor='zstd')",
        doc: TO_ZARR_DOC,
        examples: &[
            "x = linspace(0, 1, 10, chunks=4)\n\
             x.to_zarr('/tmp/arr-doc-to.zarr', overwrite=True)\n\
             from_zarr('/tmp/arr-doc-to.zarr').chunks",
            "to_zarr(ones((4, 4), dtype=int32), '/tmp/arr-doc-group.zarr', component='a/b', \
             overwrite=True)\n\
             from_zarr('/tmp/arr-doc-group.zarr', component='a/b').dtype",
        ],
        method: true,
        imp: to_zarr,
    },
];
