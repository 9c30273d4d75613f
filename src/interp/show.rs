//! Values as text: Python's `repr` for REPL display, `str` for `print`,
//! and arrays in NumPy's format — computing only the elements NumPy would
//! show (the corners of a summarized array), never the whole array.

use super::{Interp, Value};
use crate::array::{ArrayData, DType, Elem};
use crate::diag::Diagnostic;
use crate::display::{self, PrintOptions};
use crate::exec::eval::concat;
use crate::ir::{AxisSel, NodeRef, build};
use std::ops::Range;

/// A 0-d computed array as a Python number.
pub fn scalar_value(d: &ArrayData) -> Value {
    match d.dtype() {
        DType::Bool => Value::Bool(d.get_f64(0) != 0.0),
        dt if dt.is_float() => Value::Float(d.get_f64(0)),
        DType::UInt64 => {
            Value::Int(u64::unwrap_ref(d).and_then(|a| a.first().copied()).unwrap_or(0) as i64)
        }
        _ => Value::Int(
            i64::unwrap(d.cast(DType::Int64)).and_then(|a| a.first().copied()).unwrap_or(0),
        ),
    }
}

/// Python's float repr (`1.0`, `0.1`, `1e-06`), which NumPy's float64
/// scalar `str` shares.
fn float_repr(f: f64) -> String {
    display::format_scalar(&ArrayData::F64(ndarray::arr0(f).into_dyn()))
}

/// Python's `repr` of a value, without computing anything.
pub fn repr(v: &Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => {
            if s.contains('\'') && !s.contains('"') {
                format!("\"{s}\"")
            } else {
                format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'").replace('\n', "\\n"))
            }
        }
        Value::Tuple(t) if t.len() == 1 => format!("({},)", repr(&t[0])),
        Value::Tuple(t) => format!("({})", t.iter().map(repr).collect::<Vec<_>>().join(", ")),
        Value::List(l) => format!("[{}]", l.iter().map(repr).collect::<Vec<_>>().join(", ")),
        Value::Dict(d) => format!(
            "{{{}}}",
            d.iter()
                .map(|(k, v)| format!("{}: {}", repr(k), repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Range(a, b, 1) => format!("range({a}, {b})"),
        Value::Range(a, b, s) => format!("range({a}, {b}, {s})"),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Array(n) => format!("array<{}, shape={}>", n.dtype, build::shape_str(&n.shape)),
        Value::DType(d) => format!("dtype('{d}')"),
        Value::Module(m) => format!("<module '{}'>", m.name()),
        Value::Builtin(b) => format!("<function {}>", b.qualified()),
        Value::Method(_, b) => format!("<method {}>", b.name),
        Value::Function(f) => format!("<function {}>", f.name),
        // NumPy shows its bit generator's name: PCG64 there, Philox here.
        Value::Generator(_) => "Generator(Philox)".into(),
        Value::Hdf5(h) => h.repr(),
    }
}

/// `str()` of a non-array value (strings without quotes).
pub fn plain_str(v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        // NumPy: `str(np.dtype('float64'))` is `float64`; repr adds `dtype(...)`.
        Value::DType(d) => d.to_string(),
        other => repr(other),
    }
}

impl Interp {
    /// The shown part of an array, computing each displayed corner block.
    fn shown_data(&mut self, node: &NodeRef, opts: &PrintOptions) -> Result<ArrayData, Diagnostic> {
        let ranges = display::shown_ranges(&node.shape, opts);
        if ranges.iter().all(|r| r.len() == 1) {
            return self.compute(node);
        }
        self.assemble(node, &ranges, 0, &mut Vec::new())
    }

    fn assemble(
        &mut self,
        node: &NodeRef,
        ranges: &[Vec<Range<usize>>],
        axis: usize,
        chosen: &mut Vec<Range<usize>>,
    ) -> Result<ArrayData, Diagnostic> {
        if axis == ranges.len() {
            let sels = chosen
                .iter()
                .map(|r| AxisSel::Range { start: r.start as i64, step: 1, len: r.len() })
                .collect();
            let part = build::slice(node, sels)?;
            return self.compute(&part);
        }
        let mut acc: Option<ArrayData> = None;
        for r in &ranges[axis] {
            chosen.push(r.clone());
            let block = self.assemble(node, ranges, axis + 1, chosen)?;
            chosen.pop();
            acc = Some(match acc {
                None => block,
                Some(a) => concat(a, block, axis),
            });
        }
        Ok(acc.expect("at least one range per axis"))
    }

    /// An array's values as NumPy's `str` shows them.
    pub fn array_str(&mut self, node: &NodeRef) -> Result<String, Diagnostic> {
        let opts = PrintOptions::default();
        if node.ndim() == 0 {
            let d = self.compute(node)?;
            return Ok(display::format_scalar(&d));
        }
        let shown = self.shown_data(node, &opts)?;
        Ok(display::format_array(&shown, &node.shape, &opts))
    }

    /// `str(v)` as `print` shows it; arrays are computed (their shown part).
    pub fn str_of(&mut self, v: &Value) -> Result<String, Diagnostic> {
        match v {
            Value::Array(n) => self.array_str(n),
            Value::List(_) | Value::Tuple(_) if contains_array(v) => {
                let items = v.sequence().unwrap_or_default();
                let parts = items.iter().map(|i| self.str_of(i)).collect::<Result<Vec<_>, _>>()?;
                Ok(match v {
                    Value::Tuple(_) if parts.len() == 1 => format!("({},)", parts[0]),
                    Value::Tuple(_) => format!("({})", parts.join(", ")),
                    _ => format!("[{}]", parts.join(", ")),
                })
            }
            other => Ok(plain_str(other)),
        }
    }

    /// What the REPL and `arr -e` show for a value: arrays get a one-line
    /// header (dtype, shape, chunks, bytes) above their values.
    pub fn display(&mut self, v: &Value) -> Result<String, Diagnostic> {
        match v {
            Value::Array(n) if n.ndim() == 0 => self.array_str(n),
            Value::Array(n) => {
                let header = display::format_header(n.dtype, &n.shape, &n.chunks, n.nbytes());
                Ok(format!("{header}\n{}", self.array_str(n)?))
            }
            // Containers holding arrays show the arrays' values, as Python
            // shows NumPy arrays inside a tuple.
            Value::List(_) | Value::Tuple(_) if contains_array(v) => self.str_of(v),
            other => Ok(repr(other)),
        }
    }

    /// The JSON form of a value (`--format json`).
    pub fn to_json(&mut self, v: &Value) -> Result<serde_json::Value, Diagnostic> {
        use serde_json::json;
        Ok(match v {
            Value::Array(n) => display::array_to_json(&self.compute(n)?),
            Value::None => serde_json::Value::Null,
            Value::Bool(b) => json!(b),
            Value::Int(i) => json!(i),
            Value::Float(f) if f.is_nan() => json!("nan"),
            Value::Float(f) if f.is_infinite() => json!(if *f > 0.0 { "inf" } else { "-inf" }),
            Value::Float(f) => json!(f),
            Value::Str(s) => json!(s.to_string()),
            Value::Range(a, b, s)
                if super::value::range_len(*a, *b, *s) > super::value::MAX_PY_ITEMS =>
            {
                let n = super::value::range_len(*a, *b, *s);
                return Err(Diagnostic::global(
                    crate::diag::ErrorKind::Memory,
                    format!("a range of {n} items is too long to convert to JSON"),
                ));
            }
            Value::Tuple(_) | Value::List(_) | Value::Range(..) => {
                let items = v.sequence().unwrap_or_default();
                serde_json::Value::Array(
                    items.iter().map(|i| self.to_json(i)).collect::<Result<_, _>>()?,
                )
            }
            Value::Dict(d) => {
                let mut m = serde_json::Map::new();
                for (k, val) in d.iter() {
                    m.insert(plain_str(k), self.to_json(val)?);
                }
                serde_json::Value::Object(m)
            }
            other => json!(repr(other)),
        })
    }
}

fn contains_array(v: &Value) -> bool {
    v.sequence().is_some_and(|items| {
        items.iter().any(|i| matches!(i, Value::Array(_)) || contains_array(i))
    })
}
