//! Runtime values of the interpreter.
//!
//! Python-like values (ints, floats, strings, tuples, lists, functions,
//! modules) are eager; arrays are lazy [`NodeRef`]s into the IR graph.

use crate::array::DType;
use crate::builtins::{Builtin, Module};
use crate::ir::NodeRef;
use crate::syntax::ast::{Param, SStmt};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Arc<str>),
    Tuple(Arc<[Value]>),
    List(Arc<Vec<Value>>),
    Dict(Arc<Vec<(Value, Value)>>),
    /// `range(start, stop, step)`, kept lazy so `range(10**9)` costs nothing.
    Range(i64, i64, i64),
    Ellipsis,
    Array(NodeRef),
    DType(DType),
    Module(Module),
    Builtin(&'static Builtin),
    /// `x.mean` before it is called: the builtin with `x` bound first.
    Method(Box<Value>, &'static Builtin),
    Function(Arc<Function>),
    /// A `random.default_rng()` generator: an index into the interpreter's
    /// generator states (its key and call counter live there, so a failed
    /// REPL input rolls its counter back like the rest of the session).
    Generator(usize),
    /// An HDF5 file, group or dataset from `h5open` / `h5py.File`.
    Hdf5(Arc<crate::io::hdf5::H5Object>),
}

/// A user function from `def` or `lambda`; calling it traces its body.
#[derive(Debug)]
pub struct Function {
    pub name: String,
    pub params: Vec<Param>,
    pub body: FunctionBody,
    /// Default values, evaluated once at definition time (Python semantics).
    pub defaults: HashMap<String, Value>,
}

#[derive(Debug)]
pub enum FunctionBody {
    Block(Vec<SStmt>),
    Lambda(crate::syntax::ast::SExpr),
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Arc::from(items))
    }

    pub fn usize_tuple(items: &[usize]) -> Value {
        Value::tuple(items.iter().map(|&i| Value::Int(i as i64)).collect())
    }

    /// The Python-style type name used in error messages.
    pub fn type_name(&self) -> String {
        match self {
            Value::None => "None".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::Tuple(_) => "tuple".into(),
            Value::List(_) => "list".into(),
            Value::Dict(_) => "dict".into(),
            Value::Range(..) => "range".into(),
            Value::Ellipsis => "ellipsis".into(),
            Value::Array(n) => format!("{} array", n.dtype),
            Value::DType(_) => "dtype".into(),
            Value::Module(_) => "module".into(),
            Value::Builtin(_) | Value::Method(..) | Value::Function(_) => "function".into(),
            Value::Generator(_) => "Generator".into(),
            Value::Hdf5(h) => match h.kind {
                crate::io::hdf5::H5Kind::File => "File".into(),
                crate::io::hdf5::H5Kind::Group => "Group".into(),
                crate::io::hdf5::H5Kind::Dataset(_) => "Dataset".into(),
            },
        }
    }

    /// Items of a tuple, list or range (for unpacking and iteration).
    pub fn sequence(&self) -> Option<Vec<Value>> {
        match self {
            Value::Tuple(t) => Some(t.to_vec()),
            Value::List(l) => Some(l.as_ref().clone()),
            Value::Range(a, b, s) => Some(range_items(*a, *b, *s).map(Value::Int).collect()),
            // An HDF5 file or group iterates over its member names, as in h5py.
            Value::Hdf5(h) if !matches!(h.kind, crate::io::hdf5::H5Kind::Dataset(_)) => {
                Some(h.members.iter().map(|m| Value::str(m)).collect())
            }
            _ => None,
        }
    }
}

/// The integers of `range(start, stop, step)`.
pub fn range_items(start: i64, stop: i64, step: i64) -> impl Iterator<Item = i64> {
    let mut i = start;
    std::iter::from_fn(move || {
        if (step > 0 && i < stop) || (step < 0 && i > stop) {
            let v = i;
            i += step;
            Some(v)
        } else {
            None
        }
    })
}

pub fn range_len(start: i64, stop: i64, step: i64) -> usize {
    // In i128 so ranges spanning all of i64 do not overflow.
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 && stop > start {
        (stop - start + step - 1) / step
    } else if step < 0 && stop < start {
        (start - stop - step - 1) / -step
    } else {
        0
    };
    n.min(usize::MAX as i128) as usize
}

/// The most items a Python list, tuple or string may get by expanding a
/// `range` (or repeating a sequence): past it the allocation could abort
/// the process, so it is a clean `MemoryError` instead.
pub const MAX_PY_ITEMS: usize = 1 << 26;

/// The error for a sequence that would be too long to hold as Python values.
pub fn too_many_items(n: u128, span: crate::diag::Span) -> crate::diag::Diagnostic {
    crate::diag::Diagnostic::new(
        crate::diag::ErrorKind::Memory,
        format!("a Python sequence of {n} items is too long (the limit is {MAX_PY_ITEMS})"),
        span,
    )
    .with_hint("Python lists and ranges are for small data; use an array (arange) instead")
}
