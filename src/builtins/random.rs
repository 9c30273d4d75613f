//! `random.*`: NumPy's argument conventions (`loc, scale, size`) over
//! arr's counter-based generator. Each call draws a fresh stream from the
//! session seed, so a program gives the same numbers on every run, at any
//! chunking and thread count; `random.seed(n)` restarts the sequence. The
//! same functions serve a `default_rng()` generator's methods, which draw
//! from the generator's own streams instead (see `rng.rs`).

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::array::DType;
use crate::diag::{Diagnostic, ErrorKind};
use crate::interp::{Interp, Value};
use crate::ir::Generator;
use crate::ir::build;
use crate::random::Distribution;

/// A random array for a call with a `size=` argument (`None`: a 0-d array).
pub(super) fn draw(interp: &mut Interp, a: &Args, dist: Distribution) -> R<Value> {
    let shape =
        if a.is_none("size") { vec![] } else { to_shape(&a.value("size"), a.span("size"))? };
    random_array(interp, a, shape, dist)
}

/// A lazy random array of `shape` from a fresh stream, chunked by `chunks=`.
pub(super) fn random_array(
    interp: &mut Interp,
    a: &Args,
    shape: Vec<usize>,
    dist: Distribution,
) -> R<Value> {
    let dtype = dist.dtype();
    let (cv, cs) = a.get("chunks");
    let chunks =
        build::chunks_for(&to_chunks(&cv, cs)?, &shape, dtype).map_err(|d| d.or_span(cs))?;
    let key = super::rng::stream_key(interp, a)?;
    Ok(Value::Array(build::generate(Generator::Random { dist, key }, shape, dtype, chunks)))
}

/// A scalar distribution parameter (array-valued ones are not supported yet).
pub(super) fn num(interp: &mut Interp, a: &Args, name: &str) -> R<f64> {
    let (v, span) = a.get(name);
    if matches!(v, Value::Array(ref n) if n.ndim() > 0) {
        return Err(Diagnostic::new(
            ErrorKind::Type,
            format!("{name} must be a number; array-valued parameters are not supported yet"),
            span,
        ));
    }
    to_f64(interp, &v, span, name)
}

pub(super) fn normal(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let loc = num(interp, a, "loc")?;
    let scale = num(interp, a, "scale")?;
    if scale < 0.0 {
        return Err(Diagnostic::new(ErrorKind::Value, "scale < 0", a.span("scale")));
    }
    draw(interp, a, Distribution::Normal { loc, scale })
}

pub(super) fn uniform(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let low = num(interp, a, "low")?;
    let high = num(interp, a, "high")?;
    draw(interp, a, Distribution::Uniform { low, high })
}

fn randint(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let low = to_int(&a.value("low"), a.span("low"), "low")?;
    let (low, high) = if a.is_none("high") {
        (0, low)
    } else {
        (low, to_int(&a.value("high"), a.span("high"), "high")?)
    };
    if low >= high {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            format!("low >= high ({low} >= {high})"),
            a.call_span,
        )
        .with_hint("randint draws from [low, high); with one argument, from [0, low)"));
    }
    let v = draw(interp, a, Distribution::RandInt { low, high })?;
    match (to_dtype(&a.value("dtype"), a.span("dtype"))?, &v) {
        (Some(d), Value::Array(n)) if d != DType::Int64 => Ok(Value::Array(build::cast(n, d))),
        _ => Ok(v),
    }
}

fn seed(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let s = if a.is_none("seed") {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0)
    } else {
        let s = to_int(&a.value("seed"), a.span("seed"), "seed")?;
        if s < 0 {
            return Err(Diagnostic::new(
                ErrorKind::Value,
                "seed must be non-negative",
                a.span("seed"),
            ));
        }
        s as u64
    };
    interp.set_seed(s);
    Ok(Value::None)
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "seed",
        module: Module::Random,
        signature: "seed(seed=None)",
        doc: "Sets the session seed and restarts the sequence of random streams. Without \
              `seed()` a session starts from seed 0, so programs are reproducible by default.",
        examples: &["random.seed(42); random.random(2)"],
        method: false,
        imp: seed,
    },
    Builtin {
        name: "random",
        module: Module::Random,
        signature: "random(size=None, chunks='auto')",
        doc: "Uniform floats in [0, 1).",
        examples: &["random.random((2, 3))", "random.random(size=(1000, 1000)).mean()"],
        method: false,
        imp: |i, a| draw(i, a, Distribution::Random),
    },
    Builtin {
        name: "random_sample",
        module: Module::Random,
        signature: "random_sample(size=None, chunks='auto')",
        doc: "Uniform floats in [0, 1) (same as random.random).",
        examples: &["random.random_sample(3)"],
        method: false,
        imp: |i, a| draw(i, a, Distribution::Random),
    },
    Builtin {
        name: "uniform",
        module: Module::Random,
        signature: "uniform(low=0.0, high=1.0, size=None, chunks='auto')",
        doc: "Uniform floats in [low, high).",
        examples: &["random.uniform(-1, 1, size=4)"],
        method: false,
        imp: uniform,
    },
    Builtin {
        name: "normal",
        module: Module::Random,
        signature: "normal(loc=0.0, scale=1.0, size=None, chunks='auto')",
        doc: "Normally distributed floats with mean `loc` and standard deviation `scale`.",
        examples: &[
            "random.normal(10, 0.1, size=(3,))",
            "x = random.normal(10, 0.1, (20000, 20000), chunks=(1000, 1000)); mean(x, axis=0)[::100].shape",
        ],
        method: false,
        imp: normal,
    },
    Builtin {
        name: "standard_normal",
        module: Module::Random,
        signature: "standard_normal(size=None, chunks='auto')",
        doc: "Normally distributed floats with mean 0 and standard deviation 1.",
        examples: &["random.standard_normal((2, 2))"],
        method: false,
        imp: |i, a| draw(i, a, Distribution::StandardNormal),
    },
    Builtin {
        name: "randint",
        module: Module::Random,
        signature: "randint(low, high=None, size=None, dtype=int64, chunks='auto')",
        doc: "Uniform integers in [low, high), or [0, low) with one bound; exactly uniform.",
        examples: &["random.randint(0, 100, (4, 5))", "random.randint(6, size=3)"],
        method: false,
        imp: randint,
    },
];
