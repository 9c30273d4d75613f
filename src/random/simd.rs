//! Which SIMD instruction set the hand-vectorized kernels (Philox here, the
//! float64 `sin`/`cos` of the executor) may use: detected once per process at
//! run time, so one binary runs on any x86-64 (and on other architectures,
//! where only the portable code exists). Every level gives bit-identical
//! results; tests cap the level with [`force_level`] to check that.

/// Instruction sets the kernels can use, in increasing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Portable = 1,
    Avx2 = 2,
    /// AVX-512 F, DQ, VL and BW (Skylake-X and later).
    Avx512 = 3,
}

/// 0 = not yet checked, else the best `Level` the CPU has (or a test's cap).
static LEVEL: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Tests: cap the instruction set (`None` = the CPU's best). Harmless to
/// concurrent tests, since every level gives identical results.
#[cfg(test)]
pub fn force_level(cap: Option<Level>) {
    let v = cap.map_or(0, |l| l.min(detect()) as u8);
    LEVEL.store(v, std::sync::atomic::Ordering::Relaxed);
}

fn detect() -> Level {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::is_x86_feature_detected as has;
        if has!("avx512f") && has!("avx512dq") && has!("avx512vl") && has!("avx512bw") {
            return Level::Avx512;
        }
        if has!("avx2") {
            return Level::Avx2;
        }
    }
    Level::Portable
}

/// The best instruction set the CPU has, cached (checked once per process).
#[inline]
pub fn level() -> Level {
    use std::sync::atomic::Ordering;
    match LEVEL.load(Ordering::Relaxed) {
        1 => Level::Portable,
        2 => Level::Avx2,
        3 => Level::Avx512,
        _ => {
            let l = detect();
            LEVEL.store(l as u8, Ordering::Relaxed);
            l
        }
    }
}
