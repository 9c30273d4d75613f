//! Tests of the display module: the NumPy fixture table (every case must
//! match NumPy's `str()` byte for byte), plus the header, byte sizes, shown
//! ranges and JSON form.

use super::*;
use crate::array::Kind;
use ndarray::{ArrayD, IxDyn};

/// Where a fixture's elements come from.
pub(super) enum Data {
    /// The shown elements (NumPy's `_leading_trailing`), space-separated in
    /// C order, as Python reprs (`nan`, `-inf`, ints, `1`/`0` for bools).
    Shown(&'static str),
    /// `(start + step * np.arange(n)).astype(dtype)` over the full shape.
    Arange(f64, f64),
}

/// One NumPy fixture.
pub(super) struct Case {
    pub name: &'static str,
    pub dtype: &'static str,
    pub shape: &'static [usize],
    /// `(threshold, edgeitems, precision, linewidth)` given to NumPy.
    pub opts: (usize, usize, usize, usize),
    pub data: Data,
    pub expected: &'static str,
}

fn build(dtype: DType, shape: &[usize], words: &[&str]) -> ArrayData {
    crate::with_dtype!(dtype, T => {
        let v: Vec<T> = words
            .iter()
            .map(|w| match dtype.kind() {
                Kind::Bool => T::from_bool(*w == "1"),
                Kind::Int => T::from_i64(w.parse().expect("int fixture")),
                Kind::UInt => T::from_u64(w.parse().expect("uint fixture")),
                Kind::Float => T::from_f64(w.parse().expect("float fixture")),
            })
            .collect();
        T::wrap(ArrayD::from_shape_vec(IxDyn(shape), v).expect("fixture shape"))
    })
}

#[track_caller]
fn check_case(case: &Case) -> Result<(), String> {
    let (threshold, edgeitems, precision, linewidth) = case.opts;
    let opts = PrintOptions { threshold, edgeitems, precision, linewidth };
    let dtype = DType::from_name(case.dtype).expect("fixture dtype");
    let shown = match case.data {
        Data::Shown(s) => {
            let shown_shape: Vec<usize> = shown_ranges(case.shape, &opts)
                .iter()
                .map(|rs| rs.iter().map(|r| r.len()).sum())
                .collect();
            let words: Vec<&str> = s.split_whitespace().collect();
            build(dtype, &shown_shape, &words)
        }
        Data::Arange(start, step) => {
            let n: usize = case.shape.iter().product();
            let vals: Vec<f64> = (0..n).map(|i| start + step * i as f64).collect();
            let full = ArrayData::from_f64_vec(dtype, case.shape, &vals);
            take_shown(&full, &opts)
        }
    };
    let got = format_array(&shown, case.shape, &opts);
    if got == case.expected {
        Ok(())
    } else {
        Err(format!("case {}:\n--- numpy\n{}\n--- arr\n{}\n", case.name, case.expected, got))
    }
}

#[test]
fn matches_numpy_str_byte_for_byte() {
    let cases = super::tests_numpy_cases::CASES.iter().chain(super::tests_numpy_cases2::CASES);
    let failures: Vec<String> = cases.filter_map(|c| check_case(c).err()).collect();
    assert!(failures.is_empty(), "{} mismatches:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn fixture_table_is_large() {
    let n = super::tests_numpy_cases::CASES.len() + super::tests_numpy_cases2::CASES.len();
    assert!(n >= 80, "only {n} NumPy cases");
}

#[test]
fn shown_ranges_follow_numpy_rule() {
    let o = PrintOptions::default();
    assert_eq!(shown_ranges(&[5], &o), vec![vec![0..5]]);
    assert_eq!(shown_ranges(&[2000], &o), vec![vec![0..3, 1997..2000]]);
    // Summarized as a whole, but a short axis is still shown entirely.
    assert_eq!(
        shown_ranges(&[1001, 6, 7], &o),
        vec![vec![0..3, 998..1001], vec![0..6], vec![0..3, 4..7]]
    );
    // Exactly at the threshold nothing is summarized.
    assert_eq!(shown_ranges(&[10, 10, 10], &o), vec![vec![0..10]; 3]);
    assert_eq!(shown_ranges(&[], &o), Vec::<Vec<Range<usize>>>::new());
}

#[test]
fn take_shown_keeps_edges() {
    let full = ArrayData::from_f64_vec(
        DType::Int32,
        &[2000],
        &(0..2000).map(f64::from).collect::<Vec<_>>(),
    );
    let shown = take_shown(&full, &PrintOptions::default());
    assert_eq!(shown.to_f64_vec(), vec![0.0, 1.0, 2.0, 1997.0, 1998.0, 1999.0]);
    let text = "[   0    1    2 ... 1997 1998 1999]";
    assert_eq!(format_full(&full, &PrintOptions::default()), text);
    // The whole array passed as "shown" is cut down the same way.
    assert_eq!(format_array(&full, &[2000], &PrintOptions::default()), text);
}

#[test]
fn scalars_print_like_numpy_scalars() {
    let s = |d: DType, v: f64| format_scalar(&ArrayData::from_f64_vec(d, &[], &[v]));
    assert_eq!(s(DType::Float64, 10.000123456789), "10.000123456789");
    assert_eq!(s(DType::Int64, 3.0), "3");
    assert_eq!(s(DType::Bool, 1.0), "True");
    assert_eq!(s(DType::Float64, f64::NAN), "nan");
    assert_eq!(s(DType::Float64, f64::NEG_INFINITY), "-inf");
    assert_eq!(s(DType::Float64, 1e-7), "1e-07");
    assert_eq!(s(DType::Float64, 1e16), "1e+16");
    assert_eq!(s(DType::Float32, 0.1), "0.1");
    assert_eq!(s(DType::Float64, 2.0), "2.0");
}

#[test]
fn header_shows_chunk_shape_and_block_count() {
    let h = format_header(DType::Float64, &[200], &[vec![10; 20]], 1600);
    assert_eq!(h, "float64 array, shape (200,), chunks (10,) ×20, 1.56 KiB");
    let ragged = format_header(DType::Int32, &[25, 4], &[vec![10, 10, 5], vec![4]], 400);
    assert_eq!(ragged, "int32 array, shape (25, 4), chunks (10, 4) ×3, 400 B");
    let explicit = format_header(DType::Bool, &[9], &[vec![2, 5, 2]], 9);
    assert_eq!(explicit, "bool array, shape (9,), chunks (5,) ×3, 9 B");
    assert_eq!(
        format_header(DType::Float32, &[], &[], 4),
        "float32 array, shape (), chunks () ×1, 4 B"
    );
}

#[test]
fn bytes_use_binary_units_with_three_digits() {
    assert_eq!(format_bytes(0), "0 B");
    assert_eq!(format_bytes(800), "800 B");
    assert_eq!(format_bytes(1023), "1023 B");
    assert_eq!(format_bytes(1024), "1.00 KiB");
    assert_eq!(format_bytes(1600), "1.56 KiB");
    assert_eq!(format_bytes(16_000), "15.6 KiB");
    assert_eq!(format_bytes(160_000), "156 KiB");
    assert_eq!(format_bytes(1000 * 1024), "0.977 MiB");
    assert_eq!(format_bytes(8 * 20_000 * 20_000), "2.98 GiB");
    assert_eq!(format_bytes(u64::MAX), "16.0 EiB");
}

#[test]
fn json_form() {
    let a =
        ArrayData::from_f64_vec(DType::Float64, &[2, 2], &[1.5, f64::NAN, f64::INFINITY, -0.25]);
    let j = array_to_json(&a);
    assert_eq!(j["dtype"], "float64");
    assert_eq!(j["shape"], serde_json::json!([2, 2]));
    assert_eq!(j["data"], serde_json::json!([[1.5, "nan"], ["inf", -0.25]]));

    let f = ArrayData::from_f64_vec(DType::Float32, &[2], &[0.1, f64::NEG_INFINITY]);
    assert_eq!(array_to_json(&f)["data"].to_string(), r#"[0.1,"-inf"]"#);

    let u = ArrayData::U64(ArrayD::from_shape_vec(IxDyn(&[2]), vec![u64::MAX, 1]).unwrap());
    assert_eq!(array_to_json(&u)["data"].to_string(), "[18446744073709551615,1]");

    let b = ArrayData::from_f64_vec(DType::Bool, &[2], &[1.0, 0.0]);
    assert_eq!(array_to_json(&b)["data"], serde_json::json!([true, false]));

    let s = ArrayData::from_f64_vec(DType::Int32, &[], &[7.0]);
    let j = array_to_json(&s);
    assert_eq!(j["shape"], serde_json::json!([]));
    assert_eq!(j["data"], serde_json::json!(7));

    let e = ArrayData::zeros(DType::Float64, &[0, 3]);
    assert_eq!(array_to_json(&e)["data"], serde_json::json!([]));
}
