//! The lazy IR: a hash-consed DAG of array operations.
//!
//! Every array value in arr is a [`NodeRef`]. A node knows its operation,
//! inputs, shape, dtype and chunk grid from the moment it is built; the
//! constructors in `build.rs` check shapes, dtypes and broadcasting there
//! and then, so errors point at the user's code and never surface later
//! inside a worker. Nodes are interned (`intern`): building the same
//! operation on the same inputs twice gives the same node, so common
//! subexpressions are shared by construction.

pub mod binning;
pub mod build;
pub mod chunks;
pub mod explain;
pub mod matmul;
pub mod ops;
pub mod order;
pub mod visualize;

use crate::array::{ArrayData, DType};
use crate::random::{Distribution, StreamKey};
use ops::{BinaryFn, ReduceOp, UnaryFn};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, Weak};

pub use chunks::Chunks;

pub type NodeRef = Arc<Node>;

/// One lazy array operation with everything known about its result.
#[derive(Debug)]
pub struct Node {
    /// Unique per distinct node; used for naming in `explain` and caching.
    pub id: u64,
    pub op: Op,
    pub inputs: Vec<NodeRef>,
    pub shape: Vec<usize>,
    pub dtype: DType,
    pub chunks: Chunks,
}

/// A constant scalar; the node's dtype says how to read it.
#[derive(Clone, Copy, Debug)]
pub enum Scalar {
    Bool(bool),
    Int(i64),
    Float(f64),
}

impl Scalar {
    pub fn to_f64(self) -> f64 {
        match self {
            Scalar::Bool(b) => b as u8 as f64,
            Scalar::Int(i) => i as f64,
            Scalar::Float(f) => f,
        }
    }
    /// The constant as an element of type `T` (NumPy casting rules).
    pub fn to_elem<T: crate::array::Elem>(self) -> T {
        match self {
            Scalar::Bool(b) => T::from_bool(b),
            Scalar::Int(i) => T::from_i64(i),
            Scalar::Float(f) => T::from_f64(f),
        }
    }
    fn bits(self) -> (u8, u64) {
        match self {
            Scalar::Bool(b) => (0, b as u64),
            Scalar::Int(i) => (1, i as u64),
            Scalar::Float(f) => (2, f.to_bits()),
        }
    }
}

impl PartialEq for Scalar {
    fn eq(&self, other: &Self) -> bool {
        self.bits() == other.bits()
    }
}
impl Eq for Scalar {}
impl Hash for Scalar {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.bits().hash(state)
    }
}

/// A source that computes any element from its index alone, so any region
/// of it (strided, transposed, broadcast) can be produced directly.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Generator {
    Fill(Scalar),
    /// `start + i * step` along the single base axis (NumPy `arange`).
    Arange {
        start: F64Key,
        step: F64Key,
    },
    /// NumPy `linspace`: `start + i * step`, the last element exactly `stop`
    /// when `endpoint` is set.
    Linspace {
        start: F64Key,
        step: F64Key,
        stop: F64Key,
        num: usize,
        endpoint: bool,
    },
    /// 1 where `col - row == k`.
    Eye {
        k: i64,
    },
    /// NumPy `tri`: 1 where `col - row <= k` (on and below diagonal `k`).
    Tri {
        k: i64,
    },
    Random {
        dist: Distribution,
        key: StreamKey,
    },
}

/// An f64 compared and hashed by its bits, so generators can be interned.
#[derive(Clone, Copy, Debug)]
pub struct F64Key(pub f64);
impl PartialEq for F64Key {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}
impl Eq for F64Key {}
impl Hash for F64Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state)
    }
}

/// How the node's axes map onto the generator's logical ("base") array:
/// base index = `start + i * step` on mapped axes, a fixed index on axes
/// removed by integer indexing; `base: None` is an inserted length-1 axis.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SourceView {
    pub base_shape: Vec<usize>,
    pub axes: Vec<ViewAxis>,
    /// Base axes removed by integer indexing, with their index.
    pub fixed: Vec<(usize, usize)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ViewAxis {
    pub base: Option<usize>,
    pub start: i64,
    pub step: i64,
}

impl SourceView {
    /// The identity view of a base array.
    pub fn identity(shape: &[usize]) -> SourceView {
        SourceView {
            base_shape: shape.to_vec(),
            axes: (0..shape.len()).map(|a| ViewAxis { base: Some(a), start: 0, step: 1 }).collect(),
            fixed: Vec::new(),
        }
    }

    pub fn is_identity(&self) -> bool {
        self.fixed.is_empty()
            && self.axes.len() == self.base_shape.len()
            && self
                .axes
                .iter()
                .enumerate()
                .all(|(i, a)| a.base == Some(i) && a.start == 0 && a.step == 1)
    }
}

/// Row blocks of a mask (lengths along its first axis) and the number of
/// true elements in each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaskCounts {
    pub lens: Vec<usize>,
    pub counts: Vec<usize>,
}

/// One axis of a basic index (`x[2:10:3, 0, None]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AxisSel {
    /// Keeps the axis: elements `start, start+step, ...` (`len` of them).
    Range { start: i64, step: i64, len: usize },
    /// Removes the axis, taking one element.
    Index(usize),
    /// Inserts a new axis of length 1.
    NewAxis,
}

/// What a node computes.
#[derive(Clone, Debug)]
pub enum Op {
    /// Data already in memory (from `array([...])` or a computed result).
    Literal(Arc<ArrayData>),
    /// A 0-d constant (a Python scalar in an expression).
    Scalar(Scalar),
    Generate(Generator, SourceView),
    /// An array in a file, seen through a view (slices and transposes
    /// pushed into it become hyperslab reads; see `io::source`).
    Read(crate::io::source::SourceRef, SourceView),
    Unary(UnaryFn),
    Binary(BinaryFn),
    /// `where(cond, a, b)`
    Where,
    /// `astype`: converts the input to the node's dtype.
    Cast,
    /// Basic indexing; one entry per input axis plus `NewAxis` entries.
    Slice(Vec<AxisSel>),
    /// Broadcasts the input to the node's shape.
    BroadcastTo,
    /// Output axis `i` is input axis `perm[i]`.
    Transpose(Vec<usize>),
    /// C-order reshape to the node's shape.
    Reshape,
    /// Same values, the node's chunk grid.
    Rechunk,
    /// The inputs joined along this axis (inputs already cast to the node's dtype).
    Concat(usize),
    /// `x[mask]` for a boolean mask over x's leading axes (inputs: x, mask).
    /// Holds the number of true elements in each row block of the mask,
    /// counted when the node was built, so the shape is known.
    Mask(Arc<MaskCounts>),
    /// `x[..., indices, ...]`: integer-array indexing along one axis (the
    /// indices were computed and bounds-checked when the index was applied).
    Take {
        axis: usize,
        indices: Arc<Vec<usize>>,
    },
    /// Cumulative sum (`product: false`) or product along an axis.
    Scan {
        axis: usize,
        product: bool,
    },
    Reduce {
        op: ReduceOp,
        axes: Vec<usize>,
        keepdims: bool,
    },
    /// The input sorted along `axis` (NaNs last), or with `arg` the stable
    /// sorting indices (int64). The result has one chunk along `axis`.
    Sort {
        axis: usize,
        arg: bool,
    },
    /// Median or quantiles of the lanes along some axes (see `order.rs`).
    OrderStat(Arc<order::OrderStat>),
    /// A fused elementwise kernel over the node's inputs (made by the optimizer).
    Fused(Arc<crate::exec::kernel::Program>),
    /// Each element of the input looked up in a small concrete table
    /// (`searchsorted`, `digitize`, `isin`); elementwise in shape and chunks.
    Lookup {
        table: Arc<ArrayData>,
        kind: binning::LookupKind,
    },
    /// The inputs' elements counted (or weight-summed) into bins
    /// (`bincount`, `histogram`, `histogram2d`): one small output chunk.
    Bin(Arc<binning::Binning>),
    /// `a @ b` over the last two axes, batch axes broadcast (see `matmul.rs`);
    /// the contraction is summed in blocks of `k_block`, in block order.
    MatMul {
        k_block: usize,
    },
    /// The orthonormal factor (`Q` of `qr`, `U` of `svd`) of the tall
    /// matrix that is its input, recomputed block by block from the TSQR
    /// coefficients it holds (see `linalg::tall_q`).
    TallFactor(Arc<crate::linalg::tall_q::TallFactor>),
}

impl Op {
    pub fn is_elementwise(&self) -> bool {
        matches!(self, Op::Unary(_) | Op::Binary(_) | Op::Where | Op::Cast | Op::Fused(_))
    }

    /// Structural key for interning; `Literal` and `Fused` compare by identity.
    fn key(&self) -> OpKey<'_> {
        OpKey(self)
    }
}

struct OpKey<'a>(&'a Op);

impl PartialEq for OpKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        use Op::*;
        match (self.0, other.0) {
            (Literal(a), Literal(b)) => Arc::ptr_eq(a, b),
            (Scalar(a), Scalar(b)) => a == b,
            (Generate(g1, v1), Generate(g2, v2)) => g1 == g2 && v1 == v2,
            (Read(s1, v1), Read(s2, v2)) => Arc::ptr_eq(s1, s2) && v1 == v2,
            (Unary(a), Unary(b)) => a == b,
            (Binary(a), Binary(b)) => a == b,
            (Where, Where) | (Cast, Cast) | (BroadcastTo, BroadcastTo) => true,
            (Reshape, Reshape) | (Rechunk, Rechunk) => true,
            (Concat(a), Concat(b)) => a == b,
            (Mask(a), Mask(b)) => Arc::ptr_eq(a, b),
            (Take { axis: a, indices: i }, Take { axis: b, indices: j }) => a == b && i == j,
            (Scan { axis: a, product: p }, Scan { axis: b, product: q }) => a == b && p == q,
            (Slice(a), Slice(b)) => a == b,
            (Transpose(a), Transpose(b)) => a == b,
            (
                Reduce { op: o1, axes: a1, keepdims: k1 },
                Reduce { op: o2, axes: a2, keepdims: k2 },
            ) => o1 == o2 && a1 == a2 && k1 == k2,
            (Sort { axis: a, arg: p }, Sort { axis: b, arg: q }) => a == b && p == q,
            (OrderStat(a), OrderStat(b)) => a == b,
            (Fused(a), Fused(b)) => Arc::ptr_eq(a, b),
            (Lookup { table: a, kind: k }, Lookup { table: b, kind: l }) => {
                Arc::ptr_eq(a, b) && k == l
            }
            (Bin(a), Bin(b)) => Arc::ptr_eq(a, b),
            (TallFactor(a), TallFactor(b)) => Arc::ptr_eq(a, b),
            (MatMul { k_block: a }, MatMul { k_block: b }) => a == b,
            _ => false,
        }
    }
}

impl Hash for OpKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        use Op::*;
        std::mem::discriminant(self.0).hash(state);
        match self.0 {
            Literal(a) => (Arc::as_ptr(a) as usize).hash(state),
            Scalar(s) => s.hash(state),
            Generate(g, v) => {
                g.hash(state);
                v.hash(state)
            }
            Read(s, v) => {
                (Arc::as_ptr(s) as *const () as usize).hash(state);
                v.hash(state)
            }
            Unary(f) => f.hash(state),
            Binary(f) => f.hash(state),
            Slice(s) => s.hash(state),
            Transpose(p) => p.hash(state),
            Concat(a) => a.hash(state),
            Mask(c) => (Arc::as_ptr(c) as usize).hash(state),
            Take { axis, indices } => {
                axis.hash(state);
                indices.hash(state)
            }
            Scan { axis, product } => {
                axis.hash(state);
                product.hash(state)
            }
            Reduce { op, axes, keepdims } => {
                op.hash(state);
                axes.hash(state);
                keepdims.hash(state)
            }
            Sort { axis, arg } => {
                axis.hash(state);
                arg.hash(state)
            }
            OrderStat(s) => s.hash(state),
            Fused(p) => (Arc::as_ptr(p) as usize).hash(state),
            Lookup { table, kind } => {
                (Arc::as_ptr(table) as usize).hash(state);
                kind.hash(state)
            }
            Bin(b) => (Arc::as_ptr(b) as usize).hash(state),
            TallFactor(f) => (Arc::as_ptr(f) as usize).hash(state),
            MatMul { k_block } => k_block.hash(state),
            Where | Cast | BroadcastTo | Reshape | Rechunk => {}
        }
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Live nodes by structural hash, and the table size after the last sweep.
type InternTable = Mutex<(usize, HashMap<u64, Vec<Weak<Node>>>)>;

fn intern_table() -> &'static InternTable {
    static TABLE: OnceLock<InternTable> = OnceLock::new();
    TABLE.get_or_init(|| Mutex::new((0, HashMap::new())))
}

/// Every distinct node of the graph under `root` (itself included), each
/// once, in no particular order. Walks by node id: shared subexpressions can
/// make the number of paths exponential.
pub fn graph_nodes(root: &NodeRef) -> Vec<&NodeRef> {
    let mut seen = std::collections::HashSet::from([root.id]);
    let mut stack = vec![root];
    let mut out = Vec::new();
    while let Some(n) = stack.pop() {
        out.push(n);
        stack.extend(n.inputs.iter().filter(|i| seen.insert(i.id)));
    }
    out
}

/// Builds a node, or returns the existing identical one.
pub fn intern(
    op: Op,
    inputs: Vec<NodeRef>,
    shape: Vec<usize>,
    dtype: DType,
    chunks: Chunks,
) -> NodeRef {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    op.key().hash(&mut h);
    for i in &inputs {
        i.id.hash(&mut h);
    }
    shape.hash(&mut h);
    dtype.hash(&mut h);
    chunks.hash(&mut h);
    let hash = h.finish();
    let mut table = intern_table().lock().unwrap_or_else(|e| e.into_inner());
    // Dropped nodes leave dead weak entries; sweep them when the table has
    // doubled since the last sweep, so a long session does not accumulate them.
    if table.0 >= 1024 && table.1.len() >= 2 * table.0 {
        table.1.retain(|_, b| {
            b.retain(|w| w.strong_count() > 0);
            !b.is_empty()
        });
        table.0 = table.1.len().max(1024);
    } else if table.0 < 1024 {
        table.0 = 1024;
    }
    let bucket = table.1.entry(hash).or_default();
    bucket.retain(|w| w.strong_count() > 0);
    for w in bucket.iter() {
        if let Some(n) = w.upgrade()
            && n.op.key() == op.key()
            && n.dtype == dtype
            && n.shape == shape
            && n.chunks == chunks
            && n.inputs.len() == inputs.len()
            && n.inputs.iter().zip(&inputs).all(|(a, b)| Arc::ptr_eq(a, b))
        {
            return n;
        }
    }
    let node = Arc::new(Node {
        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        op,
        inputs,
        shape,
        dtype,
        chunks,
    });
    bucket.push(Arc::downgrade(&node));
    node
}

impl Node {
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }
    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }
    pub fn nbytes(&self) -> u64 {
        self.size() as u64 * self.dtype.size() as u64
    }
    pub fn numblocks(&self) -> Vec<usize> {
        self.chunks.iter().map(|c| c.len()).collect()
    }
    /// The largest chunk length per axis (dask's `chunksize`).
    pub fn chunksize(&self) -> Vec<usize> {
        self.chunks.iter().map(|c| c.iter().copied().max().unwrap_or(0)).collect()
    }
}
