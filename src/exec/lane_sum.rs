//! Float sums with bits that do not depend on how the values arrive.
//!
//! Every full float sum of a piece goes through [`LaneSum`]: a reduction
//! summing a stored piece feeds it one slice, a fused kernel summing its
//! output as it computes it (`kernel::run_sum`) feeds it one tile at a
//! time, and both give the same bits.

/// The sum of a sequence of floats fed in slices of any lengths, with the
/// same bits whatever the slicing: element `i` goes to accumulator `i % 8`,
/// the eight combine pairwise, and the last `len % 8` elements are added
/// after them. Eight independent accumulators keep the additions from
/// waiting on each other. Fused kernels feed it tile by tile
/// (`kernel::run_sum`), so a full sum of an expression never stores it.
#[derive(Default)]
pub struct LaneSum {
    acc: [f64; 8],
    /// Elements not yet making a group of eight (fewer than eight).
    pending: [f64; 8],
    n_pending: usize,
}

impl LaneSum {
    pub fn add(&mut self, mut v: &[f64]) {
        if self.n_pending > 0 {
            let take = (8 - self.n_pending).min(v.len());
            self.pending[self.n_pending..self.n_pending + take].copy_from_slice(&v[..take]);
            self.n_pending += take;
            v = &v[take..];
            if self.n_pending < 8 {
                return;
            }
            for (s, x) in self.acc.iter_mut().zip(self.pending) {
                *s += x;
            }
            self.n_pending = 0;
        }
        let (groups, rest) = v.as_chunks::<8>();
        // A local copy of the accumulators, so they stay in registers.
        let mut acc = self.acc;
        for g in groups {
            for (s, x) in acc.iter_mut().zip(g) {
                *s += x;
            }
        }
        self.acc = acc;
        self.pending[..rest.len()].copy_from_slice(rest);
        self.n_pending = rest.len();
    }

    pub fn finish(self) -> f64 {
        let a = self.acc;
        let tail: f64 = self.pending[..self.n_pending].iter().sum();
        ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7])) + tail
    }
}

#[cfg(test)]
mod tests {
    use super::LaneSum;

    /// Sums of the same values fed in different slicings have the same bits.
    #[test]
    fn the_slicing_does_not_change_the_bits() {
        // Values of very different magnitudes, so that any change of the
        // order of the additions changes the rounding.
        let v: Vec<f64> = (0..1237u64)
            .map(|i| {
                let h = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11;
                (h as f64 / (1u64 << 53) as f64 - 0.3) * 10f64.powi((i % 17) as i32 - 8)
            })
            .collect();
        let whole = {
            let mut s = LaneSum::default();
            s.add(&v);
            s.finish()
        };
        for sizes in [&[1usize][..], &[3, 5], &[8], &[7, 9, 2048], &[2048], &[13, 1, 1, 100]] {
            let mut s = LaneSum::default();
            let (mut i, mut k) = (0, 0);
            while i < v.len() {
                let n = sizes[k % sizes.len()].min(v.len() - i);
                s.add(&v[i..i + n]);
                (i, k) = (i + n, k + 1);
            }
            assert_eq!(s.finish().to_bits(), whole.to_bits(), "slices of {sizes:?}");
        }
        // Element i goes to accumulator i % 8; the tail of 1237 % 8 = 5
        // elements is added last.
        let mut acc = [0.0f64; 8];
        for (i, x) in v[..1232].iter().enumerate() {
            acc[i % 8] += x;
        }
        let tail: f64 = v[1232..].iter().sum();
        let want = ((acc[0] + acc[1]) + (acc[2] + acc[3]))
            + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
            + tail;
        assert_eq!(whole.to_bits(), want.to_bits());
    }
}
