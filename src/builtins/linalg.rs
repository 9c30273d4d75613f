//! The `linalg` module: decompositions, solvers, norms (NumPy's
//! `numpy.linalg` with its argument conventions and output shapes, SciPy's
//! `lu`). This file owns what every function shares: gathering a stack of
//! matrices `(..., M, N)` into memory (refused with a MemoryError past the
//! session's memory limit), the result dtype (float32 stays float32, every
//! other dtype computes in float64), and turning kernel failures into
//! `LinAlgError`s with the shape. The kernels are in `crate::linalg`;
//! `decomp` holds the factorizations and solvers, `norms` the norms,
//! condition numbers, ranks and powers (vector norms stay lazy).

mod decomp;
mod norms;
mod tall;

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::array::{ArrayData, DType};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value};
use crate::ir::chunks::ChunkSpec;
use crate::ir::{NodeRef, build};
use crate::linalg::LinAlgFailure;
use crate::linalg::dense;
use faer::MatRef;

/// The dtype linalg results have for an input dtype (NumPy: float32 stays
/// float32, everything else becomes float64).
fn result_dtype(d: DType) -> DType {
    if d == DType::Float32 { DType::Float32 } else { DType::Float64 }
}

/// A stack of `m × n` matrices held in memory as float64, row-major.
struct Stack {
    batch: Vec<usize>,
    m: usize,
    n: usize,
    data: Vec<f64>,
    /// The dtype of results computed from it.
    dtype: DType,
    span: Span,
}

impl Stack {
    fn count(&self) -> usize {
        self.batch.iter().product()
    }

    fn matrix(&self, i: usize) -> MatRef<'_, f64> {
        let len = self.m * self.n;
        dense::view(&self.data[i * len..(i + 1) * len], self.m, self.n)
    }

    fn shape(&self) -> Vec<usize> {
        let mut s = self.batch.clone();
        s.extend([self.m, self.n]);
        s
    }

    /// The batch shape followed by `tail`.
    fn with_tail(&self, tail: &[usize]) -> Vec<usize> {
        let mut s = self.batch.clone();
        s.extend_from_slice(tail);
        s
    }

    /// Runs `f` on every matrix (on the session's pool, so faer uses its
    /// threads), turning the first failure into a `LinAlgError`.
    fn each<T: Send>(
        &self,
        interp: &Interp,
        op: &str,
        f: impl Fn(MatRef<'_, f64>) -> Result<T, LinAlgFailure> + Sync + Send,
    ) -> R<Vec<T>> {
        self.each_indexed(interp, op, |_, m| f(m))
    }

    /// [`each`](Self::each) with the matrix's index in the stack.
    fn each_indexed<T: Send>(
        &self,
        interp: &Interp,
        op: &str,
        f: impl Fn(usize, MatRef<'_, f64>) -> Result<T, LinAlgFailure> + Sync + Send,
    ) -> R<Vec<T>> {
        interp.on_pool(|| {
            (0..self.count())
                .map(|i| f(i, self.matrix(i)).map_err(|e| failure(e, op, self, i)))
                .collect()
        })
    }
}

/// NumPy's checks on a linalg input: at least 2-d, square when asked.
fn check_matrix(x: &NodeRef, span: Span, square: bool) -> R<()> {
    if x.ndim() < 2 {
        return Err(Diagnostic::new(
            ErrorKind::LinAlg,
            format!("{}-dimensional array given. Array must be at least two-dimensional", x.ndim()),
            span,
        ));
    }
    let (m, n) = (x.shape[x.ndim() - 2], x.shape[x.ndim() - 1]);
    if square && m != n {
        return Err(Diagnostic::new(
            ErrorKind::LinAlg,
            format!(
                "Last 2 dimensions of the array must be square (the array has shape {})",
                build::shape_str(&x.shape)
            ),
            span,
        ));
    }
    Ok(())
}

/// Computes `x` (a stack of matrices) into memory as float64, after
/// checking that it fits the session's memory limit with room for the
/// factors a decomposition makes (three copies).
fn gather(interp: &mut Interp, x: &NodeRef, span: Span, op: &str) -> R<Stack> {
    let bytes = (x.size() as u64).saturating_mul(8 * 3);
    if bytes > interp.memory_limit {
        return Err(Diagnostic::new(
            ErrorKind::Memory,
            format!(
                "{op} works on the whole {} array in memory: about {} as float64 with its \
                 factors, over the memory limit of {}",
                build::shape_str(&x.shape),
                crate::display::format_bytes(bytes),
                crate::display::format_bytes(interp.memory_limit)
            ),
            span,
        )
        .with_hint(
            "raise the limit (--memory, ARR_MEMORY); the matrix is gathered into memory to be \
             factorized",
        ));
    }
    let data = interp.compute(x).map_err(|d| d.or_span(span))?;
    let nd = x.ndim();
    Ok(Stack {
        batch: x.shape[..nd - 2].to_vec(),
        m: x.shape[nd - 2],
        n: x.shape[nd - 1],
        data: data.cast(DType::Float64).to_f64_vec(),
        dtype: result_dtype(x.dtype),
        span,
    })
}

/// The array argument `name`, checked as a (square) matrix stack.
fn matrix_arg(a: &Args, name: &str, square: bool) -> R<NodeRef> {
    let (v, span) = a.get(name);
    let x = to_array(&v, span)?;
    check_matrix(&x, span, square)?;
    Ok(x)
}

/// Gathers the array argument `name` as a (square) matrix stack.
fn gather_arg(interp: &mut Interp, a: &Args, name: &str, square: bool) -> R<Stack> {
    let x = matrix_arg(a, name, square)?;
    gather(interp, &x, a.span(name), &a.func.qualified())
}

/// A kernel failure as the `LinAlgError` NumPy raises, naming the shape
/// (and which matrix of a stack failed).
fn failure(e: LinAlgFailure, op: &str, s: &Stack, index: usize) -> Diagnostic {
    let which = if s.batch.is_empty() {
        format!("the {}×{} matrix", s.m, s.n)
    } else {
        format!("matrix {index} of the stack of shape {}", build::shape_str(&s.shape()))
    };
    let (kind, msg, hint) = match e {
        LinAlgFailure::Singular => (
            ErrorKind::LinAlg,
            format!(
                "Singular matrix: {which} is singular (an exact zero pivot), so {op} has no result"
            ),
            Some("for a least-squares or minimum-norm answer use linalg.lstsq or linalg.pinv"),
        ),
        LinAlgFailure::NotPositiveDefinite => (
            ErrorKind::LinAlg,
            format!("Matrix is not positive definite: {which}"),
            Some(
                "cholesky needs a symmetric positive-definite matrix (it reads the lower triangle)",
            ),
        ),
        LinAlgFailure::NoConvergence(what) => {
            (ErrorKind::LinAlg, format!("{what} did not converge for {which}"), None)
        }
        LinAlgFailure::NonFinite(what) => (
            ErrorKind::LinAlg,
            format!("{what} did not converge: {which} contains NaN or infinity"),
            Some("remove or replace the non-finite values first (nan_to_num, where)"),
        ),
        LinAlgFailure::ComplexEigenvalues { re, im } => (
            ErrorKind::DType,
            format!(
                "{op}: {which} has complex eigenvalues ({re} ± {im}j) and arr has no complex \
                 dtype; it returns eigenvalues only when all of them are real"
            ),
            Some(
                "for a symmetric matrix use linalg.eigh / linalg.eigvalsh, whose results are always real",
            ),
        ),
    };
    let d = Diagnostic::new(kind, msg, s.span);
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// An in-memory result of `dtype` (computed in float64) as an array value,
/// chunked like any new array.
fn array(values: &[f64], shape: &[usize], dtype: DType) -> R<Value> {
    Ok(Value::Array(node(values, shape, dtype)?))
}

/// [`array`] as a node.
fn node(values: &[f64], shape: &[usize], dtype: DType) -> R<NodeRef> {
    let data = ArrayData::from_f64_vec(dtype, shape, values);
    let chunks = build::chunks_for(&ChunkSpec::Auto, shape, dtype)?;
    Ok(build::literal(data, Some(chunks)))
}

fn concat<T: AsRef<[f64]>>(parts: &[T]) -> Vec<f64> {
    parts.iter().flat_map(|p| p.as_ref().iter().copied()).collect()
}

fn value_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Value, msg, span)
}

macro_rules! linalg_builtin {
    ($name:literal, $sig:literal, $f:path, $doc:literal, [$($ex:literal),*]) => {
        Builtin {
            name: $name,
            module: Module::Linalg,
            signature: $sig,
            doc: $doc,
            examples: &[$($ex),*],
            method: false,
            imp: $f,
        }
    };
}

pub static BUILTINS: &[Builtin] = &[
    linalg_builtin!(
        "inv",
        "inv(a)",
        decomp::inv,
        "The inverse of a square matrix, or of each matrix in a stack (..., M, M). A singular matrix (an exact zero pivot) is a LinAlgError. Computed in memory with faer (LU with partial pivoting).",
        ["linalg.inv(array([[4.0, 7.0], [2.0, 6.0]]))"]
    ),
    linalg_builtin!(
        "solve",
        "solve(a, b)",
        decomp::solve,
        "x with a @ x == b for a square a (..., M, M); b is (..., M, K), or (M,) for one right-hand side. Batch axes broadcast.",
        ["linalg.solve(array([[3.0, 1.0], [1.0, 2.0]]), array([9.0, 8.0]))"]
    ),
    linalg_builtin!(
        "det",
        "det(a)",
        decomp::det,
        "The determinant of a square matrix (or of each in a stack), from its LU factorization.",
        ["linalg.det(array([[1.0, 2.0], [3.0, 4.0]]))"]
    ),
    linalg_builtin!(
        "slogdet",
        "slogdet(a)",
        decomp::slogdet,
        "(sign, logabsdet) of the determinant: no overflow for large matrices. A singular matrix gives (0, -inf).",
        ["sign, logdet = linalg.slogdet(eye(3) * 10)\nprint(sign, logdet)"]
    ),
    linalg_builtin!(
        "cholesky",
        "cholesky(a, *, upper=False)",
        decomp::cholesky,
        "The Cholesky factor L (lower) with a = L @ L.T, read from a's lower triangle; upper=True gives L.T. Not positive definite: LinAlgError.",
        ["linalg.cholesky(array([[4.0, 2.0], [2.0, 3.0]]))"]
    ),
    linalg_builtin!(
        "qr",
        "qr(a, mode='reduced')",
        decomp::qr,
        "QR factorization: mode='reduced' gives Q (M, K), R (K, N) with K = min(M, N); 'complete' gives Q (M, M), R (M, N); 'r' only R.",
        ["q, r = linalg.qr(array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))\nprint(q.shape, r.shape)"]
    ),
    linalg_builtin!(
        "svd",
        "svd(a, full_matrices=True, compute_uv=True, hermitian=False)",
        decomp::svd,
        "Singular value decomposition a = U @ diag(S) @ Vh: returns (U, S, Vh), or S alone with compute_uv=False; singular values descending.",
        [
            "u, s, vh = linalg.svd(array([[3.0, 0.0], [4.0, 5.0]]))\nprint(s)",
            "linalg.svd(eye(3), compute_uv=False)"
        ]
    ),
    linalg_builtin!(
        "lu",
        "lu(a, permute_l=False)",
        decomp::lu,
        "LU factorization with partial pivoting, as SciPy and dask return it: (P, L, U) with a = P @ L @ U (L unit lower triangular, M×K; U upper, K×N). permute_l=True gives (P @ L, U).",
        ["p, l, u = linalg.lu(array([[1.0, 2.0], [3.0, 4.0]]))\nprint(p)"]
    ),
    linalg_builtin!(
        "eig",
        "eig(a)",
        decomp::eig,
        "Eigenvalues and unit-norm eigenvectors (columns) of a square matrix. arr has no complex dtype: when an eigenvalue is complex this is an error (use eigh for symmetric matrices); real eigenvalues come back as float arrays, as NumPy does.",
        ["w, v = linalg.eig(array([[2.0, 1.0], [0.0, 3.0]]))\nprint(w)"]
    ),
    linalg_builtin!(
        "eigvals",
        "eigvals(a)",
        decomp::eigvals,
        "The eigenvalues of a square matrix (real only; see eig).",
        ["linalg.eigvals(array([[2.0, 0.0], [0.0, -1.0]]))"]
    ),
    linalg_builtin!(
        "eigh",
        "eigh(a, UPLO='L')",
        decomp::eigh,
        "Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix, reading its lower (UPLO='L') or upper ('U') triangle.",
        ["w, v = linalg.eigh(array([[2.0, 1.0], [1.0, 2.0]]))\nprint(w)"]
    ),
    linalg_builtin!(
        "eigvalsh",
        "eigvalsh(a, UPLO='L')",
        decomp::eigvalsh,
        "The eigenvalues (ascending) of a symmetric matrix.",
        ["linalg.eigvalsh(array([[2.0, 1.0], [1.0, 2.0]]))"]
    ),
    linalg_builtin!(
        "lstsq",
        "lstsq(a, b, rcond=None)",
        decomp::lstsq,
        "Least-squares solution of a @ x ≈ b: returns (x, residuals, rank, s) like NumPy (rcond=None: machine epsilon × max(M, N)).",
        [
            "x, res, rank, s = linalg.lstsq(array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]]), array([1.0, 2.0, 2.0]))\nprint(x, res, rank)"
        ]
    ),
    linalg_builtin!(
        "pinv",
        "pinv(a, rcond=None, hermitian=False, *, rtol=None)",
        decomp::pinv,
        "The Moore-Penrose pseudo-inverse (by SVD), dropping singular values at or below rcond × the largest (default 1e-15; rtol=None explicitly means eps × max(M, N)).",
        ["linalg.pinv(array([[1.0, 2.0], [2.0, 4.0]]))"]
    ),
    linalg_builtin!(
        "matrix_rank",
        "matrix_rank(A, tol=None, hermitian=False, *, rtol=None)",
        norms::matrix_rank,
        "The rank: the number of singular values above tol (default: largest × eps × max(M, N)). For a stack, one rank per matrix.",
        ["linalg.matrix_rank(array([[1.0, 2.0], [2.0, 4.0]]))"]
    ),
    linalg_builtin!(
        "matrix_power",
        "matrix_power(a, n)",
        norms::matrix_power,
        "a raised to the integer power n by repeated squaring (lazy matrix products); n = 0 gives the identity, n < 0 powers of the inverse.",
        ["linalg.matrix_power(array([[1, 1], [1, 0]]), 10)"]
    ),
    linalg_builtin!(
        "norm",
        "norm(x, ord=None, axis=None, keepdims=False)",
        norms::norm,
        "Vector or matrix norm with NumPy's ord and axis rules. Vector norms (and the 'fro', 1, -1, inf, -inf matrix norms) are lazy reductions that stream over chunks; ord 2, -2 and 'nuc' of a matrix use its singular values.",
        [
            "linalg.norm(array([3.0, 4.0]))",
            "linalg.norm(arange(12.0).reshape(3, 4), axis=0)",
            "linalg.norm(array([[1.0, 2.0], [3.0, 4.0]]), ord='nuc')"
        ]
    ),
    linalg_builtin!(
        "cond",
        "cond(x, p=None)",
        norms::cond,
        "The condition number: largest / smallest singular value (p None, 2, -2), or norm(x, p) * norm(inv(x), p) for p in 'fro', 'nuc', 1, -1, inf, -inf.",
        ["linalg.cond(array([[1.0, 0.0], [0.0, 1e-3]]))"]
    ),
];
