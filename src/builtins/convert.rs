//! Turning argument values into what builtins need (arrays, ints, shapes,
//! axes, dtypes, chunk requests), with NumPy's error messages; and the
//! builtins that convert between values: `array`, `asarray`, `from_array`,
//! `astype`, `compute`, `persist`.

use super::{Args, Builtin, Module};
use crate::array::{ArrayData, DType, Elem};
use crate::diag::{Diagnostic, ErrorKind, Span, did_you_mean};
use crate::interp::{Interp, Value};
use crate::ir::build;
use crate::ir::chunks::{AxisChunks, ChunkSpec};
use crate::ir::{NodeRef, Scalar};

pub type R<T> = Result<T, Diagnostic>;

fn type_err(msg: String, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Type, msg, span)
}

/// An array from any array-like value: arrays, Python scalars, nested lists.
pub fn to_array(v: &Value, span: Span) -> R<NodeRef> {
    Ok(match v {
        Value::Array(n) => n.clone(),
        Value::Int(i) => build::scalar(Scalar::Int(*i), DType::Int64),
        Value::Float(f) => build::scalar(Scalar::Float(*f), DType::Float64),
        Value::Bool(b) => build::scalar(Scalar::Bool(*b), DType::Bool),
        Value::List(_) | Value::Tuple(_) if holds_array(v) => stack_nested(v, span)?,
        Value::List(_) | Value::Tuple(_) => build::literal(nested_to_data(v, span, None)?, None),
        other => {
            return Err(type_err(
                format!("expected an array or a number, got {}", other.type_name()),
                span,
            ));
        }
    })
}

/// True when nested lists hold an array somewhere (then `array` stacks lazily).
fn holds_array(v: &Value) -> bool {
    match v {
        Value::Array(_) => true,
        Value::List(_) | Value::Tuple(_) => {
            v.sequence().is_some_and(|items| items.iter().any(holds_array))
        }
        _ => false,
    }
}

/// NumPy's `array([a, b, ...])` over arrays: the items (arrays, numbers or
/// further lists) must have one shape, and are stacked along a new first
/// axis, promoting their dtypes. Lazy: nothing is computed.
fn stack_nested(v: &Value, span: Span) -> R<NodeRef> {
    let Some(items) = v.sequence().filter(|_| matches!(v, Value::List(_) | Value::Tuple(_))) else {
        return to_array(v, span);
    };
    if items.is_empty() {
        return Ok(build::literal(ArrayData::zeros(DType::Float64, &[0]), None));
    }
    let nodes = items.iter().map(|i| stack_nested(i, span)).collect::<R<Vec<_>>>()?;
    if let Some(bad) = nodes.iter().find(|n| n.shape != nodes[0].shape) {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            format!(
                "setting an array element with a sequence: items of shapes {} and {} cannot \
                 form one array",
                build::shape_str(&nodes[0].shape),
                build::shape_str(&bad.shape)
            ),
            span,
        )
        .with_hint("every item must have the same shape"));
    }
    let expanded = nodes.iter().map(|n| super::shape::expand(n, 0)).collect::<R<Vec<_>>>()?;
    build::concatenate(&expanded, 0).map_err(|d| d.or_span(span))
}

/// One number of a nested list, kept exact until the dtype is known.
#[derive(Clone, Copy)]
enum Item {
    Int(i64),
    Float(f64),
}

/// Builds in-memory data from nested lists of numbers (NumPy's `array`).
pub fn nested_to_data(v: &Value, span: Span, dtype: Option<DType>) -> R<ArrayData> {
    let mut shape = Vec::new();
    let mut probe = v.clone();
    while let Some(items) =
        probe.sequence().filter(|_| matches!(probe, Value::List(_) | Value::Tuple(_)))
    {
        shape.push(items.len());
        match items.into_iter().next() {
            Some(first) => probe = first,
            None => break,
        }
    }
    let mut flat = Vec::new();
    let mut kind = DType::Bool;
    let mut any = false;
    flatten(v, 0, &shape, &mut flat, &mut kind, &mut any, span)?;
    let dtype = dtype.unwrap_or(if any { kind } else { DType::Float64 });
    // Integers go in as integers, so 64-bit values above 2**53 stay exact.
    Ok(crate::with_dtype!(dtype, T => {
        let values: Vec<T> = flat
            .iter()
            .map(|&x| match x {
                Item::Int(i) => T::from_i64(i),
                Item::Float(f) => T::from_f64(f),
            })
            .collect();
        T::wrap(ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(&shape), values).expect("shape matches"))
    }))
}

fn flatten(
    v: &Value,
    depth: usize,
    shape: &[usize],
    out: &mut Vec<Item>,
    kind: &mut DType,
    any: &mut bool,
    span: Span,
) -> R<()> {
    match v {
        Value::List(_) | Value::Tuple(_) => {
            let items = v.sequence().expect("list or tuple");
            if depth >= shape.len() || items.len() != shape[depth] {
                return Err(Diagnostic::new(
                    ErrorKind::Value,
                    "setting an array element with a sequence: the nested lists have an \
                     inhomogeneous shape",
                    span,
                )
                .with_hint("every row must have the same length"));
            }
            for it in &items {
                flatten(it, depth + 1, shape, out, kind, any, span)?;
            }
        }
        _ if depth != shape.len() => {
            return Err(Diagnostic::new(
                ErrorKind::Value,
                "the nested lists have an inhomogeneous shape",
                span,
            ));
        }
        Value::Bool(b) => {
            out.push(Item::Int(*b as i64));
            *any = true;
        }
        Value::Int(i) => {
            out.push(Item::Int(*i));
            *kind = DType::promote(*kind, DType::Int64);
            *any = true;
        }
        Value::Float(f) => {
            out.push(Item::Float(*f));
            *kind = DType::promote(*kind, DType::Float64);
            *any = true;
        }
        other => {
            return Err(type_err(
                format!("array elements must be numbers, got {}", other.type_name()),
                span,
            ));
        }
    }
    Ok(())
}

pub fn to_int(v: &Value, span: Span, what: &str) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => {
            Err(type_err(format!("{what} must be an integer, got {}", other.type_name()), span))
        }
    }
}

/// A Python number as f64 (0-d arrays are computed).
pub fn to_f64(interp: &mut Interp, v: &Value, span: Span, what: &str) -> R<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(*f),
        Value::Bool(b) => Ok(*b as u8 as f64),
        Value::Array(n) if n.ndim() == 0 => {
            Ok(interp.compute(n).map_err(|d| d.or_span(span))?.get_f64(0))
        }
        other => Err(type_err(format!("{what} must be a number, got {}", other.type_name()), span)),
    }
}

pub fn to_bool(v: &Value, span: Span, what: &str) -> R<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        Value::Int(i) => Ok(*i != 0),
        other => {
            Err(type_err(format!("{what} must be True or False, got {}", other.type_name()), span))
        }
    }
}

/// A shape: an int or a sequence of non-negative ints.
pub fn to_shape(v: &Value, span: Span) -> R<Vec<usize>> {
    let dims: Vec<i64> = match v {
        Value::Int(_) | Value::Bool(_) => vec![to_int(v, span, "shape")?],
        Value::Tuple(_) | Value::List(_) => v
            .sequence()
            .expect("sequence")
            .iter()
            .map(|d| to_int(d, span, "each dimension"))
            .collect::<R<_>>()?,
        other => {
            return Err(type_err(
                format!("shape must be an int or a tuple of ints, got {}", other.type_name()),
                span,
            ));
        }
    };
    if let Some(d) = dims.iter().find(|&&d| d < 0) {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            format!("negative dimensions are not allowed ({d})"),
            span,
        ));
    }
    let shape: Vec<usize> = dims.into_iter().map(|d| d as usize).collect();
    let total = shape.iter().try_fold(1usize, |acc, &d| acc.checked_mul(d));
    if total.is_none_or(|t| t > (1usize << 52)) {
        let elems: f64 = shape.iter().map(|&d| d as f64).product();
        return Err(Diagnostic::new(
            ErrorKind::Memory,
            format!(
                "an array of shape {} would have {elems:.1e} elements, more than arr can index (2**52)",
                build::shape_str(&shape)
            ),
            span,
        ));
    }
    Ok(shape)
}

/// Normalizes one axis (negative counts from the end).
pub fn norm_axis(a: i64, ndim: usize, span: Span) -> R<usize> {
    let n = ndim as i64;
    if a < -n || a >= n {
        return Err(Diagnostic::new(
            ErrorKind::Index,
            format!("axis {a} is out of bounds for array of dimension {ndim}"),
            span,
        ));
    }
    Ok(if a < 0 { (a + n) as usize } else { a as usize })
}

/// `axis=`: `None` means all axes; returns sorted distinct axes.
pub fn to_axes(v: &Value, span: Span, ndim: usize) -> R<Vec<usize>> {
    let mut axes: Vec<usize> = match v {
        Value::None => (0..ndim).collect(),
        Value::Tuple(_) | Value::List(_) => v
            .sequence()
            .expect("sequence")
            .iter()
            .map(|a| norm_axis(to_int(a, span, "axis")?, ndim, span))
            .collect::<R<_>>()?,
        other => vec![norm_axis(to_int(other, span, "axis")?, ndim, span)?],
    };
    let n = axes.len();
    axes.sort_unstable();
    axes.dedup();
    if axes.len() != n {
        return Err(Diagnostic::new(ErrorKind::Value, "duplicate value in 'axis'", span));
    }
    Ok(axes)
}

/// `dtype=`: a dtype object, its name, or Python's `int`/`float`/`bool`.
pub fn to_dtype(v: &Value, span: Span) -> R<Option<DType>> {
    match v {
        Value::None => Ok(None),
        Value::DType(d) => Ok(Some(*d)),
        Value::Builtin(b) if b.module == Module::Python => match b.name {
            "int" => Ok(Some(DType::Int64)),
            "float" => Ok(Some(DType::Float64)),
            "bool" => Ok(Some(DType::Bool)),
            other => Err(type_err(format!("{other} is not a dtype"), span)),
        },
        Value::Str(s) => DType::from_name(s).map(Some).ok_or_else(|| {
            let mut d =
                Diagnostic::new(ErrorKind::DType, format!("data type '{s}' not understood"), span);
            if let Some(m) = did_you_mean(s, DType::ALL.iter().map(|d| d.name())) {
                d = d.with_hint(format!("did you mean '{m}'?"));
            }
            d
        }),
        other => Err(type_err(
            format!("dtype must be a dtype or its name, got {}", other.type_name()),
            span,
        )),
    }
}

fn axis_chunks(v: &Value, span: Span) -> R<AxisChunks> {
    Ok(match v {
        Value::None => AxisChunks::Full,
        Value::Int(-1) => AxisChunks::Full,
        Value::Int(n) if *n > 0 => AxisChunks::Size(*n as usize),
        Value::Str(s) if &**s == "auto" => AxisChunks::Auto,
        Value::Tuple(_) | Value::List(_) => AxisChunks::Explicit(
            v.sequence()
                .expect("sequence")
                .iter()
                .map(|c| to_int(c, span, "a chunk length").map(|c| c.max(0) as usize))
                .collect::<R<_>>()?,
        ),
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Value,
                format!("invalid chunk size {}", crate::interp::repr(other)),
                span,
            )
            .with_hint(
                "use a positive int, -1 or None for a whole axis, \"auto\", or a tuple of these",
            ));
        }
    })
}

/// `chunks=`: an int, `"auto"`, `-1`/`None`, or a per-axis tuple.
pub fn to_chunks(v: &Value, span: Span) -> R<ChunkSpec> {
    Ok(match v {
        Value::None => ChunkSpec::Auto,
        Value::Str(s) if &**s == "auto" => ChunkSpec::Auto,
        Value::Tuple(_) | Value::List(_) => ChunkSpec::PerAxis(
            v.sequence()
                .expect("sequence")
                .iter()
                .map(|c| axis_chunks(c, span))
                .collect::<R<_>>()?,
        ),
        other => ChunkSpec::Uniform(axis_chunks(other, span)?),
    })
}

/// Applies an optional `chunks=` argument to an array.
pub fn with_chunks(x: NodeRef, args: &Args, name: &str) -> R<NodeRef> {
    if args.is_none(name) {
        return Ok(x);
    }
    let (v, span) = args.get(name);
    build::rechunk(&x, &to_chunks(&v, span)?).map_err(|d| d.or_span(span))
}

fn array_builtin(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (obj, span) = a.get("object");
    let dtype = to_dtype(&a.value("dtype"), a.span("dtype"))?;
    let node = match &obj {
        // An h5py-style dataset handle: a lazy read of the file.
        Value::Hdf5(h) => {
            interp.check_file_access(a.func.name, Some(span))?;
            let chunks = a.value("chunks");
            let x = super::hdf5_dataset_array(h, &chunks, a.span("chunks"))?;
            return Ok(Value::Array(match dtype {
                Some(d) => build::cast(&x, d),
                None => x,
            }));
        }
        Value::List(_) | Value::Tuple(_) if !holds_array(&obj) => {
            build::literal(nested_to_data(&obj, span, dtype)?, None)
        }
        _ => {
            let n = to_array(&obj, span)?;
            match dtype {
                Some(d) => build::cast(&n, d),
                None => n,
            }
        }
    };
    Ok(Value::Array(with_chunks(node, a, "chunks")?))
}

fn astype(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("x"), a.span("x"))?;
    let Some(d) = to_dtype(&a.value("dtype"), a.span("dtype"))? else {
        return Err(type_err("astype() needs a dtype".into(), a.span("dtype")));
    };
    Ok(Value::Array(build::cast(&x, d)))
}

/// `x.compute()` and dask's `compute(a, b, ...)`: arrays are computed (all
/// of them before any is returned), other values pass through. One argument
/// gives its value; several give a tuple.
fn compute(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let mut out = Vec::with_capacity(a.varargs.len());
    for (v, span) in a.varargs.clone() {
        out.push(computed(interp, v, span)?);
    }
    Ok(match out.len() {
        1 => out.pop().expect("one value"),
        _ => Value::tuple(out),
    })
}

fn computed(interp: &mut Interp, v: Value, span: Span) -> R<Value> {
    Ok(match v {
        Value::Array(x) => {
            let data = interp.compute(&x).map_err(|d| d.or_span(span))?;
            Value::Array(build::literal(data, Some(x.chunks.clone())))
        }
        other => other,
    })
}

fn persist(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("x");
    computed(interp, v, span)
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "array",
        module: Module::Root,
        signature: "array(object, dtype=None, chunks=None)",
        doc: "An array from nested lists of numbers (or from another array).",
        examples: &["array([[1, 2], [3, 4]])", "array([1, 2, 3], dtype=float32)"],
        method: false,
        imp: array_builtin,
    },
    Builtin {
        name: "asarray",
        module: Module::Root,
        signature: "asarray(object, dtype=None, chunks=None)",
        doc: "Like `array`: an array from nested lists or another array.",
        examples: &["asarray([1.5, 2.5])"],
        method: false,
        imp: array_builtin,
    },
    Builtin {
        name: "from_array",
        module: Module::Root,
        signature: "from_array(object, chunks='auto', dtype=None)",
        doc: "Wraps an array (or nested lists) as a chunked array (dask's `from_array`).",
        examples: &["from_array(ones((5, 8)), chunks=(5, 4)).chunks"],
        method: false,
        imp: |i, a| {
            let from_file = matches!(a.value("object"), Value::Hdf5(_));
            let mut v = array_builtin(i, a)?;
            if let Value::Array(n) = &v
                && a.is_none("chunks")
                && !from_file
            {
                v = Value::Array(build::rechunk(n, &ChunkSpec::Auto)?);
            }
            Ok(v)
        },
    },
    Builtin {
        name: "astype",
        module: Module::Root,
        signature: "astype(x, dtype)",
        doc: "The array converted to `dtype` (NumPy casting: floats truncate toward zero, \
              integers wrap).",
        examples: &["array([1.7, -1.7]).astype(int32)"],
        method: true,
        imp: astype,
    },
    Builtin {
        name: "compute",
        module: Module::Root,
        signature: "compute(*args)",
        doc: "Computes arrays now and returns them in memory: `x.compute()` gives the array, \
              `compute(a, b)` a tuple (other values pass through unchanged).",
        examples: &["ones(3).compute()", "compute(arange(3).sum(), arange(3).mean())"],
        method: true,
        imp: compute,
    },
    Builtin {
        name: "persist",
        module: Module::Root,
        signature: "persist(x)",
        doc: "Computes the array now and keeps the result in memory, with the same chunks, so \
              later expressions reuse it.",
        examples: &["x = arange(10, chunks=5).persist(); x.chunks"],
        method: true,
        imp: persist,
    },
];
