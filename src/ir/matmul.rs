//! Matrix products in the IR: what `Op::MatMul` computes, its result dtype,
//! shape and chunk grid, and how its contraction axis is cut into blocks.
//!
//! `MatMul` is NumPy's `matmul` on operands of at least two dimensions:
//! `(..., m, k) @ (..., k, n) -> (..., m, n)` with the leading (batch) axes
//! broadcast. 1-D operands and `dot`/`tensordot`/`einsum` are reduced to it
//! by the builtins. The executor (`exec::matmul`) computes an output chunk as
//! the sum over k-blocks of panel products, always in k-block order.
//!
//! Determinism: the output grid and the k-blocks depend only on the shapes,
//! the dtype and the session's chunk byte target, never on the operands'
//! chunks or the thread count, so the same product gives the same bits
//! however its inputs are chunked and however many threads run it.

use super::build::{BuildResult, broadcast_shapes, cast, shape_str};
use super::chunks::{self, Chunks};
use super::{NodeRef, Op, intern};
use crate::array::DType;
use crate::diag::{Diagnostic, ErrorKind};

/// The largest k-block: big enough that the panel products run at full
/// GEMM speed, small enough that one panel of each operand stays modest.
const MAX_K_BLOCK: usize = 2048;

/// Output rows a chunk should hold before its columns are split.
const MIN_ROWS: usize = 1024;

/// `a @ b` for operands with at least two dimensions (NumPy `matmul`).
pub fn matmul(a: &NodeRef, b: &NodeRef) -> BuildResult<NodeRef> {
    if a.ndim() < 2 || b.ndim() < 2 {
        return Err(Diagnostic::global(
            ErrorKind::Value,
            "matmul: the operands need at least two dimensions here",
        ));
    }
    let (m, k) = (a.shape[a.ndim() - 2], a.shape[a.ndim() - 1]);
    let (k2, n) = (b.shape[b.ndim() - 2], b.shape[b.ndim() - 1]);
    if k != k2 {
        return Err(Diagnostic::global(
            ErrorKind::Shape,
            format!(
                "matmul: shapes {} and {} are not aligned: {k} (last axis of the first) != {k2} \
                 (second-to-last axis of the second)",
                shape_str(&a.shape),
                shape_str(&b.shape)
            ),
        ));
    }
    let batch =
        broadcast_shapes(&a.shape[..a.ndim() - 2], &b.shape[..b.ndim() - 2]).map_err(|mut d| {
            d.message = format!("matmul: batch axes: {}", d.message);
            d
        })?;
    let dtype = DType::promote(a.dtype, b.dtype);
    let mut shape = batch.clone();
    shape.extend([m, n]);
    let budget = (chunks::auto_chunk_bytes().saturating_mul(16) / dtype.size()).max(16);
    let grid = output_grid(&batch, m, n, budget);
    let k_block = k_block(k, dtype);
    Ok(intern(Op::MatMul { k_block }, vec![cast(a, dtype), cast(b, dtype)], shape, dtype, grid))
}

/// The k-block length for a contraction of length `k`: all of `k` when it
/// is short, else `k` cut into equal blocks of at most `MAX_K_BLOCK` (fewer
/// when the session's chunk target is tiny, as in the tests).
pub fn k_block(k: usize, dtype: DType) -> usize {
    let cap = (chunks::auto_chunk_bytes() / dtype.size()).clamp(4, MAX_K_BLOCK);
    if k <= cap { k.max(1) } else { k.div_ceil(k.div_ceil(cap)) }
}

/// Output chunks of about `budget` elements: whole rows of the matrix while
/// `MIN_ROWS` of them fit (so a chunk reads one row panel of `a` and the
/// whole of `b` per k-block), otherwise square-ish tiles; the matrix axes are
/// cut into near-equal parts, and whole matrices are grouped along the
/// batch axes (innermost first) while they fit.
fn output_grid(batch: &[usize], m: usize, n: usize, budget: usize) -> Chunks {
    let (mc, nc) = if m.saturating_mul(n) <= budget {
        (m, n)
    } else if n.saturating_mul(MIN_ROWS.min(m)) <= budget {
        (budget / n.max(1), n)
    } else {
        let side = (budget as f64).sqrt() as usize;
        (side.min(m), side.min(n))
    };
    let mut grid: Chunks = vec![Vec::new(); batch.len()];
    let mut room = (budget / mc.max(1).saturating_mul(nc.max(1))).max(1);
    for a in (0..batch.len()).rev() {
        let len = batch[a];
        let take = room.min(len.max(1));
        grid[a] = even_parts(len, take);
        room = if take >= len { room / len.max(1) } else { 1 };
        room = room.max(1);
    }
    grid.push(even_parts(m, mc));
    grid.push(even_parts(n, nc));
    grid
}

/// `len` cut into the fewest near-equal parts of at most `size` each.
fn even_parts(len: usize, size: usize) -> Vec<usize> {
    if len == 0 {
        return vec![0];
    }
    let parts = len.div_ceil(size.max(1));
    let (base, extra) = (len / parts, len % parts);
    (0..parts).map(|i| base + usize::from(i < extra)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_keeps_rows_whole_and_splits_evenly() {
        let g = output_grid(&[], 5000, 5000, 16 << 20);
        assert_eq!(g, vec![vec![2500, 2500], vec![5000]]);
        let g = output_grid(&[], 10, 7, 1000);
        assert_eq!(g, vec![vec![10], vec![7]]);
        // Many small matrices are grouped along the batch axes.
        let g = output_grid(&[4, 100], 3, 3, 900);
        assert_eq!(g, vec![vec![1, 1, 1, 1], vec![100], vec![3], vec![3]]);
        assert_eq!(even_parts(10, 4), vec![4, 3, 3]);
        assert_eq!(even_parts(0, 4), vec![0]);
    }

    #[test]
    fn k_blocks_are_equal_and_bounded() {
        assert_eq!(k_block(5000, DType::Float64), 1667);
        assert_eq!(k_block(300, DType::Float64), 300);
        assert_eq!(k_block(0, DType::Float64), 1);
    }
}
