//! Running a program in a fresh session and comparing what it gave:
//! bit for bit, or to rounding.

use arr::array::ArrayData;
use arr::{Options, Session, Value};

// ---------------------------------------------------------------------------
// Running programs

/// What a program evaluated to, in a form that can be compared.
#[derive(Clone, Debug)]
pub(crate) struct Outcome {
    /// dtype name, or a Python type name for Python scalars.
    pub(crate) dtype: String,
    pub(crate) shape: Vec<usize>,
    pub(crate) values: Vec<f64>,
}

pub(crate) fn options(threads: usize, optimize: bool) -> Options {
    Options { threads: Some(threads), seed: 0, optimize }
}

/// Runs `code` in a fresh session and computes its last value; a panic
/// inside arr becomes an error naming it.
pub(crate) fn run(code: &str, o: Options) -> Result<Outcome, String> {
    quiet_panics();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut s = Session::with_options(o);
        let v = s.eval("<prop>", code).map_err(|d| s.render(&d, false))?;
        outcome(&mut s, v)
    }))
    .unwrap_or_else(|p| {
        // Shrinking may move past this program; keep it in the test's output.
        eprintln!("  ^ in program: {code}");
        Err(format!("PANIC: {}", panic_text(&p)))
    })
}

pub(crate) fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "?".into())
}

/// Panics inside arr are caught and reported with their program; print
/// only one line for each instead of a backtrace per worker thread.
pub(crate) fn quiet_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let loc =
                info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
            let msg = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            eprintln!("panic at {loc}: {msg}");
        }));
    });
}

pub(crate) fn outcome(s: &mut Session, v: Option<Value>) -> Result<Outcome, String> {
    match v {
        Some(Value::Array(n)) => {
            let data = s.interp().compute(&n).map_err(|d| s.render(&[d], false))?;
            // The graph's declared dtype/shape must be what the executor produced.
            if data.dtype() != n.dtype || data.shape() != &n.shape[..] {
                return Err(format!(
                    "node says {} {:?} but compute gave {} {:?}",
                    n.dtype.name(),
                    n.shape,
                    data.dtype().name(),
                    data.shape()
                ));
            }
            Ok(array_outcome(&data))
        }
        Some(Value::Float(f)) => {
            Ok(Outcome { dtype: "float".into(), shape: vec![], values: vec![f] })
        }
        Some(Value::Int(i)) => {
            Ok(Outcome { dtype: "int".into(), shape: vec![], values: vec![i as f64] })
        }
        Some(Value::Bool(b)) => {
            Ok(Outcome { dtype: "bool".into(), shape: vec![], values: vec![b as u8 as f64] })
        }
        other => Err(format!("program did not end in an array or number: {other:?}")),
    }
}

pub(crate) fn array_outcome(d: &ArrayData) -> Outcome {
    Outcome {
        dtype: d.dtype().name().to_string(),
        shape: d.shape().to_vec(),
        values: d.to_f64_vec(),
    }
}

pub(crate) fn is_f32(dtype: &str) -> bool {
    dtype == "float32"
}

/// Bitwise equality (NaN payloads included) of dtype, shape and values.
pub(crate) fn same_bits(a: &Outcome, b: &Outcome) -> Result<(), String> {
    same_meta(a, b)?;
    for (i, (x, y)) in a.values.iter().zip(&b.values).enumerate() {
        if x.to_bits() != y.to_bits() {
            return Err(format!("element {i}: {x:e} vs {y:e} (bits differ)"));
        }
    }
    Ok(())
}

pub(crate) fn same_meta(a: &Outcome, b: &Outcome) -> Result<(), String> {
    if a.dtype != b.dtype || a.shape != b.shape || a.values.len() != b.values.len() {
        return Err(format!("dtype/shape {} {:?} vs {} {:?}", a.dtype, a.shape, b.dtype, b.shape));
    }
    Ok(())
}

/// Equality up to floating-point rounding (NaN == NaN, inf == inf).
pub(crate) fn close(a: &Outcome, b: &Outcome) -> Result<(), String> {
    same_meta(a, b)?;
    let (rel, abs) = if is_f32(&a.dtype) { (1e-4, 1e-5) } else { (1e-9, 1e-12) };
    for (i, (&x, &y)) in a.values.iter().zip(&b.values).enumerate() {
        let ok = (x.is_nan() && y.is_nan())
            || x == y
            || (x - y).abs() <= rel * x.abs().max(y.abs()) + abs;
        if !ok {
            return Err(format!("element {i}: {x:e} vs {y:e}"));
        }
    }
    Ok(())
}
