//! NumPy's `Generator` API and sampling from a population.
//!
//! `random.default_rng(seed)` returns a generator whose methods
//! (`rng.normal`, `rng.integers`, `rng.choice`, ...) draw from its own key and
//! call counter, independent of the session's `random.seed` streams; two
//! generators with the same seed give the same values. The distribution
//! methods are `random.rs`'s and `distributions.rs`'s own functions: they get
//! their stream from [`stream_key`], which asks the generator the method was
//! called on. `choice`, `permutation` and `permuted` (generator methods, and
//! `choice`/`permutation` in `random`) compute their index vector at call
//! time from a counter-based stream (`random::sample`), capped at
//! `MAX_INDEX_ARRAY`, and gather lazily with `take`: like every random array
//! in arr, the values do not depend on chunks or threads.

use super::convert::*;
use super::distributions::{
    beta, binomial, chisquare, exponential, gamma, geometric, lognormal, pareto, poisson,
    standard_gamma,
};
use super::random::{draw, normal, uniform};
use super::{Args, Builtin, Module};
use crate::array::{ArrayData, DType};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, MAX_INDEX_ARRAY, Value};
use crate::ir::{NodeRef, build};
use crate::random::{Distribution, StreamKey, fill_i64, sample};
use std::sync::Arc;

/// The stream for one random call: the next of the generator the method was
/// called on, or of the session for `random.*` functions.
pub(super) fn stream_key(interp: &mut Interp, a: &Args) -> R<StreamKey> {
    match &a.receiver {
        Some(Value::Generator(id)) => interp.generator_stream(*id).ok_or_else(|| {
            Diagnostic::new(ErrorKind::Value, "this generator is not in this session", a.call_span)
        }),
        _ => Ok(interp.next_stream()),
    }
}

/// The error for NumPy's in-place `shuffle`, which arr cannot have.
pub fn in_place_shuffle_error(owner: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        ErrorKind::Type,
        format!("{owner}.shuffle shuffles an array in place, and arr's arrays are immutable"),
        span,
    )
    .with_hint("use `x = rng.permutation(x)` (or `rng.permuted(x, axis=1)` to shuffle each row)")
}

fn value_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Value, msg, span)
}

/// SplitMix64's finalizer: a bijective mix of 64 bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A generator's Philox key from the words of its seed. The domain constant
/// keeps generator keys apart from session seeds (whose key is the seed
/// itself) and explicit seeds apart from session-derived ones.
fn generator_seed(domain: u64, words: &[u64]) -> u64 {
    let h = words.iter().fold(mix(domain), |h, &w| mix(h ^ mix(w)));
    mix(h ^ words.len() as u64)
}

const EXPLICIT_SEED: u64 = 0x6765_6e65_7261_746f; // "generato"
const SESSION_SEED: u64 = 0x7365_7373_696f_6e21; // "session!"

fn default_rng(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("seed");
    let word = |v: &Value| match to_int(v, span, "seed")? {
        s if s < 0 => Err(value_err("expected non-negative integer", span)),
        s => Ok(s as u64),
    };
    let seed = match &v {
        // NumPy: passing a generator returns it unchanged.
        Value::Generator(_) => return Ok(v),
        Value::None => {
            let k = interp.next_stream();
            generator_seed(SESSION_SEED, &[k.seed, k.stream])
        }
        Value::Int(_) | Value::Bool(_) => generator_seed(EXPLICIT_SEED, &[word(&v)?]),
        Value::List(_) | Value::Tuple(_) => {
            let words = v.sequence().unwrap_or_default().iter().map(word).collect::<R<Vec<_>>>()?;
            generator_seed(EXPLICIT_SEED, &words)
        }
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("the seed must be an int or a sequence of ints, not {}", other.type_name()),
                span,
            ));
        }
    };
    Ok(interp.new_generator(seed))
}

/// `dtype=` of `random`/`standard_normal`: float64 or float32.
fn float_dtype(a: &Args, method: &str) -> R<DType> {
    match to_dtype(&a.value("dtype"), a.span("dtype"))? {
        None | Some(DType::Float64) => Ok(DType::Float64),
        Some(DType::Float32) => Ok(DType::Float32),
        Some(d) => Err(Diagnostic::new(
            ErrorKind::Type,
            format!("Unsupported dtype dtype('{d}') for {method}"),
            a.span("dtype"),
        )),
    }
}

fn cast_value(v: Value, dtype: DType) -> Value {
    match v {
        Value::Array(n) if n.dtype != dtype => Value::Array(build::cast(&n, dtype)),
        v => v,
    }
}

/// The largest float32 below 1: float64 uniforms in [0, this) round to
/// float32 values in [0, 1), never up to 1.
const F32_BELOW_ONE: f64 = 1.0 - 1.0 / 16_777_216.0;

fn gen_random(i: &mut Interp, a: &mut Args) -> R<Value> {
    match float_dtype(a, "random")? {
        DType::Float32 => {
            let v = draw(i, a, Distribution::Uniform { low: 0.0, high: F32_BELOW_ONE })?;
            Ok(cast_value(v, DType::Float32))
        }
        _ => draw(i, a, Distribution::Random),
    }
}

fn gen_standard_normal(i: &mut Interp, a: &mut Args) -> R<Value> {
    let dtype = float_dtype(a, "standard_normal")?;
    Ok(cast_value(draw(i, a, Distribution::StandardNormal)?, dtype))
}

/// The values an integer dtype holds (bool: 0 and 1).
fn int_range(d: DType) -> (i128, i128) {
    match d {
        DType::Bool => (0, 1),
        DType::Int8 => (i8::MIN.into(), i8::MAX.into()),
        DType::Int16 => (i16::MIN.into(), i16::MAX.into()),
        DType::Int32 => (i32::MIN.into(), i32::MAX.into()),
        DType::UInt8 => (0, u8::MAX.into()),
        DType::UInt16 => (0, u16::MAX.into()),
        DType::UInt32 => (0, u32::MAX.into()),
        DType::UInt64 => (0, u64::MAX.into()),
        _ => (i64::MIN.into(), i64::MAX.into()),
    }
}

fn integers(i: &mut Interp, a: &mut Args) -> R<Value> {
    let low = to_int(&a.value("low"), a.span("low"), "low")?;
    let (low, high, high_span) = if a.is_none("high") {
        (0, low, a.span("low"))
    } else {
        (low, to_int(&a.value("high"), a.span("high"), "high")?, a.span("high"))
    };
    let endpoint = to_bool(&a.value("endpoint"), a.span("endpoint"), "endpoint")?;
    let dtype = to_dtype(&a.value("dtype"), a.span("dtype"))?.unwrap_or(DType::Int64);
    if !(dtype.is_integer() || dtype.is_bool()) {
        return Err(Diagnostic::new(
            ErrorKind::Type,
            format!("Unsupported dtype dtype('{dtype}') for integers"),
            a.span("dtype"),
        ));
    }
    let top = if endpoint {
        if low > high {
            return Err(value_err("low > high", a.call_span));
        }
        high
    } else {
        if low >= high {
            return Err(value_err("low >= high", a.call_span)
                .with_hint("integers draws from [low, high); endpoint=True includes high"));
        }
        high - 1
    };
    let (min, max) = int_range(dtype);
    if i128::from(low) < min {
        return Err(value_err(format!("low is out of bounds for {dtype}"), a.span("low")));
    }
    if i128::from(top) > max {
        return Err(value_err(format!("high is out of bounds for {dtype}"), high_span));
    }
    let Some(high) = top.checked_add(1) else {
        return Err(value_err("integers up to 2**63 - 1 inclusive are not supported", high_span)
            .with_hint("use high=2**63 - 1 without endpoint=True"));
    };
    Ok(cast_value(draw(i, a, Distribution::RandInt { low, high })?, dtype))
}

/// What `choice` samples from: `0..n` for an integer `a`, or the items of
/// an array along `axis`.
enum Population {
    Range(u64),
    Items(NodeRef, usize),
}

/// `a=` of `choice`, with NumPy's messages (the generator's and the legacy
/// module's differ), and whether an empty population is an error.
fn population(a: &Args, generator: bool, count: usize) -> R<Population> {
    let (v, span) = a.get("a");
    let not_sequence = || {
        let msg = if generator {
            "a must be a sequence or an integer"
        } else {
            "a must be 1-dimensional or an integer"
        };
        value_err(msg, span)
    };
    let pop = match &v {
        Value::Int(_) | Value::Bool(_) => {
            let n = to_int(&v, span, "a")?;
            if n <= 0 && count > 0 {
                let msg = if generator {
                    "a must be a positive integer unless no samples are taken"
                } else {
                    "a must be greater than 0 unless no samples are taken"
                };
                return Err(value_err(msg, span));
            }
            Population::Range(n.max(0) as u64)
        }
        Value::Float(_) => return Err(not_sequence()),
        _ => {
            let x = to_array(&v, span)?;
            if x.ndim() == 0 {
                return Err(not_sequence());
            }
            if !generator && x.ndim() != 1 {
                return Err(value_err("a must be 1-dimensional", span));
            }
            let axis = if generator {
                let (av, aspan) = a.get("axis");
                norm_axis(to_int(&av, aspan, "axis")?, x.ndim(), aspan)?
            } else {
                0
            };
            if x.shape[axis] == 0 && count > 0 {
                let msg = if generator {
                    "a cannot be empty unless no samples are taken"
                } else {
                    "'a' cannot be empty unless no samples are taken"
                };
                return Err(value_err(msg, span));
            }
            Population::Items(x, axis)
        }
    };
    Ok(pop)
}

/// `p=` of `choice`, validated as NumPy does: 1-d, one entry per item, no
/// NaN, non-negative, summing to 1 within sqrt(float64 eps).
fn probabilities(interp: &mut Interp, a: &Args, n: u64, generator: bool) -> R<Option<Vec<f64>>> {
    if a.is_none("p") {
        return Ok(None);
    }
    let (v, span) = a.get("p");
    // The generator's messages start with a capital, the legacy module's not.
    let msg =
        |gen_msg: &str, legacy: &str| value_err(if generator { gen_msg } else { legacy }, span);
    let node = to_array(&v, span)?;
    if node.ndim() != 1 {
        return Err(msg("p must be 1-dimensional", "'p' must be 1-dimensional"));
    }
    if node.shape[0] as u64 != n {
        return Err(msg("a and p must have same size", "'a' and 'p' must have same size"));
    }
    if node.size() > MAX_INDEX_ARRAY {
        return Err(too_large(node.size(), span));
    }
    let p = interp.compute(&node).map_err(|d| d.or_span(span))?.to_f64_vec();
    // Neumaier's compensated sum, as NumPy's Kahan sum, for the check (a
    // plain sum when an entry is infinite, which compensation would make NaN).
    let sum = if p.iter().all(|x| x.is_finite()) {
        let (mut sum, mut comp) = (0.0f64, 0.0f64);
        for &x in &p {
            let t = sum + x;
            comp += if sum.abs() >= x.abs() { (sum - t) + x } else { (x - t) + sum };
            sum = t;
        }
        sum + comp
    } else {
        p.iter().sum()
    };
    if sum.is_nan() {
        return Err(msg("Probabilities contain NaN", "probabilities contain NaN"));
    }
    if p.iter().any(|&x| x < 0.0) {
        return Err(msg(
            "Probabilities are not non-negative",
            "probabilities are not non-negative",
        ));
    }
    if (sum - 1.0).abs() > f64::EPSILON.sqrt() {
        return Err(msg(
            "Probabilities do not sum to 1. See Notes section of docstring for more information.",
            "probabilities do not sum to 1",
        ));
    }
    Ok(Some(p))
}

fn too_large(n: usize, span: Span) -> Diagnostic {
    Diagnostic::new(
        ErrorKind::Memory,
        format!(
            "sampling {n} items needs an index vector larger than arr computes at once \
             ({MAX_INDEX_ARRAY})"
        ),
        span,
    )
    .with_hint("sample in several smaller calls")
}

/// Sampled indices as an int64 array of `shape`, chunked by `chunks=`.
fn index_array(a: &Args, idx: Vec<u64>, shape: &[usize]) -> R<NodeRef> {
    let values: Vec<i64> = idx.into_iter().map(|i| i as i64).collect();
    let data = ndarray::ArrayD::from_shape_vec(ndarray::IxDyn(shape), values)
        .map_err(|e| value_err(e.to_string(), a.call_span))?;
    let (cv, cs) = a.get("chunks");
    let chunks =
        build::chunks_for(&to_chunks(&cv, cs)?, shape, DType::Int64).map_err(|d| d.or_span(cs))?;
    Ok(build::literal(ArrayData::I64(data), Some(chunks)))
}

/// `x`'s items along `axis` picked by `idx`, the axis replaced by `shape`.
fn gather(a: &Args, x: &NodeRef, axis: usize, idx: Vec<u64>, shape: &[usize]) -> R<NodeRef> {
    let idx = Arc::new(idx.into_iter().map(|i| i as usize).collect());
    let taken = build::take(x, axis, idx).map_err(|d| d.or_span(a.call_span))?;
    let mut dims: Vec<i64> = x.shape[..axis].iter().map(|&d| d as i64).collect();
    dims.extend(shape.iter().map(|&d| d as i64));
    dims.extend(x.shape[axis + 1..].iter().map(|&d| d as i64));
    let shaped = build::reshape(&taken, &dims).map_err(|d| d.or_span(a.call_span))?;
    with_chunks(shaped, a, "chunks")
}

fn choice(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let generator = a.receiver.is_some();
    let shape =
        if a.is_none("size") { vec![] } else { to_shape(&a.value("size"), a.span("size"))? };
    let count: usize = shape.iter().product();
    let pop = population(a, generator, count)?;
    let n = match &pop {
        Population::Range(n) => *n,
        Population::Items(x, axis) => x.shape[*axis] as u64,
    };
    let replace = to_bool(&a.value("replace"), a.span("replace"), "replace")?;
    if generator {
        to_bool(&a.value("shuffle"), a.span("shuffle"), "shuffle")?;
    }
    let p = probabilities(interp, a, n, generator)?;
    if !replace && count as u64 > n {
        let msg = if generator {
            "Cannot take a larger sample than population when replace is False"
        } else {
            "Cannot take a larger sample than population when 'replace=False'"
        };
        return Err(value_err(msg, a.span("size")));
    }
    if let Some(p) = &p
        && !replace
        && p.iter().filter(|&&x| x > 0.0).count() < count
    {
        return Err(value_err("Fewer non-zero entries in p than size", a.span("p")));
    }
    if replace && p.is_none() && matches!(pop, Population::Range(_)) {
        // Uniform indices with replacement are an ordinary lazy random array.
        let high = n.min(i64::MAX as u64) as i64;
        return super::random::random_array(
            interp,
            a,
            shape,
            Distribution::RandInt { low: 0, high },
        );
    }
    if count > MAX_INDEX_ARRAY {
        return Err(too_large(count, a.span("size")));
    }
    let key = stream_key(interp, a)?;
    let idx = match (&p, replace) {
        (None, true) => {
            let mut v = vec![0i64; count];
            fill_i64(&Distribution::RandInt { low: 0, high: n as i64 }, key, 0, 1, &mut v);
            v.into_iter().map(|i| i as u64).collect()
        }
        (Some(p), true) => {
            let mut cdf = Vec::with_capacity(p.len());
            let mut s = 0.0;
            for &x in p {
                s += x;
                cdf.push(s);
            }
            let total = s;
            cdf.iter_mut().for_each(|c| *c /= total);
            sample::weighted_with_replacement(key, &cdf, count)
        }
        (None, false) => sample::shuffled_prefix(key, 0, n, count),
        (Some(p), false) => sample::weighted_without_replacement(key, p, count),
    };
    let node = match pop {
        Population::Range(_) => index_array(a, idx, &shape)?,
        Population::Items(x, axis) => gather(a, &x, axis, idx, &shape)?,
    };
    Ok(Value::Array(node))
}

/// A whole random permutation of `0..n`, capped in size.
fn permutation_of(interp: &mut Interp, a: &Args, n: usize, span: Span) -> R<Vec<u64>> {
    if n > MAX_INDEX_ARRAY {
        return Err(too_large(n, span));
    }
    let key = stream_key(interp, a)?;
    Ok(sample::shuffled_prefix(key, 0, n as u64, n))
}

fn permutation(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let generator = a.receiver.is_some();
    let (v, span) = a.get("x");
    if let Value::Int(n) = v {
        let n = n.max(0) as usize;
        let idx = permutation_of(interp, a, n, span)?;
        return Ok(Value::Array(index_array(a, idx, &[n])?));
    }
    let x = to_array(&v, span)?;
    let axis = if generator {
        let (av, aspan) = a.get("axis");
        norm_axis(to_int(&av, aspan, "axis")?, x.ndim(), aspan)?
    } else if x.ndim() == 0 {
        return Err(Diagnostic::new(
            ErrorKind::Index,
            "x must be an integer or at least 1-dimensional",
            span,
        ));
    } else {
        0
    };
    let n = x.shape[axis];
    let idx = permutation_of(interp, a, n, span)?;
    Ok(Value::Array(gather(a, &x, axis, idx, &[n])?))
}

/// Flat source indices that shuffle every slice of `shape` along `axis`
/// independently: slice `s` is permuted by draws `s * len ..` of the stream.
fn per_slice_shuffle(key: StreamKey, shape: &[usize], axis: usize) -> Vec<usize> {
    let len = shape[axis];
    let inner: usize = shape[axis + 1..].iter().product();
    let outer: usize = shape[..axis].iter().product();
    let mut out = vec![0usize; outer * len * inner];
    for o in 0..outer {
        for k in 0..inner {
            let slice = (o * inner + k) as u64;
            let perm = sample::shuffled_prefix(key, slice * len as u64, len as u64, len);
            let origin = o * len * inner + k;
            for (j, &src) in perm.iter().enumerate() {
                out[origin + j * inner] = origin + src as usize * inner;
            }
        }
    }
    out
}

fn permuted(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (v, span) = a.get("x");
    let x = to_array(&v, span)?;
    if x.size() > MAX_INDEX_ARRAY {
        return Err(too_large(x.size(), span));
    }
    let key = stream_key(interp, a)?;
    let src = if a.is_none("axis") {
        let n = x.size();
        sample::shuffled_prefix(key, 0, n as u64, n).into_iter().map(|i| i as usize).collect()
    } else {
        let (av, aspan) = a.get("axis");
        let axis = norm_axis(to_int(&av, aspan, "axis")?, x.ndim(), aspan)?;
        per_slice_shuffle(key, &x.shape, axis)
    };
    let flat = build::reshape(&x, &[-1]).map_err(|d| d.or_span(span))?;
    let taken = build::take(&flat, 0, Arc::new(src)).map_err(|d| d.or_span(span))?;
    let dims: Vec<i64> = x.shape.iter().map(|&d| d as i64).collect();
    let shaped = build::reshape(&taken, &dims).map_err(|d| d.or_span(span))?;
    Ok(Value::Array(with_chunks(shaped, a, "chunks")?))
}

/// A generator method: the generator itself comes from `Args::receiver`.
const fn method(
    name: &'static str,
    signature: &'static str,
    doc: &'static str,
    examples: &'static [&'static str],
    imp: super::Impl,
) -> Builtin {
    Builtin { name, module: Module::Generator, signature, doc, examples, method: false, imp }
}

pub(super) const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "default_rng",
        module: Module::Random,
        signature: "default_rng(seed=None)",
        doc: "A random generator with its own stream, NumPy's `Generator`: its methods \
              (`rng.random`, `rng.normal`, `rng.integers`, `rng.choice`, ...) never touch \
              the session's `random.seed` sequence, and two generators with the same seed \
              give the same values. `seed` is a non-negative int, a sequence of them, or \
              None (a stream drawn from the session's seed, so still reproducible). The \
              values are counter-based (Philox), not NumPy's PCG64 values.",
        examples: &[
            "rng = random.default_rng(42); rng.normal(size=3)",
            "random.default_rng(1).random(2) == random.default_rng(1).random(2)",
        ],
        method: false,
        imp: default_rng,
    },
    Builtin {
        name: "choice",
        module: Module::Random,
        signature: "choice(a, size=None, replace=True, p=None, chunks='auto')",
        doc: "A random sample of `arange(a)` (int `a`) or of a 1-d array's items, with or \
              without replacement, uniform or with probabilities `p`. The sampled indices \
              are computed when called (at most 50 million).",
        examples: &[
            "random.choice(5, size=3)",
            "random.choice(array([10, 20, 30]), size=(2, 2), p=[0.5, 0.25, 0.25])",
            "random.choice(10, 4, replace=False)",
        ],
        method: false,
        imp: choice,
    },
    Builtin {
        name: "permutation",
        module: Module::Random,
        signature: "permutation(x, chunks='auto')",
        doc: "A random permutation of `arange(x)` (int `x`), or of an array's rows \
              (along axis 0).",
        examples: &["random.permutation(5)", "random.permutation(arange(6).reshape(3, 2))"],
        method: false,
        imp: permutation,
    },
    Builtin {
        name: "shuffle",
        module: Module::Random,
        signature: "shuffle(x)",
        doc: "NumPy's in-place shuffle. arr's arrays are immutable, so this is an error \
              that points to `permutation`, which returns the shuffled array.",
        examples: &["x = random.permutation(arange(5))  # instead of random.shuffle(x)"],
        method: false,
        imp: |_, a| Err(in_place_shuffle_error("random", a.call_span)),
    },
    method(
        "random",
        "random(size=None, dtype=float64, chunks='auto')",
        "Uniform floats in [0, 1) (float64 or float32).",
        &["rng = random.default_rng(0); rng.random((2, 3))"],
        gen_random,
    ),
    method(
        "standard_normal",
        "standard_normal(size=None, dtype=float64, chunks='auto')",
        "Normally distributed floats with mean 0 and standard deviation 1.",
        &["random.default_rng(0).standard_normal(3)"],
        gen_standard_normal,
    ),
    method(
        "normal",
        "normal(loc=0.0, scale=1.0, size=None, chunks='auto')",
        "Normally distributed floats with mean `loc` and standard deviation `scale`.",
        &["random.default_rng(0).normal(10, 0.1, size=(2, 2))"],
        normal,
    ),
    method(
        "uniform",
        "uniform(low=0.0, high=1.0, size=None, chunks='auto')",
        "Uniform floats in [low, high).",
        &["random.default_rng(0).uniform(-1, 1, size=4)"],
        uniform,
    ),
    method(
        "integers",
        "integers(low, high=None, size=None, dtype=int64, endpoint=False, chunks='auto')",
        "Uniform integers in [low, high) (or [low, high] with `endpoint=True`; [0, low) with \
         one bound), exactly uniform, of any integer dtype that holds the bounds.",
        &[
            "random.default_rng(0).integers(0, 10, size=5)",
            "random.default_rng(0).integers(1, 6, size=(2, 3), endpoint=True, dtype=uint8)",
        ],
        integers,
    ),
    method(
        "exponential",
        "exponential(scale=1.0, size=None, chunks='auto')",
        "Exponentially distributed floats with mean `scale`.",
        &["random.default_rng(0).exponential(2.0, size=3)"],
        exponential,
    ),
    method(
        "standard_exponential",
        "standard_exponential(size=None, chunks='auto')",
        "Exponentially distributed floats with mean 1.",
        &["random.default_rng(0).standard_exponential(3)"],
        |i, a| draw(i, a, Distribution::Exponential { scale: 1.0 }),
    ),
    method(
        "poisson",
        "poisson(lam=1.0, size=None, chunks='auto')",
        "Poisson-distributed int64 counts with mean `lam`.",
        &["random.default_rng(0).poisson(4.0, size=5)"],
        poisson,
    ),
    method(
        "binomial",
        "binomial(n, p, size=None, chunks='auto')",
        "Binomially distributed int64: successes in `n` trials of probability `p`.",
        &["random.default_rng(0).binomial(10, 0.3, size=4)"],
        binomial,
    ),
    method(
        "geometric",
        "geometric(p, size=None, chunks='auto')",
        "Geometrically distributed int64: trials up to and including the first success.",
        &["random.default_rng(0).geometric(0.5, size=4)"],
        geometric,
    ),
    method(
        "gamma",
        "gamma(shape, scale=1.0, size=None, chunks='auto')",
        "Gamma-distributed floats (mean `shape * scale`).",
        &["random.default_rng(0).gamma(2.0, 1.5, size=3)"],
        gamma,
    ),
    method(
        "standard_gamma",
        "standard_gamma(shape, size=None, chunks='auto')",
        "Gamma-distributed floats with scale 1.",
        &["random.default_rng(0).standard_gamma(0.5, size=3)"],
        standard_gamma,
    ),
    method(
        "beta",
        "beta(a, b, size=None, chunks='auto')",
        "Beta-distributed floats in [0, 1].",
        &["random.default_rng(0).beta(2, 5, size=3)"],
        beta,
    ),
    method(
        "lognormal",
        "lognormal(mean=0.0, sigma=1.0, size=None, chunks='auto')",
        "Log-normal floats: `exp(x)` for `x` normal with mean `mean` and std `sigma`.",
        &["random.default_rng(0).lognormal(0, 0.5, size=3)"],
        lognormal,
    ),
    method(
        "chisquare",
        "chisquare(df, size=None, chunks='auto')",
        "Chi-square-distributed floats with `df` degrees of freedom.",
        &["random.default_rng(0).chisquare(3, size=3)"],
        chisquare,
    ),
    method(
        "pareto",
        "pareto(a, size=None, chunks='auto')",
        "Pareto II (Lomax) floats with shape `a`, as NumPy.",
        &["random.default_rng(0).pareto(3.0, size=3)"],
        pareto,
    ),
    method(
        "choice",
        "choice(a, size=None, replace=True, p=None, axis=0, shuffle=True, chunks='auto')",
        "A random sample of `arange(a)` (int `a`) or of an array's items along `axis`, with \
         or without replacement, uniform or with probabilities `p`. Samples without \
         replacement always come in random order (`shuffle` is accepted for NumPy's sake).",
        &[
            "rng = random.default_rng(0); rng.choice(5, size=3, replace=False)",
            "random.default_rng(0).choice(array([[1, 2], [3, 4], [5, 6]]), 2, axis=0)",
        ],
        choice,
    ),
    method(
        "permutation",
        "permutation(x, axis=0, chunks='auto')",
        "A random permutation of `arange(x)` (int `x`), or of an array's items along `axis`.",
        &[
            "random.default_rng(0).permutation(6)",
            "random.default_rng(0).permutation(eye(3), axis=1)",
        ],
        permutation,
    ),
    method(
        "permuted",
        "permuted(x, axis=None, chunks='auto')",
        "The array with its elements shuffled: all of them (`axis=None`), or each slice \
         along `axis` independently of the others.",
        &["random.default_rng(0).permuted(arange(6).reshape(2, 3), axis=1)"],
        permuted,
    ),
    method(
        "shuffle",
        "shuffle(x, axis=0)",
        "NumPy's in-place shuffle. arr's arrays are immutable, so this is an error that \
         points to `permutation`, which returns the shuffled array.",
        &["x = random.default_rng(0).permutation(arange(5))  # not rng.shuffle(x)"],
        |_, a| Err(in_place_shuffle_error("Generator", a.call_span)),
    ),
];
