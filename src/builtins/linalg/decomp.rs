//! Factorizations and solvers: `inv solve det slogdet cholesky qr svd lu
//! eig eigvals eigh eigvalsh lstsq pinv`. Each gathers its matrices
//! (`super::gather`), runs a `crate::linalg::dense` kernel per matrix and
//! assembles NumPy's output shapes.

use super::*;
use crate::linalg::dense::Lstsq;

pub fn inv(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let s = gather_arg(interp, a, "a", true)?;
    let out = s.each(interp, "inv", dense::inv)?;
    array(&concat(&out), &s.shape(), s.dtype)
}

pub fn solve(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let x = matrix_arg(a, "a", true)?;
    let (bv, bspan) = a.get("b");
    let b = to_array(&bv, bspan)?;
    let m = x.shape[x.ndim() - 1];
    // NumPy 2: b is a vector only when it is 1-d; otherwise a stack of
    // (M, K) matrices. Batch axes broadcast.
    let vector = b.ndim() == 1;
    let b2 = if vector { build::reshape(&b, &[m as i64, 1]).ok() } else { Some(b.clone()) };
    let b2 = match b2 {
        Some(b2) if b2.ndim() >= 2 && b2.shape[b2.ndim() - 2] == m => b2,
        _ => {
            return Err(Diagnostic::new(
                ErrorKind::Shape,
                format!(
                    "solve: b of shape {} does not match a of shape {} (b needs {m} rows: shape \
                     ({m},) or (..., {m}, K))",
                    build::shape_str(&b.shape),
                    build::shape_str(&x.shape)
                ),
                bspan,
            ));
        }
    };
    let k = b2.shape[b2.ndim() - 1];
    let batch = build::broadcast_shapes(&x.shape[..x.ndim() - 2], &b2.shape[..b2.ndim() - 2])
        .map_err(|d| d.or_span(a.call_span))?;
    let full = |t: &NodeRef, tail: [usize; 2]| {
        let mut shape = batch.clone();
        shape.extend(tail);
        build::broadcast_to(t, &shape).map_err(|d| d.or_span(a.call_span))
    };
    let (x, b2) = (full(&x, [m, m])?, full(&b2, [m, k])?);
    let sa = gather(interp, &x, a.span("a"), "linalg.solve")?;
    let sb = gather(interp, &b2, bspan, "linalg.solve")?;
    let out = sa.each_indexed(interp, "solve", |i, mat| dense::solve(mat, sb.matrix(i)))?;
    let dtype = result_dtype(DType::promote(x.dtype, b.dtype));
    let shape = if vector { sa.with_tail(&[m]) } else { sa.with_tail(&[m, k]) };
    array(&concat(&out), &shape, dtype)
}

/// Per matrix: (sign, log|det|, det).
type DetParts = Vec<(f64, f64, f64)>;

fn det_parts(interp: &mut Interp, a: &Args) -> R<(Stack, DetParts)> {
    let s = gather_arg(interp, a, "a", true)?;
    let parts = s.each(interp, "det", |m| Ok(dense::det_parts(m)))?;
    Ok((s, parts))
}

pub fn det(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (s, parts) = det_parts(interp, a)?;
    let d: Vec<f64> = parts.iter().map(|p| p.2).collect();
    array(&d, &s.batch, s.dtype)
}

pub fn slogdet(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (s, parts) = det_parts(interp, a)?;
    let sign: Vec<f64> = parts.iter().map(|p| p.0).collect();
    let logabs: Vec<f64> = parts.iter().map(|p| p.1).collect();
    Ok(Value::tuple(vec![array(&sign, &s.batch, s.dtype)?, array(&logabs, &s.batch, s.dtype)?]))
}

pub fn cholesky(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let upper = to_bool(&a.value("upper"), a.span("upper"), "upper")?;
    let s = gather_arg(interp, a, "a", true)?;
    let out = s.each(interp, "cholesky", |m| dense::cholesky(m, upper))?;
    array(&concat(&out), &s.shape(), s.dtype)
}

/// `mode=` of `qr`: (complete, want Q).
fn qr_mode(a: &Args) -> R<(bool, bool)> {
    match a.value("mode") {
        Value::Str(m) if &*m == "reduced" => Ok((false, true)),
        Value::Str(m) if &*m == "complete" => Ok((true, true)),
        Value::Str(m) if &*m == "r" => Ok((false, false)),
        other => Err(value_err(
            format!(
                "Unrecognized mode {} for qr: use 'reduced', 'complete' or 'r'",
                crate::interp::repr(&other)
            ),
            a.span("mode"),
        )),
    }
}

pub fn qr(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (complete, want_q) = qr_mode(a)?;
    let x = matrix_arg(a, "a", false)?;
    if let Some(v) = super::tall::qr(interp, &x, a, complete, want_q)? {
        return Ok(v);
    }
    let s = gather(interp, &x, a.span("a"), "linalg.qr")?;
    let (m, n) = (s.m, s.n);
    let k = if complete { m } else { m.min(n) };
    let out = s.each(interp, "qr", |mat| Ok(dense::qr(mat, complete, want_q)))?;
    let r: Vec<&[f64]> = out.iter().map(|o| o.1.as_slice()).collect();
    let r = array(&concat(&r), &s.with_tail(&[k, n]), s.dtype)?;
    if !want_q {
        return Ok(r);
    }
    let q: Vec<&[f64]> = out.iter().map(|o| o.0.as_deref().unwrap_or(&[])).collect();
    Ok(Value::tuple(vec![array(&concat(&q), &s.with_tail(&[m, k]), s.dtype)?, r]))
}

pub fn svd(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let full = to_bool(&a.value("full_matrices"), a.span("full_matrices"), "full_matrices")?;
    let uv = to_bool(&a.value("compute_uv"), a.span("compute_uv"), "compute_uv")?;
    to_bool(&a.value("hermitian"), a.span("hermitian"), "hermitian")?;
    let x = matrix_arg(a, "a", false)?;
    if let Some(v) = super::tall::svd(interp, &x, a, full, uv)? {
        return Ok(v);
    }
    let st = gather(interp, &x, a.span("a"), "linalg.svd")?;
    let (m, n, k) = (st.m, st.n, st.m.min(st.n));
    let out = st.each(interp, "svd", |mat| dense::svd(mat, full, uv))?;
    let s: Vec<&[f64]> = out.iter().map(|o| o.s.as_slice()).collect();
    let s = array(&concat(&s), &st.with_tail(&[k]), st.dtype)?;
    if !uv {
        return Ok(s);
    }
    let (ku, kv) = if full { (m, n) } else { (k, k) };
    let u: Vec<&[f64]> = out.iter().map(|o| o.u.as_slice()).collect();
    let vt: Vec<&[f64]> = out.iter().map(|o| o.vt.as_slice()).collect();
    Ok(Value::tuple(vec![
        array(&concat(&u), &st.with_tail(&[m, ku]), st.dtype)?,
        s,
        array(&concat(&vt), &st.with_tail(&[kv, n]), st.dtype)?,
    ]))
}

pub fn lu(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let permute_l = to_bool(&a.value("permute_l"), a.span("permute_l"), "permute_l")?;
    let s = gather_arg(interp, a, "a", false)?;
    let (m, n, k) = (s.m, s.n, s.m.min(s.n));
    let out = s.each(interp, "lu", |mat| Ok(dense::lu(mat)))?;
    let p: Vec<&[f64]> = out.iter().map(|o| o.0.as_slice()).collect();
    let l: Vec<&[f64]> = out.iter().map(|o| o.1.as_slice()).collect();
    let u: Vec<&[f64]> = out.iter().map(|o| o.2.as_slice()).collect();
    let u = array(&concat(&u), &s.with_tail(&[k, n]), s.dtype)?;
    if permute_l {
        // P @ L: row fwd[i] of the result is row i of L.
        let pl: Vec<Vec<f64>> = p
            .iter()
            .zip(&l)
            .map(|(p, l)| {
                let mut out = vec![0.0; m * k];
                for r in 0..m {
                    for c in 0..m {
                        if p[r * m + c] != 0.0 {
                            out[r * k..(r + 1) * k].copy_from_slice(&l[c * k..(c + 1) * k]);
                        }
                    }
                }
                out
            })
            .collect();
        return Ok(Value::tuple(vec![array(&concat(&pl), &s.with_tail(&[m, k]), s.dtype)?, u]));
    }
    Ok(Value::tuple(vec![
        array(&concat(&p), &s.with_tail(&[m, m]), s.dtype)?,
        array(&concat(&l), &s.with_tail(&[m, k]), s.dtype)?,
        u,
    ]))
}

/// Eigenvalues `(..., n)`, and with `vectors` the eigenvectors `(..., n, n)`,
/// from one (values, vectors) pair per matrix of the stack.
fn eigen_result(s: &Stack, out: &[(Vec<f64>, Vec<f64>)], vectors: bool) -> R<Value> {
    let w: Vec<&[f64]> = out.iter().map(|o| o.0.as_slice()).collect();
    let w = array(&concat(&w), &s.with_tail(&[s.n]), s.dtype)?;
    if !vectors {
        return Ok(w);
    }
    let v: Vec<&[f64]> = out.iter().map(|o| o.1.as_slice()).collect();
    Ok(Value::tuple(vec![w, array(&concat(&v), &s.shape(), s.dtype)?]))
}

fn eig_impl(interp: &mut Interp, a: &Args, vectors: bool, op: &str) -> R<Value> {
    let s = gather_arg(interp, a, "a", true)?;
    let out = s.each(interp, op, |m| dense::eig(m, vectors))?;
    eigen_result(&s, &out, vectors)
}

pub fn eig(interp: &mut Interp, a: &mut Args) -> R<Value> {
    eig_impl(interp, a, true, "eig")
}

pub fn eigvals(interp: &mut Interp, a: &mut Args) -> R<Value> {
    eig_impl(interp, a, false, "eigvals")
}

fn uplo(a: &Args) -> R<bool> {
    match a.value("UPLO") {
        Value::Str(u) if &*u == "L" => Ok(true),
        Value::Str(u) if &*u == "U" => Ok(false),
        _ => Err(value_err("UPLO argument must be 'L' or 'U'", a.span("UPLO"))),
    }
}

fn eigh_impl(interp: &mut Interp, a: &Args, vectors: bool, op: &str) -> R<Value> {
    let lower = uplo(a)?;
    let s = gather_arg(interp, a, "a", true)?;
    let out = s.each(interp, op, |m| dense::eigh(m, lower, vectors))?;
    eigen_result(&s, &out, vectors)
}

pub fn eigh(interp: &mut Interp, a: &mut Args) -> R<Value> {
    eigh_impl(interp, a, true, "eigh")
}

pub fn eigvalsh(interp: &mut Interp, a: &mut Args) -> R<Value> {
    eigh_impl(interp, a, false, "eigvalsh")
}

/// `lstsq`'s `b` as a 2-d node with `m` rows, and whether it was a vector.
fn lstsq_rhs(a: &Args, m: usize) -> R<(NodeRef, bool)> {
    let (bv, bspan) = a.get("b");
    let b = to_array(&bv, bspan)?;
    let ok_rows = b.ndim() >= 1 && b.shape[0] == m;
    if !(1..=2).contains(&b.ndim()) || !ok_rows {
        return Err(Diagnostic::new(
            ErrorKind::LinAlg,
            format!(
                "Incompatible dimensions: a has {m} rows, b has shape {} (b must be ({m},) or ({m}, K))",
                build::shape_str(&b.shape)
            ),
            bspan,
        ));
    }
    if b.ndim() == 1 {
        return Ok((build::reshape(&b, &[m as i64, 1]).map_err(|d| d.or_span(bspan))?, true));
    }
    Ok((b, false))
}

/// The `rcond` of `lstsq` (None: machine epsilon × max(M, N)).
fn lstsq_rcond(interp: &mut Interp, a: &Args, m: usize, n: usize) -> R<f64> {
    if a.is_none("rcond") {
        return Ok(f64::EPSILON * m.max(n) as f64);
    }
    let r = to_f64(interp, &a.value("rcond"), a.span("rcond"), "rcond")?;
    // LAPACK: a negative rcond means machine precision.
    Ok(if r < 0.0 { f64::EPSILON } else { r })
}

/// `lstsq`'s result tuple from the kernel's parts.
fn lstsq_value(r: Lstsq, n: usize, k: usize, vector: bool, dtype: DType) -> R<Value> {
    let x_shape: Vec<usize> = if vector { vec![n] } else { vec![n, k] };
    Ok(Value::tuple(vec![
        array(&r.x, &x_shape, dtype)?,
        array(&r.residuals, &[r.residuals.len()], dtype)?,
        Value::Int(r.rank as i64),
        array(&r.s, &[r.s.len()], dtype)?,
    ]))
}

pub fn lstsq(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let x = matrix_arg(a, "a", false)?;
    if x.ndim() != 2 {
        return Err(Diagnostic::new(
            ErrorKind::LinAlg,
            format!("{}-dimensional array given. Array must be two-dimensional", x.ndim()),
            a.span("a"),
        ));
    }
    let (m, n) = (x.shape[0], x.shape[1]);
    let (b, vector) = lstsq_rhs(a, m)?;
    let k = b.shape[1];
    let rcond = lstsq_rcond(interp, a, m, n)?;
    let dtype = result_dtype(DType::promote(x.dtype, b.dtype));
    if let Some(r) = super::tall::lstsq(interp, &x, &b, a, rcond)? {
        return lstsq_value(r, n, k, vector, dtype);
    }
    let sa = gather(interp, &x, a.span("a"), "linalg.lstsq")?;
    let sb = gather(interp, &b, a.span("b"), "linalg.lstsq")?;
    let mut r = sa.each(interp, "lstsq", |mat| dense::lstsq(mat, sb.matrix(0), rcond))?;
    lstsq_value(r.remove(0), n, k, vector, dtype)
}

pub fn pinv(interp: &mut Interp, a: &mut Args) -> R<Value> {
    to_bool(&a.value("hermitian"), a.span("hermitian"), "hermitian")?;
    let x = matrix_arg(a, "a", false)?;
    let (m, n) = (x.shape[x.ndim() - 2], x.shape[x.ndim() - 1]);
    // NumPy 2: rcond wins; else rtol (None meaning eps × max(M, N)); else 1e-15.
    let rcond = if !a.is_none("rcond") {
        to_f64(interp, &a.value("rcond"), a.span("rcond"), "rcond")?
    } else if a.given("rtol") && a.is_none("rtol") {
        f64::EPSILON * m.max(n) as f64
    } else if a.given("rtol") {
        to_f64(interp, &a.value("rtol"), a.span("rtol"), "rtol")?
    } else {
        1e-15
    };
    let s = gather(interp, &x, a.span("a"), "linalg.pinv")?;
    let out = s.each(interp, "pinv", |mat| dense::pinv(mat, rcond))?;
    array(&concat(&out), &s.with_tail(&[n, m]), s.dtype)
}
