//! The JSON form of a computed array for embedders and `--json` output:
//! `{"dtype": "float64", "shape": [2, 3], "data": [[...], [...]]}`.
//!
//! JSON has no NaN or infinities, so those become the strings `"nan"`,
//! `"inf"` and `"-inf"`. Integers stay exact JSON integers (u64 included),
//! and a float32 is written through its shortest f32 repr so that `0.1f32`
//! reads back as `0.1`, not `0.10000000149011612`.

use crate::array::{ArrayData, Elem, Kind};
use serde_json::{Map, Number, Value};

/// One element as a JSON value.
fn elem_json<T: Elem>(x: T) -> Value {
    match T::DTYPE.kind() {
        Kind::Bool => Value::Bool(x.to_i64() != 0),
        Kind::Int => Value::Number(x.to_i64().into()),
        Kind::UInt => Value::Number(x.to_u64().into()),
        Kind::Float => {
            let v = x.to_f64();
            if v.is_nan() {
                return Value::String("nan".into());
            }
            if v.is_infinite() {
                return Value::String(if v > 0.0 { "inf" } else { "-inf" }.into());
            }
            // The f64 nearest to the f32's shortest decimal prints as that
            // decimal, because serde_json writes f64 shortest too.
            let v = if T::DTYPE.size() == 4 {
                format!("{}", v as f32).parse::<f64>().expect("float repr parses")
            } else {
                v
            };
            Value::Number(Number::from_f64(v).expect("finite"))
        }
    }
}

/// Nests the C-order `flat` values by `shape`.
fn nest(flat: &mut impl Iterator<Item = Value>, shape: &[usize]) -> Value {
    match shape.split_first() {
        None => flat.next().unwrap_or(Value::Null),
        Some((&n, rest)) => Value::Array((0..n).map(|_| nest(flat, rest)).collect()),
    }
}

/// JSON form: `{"dtype": "float64", "shape": [2, 3], "data": [[...],[...]]}`;
/// 0-d arrays have shape `[]` and data a bare number; NaN and ±inf as the
/// strings "nan", "inf", "-inf".
pub fn array_to_json(data: &ArrayData) -> Value {
    let shape = data.shape().to_vec();
    let mut flat =
        crate::with_data!(data, a, _T => a.iter().map(|&x| elem_json(x)).collect::<Vec<_>>())
            .into_iter();
    let mut obj = Map::new();
    obj.insert("dtype".into(), Value::String(data.dtype().name().into()));
    obj.insert("shape".into(), Value::Array(shape.iter().map(|&n| Value::from(n)).collect()));
    obj.insert("data".into(), nest(&mut flat, &shape));
    Value::Object(obj)
}
