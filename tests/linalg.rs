//! `linalg` by reconstruction: every factorization multiplied back gives
//! its input (Q@R, U@diag(S)@Vh, L@L.T, P@L@U, A@inv(A), A@v = λv) within
//! a stated tolerance, on random, stacked, float32 and ill-conditioned
//! (Hilbert) matrices; shapes and dtypes are NumPy's. Errors for singular,
//! non-square and non-finite inputs are checked by kind and message.

use arr::{ErrorKind, Options, Session, Value};

fn session() -> Session {
    let mut s = Session::with_options(Options { threads: Some(2), seed: 0, optimize: true });
    let setup = "import numpy as np\n\
        R = random.random((40, 40))\n\
        B = random.random((6, 40))\n\
        T = random.random((50, 7))\n\
        W = random.random((7, 50))\n\
        S = random.random((3, 5, 5))\n\
        SPD = R @ R.T + 40 * eye(40)\n\
        H = 1.0 / (arange(8)[:, None] + arange(8)[None, :] + 1.0)\n\
        F = random.random((12, 12)).astype(np.float32)\n";
    s.eval("<setup>", setup).unwrap_or_else(|d| panic!("{}", s.render(&d, false)));
    s
}

/// The value of `code` (a 0-d array or a number) as f64.
#[track_caller]
fn num(s: &mut Session, code: &str) -> f64 {
    let v = s.eval("<linalg>", code).unwrap_or_else(|d| panic!("{code}\n{}", s.render(&d, false)));
    match v {
        Some(Value::Float(f)) => f,
        Some(Value::Int(i)) => i as f64,
        Some(Value::Array(n)) => {
            let data = s.interp().compute(&n).unwrap_or_else(|d| panic!("{code}: {}", d.message));
            assert_eq!(data.len(), 1, "{code}: not a single value");
            data.get_f64(0)
        }
        other => panic!("{code}: not a number: {other:?}"),
    }
}

/// dtype and shape of the array `code` evaluates to.
#[track_caller]
fn meta(s: &mut Session, code: &str) -> (String, Vec<usize>) {
    let v = s.eval("<linalg>", code).unwrap_or_else(|d| panic!("{code}\n{}", s.render(&d, false)));
    let Some(Value::Array(n)) = v else { panic!("{code}: not an array: {v:?}") };
    (n.dtype.name().to_string(), n.shape.clone())
}

#[track_caller]
fn small(s: &mut Session, code: &str, tol: f64) {
    let v = num(s, code);
    assert!(v.abs() <= tol, "{code} = {v:e}, over {tol:e}");
}

#[track_caller]
fn error(s: &mut Session, code: &str) -> (ErrorKind, String) {
    match s.eval("<linalg>", code) {
        Ok(v) => panic!("{code}: expected an error, got {v:?}"),
        Err(d) => (d[0].kind, d[0].message.clone()),
    }
}

fn shape(dims: &[usize]) -> Vec<usize> {
    dims.to_vec()
}

#[test]
fn qr_reconstructs_with_orthonormal_q() {
    let mut s = session();
    for a in ["R", "B", "T", "H"] {
        s.eval("<qr>", &format!("q, r = linalg.qr({a})")).unwrap();
        small(&mut s, &format!("linalg.norm(q @ r - {a}) / linalg.norm({a})"), 1e-13);
        small(&mut s, "abs(q.T @ q - eye(q.shape[1])).max()", 1e-13);
        small(&mut s, "abs(tril(r, -1)).max()", 0.0);
    }
    s.eval("<qr>", "q, r = linalg.qr(T, mode='complete')").unwrap();
    assert_eq!(meta(&mut s, "q"), ("float64".into(), shape(&[50, 50])));
    assert_eq!(meta(&mut s, "r"), ("float64".into(), shape(&[50, 7])));
    small(&mut s, "linalg.norm(q @ r - T)", 1e-12);
    assert_eq!(meta(&mut s, "linalg.qr(W, mode='r')"), ("float64".into(), shape(&[7, 50])));
    s.eval("<qr>", "q, r = linalg.qr(S)").unwrap();
    assert_eq!(meta(&mut s, "q"), ("float64".into(), shape(&[3, 5, 5])));
    small(&mut s, "abs(q @ r - S).max()", 1e-14);
}

#[test]
fn svd_reconstructs_and_orders_singular_values() {
    let mut s = session();
    for a in ["R", "B", "T", "H"] {
        s.eval("<svd>", &format!("u, sv, vh = linalg.svd({a}, full_matrices=False)")).unwrap();
        small(&mut s, &format!("linalg.norm(u * sv @ vh - {a}) / linalg.norm({a})"), 1e-13);
        small(&mut s, "(sv[1:] > sv[:-1]).sum()", 0.0);
        small(&mut s, &format!("abs(sv - linalg.svd({a}, compute_uv=False)).max()"), 1e-13);
    }
    s.eval("<svd>", "u, sv, vh = linalg.svd(T)").unwrap();
    assert_eq!(meta(&mut s, "u").1, shape(&[50, 50]));
    assert_eq!(meta(&mut s, "sv").1, shape(&[7]));
    assert_eq!(meta(&mut s, "vh").1, shape(&[7, 7]));
    small(&mut s, "abs(u.T @ u - eye(50)).max()", 1e-13);
    // The 2-norm of the Hilbert matrix and its condition number (known values).
    small(&mut s, "linalg.svd(H, compute_uv=False)[0] - 1.6959389969219498", 1e-12);
    small(&mut s, "linalg.cond(H) / 1.5257575538072e10 - 1", 1e-5);
    assert_eq!(meta(&mut s, "linalg.svd(F, compute_uv=False)"), ("float32".into(), shape(&[12])));
}

#[test]
fn cholesky_lu_inv_solve_det() {
    let mut s = session();
    s.eval("<c>", "L = linalg.cholesky(SPD)").unwrap();
    small(&mut s, "linalg.norm(L @ L.T - SPD) / linalg.norm(SPD)", 1e-14);
    small(&mut s, "abs(triu(L, 1)).max()", 0.0);
    small(&mut s, "abs(linalg.cholesky(SPD, upper=True) - L.T).max()", 0.0);

    for a in ["R", "B", "T"] {
        s.eval("<lu>", &format!("p, l, u = linalg.lu({a})")).unwrap();
        small(&mut s, &format!("abs(p @ l @ u - {a}).max()"), 1e-14);
        small(&mut s, "abs(diag(l) - 1).max()", 0.0);
        small(&mut s, "abs(l).max() - 1", 0.0);
    }

    small(&mut s, "abs(R @ linalg.inv(R) - eye(40)).max()", 1e-10);
    small(&mut s, "abs(H @ linalg.inv(H) - eye(8)).max()", 1e-5);
    small(&mut s, "abs(S @ linalg.inv(S) - eye(5)).max()", 1e-12);
    assert_eq!(meta(&mut s, "linalg.inv(F)"), ("float32".into(), shape(&[12, 12])));
    assert_eq!(meta(&mut s, "linalg.inv(array([[2, 1], [1, 1]]))").0, "float64");

    small(&mut s, "abs(R @ linalg.solve(R, B.T) - B.T).max()", 1e-11);
    assert_eq!(meta(&mut s, "linalg.solve(R, ones(40))").1, shape(&[40]));
    assert_eq!(meta(&mut s, "linalg.solve(S, ones((5, 2)))").1, shape(&[3, 5, 2]));

    small(&mut s, "linalg.det(array([[1.0, 2.0], [3.0, 4.0]])) + 2", 1e-14);
    small(&mut s, "linalg.det(eye(3) * 2) - 8", 1e-14);
    s.eval("<d>", "sign, logdet = linalg.slogdet(R)").unwrap();
    small(&mut s, "sign * exp(logdet) / linalg.det(R) - 1", 1e-10);
    assert_eq!(meta(&mut s, "linalg.det(S)").1, shape(&[3]));
}

#[test]
fn eigen_equations_hold() {
    let mut s = session();
    s.eval("<e>", "w, v = linalg.eigh(SPD)").unwrap();
    small(&mut s, "linalg.norm(SPD @ v - v * w) / linalg.norm(SPD)", 1e-13);
    small(&mut s, "(w[1:] < w[:-1]).sum()", 0.0);
    small(&mut s, "abs(linalg.eigvalsh(SPD) - w).max()", 1e-11);
    // Only the named triangle is read.
    small(&mut s, "abs(linalg.eigvalsh(triu(SPD), UPLO='U') - w).max()", 1e-11);
    // A non-symmetric matrix with real eigenvalues: triangular plus a similarity.
    s.eval("<e>", "M = linalg.inv(S[0]) @ triu(S[1] + 3 * eye(5)) @ S[0]\nw, v = linalg.eig(M)")
        .unwrap();
    small(&mut s, "linalg.norm(M @ v - v * w) / linalg.norm(M)", 1e-10);
    small(&mut s, "abs(linalg.norm(v, axis=0) - 1).max()", 1e-14);
    small(&mut s, "abs(sort(linalg.eigvals(M)) - sort(diag(S[1] + 3 * eye(5)))).max()", 1e-9);
    let (kind, msg) = error(&mut s, "linalg.eig(array([[0.0, -1.0], [1.0, 0.0]]))");
    assert_eq!(kind, ErrorKind::DType);
    assert!(msg.contains("complex eigenvalues") && msg.contains("no complex dtype"), "{msg}");
}

#[test]
fn lstsq_pinv_rank_power() {
    let mut s = session();
    s.eval("<l>", "x, res, rank, sv = linalg.lstsq(T, ones(50))").unwrap();
    assert_eq!(meta(&mut s, "x").1, shape(&[7]));
    assert_eq!(num(&mut s, "rank"), 7.0);
    // The residual is orthogonal to the columns, and `res` is its squared norm.
    small(&mut s, "abs(T.T @ (T @ x - 1)).max()", 1e-12);
    small(&mut s, "res[0] - ((T @ x - 1) ** 2).sum()", 1e-12);
    small(&mut s, "abs(linalg.pinv(T) @ T - eye(7)).max()", 1e-13);
    small(&mut s, "abs(linalg.pinv(T) @ ones(50) - x).max()", 1e-13);
    // Rank-deficient: no residuals, minimum-norm solution.
    s.eval(
        "<l>",
        "x, res, rank, sv = linalg.lstsq(array([[1.0, 1.0], [1.0, 1.0]]), array([2.0, 2.0]))",
    )
    .unwrap();
    assert_eq!((num(&mut s, "rank"), meta(&mut s, "res").1), (1.0, shape(&[0])));
    small(&mut s, "abs(x - 1).max()", 1e-15);
    assert_eq!(num(&mut s, "linalg.matrix_rank(R)"), 40.0);
    assert_eq!(num(&mut s, "linalg.matrix_rank(T @ W)"), 7.0);
    assert_eq!(num(&mut s, "linalg.matrix_rank(zeros(4))"), 0.0);
    small(&mut s, "abs(linalg.matrix_power(R, 3) - R @ R @ R).max()", 1e-11);
    small(&mut s, "abs(linalg.matrix_power(R, -2) @ R @ R - eye(40)).max()", 1e-9);
    small(&mut s, "abs(linalg.matrix_power(S, 0) - eye(5)).max()", 0.0);
    assert_eq!(meta(&mut s, "linalg.matrix_power(array([[1, 1], [1, 0]]), 5)").0, "int64");
    small(&mut s, "linalg.matrix_power(array([[1, 1], [1, 0]]), 10)[0, 1] - 55", 0.0);
}

#[test]
fn norms_follow_numpy_rules() {
    let mut s = session();
    small(&mut s, "linalg.norm(array([3.0, 4.0])) - 5", 0.0);
    small(&mut s, "linalg.norm(array([3.0, -4.0]), 1) - 7", 0.0);
    small(&mut s, "linalg.norm(array([3.0, -4.0]), inf) - 4", 0.0);
    small(&mut s, "linalg.norm(array([3.0, -4.0]), -inf) - 3", 0.0);
    small(&mut s, "linalg.norm(array([3.0, 0.0, -4.0]), 0) - 2", 0.0);
    small(&mut s, "linalg.norm(array([3.0, -4.0]), 3) - 91 ** (1 / 3)", 1e-14);
    small(&mut s, "abs(linalg.norm(B, axis=0) - sqrt((B * B).sum(axis=0))).max()", 1e-15);
    assert_eq!(meta(&mut s, "linalg.norm(S, axis=(1, 2), keepdims=True)").1, shape(&[3, 1, 1]));
    small(&mut s, "linalg.norm(H, 2) - linalg.svd(H, compute_uv=False)[0]", 1e-15);
    small(&mut s, "linalg.norm(H, 'nuc') - linalg.svd(H, compute_uv=False).sum()", 1e-14);
    small(&mut s, "linalg.norm(B, 1) - abs(B).sum(axis=0).max()", 1e-15);
    small(&mut s, "linalg.norm(B, -inf) - abs(B).sum(axis=1).min()", 1e-15);
    small(
        &mut s,
        "abs(linalg.norm(S, 2, axis=(2, 1)) - linalg.norm(S.transpose(0, 2, 1), 2, axis=(1, 2))).max()",
        1e-14,
    );
    assert_eq!(meta(&mut s, "linalg.norm(F, axis=1)").0, "float32");
    assert_eq!(meta(&mut s, "linalg.norm(arange(4))").0, "float64");
    // A big chunked array streams: only the norms are ever held.
    let v = num(&mut s, "linalg.norm(ones((200000, 50), chunks=(10000, 50)), axis=0)[7]");
    assert!((v - 200000f64.sqrt()).abs() < 1e-9, "{v}");
    small(&mut s, "linalg.cond(array([[1.0, 0.0], [0.0, 1e-3]])) - 1000", 1e-9);
    assert_eq!(num(&mut s, "linalg.cond(array([[1.0, 1.0], [1.0, 1.0]]), 1)"), f64::INFINITY);
}

#[test]
fn bad_inputs_get_numpys_errors() {
    let mut s = session();
    let (kind, msg) = error(&mut s, "linalg.inv(array([[1.0, 2.0], [2.0, 4.0]]))");
    assert_eq!(kind, ErrorKind::LinAlg);
    assert!(msg.contains("Singular matrix") && msg.contains("2×2"), "{msg}");
    let (kind, msg) = error(&mut s, "linalg.solve(zeros((2, 3, 3)), ones(3))");
    assert_eq!(kind, ErrorKind::LinAlg);
    assert!(msg.contains("matrix 0 of the stack of shape (2, 3, 3)"), "{msg}");
    let (kind, msg) = error(&mut s, "linalg.inv(ones((2, 3)))");
    assert_eq!(kind, ErrorKind::LinAlg);
    assert!(msg.contains("must be square") && msg.contains("(2, 3)"), "{msg}");
    let (_, msg) = error(&mut s, "linalg.det(ones(3))");
    assert!(msg.contains("at least two-dimensional"), "{msg}");
    let (_, msg) = error(&mut s, "linalg.cholesky(array([[1.0, 2.0], [2.0, 1.0]]))");
    assert!(msg.contains("not positive definite"), "{msg}");
    let (_, msg) = error(&mut s, "linalg.svd(array([[nan, 1.0], [1.0, 1.0]]))");
    assert!(msg.contains("SVD did not converge") && msg.contains("NaN"), "{msg}");
    let (kind, msg) = error(&mut s, "linalg.norm(ones((2, 2)), 'nucc')");
    assert_eq!(kind, ErrorKind::Value);
    assert!(msg.contains("Invalid norm order"), "{msg}");
    // NumPy propagates NaN through LU-based functions.
    assert!(num(&mut s, "linalg.det(array([[nan, 1.0], [1.0, 1.0]]))").is_nan());
    // Too big to gather: refused before computing.
    let mut small_mem = Session::builder().memory_limit(1 << 20).build();
    let e = small_mem.eval("<m>", "linalg.inv(ones((1000, 1000)))").unwrap_err();
    assert_eq!(e[0].kind, ErrorKind::Memory);
    assert!(
        e[0].message.contains("linalg.inv") && e[0].message.contains("(1000, 1000)"),
        "{}",
        e[0].message
    );
}

/// `triu`/`tril` with a diagonal offset beyond any matrix (down to the
/// integer range's ends) keep everything or nothing, as in NumPy; the
/// offset arithmetic saturates instead of wrapping.
#[test]
fn triangles_with_extreme_offsets() {
    let mut s = session();
    s.eval("<t>", "X = ones((3, 4))").unwrap();
    for (code, want) in [
        ("triu(X, k=9223372036854775807).sum()", 0.0),
        ("triu(X, k=-9223372036854775807 - 1).sum()", 12.0),
        ("tril(X, k=9223372036854775807).sum()", 12.0),
        ("tril(X, k=-9223372036854775807 - 1).sum()", 0.0),
        ("triu(X, k=2).sum()", 3.0),
        ("tril(X, k=-1).sum()", 3.0),
    ] {
        assert_eq!(num(&mut s, code), want, "{code}");
    }
}
