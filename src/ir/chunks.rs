//! Chunk grids: per axis, the list of chunk lengths.
//!
//! This owns how a user's `chunks=` becomes a grid (an int, a tuple, explicit
//! lengths, `-1`/`None` for a whole axis, `"auto"` with a byte target), and
//! how grids follow an array through slicing and reductions.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Per axis, the chunk lengths (they sum to the axis length).
pub type Chunks = Vec<Vec<usize>>;

/// The byte size `chunks="auto"` aims for. Smaller than dask's 128 MiB:
/// arr's executor streams many chunks per thread and fuses whole
/// expressions per chunk, so a few MiB keeps the working set in cache.
pub const AUTO_CHUNK_BYTES: usize = 8 << 20;

/// The byte target `"auto"` uses now: [`AUTO_CHUNK_BYTES`] unless changed.
static AUTO_TARGET: AtomicUsize = AtomicUsize::new(AUTO_CHUNK_BYTES);

/// Changes the `"auto"` chunk byte target for the whole process (grids
/// already built keep theirs). The parity tests set it tiny so that small
/// arrays are split into many chunks and every builtin's multi-chunk path
/// runs; a host can also tune it to its cache sizes.
pub fn set_auto_chunk_bytes(bytes: usize) {
    AUTO_TARGET.store(bytes.max(1), Ordering::Relaxed);
}

/// The current `"auto"` chunk byte target.
pub fn auto_chunk_bytes() -> usize {
    AUTO_TARGET.load(Ordering::Relaxed)
}

/// The most blocks one array may have.
pub const MAX_BLOCKS: usize = 10_000_000;

/// A user's chunk request for one axis.
#[derive(Clone, Debug, PartialEq)]
pub enum AxisChunks {
    /// Regular chunks of this length (the last may be shorter).
    Size(usize),
    /// The whole axis in one chunk (`-1` or `None`).
    Full,
    /// Let arr choose (`"auto"`).
    Auto,
    /// Explicit lengths, which must sum to the axis length.
    Explicit(Vec<usize>),
}

/// A user's whole `chunks=` request.
#[derive(Clone, Debug, PartialEq)]
pub enum ChunkSpec {
    Auto,
    PerAxis(Vec<AxisChunks>),
    /// One size for every axis (`chunks=1000`).
    Uniform(AxisChunks),
}

/// Regular chunks of `size` over an axis of length `len`.
pub fn regular(len: usize, size: usize) -> Vec<usize> {
    if len == 0 {
        return vec![0];
    }
    let size = size.max(1);
    let mut out = vec![size; len / size];
    if !len.is_multiple_of(size) {
        out.push(len % size);
    }
    out
}

/// Start offset of each chunk along an axis.
pub fn offsets(lengths: &[usize]) -> Vec<usize> {
    let mut acc = 0;
    lengths
        .iter()
        .map(|&l| {
            let o = acc;
            acc += l;
            o
        })
        .collect()
}

/// One chunk per axis covering the whole array.
pub fn single(shape: &[usize]) -> Chunks {
    shape.iter().map(|&n| vec![n]).collect()
}

/// Chunks that are contiguous in a C-order file, for `"auto"` on a file
/// read: whole trailing axes while they fit in the auto byte target, then
/// as many steps of the next axis as fit, and single steps of the axes
/// before it. Each chunk is then one run of the file.
pub fn c_order(shape: &[usize], itemsize: usize) -> Chunks {
    let target = (auto_chunk_bytes() / itemsize.max(1)).max(1);
    let mut out = vec![Vec::new(); shape.len()];
    let mut inner = 1usize;
    let mut split = false;
    for a in (0..shape.len()).rev() {
        let n = shape[a];
        out[a] = if split {
            regular(n, 1)
        } else if inner.saturating_mul(n) <= target {
            inner = inner.saturating_mul(n.max(1));
            regular(n, n.max(1))
        } else {
            split = true;
            regular(n, (target / inner).max(1))
        };
    }
    out
}

/// Chooses near-square chunks of about `target_bytes` for the `auto` axes,
/// given fixed lengths for the others.
fn auto_sizes(
    shape: &[usize],
    fixed: &[Option<usize>],
    itemsize: usize,
    target_bytes: usize,
) -> Vec<usize> {
    let mut budget = (target_bytes / itemsize.max(1)).max(1) as f64;
    let mut sizes: Vec<Option<usize>> = fixed.to_vec();
    for (a, s) in sizes.iter().enumerate() {
        if let Some(s) = s {
            budget /= (*s).min(shape[a]).max(1) as f64;
        }
    }
    // Axes shorter than their fair share take the whole axis; repeat until
    // the remaining share is stable.
    loop {
        let free: Vec<usize> = (0..shape.len()).filter(|&a| sizes[a].is_none()).collect();
        if free.is_empty() {
            break;
        }
        let share = budget.max(1.0).powf(1.0 / free.len() as f64);
        let mut changed = false;
        for &a in &free {
            if (shape[a] as f64) <= share {
                sizes[a] = Some(shape[a].max(1));
                budget /= shape[a].max(1) as f64;
                changed = true;
            }
        }
        if !changed {
            for &a in &free {
                sizes[a] = Some((share.floor() as usize).clamp(1, shape[a].max(1)));
            }
            break;
        }
    }
    sizes.into_iter().map(|s| s.unwrap_or(1)).collect()
}

/// Turns a chunk request into a grid for `shape`; `Err` explains a bad request.
pub fn normalize(spec: &ChunkSpec, shape: &[usize], itemsize: usize) -> Result<Chunks, String> {
    let per_axis: Vec<AxisChunks> = match spec {
        ChunkSpec::Auto => vec![AxisChunks::Auto; shape.len()],
        ChunkSpec::Uniform(c) => vec![c.clone(); shape.len()],
        ChunkSpec::PerAxis(v) => {
            if v.len() != shape.len() {
                return Err(format!(
                    "chunks has {} entries but the array has {} dimensions (shape {:?})",
                    v.len(),
                    shape.len(),
                    shape
                ));
            }
            v.clone()
        }
    };
    let fixed: Vec<Option<usize>> = per_axis
        .iter()
        .zip(shape)
        .map(|(c, &n)| match c {
            AxisChunks::Size(s) => Some(*s),
            AxisChunks::Full => Some(n),
            AxisChunks::Explicit(v) => v.iter().copied().max(),
            AxisChunks::Auto => None,
        })
        .collect();
    let auto = auto_sizes(shape, &fixed, itemsize, auto_chunk_bytes());
    // Refuse grids too large to plan (and to hold as lists of lengths).
    let blocks: f64 = shape
        .iter()
        .zip(fixed.iter().zip(&auto))
        .map(|(&n, (f, &a))| (n as f64 / f.unwrap_or(a).max(1) as f64).ceil().max(1.0))
        .product();
    if blocks > MAX_BLOCKS as f64 {
        return Err(format!(
            "these chunks would split the array into {blocks:.3e} blocks, more than arr plans ({MAX_BLOCKS}); \
             use larger chunks"
        ));
    }
    let mut out = Vec::with_capacity(shape.len());
    for (a, (c, &n)) in per_axis.iter().zip(shape).enumerate() {
        out.push(match c {
            AxisChunks::Size(0) => return Err("chunk sizes must be positive".into()),
            AxisChunks::Size(s) => regular(n, *s),
            AxisChunks::Full => regular(n, n.max(1)),
            AxisChunks::Auto => regular(n, auto[a]),
            AxisChunks::Explicit(v) => {
                let total: usize = v.iter().sum();
                if total != n {
                    return Err(format!(
                        "explicit chunks {v:?} for axis {a} sum to {total}, but the axis has length {n}"
                    ));
                }
                if v.is_empty() {
                    vec![0]
                } else {
                    v.clone()
                }
            }
        });
    }
    Ok(out)
}

/// Splits chunks that broadcasting made too big: when one chunk would hold
/// more than four times the auto target, the axes that are still whole get
/// auto-sized (axes already split keep their grid). `(7000,1,3) - (1,7000,3)`
/// otherwise becomes a single 1.2 GB chunk.
pub fn fit(chunks: Chunks, shape: &[usize], itemsize: usize) -> Chunks {
    let elems: usize = chunks.iter().map(|c| c.iter().copied().max().unwrap_or(0)).product();
    if elems.saturating_mul(itemsize) <= 4 * auto_chunk_bytes() {
        return chunks;
    }
    let fixed: Vec<Option<usize>> =
        chunks.iter().map(|c| if c.len() > 1 { c.iter().copied().max() } else { None }).collect();
    let sizes = auto_sizes(shape, &fixed, itemsize, auto_chunk_bytes());
    chunks
        .into_iter()
        .zip(shape)
        .zip(sizes)
        .map(|((c, &n), s)| if c.len() > 1 { c } else { regular(n, s) })
        .collect()
}

/// A grid whose `axis` is one whole chunk (a sort or order statistic needs
/// whole lanes): the other axes keep their lengths unless a chunk would
/// exceed four times the auto target, in which case they are auto-sized
/// around the whole axis (never coarser than they were).
pub fn with_whole_axis(
    mut chunks: Chunks,
    shape: &[usize],
    axis: usize,
    itemsize: usize,
) -> Chunks {
    let elems: usize = chunks.iter().map(|c| c.iter().copied().max().unwrap_or(0)).product();
    if elems.saturating_mul(itemsize) <= 4 * AUTO_CHUNK_BYTES {
        return chunks;
    }
    let fixed: Vec<Option<usize>> =
        (0..shape.len()).map(|a| (a == axis).then_some(shape[a])).collect();
    let sizes = auto_sizes(shape, &fixed, itemsize, AUTO_CHUNK_BYTES);
    for (a, c) in chunks.iter_mut().enumerate() {
        let current = c.iter().copied().max().unwrap_or(0);
        if a != axis && sizes[a] < current {
            *c = regular(shape[a], sizes[a]);
        }
    }
    chunks
}

/// Chunk lengths after taking `len` elements `start, start+step, ...`
/// from an axis chunked as `lengths` (empty chunks are dropped, as dask does).
pub fn slice_axis(lengths: &[usize], start: i64, step: i64, len: usize) -> Vec<usize> {
    if len == 0 {
        return vec![0];
    }
    let offs = offsets(lengths);
    let mut out: Vec<usize> = Vec::new();
    let mut last_chunk = usize::MAX;
    for k in 0..len {
        let idx = (start + k as i64 * step) as usize;
        // Chunk containing idx: offsets are sorted.
        let c = match offs.binary_search(&idx) {
            Ok(c) => {
                // Skip empty chunks that share an offset.
                let mut c = c;
                while lengths[c] == 0 {
                    c += 1;
                }
                c
            }
            Err(c) => c - 1,
        };
        if c == last_chunk {
            *out.last_mut().expect("a chunk was started") += 1;
        } else {
            out.push(1);
            last_chunk = c;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_order_chunks_are_contiguous_runs_of_about_the_target() {
        let t = auto_chunk_bytes();
        // Rows of 100 float64: whole rows, as many as fit.
        let c = c_order(&[1_000_000, 100], 8);
        assert_eq!(c[1], vec![100]);
        assert_eq!(c[0][0], t / 800);
        // A huge last axis is split itself; the axes before it go one by one.
        let c = c_order(&[3, 4, t], 1);
        assert_eq!((c[0].clone(), c[1].clone(), c[2].clone()), (vec![1; 3], vec![1; 4], vec![t]));
        let c = c_order(&[2, 2 * t + 1], 1);
        assert_eq!((c[0].clone(), c[1].clone()), (vec![1, 1], vec![t, t, 1]));
        // Small arrays are one chunk; empty axes stay valid grids.
        assert_eq!(c_order(&[3, 4], 8), vec![vec![3], vec![4]]);
        assert_eq!(c_order(&[0, 5], 8), vec![vec![0], vec![5]]);
        assert_eq!(c_order(&[], 8), Vec::<Vec<usize>>::new());
    }

    #[test]
    fn regular_has_ragged_tail() {
        assert_eq!(regular(10, 4), vec![4, 4, 2]);
        assert_eq!(regular(8, 4), vec![4, 4]);
        assert_eq!(regular(0, 4), vec![0]);
    }

    #[test]
    fn normalize_int_tuple_and_full() {
        let c = normalize(
            &ChunkSpec::PerAxis(vec![AxisChunks::Size(1000), AxisChunks::Full]),
            &[2500, 7],
            8,
        )
        .unwrap();
        assert_eq!(c, vec![vec![1000, 1000, 500], vec![7]]);
        let e = normalize(&ChunkSpec::PerAxis(vec![AxisChunks::Size(2)]), &[2, 2], 8);
        assert!(e.unwrap_err().contains("2 dimensions"));
    }

    #[test]
    fn auto_chunks_hit_the_byte_target() {
        let c = normalize(&ChunkSpec::Auto, &[20000, 20000], 8).unwrap();
        let elems = c[0][0] * c[1][0];
        assert!(elems * 8 <= AUTO_CHUNK_BYTES && elems * 8 > AUTO_CHUNK_BYTES / 2, "{elems}");
        // Small arrays are one chunk.
        assert_eq!(normalize(&ChunkSpec::Auto, &[3, 4], 8).unwrap(), vec![vec![3], vec![4]]);
    }

    #[test]
    fn slicing_follows_chunks() {
        // 20 chunks of 1000, every 100th element: 10 per chunk.
        let c = slice_axis(&regular(20000, 1000), 0, 100, 200);
        assert_eq!(c, vec![10; 20]);
        // Reverse order.
        assert_eq!(slice_axis(&[2, 3], 4, -1, 5), vec![3, 2]);
        assert_eq!(slice_axis(&[4, 4], 1, 1, 0), vec![0]);
    }
}
