//! Arrays whose elements live in a file: the one interface the executor
//! reads them through.
//!
//! A file format (`.npy`, HDF5, Zarr) implements [`ArraySource`]: its
//! dtype, shape, storage chunks and a hyperslab read. The IR holds a source
//! as `Op::Read(source, view)`, where the [`SourceView`] is the same affine
//! map from the node's axes to the file's axes that generators use — so the
//! optimizer's slice and transpose pushdown composes into the view, and a
//! slice of a file-backed array reads only the hyperslabs it needs
//! ([`read_region`]). Reads happen on worker threads; a format whose
//! library is not thread-safe serialises them itself.

use crate::array::{ArrayData, DType, Elem};
use crate::diag::{Diagnostic, ErrorKind};
use crate::exec::region::Region;
use crate::ir::SourceView;
use crate::with_data;
use ndarray::{Axis, IxDyn};
use std::fmt;
use std::sync::Arc;

/// Elements `start, start + step, …` (`count` of them) along one axis of
/// the file's array; `step` is at least 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hyperslab {
    pub start: usize,
    pub step: usize,
    pub count: usize,
}

/// An array stored in a file.
pub trait ArraySource: Send + Sync + fmt::Debug {
    /// What the source is, for `explain`, plans and error messages:
    /// e.g. `npy data/x.npy` or `hdf5 data/w.h5:/t2m`.
    fn describe(&self) -> String;
    fn dtype(&self) -> DType;
    fn shape(&self) -> &[usize];
    /// The chunk shape the file stores (what reads are cheapest in), if any.
    fn storage_chunks(&self) -> Option<Vec<usize>> {
        None
    }
    /// Reads one hyperslab (an entry per file axis) as a C-order array
    /// whose shape is the counts.
    fn read(&self, slab: &[Hyperslab]) -> Result<ArrayData, String>;
}

/// A shared source; compared by identity when the IR interns nodes.
pub type SourceRef = Arc<dyn ArraySource>;

/// The error of a failed read, naming the source.
pub fn read_error(source: &dyn ArraySource, message: &str) -> Diagnostic {
    Diagnostic::global(ErrorKind::Io, format!("reading {}: {message}", source.describe()))
}

/// Computes `region` of a node that shows `source` through `view`: one
/// hyperslab read of the file, then the view's reversals, dropped
/// (integer-indexed) axes, permutation and inserted axes applied in memory.
pub fn read_region(
    source: &dyn ArraySource,
    view: &SourceView,
    region: &Region,
) -> Result<ArrayData, Diagnostic> {
    let nbase = view.base_shape.len();
    let mut slab = vec![Hyperslab { start: 0, step: 1, count: 1 }; nbase];
    let mut reversed = vec![false; nbase];
    for &(axis, index) in &view.fixed {
        slab[axis] = Hyperslab { start: index, step: 1, count: 1 };
    }
    // Node axes that map to a file axis, in node order.
    let mut mapped = Vec::new();
    for (j, va) in view.axes.iter().enumerate() {
        let Some(ax) = va.base else { continue };
        let r = region[j];
        let first = va.start + va.step * r.start;
        let step = va.step * r.step;
        let count = r.len;
        let (start, step) = if count == 0 {
            (0, 1)
        } else if step >= 0 {
            (first, step.max(1))
        } else {
            // Read forwards from the last element and reverse in memory.
            reversed[ax] = true;
            (first + step * (count as i64 - 1), -step)
        };
        slab[ax] = Hyperslab { start: start as usize, step: step as usize, count };
        mapped.push(ax);
    }
    let data = source.read(&slab).map_err(|m| read_error(source, &m))?;
    if data.shape() != slab.iter().map(|s| s.count).collect::<Vec<_>>().as_slice() {
        return Err(read_error(source, "the file returned a block of the wrong shape"));
    }
    let out_shape: Vec<usize> = region.iter().map(|r| r.len).collect();
    Ok(with_data!(data, a, T => {
        let mut a = a;
        for (ax, &rev) in reversed.iter().enumerate() {
            if rev {
                a.invert_axis(Axis(ax));
            }
        }
        // Drop the integer-indexed axes (highest first so indices stay valid).
        let mut fixed: Vec<usize> = view.fixed.iter().map(|&(ax, _)| ax).collect();
        fixed.sort_unstable();
        for &ax in fixed.iter().rev() {
            a.index_axis_inplace(Axis(ax), 0);
        }
        // Remaining file axes, renumbered, then permuted into node order.
        let remaining: Vec<usize> = (0..nbase).filter(|ax| !fixed.contains(ax)).collect();
        let perm: Vec<usize> = mapped
            .iter()
            .map(|ax| remaining.iter().position(|r| r == ax).expect("mapped axis remains"))
            .collect();
        let a = a.permuted_axes(IxDyn(&perm));
        let a = if a.is_standard_layout() { a } else { a.as_standard_layout().into_owned() };
        T::wrap(a.into_shape_with_order(IxDyn(&out_shape)).expect("same element count"))
    }))
}

/// The chunks a file-backed array gets when the user gives none: the
/// file's storage chunks, grown by whole multiples (doubling the shortest
/// axis that is not yet whole) while a chunk stays within the `"auto"`
/// byte target — so each arr chunk reads whole storage chunks, and tiny
/// storage chunks do not become millions of tasks. Without storage chunks,
/// `"auto"`.
pub fn default_chunks(source: &dyn ArraySource) -> crate::ir::chunks::Chunks {
    use crate::ir::chunks::{self, AxisChunks, ChunkSpec};
    let shape = source.shape();
    let itemsize = source.dtype().size();
    let Some(storage) = source.storage_chunks().filter(|s| s.len() == shape.len()) else {
        let spec = ChunkSpec::Uniform(AxisChunks::Auto);
        return chunks::normalize(&spec, shape, itemsize).unwrap_or_else(|_| chunks::single(shape));
    };
    let mut size: Vec<usize> =
        storage.iter().zip(shape).map(|(&c, &n)| c.clamp(1, n.max(1))).collect();
    let target = chunks::auto_chunk_bytes();
    let bytes = |s: &[usize]| s.iter().product::<usize>().saturating_mul(itemsize);
    loop {
        let grow = (0..shape.len()).filter(|&a| size[a] < shape[a]).min_by_key(|&a| size[a]);
        let Some(a) = grow else { break };
        let mut next = size.clone();
        next[a] = (size[a] * 2).min(shape[a].div_ceil(storage[a].max(1)) * storage[a].max(1));
        if bytes(&next) > target {
            break;
        }
        size = next;
    }
    // A grown length past the axis end is the whole axis.
    size.iter().zip(shape).map(|(&s, &n)| chunks::regular(n, s.min(n.max(1)))).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::sync::Mutex;

    /// An in-memory stand-in for a file: records every hyperslab read and
    /// can be told to fail.
    #[derive(Debug)]
    pub struct MemorySource {
        pub data: ndarray::ArrayD<f64>,
        pub reads: Mutex<Vec<Vec<Hyperslab>>>,
        pub fail: bool,
    }

    impl MemorySource {
        pub fn new(data: ndarray::ArrayD<f64>) -> Arc<MemorySource> {
            Arc::new(MemorySource { data, reads: Mutex::new(Vec::new()), fail: false })
        }
        pub fn elements_read(&self) -> usize {
            let reads = self.reads.lock().unwrap();
            reads.iter().map(|s| s.iter().map(|h| h.count).product::<usize>()).sum()
        }
    }

    impl ArraySource for MemorySource {
        fn describe(&self) -> String {
            "memory test source".into()
        }
        fn dtype(&self) -> DType {
            DType::Float64
        }
        fn shape(&self) -> &[usize] {
            self.data.shape()
        }
        fn read(&self, slab: &[Hyperslab]) -> Result<ArrayData, String> {
            if self.fail {
                return Err("disk on fire".into());
            }
            self.reads.lock().unwrap().push(slab.to_vec());
            let view = self.data.slice_each_axis(|ax| {
                let h = slab[ax.axis.index()];
                let end = if h.count == 0 { h.start } else { h.start + h.step * (h.count - 1) + 1 };
                ndarray::Slice::new(h.start as isize, Some(end as isize), h.step as isize)
            });
            Ok(ArrayData::F64(view.to_owned()))
        }
    }

    #[test]
    fn a_view_reads_one_hyperslab_and_rearranges_it() {
        let data = ndarray::Array::from_shape_fn((4, 5), |(i, j)| (10 * i + j) as f64).into_dyn();
        let src = MemorySource::new(data);
        // Node axes: (file axis 1 reversed from 4, file axis 0 from 1 by 2), file axes swapped.
        let view = SourceView {
            base_shape: vec![4, 5],
            axes: vec![
                crate::ir::ViewAxis { base: Some(1), start: 4, step: -1 },
                crate::ir::ViewAxis { base: None, start: 0, step: 1 },
                crate::ir::ViewAxis { base: Some(0), start: 1, step: 2 },
            ],
            fixed: vec![],
        };
        use crate::exec::region::AxisRange;
        let region = vec![
            AxisRange { start: 1, step: 1, len: 3 },
            AxisRange { start: 0, step: 1, len: 1 },
            AxisRange { start: 0, step: 1, len: 2 },
        ];
        let out = read_region(src.as_ref(), &view, &region).unwrap();
        let ArrayData::F64(a) = out else { panic!("dtype") };
        assert_eq!(a.shape(), &[3, 1, 2]);
        // Row k: file column 3-k, file rows 1 and 3.
        let want = [13.0, 33.0, 12.0, 32.0, 11.0, 31.0];
        assert_eq!(a.iter().copied().collect::<Vec<_>>(), want);
        let reads = src.reads.lock().unwrap();
        assert_eq!(reads.len(), 1);
        assert_eq!(
            reads[0],
            vec![
                Hyperslab { start: 1, step: 2, count: 2 },
                Hyperslab { start: 1, step: 1, count: 3 }
            ]
        );
    }

    #[test]
    fn a_fixed_axis_is_read_as_one_element_and_dropped() {
        let data = ndarray::Array::from_shape_fn((3, 4), |(i, j)| (10 * i + j) as f64).into_dyn();
        let src = MemorySource::new(data);
        let view = SourceView {
            base_shape: vec![3, 4],
            axes: vec![crate::ir::ViewAxis { base: Some(1), start: 0, step: 1 }],
            fixed: vec![(0, 2)],
        };
        let region = vec![crate::exec::region::AxisRange { start: 1, step: 2, len: 2 }];
        let ArrayData::F64(a) = read_region(src.as_ref(), &view, &region).unwrap() else {
            panic!("dtype")
        };
        assert_eq!(a.iter().copied().collect::<Vec<_>>(), vec![21.0, 23.0]);
        assert_eq!(src.elements_read(), 2);
    }

    #[test]
    fn slices_and_transposes_of_a_file_array_are_pushed_into_the_read() {
        use crate::ir::{AxisSel, build};
        let data = ndarray::Array::from_shape_fn((6, 8), |(i, j)| (10 * i + j) as f64).into_dyn();
        let src = MemorySource::new(data);
        let x = build::read(src.clone(), vec![vec![3, 3], vec![4, 4]]);
        let t = build::transpose(&x, vec![1, 0]).unwrap();
        // x.T[1:7:3, 4] = x[4, 1:7:3] = [41, 44]
        let sel = vec![AxisSel::Range { start: 1, step: 3, len: 2 }, AxisSel::Index(4)];
        let y = crate::optimize::optimize(&build::slice(&t, sel).unwrap());
        assert!(matches!(y.op, crate::ir::Op::Read(..)), "pushed into the source: {:?}", y.op);
        let ctx = crate::exec::Ctx::new(Arc::new(std::sync::atomic::AtomicBool::new(false)));
        let ArrayData::F64(a) = crate::exec::compute(&y, &ctx).unwrap() else { panic!() };
        assert_eq!(a.iter().copied().collect::<Vec<_>>(), vec![41.0, 44.0]);
        assert_eq!(src.elements_read(), 2, "only the selected elements are read");
    }

    /// A source that only has a shape and storage chunks.
    #[derive(Debug)]
    struct Chunked(Vec<usize>, Vec<usize>);

    impl ArraySource for Chunked {
        fn describe(&self) -> String {
            "chunked".into()
        }
        fn dtype(&self) -> DType {
            DType::Float64
        }
        fn shape(&self) -> &[usize] {
            &self.0
        }
        fn storage_chunks(&self) -> Option<Vec<usize>> {
            Some(self.1.clone())
        }
        fn read(&self, _: &[Hyperslab]) -> Result<ArrayData, String> {
            Err("no data".into())
        }
    }

    #[test]
    fn default_chunks_are_whole_multiples_of_the_storage_chunks() {
        let target = crate::ir::chunks::auto_chunk_bytes();
        // (1000, 100) float64 chunks are 800 KB: grown along the split axis.
        let c = default_chunks(&Chunked(vec![1_000_000, 100], vec![1000, 100]));
        assert_eq!(c[1], vec![100]);
        assert!(
            c[0][0].is_multiple_of(1000)
                && c[0][0] * 100 * 8 <= target
                && c[0][0] * 200 * 8 > target
        );
        // Tiny storage chunks of a small array: the whole array.
        assert_eq!(default_chunks(&Chunked(vec![5, 7], vec![2, 3])), vec![vec![5], vec![7]]);
        // Storage chunks larger than the target are kept.
        let c = default_chunks(&Chunked(vec![4000, 4000], vec![2000, 2000]));
        assert_eq!(c, vec![vec![2000, 2000], vec![2000, 2000]]);
    }

    #[test]
    fn a_failed_read_is_an_io_error_naming_the_source() {
        let src = MemorySource {
            data: ndarray::ArrayD::zeros(IxDyn(&[2])),
            reads: Mutex::new(Vec::new()),
            fail: true,
        };
        let view = SourceView::identity(&[2]);
        let region = vec![crate::exec::region::AxisRange { start: 0, step: 1, len: 2 }];
        let e = read_region(&src, &view, &region).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Io);
        assert!(e.message.contains("memory test source") && e.message.contains("disk on fire"));
    }
}
