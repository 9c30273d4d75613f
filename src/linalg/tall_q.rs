//! The lazy orthonormal factor of a tall matrix (`Q` of `qr`, `U` of
//! `svd`): the IR operation `Op::TallFactor` and its chunk kernel.
//!
//! The node's input is the tall matrix itself; its payload holds, per row
//! block, the small coefficient matrix `C_i` from the TSQR tree
//! (`tsqr::factor`, times `U_r` for `svd`). A region is computed by
//! re-reading the row blocks it touches, recomputing their local QR and
//! applying its Householder reflectors to `[C_i; 0]`, so the factor is
//! never held whole and a slice of it only costs the blocks it touches.
//! The node has the matrix's row chunks and a single column chunk.

use super::dense::view;
use super::tsqr::{local_qr, read_block};
use crate::array::{ArrayData, DType};
use crate::exec::region::{Region, region_shape};
use crate::exec::{Ctx, ExecResult};
use crate::ir::chunks::offsets;
use crate::ir::{NodeRef, Op, intern};
use rayon::prelude::*;
use std::sync::Arc;

/// What a tall factor node needs besides its input matrix.
pub struct TallFactor {
    /// `"Q"` or `"U"`, for `explain`.
    pub name: &'static str,
    /// Rows per block of the input (the node's row chunks).
    pub blocks: Vec<usize>,
    /// Columns of the factor.
    pub cols: usize,
    /// Per block, `k_i × cols` row-major; empty when `finite` is false.
    pub coefs: Vec<Vec<f64>>,
    /// False when the input held NaN or infinity: every element is NaN.
    pub finite: bool,
}

impl std::fmt::Debug for TallFactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

impl TallFactor {
    /// The `explain` label.
    pub fn describe(&self) -> String {
        format!(
            "tsqr {} ({} row blocks, recomputed per block{})",
            self.name,
            self.blocks.len(),
            if self.finite { "" } else { "; input not finite: all NaN" }
        )
    }

    /// Bytes one evaluation holds besides its output: the block read as
    /// float64, its Householder reflectors and the block of the factor.
    pub fn workspace_bytes(&self, input_cols: usize) -> u64 {
        let rows = self.blocks.iter().copied().max().unwrap_or(0) as u64;
        rows * (2 * input_cols + self.cols) as u64 * 8
    }
}

/// The `m × cols` factor node of the tall matrix `x`, of `dtype`.
pub fn node(x: &NodeRef, f: Arc<TallFactor>, dtype: DType) -> NodeRef {
    let shape = vec![x.shape[0], f.cols];
    let chunks = vec![f.blocks.clone(), vec![f.cols]];
    intern(Op::TallFactor(f), vec![x.clone()], shape, dtype, chunks)
}

/// A region of the factor: the touched row blocks run in parallel, each
/// recomputing its `Q_i C_i` and keeping only the region's rows.
pub fn eval(node: &NodeRef, f: &TallFactor, region: &Region, ctx: &Ctx) -> ExecResult<ArrayData> {
    let shape = region_shape(region);
    let (rows, cols) = (region[0], region[1]);
    let mut out = vec![f64::NAN; rows.len * cols.len];
    if f.finite && !out.is_empty() {
        let x = &node.inputs[0];
        let offs = offsets(&f.blocks);
        // (block, [(output row, row within the block)]): the region's rows
        // are monotonic, so each block's rows are one run.
        let mut wanted: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
        for k in 0..rows.len {
            let i = (rows.start + k as i64 * rows.step) as usize;
            let b = offs.partition_point(|&o| o <= i) - 1;
            match wanted.last_mut().filter(|w| w.0 == b) {
                Some(w) => w.1.push((k, i - offs[b])),
                None => wanted.push((b, vec![(k, i - offs[b])])),
            }
        }
        let parts: Vec<Vec<f64>> = wanted
            .par_iter()
            .map(|(b, picks)| {
                ctx.check_cancel()?;
                let len = f.blocks[*b];
                let a = read_block(x, offs[*b], len, ctx)?;
                let qc = local_qr(view(&a, len, x.shape[1])).q_times(&f.coefs[*b], f.cols);
                let mut part = Vec::with_capacity(picks.len() * cols.len);
                for &(_, r) in picks {
                    for c in 0..cols.len {
                        let j = (cols.start + c as i64 * cols.step) as usize;
                        part.push(qc[r * f.cols + j]);
                    }
                }
                Ok(part)
            })
            .collect::<ExecResult<_>>()?;
        for ((_, picks), part) in wanted.iter().zip(&parts) {
            for (p, &(k, _)) in picks.iter().enumerate() {
                out[k * cols.len..(k + 1) * cols.len]
                    .copy_from_slice(&part[p * cols.len..(p + 1) * cols.len]);
            }
        }
    }
    Ok(ArrayData::from_f64_vec(node.dtype, &shape, &out))
}
