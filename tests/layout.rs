//! `split, array_split, hsplit, vsplit, dsplit, tile, repeat, pad,
//! diagonal, diag, trace, ptp, average, atleast_1d/2d/3d` against NumPy:
//! the expected dtype, shape and data of each case are NumPy 2.x's, with
//! chunked inputs and negative axes; each function also has an error case
//! checked for its kind, message and the column of the argument at fault.

use arr::Session;
use serde_json::Value;

fn session() -> Session {
    let mut s = Session::new();
    s.set_output(Box::new(std::io::sink()));
    s
}

#[track_caller]
fn check(s: &mut Session, code: &str, expected: &str) {
    let got = s.eval_json("<t>", code).unwrap_or_else(|d| {
        panic!("{code}: {}", s.render(&d, false));
    });
    let want: Value = serde_json::from_str(expected).unwrap();
    assert_eq!(normalize(&got), normalize(&want), "{code}");
}

/// Numbers compared as f64, so `1` and `1.0` only differ through `dtype`.
fn normalize(v: &Value) -> Value {
    match v {
        Value::Number(n) => serde_json::json!(n.as_f64().unwrap()),
        Value::Array(items) => Value::Array(items.iter().map(normalize).collect()),
        Value::Object(m) => {
            Value::Object(m.iter().map(|(k, v)| (k.clone(), normalize(v))).collect())
        }
        other => other.clone(),
    }
}

/// The program fails with `kind` and `message`, marked at 1-based `column`.
#[track_caller]
fn error(s: &mut Session, code: &str, kind: &str, message: &str, column: u64) {
    let diags = match s.eval_json("<t>", code) {
        Ok(v) => panic!("{code}: expected an error, got {v}"),
        Err(d) => d,
    };
    let e = s.error_json(&diags[0]);
    let e = &e["error"];
    assert_eq!(e["kind"], kind, "{code}: {e}");
    assert_eq!(e["message"], message, "{code}: {e}");
    assert_eq!(e["column"], column, "{code}: {e}");
}

#[test]
fn split_matches_numpy() {
    let mut s = session();
    check(
        &mut s,
        "split(arange(6, chunks=4), 3)",
        r#"[{"dtype": "int64", "shape": [2], "data": [0, 1]}, {"dtype": "int64", "shape": [2], "data": [2, 3]}, {"dtype": "int64", "shape": [2], "data": [4, 5]}]"#,
    );
    check(
        &mut s,
        "split(arange(8, chunks=2).reshape(2, 4), [1, 3], axis=-1)",
        r#"[{"dtype": "int64", "shape": [2, 1], "data": [[0], [4]]}, {"dtype": "int64", "shape": [2, 2], "data": [[1, 2], [5, 6]]}, {"dtype": "int64", "shape": [2, 1], "data": [[3], [7]]}]"#,
    );
    check(
        &mut s,
        "split(arange(7), [-2, 10, 3])",
        r#"[{"dtype": "int64", "shape": [5], "data": [0, 1, 2, 3, 4]}, {"dtype": "int64", "shape": [2], "data": [5, 6]}, {"dtype": "int64", "shape": [0], "data": []}, {"dtype": "int64", "shape": [4], "data": [3, 4, 5, 6]}]"#,
    );
    check(
        &mut s,
        "array_split(arange(7, chunks=2), 3)",
        r#"[{"dtype": "int64", "shape": [3], "data": [0, 1, 2]}, {"dtype": "int64", "shape": [2], "data": [3, 4]}, {"dtype": "int64", "shape": [2], "data": [5, 6]}]"#,
    );
    check(
        &mut s,
        "array_split(arange(3), 5)",
        r#"[{"dtype": "int64", "shape": [1], "data": [0]}, {"dtype": "int64", "shape": [1], "data": [1]}, {"dtype": "int64", "shape": [1], "data": [2]}, {"dtype": "int64", "shape": [0], "data": []}, {"dtype": "int64", "shape": [0], "data": []}]"#,
    );
    check(
        &mut s,
        "hsplit(arange(12).reshape(3, 4), 2)",
        r#"[{"dtype": "int64", "shape": [3, 2], "data": [[0, 1], [4, 5], [8, 9]]}, {"dtype": "int64", "shape": [3, 2], "data": [[2, 3], [6, 7], [10, 11]]}]"#,
    );
    check(
        &mut s,
        "hsplit(arange(6), [2])",
        r#"[{"dtype": "int64", "shape": [2], "data": [0, 1]}, {"dtype": "int64", "shape": [4], "data": [2, 3, 4, 5]}]"#,
    );
    check(
        &mut s,
        "vsplit(arange(12, chunks=5).reshape(4, 3), [1])",
        r#"[{"dtype": "int64", "shape": [1, 3], "data": [[0, 1, 2]]}, {"dtype": "int64", "shape": [3, 3], "data": [[3, 4, 5], [6, 7, 8], [9, 10, 11]]}]"#,
    );
    check(
        &mut s,
        "dsplit(ones((2, 2, 4)), 2)",
        r#"[{"dtype": "float64", "shape": [2, 2, 2], "data": [[[1.0, 1.0], [1.0, 1.0]], [[1.0, 1.0], [1.0, 1.0]]]}, {"dtype": "float64", "shape": [2, 2, 2], "data": [[[1.0, 1.0], [1.0, 1.0]], [[1.0, 1.0], [1.0, 1.0]]]}]"#,
    );
}

#[test]
fn tile_matches_numpy() {
    let mut s = session();
    check(
        &mut s,
        "tile(arange(3, chunks=2), 2)",
        r#"{"dtype": "int64", "shape": [6], "data": [0, 1, 2, 0, 1, 2]}"#,
    );
    check(
        &mut s,
        "tile(array([[1, 2], [3, 4]]), (2, 1))",
        r#"{"dtype": "int64", "shape": [4, 2], "data": [[1, 2], [3, 4], [1, 2], [3, 4]]}"#,
    );
    check(
        &mut s,
        "tile(arange(3), (2, 2, 2))",
        r#"{"dtype": "int64", "shape": [2, 2, 6], "data": [[[0, 1, 2, 0, 1, 2], [0, 1, 2, 0, 1, 2]], [[0, 1, 2, 0, 1, 2], [0, 1, 2, 0, 1, 2]]]}"#,
    );
    check(
        &mut s,
        "tile(array([[1, 2], [3, 4]], chunks=1), 2)",
        r#"{"dtype": "int64", "shape": [2, 4], "data": [[1, 2, 1, 2], [3, 4, 3, 4]]}"#,
    );
    check(&mut s, "tile(arange(3), 0)", r#"{"dtype": "int64", "shape": [0], "data": []}"#);
    check(&mut s, "tile(5, 3)", r#"{"dtype": "int64", "shape": [3], "data": [5, 5, 5]}"#);
}

#[test]
fn repeat_matches_numpy() {
    let mut s = session();
    check(
        &mut s,
        "repeat(arange(3, chunks=2), 2)",
        r#"{"dtype": "int64", "shape": [6], "data": [0, 0, 1, 1, 2, 2]}"#,
    );
    check(
        &mut s,
        "arange(4).reshape(2, 2).repeat(3, axis=1)",
        r#"{"dtype": "int64", "shape": [2, 6], "data": [[0, 0, 0, 1, 1, 1], [2, 2, 2, 3, 3, 3]]}"#,
    );
    check(
        &mut s,
        "repeat(arange(4, chunks=1).reshape(2, 2), 2, axis=-2)",
        r#"{"dtype": "int64", "shape": [4, 2], "data": [[0, 1], [0, 1], [2, 3], [2, 3]]}"#,
    );
    check(
        &mut s,
        "repeat(arange(4).reshape(2, 2), 2)",
        r#"{"dtype": "int64", "shape": [8], "data": [0, 0, 1, 1, 2, 2, 3, 3]}"#,
    );
    check(
        &mut s,
        "repeat(arange(3, chunks=2), [1, 0, 2])",
        r#"{"dtype": "int64", "shape": [3], "data": [0, 2, 2]}"#,
    );
    check(
        &mut s,
        "repeat(arange(6).reshape(2, 3), [2, 2, 1], axis=-1)",
        r#"{"dtype": "int64", "shape": [2, 5], "data": [[0, 0, 1, 1, 2], [3, 3, 4, 4, 5]]}"#,
    );
    check(
        &mut s,
        "repeat(arange(6, chunks=2).reshape(3, 2), [0, 0, 0], axis=0)",
        r#"{"dtype": "int64", "shape": [0, 2], "data": []}"#,
    );
    check(&mut s, "repeat(7, 3)", r#"{"dtype": "int64", "shape": [3], "data": [7, 7, 7]}"#);
    check(&mut s, "repeat(arange(3.0), 0)", r#"{"dtype": "float64", "shape": [0], "data": []}"#);
}

#[test]
fn pad_matches_numpy() {
    let mut s = session();
    check(
        &mut s,
        "pad(arange(3), 2)",
        r#"{"dtype": "int64", "shape": [7], "data": [0, 0, 0, 1, 2, 0, 0]}"#,
    );
    check(
        &mut s,
        "pad(arange(3, chunks=2), (1, 2))",
        r#"{"dtype": "int64", "shape": [6], "data": [0, 0, 1, 2, 0, 0]}"#,
    );
    check(
        &mut s,
        "pad(ones((2, 2), dtype=int32), ((1, 0), (0, 2)), constant_values=7)",
        r#"{"dtype": "int32", "shape": [3, 4], "data": [[7, 7, 7, 7], [1, 1, 7, 7], [1, 1, 7, 7]]}"#,
    );
    check(
        &mut s,
        "pad(arange(4, chunks=1).reshape(2, 2), 1, constant_values=(8, 9))",
        r#"{"dtype": "int64", "shape": [4, 4], "data": [[8, 8, 8, 9], [8, 0, 1, 9], [8, 2, 3, 9], [8, 9, 9, 9]]}"#,
    );
    check(
        &mut s,
        "pad(arange(4).reshape(2, 2), ((1, 1), (2, 0)), constant_values=((1, 2), (3, 4)))",
        r#"{"dtype": "int64", "shape": [4, 4], "data": [[3, 3, 1, 1], [3, 3, 0, 1], [3, 3, 2, 3], [3, 3, 2, 2]]}"#,
    );
    check(
        &mut s,
        "pad(arange(4.0), 1, constant_values=1.5)",
        r#"{"dtype": "float64", "shape": [6], "data": [1.5, 0.0, 1.0, 2.0, 3.0, 1.5]}"#,
    );
    check(
        &mut s,
        "pad(arange(4), 1, constant_values=1.5)",
        r#"{"dtype": "int64", "shape": [6], "data": [1, 0, 1, 2, 3, 1]}"#,
    );
    check(
        &mut s,
        "pad(arange(3), (1, 2), mode='edge')",
        r#"{"dtype": "int64", "shape": [6], "data": [0, 0, 1, 2, 2, 2]}"#,
    );
    check(
        &mut s,
        "pad(arange(6, chunks=2).reshape(2, 3), ((1, 2), (2, 1)), mode='edge')",
        r#"{"dtype": "int64", "shape": [5, 6], "data": [[0, 0, 0, 1, 2, 2], [0, 0, 0, 1, 2, 2], [3, 3, 3, 4, 5, 5], [3, 3, 3, 4, 5, 5], [3, 3, 3, 4, 5, 5]]}"#,
    );
}

#[test]
fn diagonal_matches_numpy() {
    let mut s = session();
    check(
        &mut s,
        "diagonal(arange(9, chunks=2).reshape(3, 3))",
        r#"{"dtype": "int64", "shape": [3], "data": [0, 4, 8]}"#,
    );
    check(
        &mut s,
        "diagonal(arange(12).reshape(3, 4), 1)",
        r#"{"dtype": "int64", "shape": [3], "data": [1, 6, 11]}"#,
    );
    check(
        &mut s,
        "diagonal(arange(12, chunks=5).reshape(3, 4), -1)",
        r#"{"dtype": "int64", "shape": [2], "data": [4, 9]}"#,
    );
    check(
        &mut s,
        "diagonal(arange(12).reshape(3, 4), 5)",
        r#"{"dtype": "int64", "shape": [0], "data": []}"#,
    );
    check(
        &mut s,
        "diagonal(arange(12).reshape(4, 3), -2)",
        r#"{"dtype": "int64", "shape": [2], "data": [6, 10]}"#,
    );
    check(
        &mut s,
        "arange(24).reshape(2, 3, 4).diagonal()",
        r#"{"dtype": "int64", "shape": [4, 2], "data": [[0, 16], [1, 17], [2, 18], [3, 19]]}"#,
    );
    check(
        &mut s,
        "arange(24, chunks=7).reshape(2, 3, 4).diagonal(1, 1, 2)",
        r#"{"dtype": "int64", "shape": [2, 3], "data": [[1, 6, 11], [13, 18, 23]]}"#,
    );
    check(
        &mut s,
        "arange(24).reshape(2, 3, 4).diagonal(0, -1, 0)",
        r#"{"dtype": "int64", "shape": [3, 2], "data": [[0, 13], [4, 17], [8, 21]]}"#,
    );
}

#[test]
fn diag_matches_numpy() {
    let mut s = session();
    check(
        &mut s,
        "diag(arange(9).reshape(3, 3))",
        r#"{"dtype": "int64", "shape": [3], "data": [0, 4, 8]}"#,
    );
    check(
        &mut s,
        "diag(arange(9, chunks=2).reshape(3, 3), k=-1)",
        r#"{"dtype": "int64", "shape": [2], "data": [3, 7]}"#,
    );
    check(
        &mut s,
        "diag(array([1, 2]), k=1)",
        r#"{"dtype": "int64", "shape": [3, 3], "data": [[0, 1, 0], [0, 0, 2], [0, 0, 0]]}"#,
    );
    check(
        &mut s,
        "diag(array([1, 2]), k=-2)",
        r#"{"dtype": "int64", "shape": [4, 4], "data": [[0, 0, 0, 0], [0, 0, 0, 0], [1, 0, 0, 0], [0, 2, 0, 0]]}"#,
    );
    check(
        &mut s,
        "diag(array([1.5, 2, 3], chunks=2))",
        r#"{"dtype": "float64", "shape": [3, 3], "data": [[1.5, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 3.0]]}"#,
    );
    check(
        &mut s,
        "diag(array([True, False]))",
        r#"{"dtype": "bool", "shape": [2, 2], "data": [[true, false], [false, false]]}"#,
    );
}

#[test]
fn trace_matches_numpy() {
    let mut s = session();
    check(&mut s, "trace(eye(3))", r#"{"dtype": "float64", "shape": [], "data": 3.0}"#);
    check(
        &mut s,
        "arange(9).reshape(3, 3).trace(offset=1)",
        r#"{"dtype": "int64", "shape": [], "data": 6}"#,
    );
    check(
        &mut s,
        "trace(arange(24, chunks=5).reshape(2, 3, 4))",
        r#"{"dtype": "int64", "shape": [4], "data": [16, 18, 20, 22]}"#,
    );
    check(
        &mut s,
        "trace(arange(12, chunks=5).reshape(3, 4), -1)",
        r#"{"dtype": "int64", "shape": [], "data": 13}"#,
    );
    check(
        &mut s,
        "trace(array([[True, True], [False, True]]))",
        r#"{"dtype": "int64", "shape": [], "data": 2}"#,
    );
}

#[test]
fn ptp_matches_numpy() {
    let mut s = session();
    check(
        &mut s,
        "ptp(array([4, 9, 2], chunks=2))",
        r#"{"dtype": "int64", "shape": [], "data": 7}"#,
    );
    check(
        &mut s,
        "ptp(array([[1, 5], [2, 3]]), axis=1)",
        r#"{"dtype": "int64", "shape": [2], "data": [4, 1]}"#,
    );
    check(
        &mut s,
        "array([[1, 5], [2, 3]], chunks=1).ptp(axis=-2, keepdims=True)",
        r#"{"dtype": "int64", "shape": [1, 2], "data": [[1, 2]]}"#,
    );
    check(&mut s, "ptp(array([1.5, -2.0]))", r#"{"dtype": "float64", "shape": [], "data": 3.5}"#);
}

#[test]
fn average_matches_numpy() {
    let mut s = session();
    check(&mut s, "average(arange(4))", r#"{"dtype": "float64", "shape": [], "data": 1.5}"#);
    check(
        &mut s,
        "average(arange(6, chunks=2).reshape(3, 2), axis=0, weights=[1, 2, 3])",
        r#"{"dtype": "float64", "shape": [2], "data": [2.6666666666666665, 3.6666666666666665]}"#,
    );
    check(
        &mut s,
        "average(arange(6).reshape(3, 2), axis=-1, weights=[1, 3])",
        r#"{"dtype": "float64", "shape": [3], "data": [0.75, 2.75, 4.75]}"#,
    );
    check(
        &mut s,
        "average(array([1.0, 3.0]), weights=[3, 1], returned=True)",
        r#"[{"dtype": "float64", "shape": [], "data": 1.5}, {"dtype": "float64", "shape": [], "data": 4.0}]"#,
    );
    check(
        &mut s,
        "average(arange(6, chunks=4).reshape(3, 2), axis=1, returned=True)",
        r#"[{"dtype": "float64", "shape": [3], "data": [0.5, 2.5, 4.5]}, {"dtype": "float64", "shape": [3], "data": [2.0, 2.0, 2.0]}]"#,
    );
    check(
        &mut s,
        "average(arange(6).reshape(3, 2), weights=arange(6).reshape(3, 2))",
        r#"{"dtype": "float64", "shape": [], "data": 3.6666666666666665}"#,
    );
    check(
        &mut s,
        "average(array([1, 2], dtype=float32), weights=array([1, 1], dtype=float32))",
        r#"{"dtype": "float32", "shape": [], "data": 1.5}"#,
    );
    check(
        &mut s,
        "average(arange(24, chunks=5).reshape(2, 3, 4), axis=(2, 0), weights=arange(8).reshape(4, 2))",
        r#"{"dtype": "float64", "shape": [3], "data": [9.071428571428571, 13.071428571428571, 17.071428571428573]}"#,
    );
    check(
        &mut s,
        "average(array([True, False]), weights=[1, 3])",
        r#"{"dtype": "float64", "shape": [], "data": 0.25}"#,
    );
    check(
        &mut s,
        "average(arange(6).reshape(3, 2), axis=0, keepdims=True)",
        r#"{"dtype": "float64", "shape": [1, 2], "data": [[2.0, 3.0]]}"#,
    );
}

#[test]
fn atleast_matches_numpy() {
    let mut s = session();
    check(&mut s, "atleast_1d(array(5))", r#"{"dtype": "int64", "shape": [1], "data": [5]}"#);
    check(&mut s, "atleast_1d(arange(2))", r#"{"dtype": "int64", "shape": [2], "data": [0, 1]}"#);
    check(
        &mut s,
        "atleast_2d(arange(3, chunks=2))",
        r#"{"dtype": "int64", "shape": [1, 3], "data": [[0, 1, 2]]}"#,
    );
    check(
        &mut s,
        "atleast_2d(array(4.0))",
        r#"{"dtype": "float64", "shape": [1, 1], "data": [[4.0]]}"#,
    );
    check(
        &mut s,
        "atleast_3d(arange(3))",
        r#"{"dtype": "int64", "shape": [1, 3, 1], "data": [[[0], [1], [2]]]}"#,
    );
    check(
        &mut s,
        "atleast_3d(ones((2, 3)))",
        r#"{"dtype": "float64", "shape": [2, 3, 1], "data": [[[1.0], [1.0], [1.0]], [[1.0], [1.0], [1.0]]]}"#,
    );
    check(
        &mut s,
        "atleast_3d(array(7))",
        r#"{"dtype": "int64", "shape": [1, 1, 1], "data": [[[7]]]}"#,
    );
}

#[test]
fn results_stay_lazy_and_keep_chunks() {
    let mut s = session();
    // Element repetition is a broadcast plus reshape: huge results cost nothing until computed.
    check(&mut s, "repeat(arange(10**6, chunks=10**5), 10**6).shape", "[1000000000000]");
    check(&mut s, "tile(arange(4, chunks=2), 3).chunks", "[[2, 2, 2, 2, 2, 2]]");
    check(&mut s, "pad(arange(4, chunks=2), (1, 3)).chunks", "[[1, 2, 2, 3]]");
    check(&mut s, "len(split(ones((10**5, 10**5), chunks=10**4), 10))", "10");
}

#[test]
fn errors_match_numpy_and_point_at_the_argument() {
    let mut s = session();
    let v = "ValueError";
    error(&mut s, "split(arange(7), 3)", v, "array split does not result in an equal division", 18);
    error(&mut s, "array_split(arange(7), 0)", v, "number sections must be larger than 0.", 24);
    error(
        &mut s,
        "vsplit(arange(3), 1)",
        v,
        "vsplit only works on arrays of 2 or more dimensions",
        8,
    );
    error(
        &mut s,
        "split(arange(3), 3, axis=1)",
        "IndexError",
        "axis 1 is out of bounds for array of dimension 1",
        26,
    );
    error(&mut s, "tile(arange(3), -1)", v, "negative dimensions are not allowed", 17);
    error(
        &mut s,
        "repeat(arange(3), [1, 2])",
        v,
        "operands could not be broadcast together with shape (3,) (2,)",
        19,
    );
    error(
        &mut s,
        "repeat(arange(3), [1, -2, 1])",
        v,
        "repeats may not contain negative values.",
        19,
    );
    error(&mut s, "repeat(arange(3), -1)", v, "negative dimensions are not allowed", 19);
    error(
        &mut s,
        "arange(3).repeat(2, axis=-2)",
        "IndexError",
        "axis -2 is out of bounds for array of dimension 1",
        26,
    );
    error(&mut s, "pad(arange(3), -1)", v, "index can't contain negative values", 16);
    error(&mut s, "pad(arange(3), 1.5)", "TypeError", "`pad_width` must be of integral type.", 16);
    error(
        &mut s,
        "pad(arange(3), (1, 2, 3))",
        v,
        "operands could not be broadcast together with remapped shapes [original->remapped]: \
         (3,)  and requested shape (1,2)",
        16,
    );
    error(&mut s, "pad(arange(3), 1, mode='foo')", v, "mode 'foo' is not supported", 24);
    error(
        &mut s,
        "pad(arange(0), 1, mode='edge')",
        v,
        "can't extend empty axis 0 using modes other than 'constant' or 'empty'",
        5,
    );
    error(
        &mut s,
        "diagonal(arange(3))",
        v,
        "diag requires an array of at least two dimensions",
        10,
    );
    error(&mut s, "diagonal(eye(3), 0, 1, -1)", v, "axis1 and axis2 cannot be the same", 24);
    error(&mut s, "diag(ones((2, 2, 2)))", v, "Input must be 1- or 2-d.", 6);
    error(&mut s, "trace(arange(3))", v, "diag requires an array of at least two dimensions", 7);
    error(
        &mut s,
        "ptp(array([1, 2]), axis=1)",
        "IndexError",
        "axis 1 is out of bounds for array of dimension 1",
        25,
    );
    error(
        &mut s,
        "average(arange(6).reshape(3, 2), weights=[1, 2, 3])",
        "TypeError",
        "Axis must be specified when shapes of a and weights differ.",
        42,
    );
    error(
        &mut s,
        "average(arange(6).reshape(3, 2), axis=0, weights=[1, 2])",
        v,
        "Shape of weights must be consistent with shape of a along specified axis.",
        50,
    );
    error(&mut s, "atleast_3d('x')", "TypeError", "expected an array or a number, got str", 12);
}
