//! Sorting and order statistics in the IR: what `Op::Sort` and
//! `Op::OrderStat` compute, their result dtypes, shapes and chunk grids.
//!
//! Both need whole lanes (every element along the sorted or reduced axes)
//! at once, so a sort's result has a single chunk along its axis, as dask
//! requires for `median`; the executor (`exec::sort`) reads a region's lanes
//! in bounded pieces. Order statistics (median, quantiles) are one op with
//! NumPy's interpolation rules spelled out here, so that the executor can
//! reproduce NumPy's arithmetic step by step (same dtypes, same rounding).

use super::build::BuildResult;
use super::chunks::{self, Chunks};
use super::{F64Key, NodeRef, Op, intern};
use crate::array::DType;
use crate::diag::{Diagnostic, ErrorKind};
use std::sync::Arc;

/// NumPy's `method=` for quantiles (the five classic ones).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuantileMethod {
    Linear,
    Lower,
    Higher,
    Nearest,
    Midpoint,
}

impl QuantileMethod {
    pub const NAMES: [&'static str; 5] = ["linear", "lower", "higher", "nearest", "midpoint"];

    pub fn from_name(name: &str) -> Option<QuantileMethod> {
        Some(match name {
            "linear" => QuantileMethod::Linear,
            "lower" => QuantileMethod::Lower,
            "higher" => QuantileMethod::Higher,
            "nearest" => QuantileMethod::Nearest,
            "midpoint" => QuantileMethod::Midpoint,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// Which order statistic of each lane.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StatKind {
    /// NumPy's `median`: the middle element, or the mean of the two middle
    /// ones computed as `(lo + hi) / 2` in the result dtype.
    Median,
    /// NumPy's `quantile` (and `percentile`, whose `q` is divided by 100
    /// before it gets here).
    Quantile {
        /// The quantiles, each exactly representable in `q_dtype`.
        qs: Vec<F64Key>,
        /// The dtype NumPy gives the array of quantiles: the virtual index
        /// `(n - 1) * q` and the interpolation weight are computed in it.
        q_dtype: DType,
        method: QuantileMethod,
        /// `q` was a Python number: NumPy then rounds the interpolation
        /// weight to the input's float dtype (NEP 50 weak scalar), so a
        /// float32 input gives float32.
        weak: bool,
        /// The result has a leading axis of length `qs.len()` (q was a
        /// sequence); otherwise there is exactly one quantile.
        leading: bool,
    },
}

/// An order statistic over some axes of the input (the lane is every
/// element along them, in C order).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct OrderStat {
    pub kind: StatKind,
    /// Reduced axes of the input, sorted and distinct.
    pub axes: Vec<usize>,
    /// Ignore NaNs (`nanmedian`, `nanquantile`...); a lane with no valid
    /// value gives NaN. Without it, a lane holding a NaN gives NaN.
    pub skip_nan: bool,
}

impl OrderStat {
    /// Whether the result is read straight from the sorted lane (NumPy's
    /// `take` path: `lower`, `higher`, `nearest`, and `linear` with integer
    /// quantiles), keeping the input dtype; otherwise it is interpolated.
    pub fn takes_elements(&self) -> bool {
        match &self.kind {
            StatKind::Median => false,
            StatKind::Quantile { method, q_dtype, .. } => match method {
                QuantileMethod::Lower | QuantileMethod::Higher | QuantileMethod::Nearest => true,
                QuantileMethod::Linear => !q_dtype.is_float(),
                QuantileMethod::Midpoint => false,
            },
        }
    }

    /// NumPy's result dtype for an input of `dtype`.
    pub fn result_dtype(&self, dtype: DType) -> DType {
        match &self.kind {
            StatKind::Median if dtype == DType::Float32 => DType::Float32,
            StatKind::Median => DType::Float64,
            _ if self.takes_elements() => dtype,
            StatKind::Quantile { weak: true, .. } if dtype.is_float() => dtype,
            StatKind::Quantile { q_dtype, .. } => {
                let d = DType::promote(dtype, *q_dtype);
                if d.is_float() { d } else { DType::Float64 }
            }
        }
    }

    /// The number of quantiles (1 for the median).
    pub fn count(&self) -> usize {
        match &self.kind {
            StatKind::Median => 1,
            StatKind::Quantile { qs, .. } => qs.len(),
        }
    }

    /// Whether the result has a leading quantile axis.
    pub fn leading(&self) -> bool {
        matches!(self.kind, StatKind::Quantile { leading: true, .. })
    }

    pub fn describe(&self) -> String {
        let what = match &self.kind {
            StatKind::Median => "median".to_string(),
            StatKind::Quantile { qs, method, .. } => {
                let shown: Vec<String> = qs.iter().take(4).map(|q| q.0.to_string()).collect();
                let more = if qs.len() > 4 { ", ..." } else { "" };
                format!("quantile q=[{}{more}] method={}", shown.join(", "), method.name())
            }
        };
        format!("{}{what} axis={:?}", if self.skip_nan { "nan" } else { "" }, self.axes)
    }
}

fn err(kind: ErrorKind, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::global(kind, msg)
}

/// Chunks for a result that holds whole lanes along `axis`: one chunk
/// along it; the other axes keep the input's grid unless a chunk would get
/// much bigger than the auto target, in which case they are split finer.
fn whole_along(x: &NodeRef, axis: usize, itemsize: usize) -> Chunks {
    let mut grid = x.chunks.clone();
    grid[axis] = vec![x.shape[axis]];
    chunks::with_whole_axis(grid, &x.shape, axis, itemsize)
}

/// `sort` (values) or `argsort` (`arg`: stable sorting indices, int64)
/// along `axis` (already normalized).
pub fn sort(x: &NodeRef, axis: usize, arg: bool) -> BuildResult<NodeRef> {
    if axis >= x.ndim() {
        return Err(err(
            ErrorKind::Index,
            format!("axis {axis} is out of bounds for array of dimension {}", x.ndim()),
        ));
    }
    let dtype = if arg { DType::Int64 } else { x.dtype };
    let chunks = whole_along(x, axis, dtype.size().max(x.dtype.size()));
    Ok(intern(Op::Sort { axis, arg }, vec![x.clone()], x.shape.clone(), dtype, chunks))
}

/// An order statistic over `stat.axes` of `x`. The result's shape is
/// `(len(q),)` (when `q` was a sequence) followed by the kept axes.
pub fn order_stat(x: &NodeRef, stat: Arc<OrderStat>) -> BuildResult<NodeRef> {
    if stat.axes.iter().any(|&a| a >= x.ndim()) || !stat.axes.is_sorted() {
        return Err(err(ErrorKind::Index, "order statistic axes must be sorted and in range"));
    }
    if stat.axes.windows(2).any(|w| w[0] == w[1]) {
        return Err(err(ErrorKind::Value, "duplicate value in 'axis'"));
    }
    let lane: usize = stat.axes.iter().map(|&a| x.shape[a]).product();
    let quantile = matches!(stat.kind, StatKind::Quantile { .. });
    if quantile && lane == 0 && !stat.skip_nan {
        return Err(err(
            ErrorKind::Index,
            "cannot take a quantile of an empty array (index -1 is out of bounds for axis 0 \
             with size 0)",
        ));
    }
    if !stat.takes_elements() && quantile && x.dtype == DType::Bool {
        return Err(err(
            ErrorKind::DType,
            "interpolating quantiles of a bool array needs subtraction, which bool does not \
             support",
        )
        .with_hint("use method='lower', 'higher' or 'nearest', or convert with x.astype(int)"));
    }
    let dtype = stat.result_dtype(x.dtype);
    if lane == 0 && !dtype.is_float() {
        // An empty lane's statistic is NaN, which this dtype cannot hold.
        return Err(err(
            ErrorKind::Index,
            format!("cannot take a quantile of an empty lane of a {} array", x.dtype),
        ));
    }
    let mut shape = Vec::new();
    let mut grid = Vec::new();
    if stat.leading() {
        shape.push(stat.count());
        grid.push(vec![stat.count()]);
    }
    for a in 0..x.ndim() {
        if !stat.axes.contains(&a) {
            shape.push(x.shape[a]);
            grid.push(x.chunks[a].clone());
        }
    }
    Ok(intern(Op::OrderStat(stat), vec![x.clone()], shape, dtype, grid))
}
