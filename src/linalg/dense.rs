//! Dense kernels: one in-memory matrix in, its factors or solution out,
//! computed with faer in float64. Inputs and outputs are row-major slices
//! (the layout of `ArrayData`); each kernel says which NumPy function it
//! serves and follows LAPACK's conventions where NumPy exposes them
//! (singular only on an exact zero pivot, `rcond` cut-offs, sorted values).

use super::LinAlgFailure;
use faer::linalg::solvers::{DenseSolveCore, Solve};
use faer::{Mat, MatRef, Side};

/// A row-major `m × n` slice as a faer matrix view.
pub fn view(data: &[f64], m: usize, n: usize) -> MatRef<'_, f64> {
    MatRef::from_row_major_slice(data, m, n)
}

/// A matrix's elements in row-major order.
pub fn rows(a: MatRef<'_, f64>) -> Vec<f64> {
    let mut out = Vec::with_capacity(a.nrows() * a.ncols());
    for i in 0..a.nrows() {
        for j in 0..a.ncols() {
            out.push(a[(i, j)]);
        }
    }
    out
}

/// The transpose of a matrix, row-major (`Vᵀ` from faer's `V`).
fn rows_t(a: MatRef<'_, f64>) -> Vec<f64> {
    rows(a.transpose())
}

fn all_finite(a: MatRef<'_, f64>) -> bool {
    (0..a.ncols()).all(|j| (0..a.nrows()).all(|i| a[(i, j)].is_finite()))
}

/// LU with partial pivoting of a square matrix; `Singular` when a pivot is
/// exactly zero (LAPACK `getrf`'s `info > 0`, what NumPy reports).
fn lu_nonsingular(
    a: MatRef<'_, f64>,
) -> Result<faer::linalg::solvers::PartialPivLu<f64>, LinAlgFailure> {
    let lu = a.partial_piv_lu();
    let u = lu.U();
    if (0..u.nrows().min(u.ncols())).any(|i| u[(i, i)] == 0.0) {
        return Err(LinAlgFailure::Singular);
    }
    Ok(lu)
}

/// `inv`: the inverse of a square matrix.
pub fn inv(a: MatRef<'_, f64>) -> Result<Vec<f64>, LinAlgFailure> {
    if a.nrows() == 0 {
        return Ok(vec![]);
    }
    Ok(rows(lu_nonsingular(a)?.inverse().as_ref()))
}

/// `solve`: `x` with `a @ x = b` for a square `a` and an `m × k` `b`.
pub fn solve(a: MatRef<'_, f64>, b: MatRef<'_, f64>) -> Result<Vec<f64>, LinAlgFailure> {
    if a.nrows() == 0 || b.ncols() == 0 {
        return Ok(vec![0.0; b.nrows() * b.ncols()]);
    }
    let lu = lu_nonsingular(a)?;
    let mut x = b.to_owned();
    lu.solve_in_place(x.as_mut());
    Ok(rows(x.as_ref()))
}

/// `slogdet` parts: the sign of the determinant, `log|det|`, and the
/// determinant as NumPy computes it (the product of the pivots, so it can
/// over- or underflow where `slogdet` does not).
pub fn det_parts(a: MatRef<'_, f64>) -> (f64, f64, f64) {
    let n = a.nrows();
    if n == 0 {
        return (1.0, 0.0, 1.0);
    }
    let lu = a.partial_piv_lu();
    let u = lu.U();
    // The permutation's parity: count the cycles of the row permutation.
    let perm = lu.P().arrays().0;
    let mut seen = vec![false; n];
    let mut odd = false;
    for start in 0..n {
        let mut len = 0;
        let mut i = start;
        while !seen[i] {
            seen[i] = true;
            i = perm[i];
            len += 1;
        }
        if len > 0 && len % 2 == 0 {
            odd = !odd;
        }
    }
    let mut sign = if odd { -1.0 } else { 1.0 };
    let mut logabs = 0.0;
    let mut det = sign;
    for i in 0..n {
        let p = u[(i, i)];
        det *= p;
        logabs += p.abs().ln();
        sign *= p.signum();
        if p == 0.0 {
            sign = 0.0;
        } else if p.is_nan() {
            sign = f64::NAN;
        }
    }
    if sign == 0.0 {
        logabs = f64::NEG_INFINITY;
    }
    (sign, logabs, det)
}

/// `cholesky`: the lower factor `L` with `a = L Lᵀ` from `a`'s lower
/// triangle, or the upper factor `Lᵀ`.
pub fn cholesky(a: MatRef<'_, f64>, upper: bool) -> Result<Vec<f64>, LinAlgFailure> {
    let n = a.nrows();
    if n == 0 {
        return Ok(vec![]);
    }
    if !all_finite(a) {
        return Err(LinAlgFailure::NotPositiveDefinite);
    }
    let llt = a.llt(Side::Lower).map_err(|_| LinAlgFailure::NotPositiveDefinite)?;
    let l = llt.L();
    let mut out = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let (r, c) = if upper { (j, i) } else { (i, j) };
            out[r * n + c] = l[(i, j)];
        }
    }
    Ok(out)
}

/// `qr`: `(Q, R)` with `Q` `m × k` and `R` `k × n`, where `k` is
/// `min(m, n)` (reduced) or `m` (complete). `Q` is `None` when not wanted.
/// `R`'s diagonal is made non-negative (rows of `R` and columns of `Q`
/// negated together), as the tall path (`tsqr`) does, so the factors of a
/// full-rank matrix do not depend on its chunks. A NaN or infinity in `a`
/// makes both factors all NaN (faer's rank-revealing QR would otherwise
/// skip the column and lose the NaN).
pub fn qr(a: MatRef<'_, f64>, complete: bool, want_q: bool) -> (Option<Vec<f64>>, Vec<f64>) {
    let (m, n) = (a.nrows(), a.ncols());
    let k = if complete { m } else { m.min(n) };
    if m == 0 || n == 0 {
        let q = want_q.then(|| rows(Mat::<f64>::identity(m, k).as_ref()));
        return (q, vec![0.0; k * n]);
    }
    if !all_finite(a) {
        return (want_q.then(|| vec![f64::NAN; m * k]), vec![f64::NAN; k * n]);
    }
    let f = a.qr();
    let r_full = f.R();
    let mut r = vec![0.0; k * n];
    for i in 0..k.min(m.min(n)) {
        for j in i..n {
            r[i * n + j] = r_full[(i, j)];
        }
    }
    let signs = super::tsqr::make_diagonal_nonnegative(&mut r, k.min(n), n);
    let q = want_q.then(|| {
        let mut q = if complete { f.compute_Q() } else { f.compute_thin_Q() };
        for (j, &s) in signs.iter().enumerate() {
            if s < 0.0 {
                q.col_mut(j).iter_mut().for_each(|v| *v = -*v);
            }
        }
        rows(q.as_ref())
    });
    (q, r)
}

/// An SVD's parts: `U` (`m × ku`), the singular values (descending) and
/// `Vᵀ` (`kv × n`); `U`/`Vᵀ` are empty when not computed.
pub struct SvdParts {
    pub u: Vec<f64>,
    pub s: Vec<f64>,
    pub vt: Vec<f64>,
}

/// `svd`: full (`U` m×m, `Vᵀ` n×n) or reduced (k = min(m, n)) factors, or
/// only the singular values.
pub fn svd(a: MatRef<'_, f64>, full: bool, uv: bool) -> Result<SvdParts, LinAlgFailure> {
    let (m, n) = (a.nrows(), a.ncols());
    let k = m.min(n);
    if !all_finite(a) {
        return Err(LinAlgFailure::NonFinite("SVD"));
    }
    if k == 0 {
        let (ku, kv) = if full { (m, n) } else { (k, k) };
        let u = if uv { rows(Mat::<f64>::identity(m, ku).as_ref()) } else { vec![] };
        let vt = if uv { rows(Mat::<f64>::identity(kv, n).as_ref()) } else { vec![] };
        return Ok(SvdParts { u, s: vec![], vt });
    }
    if !uv {
        let s = a.singular_values().map_err(|_| LinAlgFailure::NoConvergence("SVD"))?;
        return Ok(SvdParts { u: vec![], s, vt: vec![] });
    }
    let f = if full { a.svd() } else { a.thin_svd() }
        .map_err(|_| LinAlgFailure::NoConvergence("SVD"))?;
    let s = (0..k).map(|i| f.S().column_vector()[i]).collect();
    Ok(SvdParts { u: rows(f.U()), s, vt: rows_t(f.V()) })
}

/// The singular values alone (for ranks, norms, conditions).
pub fn singular_values(a: MatRef<'_, f64>) -> Result<Vec<f64>, LinAlgFailure> {
    Ok(svd(a, false, false)?.s)
}

/// `lu` (SciPy's): `P`, `L`, `U` with `a = P @ L @ U`; `L` is `m × k`
/// unit lower triangular, `U` `k × n`, `P` an `m × m` permutation matrix.
pub fn lu(a: MatRef<'_, f64>) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let (m, n) = (a.nrows(), a.ncols());
    let k = m.min(n);
    if k == 0 {
        return (rows(Mat::<f64>::identity(m, m).as_ref()), vec![0.0; m * k], vec![0.0; k * n]);
    }
    let f = a.partial_piv_lu();
    // faer factors `P a = L U` with row `i` of `P a` being row `fwd[i]` of
    // `a`; so `a = Pᵀ L U` and SciPy's `P` has a one at `(fwd[i], i)`.
    let fwd = f.P().arrays().0;
    let mut p = vec![0.0; m * m];
    for (i, &src) in fwd.iter().enumerate() {
        p[src * m + i] = 1.0;
    }
    (p, rows(f.L()), rows(f.U()))
}

/// `eig` for a real matrix: real eigenvalues and unit-norm eigenvectors
/// (columns), or `ComplexEigenvalues` when any eigenvalue is not real.
pub fn eig(a: MatRef<'_, f64>, vectors: bool) -> Result<(Vec<f64>, Vec<f64>), LinAlgFailure> {
    use faer::dyn_stack::{MemBuffer, MemStack};
    use faer::linalg::evd;
    let n = a.nrows();
    if n == 0 {
        return Ok((vec![], vec![]));
    }
    if !all_finite(a) {
        return Err(LinAlgFailure::NonFinite("Eigenvalues"));
    }
    let par = faer::get_global_parallelism();
    let mut re = faer::diag::Diag::<f64>::zeros(n);
    let mut im = faer::diag::Diag::<f64>::zeros(n);
    let mut u = Mat::<f64>::zeros(n, n);
    let want = if vectors { evd::ComputeEigenvectors::Yes } else { evd::ComputeEigenvectors::No };
    let mut mem = MemBuffer::new(evd::evd_scratch::<f64>(
        n,
        evd::ComputeEigenvectors::No,
        want,
        par,
        Default::default(),
    ));
    evd::evd_real(
        a,
        re.as_mut(),
        im.as_mut(),
        None,
        vectors.then_some(u.as_mut()),
        par,
        MemStack::new(&mut mem),
        Default::default(),
    )
    .map_err(|_| LinAlgFailure::NoConvergence("Eigenvalues"))?;
    let im = im.column_vector();
    if let Some(i) = (0..n).find(|&i| im[i] != 0.0) {
        return Err(LinAlgFailure::ComplexEigenvalues {
            re: re.column_vector()[i],
            im: im[i].abs(),
        });
    }
    let w = (0..n).map(|i| re.column_vector()[i]).collect();
    if !vectors {
        return Ok((w, vec![]));
    }
    // LAPACK (and NumPy) scale each eigenvector to unit Euclidean norm.
    for j in 0..n {
        let norm = (0..n).map(|i| u[(i, j)] * u[(i, j)]).sum::<f64>().sqrt();
        if norm > 0.0 {
            for i in 0..n {
                u[(i, j)] /= norm;
            }
        }
    }
    Ok((w, rows(u.as_ref())))
}

/// `eigh`: eigenvalues (ascending) and orthonormal eigenvectors of the
/// symmetric matrix read from `a`'s lower (`lower`) or upper triangle.
pub fn eigh(
    a: MatRef<'_, f64>,
    lower: bool,
    vectors: bool,
) -> Result<(Vec<f64>, Vec<f64>), LinAlgFailure> {
    let n = a.nrows();
    if n == 0 {
        return Ok((vec![], vec![]));
    }
    // Only the chosen triangle is read (NumPy's `UPLO`): mirror it.
    let mut sym = Mat::<f64>::zeros(n, n);
    for i in 0..n {
        for j in 0..=i {
            let v = if lower { a[(i, j)] } else { a[(j, i)] };
            sym[(i, j)] = v;
            sym[(j, i)] = v;
        }
    }
    if !all_finite(sym.as_ref()) {
        return Err(LinAlgFailure::NonFinite("Eigenvalues"));
    }
    if !vectors {
        let w = sym
            .self_adjoint_eigenvalues(Side::Lower)
            .map_err(|_| LinAlgFailure::NoConvergence("Eigenvalues"))?;
        return Ok((w, vec![]));
    }
    let f = sym
        .self_adjoint_eigen(Side::Lower)
        .map_err(|_| LinAlgFailure::NoConvergence("Eigenvalues"))?;
    let w = (0..n).map(|i| f.S().column_vector()[i]).collect();
    Ok((w, rows(f.U())))
}

/// `pinv`: the pseudo-inverse (`n × m`), dropping singular values at or
/// below `rcond × max(s)`.
pub fn pinv(a: MatRef<'_, f64>, rcond: f64) -> Result<Vec<f64>, LinAlgFailure> {
    let (m, n) = (a.nrows(), a.ncols());
    let p = svd(a, false, true)?;
    let k = p.s.len();
    let cutoff = rcond * p.s.first().copied().unwrap_or(0.0);
    let mut out = vec![0.0; n * m];
    for (l, &s) in p.s.iter().enumerate() {
        if s <= cutoff || s == 0.0 {
            continue;
        }
        // out += v_l (1/s) u_lᵀ, with v_l = row l of Vᵀ and u_l = column l of U.
        for i in 0..n {
            let vi = p.vt[l * n + i] / s;
            for j in 0..m {
                out[i * m + j] += vi * p.u[j * k + l];
            }
        }
    }
    Ok(out)
}

/// `lstsq`'s results for `a` (`m × n`) and `b` (`m × k`).
pub struct Lstsq {
    /// `n × k`, row-major.
    pub x: Vec<f64>,
    /// Squared residual norms per column; empty unless `a` has full column
    /// rank and `m > n` (NumPy's rule).
    pub residuals: Vec<f64>,
    pub rank: usize,
    pub s: Vec<f64>,
}

/// `lstsq`: the minimum-norm least-squares solution by SVD, singular
/// values at or below `rcond × max(s)` treated as zero (LAPACK `gelsd`).
pub fn lstsq(a: MatRef<'_, f64>, b: MatRef<'_, f64>, rcond: f64) -> Result<Lstsq, LinAlgFailure> {
    let (m, n, k) = (a.nrows(), a.ncols(), b.ncols());
    if !all_finite(b) {
        return Err(LinAlgFailure::NonFinite("SVD"));
    }
    let p = svd(a, false, true)?;
    let r = p.s.len();
    let cutoff = rcond * p.s.first().copied().unwrap_or(0.0);
    let rank = p.s.iter().filter(|&&s| s > cutoff).count();
    // x = V diag(1/s) Uᵀ b over the kept singular values.
    let mut x = vec![0.0; n * k];
    for l in 0..rank {
        for c in 0..k {
            let mut ub = 0.0;
            for i in 0..m {
                ub += p.u[i * r + l] * b[(i, c)];
            }
            let coef = ub / p.s[l];
            for j in 0..n {
                x[j * k + c] += p.vt[l * n + j] * coef;
            }
        }
    }
    let residuals = if rank == n && m > n {
        (0..k)
            .map(|c| {
                (0..m)
                    .map(|i| {
                        let fit: f64 = (0..n).map(|j| a[(i, j)] * x[j * k + c]).sum();
                        (b[(i, c)] - fit).powi(2)
                    })
                    .sum()
            })
            .collect()
    } else {
        vec![]
    };
    Ok(Lstsq { x, residuals, rank, s: p.s })
}

/// The matrix norms NumPy's `norm(x, ord)` takes for two axes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MatrixOrd {
    Fro,
    Nuc,
    /// Largest (`One`) or smallest (`NegOne`) absolute column sum.
    One,
    NegOne,
    /// Largest / smallest singular value.
    Two,
    NegTwo,
    /// Largest / smallest absolute row sum.
    Inf,
    NegInf,
}

/// One matrix's norm of the given order.
pub fn matrix_norm(a: MatRef<'_, f64>, ord: MatrixOrd) -> Result<f64, LinAlgFailure> {
    let (m, n) = (a.nrows(), a.ncols());
    let col_sums = || (0..n).map(|j| (0..m).map(|i| a[(i, j)].abs()).sum::<f64>());
    let row_sums = || (0..m).map(|i| (0..n).map(|j| a[(i, j)].abs()).sum::<f64>());
    // NumPy's max/min propagate NaN.
    let max = |it: &mut dyn Iterator<Item = f64>| {
        it.fold(
            f64::NEG_INFINITY,
            |acc, v| if v.is_nan() || acc.is_nan() { f64::NAN } else { acc.max(v) },
        )
    };
    let min = |it: &mut dyn Iterator<Item = f64>| {
        it.fold(
            f64::INFINITY,
            |acc, v| if v.is_nan() || acc.is_nan() { f64::NAN } else { acc.min(v) },
        )
    };
    Ok(match ord {
        MatrixOrd::Fro => (0..m)
            .flat_map(|i| (0..n).map(move |j| (i, j)))
            .map(|(i, j)| a[(i, j)] * a[(i, j)])
            .sum::<f64>()
            .sqrt(),
        MatrixOrd::One => max(&mut col_sums()),
        MatrixOrd::NegOne => min(&mut col_sums()),
        MatrixOrd::Inf => max(&mut row_sums()),
        MatrixOrd::NegInf => min(&mut row_sums()),
        MatrixOrd::Nuc => singular_values(a)?.iter().sum(),
        MatrixOrd::Two => singular_values(a)?.first().copied().unwrap_or(0.0),
        MatrixOrd::NegTwo => singular_values(a)?.last().copied().unwrap_or(0.0),
    })
}

/// `cond(a, p)`: `s_max / s_min` for p None/2 (`s_min / s_max` for -2), or
/// `norm(a, p) * norm(inv(a), p)`, infinite for a singular matrix (NumPy).
pub fn cond(a: MatRef<'_, f64>, p: Option<MatrixOrd>) -> Result<f64, LinAlgFailure> {
    match p {
        None | Some(MatrixOrd::Two) | Some(MatrixOrd::NegTwo) => {
            let s = singular_values(a)?;
            let (hi, lo) = (s.first().copied().unwrap_or(0.0), s.last().copied().unwrap_or(0.0));
            Ok(if p == Some(MatrixOrd::NegTwo) { lo / hi } else { hi / lo })
        }
        Some(ord) => {
            let n = a.nrows();
            match inv(a) {
                Ok(i) => Ok(matrix_norm(a, ord)? * matrix_norm(view(&i, n, n), ord)?),
                Err(LinAlgFailure::Singular) => Ok(f64::INFINITY),
                Err(e) => Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: &[f64], b: &[f64], tol: f64) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= tol)
    }

    #[test]
    fn inverse_and_singular() {
        let a = [4.0, 7.0, 2.0, 6.0];
        let i = inv(view(&a, 2, 2)).unwrap();
        assert!(close(&i, &[0.6, -0.7, -0.2, 0.4], 1e-12), "{i:?}");
        let s = [1.0, 2.0, 2.0, 4.0];
        assert_eq!(inv(view(&s, 2, 2)), Err(LinAlgFailure::Singular));
    }

    #[test]
    fn determinant_sign_follows_the_permutation() {
        let a = [0.0, 1.0, 1.0, 0.0];
        let (sign, logabs, det) = det_parts(view(&a, 2, 2));
        assert_eq!((sign, logabs, det), (-1.0, 0.0, -1.0));
        let b = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 10.0];
        let (_, _, det) = det_parts(view(&b, 3, 3));
        assert!((det + 3.0).abs() < 1e-12, "{det}");
    }

    #[test]
    fn lu_reconstructs_with_scipys_permutation() {
        let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
        let (p, l, u) = lu(view(&a, 3, 2));
        let (p, l, u) = (view(&p, 3, 3), view(&l, 3, 2), view(&u, 2, 2));
        let back = p * (l * u);
        assert!(close(&rows(back.as_ref()), &a, 1e-12));
    }

    #[test]
    fn eig_refuses_complex_eigenvalues() {
        let rot = [0.0, -1.0, 1.0, 0.0];
        assert!(matches!(
            eig(view(&rot, 2, 2), false),
            Err(LinAlgFailure::ComplexEigenvalues { .. })
        ));
        let (w, _) = eig(view(&[2.0, 0.0, 0.0, 3.0], 2, 2), true).unwrap();
        assert_eq!(w, vec![2.0, 3.0]);
    }
}
