//! Builtins that read and write plain files: `.npy` (`load`, `save`),
//! text (`loadtxt`, `genfromtxt`, `savetxt`, in `files/text.rs`) and
//! `glob`.
//!
//! `load` is lazy: the file stays open and chunks are read when computed
//! (see `io::npy`). `save` streams chunks into a temporary file renamed
//! into place when complete. Every function checks the sandbox first.

mod text;

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value, repr};
use crate::io::npy::NpySource;
use crate::ir::{build, chunks};
use std::path::PathBuf;
use std::sync::Arc;

fn io_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Io, msg, span)
}

/// A path argument: a string.
fn to_path(v: &Value, span: Span, what: &str) -> R<PathBuf> {
    match v {
        Value::Str(s) => Ok(PathBuf::from(&**s)),
        other => Err(Diagnostic::new(
            ErrorKind::Type,
            format!("{what} must be a file name (a str), got {}", other.type_name()),
            span,
        )),
    }
}

/// The file argument of a builtin, after the sandbox check.
fn file_arg(interp: &Interp, a: &Args, name: &str) -> R<PathBuf> {
    interp.check_file_access(&format!("{}()", a.func.name), Some(a.call_span))?;
    let (v, span) = a.get(name);
    to_path(&v, span, name)
}

fn load(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let path = file_arg(interp, a, "file")?;
    match a.value("mmap_mode") {
        Value::None => {}
        Value::Str(m) if ["r", "r+", "w+", "c"].contains(&&*m) => {}
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Value,
                format!("mmap_mode must be None, 'r', 'r+', 'w+' or 'c', got {}", repr(&other)),
                a.span("mmap_mode"),
            ));
        }
    }
    let source = NpySource::open(&path).map_err(|m| io_err(m, a.span("file")))?;
    let fortran = source.fortran_order();
    let file_shape = crate::io::source::ArraySource::shape(&source).to_vec();
    let dtype = crate::io::source::ArraySource::dtype(&source);
    // The file's own axes are C order; a Fortran file's are the reversed axes.
    let grid = if matches!(&a.value("chunks"), Value::Str(s) if &**s == "auto")
        || a.is_none("chunks")
    {
        chunks::c_order(&file_shape, dtype.size())
    } else {
        let (v, span) = a.get("chunks");
        let logical: Vec<usize> =
            if fortran { file_shape.iter().rev().copied().collect() } else { file_shape.clone() };
        let mut g = build::chunks_for(&to_chunks(&v, span)?, &logical, dtype)
            .map_err(|d| d.or_span(span))?;
        if fortran {
            g.reverse();
        }
        g
    };
    let node = build::read(Arc::new(source), grid);
    Ok(Value::Array(if fortran {
        build::transpose(&node, (0..file_shape.len()).rev().collect())?
    } else {
        node
    }))
}

/// `np.save` appends `.npy` to a name that lacks it.
fn npy_name(mut path: PathBuf) -> PathBuf {
    if path.extension().is_none_or(|e| e != "npy") {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".npy");
        path.set_file_name(name);
    }
    path
}

fn save(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let path = npy_name(file_arg(interp, a, "file")?);
    let (v, span) = a.get("arr");
    let x = to_array(&v, span)?;
    let call = a.call_span;
    interp
        .with_plan(&x, |plan, ctx| crate::io::npy::save(plan, ctx, &path))
        .map_err(|d| d.or_span(call))?;
    Ok(Value::None)
}

fn glob(interp: &mut Interp, a: &mut Args) -> R<Value> {
    interp.check_file_access("glob()", Some(a.call_span))?;
    let (v, span) = a.get("pattern");
    let Value::Str(pattern) = v else {
        return Err(Diagnostic::new(
            ErrorKind::Type,
            format!("glob() pattern must be a str, got {}", v.type_name()),
            span,
        ));
    };
    // Python's glob: `*` and `?` never match a leading dot or a `/`.
    let options = glob::MatchOptions {
        case_sensitive: true,
        require_literal_separator: true,
        require_literal_leading_dot: true,
    };
    let paths = glob::glob_with(&pattern, options).map_err(|e| {
        Diagnostic::new(ErrorKind::Value, format!("bad glob pattern {pattern:?}: {e}"), span)
    })?;
    // Unreadable directories are skipped, as Python's glob does.
    let mut found: Vec<String> =
        paths.filter_map(|p| p.ok()).map(|p| p.to_string_lossy().into_owned()).collect();
    found.sort();
    Ok(Value::List(Arc::new(found.iter().map(|s| Value::str(s)).collect())))
}

pub static BUILTINS: &[Builtin] = &[
    Builtin {
        name: "load",
        module: Module::Root,
        signature: "load(file, chunks='auto', mmap_mode=None)",
        doc: "A `.npy` file as a lazy array: nothing is read until chunks are computed, and \
              a slice reads only its part of the file. `chunks='auto'` splits along the \
              file's storage order so each chunk is one contiguous read. Every numeric dtype \
              loads, in either byte order and in C or Fortran order (float16 widens to \
              float32). `mmap_mode` is accepted for NumPy compatibility; arr always reads \
              lazily.",
        examples: &[
            "save('/tmp/arr-doc-load.npy', arange(6).reshape(2, 3)); load('/tmp/arr-doc-load.npy')",
            "save('/tmp/arr-doc-load2.npy', ones((1000, 10))); load('/tmp/arr-doc-load2.npy', \
             chunks=(250, 10)).sum()",
        ],
        method: false,
        imp: load,
    },
    Builtin {
        name: "save",
        module: Module::Root,
        signature: "save(file, arr)",
        doc: "Writes the array to a `.npy` file (`.npy` is appended to a name without it), \
              byte for byte as `np.save` would. Chunks are computed and written one by one, \
              so memory stays bounded; the file is written under a temporary name and \
              renamed into place only when complete, so an error or Ctrl-C leaves the old \
              file intact.",
        examples: &["save('/tmp/arr-doc-save.npy', random.normal(size=(100, 100)))"],
        method: false,
        imp: save,
    },
    Builtin {
        name: "glob",
        module: Module::Root,
        signature: "glob(pattern)",
        doc: "The paths matching a shell pattern (`*`, `?`, `[abc]`, `**` for any depth), \
              sorted, as Python's `sorted(glob.glob(pattern))`: `*` does not match a \
              leading dot.",
        examples: &["glob('examples/*.arr')[:2]", "len(glob('no/such/dir/*.h5'))"],
        method: false,
        imp: glob,
    },
    text::LOADTXT,
    text::GENFROMTXT,
    text::SAVETXT,
];
