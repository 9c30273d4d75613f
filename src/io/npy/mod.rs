//! NumPy `.npy` files: read lazily as an [`ArraySource`](super::source::ArraySource)
//! ([`NpySource`], `read.rs`) and written by streaming chunks into place
//! (`write.rs`), with the header exactly as `np.save` writes it
//! (`header.rs`) and the element bytes in either byte order (`codec.rs`).
//!
//! Both directions address the file as runs: a hyperslab of a C-order
//! array is contiguous along its innermost axis that is not covered whole
//! together with every axis after it, so a chunk spanning whole trailing
//! axes is one positioned read or write.

mod codec;
pub mod header;
mod read;
mod write;

pub use read::NpySource;
pub use write::{save, write_bytes};

use crate::io::source::Hyperslab;

/// Calls `f(first, run, inner)` for every run of `slab` in C order of the
/// file: `first` is the element offset where the run starts, `run` the
/// slab of the run axis (the innermost axis not read whole; axis 0 when
/// all are) and `inner` the elements per step along it (the product of
/// the later axes). A 0-d array is one run of one element.
pub(crate) fn for_each_run<E>(
    shape: &[usize],
    slab: &[Hyperslab],
    mut f: impl FnMut(usize, Hyperslab, usize) -> Result<(), E>,
) -> Result<(), E> {
    let nd = shape.len();
    if nd == 0 {
        return f(0, Hyperslab { start: 0, step: 1, count: 1 }, 1);
    }
    if slab.iter().any(|h| h.count == 0) {
        return Ok(());
    }
    let whole = |a: usize| slab[a].start == 0 && slab[a].step == 1 && slab[a].count == shape[a];
    let mut k = nd - 1;
    while k > 0 && whole(k) {
        k -= 1;
    }
    let strides: Vec<usize> = (0..nd).map(|a| shape[a + 1..].iter().product()).collect();
    let mut index = vec![0usize; k];
    loop {
        let base: usize =
            (0..k).map(|a| (slab[a].start + slab[a].step * index[a]) * strides[a]).sum();
        f(base + slab[k].start * strides[k], slab[k], strides[k])?;
        // The next index of the outer axes, in C order.
        let mut a = k;
        loop {
            if a == 0 {
                return Ok(());
            }
            a -= 1;
            index[a] += 1;
            if index[a] < slab[a].count {
                break;
            }
            index[a] = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(shape: &[usize], slab: &[(usize, usize, usize)]) -> Vec<(usize, usize)> {
        let slab: Vec<Hyperslab> =
            slab.iter().map(|&(start, step, count)| Hyperslab { start, step, count }).collect();
        let mut out = Vec::new();
        for_each_run(shape, &slab, |first, run, inner| {
            out.push((first, run.count * inner));
            Ok::<(), ()>(())
        })
        .unwrap();
        out
    }

    #[test]
    fn whole_trailing_axes_make_one_run() {
        assert_eq!(runs(&[4, 5, 6], &[(1, 1, 2), (0, 1, 5), (0, 1, 6)]), vec![(30, 60)]);
        assert_eq!(runs(&[4, 5], &[(0, 1, 4), (0, 1, 5)]), vec![(0, 20)]);
        assert_eq!(runs(&[], &[]), vec![(0, 1)]);
        assert_eq!(runs(&[3, 0], &[(0, 1, 3), (0, 1, 0)]), vec![]);
    }

    #[test]
    fn a_partial_inner_axis_gives_a_run_per_outer_index() {
        // Rows 1..3, columns 2..5 of a 4x6 array.
        assert_eq!(runs(&[4, 6], &[(1, 1, 2), (2, 1, 3)]), vec![(8, 3), (14, 3)]);
        // Every other row, whole rows: the run axis is the row axis.
        assert_eq!(runs(&[4, 6], &[(0, 2, 2), (0, 1, 6)]), vec![(0, 12)]);
    }
}
