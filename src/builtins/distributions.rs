//! More of `random.*`: NumPy's legacy `np.random` distributions
//! (`exponential, poisson, binomial, gamma, beta, ...`) and the
//! dimension-argument forms `rand(*dims)` / `randn(*dims)`, over the same
//! counter-based generator as `random.rs`. Parameters are checked here, with
//! NumPy's messages, so an error points at the argument that caused it.

use super::convert::*;
use super::random::{draw, num, random_array};
use super::{Args, Builtin, Module};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value};
use crate::random::Distribution;

/// NumPy's `POISSON_LAM_MAX`: `int64 max - 10 * sqrt(int64 max)`.
const POISSON_LAM_MAX: f64 = 9.223372006484771e18;

/// A scalar parameter, rejected with NumPy's `message` unless `ok(x)`.
fn param(interp: &mut Interp, a: &Args, name: &str, ok: fn(f64) -> bool, message: &str) -> R<f64> {
    let x = num(interp, a, name)?;
    if ok(x) { Ok(x) } else { Err(Diagnostic::new(ErrorKind::Value, message, a.span(name))) }
}

// As NumPy, a NaN parameter passes these two checks (and gives NaN draws).
fn non_negative(x: f64) -> bool {
    x >= 0.0 || x.is_nan()
}

fn positive(x: f64) -> bool {
    x > 0.0 || x.is_nan()
}

fn any(_: f64) -> bool {
    true
}

pub(super) fn exponential(i: &mut Interp, a: &mut Args) -> R<Value> {
    let scale = param(i, a, "scale", non_negative, "scale < 0")?;
    draw(i, a, Distribution::Exponential { scale })
}

pub(super) fn poisson(i: &mut Interp, a: &mut Args) -> R<Value> {
    let lam = param(i, a, "lam", |x| x.is_nan() || x <= POISSON_LAM_MAX, "lam value too large")?;
    let lam = if lam >= 0.0 {
        lam
    } else {
        return Err(Diagnostic::new(ErrorKind::Value, "lam < 0 or lam is NaN", a.span("lam")));
    };
    draw(i, a, Distribution::Poisson { lam })
}

pub(super) fn binomial(i: &mut Interp, a: &mut Args) -> R<Value> {
    let n = to_int(&a.value("n"), a.span("n"), "n")?;
    if n < 0 {
        return Err(Diagnostic::new(ErrorKind::Value, "n < 0", a.span("n")));
    }
    let p = param(i, a, "p", |x| (0.0..=1.0).contains(&x), "p < 0, p > 1 or p is NaN")?;
    draw(i, a, Distribution::Binomial { n, p })
}

pub(super) fn geometric(i: &mut Interp, a: &mut Args) -> R<Value> {
    let p = param(i, a, "p", |x| x > 0.0 && x <= 1.0, "p <= 0, p > 1 or p contains NaNs")?;
    draw(i, a, Distribution::Geometric { p })
}

pub(super) fn gamma(i: &mut Interp, a: &mut Args) -> R<Value> {
    let shape = param(i, a, "shape", non_negative, "shape < 0")?;
    let scale = param(i, a, "scale", non_negative, "scale < 0")?;
    draw(i, a, Distribution::Gamma { shape, scale })
}

pub(super) fn standard_gamma(i: &mut Interp, a: &mut Args) -> R<Value> {
    let shape = param(i, a, "shape", non_negative, "shape < 0")?;
    draw(i, a, Distribution::Gamma { shape, scale: 1.0 })
}

pub(super) fn beta(i: &mut Interp, a: &mut Args) -> R<Value> {
    let pa = param(i, a, "a", positive, "a <= 0")?;
    let pb = param(i, a, "b", positive, "b <= 0")?;
    draw(i, a, Distribution::Beta { a: pa, b: pb })
}

pub(super) fn lognormal(i: &mut Interp, a: &mut Args) -> R<Value> {
    let mean = param(i, a, "mean", any, "")?;
    let sigma = param(i, a, "sigma", non_negative, "sigma < 0")?;
    draw(i, a, Distribution::LogNormal { mean, sigma })
}

pub(super) fn chisquare(i: &mut Interp, a: &mut Args) -> R<Value> {
    let df = param(i, a, "df", positive, "df <= 0")?;
    draw(i, a, Distribution::ChiSquare { df })
}

pub(super) fn pareto(i: &mut Interp, a: &mut Args) -> R<Value> {
    let pa = param(i, a, "a", positive, "a <= 0")?;
    draw(i, a, Distribution::Pareto { a: pa })
}

/// `rand(2, 3)`: the shape as separate integer arguments (none gives 0-d).
fn dims(a: &Args) -> R<Vec<usize>> {
    let span: Span = match (a.varargs.first(), a.varargs.last()) {
        (Some((_, first)), Some((_, last))) => first.join(*last),
        _ => return Ok(vec![]),
    };
    let ints = a
        .varargs
        .iter()
        .map(|(v, s)| to_int(v, *s, "each dimension").map(Value::Int))
        .collect::<R<Vec<_>>>()?;
    to_shape(&Value::tuple(ints), span)
}

fn rand(i: &mut Interp, a: &mut Args) -> R<Value> {
    let shape = dims(a)?;
    random_array(i, a, shape, Distribution::Random)
}

fn randn(i: &mut Interp, a: &mut Args) -> R<Value> {
    let shape = dims(a)?;
    random_array(i, a, shape, Distribution::StandardNormal)
}

pub const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "exponential",
        module: Module::Random,
        signature: "exponential(scale=1.0, size=None, chunks='auto')",
        doc: "Exponentially distributed floats with mean `scale` (`scale` = 1/rate).",
        examples: &["random.exponential(2.0, size=4)"],
        method: false,
        imp: exponential,
    },
    Builtin {
        name: "standard_exponential",
        module: Module::Random,
        signature: "standard_exponential(size=None, chunks='auto')",
        doc: "Exponentially distributed floats with mean 1.",
        examples: &["random.standard_exponential((2, 2))"],
        method: false,
        imp: |i, a| draw(i, a, Distribution::Exponential { scale: 1.0 }),
    },
    Builtin {
        name: "poisson",
        module: Module::Random,
        signature: "poisson(lam=1.0, size=None, chunks='auto')",
        doc: "Poisson-distributed int64 counts with mean `lam`.",
        examples: &["random.poisson(5, size=6)"],
        method: false,
        imp: poisson,
    },
    Builtin {
        name: "binomial",
        module: Module::Random,
        signature: "binomial(n, p, size=None, chunks='auto')",
        doc: "Binomially distributed int64: successes in `n` trials of probability `p`.",
        examples: &["random.binomial(10, 0.5, size=(2, 3))"],
        method: false,
        imp: binomial,
    },
    Builtin {
        name: "geometric",
        module: Module::Random,
        signature: "geometric(p, size=None, chunks='auto')",
        doc: "Geometrically distributed int64: trials up to and including the first success.",
        examples: &["random.geometric(0.25, size=5)"],
        method: false,
        imp: geometric,
    },
    Builtin {
        name: "gamma",
        module: Module::Random,
        signature: "gamma(shape, scale=1.0, size=None, chunks='auto')",
        doc: "Gamma-distributed floats with shape `k` and scale `theta` (mean `shape * scale`).",
        examples: &["random.gamma(2.0, 3.0, size=4)"],
        method: false,
        imp: gamma,
    },
    Builtin {
        name: "standard_gamma",
        module: Module::Random,
        signature: "standard_gamma(shape, size=None, chunks='auto')",
        doc: "Gamma-distributed floats with scale 1.",
        examples: &["random.standard_gamma(0.5, size=3)"],
        method: false,
        imp: standard_gamma,
    },
    Builtin {
        name: "beta",
        module: Module::Random,
        signature: "beta(a, b, size=None, chunks='auto')",
        doc: "Beta-distributed floats in [0, 1] with shape parameters `a` and `b`.",
        examples: &["random.beta(2, 5, size=4)"],
        method: false,
        imp: beta,
    },
    Builtin {
        name: "lognormal",
        module: Module::Random,
        signature: "lognormal(mean=0.0, sigma=1.0, size=None, chunks='auto')",
        doc: "Log-normal floats: `exp(x)` for `x` normal with mean `mean` and std `sigma`.",
        examples: &["random.lognormal(0, 0.5, size=4)"],
        method: false,
        imp: lognormal,
    },
    Builtin {
        name: "chisquare",
        module: Module::Random,
        signature: "chisquare(df, size=None, chunks='auto')",
        doc: "Chi-square-distributed floats with `df` degrees of freedom.",
        examples: &["random.chisquare(3, size=4)"],
        method: false,
        imp: chisquare,
    },
    Builtin {
        name: "pareto",
        module: Module::Random,
        signature: "pareto(a, size=None, chunks='auto')",
        doc: "Pareto II (Lomax) floats with shape `a`, as NumPy: add 1 and multiply by `m` \
              for the classical Pareto with minimum `m`.",
        examples: &["random.pareto(3.0, size=4)", "(random.pareto(3.0, size=4) + 1) * 2"],
        method: false,
        imp: pareto,
    },
    Builtin {
        name: "rand",
        module: Module::Random,
        signature: "rand(*dims, chunks='auto')",
        doc: "Uniform floats in [0, 1) with the shape given as separate integers.",
        examples: &["random.rand(2, 3)", "random.rand()"],
        method: false,
        imp: rand,
    },
    Builtin {
        name: "randn",
        module: Module::Random,
        signature: "randn(*dims, chunks='auto')",
        doc: "Standard normal floats with the shape given as separate integers.",
        examples: &["random.randn(3)", "random.randn(2, 2)"],
        method: false,
        imp: randn,
    },
];
