//! Python's own builtins that array code uses: `print, len, range, float,
//! int, bool, str, list, tuple`, and arr's `explain`.

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::diag::{Diagnostic, ErrorKind};
use crate::interp::{Interp, Value};

fn print(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let sep = match a.value("sep") {
        Value::Str(s) => s.to_string(),
        Value::None => " ".into(),
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("sep must be a str, not {}", other.type_name()),
                a.span("sep"),
            ));
        }
    };
    let end = match a.value("end") {
        Value::Str(s) => s.to_string(),
        Value::None => "\n".into(),
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("end must be a str, not {}", other.type_name()),
                a.span("end"),
            ));
        }
    };
    let mut parts = Vec::with_capacity(a.varargs.len());
    for (v, span) in a.varargs.clone() {
        parts.push(interp.str_of(&v).map_err(|d| d.or_span(span))?);
    }
    let text = parts.join(&sep) + &end;
    interp.write_out(&text);
    Ok(Value::None)
}

fn len(_: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("obj");
    let n = match &v {
        Value::Str(s) => s.chars().count(),
        Value::Tuple(t) => t.len(),
        Value::List(l) => l.len(),
        Value::Dict(d) => d.len(),
        Value::Range(s, e, st) => crate::interp::value::range_len(*s, *e, *st),
        Value::Array(n) if n.ndim() > 0 => n.shape[0],
        Value::Hdf5(h) => match &h.kind {
            crate::io::hdf5::H5Kind::Dataset(info) => match info.shape.first() {
                Some(&n) => n,
                None => {
                    return Err(Diagnostic::new(
                        ErrorKind::Type,
                        "len() of a scalar dataset",
                        span,
                    ));
                }
            },
            _ => h.members.len(),
        },
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("object of type {} has no len()", other.type_name()),
                span,
            ));
        }
    };
    let n = i64::try_from(n).map_err(|_| {
        Diagnostic::new(ErrorKind::Value, format!("len() of {n} does not fit in 64 bits"), span)
    })?;
    Ok(Value::Int(n))
}

fn range(_: &mut Interp, a: &mut Args) -> R<Value> {
    let first = to_int(&a.value("start"), a.span("start"), "range() argument")?;
    let (start, stop) = if a.is_none("stop") {
        (0, first)
    } else {
        (first, to_int(&a.value("stop"), a.span("stop"), "range() argument")?)
    };
    let step = if a.is_none("step") {
        1
    } else {
        to_int(&a.value("step"), a.span("step"), "range() argument")?
    };
    if step == 0 {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "range() arg 3 must not be zero",
            a.span("step"),
        ));
    }
    Ok(Value::Range(start, stop, step))
}

/// The Python number inside a value (0-d arrays are computed).
fn number(interp: &mut Interp, a: &Args) -> R<Value> {
    let (v, span) = a.get("x");
    match v {
        Value::Array(n) if n.ndim() == 0 => {
            let data = interp.compute(&n).map_err(|d| d.or_span(span))?;
            Ok(crate::interp::scalar_value(&data))
        }
        Value::Array(n) => Err(Diagnostic::new(
            ErrorKind::Type,
            format!(
                "only 0-d arrays can be converted to Python scalars (this one has shape {})",
                crate::ir::build::shape_str(&n.shape)
            ),
            span,
        )),
        other => Ok(other),
    }
}

fn float(interp: &mut Interp, a: &mut Args) -> R<Value> {
    if a.is_none("x") {
        return Ok(Value::Float(0.0));
    }
    let span = a.span("x");
    Ok(Value::Float(match number(interp, a)? {
        Value::Int(i) => i as f64,
        Value::Float(f) => f,
        Value::Bool(b) => b as u8 as f64,
        Value::Str(s) => match s.trim().to_ascii_lowercase().as_str() {
            "nan" => f64::NAN,
            "inf" | "infinity" => f64::INFINITY,
            "-inf" | "-infinity" => f64::NEG_INFINITY,
            t => t.parse::<f64>().map_err(|_| {
                Diagnostic::new(
                    ErrorKind::Value,
                    format!("could not convert string to float: '{s}'"),
                    span,
                )
            })?,
        },
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("float() argument must be a number, not {}", other.type_name()),
                span,
            ));
        }
    }))
}

fn int(interp: &mut Interp, a: &mut Args) -> R<Value> {
    if a.is_none("x") {
        return Ok(Value::Int(0));
    }
    let span = a.span("x");
    Ok(Value::Int(match number(interp, a)? {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        Value::Float(f) if f.is_finite() => f.trunc() as i64,
        Value::Float(f) => {
            return Err(Diagnostic::new(
                ErrorKind::Value,
                format!("cannot convert float {f} to integer"),
                span,
            ));
        }
        Value::Str(s) => s.trim().replace('_', "").parse::<i64>().map_err(|_| {
            Diagnostic::new(
                ErrorKind::Value,
                format!("invalid literal for int() with base 10: '{s}'"),
                span,
            )
        })?,
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("int() argument must be a number, not {}", other.type_name()),
                span,
            ));
        }
    }))
}

fn bool_(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("x");
    Ok(Value::Bool(interp.truthy(&v, span)?))
}

fn str_(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("x");
    Ok(Value::str(&interp.str_of(&v).map_err(|d| d.or_span(span))?))
}

/// Python's `format(value, spec)`: the same mini-language as f-strings.
fn format(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("value");
    let spec = match a.value("format_spec") {
        Value::Str(s) => s.to_string(),
        other => {
            return Err(crate::diag::Diagnostic::new(
                crate::diag::ErrorKind::Type,
                format!("format() argument 2 must be str, not {}", other.type_name()),
                a.span("format_spec"),
            ));
        }
    };
    Ok(Value::str(&crate::interp::format_with_spec(interp, &v, &spec, span)?))
}

fn seq(a: &Args) -> R<Vec<Value>> {
    if a.is_none("iterable") {
        return Ok(vec![]);
    }
    let (v, span) = a.get("iterable");
    match &v {
        Value::Str(s) => Ok(s.chars().map(|c| Value::str(&c.to_string())).collect()),
        Value::Range(a, b, st)
            if crate::interp::value::range_len(*a, *b, *st)
                > crate::interp::value::MAX_PY_ITEMS =>
        {
            let n = crate::interp::value::range_len(*a, *b, *st);
            Err(crate::interp::value::too_many_items(n as u128, span))
        }
        _ => v.sequence().ok_or_else(|| {
            Diagnostic::new(
                ErrorKind::Type,
                format!("'{}' object is not iterable", v.type_name()),
                span,
            )
        }),
    }
}

fn explain(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("x"), a.span("x"))?;
    let text = interp.explain(&x);
    interp.write_out(&text);
    Ok(Value::None)
}

/// `visualize(x)`: the plan graph as DOT text; with a filename, written
/// there (`.svg` drawn by arr itself, `.dot`/`.gv` as DOT).
fn visualize(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("x"), a.span("x"))?;
    let plan = interp.plan(&x);
    let (fv, fspan) = a.get("filename");
    let path = match fv {
        Value::None => return Ok(Value::str(&crate::ir::visualize::to_dot(&plan))),
        Value::Str(s) => std::path::PathBuf::from(s.to_string()),
        other => {
            return Err(crate::diag::Diagnostic::new(
                crate::diag::ErrorKind::Type,
                format!("filename must be a string, got {}", other.type_name()),
                fspan,
            ));
        }
    };
    interp.check_file_access("visualize", Some(fspan))?;
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let text = match ext.as_str() {
        "svg" => crate::ir::visualize::to_svg(&plan),
        "dot" | "gv" => crate::ir::visualize::to_dot(&plan),
        _ => {
            return Err(crate::diag::Diagnostic::new(
                crate::diag::ErrorKind::Value,
                format!("cannot tell the format of '{}' from its extension", path.display()),
                fspan,
            )
            .with_hint("use a name ending in .svg (drawn by arr) or .dot (Graphviz)"));
        }
    };
    crate::io::write_atomic(&path, text.as_bytes()).map_err(|e| {
        crate::diag::Diagnostic::new(
            crate::diag::ErrorKind::Io,
            format!("cannot write '{}': {e}", path.display()),
            fspan,
        )
    })?;
    Ok(Value::None)
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "print",
        module: Module::Python,
        signature: "print(*objects, sep=None, end=None)",
        doc: "Prints values (arrays as NumPy prints them, computing them first).",
        examples: &["print(arange(3), 'done')"],
        method: false,
        imp: print,
    },
    Builtin {
        name: "len",
        module: Module::Python,
        signature: "len(obj)",
        doc: "Length of a sequence, or of an array's first axis.",
        examples: &["len(ones((4, 2)))", "len([1, 2, 3])"],
        method: false,
        imp: len,
    },
    Builtin {
        name: "range",
        module: Module::Python,
        signature: "range(start, stop=None, step=None)",
        doc: "The integers start, start+step, ... below stop (Python's range).",
        examples: &["list(range(3))", "len(range(0, 10, 3))"],
        method: false,
        imp: range,
    },
    Builtin {
        name: "float",
        module: Module::Python,
        signature: "float(x=None)",
        doc: "A Python float (computes a 0-d array). Also usable as `dtype=float`.",
        examples: &["float(arange(4).sum())"],
        method: false,
        imp: float,
    },
    Builtin {
        name: "int",
        module: Module::Python,
        signature: "int(x=None)",
        doc: "A Python int, truncating floats. Also usable as `dtype=int`.",
        examples: &["int(2.9)", "int(ones(3).sum())"],
        method: false,
        imp: int,
    },
    Builtin {
        name: "bool",
        module: Module::Python,
        signature: "bool(x=False)",
        doc: "Truth value; a 0-d array is computed, a larger array is ambiguous (an error).",
        examples: &["bool(arange(3).sum() > 2)"],
        method: false,
        imp: bool_,
    },
    Builtin {
        name: "str",
        module: Module::Python,
        signature: "str(x='')",
        doc: "The text `print` would show.",
        examples: &["str(1.5)"],
        method: false,
        imp: str_,
    },
    Builtin {
        name: "format",
        module: Module::Python,
        signature: "format(value, format_spec='')",
        doc: "`value` formatted by a format spec, as in f-strings: `format(x, '.3f')`.",
        examples: &["format(3.14159, '.3f')", "format(42, '>6d')"],
        method: false,
        imp: format,
    },
    Builtin {
        name: "list",
        module: Module::Python,
        signature: "list(iterable=None)",
        doc: "A list of the items of a sequence.",
        examples: &["list(range(4))"],
        method: false,
        imp: |_, a| Ok(Value::List(std::sync::Arc::new(seq(a)?))),
    },
    Builtin {
        name: "tuple",
        module: Module::Python,
        signature: "tuple(iterable=None)",
        doc: "A tuple of the items of a sequence.",
        examples: &["tuple([1, 2])"],
        method: false,
        imp: |_, a| Ok(Value::tuple(seq(a)?)),
    },
    Builtin {
        name: "explain",
        module: Module::Root,
        signature: "explain(x)",
        doc: "Prints the optimized plan of an array: the operations after fusion and slice \
              pushdown, with shapes, chunk counts and a memory estimate. Computes nothing.",
        examples: &[
            "explain(random.normal(10, 0.1, (20000, 20000), chunks=(1000, 1000)).mean(axis=0)[::100])",
        ],
        method: false,
        imp: explain,
    },
    Builtin {
        name: "visualize",
        module: Module::Root,
        signature: "visualize(x, filename=None)",
        doc: "The optimized plan as a graph: one box per operation (with dtype, shape, chunks \
              and task count), arrows from inputs. Without a filename it returns Graphviz DOT \
              text; `filename='plan.svg'` writes an SVG drawn by arr itself, `'plan.dot'` the \
              DOT. The file is written all-or-nothing. Computes nothing.",
        examples: &["print(visualize(arange(6).reshape(2, 3).sum(axis=0)))"],
        method: true,
        imp: visualize,
    },
];
