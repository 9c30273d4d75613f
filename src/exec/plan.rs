//! The chunk plan's memory estimate, checked before anything runs.
//!
//! A task computes one chunk of the root; while it runs it holds that
//! chunk and, below it, roughly one chunk-sized region per operation of
//! the expression. With `threads` tasks in flight the peak is about
//! `threads × per_task`. A plan whose estimate exceeds the memory limit is
//! refused with a message naming the operation and the sizes, instead of
//! being killed by the OS halfway through.

use super::ExecResult;
use crate::diag::{Diagnostic, ErrorKind};
use crate::display::format_bytes;
use crate::ir::{NodeRef, Op};
use std::collections::HashSet;

/// Bytes of the largest chunk of a node.
pub fn max_chunk_bytes(n: &NodeRef) -> u64 {
    n.chunksize().iter().product::<usize>() as u64 * n.dtype.size() as u64
}

/// Estimated bytes one task holds at its peak, and the node with the
/// largest chunk (the one to blame when the estimate is too big).
pub fn per_task_bytes(root: &NodeRef) -> (u64, NodeRef) {
    let mut seen = HashSet::new();
    let mut worst = root.clone();
    let total = walk(root, u64::MAX, false, &mut seen, &mut worst);
    (total, worst)
}

/// `cap` bounds what one evaluation of `n` holds: below a reduction,
/// inputs are computed in pieces of at most `reduce::piece_elements`.
fn walk(
    n: &NodeRef,
    cap: u64,
    in_kernel: bool,
    seen: &mut HashSet<u64>,
    worst: &mut NodeRef,
) -> u64 {
    if !seen.insert(n.id) {
        return 0;
    }
    if max_chunk_bytes(n) > max_chunk_bytes(worst) {
        *worst = n.clone();
    }
    let own = match &n.op {
        Op::Scalar(_) => 0,
        // A generator feeding a fused kernel is produced tile by tile.
        Op::Generate(..) if in_kernel => 0,
        // A binning holds its total and a batch of per-chunk partials.
        Op::Bin(_) => n.nbytes().saturating_mul(3),
        // An output chunk plus one row panel of `a` and one column panel of
        // `b` per k-block (`exec::matmul`).
        Op::MatMul { k_block } => {
            max_chunk_bytes(n).min(cap) + super::matmul::panel_bytes(n, *k_block)
        }
        Op::Sort { .. } | Op::OrderStat(_) => {
            max_chunk_bytes(n).min(cap) + lane_workspace(n).unwrap_or(0)
        }
        // A reduction in column strips holds one strip of its operand.
        Op::Reduce { .. } if super::strips::plan(n).is_some() => {
            max_chunk_bytes(n).min(cap) + super::strips::STRIP_BYTES as u64
        }
        // A row block of the input, its reflectors and its block of the factor.
        Op::TallFactor(f) => max_chunk_bytes(n).min(cap) + f.workspace_bytes(n.inputs[0].shape[1]),
        _ => max_chunk_bytes(n).min(cap),
    };
    let child_cap = match &n.op {
        Op::Reduce { .. } => (super::reduce::piece_elements(&n.inputs[0]) * 8) as u64,
        Op::MatMul { k_block } => super::matmul::panel_bytes(n, *k_block),
        Op::Sort { .. } | Op::OrderStat(_) => lane_piece_bytes(n).unwrap_or(cap),
        _ => cap,
    };
    let kernel = n.op.is_elementwise();
    own + n.inputs.iter().map(|i| walk(i, child_cap, kernel, seen, worst)).sum::<u64>()
}

/// Bytes of input a sort or order statistic reads at once: whole lanes,
/// at least `reduce::PIECE` elements' worth (`exec::sort`).
fn lane_piece_bytes(n: &NodeRef) -> Option<u64> {
    let x = n.inputs.first()?;
    let lane: usize = match &n.op {
        Op::Sort { axis, .. } => x.shape[*axis],
        Op::OrderStat(stat) => stat.axes.iter().map(|&a| x.shape[a]).product(),
        _ => return None,
    };
    let elems = lane.max(super::reduce::PIECE).min(x.size());
    Some(elems as u64 * x.dtype.size() as u64)
}

/// What a sort or order statistic holds besides its output: the piece it
/// read; a copy of it with the lanes in a row unless they already are (the
/// lane axes are the trailing ones); for a sort, the piece's results; for
/// `argsort`, a (value, index) pair per element of a lane.
fn lane_workspace(n: &NodeRef) -> Option<u64> {
    let piece = lane_piece_bytes(n)?;
    let x = &n.inputs[0];
    let (trailing, extra) = match &n.op {
        Op::Sort { axis, arg } => {
            let pairs = if *arg { x.shape[*axis] as u64 * (x.dtype.size() as u64 + 8) } else { 0 };
            (*axis + 1 == x.ndim(), piece + pairs)
        }
        Op::OrderStat(stat) => {
            let k = stat.axes.len();
            (stat.axes.iter().enumerate().all(|(i, &a)| a == x.ndim() - k + i), 0)
        }
        _ => return None,
    };
    Some(piece + if trailing { 0 } else { piece } + extra)
}

/// The default memory limit of a session: `ARR_MEMORY` bytes if set, else
/// half of physical RAM.
pub fn memory_limit() -> u64 {
    if let Some(v) = std::env::var("ARR_MEMORY").ok().and_then(|v| parse_bytes(&v)) {
        return v;
    }
    let total = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map(|kib| kib * 1024)
        .unwrap_or(8 << 30);
    total / 2
}

/// Parses `512M`, `4G`, `1000000` into bytes.
pub fn parse_bytes(s: &str) -> Option<u64> {
    let s = s.trim();
    let (num, mult) = match s.chars().last()?.to_ascii_uppercase() {
        'K' => (&s[..s.len() - 1], 1u64 << 10),
        'M' => (&s[..s.len() - 1], 1 << 20),
        'G' => (&s[..s.len() - 1], 1 << 30),
        'T' => (&s[..s.len() - 1], 1 << 40),
        _ => (s, 1),
    };
    num.trim().parse::<f64>().ok().filter(|v| *v >= 0.0).map(|v| (v * mult as f64) as u64)
}

/// Refuses a plan whose estimated peak exceeds `limit` bytes (the
/// session's memory limit).
pub fn check_memory(root: &NodeRef, threads: usize, limit: u64) -> ExecResult<()> {
    let (per_task, worst) = per_task_bytes(root);
    let peak = per_task.saturating_mul(threads.max(1) as u64);
    if root.nbytes() > limit {
        return Err(Diagnostic::global(
            ErrorKind::Memory,
            format!(
                "the result would be {} ({} array of shape {}), over the memory limit of {}",
                format_bytes(root.nbytes()),
                root.dtype,
                crate::ir::build::shape_str(&root.shape),
                format_bytes(limit)
            ),
        )
        .with_hint("reduce it (x.sum(), x.mean(axis=0)), take a slice (x[:1000]), or print it (only the shown corners are computed)"));
    }
    if peak > limit {
        return Err(Diagnostic::global(
            ErrorKind::Memory,
            format!(
                "this computation would need about {} ({} threads × {} per task), over the memory limit of {}; \
                 the largest chunks are {} each, of a {} array of shape {}",
                format_bytes(peak),
                threads,
                format_bytes(per_task),
                format_bytes(limit),
                format_bytes(max_chunk_bytes(&worst)),
                worst.dtype,
                crate::ir::build::shape_str(&worst.shape)
            ),
        )
        .with_hint("use smaller chunks (chunks=... or .rechunk(...)), or raise the limit (ARR_MEMORY or arr --memory)"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_byte_sizes() {
        assert_eq!(parse_bytes("512M"), Some(512 << 20));
        assert_eq!(parse_bytes("2g"), Some(2 << 30));
        assert_eq!(parse_bytes("1000"), Some(1000));
        assert_eq!(parse_bytes("x"), None);
    }
}
