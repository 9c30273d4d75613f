//! TSQR ("tall-and-skinny QR", Demmel, Grigori, Hoemmen and Langou 2012):
//! the QR factorization of an `m × n` matrix with `m ≫ n` that is split
//! into row blocks, computed without ever holding the matrix.
//!
//! Pass one streams the row blocks (in parallel on the session's pool) and
//! keeps only each block's small `R_i` (`k_i × n`, `k_i = min(rows_i, n)`).
//! The `R_i` are then stacked pairwise and factored again in a fixed binary
//! tree over the block order, down to one `R`. `Q` is never formed: for
//! each block the tree yields a small coefficient matrix `C_i` (`k_i × k`,
//! the block's slice of the product of the tree's orthogonal factors), and
//! the rows of `Q` in block `i` are `Q_i C_i`, where `Q_i` comes from
//! recomputing the block's local QR (`tall_q` does that lazily, per chunk).
//!
//! Determinism: every local QR, tree merge and small product runs
//! sequentially (`Par::Seq`) on data that depends only on the block, and
//! the tree's shape depends only on the number of blocks, so `R` and `Q`
//! are the same bits at any thread count, and the `Q_i` recomputed later
//! are exactly the ones pass one used.
//!
//! Sign convention: `R`'s diagonal is made non-negative (flipping rows of
//! `R` and the matching columns of `Q`), as the dense path does too, so a
//! full-rank matrix has the same factors however it is chunked.
//!
//! Memory: the blocks in flight (one per worker thread, each with its
//! Householder workspace) plus the `R_i`, the tree's factors and the
//! `C_i`: a few times `blocks × n × n` values.

use super::LinAlgFailure;
use super::dense::{self, Lstsq, rows, view};
use crate::array::{DType, Elem};
use crate::exec::eval::eval;
use crate::exec::region::AxisRange;
use crate::exec::{Ctx, ExecResult};
use crate::ir::NodeRef;
use crate::ir::chunks::offsets;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::householder;
use faer::linalg::qr::no_pivoting::factor as qr_factor;
use faer::{Accum, Conj, Mat, MatRef, Par};
use std::sync::OnceLock;

/// The Householder QR of one block, computed sequentially so that the same
/// block always gives the same bits, whichever thread runs it.
pub struct LocalQr {
    /// The reflectors: `rows × k`, unit lower trapezoidal.
    basis: Mat<f64>,
    /// faer's block Householder coefficients.
    coeff: Mat<f64>,
    /// `R`, `k × n`, row-major.
    pub r: Vec<f64>,
    /// `min(rows, n)`.
    pub k: usize,
}

/// QR of a row-major `rows × n` block.
pub fn local_qr(a: MatRef<'_, f64>) -> LocalQr {
    let (m, n) = a.shape();
    let k = m.min(n);
    let mut qr = a.to_owned();
    let bs = qr_factor::recommended_block_size::<f64>(m, n);
    let mut coeff = Mat::<f64>::zeros(bs, k);
    if k > 0 {
        let mut mem = MemBuffer::new(qr_factor::qr_in_place_scratch::<f64>(
            m,
            n,
            bs,
            Par::Seq,
            Default::default(),
        ));
        qr_factor::qr_in_place(
            qr.as_mut(),
            coeff.as_mut(),
            Par::Seq,
            MemStack::new(&mut mem),
            Default::default(),
        );
    }
    let mut r = vec![0.0; k * n];
    for i in 0..k {
        for j in i..n {
            r[i * n + j] = qr[(i, j)];
        }
    }
    // The reflectors live below the diagonal; the diagonal is an implicit
    // one (as in faer's own `Qr`).
    let mut basis = if n > k { qr.subcols(0, k).to_owned() } else { qr };
    for j in 0..k {
        for i in 0..j {
            basis[(i, j)] = 0.0;
        }
        basis[(j, j)] = 1.0;
    }
    LocalQr { basis, coeff, r, k }
}

impl LocalQr {
    /// `Q @ [c; 0]`: this block's `Q` (`rows × k`) times `c` (`k × cols`,
    /// row-major), as a row-major `rows × cols` matrix.
    pub fn q_times(&self, c: &[f64], cols: usize) -> Vec<f64> {
        let m = self.basis.nrows();
        let mut out = Mat::<f64>::zeros(m, cols);
        for i in 0..self.k {
            for j in 0..cols {
                out[(i, j)] = c[i * cols + j];
            }
        }
        if self.k > 0 && cols > 0 {
            let mut mem = MemBuffer::new(
                householder::apply_block_householder_sequence_on_the_left_in_place_scratch::<f64>(
                    m,
                    self.coeff.nrows(),
                    cols,
                ),
            );
            householder::apply_block_householder_sequence_on_the_left_in_place_with_conj(
                self.basis.as_ref(),
                self.coeff.as_ref(),
                Conj::No,
                out.as_mut(),
                Par::Seq,
                MemStack::new(&mut mem),
            );
        }
        rows(out.as_ref())
    }
}

/// The `k × k` identity, row-major.
fn identity(k: usize) -> Vec<f64> {
    let mut out = vec![0.0; k * k];
    for i in 0..k {
        out[i * k + i] = 1.0;
    }
    out
}

/// `a @ b` for row-major `m × k` and `k × n` matrices, sequentially.
pub fn mul(a: &[f64], m: usize, k: usize, b: &[f64], n: usize) -> Vec<f64> {
    let mut c = Mat::<f64>::zeros(m, n);
    if k > 0 {
        faer::linalg::matmul::matmul(
            c.as_mut(),
            Accum::Replace,
            view(a, m, k),
            view(b, k, n),
            1.0,
            Par::Seq,
        );
    }
    rows(c.as_ref())
}

/// The merge tree over the blocks' `R` factors: a leaf per block; a merge
/// keeps the thin `Q` of the stacked `[R_left; R_right]` when `Q` is wanted.
enum Tree {
    Leaf,
    Merge {
        /// `(ka + kb) × k`, row-major (empty when `Q` is not wanted).
        q: Vec<f64>,
        ka: usize,
        kb: usize,
        k: usize,
        left: Box<Tree>,
        right: Box<Tree>,
    },
}

/// An `R` factor (`k × n`, row-major) and the tree that produced it.
struct Combined {
    r: Vec<f64>,
    k: usize,
    tree: Tree,
}

/// Merges the blocks' `R` factors in a fixed binary tree (halves split at
/// `ceil(len / 2)`); the two halves run in parallel, each merge is
/// sequential, so the result does not depend on the thread count.
fn combine(mut rs: Vec<(Vec<f64>, usize)>, n: usize, want_q: bool) -> Combined {
    if rs.len() == 1 {
        let (r, k) = rs.pop().expect("one factor");
        return Combined { r, k, tree: Tree::Leaf };
    }
    let right = rs.split_off(rs.len().div_ceil(2));
    let (a, b) = rayon::join(|| combine(rs, n, want_q), || combine(right, n, want_q));
    let (ka, kb) = (a.k, b.k);
    let mut stacked = a.r;
    stacked.extend_from_slice(&b.r);
    let f = local_qr(view(&stacked, ka + kb, n));
    let q = if want_q { f.q_times(&identity(f.k), f.k) } else { Vec::new() };
    let tree = Tree::Merge { q, ka, kb, k: f.k, left: Box::new(a.tree), right: Box::new(b.tree) };
    Combined { r: f.r, k: f.k, tree }
}

/// Pushes the coefficient matrix of each leaf under `tree`, in block
/// order: `c` (`k_node × cols`) maps the node's `Q` to the final one.
fn spread(tree: &Tree, c: Vec<f64>, cols: usize, out: &mut Vec<Vec<f64>>) {
    match tree {
        Tree::Leaf => out.push(c),
        Tree::Merge { q, ka, kb, k, left, right } => {
            let top = mul(&q[..ka * k], *ka, *k, &c, cols);
            let bottom = mul(&q[ka * k..], *kb, *k, &c, cols);
            spread(left, top, cols, out);
            spread(right, bottom, cols, out);
        }
    }
}

/// A tall matrix's TSQR: `R` and, when asked, how to form `Q` per block.
pub struct Tsqr {
    /// Rows per block (the blocks the matrix was streamed in).
    pub blocks: Vec<usize>,
    /// Columns of the input.
    pub n: usize,
    /// `R`, `k × n` row-major, `k = min(m, n)`, diagonal non-negative; all
    /// NaN when the input held a NaN or an infinity.
    pub r: Vec<f64>,
    pub k: usize,
    /// False when some input value was NaN or infinite.
    pub finite: bool,
    /// Per block, `k_i × k` (row-major): the block's rows of `Q` are its
    /// local `Q_i` times this. Empty unless `Q` was asked for and the input
    /// was finite.
    pub coefs: Vec<Vec<f64>>,
}

/// Block `o..o + len` of the rows of a 2-d node, as row-major float64.
pub fn read_block(x: &NodeRef, o: usize, len: usize, ctx: &Ctx) -> ExecResult<Vec<f64>> {
    let region = [AxisRange { start: o as i64, step: 1, len }, AxisRange::full(x.shape[1])];
    let data = eval(x, &region.to_vec(), ctx)?;
    let a = f64::unwrap(data.cast(DType::Float64)).expect("cast to float64");
    Ok(match a.as_slice() {
        Some(s) => s.to_vec(),
        None => a.iter().copied().collect(),
    })
}

/// The TSQR of the 2-d node `x` streamed in row blocks of `blocks` rows;
/// with `want_q`, also the per-block coefficients of `Q`.
pub fn factor(x: &NodeRef, blocks: &[usize], want_q: bool, ctx: &Ctx) -> ExecResult<Tsqr> {
    let n = x.shape[1];
    let items: Vec<(usize, usize)> = offsets(blocks).into_iter().zip(blocks.to_vec()).collect();
    let leaves: Vec<(Vec<f64>, usize, bool)> = ctx.run_tasks(&items, |&(o, len)| {
        ctx.check_cancel()?;
        let a = read_block(x, o, len, ctx)?;
        let finite = a.iter().all(|v| v.is_finite());
        let f = local_qr(view(&a, len, n));
        Ok((f.r, f.k, finite))
    })?;
    let finite = leaves.iter().all(|l| l.2);
    let rs: Vec<(Vec<f64>, usize)> = leaves.into_iter().map(|(r, k, _)| (r, k)).collect();
    let Combined { mut r, k, tree } = combine(rs, n, want_q && finite);
    if !finite {
        // A NaN would otherwise be skipped by the rank-revealing local QR
        // and vanish from R; NumPy's LAPACK spreads it instead.
        r.fill(f64::NAN);
        return Ok(Tsqr { blocks: blocks.to_vec(), n, r, k, finite, coefs: Vec::new() });
    }
    let signs = make_diagonal_nonnegative(&mut r, k, n);
    let coefs = if want_q {
        let mut d = vec![0.0; k * k];
        for (j, s) in signs.iter().enumerate() {
            d[j * k + j] = *s;
        }
        let mut out = Vec::with_capacity(blocks.len());
        spread(&tree, d, k, &mut out);
        out
    } else {
        Vec::new()
    };
    Ok(Tsqr { blocks: blocks.to_vec(), n, r, k, finite, coefs })
}

/// Negates the rows of `r` (`k × n`, row-major) whose diagonal element is
/// negative; returns the sign applied to each row (the matching columns of
/// `Q` must be negated too).
pub fn make_diagonal_nonnegative(r: &mut [f64], k: usize, n: usize) -> Vec<f64> {
    (0..k)
        .map(|j| {
            if j < n && r[j * n + j] < 0.0 {
                r[j * n..(j + 1) * n].iter_mut().for_each(|v| *v = -*v);
                -1.0
            } else {
                1.0
            }
        })
        .collect()
}

/// Runs `f` on a one-thread pool: faer's dense kernels take their
/// parallelism from the current pool, and the small factorizations of `R`
/// must give the same bits at every session thread count.
pub fn sequential<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    let pool = POOL.get_or_init(|| rayon::ThreadPoolBuilder::new().num_threads(1).build().ok());
    match pool {
        Some(p) => p.install(f),
        None => f(),
    }
}

/// `lstsq` from the TSQR of the augmented matrix `[a | b]` (`a` is
/// `m × n`, `b` `m × nb`): `r` is its `R` (`rows × (n + nb)`). With
/// `[a | b] = Q R`, `a = Q₁ R₁₁` and `b = Q₁ R₁₂ + Q₂ R₂₂`, so the
/// minimum-norm solution is `pinv(R₁₁) R₁₂` (by SVD, NumPy's `gelsd`
/// cut-off `rcond × max(s)`) and each column's squared residual is
/// `‖R₁₂ − R₁₁ x‖² + ‖R₂₂‖²` (reported, as NumPy does, only for full rank
/// and `m > n`).
pub fn lstsq_from_r(
    r: &[f64],
    rows: usize,
    (m, n, nb): (usize, usize, usize),
    rcond: f64,
) -> Result<Lstsq, LinAlgFailure> {
    let w = n + nb;
    if r.iter().any(|v| !v.is_finite()) {
        return Err(LinAlgFailure::NonFinite("SVD"));
    }
    let top = rows.min(n);
    let r11: Vec<f64> = (0..n)
        .flat_map(|i| (0..n).map(move |j| if i < top { r[i * w + j] } else { 0.0 }))
        .collect();
    let r12: Vec<f64> = (0..n)
        .flat_map(|i| (0..nb).map(move |j| if i < top { r[i * w + n + j] } else { 0.0 }))
        .collect();
    let mut out = sequential(|| dense::lstsq(view(&r11, n, n), view(&r12, n, nb), rcond))?;
    out.residuals = if out.rank == n && m > n {
        let fit = mul(&r11, n, n, &out.x, nb);
        (0..nb)
            .map(|c| {
                let inside: f64 = (0..n).map(|i| (r12[i * nb + c] - fit[i * nb + c]).powi(2)).sum();
                let outside: f64 = (n..rows).map(|i| r[i * w + n + c].powi(2)).sum();
                inside + outside
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random `m × n` matrix.
    fn matrix(m: usize, n: usize, seed: u64) -> Vec<f64> {
        let mut s = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (0..m * n)
            .map(|_| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((s >> 11) as f64 / (1u64 << 53) as f64) - 0.5
            })
            .collect()
    }

    fn max_abs_diff(a: &[f64], b: &[f64]) -> f64 {
        assert_eq!(a.len(), b.len());
        a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
    }

    /// TSQR over blocks of a matrix, with `Q` assembled from the blocks.
    fn tsqr(a: &[f64], blocks: &[usize], n: usize) -> (Vec<f64>, Vec<f64>, usize) {
        let offs = offsets(blocks);
        let locals: Vec<LocalQr> = offs
            .iter()
            .zip(blocks)
            .map(|(&o, &len)| local_qr(view(&a[o * n..(o + len) * n], len, n)))
            .collect();
        let rs = locals.iter().map(|l| (l.r.clone(), l.k)).collect();
        let Combined { mut r, k, tree } = combine(rs, n, true);
        let signs = make_diagonal_nonnegative(&mut r, k, n);
        let mut d = vec![0.0; k * k];
        for (j, s) in signs.iter().enumerate() {
            d[j * k + j] = *s;
        }
        let mut coefs = Vec::new();
        spread(&tree, d, k, &mut coefs);
        let q: Vec<f64> = locals.iter().zip(&coefs).flat_map(|(l, c)| l.q_times(c, k)).collect();
        (q, r, k)
    }

    #[test]
    fn blocks_reconstruct_with_orthonormal_q() {
        let (m, n) = (230, 7);
        let a = matrix(m, n, 3);
        let (q, r, k) = tsqr(&a, &[50, 50, 50, 50, 30], n);
        assert_eq!(k, n);
        let back = mul(&q, m, k, &r, n);
        assert!(max_abs_diff(&back, &a) < 1e-13, "{}", max_abs_diff(&back, &a));
        let mut qt = vec![0.0; k * m];
        for i in 0..m {
            for j in 0..k {
                qt[j * m + i] = q[i * k + j];
            }
        }
        let qtq = mul(&qt, k, m, &q, k);
        assert!(max_abs_diff(&qtq, &identity(k)) < 1e-13);
        for i in 0..k {
            assert!(r[i * n + i] >= 0.0);
            assert!((0..i).all(|j| r[i * n + j] == 0.0));
        }
    }

    #[test]
    fn r_matches_the_dense_factor_up_to_rounding() {
        let (m, n) = (120, 5);
        let a = matrix(m, n, 9);
        let (_, r, _) = tsqr(&a, &[4, 40, 40, 36], n);
        let (_, mut dense_r) = dense::qr(view(&a, m, n), false, false);
        make_diagonal_nonnegative(&mut dense_r, n, n);
        assert!(max_abs_diff(&r, &dense_r) < 1e-13);
    }

    #[test]
    fn least_squares_from_the_augmented_r() {
        // x = [1, -2] fits exactly except for the last column's noise.
        let (m, n) = (60, 2);
        let a = matrix(m, n, 5);
        let noise = matrix(m, 1, 11);
        let b: Vec<f64> = (0..m).map(|i| a[i * 2] - 2.0 * a[i * 2 + 1] + noise[i]).collect();
        let ab: Vec<f64> = (0..m).flat_map(|i| [a[i * 2], a[i * 2 + 1], b[i]]).collect();
        let (_, r, k) = tsqr(&ab, &[20, 20, 20], 3);
        let got = lstsq_from_r(&r, k, (m, n, 1), f64::EPSILON * m as f64).unwrap();
        let want = dense::lstsq(view(&a, m, n), view(&b, m, 1), f64::EPSILON * m as f64).unwrap();
        assert_eq!(got.rank, 2);
        assert!(max_abs_diff(&got.x, &want.x) < 1e-12);
        assert!(max_abs_diff(&got.residuals, &want.residuals) < 1e-12);
        assert!(max_abs_diff(&got.s, &want.s) < 1e-12);
        let nan = vec![f64::NAN; r.len()];
        assert_eq!(
            lstsq_from_r(&nan, k, (m, n, 1), 1e-12).err(),
            Some(LinAlgFailure::NonFinite("SVD"))
        );
    }
}
