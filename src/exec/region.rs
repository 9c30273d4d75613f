//! Regions: the part of a node's result one task computes.
//!
//! A region is, per axis, the elements `start, start+step, ...` (`len` of
//! them). Steps may be negative (`x[::-1]`) or larger than one
//! (`x[::100]`), so a slice maps a region of its output onto a region of
//! its input without copying anything.

use crate::ir::chunks::offsets;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AxisRange {
    pub start: i64,
    pub step: i64,
    pub len: usize,
}

impl AxisRange {
    pub fn full(len: usize) -> AxisRange {
        AxisRange { start: 0, step: 1, len }
    }

    /// The smallest and largest index covered (None when empty).
    pub fn bounds(&self) -> Option<(i64, i64)> {
        if self.len == 0 {
            return None;
        }
        let last = self.start + (self.len as i64 - 1) * self.step;
        Some((self.start.min(last), self.start.max(last)))
    }
}

pub type Region = Vec<AxisRange>;

pub fn full_region(shape: &[usize]) -> Region {
    shape.iter().map(|&n| AxisRange::full(n)).collect()
}

pub fn region_shape(r: &Region) -> Vec<usize> {
    r.iter().map(|a| a.len).collect()
}

/// The regions of every chunk of a grid, in C order of block index.
pub fn chunk_regions(chunks: &[Vec<usize>]) -> Vec<Region> {
    let per_axis: Vec<Vec<AxisRange>> = chunks
        .iter()
        .map(|c| {
            offsets(c)
                .into_iter()
                .zip(c)
                .map(|(o, &l)| AxisRange { start: o as i64, step: 1, len: l })
                .collect()
        })
        .collect();
    let mut out = vec![Vec::new()];
    for axis in per_axis {
        let mut next = Vec::with_capacity(out.len() * axis.len());
        for r in &out {
            for a in &axis {
                let mut r2 = r.clone();
                r2.push(*a);
                next.push(r2);
            }
        }
        out = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_regions_in_block_order() {
        let r = chunk_regions(&[vec![2, 1], vec![3]]);
        assert_eq!(r.len(), 2);
        assert_eq!(r[1][0], AxisRange { start: 2, step: 1, len: 1 });
        assert_eq!(chunk_regions(&[]), vec![Vec::<AxisRange>::new()]);
    }

    #[test]
    fn bounds_handle_negative_steps() {
        assert_eq!(AxisRange { start: 9, step: -2, len: 3 }.bounds(), Some((5, 9)));
        assert_eq!(AxisRange { start: 0, step: 1, len: 0 }.bounds(), None);
    }
}
