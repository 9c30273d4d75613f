//! Leaves of elementwise kernels: where a tile's input values come from.
//!
//! A leaf is either a computed chunk read through strides (a zero stride
//! broadcasts) or a generator source evaluated straight from element
//! indices: the element at region position `p` of a generated input is
//! element `offset + Σ p[a]·steps[a]` of the generator's logical array.
//! That affine map is what lets slices, transposes and broadcasts of
//! `random.normal(...)` or `arange(...)` produce only the values needed.

use super::region::Region;
use crate::array::{ArrayData, DType, Elem};
use crate::ir::{Generator, Node, Op, SourceView};
use crate::random;
use crate::with_data;
use std::sync::Arc;

pub enum Leaf {
    /// Element at region position `p` is `data[offset + Σ p[a]·strides[a]]`
    /// (flat, C order): a computed chunk, or an in-memory array read in place.
    Data { data: Arc<ArrayData>, offset: i64, strides: Vec<isize> },
    Gen {
        generator: Generator,
        base_shape: Vec<usize>,
        offset: i64,
        steps: Vec<i64>,
        /// Set when the region reads a random generator across its natural
        /// order (a transpose): see [`Natural`].
        natural: Option<Box<Natural>>,
    },
}

/// A random input read across its natural order, as in `x + x.T`: a
/// last-axis run of the region would be strided in the generator's indices,
/// costing one Philox block per element, where contiguous indices share a
/// block per two elements and run in 32-element batches. So the whole input
/// region is generated once in the generator's own index order and read back
/// through strides (same values: they depend only on the index).
pub struct Natural {
    /// The region's non-broadcast axes from largest to smallest |step|.
    shape: Vec<usize>,
    steps: Vec<i64>,
    /// Buffer stride of each region axis (0 where the input is broadcast).
    strides: Vec<i64>,
    buf: std::sync::OnceLock<ArrayData>,
}

impl Natural {
    /// Largest region generated ahead (elements): bounds the extra memory.
    const MAX: usize = 1 << 22;
    /// Shortest contiguous run worth reordering for.
    const MIN_RUN: usize = 8;

    /// The reordering for a generator read with `steps` over axes of
    /// `lens`, or `None` when the last axis already has the smallest step
    /// (or reordering would not pay).
    fn plan(generator: &Generator, steps: &[i64], lens: &[usize]) -> Option<Box<Natural>> {
        if !matches!(generator, Generator::Random { .. }) {
            return None;
        }
        let axes: Vec<usize> = (0..steps.len()).filter(|&o| steps[o] != 0 && lens[o] > 1).collect();
        let &last = axes.last()?;
        let &inner = axes.iter().rev().min_by_key(|&&o| steps[o].unsigned_abs())?;
        let n: usize = axes.iter().map(|&o| lens[o]).product();
        if inner == last || steps[inner].abs() != 1 || lens[inner] < Self::MIN_RUN || n > Self::MAX
        {
            return None;
        }
        let mut order = axes;
        order.sort_by_key(|&o| std::cmp::Reverse(steps[o].unsigned_abs()));
        let shape: Vec<usize> = order.iter().map(|&o| lens[o]).collect();
        let own = c_strides(&shape);
        let mut strides = vec![0i64; steps.len()];
        for (q, &o) in order.iter().enumerate() {
            strides[o] = own[q] as i64;
        }
        Some(Box::new(Natural {
            steps: order.iter().map(|&o| steps[o]).collect(),
            shape,
            strides,
            buf: std::sync::OnceLock::new(),
        }))
    }
}

impl Drop for Natural {
    fn drop(&mut self) {
        if let Some(b) = self.buf.take() {
            recycle(b);
        }
    }
}

thread_local! {
    /// Flat buffers handed back by dropped [`Natural`] leaves and by
    /// reductions done with a generated piece, for the next ones on this
    /// thread.
    static BUFFER_POOL: std::cell::RefCell<Vec<ArrayData>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A flat buffer of `n` elements whose contents the caller overwrites
/// entirely, reused from this thread's pool when one fits: a fresh one per
/// piece (a few hundred KiB) costs more in page faults and zeroing than
/// generating its values (measured with perf).
pub(super) fn pooled_buffer(dtype: DType, n: usize) -> ArrayData {
    let reused = BUFFER_POOL.with(|p| {
        let mut p = p.borrow_mut();
        let i = p.iter().position(|b| b.dtype() == dtype && b.shape() == [n])?;
        Some(p.swap_remove(i))
    });
    reused.unwrap_or_else(|| ArrayData::zeros(dtype, &[n]))
}

/// Gives a buffer that is no longer needed to this thread's pool (kept
/// only if contiguous, and only a few of them).
pub(super) fn recycle(buf: ArrayData) {
    let n = buf.len();
    let flat =
        with_data!(buf, a, T => a.into_shape_with_order(ndarray::IxDyn(&[n])).ok().map(T::wrap));
    if let Some(b) = flat {
        BUFFER_POOL.with(|p| {
            let mut p = p.borrow_mut();
            if p.len() < 4 {
                p.push(b);
            }
        });
    }
}

/// C-order strides (in elements) of a shape.
pub fn c_strides(shape: &[usize]) -> Vec<isize> {
    let mut s = vec![0isize; shape.len()];
    let mut acc = 1isize;
    for a in (0..shape.len()).rev() {
        s[a] = acc;
        acc *= shape[a].max(1) as isize;
    }
    s
}

/// The input region a (possibly broadcast) input of an elementwise node
/// needs for output `region`, and which output axes it is broadcast along.
pub fn input_region(input: &Node, out_shape: &[usize], region: &Region) -> (Region, Vec<bool>) {
    let off = out_shape.len() - input.ndim();
    let mut broadcast = vec![true; out_shape.len()];
    let r = (0..input.ndim())
        .map(|j| {
            let o = j + off;
            if input.shape[j] == 1 && out_shape[o] != 1 {
                super::region::AxisRange { start: 0, step: 1, len: 1 }
            } else {
                broadcast[o] = false;
                region[o]
            }
        })
        .collect();
    (r, broadcast)
}

impl Leaf {
    /// A generator leaf for output `region` (region axes that are
    /// broadcast for this input get step 0).
    pub fn generator(
        generator: &Generator,
        view: &SourceView,
        in_region: &Region,
        broadcast: &[bool],
    ) -> Leaf {
        let bs = c_strides(&view.base_shape);
        let mut offset: i64 = view.fixed.iter().map(|&(ax, i)| i as i64 * bs[ax] as i64).sum();
        let off = broadcast.len() - view.axes.len();
        let mut steps = vec![0i64; broadcast.len()];
        for (j, va) in view.axes.iter().enumerate() {
            let Some(ax) = va.base else { continue };
            let r = in_region[j];
            offset += (va.start + va.step * r.start) * bs[ax] as i64;
            if !broadcast[j + off] {
                steps[j + off] = va.step * r.step * bs[ax] as i64;
            }
        }
        let lens: Vec<usize> = (0..steps.len())
            .map(|o| if steps[o] == 0 { 1 } else { in_region[o - off].len })
            .collect();
        Leaf::Gen {
            natural: Natural::plan(generator, &steps, &lens),
            generator: generator.clone(),
            base_shape: view.base_shape.clone(),
            offset,
            steps,
        }
    }

    /// A data leaf: `data` holds the input region; broadcast axes read with
    /// stride 0.
    pub fn data(data: ArrayData, broadcast: &[bool]) -> Leaf {
        let own = c_strides(data.shape());
        let off = broadcast.len() - own.len();
        let strides = (0..broadcast.len())
            .map(|o| if o < off || broadcast[o] { 0 } else { own[o - off] })
            .collect();
        Leaf::Data { data: Arc::new(data), offset: 0, strides }
    }

    /// A leaf reading `in_region` of a whole in-memory array without
    /// copying it first.
    pub fn in_place(data: &Arc<ArrayData>, in_region: &Region, broadcast: &[bool]) -> Leaf {
        let own = c_strides(data.shape());
        let off = broadcast.len() - own.len();
        let offset = in_region.iter().zip(&own).map(|(r, &s)| r.start * s as i64).sum();
        let strides = (0..broadcast.len())
            .map(|o| {
                if o < off || broadcast[o] {
                    0
                } else {
                    own[o - off] * in_region[o - off].step as isize
                }
            })
            .collect();
        Leaf::Data { data: data.clone(), offset, strides }
    }

    /// Writes the leaf's values for flat positions `t0 .. t0+len` of a
    /// region of `shape` into `dst[..len]`, one last-axis run at a time.
    pub fn load(&self, shape: &[usize], t0: usize, len: usize, dst: &mut ArrayData) {
        if len == 0 {
            return;
        }
        match self {
            Leaf::Data { data, offset, strides } => with_data!(dst, d, T => {
                let out = &mut d.as_slice_mut().expect("contiguous")[..len];
                let src = T::unwrap_ref(data).expect("leaf dtype").as_slice().expect("standard layout");
                let strides: Vec<i64> = strides.iter().map(|&s| s as i64).collect();
                gather(src, *offset, &strides, shape, t0, out);
            }),
            Leaf::Gen { offset, natural: Some(nat), .. } => {
                let buf = nat.buf.get_or_init(|| {
                    let n = nat.shape.iter().product();
                    let mut b = pooled_buffer(dst.dtype(), n);
                    self.generate(*offset, &nat.steps, &nat.shape, 0, n, &mut b);
                    b
                });
                with_data!(dst, d, T => {
                    let out = &mut d.as_slice_mut().expect("contiguous")[..len];
                    let src = T::unwrap_ref(buf).expect("leaf dtype").as_slice().expect("standard layout");
                    gather(src, 0, &nat.strides, shape, t0, out);
                })
            }
            Leaf::Gen { offset, steps, natural: None, .. } => {
                self.generate(*offset, steps, shape, t0, len, dst)
            }
        }
    }

    /// Writes the generated values of flat positions `t0 .. t0+len` of a
    /// region of `shape`, read with `steps` from `offset`, into
    /// `dst[..len]`: run by run, or for a random generator whose runs are
    /// short, from lists of indices packed across runs ([`ListedRuns`]).
    fn generate(
        &self,
        offset: i64,
        steps: &[i64],
        shape: &[usize],
        t0: usize,
        len: usize,
        dst: &mut ArrayData,
    ) {
        if let Leaf::Gen { generator: Generator::Random { dist, key }, .. } = self
            && ListedRuns::pays(shape, steps)
        {
            let mut index = Vec::with_capacity(ListedRuns::BATCH.min(len));
            let mut done = 0;
            while done < len {
                let n = ListedRuns::BATCH.min(len - done);
                index.clear();
                walk_runs(offset, steps, shape, t0 + done, n, |first, stride, _, k| {
                    index.extend((0..k as i64).map(|j| (first + j * stride) as u64))
                });
                with_data!(dst, d, T => {
                    let out = &mut d.as_slice_mut().expect("contiguous")[done..done + n];
                    random_values(dist, *key, random::Positions::List(&index), out);
                });
                done += n;
            }
            return;
        }
        walk_runs(offset, steps, shape, t0, len, |first, stride, pos, n| {
            self.run(first, stride, n, dst, pos)
        })
    }

    /// One run: elements `first + k*stride` for `k < n` into `dst[pos..]`.
    fn run(&self, first: i64, stride: i64, n: usize, dst: &mut ArrayData, pos: usize) {
        match self {
            Leaf::Data { data, .. } => with_data!(dst, d, T => {
                let out = &mut d.as_slice_mut().expect("contiguous")[pos..pos + n];
                let src = T::unwrap_ref(data).expect("leaf dtype").as_slice().expect("standard layout");
                if stride == 1 {
                    out.copy_from_slice(&src[first as usize..first as usize + n]);
                } else {
                    for (k, o) in out.iter_mut().enumerate() {
                        *o = src[(first + k as i64 * stride) as usize];
                    }
                }
            }),
            Leaf::Gen { generator, base_shape, .. } => with_data!(dst, d, T => {
                let out = &mut d.as_slice_mut().expect("contiguous")[pos..pos + n];
                generate_run(generator, base_shape, first, stride, out);
            }),
        }
    }
}

/// Axes merged where a region's C order and the strides agree (an axis of
/// length 1 is dropped), so a chunk laid out like its region is one run.
fn collapse(shape: &[usize], strides: &[i64]) -> (Vec<usize>, Vec<i64>) {
    let mut out_shape: Vec<usize> = Vec::with_capacity(shape.len());
    let mut out_strides: Vec<i64> = Vec::with_capacity(shape.len());
    for (&n, &s) in shape.iter().zip(strides) {
        if n == 1 {
            continue;
        }
        match (out_shape.last_mut(), out_strides.last_mut()) {
            (Some(pn), Some(ps)) if *ps == s * n as i64 => {
                *pn *= n;
                *ps = s;
            }
            _ => {
                out_shape.push(n);
                out_strides.push(s);
            }
        }
    }
    if out_shape.is_empty() {
        out_shape.push(1);
        out_strides.push(0);
    }
    (out_shape, out_strides)
}

/// Calls `f(first, stride, pos, n)` for each last-axis run covering flat
/// positions `t0 .. t0+len` of a region of `shape` read through `strides`
/// from `base`: elements `first + k*stride` go to positions `pos + k`.
fn walk_runs(
    base: i64,
    strides: &[i64],
    shape: &[usize],
    t0: usize,
    len: usize,
    mut f: impl FnMut(i64, i64, usize, usize),
) {
    let (shape, strides) = collapse(shape, strides);
    let nd = shape.len();
    let mut idx = vec![0usize; nd];
    let mut rem = t0;
    for a in (0..nd).rev() {
        idx[a] = rem % shape[a];
        rem /= shape[a];
    }
    let mut off: i64 = base + idx.iter().zip(&strides).map(|(&i, &s)| i as i64 * s).sum::<i64>();
    let last = nd - 1;
    let mut pos = 0;
    while pos < len {
        let run = (shape[last] - idx[last]).min(len - pos);
        f(off, strides[last], pos, run);
        pos += run;
        idx[last] += run;
        off += run as i64 * strides[last];
        let mut a = last;
        while idx[a] >= shape[a] && a > 0 {
            off -= idx[a] as i64 * strides[a];
            idx[a] = 0;
            a -= 1;
            idx[a] += 1;
            off += strides[a];
        }
    }
}

/// Copies the elements of a strided view of `src` into `out` (flat
/// positions `t0..` of a region of `shape`). Typed once per tile, so short
/// last axes (a length-3 coordinate axis) cost a few instructions per run.
fn gather<T: Copy>(
    src: &[T],
    base: i64,
    strides: &[i64],
    shape: &[usize],
    t0: usize,
    out: &mut [T],
) {
    walk_runs(base, strides, shape, t0, out.len(), |first, stride, pos, n| {
        let o = &mut out[pos..pos + n];
        let first = first as usize;
        match stride {
            1 if n >= 16 => o.copy_from_slice(&src[first..first + n]),
            0 => o.fill(src[first]),
            _ => {
                for (k, v) in o.iter_mut().enumerate() {
                    *v = src[(first as i64 + k as i64 * stride) as usize];
                }
            }
        }
    });
}

/// Fills `out[k]` with `value(col - row)` of the element `first + k*stride`
/// of a matrix `cols` wide. Along a row (stride 1) `fill_row(segment, d0)`
/// fills each row's segment, whose first element has `col - row == d0` and
/// whose diagonal offset grows by one per element: a triangle or identity
/// row is a step or a single one, filled without a test per element (the
/// per-element divisions, and then the per-element comparisons, were the
/// largest cost of the `triu` mask of the Lennard-Jones example).
fn by_diagonal<T>(
    first: i64,
    stride: i64,
    cols: i64,
    out: &mut [T],
    value: impl Fn(i64) -> T,
    fill_row: impl Fn(&mut [T], i64),
) {
    if stride != 1 {
        for (k, o) in out.iter_mut().enumerate() {
            let i = first + k as i64 * stride;
            *o = value(i % cols - i / cols);
        }
        return;
    }
    let (mut row, mut col) = (first / cols, first % cols);
    let mut k = 0;
    while k < out.len() {
        let n = ((cols - col) as usize).min(out.len() - k);
        fill_row(&mut out[k..k + n], col - row);
        k += n;
        (row, col) = (row + 1, 0);
    }
}

/// The position in a row segment whose first diagonal offset is `d0`
/// where the offset reaches `d`, clamped to the segment.
fn diagonal_position(segment_len: usize, d0: i64, d: i64) -> usize {
    d.saturating_sub(d0).clamp(0, segment_len as i64) as usize
}

/// Fills `out[k]` with element `first + k*stride` of a generator's logical array.
fn generate_run<T: Elem>(
    generator: &Generator,
    base_shape: &[usize],
    first: i64,
    stride: i64,
    out: &mut [T],
) {
    let n = out.len();
    let at = |k: usize| first + k as i64 * stride;
    match generator {
        Generator::Fill(s) => out.fill(s.to_elem::<T>()),
        Generator::Arange { start, step } => {
            for (k, o) in out.iter_mut().enumerate() {
                *o = T::from_f64(start.0 + at(k) as f64 * step.0);
            }
        }
        Generator::Linspace { start, step, stop, num, endpoint } => {
            for (k, o) in out.iter_mut().enumerate() {
                let i = at(k);
                let v = if *endpoint && i as usize + 1 == *num && *num > 1 {
                    stop.0
                } else {
                    start.0 + i as f64 * step.0
                };
                *o = T::from_f64(v);
            }
        }
        Generator::Tri { k: diag } => {
            let cols = base_shape.get(1).copied().unwrap_or(1).max(1) as i64;
            let value = |d: i64| T::from_bool(d <= *diag);
            by_diagonal(first, stride, cols, out, value, |row, d0| {
                // Ones up to and including the diagonal, zeros after it.
                let split = diagonal_position(row.len(), d0, diag.saturating_add(1));
                row[..split].fill(T::from_bool(true));
                row[split..].fill(T::from_bool(false));
            });
        }
        Generator::Eye { k: diag } => {
            let cols = base_shape.get(1).copied().unwrap_or(1).max(1) as i64;
            let value = |d: i64| T::from_bool(d == *diag);
            by_diagonal(first, stride, cols, out, value, |row, d0| {
                row.fill(T::from_bool(false));
                if (d0..d0 + row.len() as i64).contains(diag) {
                    row[diagonal_position(row.len(), d0, *diag)] = T::from_bool(true);
                }
            });
        }
        Generator::Random { dist, key } => {
            // Fill in increasing index order, then flip for negative strides,
            // so the generator always sees a forward stream.
            let (start, step, flip) = if stride < 0 {
                (at(n.saturating_sub(1)), -stride, true)
            } else {
                (first, stride, false)
            };
            let (first, stride) = (start as u64, step as u64);
            random_values(dist, *key, random::Positions::Strided { first, stride }, out);
            if flip {
                out.reverse();
            }
        }
    }
}

/// The samples of `dist` at positions `at` into `out`, in `out`'s dtype
/// (integer distributions drawn as i64, others as f64, then converted).
fn random_values<T: Elem>(
    dist: &random::Distribution,
    key: random::StreamKey,
    at: random::Positions,
    out: &mut [T],
) {
    if dist.dtype() == DType::Int64 {
        if let Some(o) = same_type_slice::<T, i64>(out) {
            random::fill_i64_at(dist, key, at, o);
        } else {
            let mut tmp = vec![0i64; out.len()];
            random::fill_i64_at(dist, key, at, &mut tmp);
            for (o, v) in out.iter_mut().zip(tmp) {
                *o = T::from_i64(v);
            }
        }
    } else if let Some(o) = same_type_slice::<T, f64>(out) {
        random::fill_f64_at(dist, key, at, o);
    } else {
        let mut tmp = vec![0f64; out.len()];
        random::fill_f64_at(dist, key, at, &mut tmp);
        for (o, v) in out.iter_mut().zip(tmp) {
            *o = T::from_f64(v);
        }
    }
}

/// Random values of a region whose runs are short (`x[:, ::100]` of a
/// 1000-column chunk: runs of 10 elements, 100 apart) are drawn from lists
/// of indices that pack many runs into each batch: drawn run by run, every
/// run would start its own batch of 16 Philox blocks (or 32 draws), most of
/// them thrown away.
struct ListedRuns;

impl ListedRuns {
    /// Indices listed at once (8 KiB).
    const BATCH: usize = 1024;
    /// Runs from this long are drawn one by one.
    const LONG_RUN: usize = 64;

    /// Whether listing pays for a region of `shape` read with `steps`:
    /// several runs, each short — strided runs under [`Self::LONG_RUN`],
    /// contiguous ones under one gather (longer contiguous runs are better
    /// drawn as runs: there two neighbours share each Philox block).
    ///
    /// Asked for every tile, so it finds the last run of [`collapse`]'s
    /// layout (trailing axes merged while the steps agree) without building
    /// that layout.
    fn pays(shape: &[usize], steps: &[i64]) -> bool {
        let mut axes = shape.iter().zip(steps).filter(|&(&n, _)| n != 1).rev();
        let Some((&last, &step)) = axes.next() else { return false };
        let mut run = last;
        for (&n, &s) in axes {
            if s != step * run as i64 {
                // An axis that does not merge: several runs.
                return run < Self::LONG_RUN && (step != 1 || run < random::GATHER);
            }
            run *= n;
        }
        false
    }
}

/// Evaluates a generator node over a region into a new chunk.
pub fn generate_region(node: &Node, region: &Region) -> ArrayData {
    let Op::Generate(generator, view) = &node.op else { unreachable!("called on a generator") };
    let shape: Vec<usize> = region.iter().map(|r| r.len).collect();
    let leaf = Leaf::generator(generator, view, region, &vec![false; shape.len()]);
    let n: usize = shape.iter().product();
    let mut out = pooled_buffer(node.dtype, n);
    leaf.load(&shape, 0, n, &mut out);
    with_data!(out, a, T => T::wrap(a.into_shape_with_order(ndarray::IxDyn(&shape)).expect("same size")))
}

/// Views `&[T]` as `&[U]` when `T` and `U` are the same type.
pub(super) fn same_type_ref<T: 'static, U: 'static>(s: &[T]) -> Option<&[U]> {
    if std::any::TypeId::of::<T>() == std::any::TypeId::of::<U>() {
        // SAFETY: T and U are the same type, so layout and validity match.
        Some(unsafe { std::slice::from_raw_parts(s.as_ptr() as *const U, s.len()) })
    } else {
        None
    }
}

/// Views `&mut [T]` as `&mut [U]` when `T` and `U` are the same type.
pub(super) fn same_type_slice<T: 'static, U: 'static>(s: &mut [T]) -> Option<&mut [U]> {
    if std::any::TypeId::of::<T>() == std::any::TypeId::of::<U>() {
        // SAFETY: T and U are the same type, so layout and validity match.
        Some(unsafe { std::slice::from_raw_parts_mut(s.as_mut_ptr() as *mut U, s.len()) })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{ListedRuns, collapse};

    /// `ListedRuns::pays` reads the last run without building the collapsed
    /// layout; it must decide as if it had.
    #[test]
    fn listing_decides_on_the_collapsed_layout() {
        let with_collapse = |shape: &[usize], steps: &[i64]| {
            let (shape, steps) = collapse(shape, steps);
            let (run, step) = (shape[shape.len() - 1], steps[steps.len() - 1]);
            shape.len() >= 2
                && run < ListedRuns::LONG_RUN
                && (step != 1 || run < crate::random::GATHER)
        };
        let cases: &[(&[usize], &[i64])] = &[
            (&[1000, 10], &[20000, 100]),
            (&[1000, 10], &[10, 1]),
            (&[1000, 10], &[11, 1]),
            (&[7, 1, 3], &[3, 99, 1]),
            (&[7, 1, 3], &[5, 99, 1]),
            (&[4, 5, 6], &[30, 6, 1]),
            (&[4, 5, 6], &[60, 12, 2]),
            (&[4, 5, 6], &[31, 6, 1]),
            (&[4, 5, 100], &[-1000, 200, 2]),
            (&[1, 1], &[5, 1]),
            (&[9], &[3]),
            (&[3, 0, 2], &[0, 2, 1]),
            (&[20, 70], &[140, 2]),
        ];
        for &(shape, steps) in cases {
            assert_eq!(
                ListedRuns::pays(shape, steps),
                with_collapse(shape, steps),
                "{shape:?} {steps:?}"
            );
        }
    }
}
