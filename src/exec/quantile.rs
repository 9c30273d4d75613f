//! The arithmetic of one lane's order statistics, step for step as NumPy
//! does it, so results agree bit for bit.
//!
//! NumPy's `median` is the mean of the middle one or two elements
//! (`(lo + hi) / 2` in the result dtype). Its `quantile` computes a
//! virtual index `(n - 1) * q` in the dtype of `q`, reads the two
//! neighbouring order statistics and interpolates with `_lerp`:
//! `a + (b - a) * t`, or `b - (b - a) * (1 - t)` when `t >= 0.5`, where
//! `b - a` is computed in the input dtype (wrapping for integers, as NumPy
//! does). Methods `lower`, `higher`, `nearest` (and `linear` with integer
//! quantiles) read one element and keep the input dtype. A lane holding a
//! NaN gives NaN; with `skip_nan` the NaNs are dropped first and a lane
//! with nothing left gives NaN. Only the needed order statistics are
//! found (by selection, not a full sort) unless many are needed.

use super::elem_ops::Num;
use super::sort::nan_last;
use crate::array::{DType, Elem};
use crate::ir::order::{OrderStat, QuantileMethod, StatKind};

/// More ranks than this and the lane is sorted instead of selected.
const SELECT_LIMIT: usize = 8;

/// Puts the `ranks`-th smallest elements (sorted, distinct) of `lane` in
/// place (NaNs, if any, count as largest).
fn select<T: Num>(lane: &mut [T], ranks: &[usize]) {
    if ranks.len() > SELECT_LIMIT {
        lane.sort_unstable_by(nan_last);
        return;
    }
    let mut lo = 0;
    for &k in ranks {
        lane[lo..].select_nth_unstable_by(k - lo, nan_last);
        lo = k + 1;
    }
}

/// Prepares a lane: with `skip_nan`, moves the non-NaN elements to the
/// front and returns how many there are; otherwise returns `None` when
/// the lane holds a NaN (the result is then NaN), else its length.
fn valid_count<T: Num>(lane: &mut [T], skip_nan: bool) -> Option<usize> {
    if !T::DTYPE.is_float() {
        return Some(lane.len());
    }
    if !skip_nan {
        return (!lane.iter().any(|v| v.is_nan())).then_some(lane.len());
    }
    let mut m = 0;
    for i in 0..lane.len() {
        if !lane[i].is_nan() {
            lane.swap(m, i);
            m += 1;
        }
    }
    Some(m)
}

fn sorted_distinct(mut v: Vec<usize>) -> Vec<usize> {
    v.sort_unstable();
    v.dedup();
    v
}

/// `(n - 1)` in the quantile dtype, as NumPy converts the Python int.
fn last_index<Q: Num>(m: usize) -> Q {
    Q::from_f64((m - 1) as f64)
}

/// Quantiles read directly from the lane (input dtype kept).
pub struct TakePlan {
    qs: Vec<f64>,
    q_dtype: DType,
    method: QuantileMethod,
}

impl TakePlan {
    pub fn new(stat: &OrderStat, chosen: &[usize]) -> TakePlan {
        let StatKind::Quantile { qs, q_dtype, method, .. } = &stat.kind else {
            unreachable!("the median interpolates")
        };
        TakePlan {
            qs: chosen.iter().map(|&i| qs[i].0).collect(),
            q_dtype: *q_dtype,
            method: *method,
        }
    }

    /// The rank NumPy reads for quantile `q` of `m` valid elements.
    fn rank(&self, m: usize, q: f64) -> usize {
        let pos = match self.q_dtype {
            DType::Float32 => self.rounded::<f32>(m, q),
            d if d.is_float() => self.rounded::<f64>(m, q),
            // Integer quantiles (0 or 1): exact.
            _ => (m - 1) as f64 * q,
        };
        (pos.max(0.0) as usize).min(m - 1)
    }

    fn rounded<Q: Num>(&self, m: usize, q: f64) -> f64 {
        let x = last_index::<Q>(m).mul(Q::from_f64(q));
        match self.method {
            QuantileMethod::Lower | QuantileMethod::Linear => x.floor(),
            QuantileMethod::Higher => x.ceil(),
            // np.around: half to even.
            _ => x.rint(),
        }
        .to_f64()
    }

    pub fn lane<T: Num>(&self, lane: &mut [T], skip_nan: bool, out: &mut [T]) {
        let m = match valid_count(lane, skip_nan) {
            Some(m) if m > 0 => m,
            _ => return out.fill(T::from_f64(f64::NAN)),
        };
        let lane = &mut lane[..m];
        let ranks: Vec<usize> = self.qs.iter().map(|&q| self.rank(m, q)).collect();
        select(lane, &sorted_distinct(ranks.clone()));
        for (o, &r) in out.iter_mut().zip(&ranks) {
            *o = lane[r];
        }
    }
}

/// Medians and interpolated quantiles (float result `R`).
pub struct InterpPlan {
    median: bool,
    qs: Vec<f64>,
    q_dtype: DType,
    method: QuantileMethod,
}

/// Where one quantile falls: the two neighbouring ranks and the weight `t`.
struct Neighbours<Q> {
    prev: usize,
    next: usize,
    t: Q,
}

impl InterpPlan {
    pub fn new(stat: &OrderStat, chosen: &[usize]) -> InterpPlan {
        match &stat.kind {
            StatKind::Median => InterpPlan {
                median: true,
                qs: vec![],
                q_dtype: DType::Float64,
                method: QuantileMethod::Linear,
            },
            StatKind::Quantile { qs, q_dtype, method, .. } => InterpPlan {
                median: false,
                qs: chosen.iter().map(|&i| qs[i].0).collect(),
                q_dtype: *q_dtype,
                method: *method,
            },
        }
    }

    /// NumPy's `_get_indexes` and `_get_gamma` for quantile `q` of `m`.
    fn neighbours<Q: Num>(&self, m: usize, q: f64) -> Neighbours<Q> {
        let last = last_index::<Q>(m);
        let x = last.mul(Q::from_f64(q));
        let virtual_index = match self.method {
            QuantileMethod::Midpoint => Q::from_f64(0.5).mul(x.floor().add(x.ceil())),
            _ => x,
        };
        // Past the last element NumPy reads index -1 for both, and the
        // weight is computed against that -1.
        let (prev, next, prev_index) = if virtual_index >= last {
            (m - 1, m - 1, -1.0)
        } else {
            let p = virtual_index.floor().to_f64().max(0.0);
            (p as usize, p as usize + 1, p)
        };
        let t = match self.method {
            QuantileMethod::Midpoint if virtual_index.floor() == virtual_index => Q::from_f64(0.0),
            QuantileMethod::Midpoint => Q::from_f64(0.5),
            _ => Q::from_f64(virtual_index.to_f64() - prev_index),
        };
        Neighbours { prev, next, t }
    }

    pub fn lane<T: Num, R: Num>(&self, lane: &mut [T], skip_nan: bool, out: &mut [R]) {
        let m = match valid_count(lane, skip_nan) {
            Some(m) if m > 0 => m,
            _ => return out.fill(R::from_f64(f64::NAN)),
        };
        let lane = &mut lane[..m];
        if self.median {
            let hi = m / 2;
            let lo = if m % 2 == 0 { hi - 1 } else { hi };
            select(lane, &sorted_distinct(vec![lo, hi]));
            let (a, b) = (to::<T, R>(lane[lo]), to::<T, R>(lane[hi]));
            out[0] = if lo == hi { a } else { a.add(b).div(R::from_f64(2.0)) };
            return;
        }
        match self.q_dtype {
            DType::Float32 => self.quantiles::<T, f32, R>(lane, out),
            _ => self.quantiles::<T, f64, R>(lane, out),
        }
    }

    fn quantiles<T: Num, Q: Num, R: Num>(&self, lane: &mut [T], out: &mut [R]) {
        let m = lane.len();
        let spots: Vec<Neighbours<Q>> = self.qs.iter().map(|&q| self.neighbours(m, q)).collect();
        let ranks = spots.iter().flat_map(|s| [s.prev, s.next]).collect();
        select(lane, &sorted_distinct(ranks));
        for (o, s) in out.iter_mut().zip(&spots) {
            *o = lerp::<T, Q, R>(lane[s.prev], lane[s.next], s.t);
        }
    }
}

fn to<T: Elem, R: Elem>(v: T) -> R {
    R::from_f64(v.to_f64())
}

/// NumPy's `_lerp`: the difference in the input dtype, the rest in the
/// result dtype `R`, with the weight's own dtype `Q` for `1 - t`.
fn lerp<T: Num, Q: Num, R: Num>(a: T, b: T, t: Q) -> R {
    let diff: R = to(b.sub(a));
    if t >= Q::from_f64(0.5) {
        to::<T, R>(b).sub(diff.mul(to(Q::from_f64(1.0).sub(t))))
    } else {
        to::<T, R>(a).add(diff.mul(to(t)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::F64Key;

    fn quantile(qs: &[f64], q_dtype: DType, method: QuantileMethod) -> OrderStat {
        OrderStat {
            kind: StatKind::Quantile {
                qs: qs.iter().map(|&q| F64Key(q)).collect(),
                q_dtype,
                method,
                weak: false,
                leading: true,
            },
            axes: vec![0],
            skip_nan: false,
        }
    }

    #[test]
    fn linear_matches_numpy_lerp() {
        // np.quantile([1., 2., 4., 10.], [0, .25, .5, .9, 1]) -> [1, 1.75, 3, 8.2, 10]
        let stat = quantile(&[0.0, 0.25, 0.5, 0.9, 1.0], DType::Float64, QuantileMethod::Linear);
        let plan = InterpPlan::new(&stat, &[0, 1, 2, 3, 4]);
        let mut lane = [10.0f64, 2.0, 4.0, 1.0];
        let mut out = [0.0f64; 5];
        plan.lane(&mut lane, false, &mut out);
        assert_eq!(out, [1.0, 1.75, 3.0, 10.0 - 6.0 * (1.0 - (0.9 * 3.0 - 2.0)), 10.0]);
    }

    #[test]
    fn median_of_even_lane_is_the_mean_of_the_middle_pair() {
        let stat = OrderStat { kind: StatKind::Median, axes: vec![0], skip_nan: true };
        let plan = InterpPlan::new(&stat, &[0]);
        let mut lane = [f64::NAN, 3.0, 1.0, f64::NAN, 2.0, 8.0];
        let mut out = [0.0f64];
        plan.lane(&mut lane, true, &mut out);
        assert_eq!(out, [2.5]);
        let mut all_nan = [f64::NAN];
        plan.lane(&mut all_nan, true, &mut out);
        assert!(out[0].is_nan());
    }

    #[test]
    fn take_methods_pick_ranks() {
        let stat = quantile(&[0.4], DType::Float64, QuantileMethod::Nearest);
        let plan = TakePlan::new(&stat, &[0]);
        // (5 - 1) * 0.4 = 1.6 -> 2
        let mut lane = [50i64, 10, 40, 20, 30];
        let mut out = [0i64];
        plan.lane(&mut lane, false, &mut out);
        assert_eq!(out, [30]);
    }
}
