//! Numeric kernels of the `linalg` module, apart from argument handling
//! (that is `builtins::linalg`): `dense` wraps faer for one in-memory
//! matrix at a time; `tsqr` factors tall matrices streamed in row blocks
//! and `tall_q` is the lazy `Q` (or `U`) it leaves behind. Everything is
//! computed in float64; the builtins cast results back to float32 for
//! float32 inputs.

pub mod dense;
pub mod tall_q;
pub mod tsqr;

/// Why a kernel could not produce a result (NumPy raises `LinAlgError`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LinAlgFailure {
    /// An exact zero pivot in the LU factorization.
    Singular,
    /// Cholesky met a non-positive (or NaN) pivot.
    NotPositiveDefinite,
    /// An iterative algorithm did not converge (the name is NumPy's:
    /// "SVD", "Eigenvalues").
    NoConvergence(&'static str),
    /// The same algorithm refused NaN or infinity in its input, which
    /// NumPy reports as non-convergence.
    NonFinite(&'static str),
    /// `eig` found a complex eigenvalue (`re ± im·j`); arr has no complex dtype.
    ComplexEigenvalues { re: f64, im: f64 },
}
