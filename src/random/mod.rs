//! TEMPORARY stand-in with the final API while the counter-based generator
//! is written (a splitmix hash of (key, index)); replaced wholesale.

use crate::array::DType;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StreamKey {
    pub seed: u64,
    pub stream: u64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Distribution {
    Random,
    Uniform { low: f64, high: f64 },
    StandardNormal,
    Normal { loc: f64, scale: f64 },
    RandInt { low: i64, high: i64 },
    Exponential { scale: f64 },
}
impl Eq for Distribution {}
impl std::hash::Hash for Distribution {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        format!("{self:?}").hash(state)
    }
}
impl Distribution {
    pub fn dtype(&self) -> DType {
        match self {
            Distribution::RandInt { .. } => DType::Int64,
            _ => DType::Float64,
        }
    }
    pub fn name(&self) -> &'static str {
        "random"
    }
}
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e3779b97f4a7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d049bb133111eb);
    z ^ (z >> 31)
}
fn u01(key: StreamKey, i: u64, d: u64) -> f64 {
    let h = mix(mix(mix(key.seed) ^ key.stream) ^ i ^ (d << 60));
    (h >> 11) as f64 / (1u64 << 53) as f64
}
pub fn sample_f64(dist: &Distribution, key: StreamKey, index: u64) -> f64 {
    let u = u01(key, index, 0);
    match *dist {
        Distribution::Random => u,
        Distribution::Uniform { low, high } => low + (high - low) * u,
        Distribution::StandardNormal | Distribution::Normal { .. } => {
            let u2 = u01(key, index, 1);
            let z = (-2.0 * (1.0 - u).ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos();
            match *dist {
                Distribution::Normal { loc, scale } => loc + scale * z,
                _ => z,
            }
        }
        Distribution::RandInt { .. } => sample_i64(dist, key, index) as f64,
        Distribution::Exponential { scale } => -scale * (1.0 - u).ln(),
    }
}
pub fn sample_i64(dist: &Distribution, key: StreamKey, index: u64) -> i64 {
    match *dist {
        Distribution::RandInt { low, high } if high > low => {
            low + ((u01(key, index, 0) * (high - low) as f64) as i64)
        }
        Distribution::RandInt { low, .. } => low,
        _ => sample_f64(dist, key, index) as i64,
    }
}
pub fn fill_f64(dist: &Distribution, key: StreamKey, first: u64, stride: u64, out: &mut [f64]) {
    for (k, o) in out.iter_mut().enumerate() {
        *o = sample_f64(dist, key, first + k as u64 * stride);
    }
}
pub fn fill_i64(dist: &Distribution, key: StreamKey, first: u64, stride: u64, out: &mut [i64]) {
    for (k, o) in out.iter_mut().enumerate() {
        *o = sample_i64(dist, key, first + k as u64 * stride);
    }
}
