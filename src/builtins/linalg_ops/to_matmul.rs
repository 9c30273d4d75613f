//! Two-operand contractions that are matrix products (`'ij,jk->ik'`,
//! `'bij,bjk->bik'`, `'ij,kj->ik'`, `tensordot`, `inner`, ...) rewritten as
//! one `MatMul`: each operand is transposed to (batch, free, summed) or
//! (batch, summed, free) order and its free and summed axes merged, so the
//! GEMM does the work instead of a broadcast product and a sum.

use super::contract::{Label, Operand};
use crate::diag::Diagnostic;
use crate::ir::{NodeRef, build};

type R<T> = Result<T, Diagnostic>;

/// The contraction as a matrix product, or `None` when it is not one: a
/// label summed within a single operand, no summed label at all (an outer
/// or elementwise product), or summed axes of different lengths (which
/// would broadcast).
pub fn as_matmul(a: &Operand, b: &Operand, output: &[Label]) -> R<Option<NodeRef>> {
    let pos = |op: &Operand, l: Label| op.labels.iter().position(|&m| m == l);
    let kept = |l: Label| output.contains(&l);
    let (mut batch, mut summed, mut free_a, mut free_b) = (vec![], vec![], vec![], vec![]);
    for &l in &a.labels {
        match (pos(b, l), kept(l)) {
            (Some(_), true) => batch.push(l),
            (Some(_), false) => summed.push(l),
            (None, true) => free_a.push(l),
            (None, false) => return Ok(None),
        }
    }
    for &l in &b.labels {
        match (pos(a, l), kept(l)) {
            (None, true) => free_b.push(l),
            (None, false) => return Ok(None),
            (Some(_), _) => {}
        }
    }
    let size = |op: &Operand, l: Label| pos(op, l).map_or(1, |p| op.x.shape[p]);
    if summed.is_empty() || summed.iter().any(|&l| size(a, l) != size(b, l)) {
        return Ok(None);
    }
    batch.sort_by_key(|&l| output.iter().position(|&o| o == l));
    let k: usize = summed.iter().map(|&l| size(a, l)).product();
    let merged = |op: &Operand, groups: [&[Label]; 2]| -> R<NodeRef> {
        let order: Vec<Label> = batch.iter().chain(groups[0]).chain(groups[1]).copied().collect();
        let perm: Vec<usize> = order.iter().filter_map(|&l| pos(op, l)).collect();
        let x = build::transpose(&op.x, perm)?;
        let mut shape: Vec<i64> = batch.iter().map(|&l| size(op, l) as i64).collect();
        for g in groups {
            shape.push(g.iter().map(|&l| size(op, l)).product::<usize>() as i64);
        }
        build::reshape(&x, &shape)
    };
    let xa = merged(a, [&free_a, &summed])?;
    let xb = merged(b, [&summed, &free_b])?;
    debug_assert_eq!(xa.shape.last(), Some(&k));
    let product = crate::ir::matmul::matmul(&xa, &xb)?;
    let nb = batch.len();
    let mut shape: Vec<i64> = product.shape[..nb].iter().map(|&d| d as i64).collect();
    shape.extend(free_a.iter().map(|&l| size(a, l) as i64));
    shape.extend(free_b.iter().map(|&l| size(b, l) as i64));
    let unmerged = build::reshape(&product, &shape)?;
    let labels: Vec<Label> = batch.iter().chain(&free_a).chain(&free_b).copied().collect();
    let perm: Option<Vec<usize>> =
        output.iter().map(|l| labels.iter().position(|m| m == l)).collect();
    match perm {
        Some(perm) if perm.len() == labels.len() => Ok(Some(build::transpose(&unmerged, perm)?)),
        _ => Ok(None),
    }
}
