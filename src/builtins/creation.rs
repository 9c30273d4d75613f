//! Array creation: `zeros, ones, full, empty, eye, identity, arange,
//! linspace, logspace, geomspace` and the `*_like` forms. All are generators: no memory is
//! used until chunks are computed, and any slice of them is produced
//! directly.

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::array::DType;
use crate::diag::{Diagnostic, ErrorKind};
use crate::interp::{Interp, Value};
use crate::ir::build;
use crate::ir::ops::BinaryFn;
use crate::ir::{F64Key, Generator, NodeRef, Scalar};

fn chunked(generator: Generator, shape: Vec<usize>, dtype: DType, a: &Args) -> R<NodeRef> {
    let (cv, cs) = a.get("chunks");
    let chunks =
        build::chunks_for(&to_chunks(&cv, cs)?, &shape, dtype).map_err(|d| d.or_span(cs))?;
    Ok(build::generate(generator, shape, dtype, chunks))
}

fn scalar_of(v: &Value, span: crate::diag::Span) -> R<(Scalar, DType)> {
    Ok(match v {
        Value::Bool(b) => (Scalar::Bool(*b), DType::Bool),
        Value::Int(i) => (Scalar::Int(*i), DType::Int64),
        Value::Float(f) => (Scalar::Float(*f), DType::Float64),
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("fill_value must be a number, got {}", other.type_name()),
                span,
            ));
        }
    })
}

fn fill(a: &Args, value: Scalar, default_dtype: DType) -> R<Value> {
    let shape = to_shape(&a.value("shape"), a.span("shape"))?;
    let dtype = to_dtype(&a.value("dtype"), a.span("dtype"))?.unwrap_or(default_dtype);
    Ok(Value::Array(chunked(Generator::Fill(value), shape, dtype, a)?))
}

fn like(a: &Args, value: Option<Scalar>) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let (value, vdtype) = match value {
        Some(v) => (v, x.dtype),
        None => scalar_of(&a.value("fill_value"), a.span("fill_value"))?,
    };
    let dtype =
        to_dtype(&a.value("dtype"), a.span("dtype"))?.unwrap_or(if a.func.name == "full_like" {
            DType::promote_weak(x.dtype, weak(vdtype))
        } else {
            x.dtype
        });
    let chunks = if a.is_none("chunks") {
        x.chunks.clone()
    } else {
        let (cv, cs) = a.get("chunks");
        build::chunks_for(&to_chunks(&cv, cs)?, &x.shape, dtype)?
    };
    Ok(Value::Array(build::generate(Generator::Fill(value), x.shape.clone(), dtype, chunks)))
}

fn weak(d: DType) -> crate::array::WeakKind {
    use crate::array::WeakKind;
    match d {
        DType::Bool => WeakKind::Bool,
        d if d.is_float() => WeakKind::Float,
        _ => WeakKind::Int,
    }
}

fn arange(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (start_v, stop_v) = if a.is_none("stop") {
        (Value::Int(0), a.value("start"))
    } else {
        (a.value("start"), a.value("stop"))
    };
    let step_v = if a.is_none("step") { Value::Int(1) } else { a.value("step") };
    let all_int =
        [&start_v, &stop_v, &step_v].iter().all(|v| matches!(v, Value::Int(_) | Value::Bool(_)));
    let start = to_f64(interp, &start_v, a.span("start"), "start")?;
    let stop = to_f64(interp, &stop_v, a.span("stop"), "stop")?;
    let step = to_f64(interp, &step_v, a.span("step"), "step")?;
    if step == 0.0 {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "arange: step must not be zero",
            a.span("step"),
        ));
    }
    let len = ((stop - start) / step).ceil().max(0.0);
    if !len.is_finite() || len > 1e15 {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "arange: the range is too long",
            a.call_span,
        ));
    }
    let dtype = to_dtype(&a.value("dtype"), a.span("dtype"))?.unwrap_or(if all_int {
        DType::Int64
    } else {
        DType::Float64
    });
    let g = Generator::Arange { start: F64Key(start), step: F64Key(step) };
    Ok(Value::Array(chunked(g, vec![len as usize], dtype, a)?))
}

/// The evenly spaced float64 samples of `linspace` (also under `logspace`
/// and `geomspace`), with the step NumPy reports as `retstep`.
fn linspace_node(a: &Args, start: f64, stop: f64) -> R<(NodeRef, f64)> {
    let num = to_int(&a.value("num"), a.span("num"), "num")?;
    if num < 0 {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            format!("number of samples, {num}, must be non-negative"),
            a.span("num"),
        ));
    }
    let endpoint = to_bool(&a.value("endpoint"), a.span("endpoint"), "endpoint")?;
    let div = if endpoint { num - 1 } else { num };
    let step = if div > 0 { (stop - start) / div as f64 } else { 0.0 };
    let g = Generator::Linspace {
        start: F64Key(start),
        step: F64Key(step),
        stop: F64Key(stop),
        num: num as usize,
        endpoint,
    };
    let node = chunked(g, vec![num as usize], DType::Float64, a)?;
    Ok((node, if div > 0 { step } else { f64::NAN }))
}

fn linspace(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let start = to_f64(interp, &a.value("start"), a.span("start"), "start")?;
    let stop = to_f64(interp, &a.value("stop"), a.span("stop"), "stop")?;
    let (node, step) = linspace_node(a, start, stop)?;
    let dtype = to_dtype(&a.value("dtype"), a.span("dtype"))?.unwrap_or(DType::Float64);
    let node = match &node.op {
        // Integer dtypes floor the float samples, which the generator does itself.
        crate::ir::Op::Generate(g, _) if dtype != DType::Float64 => {
            build::generate(g.clone(), node.shape.clone(), dtype, node.chunks.clone())
        }
        _ => node,
    };
    let arr = Value::Array(node);
    if to_bool(&a.value("retstep"), a.span("retstep"), "retstep")? {
        return Ok(Value::tuple(vec![arr, Value::Float(step)]));
    }
    Ok(arr)
}

/// `base ** linspace(start, stop)`, then the requested dtype.
fn logspace(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let start = to_f64(interp, &a.value("start"), a.span("start"), "start")?;
    let stop = to_f64(interp, &a.value("stop"), a.span("stop"), "stop")?;
    let base = to_f64(interp, &a.value("base"), a.span("base"), "base")?;
    let (exponents, _) = linspace_node(a, start, stop)?;
    let base = build::scalar(Scalar::Float(base), DType::Float64);
    let node =
        build::binary(BinaryFn::Pow, &base, &exponents).map_err(|d| d.or_span(a.call_span))?;
    Ok(Value::Array(with_dtype(a, node)?))
}

/// NumPy's geomspace: `10 ** linspace(log10 |start|, log10 |stop|)` with the
/// endpoints replaced by exactly `start` and `stop`, and the common sign put back.
fn geomspace(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let start = to_f64(interp, &a.value("start"), a.span("start"), "start")?;
    let stop = to_f64(interp, &a.value("stop"), a.span("stop"), "stop")?;
    if start == 0.0 || stop == 0.0 {
        let span = if start == 0.0 { a.span("start") } else { a.span("stop") };
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "a geometric sequence cannot include zero",
            span,
        ));
    }
    if (start < 0.0) != (stop < 0.0) {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "start and stop have different signs: the sequence would be complex, which arr does not support",
            a.call_span,
        )
        .with_hint("use two geomspace calls, one per sign"));
    }
    let sign = if start < 0.0 { -1.0 } else { 1.0 };
    let (exponents, _) = linspace_node(a, (start * sign).log10(), (stop * sign).log10())?;
    let num = exponents.shape[0];
    let endpoint = to_bool(&a.value("endpoint"), a.span("endpoint"), "endpoint")?;
    let float = |v: f64| build::scalar(Scalar::Float(v), DType::Float64);
    let err = |d: Diagnostic| d.or_span(a.call_span);
    let mut node = build::binary(BinaryFn::Pow, &float(10.0), &exponents).map_err(err)?;
    let index = build::generate(
        Generator::Arange { start: F64Key(0.0), step: F64Key(1.0) },
        vec![num],
        DType::Int64,
        exponents.chunks.clone(),
    );
    let at = |i: usize| {
        build::binary(BinaryFn::Eq, &index, &build::scalar(Scalar::Int(i as i64), DType::Int64))
    };
    if num > 0 {
        node = build::where_(&at(0).map_err(err)?, &float(start * sign), &node).map_err(err)?;
    }
    if num > 1 && endpoint {
        node =
            build::where_(&at(num - 1).map_err(err)?, &float(stop * sign), &node).map_err(err)?;
    }
    if sign < 0.0 {
        node = build::binary(BinaryFn::Mul, &node, &float(-1.0)).map_err(err)?;
    }
    Ok(Value::Array(with_dtype(a, node)?))
}

/// `node` cast to the `dtype=` argument when one is given.
fn with_dtype(a: &Args, node: NodeRef) -> R<NodeRef> {
    Ok(match to_dtype(&a.value("dtype"), a.span("dtype"))? {
        Some(d) if d != node.dtype => build::cast(&node, d),
        _ => node,
    })
}

fn eye(_: &mut Interp, a: &mut Args) -> R<Value> {
    let n = to_int(&a.value("N"), a.span("N"), "N")?;
    let m = if a.is_none("M") { n } else { to_int(&a.value("M"), a.span("M"), "M")? };
    if n < 0 || m < 0 {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            "negative dimensions are not allowed",
            a.call_span,
        ));
    }
    let k = to_int(&a.value("k"), a.span("k"), "k")?;
    let dtype = to_dtype(&a.value("dtype"), a.span("dtype"))?.unwrap_or(DType::Float64);
    Ok(Value::Array(chunked(Generator::Eye { k }, vec![n as usize, m as usize], dtype, a)?))
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "zeros",
        module: Module::Root,
        signature: "zeros(shape, dtype=float64, chunks='auto')",
        doc: "An array of zeros.",
        examples: &["zeros((2, 3))", "zeros(4, dtype=int32, chunks=2).chunks"],
        method: false,
        imp: |_, a| fill(a, Scalar::Int(0), DType::Float64),
    },
    Builtin {
        name: "ones",
        module: Module::Root,
        signature: "ones(shape, dtype=float64, chunks='auto')",
        doc: "An array of ones.",
        examples: &["ones((2, 2), dtype=int)", "ones((10000, 10000), chunks=(1000, 1000)).sum()"],
        method: false,
        imp: |_, a| fill(a, Scalar::Int(1), DType::Float64),
    },
    Builtin {
        name: "empty",
        module: Module::Root,
        signature: "empty(shape, dtype=float64, chunks='auto')",
        doc: "An uninitialized array; arr fills it with zeros, so its contents are deterministic.",
        examples: &["empty(3)"],
        method: false,
        imp: |_, a| fill(a, Scalar::Int(0), DType::Float64),
    },
    Builtin {
        name: "full",
        module: Module::Root,
        signature: "full(shape, fill_value, dtype=None, chunks='auto')",
        doc: "An array filled with `fill_value`; the dtype follows the value unless given.",
        examples: &["full((2, 2), 7)", "full(3, 0.5, dtype=float32)"],
        method: false,
        imp: |_, a| {
            let (v, d) = scalar_of(&a.value("fill_value"), a.span("fill_value"))?;
            fill(a, v, d)
        },
    },
    Builtin {
        name: "zeros_like",
        module: Module::Root,
        signature: "zeros_like(a, dtype=None, chunks=None)",
        doc: "Zeros with the shape, dtype and chunks of `a`.",
        examples: &["zeros_like(arange(3))"],
        method: false,
        imp: |_, a| like(a, Some(Scalar::Int(0))),
    },
    Builtin {
        name: "ones_like",
        module: Module::Root,
        signature: "ones_like(a, dtype=None, chunks=None)",
        doc: "Ones with the shape, dtype and chunks of `a`.",
        examples: &["ones_like(eye(2))"],
        method: false,
        imp: |_, a| like(a, Some(Scalar::Int(1))),
    },
    Builtin {
        name: "empty_like",
        module: Module::Root,
        signature: "empty_like(a, dtype=None, chunks=None)",
        doc: "An array shaped like `a` (filled with zeros).",
        examples: &["empty_like(ones(2))"],
        method: false,
        imp: |_, a| like(a, Some(Scalar::Int(0))),
    },
    Builtin {
        name: "full_like",
        module: Module::Root,
        signature: "full_like(a, fill_value, dtype=None, chunks=None)",
        doc: "An array shaped like `a` filled with `fill_value`.",
        examples: &["full_like(arange(3), 9)"],
        method: false,
        imp: |_, a| like(a, None),
    },
    Builtin {
        name: "arange",
        module: Module::Root,
        signature: "arange(start, stop=None, step=None, dtype=None, chunks='auto')",
        doc: "Evenly spaced values in [start, stop): `arange(5)`, `arange(1, 5)`, \
              `arange(0, 1, 0.25)`. Integer arguments give int64, otherwise float64.",
        examples: &["arange(5)", "arange(1, 5)", "arange(0, 1, 0.25)"],
        method: false,
        imp: arange,
    },
    Builtin {
        name: "linspace",
        module: Module::Root,
        signature: "linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, chunks='auto')",
        doc: "`num` evenly spaced values from `start` to `stop` (inclusive unless endpoint=False).",
        examples: &["linspace(-1, 1, 5)", "linspace(0, 1, 4, endpoint=False)"],
        method: false,
        imp: linspace,
    },
    Builtin {
        name: "logspace",
        module: Module::Root,
        signature: "logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, chunks='auto')",
        doc: "`base ** linspace(start, stop, num)`: numbers evenly spaced on a log scale.",
        examples: &["logspace(0, 3, 4)", "logspace(0, 4, 5, base=2.0)"],
        method: false,
        imp: logspace,
    },
    Builtin {
        name: "geomspace",
        module: Module::Root,
        signature: "geomspace(start, stop, num=50, endpoint=True, dtype=None, chunks='auto')",
        doc: "A geometric progression from `start` to `stop` (both ends exact, same sign, not zero).",
        examples: &["geomspace(1, 1000, 4)", "geomspace(-1, -16, 5)"],
        method: false,
        imp: geomspace,
    },
    Builtin {
        name: "eye",
        module: Module::Root,
        signature: "eye(N, M=None, k=0, dtype=float64, chunks='auto')",
        doc: "A 2-D array with ones on the diagonal `k` and zeros elsewhere.",
        examples: &["eye(3)", "eye(2, 3, k=1, dtype=int)"],
        method: false,
        imp: eye,
    },
    Builtin {
        name: "identity",
        module: Module::Root,
        signature: "identity(N, dtype=float64, M=None, k=0, chunks='auto')",
        doc: "The N×N identity matrix.",
        examples: &["identity(2)"],
        method: false,
        imp: eye,
    },
];
