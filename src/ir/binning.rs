//! The IR side of counting and lookup against a small table: the `Lookup`
//! op (each element of a lazy input searched in a concrete sorted table, for
//! `searchsorted`, `digitize`, `isin`, `unique`'s inverse) and the `Bin` op
//! (elements counted or weight-summed into bins, for `bincount`,
//! `histogram`, `histogram2d`), with their constructors. Tables and bin
//! edges are concrete (`ArrayData`) and small; the inputs stay lazy. The
//! kernels live in `exec::binning`.

use super::{NodeRef, Op, intern};
use crate::array::{ArrayData, DType};
use std::sync::Arc;

/// What a `Lookup` node computes for each input element `v` against its
/// table `t` (sorted ascending, NaN last, in the input's dtype).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LookupKind {
    /// The insertion index: first `i` with `v <= t[i]` (`right: false`)
    /// or `v < t[i]` (`right: true`), as int64.
    SearchSorted { right: bool },
    /// Whether `v` equals an element of `t` (negated with `invert`).
    IsIn { invert: bool },
}

/// How a `Bin` node maps its input elements to bins.
#[derive(Debug)]
pub enum BinRule {
    /// `bincount`: an (int64) element is its own bin, among `len` bins.
    Value { len: usize },
    /// `histogram` with equal-width bins: NumPy's index
    /// `(x - first) / denom * n`, corrected by one against `edges`; values
    /// outside `[first, last]` are skipped. Everything is in the dtype of
    /// `edges` (float32 or float64), which is also the input's dtype.
    /// `wide`: the division runs in float64 even for float32 edges (NumPy
    /// divides by an unsigned-integer width when the range is integers).
    Uniform { edges: Arc<ArrayData>, first: f64, last: f64, denom: f64, wide: bool },
    /// `histogram` with explicit edges (in the input's dtype): bin `i` holds
    /// `edges[i] <= x < edges[i+1]`, the last bin also `x == edges[-1]`.
    Edges(Arc<ArrayData>),
    /// `histogram2d`: inputs x and y, each binned against its edges (in its
    /// own dtype) as explicit edges; the result is `(nx, ny)`.
    Grid(Arc<ArrayData>, Arc<ArrayData>),
}

/// A `Bin` node's parameters.
#[derive(Debug)]
pub struct Binning {
    pub rule: BinRule,
    /// The last input holds per-element weights (already float64 or int64).
    pub weighted: bool,
    /// The histogram's dtype before `density` (int64 counts, or the
    /// weights' dtype; float64 for histogram2d).
    pub counts_dtype: DType,
    /// Divide by bin widths and the total (NumPy's `density=True`); the
    /// widths are computed in the edges' dtype, the total in the result's.
    pub density: bool,
}

impl Binning {
    /// The number of bins along each output axis.
    pub fn shape(&self) -> Vec<usize> {
        let bins = |e: &ArrayData| e.len().saturating_sub(1);
        match &self.rule {
            BinRule::Value { len } => vec![*len],
            BinRule::Uniform { edges, .. } | BinRule::Edges(edges) => vec![bins(edges)],
            BinRule::Grid(x, y) => vec![bins(x), bins(y)],
        }
    }

    pub fn describe(&self) -> String {
        let what = match &self.rule {
            BinRule::Value { .. } => "bincount",
            BinRule::Uniform { .. } => "histogram (equal bins)",
            BinRule::Edges(_) => "histogram (explicit edges)",
            BinRule::Grid(..) => "histogram2d",
        };
        format!(
            "{what}{}{}",
            if self.weighted { " weighted" } else { "" },
            if self.density { " density" } else { "" }
        )
    }
}

/// A lazy lookup of every element of `x` in `table` (whose dtype `x` must
/// already have): int64 indices or bools with `x`'s shape and chunks.
pub fn lookup(x: &NodeRef, table: Arc<ArrayData>, kind: LookupKind) -> NodeRef {
    debug_assert_eq!(x.dtype, table.dtype(), "lookup input is cast to the table's dtype");
    let dtype = match kind {
        LookupKind::SearchSorted { .. } => DType::Int64,
        LookupKind::IsIn { .. } => DType::Bool,
    };
    intern(Op::Lookup { table, kind }, vec![x.clone()], x.shape.clone(), dtype, x.chunks.clone())
}

/// A lazy binning of `inputs` (the data, `y` for a grid, then the weights):
/// one output chunk, computed from the inputs' chunks in a fixed order.
pub fn bin(inputs: Vec<NodeRef>, binning: Arc<Binning>, dtype: DType) -> NodeRef {
    let shape = binning.shape();
    let chunks = super::chunks::single(&shape);
    intern(Op::Bin(binning), inputs, shape, dtype, chunks)
}
