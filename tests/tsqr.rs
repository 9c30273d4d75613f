//! The tall-and-skinny path of `linalg.qr`, `svd` and `lstsq` (TSQR over
//! row blocks): reconstruction, orthonormality and triangularity within
//! stated tolerances, agreement with the dense path on the same matrix
//! held in one chunk, NumPy's shapes and dtypes, rank-deficient and
//! non-finite input, the same bits at 1 and 2 threads, and proof that the
//! tall path runs (explain text, a memory limit the dense path exceeds).

use arr::{ErrorKind, Session, Value};

/// A session with tall test matrices: `A` (20000×30 in 1000-row chunks),
/// `F` (its float32 copy), `E` (1300-row chunks, an uneven last block of
/// 500), `D` (rank 29: its last column is the sum of the first two), `N`
/// (one NaN), and `*1` the same matrices in a single chunk (dense path).
fn session(threads: usize) -> Session {
    let mut s = Session::builder().threads(threads).seed(7).build();
    let setup = "import numpy as np\n\
        A = random.random((20000, 30), chunks=(1000, 30)) - 0.5\n\
        F = A.astype(np.float32)\n\
        E = A.rechunk((1300, 30))\n\
        D = concatenate([A[:, :29], A[:, :1] + A[:, 1:2]], axis=1).rechunk((1000, 30))\n\
        N = where((arange(20000)[:, None] == 12345) & (arange(30) == 3), nan, A).rechunk((1000, 30))\n\
        b = A @ arange(30.0) + 0.01 * random.random(20000, chunks=1000)\n\
        B3 = concatenate([b[:, None], A[:, :2] * 3.0, 0.5 * b[:, None]], axis=1)\n\
        A1 = A.rechunk((20000, 30))\n\
        F1 = F.rechunk((20000, 30))\n\
        E1 = A1\n\
        D1 = D.rechunk((20000, 30))\n\
        N1 = N.rechunk((20000, 30))\n";
    run(&mut s, setup);
    s
}

#[track_caller]
fn run(s: &mut Session, code: &str) -> Option<Value> {
    s.eval("<tsqr>", code).unwrap_or_else(|d| panic!("{code}\n{}", s.render(&d, false)))
}

/// The array `code` evaluates to, computed, as f64 values.
#[track_caller]
fn values(s: &mut Session, code: &str) -> Vec<f64> {
    match run(s, code) {
        Some(Value::Float(f)) => vec![f],
        Some(Value::Int(i)) => vec![i as f64],
        Some(Value::Bool(b)) => vec![f64::from(u8::from(b))],
        Some(Value::Array(n)) => {
            s.interp().compute(&n).unwrap_or_else(|d| panic!("{code}: {}", d.message)).to_f64_vec()
        }
        other => panic!("{code}: not an array: {other:?}"),
    }
}

#[track_caller]
fn num(s: &mut Session, code: &str) -> f64 {
    let v = values(s, code);
    assert_eq!(v.len(), 1, "{code}: not a single value");
    v[0]
}

#[track_caller]
fn small(s: &mut Session, code: &str, tol: f64) {
    let v = num(s, code);
    assert!(v.abs() <= tol, "{code} = {v:e}, over {tol:e}");
}

/// dtype, shape and row chunks of the array `code` evaluates to.
#[track_caller]
fn meta(s: &mut Session, code: &str) -> (String, Vec<usize>, Vec<usize>) {
    let Some(Value::Array(n)) = run(s, code) else { panic!("{code}: not an array") };
    (n.dtype.name().to_string(), n.shape.clone(), n.chunks[0].clone())
}

#[track_caller]
fn error(s: &mut Session, code: &str) -> (ErrorKind, String) {
    match s.eval("<tsqr>", code) {
        Ok(v) => panic!("{code}: expected an error, got {v:?}"),
        Err(d) => (d[0].kind, d[0].message.clone() + d[0].hint.as_deref().unwrap_or("")),
    }
}

#[test]
fn qr_reconstructs_with_orthonormal_q_and_matches_the_dense_r() {
    let mut s = session(2);
    for (x, dtype, tol) in
        [("A", "float64", 1e-13), ("E", "float64", 1e-13), ("F", "float32", 1e-5)]
    {
        run(&mut s, &format!("q, r = linalg.qr({x})"));
        let rows = meta(&mut s, x).2;
        assert_eq!(meta(&mut s, "q"), (dtype.into(), vec![20000, 30], rows));
        assert_eq!(meta(&mut s, "r").0, dtype);
        assert_eq!(meta(&mut s, "r").1, vec![30, 30]);
        small(&mut s, &format!("linalg.norm(q @ r - {x}) / linalg.norm({x})"), tol);
        small(&mut s, "abs(q.T @ q - eye(30)).max()", 10.0 * tol);
        small(&mut s, "abs(tril(r, -1)).max()", 0.0);
        assert_eq!(num(&mut s, "(diagonal(r) >= 0).all()"), 1.0);
        // The dense path on the same matrix (one chunk) agrees, signs included.
        small(&mut s, &format!("abs(r - linalg.qr({x}1)[1]).max() / abs(r).max()"), tol);
        small(&mut s, &format!("abs(q - linalg.qr({x}1)[0]).max()"), 100.0 * tol);
    }
    assert_eq!(meta(&mut s, "linalg.qr(A, mode='r')").1, vec![30, 30]);
    // Q is sliced without computing it all, and its slices are Q's rows.
    small(&mut s, "q, r = linalg.qr(A)\nabs(q[4321:4330] @ r - A[4321:4330]).max()", 1e-13);
}

#[test]
fn complete_mode_falls_back_to_dense_or_refuses_clearly() {
    let mut s = session(2);
    run(
        &mut s,
        "T = random.random((2000, 5), chunks=(100, 5))\nq, r = linalg.qr(T, mode='complete')",
    );
    assert_eq!(meta(&mut s, "q").1, vec![2000, 2000]);
    assert_eq!(meta(&mut s, "r").1, vec![2000, 5]);
    small(&mut s, "linalg.norm(q @ r - T)", 1e-12);
    s.set_memory_limit(16 << 20);
    let (kind, msg) = error(&mut s, "linalg.qr(T, mode='complete')");
    assert_eq!(kind, ErrorKind::Memory);
    assert!(msg.contains("2000×2000") && msg.contains("mode='reduced'"), "{msg}");
    let (kind, msg) = error(&mut s, "linalg.svd(T)");
    assert_eq!(kind, ErrorKind::Memory);
    assert!(msg.contains("full_matrices=False"), "{msg}");
}

#[test]
fn svd_matches_the_dense_singular_values_and_reconstructs() {
    let mut s = session(2);
    for (x, dtype, tol) in [("A", "float64", 1e-12), ("F", "float32", 1e-5)] {
        run(&mut s, &format!("u, sv, vt = linalg.svd({x}, full_matrices=False)"));
        assert_eq!(meta(&mut s, "u").0, dtype);
        assert_eq!(meta(&mut s, "u").1, vec![20000, 30]);
        assert_eq!(meta(&mut s, "u").2, meta(&mut s, x).2);
        assert_eq!(meta(&mut s, "sv").1, vec![30]);
        assert_eq!(meta(&mut s, "vt").1, vec![30, 30]);
        small(&mut s, &format!("abs(sv - linalg.svd({x}1, compute_uv=False)).max() / sv[0]"), tol);
        small(&mut s, &format!("abs(sv - linalg.svd({x}, compute_uv=False)).max() / sv[0]"), tol);
        small(&mut s, &format!("linalg.norm((u * sv) @ vt - {x}) / linalg.norm({x})"), tol);
        small(&mut s, "abs(u.T @ u - eye(30)).max()", 10.0 * tol);
        assert_eq!(num(&mut s, "(sv[:-1] >= sv[1:]).all()"), 1.0);
    }
}

#[test]
fn lstsq_agrees_with_the_dense_path() {
    let mut s = session(2);
    run(
        &mut s,
        "x, res, rank, sv = linalg.lstsq(A, b)\nx1, res1, rank1, sv1 = linalg.lstsq(A1, b)",
    );
    assert_eq!(meta(&mut s, "x").1, vec![30]);
    assert_eq!(meta(&mut s, "res").1, vec![1]);
    assert_eq!(num(&mut s, "rank"), 30.0);
    small(&mut s, "abs(x - x1).max()", 1e-10);
    small(&mut s, "abs(x - arange(30.0)).max()", 0.05);
    small(&mut s, "abs(res - res1).max() / res1[0]", 1e-10);
    small(&mut s, "abs(res[0] - ((b - A @ x) ** 2).sum()) / res[0]", 1e-10);
    small(&mut s, "abs(sv - sv1).max() / sv1[0]", 1e-12);
    // Several right-hand sides, one of them fitted exactly.
    run(
        &mut s,
        "x, res, rank, sv = linalg.lstsq(A, B3)\nx1, res1, rank1, sv1 = linalg.lstsq(A1, B3)",
    );
    assert_eq!(meta(&mut s, "x").1, vec![30, 4]);
    assert_eq!(meta(&mut s, "res").1, vec![4]);
    small(&mut s, "abs(x - x1).max()", 1e-10);
    small(&mut s, "abs(res - res1).max() / res1.max()", 1e-9);
    small(&mut s, "abs(res - ((B3 - A @ x) ** 2).sum(axis=0)).max() / res.max()", 1e-9);
    // float32 input gives float32 results.
    run(&mut s, "xf, resf, rankf, svf = linalg.lstsq(F, b.astype(np.float32))");
    assert_eq!(meta(&mut s, "xf").0, "float32");
    small(&mut s, "abs(xf - x1[:, 0]).max()", 1e-3);
}

#[test]
fn rank_deficient_matrix() {
    let mut s = session(2);
    run(&mut s, "q, r = linalg.qr(D)");
    small(&mut s, "linalg.norm(q @ r - D) / linalg.norm(D)", 1e-12);
    small(&mut s, "abs(q.T @ q - eye(30)).max()", 1e-12);
    small(&mut s, "abs(tril(r, -1)).max()", 0.0);
    run(&mut s, "sv = linalg.svd(D, compute_uv=False)");
    small(&mut s, "sv[-1] / sv[0]", 1e-13);
    small(&mut s, "abs(sv - linalg.svd(D1, compute_uv=False)).max() / sv[0]", 1e-12);
    run(
        &mut s,
        "x, res, rank, sv = linalg.lstsq(D, b)\nx1, res1, rank1, sv1 = linalg.lstsq(D1, b)",
    );
    assert_eq!(num(&mut s, "rank"), 29.0);
    assert_eq!(num(&mut s, "rank1"), 29.0);
    // NumPy: no residuals when the rank is below n.
    assert_eq!(meta(&mut s, "res").1, vec![0]);
    // Minimum-norm solutions agree.
    small(&mut s, "abs(x - x1).max() / abs(x1).max()", 1e-9);
}

#[test]
fn non_finite_input() {
    let mut s = session(2);
    for x in ["N", "N1"] {
        run(&mut s, &format!("q, r = linalg.qr({x})"));
        assert_eq!(num(&mut s, "isnan(r).all()"), 1.0, "{x}");
        assert_eq!(num(&mut s, "isnan(q).all()"), 1.0, "{x}");
        for call in
            [format!("linalg.svd({x}, full_matrices=False)"), format!("linalg.lstsq({x}, b)")]
        {
            let (kind, msg) = error(&mut s, &call);
            assert_eq!(kind, ErrorKind::LinAlg, "{call}");
            assert!(msg.contains("20000×30") && msg.contains("NaN"), "{call}: {msg}");
        }
    }
}

/// Bits of every result the tall path produces.
fn tall_results(threads: usize) -> Vec<Vec<u64>> {
    let mut s = session(threads);
    run(&mut s, "q, r = linalg.qr(E)\nu, sv, vt = linalg.svd(A, full_matrices=False)");
    run(&mut s, "x, res, rank, sv2 = linalg.lstsq(A, B3)");
    ["q", "r", "u", "sv", "vt", "x", "res", "sv2", "abs(q).sum()"]
        .iter()
        .map(|c| values(&mut s, c).iter().map(|v| v.to_bits()).collect())
        .collect()
}

#[test]
fn same_bits_at_one_and_two_threads() {
    assert_eq!(tall_results(1), tall_results(2));
}

#[test]
fn the_tall_path_runs_without_gathering() {
    let mut s = session(2);
    run(&mut s, "q, r = linalg.qr(A)\nu, sv, vt = linalg.svd(A, full_matrices=False)");
    let text = |s: &mut Session, name: &str| {
        let Some(Value::Array(n)) = s.get(name) else { panic!("{name} is not an array") };
        s.interp().explain(&n)
    };
    assert!(text(&mut s, "q").contains("tsqr Q (20 row blocks"), "{}", text(&mut s, "q"));
    assert!(text(&mut s, "u").contains("tsqr U (20 row blocks"), "{}", text(&mut s, "u"));
    // The dense path gathers A with its factors (about 14 MB); the tall
    // path holds a few 240 kB blocks.
    s.set_memory_limit(8 << 20);
    let (kind, _) = error(&mut s, "linalg.qr(A1)");
    assert_eq!(kind, ErrorKind::Memory);
    run(&mut s, "q, r = linalg.qr(A)\nx, res, rank, sv = linalg.lstsq(A, b)");
    small(&mut s, "abs(q[::1000] @ r - A[::1000]).max()", 1e-13);
    small(&mut s, "(q * q).sum() - 30", 1e-10);
    small(&mut s, "abs(sv - linalg.svd(A, compute_uv=False)).max() / sv[0]", 1e-12);
}
