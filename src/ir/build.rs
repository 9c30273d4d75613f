//! Node constructors: shape, dtype and chunk inference, with every check
//! that can fail done here, at graph-building time.
//!
//! Errors are returned as [`Diagnostic`]s without a span; the interpreter
//! gives them the span of the call or operator that caused them.

use super::chunks::{self, ChunkSpec, Chunks};
use super::ops::{BinaryFn, ReduceOp, UnaryFn};
use super::{AxisSel, Generator, NodeRef, Op, Scalar, SourceView, intern};
use crate::array::{ArrayData, DType};
use crate::diag::{Diagnostic, ErrorKind};
use std::sync::Arc;

pub type BuildResult<T> = Result<T, Diagnostic>;

fn err(kind: ErrorKind, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::global(kind, msg)
}

/// Formats a shape the way NumPy prints it: `(3,)`, `(2, 3)`, `()`.
pub fn shape_str(shape: &[usize]) -> String {
    match shape.len() {
        0 => "()".into(),
        1 => format!("({},)", shape[0]),
        _ => format!("({})", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

/// In-memory data as a chunked array.
pub fn literal(data: ArrayData, chunks: Option<Chunks>) -> NodeRef {
    let shape = data.shape().to_vec();
    let dtype = data.dtype();
    let chunks = chunks.unwrap_or_else(|| chunks::single(&shape));
    intern(Op::Literal(Arc::new(data)), vec![], shape, dtype, chunks)
}

/// A 0-d constant of `dtype`.
pub fn scalar(value: Scalar, dtype: DType) -> NodeRef {
    intern(Op::Scalar(value), vec![], vec![], dtype, vec![])
}

/// A generated source over its whole base shape.
pub fn generate(generator: Generator, shape: Vec<usize>, dtype: DType, chunks: Chunks) -> NodeRef {
    let view = SourceView::identity(&shape);
    intern(Op::Generate(generator, view), vec![], shape, dtype, chunks)
}

/// A file-backed array over the source's whole shape.
pub fn read(source: crate::io::source::SourceRef, chunks: Chunks) -> NodeRef {
    let shape = source.shape().to_vec();
    let dtype = source.dtype();
    let view = SourceView::identity(&shape);
    intern(Op::Read(source, view), vec![], shape, dtype, chunks)
}

/// Resolves a chunk request against a shape.
pub fn chunks_for(spec: &ChunkSpec, shape: &[usize], dtype: DType) -> BuildResult<Chunks> {
    chunks::normalize(spec, shape, dtype.size()).map_err(|m| err(ErrorKind::Value, m))
}

/// NumPy broadcasting of two shapes.
pub fn broadcast_shapes(a: &[usize], b: &[usize]) -> BuildResult<Vec<usize>> {
    let n = a.len().max(b.len());
    let mut out = vec![0; n];
    for i in 0..n {
        let da = if i + a.len() >= n { a[i + a.len() - n] } else { 1 };
        let db = if i + b.len() >= n { b[i + b.len() - n] } else { 1 };
        out[i] = if da == db || db == 1 {
            da
        } else if da == 1 {
            db
        } else {
            return Err(err(
                ErrorKind::Shape,
                format!(
                    "operands could not be broadcast together with shapes {} and {}",
                    shape_str(a),
                    shape_str(b)
                ),
            )
            .with_hint(format!(
                "axis {} has length {} on one side and {} on the other; broadcasting needs them \
                 equal or one of them 1",
                i as isize - n as isize,
                da,
                db
            )));
        };
    }
    Ok(out)
}

/// Chunks of an elementwise result: each axis takes the grid of the first
/// input that spans it fully (not broadcast along it).
fn elementwise_chunks(inputs: &[&NodeRef], shape: &[usize]) -> Chunks {
    let n = shape.len();
    let itemsize = inputs.iter().map(|x| x.dtype.size()).max().unwrap_or(8);
    let grid = (0..n)
        .map(|o| {
            for x in inputs {
                let off = n - x.ndim();
                if o >= off && x.shape[o - off] == shape[o] {
                    return x.chunks[o - off].clone();
                }
            }
            vec![shape[o]]
        })
        .collect();
    chunks::fit(grid, shape, itemsize)
}

pub fn unary(f: UnaryFn, x: &NodeRef) -> BuildResult<NodeRef> {
    let (_, out) = f.dtypes(x.dtype).map_err(|m| err(ErrorKind::DType, m))?;
    Ok(intern(Op::Unary(f), vec![x.clone()], x.shape.clone(), out, x.chunks.clone()))
}

pub fn binary(f: BinaryFn, a: &NodeRef, b: &NodeRef) -> BuildResult<NodeRef> {
    let shape = broadcast_shapes(&a.shape, &b.shape)?;
    let promoted = DType::promote(a.dtype, b.dtype);
    let (_, out) = f.dtypes(promoted).map_err(|m| err(ErrorKind::DType, m))?;
    let chunks = elementwise_chunks(&[a, b], &shape);
    Ok(intern(Op::Binary(f), vec![a.clone(), b.clone()], shape, out, chunks))
}

/// `where(cond, a, b)`.
pub fn where_(cond: &NodeRef, a: &NodeRef, b: &NodeRef) -> BuildResult<NodeRef> {
    let shape = broadcast_shapes(&broadcast_shapes(&cond.shape, &a.shape)?, &b.shape)?;
    let dtype = DType::promote(a.dtype, b.dtype);
    let chunks = elementwise_chunks(&[a, b, cond], &shape);
    Ok(intern(Op::Where, vec![cond.clone(), a.clone(), b.clone()], shape, dtype, chunks))
}

/// `astype(dtype)`; a no-op when the dtype already matches.
pub fn cast(x: &NodeRef, dtype: DType) -> NodeRef {
    if x.dtype == dtype {
        return x.clone();
    }
    intern(Op::Cast, vec![x.clone()], x.shape.clone(), dtype, x.chunks.clone())
}

pub fn broadcast_to(x: &NodeRef, shape: &[usize]) -> BuildResult<NodeRef> {
    let b = broadcast_shapes(&x.shape, shape)?;
    if b != shape {
        return Err(err(
            ErrorKind::Shape,
            format!(
                "cannot broadcast an array of shape {} to {}",
                shape_str(&x.shape),
                shape_str(shape)
            ),
        ));
    }
    if x.shape == shape {
        return Ok(x.clone());
    }
    let chunks = elementwise_chunks(&[x], shape);
    Ok(intern(Op::BroadcastTo, vec![x.clone()], shape.to_vec(), x.dtype, chunks))
}

/// Basic indexing. `sels` has one non-`NewAxis` entry per input axis, in
/// order, already bounds-checked and normalized by the caller.
pub fn slice(x: &NodeRef, sels: Vec<AxisSel>) -> BuildResult<NodeRef> {
    let consumed = sels.iter().filter(|s| !matches!(s, AxisSel::NewAxis)).count();
    if consumed != x.ndim() {
        return Err(err(
            ErrorKind::Index,
            format!("index selects {consumed} axes of an array with {} dimensions", x.ndim()),
        ));
    }
    let mut shape = Vec::new();
    let mut chunks = Vec::new();
    let mut axis = 0;
    let mut identity = true;
    for s in &sels {
        match *s {
            AxisSel::Range { start, step, len } => {
                identity &= start == 0 && step == 1 && len == x.shape[axis];
                shape.push(len);
                chunks.push(chunks::slice_axis(&x.chunks[axis], start, step, len));
                axis += 1;
            }
            AxisSel::Index(_) => {
                identity = false;
                axis += 1;
            }
            AxisSel::NewAxis => {
                identity = false;
                shape.push(1);
                chunks.push(vec![1]);
            }
        }
    }
    if identity {
        return Ok(x.clone());
    }
    Ok(intern(Op::Slice(sels), vec![x.clone()], shape, x.dtype, chunks))
}

/// `transpose(perm)`: output axis `i` is input axis `perm[i]`.
pub fn transpose(x: &NodeRef, perm: Vec<usize>) -> BuildResult<NodeRef> {
    let mut seen = vec![false; x.ndim()];
    if perm.len() != x.ndim()
        || perm.iter().any(|&p| p >= x.ndim() || std::mem::replace(&mut seen[p], true))
    {
        return Err(err(
            ErrorKind::Value,
            format!("axes {perm:?} are not a permutation of the {} axes of the array", x.ndim()),
        ));
    }
    if perm.iter().enumerate().all(|(i, &p)| i == p) {
        return Ok(x.clone());
    }
    let shape = perm.iter().map(|&p| x.shape[p]).collect();
    let chunks = perm.iter().map(|&p| x.chunks[p].clone()).collect();
    Ok(intern(Op::Transpose(perm), vec![x.clone()], shape, x.dtype, chunks))
}

/// Resolves a requested shape with at most one `-1` against `size` elements.
pub fn resolve_shape(requested: &[i64], size: usize, from: &[usize]) -> BuildResult<Vec<usize>> {
    let unknown: Vec<usize> = (0..requested.len()).filter(|&i| requested[i] == -1).collect();
    let bad = || {
        err(
            ErrorKind::Shape,
            format!(
                "cannot reshape array of size {size} (shape {}) into shape {}",
                shape_str(from),
                format_requested(requested)
            ),
        )
    };
    if unknown.len() > 1 || requested.iter().any(|&d| d < -1) {
        return Err(bad().with_hint("only one dimension can be -1, and none can be negative"));
    }
    let known: usize = requested.iter().filter(|&&d| d >= 0).map(|&d| d as usize).product();
    let mut out: Vec<usize> = requested.iter().map(|&d| d.max(0) as usize).collect();
    if let Some(&u) = unknown.first() {
        if known == 0 || !size.is_multiple_of(known) {
            return Err(bad());
        }
        out[u] = size / known;
    } else if known != size {
        return Err(bad());
    }
    Ok(out)
}

fn format_requested(r: &[i64]) -> String {
    if r.len() == 1 {
        format!("({},)", r[0])
    } else {
        format!("({})", r.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "))
    }
}

/// Output chunks for a reshape: inner axes whole while they fit in one
/// input chunk's worth of elements, so every output chunk is one contiguous
/// run of the flat (C-order) array and reads a compact block of the input.
fn reshape_chunks(shape: &[usize], budget: usize) -> Chunks {
    let mut out = vec![Vec::new(); shape.len()];
    let mut inner = 1usize;
    let mut split = false;
    for a in (0..shape.len()).rev() {
        let n = shape[a];
        if split {
            out[a] = chunks::regular(n, 1);
        } else if n.saturating_mul(inner) <= budget {
            out[a] = vec![n];
            inner *= n.max(1);
        } else {
            out[a] = chunks::regular(n, (budget / inner.max(1)).max(1));
            split = true;
        }
    }
    out
}

pub fn reshape(x: &NodeRef, requested: &[i64]) -> BuildResult<NodeRef> {
    let shape = resolve_shape(requested, x.size(), &x.shape)?;
    if shape == x.shape {
        return Ok(x.clone());
    }
    let in_chunk: usize = x.chunksize().iter().product();
    let budget = in_chunk.max(chunks::auto_chunk_bytes() / x.dtype.size()).max(1);
    let chunks = reshape_chunks(&shape, budget);
    Ok(intern(Op::Reshape, vec![x.clone()], shape, x.dtype, chunks))
}

pub fn rechunk(x: &NodeRef, spec: &ChunkSpec) -> BuildResult<NodeRef> {
    let chunks = chunks_for(spec, &x.shape, x.dtype)?;
    if chunks == x.chunks {
        return Ok(x.clone());
    }
    // Rechunking a rechunk only needs the last grid.
    let src = if matches!(x.op, Op::Rechunk) { &x.inputs[0] } else { x };
    Ok(intern(Op::Rechunk, vec![src.clone()], x.shape.clone(), x.dtype, chunks))
}

/// Joins arrays along an existing axis (NumPy `concatenate`); the result
/// dtype promotes all inputs.
pub fn concatenate(inputs: &[NodeRef], axis: usize) -> BuildResult<NodeRef> {
    let Some(first) = inputs.first() else {
        return Err(err(ErrorKind::Value, "need at least one array to concatenate"));
    };
    if axis >= first.ndim() {
        return Err(err(
            ErrorKind::Index,
            format!("axis {axis} is out of bounds for array of dimension {}", first.ndim()),
        ));
    }
    let mut dtype = first.dtype;
    let mut along = Vec::new();
    for (i, x) in inputs.iter().enumerate() {
        let same_rank = x.ndim() == first.ndim();
        if !same_rank || (0..x.ndim()).any(|a| a != axis && x.shape[a] != first.shape[a]) {
            return Err(err(
                ErrorKind::Shape,
                format!(
                    "all the input array dimensions except for the concatenation axis must match \
                     exactly, but array 0 has shape {} and array {i} has shape {}",
                    shape_str(&first.shape),
                    shape_str(&x.shape)
                ),
            ));
        }
        dtype = DType::promote(dtype, x.dtype);
        along.extend(x.chunks[axis].iter().copied().filter(|&c| c > 0));
    }
    if inputs.len() == 1 {
        return Ok(cast(first, dtype));
    }
    let mut shape = first.shape.clone();
    shape[axis] = inputs.iter().map(|x| x.shape[axis]).sum();
    let mut chunks = first.chunks.clone();
    chunks[axis] = if along.is_empty() { vec![0] } else { along };
    let cast_inputs = inputs.iter().map(|x| cast(x, dtype)).collect();
    Ok(intern(Op::Concat(axis), cast_inputs, shape, dtype, chunks))
}

/// `x` indexed along `axis` by (already bounds-checked) integer indices.
pub fn take(x: &NodeRef, axis: usize, indices: Arc<Vec<usize>>) -> BuildResult<NodeRef> {
    if let Some(&bad) = indices.iter().find(|&&i| i >= x.shape[axis]) {
        return Err(err(
            ErrorKind::Index,
            format!("index {bad} is out of bounds for axis {axis} with size {}", x.shape[axis]),
        ));
    }
    let mut shape = x.shape.clone();
    shape[axis] = indices.len();
    let mut chunks = x.chunks.clone();
    let size = x.chunks[axis].iter().copied().max().unwrap_or(1).max(1);
    chunks[axis] = chunks::regular(indices.len(), size);
    Ok(intern(Op::Take { axis, indices }, vec![x.clone()], shape, x.dtype, chunks))
}

/// Cumulative sum or product along `axis` (already normalized).
pub fn scan(x: &NodeRef, axis: usize, product: bool) -> BuildResult<NodeRef> {
    let dtype = x.dtype.sum_dtype();
    Ok(intern(
        Op::Scan { axis, product },
        vec![x.clone()],
        x.shape.clone(),
        dtype,
        x.chunks.clone(),
    ))
}

/// Checks that `mask` can index `x` (a bool array over x's leading axes).
pub fn check_mask(x: &NodeRef, mask: &NodeRef) -> BuildResult<()> {
    if mask.dtype != DType::Bool {
        return Err(err(
            ErrorKind::Index,
            format!("a mask index must be a bool array, not {}", mask.dtype),
        ));
    }
    if mask.ndim() > x.ndim() || mask.ndim() == 0 {
        return Err(err(
            ErrorKind::Index,
            format!(
                "too many indices: a {}-d mask cannot index a {}-d array",
                mask.ndim(),
                x.ndim()
            ),
        ));
    }
    for a in 0..mask.ndim() {
        if mask.shape[a] != x.shape[a] {
            return Err(err(
                ErrorKind::Index,
                format!(
                    "boolean index did not match indexed array along axis {a}; size of axis is {} but \
                     size of corresponding boolean axis is {}",
                    x.shape[a], mask.shape[a]
                ),
            ));
        }
    }
    Ok(())
}

/// `x[mask]`: the elements (or sub-arrays) of `x` where `mask` is true, in
/// C order. `counts` holds the true elements per chunk of the mask's first axis.
pub fn mask(x: &NodeRef, mask: &NodeRef, counts: Arc<super::MaskCounts>) -> BuildResult<NodeRef> {
    check_mask(x, mask)?;
    let total: usize = counts.counts.iter().sum();
    let mut shape = vec![total];
    shape.extend_from_slice(&x.shape[mask.ndim()..]);
    let mut first: Vec<usize> = counts.counts.iter().copied().filter(|&c| c > 0).collect();
    if first.is_empty() {
        first.push(0);
    }
    let mut chunks = vec![first];
    chunks.extend(x.chunks[mask.ndim()..].iter().cloned());
    Ok(intern(Op::Mask(counts), vec![x.clone(), mask.clone()], shape, x.dtype, chunks))
}

/// A reduction over `axes` (sorted, distinct, in range: checked by the caller).
pub fn reduce(x: &NodeRef, op: ReduceOp, axes: Vec<usize>, keepdims: bool) -> BuildResult<NodeRef> {
    if matches!(op, ReduceOp::ArgMax | ReduceOp::ArgMin) && axes.len() != 1 {
        return Err(err(ErrorKind::Value, format!("{} reduces exactly one axis", op.name())));
    }
    if matches!(op, ReduceOp::Min | ReduceOp::Max | ReduceOp::ArgMax | ReduceOp::ArgMin)
        && axes.iter().any(|&a| x.shape[a] == 0)
    {
        return Err(err(
            ErrorKind::Value,
            format!("zero-size array to reduction operation {} which has no identity", op.name()),
        ));
    }
    let dtype = op.result_dtype(x.dtype);
    let mut shape = Vec::new();
    let mut chunks = Vec::new();
    for a in 0..x.ndim() {
        if axes.contains(&a) {
            if keepdims {
                shape.push(1);
                chunks.push(vec![1]);
            }
        } else {
            shape.push(x.shape[a]);
            chunks.push(x.chunks[a].clone());
        }
    }
    Ok(intern(Op::Reduce { op, axes, keepdims }, vec![x.clone()], shape, dtype, chunks))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::chunks::AxisChunks;

    fn ones(shape: &[usize], chunk: usize) -> NodeRef {
        let spec = ChunkSpec::Uniform(AxisChunks::Size(chunk));
        let c = chunks_for(&spec, shape, DType::Float64).unwrap();
        generate(Generator::Fill(Scalar::Float(1.0)), shape.to_vec(), DType::Float64, c)
    }

    #[test]
    fn broadcasting_shapes_and_errors() {
        assert_eq!(broadcast_shapes(&[3, 1], &[4]).unwrap(), vec![3, 4]);
        assert_eq!(broadcast_shapes(&[], &[2, 2]).unwrap(), vec![2, 2]);
        let e = broadcast_shapes(&[3], &[4]).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Shape);
        assert!(e.message.contains("(3,) and (4,)"), "{}", e.message);
    }

    #[test]
    fn nodes_are_interned() {
        let a = ones(&[10, 10], 5);
        let b = ones(&[10, 10], 5);
        assert!(Arc::ptr_eq(&a, &b));
        let s1 = binary(BinaryFn::Add, &a, &b).unwrap();
        let s2 = binary(BinaryFn::Add, &a, &b).unwrap();
        assert!(Arc::ptr_eq(&s1, &s2));
    }

    #[test]
    fn reduce_shapes_and_dtypes() {
        let x = ones(&[4, 6], 2);
        let r = reduce(&x, ReduceOp::Mean, vec![0], false).unwrap();
        assert_eq!(r.shape, vec![6]);
        assert_eq!(r.chunks, vec![vec![2, 2, 2]]);
        let k = reduce(&x, ReduceOp::Sum, vec![0, 1], true).unwrap();
        assert_eq!(k.shape, vec![1, 1]);
        let i = cast(&x, DType::Int32);
        assert_eq!(reduce(&i, ReduceOp::Sum, vec![0], false).unwrap().dtype, DType::Int64);
        assert_eq!(reduce(&i, ReduceOp::Mean, vec![0], false).unwrap().dtype, DType::Float64);
    }

    #[test]
    fn reshape_resolves_minus_one_and_rejects_bad_sizes() {
        let x = ones(&[6, 4], 2);
        assert_eq!(reshape(&x, &[-1, 3]).unwrap().shape, vec![8, 3]);
        let e = reshape(&x, &[5, -1]).unwrap_err();
        assert!(e.message.contains("cannot reshape array of size 24"), "{}", e.message);
        assert!(reshape(&x, &[-1, -1]).is_err());
    }

    #[test]
    fn reshape_chunks_are_contiguous_runs() {
        assert_eq!(reshape_chunks(&[4, 10], 25), vec![vec![2, 2], vec![10]]);
        assert_eq!(reshape_chunks(&[2, 3, 100], 150), vec![vec![1, 1], vec![1, 1, 1], vec![100]]);
    }
}
