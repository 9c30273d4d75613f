//! The tall-and-skinny path of `qr`, `svd` and `lstsq`: TSQR
//! (`crate::linalg::tsqr`) over the matrix's row blocks, never gathering it.
//!
//! Taken when the matrix is 2-d, has at least two row blocks, at most
//! [`MAX_COLS`] columns (with `lstsq`, counting `b`'s), and its blocks'
//! `R` factors stacked hold at most half its rows (`Σ min(rows_i, n) ≤
//! m / 2`, so blocks are on average at least twice as tall as wide);
//! column chunks do not matter, a row block is read across all columns.
//! Otherwise every function returns `None` and the dense path runs.
//!
//! - `qr`: `R` is computed now (small); `Q` stays lazy (`Op::TallFactor`,
//!   with the matrix's row chunks) and recomputes each block's local QR
//!   when its chunks are asked for. `mode='complete'` (an `m × m` `Q`)
//!   goes to the dense path when that fits the memory limit, else it is a
//!   MemoryError pointing at `mode='reduced'`.
//! - `svd`: the SVD of `R = U_r S Vᵀ` gives `S` and `Vᵀ`; `U = Q U_r` is
//!   lazy like `Q`. `full_matrices=True` with `compute_uv` is treated like
//!   `mode='complete'`; `compute_uv=False` needs only `R`.
//! - `lstsq`: TSQR of `[a | b]`, solved from its `R` (see
//!   `tsqr::lstsq_from_r`); NumPy's `(x, residuals, rank, s)`.
//!
//! Input with NaN or infinity: `qr` gives all-NaN `R` and `Q`, `svd` and
//! `lstsq` the same LinAlgError as the dense path.

use super::*;
use crate::linalg::dense::Lstsq;
use crate::linalg::tall_q::{self, TallFactor};
use crate::linalg::tsqr::{self, Tsqr};
use std::sync::Arc;

/// The widest matrix TSQR takes: the tree holds a few `n × n` factors per
/// block, and a wider matrix would rather be chunked by columns too.
pub const MAX_COLS: usize = 1024;

/// The row blocks TSQR streams `x` in when `extra` columns are appended
/// to it, or `None` when the dense path should run.
fn row_blocks(x: &NodeRef, extra: usize) -> Option<Vec<usize>> {
    if x.ndim() != 2 {
        return None;
    }
    let (m, n) = (x.shape[0], x.shape[1] + extra);
    let blocks = &x.chunks[0];
    let stacked: usize = blocks.iter().map(|&rows| rows.min(n)).sum();
    (blocks.len() >= 2 && (1..=MAX_COLS).contains(&n) && 2 * stacked <= m).then(|| blocks.clone())
}

/// `Ok` when an `m × m` factor of the tall matrix `x` fits the memory
/// limit (the dense path then makes it), else a MemoryError suggesting
/// the reduced form.
fn square_factor_fits(interp: &Interp, x: &NodeRef, a: &Args, what: &str, instead: &str) -> R<()> {
    let m = x.shape[0];
    let bytes = (m as u64).saturating_mul(m as u64).saturating_mul(8);
    if bytes <= interp.memory_limit {
        return Ok(());
    }
    Err(Diagnostic::new(
        ErrorKind::Memory,
        format!(
            "{}: {what} of the tall {} matrix is {m}×{m}, about {}, over the memory limit of {}",
            a.func.qualified(),
            build::shape_str(&x.shape),
            crate::display::format_bytes(bytes),
            crate::display::format_bytes(interp.memory_limit)
        ),
        a.call_span,
    )
    .with_hint(format!("{instead} gives the thin factor, computed chunk by chunk")))
}

/// TSQR of `x` in `blocks` on the session's pool.
fn factor(interp: &mut Interp, x: &NodeRef, blocks: &[usize], want_q: bool, span: Span) -> R<Tsqr> {
    interp
        .with_plan(x, |plan, ctx| tsqr::factor(plan, blocks, want_q, ctx))
        .map_err(|d| d.or_span(span))
}

/// The lazy `m × cols` factor with the given per-block coefficients.
fn lazy_factor(
    x: &NodeRef,
    t: &Tsqr,
    name: &'static str,
    cols: usize,
    coefs: Vec<Vec<f64>>,
) -> Value {
    let f = TallFactor { name, blocks: t.blocks.clone(), cols, coefs, finite: t.finite };
    Value::Array(tall_q::node(x, Arc::new(f), result_dtype(x.dtype)))
}

/// A stand-in stack naming the matrix, for `failure` messages.
fn named(x: &NodeRef, span: Span) -> Stack {
    let (m, n) = (x.shape[0], x.shape[1]);
    Stack { batch: Vec::new(), m, n, data: Vec::new(), dtype: result_dtype(x.dtype), span }
}

pub fn qr(
    interp: &mut Interp,
    x: &NodeRef,
    a: &Args,
    complete: bool,
    want_q: bool,
) -> R<Option<Value>> {
    let Some(blocks) = row_blocks(x, 0) else { return Ok(None) };
    if complete {
        square_factor_fits(interp, x, a, "Q of mode='complete'", "mode='reduced'")?;
        return Ok(None);
    }
    let t = factor(interp, x, &blocks, want_q, a.span("a"))?;
    let r = array(&t.r, &[t.k, t.n], result_dtype(x.dtype))?;
    if !want_q {
        return Ok(Some(r));
    }
    let q = lazy_factor(x, &t, "Q", t.k, t.coefs.clone());
    Ok(Some(Value::tuple(vec![q, r])))
}

pub fn svd(interp: &mut Interp, x: &NodeRef, a: &Args, full: bool, uv: bool) -> R<Option<Value>> {
    let Some(blocks) = row_blocks(x, 0) else { return Ok(None) };
    if full && uv {
        square_factor_fits(interp, x, a, "U of full_matrices=True", "full_matrices=False")?;
        return Ok(None);
    }
    let span = a.span("a");
    let t = factor(interp, x, &blocks, uv, span)?;
    let (k, n) = (t.k, t.n);
    let parts = tsqr::sequential(|| dense::svd(dense::view(&t.r, k, n), false, uv))
        .map_err(|e| failure(e, "svd", &named(x, span), 0))?;
    let dtype = result_dtype(x.dtype);
    let kk = parts.s.len();
    let s = array(&parts.s, &[kk], dtype)?;
    if !uv {
        return Ok(Some(s));
    }
    // U = Q U_r: each block's coefficients times U_r.
    let coefs = t.coefs.iter().map(|c| tsqr::mul(c, c.len() / k.max(1), k, &parts.u, kk)).collect();
    let u = lazy_factor(x, &t, "U", kk, coefs);
    Ok(Some(Value::tuple(vec![u, s, array(&parts.vt, &[kk, n], dtype)?])))
}

pub fn lstsq(
    interp: &mut Interp,
    x: &NodeRef,
    b: &NodeRef,
    a: &Args,
    rcond: f64,
) -> R<Option<Lstsq>> {
    let Some(blocks) = row_blocks(x, b.shape[1]) else { return Ok(None) };
    let (m, n, nb) = (x.shape[0], x.shape[1], b.shape[1]);
    let ab = build::concatenate(&[x.clone(), b.clone()], 1).map_err(|d| d.or_span(a.call_span))?;
    let t = factor(interp, &ab, &blocks, false, a.span("a"))?;
    let out = tsqr::lstsq_from_r(&t.r, t.k, (m, n, nb), rcond)
        .map_err(|e| failure(e, "lstsq", &named(x, a.span("a")), 0))?;
    Ok(Some(out))
}
