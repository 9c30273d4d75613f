//! Matrix products on the blocked GEMM (`Op::MatMul`): results match a
//! naive triple loop for float64, float32, integers (wrapping) and bools,
//! with 1-D and batched broadcast operands, and are bit-identical at 1 and 2
//! threads and under any chunking of the operands. The chunk byte target is
//! set small (the same value in every test of this binary, as it is
//! process-wide) so products split into many output chunks and k-blocks.

use arr::{Options, Session, Value};
use proptest::prelude::*;

const SMALL_TARGET: usize = 256;

/// The program's value as (dtype, shape, values).
fn run(code: &str, threads: usize) -> (String, Vec<usize>, Vec<f64>) {
    arr::ir::chunks::set_auto_chunk_bytes(SMALL_TARGET);
    let mut s = Session::with_options(Options { threads: Some(threads), seed: 0, optimize: true });
    let v = s.eval("<matmul>", code).unwrap_or_else(|d| panic!("{code}\n{}", s.render(&d, false)));
    let Some(Value::Array(n)) = v else { panic!("{code}: not an array: {v:?}") };
    let data =
        s.interp().compute(&n).unwrap_or_else(|d| panic!("{code}\n{}", s.render(&[d], false)));
    assert_eq!((data.dtype(), data.shape()), (n.dtype, &n.shape[..]), "{code}");
    (data.dtype().name().to_string(), data.shape().to_vec(), data.to_f64_vec())
}

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

fn literal(values: &[f64], shape: &[usize]) -> String {
    let text: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    format!("array([{}]).reshape({})", text.join(", "), dims.join(", "))
}

/// `a @ b` for C-order (m, k) and (k, n) matrices, summed in f64.
fn naive(a: &[f64], b: &[f64], m: usize, k: usize, n: usize) -> Vec<f64> {
    let mut c = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            c[i * n + j] = (0..k).map(|p| a[i * k + p] * b[p * n + j]).sum();
        }
    }
    c
}

#[track_caller]
fn assert_close(got: &[f64], want: &[f64], rtol: f64) {
    assert_eq!(got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!((g - w).abs() <= rtol * (1.0 + w.abs()), "element {i}: {g} vs {w}");
    }
}

fn values(n: usize, seed: usize) -> Vec<f64> {
    (0..n).map(|i| (((i * 7919 + seed * 104729) % 2001) as f64 - 1000.0) / 250.0).collect()
}

#[test]
fn float_products_match_naive_with_k_split_and_ragged_chunks() {
    for (m, k, n) in [(1, 1, 1), (3, 70, 5), (17, 45, 23), (40, 3, 1), (33, 129, 31)] {
        let (a, b) = (values(m * k, 1), values(k * n, 2));
        let want = naive(&a, &b, m, k, n);
        let code = format!(
            "a = {}.rechunk((7, 11))\nb = {}.rechunk((13, 5))\na @ b",
            literal(&a, &[m, k]),
            literal(&b, &[k, n])
        );
        let (dtype, shape, got) = run(&code, 2);
        assert_eq!((dtype.as_str(), shape), ("float64", vec![m, n]));
        assert_close(&got, &want, 1e-12);
        let code32 = format!(
            "a = {}.astype(float32)\nb = {}.astype(float32)\nmatmul(a, b)",
            literal(&a, &[m, k]),
            literal(&b, &[k, n])
        );
        let (dtype, _, got) = run(&code32, 2);
        assert_eq!(dtype, "float32");
        assert_close(&got, &want, 1e-4);
    }
}

#[test]
fn integer_products_wrap_and_bool_products_are_or_of_and() {
    let (m, k, n) = (9, 40, 6);
    let a: Vec<f64> = (0..m * k).map(|i| ((i * 37) % 200) as f64 - 100.0).collect();
    let b: Vec<f64> = (0..k * n).map(|i| ((i * 53) % 150) as f64 - 75.0).collect();
    let want = naive(&a, &b, m, k, n);
    let code =
        format!("{}.astype(int64) @ {}.astype(int64)", literal(&a, &[m, k]), literal(&b, &[k, n]));
    let (dtype, _, got) = run(&code, 2);
    assert_eq!(dtype, "int64");
    assert_eq!(got, want);
    // int8 wraps modulo 256 into [-128, 127], as NumPy's int8 matmul.
    let code =
        format!("{}.astype(int8) @ {}.astype(int8)", literal(&a, &[m, k]), literal(&b, &[k, n]));
    let (dtype, _, got) = run(&code, 2);
    assert_eq!(dtype, "int8");
    let wrapped: Vec<f64> = want.iter().map(|&v| (v as i64 as i8) as f64).collect();
    assert_eq!(got, wrapped);
    // bool: true where some p has a[i, p] and b[p, j].
    let code = format!("({} > 50) @ ({} < -60)", literal(&a, &[m, k]), literal(&b, &[k, n]));
    let (dtype, _, got) = run(&code, 2);
    assert_eq!(dtype, "bool");
    let want: Vec<f64> = (0..m * n)
        .map(|ij| {
            let (i, j) = (ij / n, ij % n);
            let any = (0..k).any(|p| a[i * k + p] > 50.0 && b[p * n + j] < -60.0);
            if any { 1.0 } else { 0.0 }
        })
        .collect();
    assert_eq!(got, want);
}

#[test]
fn vectors_and_batches_broadcast_like_numpy() {
    let (k, n) = (30, 4);
    let a = values(2 * 3 * k, 3);
    let b = values(k * n, 4);
    // (2, 1, 3, k) @ (5, k, n) -> (2, 5, 3, n); every batch of b is the same matrix.
    let code = format!(
        "a = {}\nb = broadcast_to({}, (5, {k}, {n}))\na @ b",
        literal(&a, &[2, 1, 3, k]),
        literal(&b, &[k, n])
    );
    let (_, shape, got) = run(&code, 2);
    assert_eq!(shape, vec![2, 5, 3, n]);
    for i in 0..2 {
        let want = naive(&a[i * 3 * k..(i + 1) * 3 * k], &b, 3, k, n);
        for j in 0..5 {
            let off = (i * 5 + j) * 3 * n;
            assert_close(&got[off..off + 3 * n], &want, 1e-12);
        }
    }
    // 1-D operands: (k,) @ (k, n) -> (n,), (3, k) @ (k,) -> (3,).
    let code = format!("{} @ {}", literal(&a[..k], &[k]), literal(&b, &[k, n]));
    let (_, shape, got) = run(&code, 1);
    assert_eq!(shape, vec![n]);
    assert_close(&got, &naive(&a[..k], &b, 1, k, n), 1e-12);
    let code = format!("{} @ {}", literal(&a[..3 * k], &[3, k]), literal(&b[..k], &[k]));
    let (_, shape, got) = run(&code, 1);
    assert_eq!(shape, vec![3]);
    assert_close(&got, &naive(&a[..3 * k], &b[..k], 3, k, 1), 1e-12);
}

#[test]
fn large_random_product_is_the_same_at_1_and_2_threads() {
    let code = "x = random.random((300, 260), chunks=(70, 90))\ny = random.random((260, 200), chunks=(50, 33))\nx @ (y + 1)";
    let one = run(code, 1);
    assert_eq!(one.1, vec![300, 200]);
    assert_eq!(bits(&run(code, 2).2), bits(&one.2));
    let rechunked = code
        .replace("chunks=(70, 90)", "chunks=(300, 13)")
        .replace("chunks=(50, 33)", "chunks=(7, 200)");
    assert_eq!(bits(&run(&rechunked, 2).2), bits(&one.2));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn bits_do_not_depend_on_chunks_or_threads(
        m in 1usize..20,
        k in 1usize..80,
        n in 1usize..20,
        batch in 1usize..3,
        ca in (1usize..9, 1usize..30),
        cb in (1usize..30, 1usize..9),
        dtype in prop_oneof![Just("float64"), Just("float32"), Just("int32")],
    ) {
        let a = values(batch * m * k, m + k);
        let b = values(k * n, n);
        let x = format!("{}.astype({dtype})", literal(&a, &[batch, m, k]));
        let y = format!("{}.astype({dtype})", literal(&b, &[k, n]));
        let whole = format!("{x} @ {y}");
        let chunked = format!("{x}.rechunk((1, {}, {})) @ {y}.rechunk(({}, {}))", ca.0, ca.1, cb.0, cb.1);
        let reference = run(&whole, 1);
        prop_assert_eq!(&reference.1, &vec![batch, m, n]);
        let (d1, s1, v1) = run(&chunked, 1);
        let (d2, s2, v2) = run(&chunked, 2);
        prop_assert_eq!((&d1, &s1, bits(&v1)), (&reference.0, &reference.1, bits(&reference.2)));
        prop_assert_eq!((&d2, &s2, bits(&v2)), (&reference.0, &reference.1, bits(&reference.2)));
        for t in 0..batch {
            let want = naive(&a[t * m * k..(t + 1) * m * k], &b, m, k, n);
            let got = &reference.2[t * m * n..(t + 1) * m * n];
            let tol = if dtype == "float32" { 1e-4 } else { 1e-12 };
            for (g, w) in got.iter().zip(&want) {
                let w = if dtype == "int32" { w.trunc() } else { *w };
                prop_assert!(dtype == "int32" || (g - w).abs() <= tol * (1.0 + w.abs()), "{} vs {}", g, w);
            }
        }
    }
}
