//! Index vectors for sampling from a population — `choice`, `permutation`,
//! `permuted` — drawn from the same counter-based streams as random arrays:
//! draw `i` of an algorithm is element `i` of its stream, so the result is a
//! pure function of the key, whatever the chunking or thread count. They run
//! on the calling thread; the callers cap their size.

use super::{Distribution, StreamKey, fill_f64, sample_i64};
use std::collections::HashMap;

/// Below this population size a dense Fisher–Yates table is cheaper than the
/// sparse one (both give the same values).
const DENSE_LIMIT: u64 = 1 << 16;

/// The first `k` entries of a uniformly random permutation of `0..n`: a
/// partial Fisher–Yates shuffle whose step `i` swaps position `i` with a
/// uniform position in `i..n`, drawn (exactly uniform) as element `base + i`
/// of the stream. `k == n` gives a whole permutation. For a large `n` the
/// positions swapped so far are kept in a map, so memory is O(k).
/// `k` must not exceed `n`.
pub fn shuffled_prefix(key: StreamKey, base: u64, n: u64, k: usize) -> Vec<u64> {
    debug_assert!(k as u64 <= n);
    let draw = |i: u64| {
        // Populations come from i64 lengths, so `n - i` fits.
        let span = (n - i).min(i64::MAX as u64) as i64;
        i + sample_i64(&Distribution::RandInt { low: 0, high: span }, key, base.wrapping_add(i))
            as u64
    };
    if n <= DENSE_LIMIT.max(4 * k as u64) {
        let mut v: Vec<u64> = (0..n).collect();
        for i in 0..k {
            let j = draw(i as u64) as usize;
            v.swap(i, j);
        }
        v.truncate(k);
        return v;
    }
    let mut moved: HashMap<u64, u64> = HashMap::with_capacity(k);
    let mut out = Vec::with_capacity(k);
    for i in 0..k as u64 {
        let j = draw(i);
        let at_i = moved.get(&i).copied().unwrap_or(i);
        let at_j = moved.get(&j).copied().unwrap_or(j);
        out.push(at_j);
        moved.insert(j, at_i);
    }
    out
}

/// `count` independent draws from `0..cdf.len()` with the probabilities whose
/// running sum is `cdf` (ending at 1): NumPy's inverse-CDF method, where a
/// uniform draw `u` picks the first `k` with `u < cdf[k]` (so entries of
/// probability 0 are never picked).
pub fn weighted_with_replacement(key: StreamKey, cdf: &[f64], count: usize) -> Vec<u64> {
    let mut u = vec![0.0; count];
    fill_f64(&Distribution::Random, key, 0, 1, &mut u);
    let last = cdf.len().saturating_sub(1);
    u.iter().map(|&u| cdf.partition_point(|&c| c <= u).min(last) as u64).collect()
}

/// `k` distinct draws from `0..p.len()` in the order of successive sampling:
/// each next item is drawn with probability proportional to `p` among those
/// not drawn yet. Efraimidis–Spirakis: item `j` gets the key `E_j / p_j`
/// (`E_j` standard exponential, element `j` of the stream), and the `k`
/// smallest keys, in ascending order, have exactly that distribution. The
/// caller makes sure at least `k` entries of `p` are positive.
pub fn weighted_without_replacement(key: StreamKey, p: &[f64], k: usize) -> Vec<u64> {
    let mut e = vec![0.0; p.len()];
    fill_f64(&Distribution::Exponential { scale: 1.0 }, key, 0, 1, &mut e);
    let keys: Vec<f64> =
        e.iter().zip(p).map(|(&e, &p)| if p > 0.0 { e / p } else { f64::INFINITY }).collect();
    // Ties (practically impossible) break by index, so the order is total.
    let order = |a: &u64, b: &u64| keys[*a as usize].total_cmp(&keys[*b as usize]).then(a.cmp(b));
    let mut idx: Vec<u64> = (0..p.len() as u64).collect();
    if k < idx.len() && k > 0 {
        idx.select_nth_unstable_by(k - 1, order);
    }
    idx.truncate(k);
    idx.sort_unstable_by(order);
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: StreamKey = StreamKey { seed: 7, stream: 3 };

    #[test]
    fn shuffled_prefix_is_a_permutation_and_dense_equals_sparse() {
        let mut p = shuffled_prefix(KEY, 0, 1000, 1000);
        p.sort_unstable();
        assert_eq!(p, (0..1000).collect::<Vec<_>>());
        // The sparse path (huge n) and the dense path give the same prefix.
        let n = DENSE_LIMIT * 4;
        let dense = shuffled_prefix(KEY, 5, n, n as usize)[..10].to_vec();
        let sparse = shuffled_prefix(KEY, 5, n, 10);
        assert_eq!(dense, sparse);
        assert_eq!(shuffled_prefix(KEY, 0, 0, 0), Vec::<u64>::new());
    }

    #[test]
    fn weighted_draws_follow_the_probabilities() {
        let p = [0.1, 0.0, 0.6, 0.3];
        let mut cdf = vec![0.0; 4];
        let mut s = 0.0;
        for (c, &q) in cdf.iter_mut().zip(&p) {
            s += q;
            *c = s;
        }
        let draws = weighted_with_replacement(KEY, &cdf, 100_000);
        let mut counts = [0usize; 4];
        for d in draws {
            counts[d as usize] += 1;
        }
        assert_eq!(counts[1], 0);
        for (c, q) in counts.iter().zip(p) {
            assert!((*c as f64 / 1e5 - q).abs() < 0.01, "{counts:?}");
        }
        let w = weighted_without_replacement(KEY, &p, 3);
        let mut sorted = w.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 2, 3]);
    }
}
