//! Sorting and order statistics do not depend on chunking or threads:
//! `sort`, `argsort`, `topk`, `median`, `percentile` and the nan-variants
//! give bit-identical results for any chunk grid of their input and at 1
//! and 2 threads, on small literal arrays (with NaNs, ties and signed
//! zeros) and on random arrays large enough to be read in several pieces.

use arr::{Options, Session, Value};
use proptest::prelude::*;

/// The program's value as (dtype, shape, value bits).
fn run(code: &str, threads: usize) -> (String, Vec<usize>, Vec<u64>) {
    let mut s = Session::with_options(Options { threads: Some(threads), seed: 0, optimize: true });
    let v = s.eval("<sorting>", code).unwrap_or_else(|d| panic!("{code}\n{}", s.render(&d, false)));
    let Some(Value::Array(n)) = v else { panic!("{code}: not an array: {v:?}") };
    let data =
        s.interp().compute(&n).unwrap_or_else(|d| panic!("{code}\n{}", s.render(&[d], false)));
    assert_eq!(
        (data.dtype(), data.shape()),
        (n.dtype, &n.shape[..]),
        "{code}: node and data differ"
    );
    let bits = data.to_f64_vec().iter().map(|v| v.to_bits()).collect();
    (data.dtype().name().to_string(), data.shape().to_vec(), bits)
}

const OPS: &[&str] = &[
    "sort(x, axis={a})",
    "argsort(x, axis={a})",
    "sort(x, axis=None)",
    "topk(x, x.shape[{a}], axis={a})",
    "argtopk(x, -1, axis={a})",
    "median(x, axis={a})",
    "nanmedian(x, axis=None)",
    "percentile(x, [0, 12.5, 50, 99], axis={a})",
    "nanpercentile(x, 30, axis={a}, method='midpoint')",
    "quantile(x, [0.2, 0.7], axis=None, method='nearest')",
    "nanquantile(x, 0.4, axis={a}, keepdims=True)",
    "sort(x, axis={a})[::-2]",
];

fn literal(values: &[f64], shape: &[usize]) -> String {
    let text: Vec<String> = values
        .iter()
        .map(|v| if v.is_nan() { "nan".to_string() } else { format!("{v:?}") })
        .collect();
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    format!("array([{}]).reshape({})", text.join(", "), dims.join(", "))
}

fn chunk_text(shape: &[usize], sizes: &[usize]) -> String {
    let per_axis: Vec<String> =
        shape.iter().zip(sizes).map(|(&n, &c)| (c % n + 1).to_string()).collect();
    format!("({},)", per_axis.join(", "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn small_arrays_agree_across_chunks_and_threads(
        shape in prop::collection::vec(1usize..5, 1..4),
        pool in prop::collection::vec(
            prop_oneof![Just(f64::NAN), Just(0.0), Just(-0.0), Just(1.5), Just(-2.0), -10.0f64..10.0],
            64,
        ),
        sizes in prop::collection::vec(0usize..4, 3),
        op in 0..OPS.len(),
        axis_pick in 0usize..3,
        dtype in prop_oneof![Just("float64"), Just("float32"), Just("int32")],
    ) {
        let n: usize = shape.iter().product();
        let values: Vec<f64> = pool.iter().cycle().take(n).copied().collect();
        let axis = axis_pick % shape.len();
        let x = format!("{}.astype({dtype})", literal(&values, &shape));
        let expr = OPS[op].replace("{a}", &axis.to_string());
        let whole = format!("x = {x}\n{expr}");
        let chunked = format!("x = {x}.rechunk({})\n{expr}", chunk_text(&shape, &sizes));
        let reference = run(&whole, 1);
        prop_assert_eq!(&run(&chunked, 1), &reference, "{}", chunked);
        prop_assert_eq!(&run(&chunked, 2), &reference, "{}", chunked);
    }
}

#[test]
fn random_arrays_read_in_pieces_agree() {
    // 300 x 250 = 75,000 elements: lanes are read in several pieces.
    for expr in [
        "sort(x, axis=0)[::7, 3:50:2]",
        "argsort(x, axis=1)[-3:]",
        "median(x, axis=0)",
        "percentile(x, [5, 95], axis=1)",
        "quantile(x, 0.25)",
        "topk(x, 3, axis=0)",
    ] {
        let base = "x = random.random((300, 250), chunks={c})";
        let reference = run(&format!("{}\n{expr}", base.replace("{c}", "-1")), 1);
        for c in ["(40, 250)", "(300, 17)", "(64, 64)"] {
            let code = format!("{}\n{expr}", base.replace("{c}", c));
            assert_eq!(run(&code, 2), reference, "{code}");
        }
    }
}
