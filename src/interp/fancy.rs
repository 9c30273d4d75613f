//! Advanced ("fancy") indexing: integer arrays and boolean masks inside an
//! index, with NumPy's rules, built lazily from existing nodes.
//!
//! `x[mask]` and `x[mask, basic...]` go through the lazy mask node. Anything
//! else turns each boolean array into its `nonzero()` integer arrays (computed
//! now), and then: the basic items (ints, slices, `None`) become one slice
//! node whose advanced axes are kept whole; one advanced axis is a `take`
//! along it; several are transposed to the front, merged into one axis, and
//! read with one `take` of the flat indices (`ravel_multi_index`, computed
//! now and capped at `MAX_INDEX_ARRAY`). The broadcast index shape then
//! replaces the advanced axes where NumPy puts it: in place when the
//! advanced indices (integer scalars count) are adjacent in the index, in
//! front when a slice, `None` or `...` separates them.

use super::Interp;
use super::index::{Item, MAX_INDEX_ARRAY, array_selection, norm_index, slice_indices};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::ir::{AxisSel, NodeRef, build};
use std::sync::Arc;

type R<T> = Result<T, Diagnostic>;

/// An index item with `...` expanded and masks turned into integer arrays.
enum Entry {
    Int(i64, Span),
    Slice(Option<i64>, Option<i64>, Option<i64>, Span),
    NewAxis,
    /// Integer indices (flattened) and the index array's shape.
    Array(Vec<i64>, Vec<usize>, Span),
}

impl Entry {
    fn is_advanced(&self) -> bool {
        matches!(self, Entry::Int(..) | Entry::Array(..))
    }
}

/// How many axes of the array an item consumes.
fn consumed(item: &Item) -> usize {
    match item {
        Item::Int(..) | Item::Slice(..) | Item::Take(..) => 1,
        Item::Mask(m, _) => m.ndim(),
        Item::NewAxis | Item::Ellipsis => 0,
    }
}

fn index_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Index, msg, span)
}

impl Interp {
    /// `x[items]` where some item is an integer array or a boolean mask.
    pub(super) fn advanced_index(
        &mut self,
        x: &NodeRef,
        items: Vec<Item>,
        span: Span,
    ) -> R<NodeRef> {
        let used: usize = items.iter().map(consumed).sum();
        if used > x.ndim() {
            return Err(index_err(
                format!(
                    "too many indices for array: array is {}-dimensional, but {used} were indexed",
                    x.ndim()
                ),
                span,
            ));
        }
        if items.iter().filter(|i| matches!(i, Item::Ellipsis)).count() > 1 {
            return Err(index_err("an index can only have a single ellipsis ('...')", span));
        }
        let arrays = items.iter().filter(|i| matches!(i, Item::Take(..) | Item::Mask(..))).count();
        if let (1, Some(Item::Mask(mask, mspan))) = (arrays, items.first()) {
            // A leading mask and basic items: x[mask][:, rest...], all lazy
            // (NumPy puts the mask's axis first in both cases).
            build::check_mask(x, mask).map_err(|d| d.or_span(*mspan))?;
            let masked = self.masked(x, mask).map_err(|d| d.or_span(span))?;
            if items.len() == 1 {
                return Ok(masked);
            }
            let mut rest = vec![Item::Slice(None, None, None, span)];
            rest.extend(items.into_iter().skip(1));
            let sels = array_selection(&masked.shape, &rest, span)?;
            return build::slice(&masked, sels).map_err(|d| d.or_span(span));
        }
        let entries = self.expand(x, items, used)?;
        fancy(x, &entries, span)
    }

    /// Expands `...` into whole slices and masks into `nonzero()` arrays.
    fn expand(&mut self, x: &NodeRef, items: Vec<Item>, used: usize) -> R<Vec<Entry>> {
        let mut out = Vec::new();
        let mut axis = 0;
        for item in items {
            match item {
                Item::Int(i, s) => out.push(Entry::Int(i, s)),
                Item::Slice(a, b, c, s) => out.push(Entry::Slice(a, b, c, s)),
                Item::NewAxis => {
                    out.push(Entry::NewAxis);
                    continue;
                }
                Item::Take(idx, shape, s) => out.push(Entry::Array(idx, shape, s)),
                Item::Ellipsis => {
                    for _ in 0..x.ndim() - used {
                        out.push(Entry::Slice(None, None, None, Span::default()));
                    }
                    axis += x.ndim() - used;
                    continue;
                }
                Item::Mask(mask, s) => {
                    for (k, (&m, &n)) in mask.shape.iter().zip(&x.shape[axis..]).enumerate() {
                        if m != n {
                            return Err(index_err(
                                format!(
                                    "boolean index did not match indexed array along axis {}; \
                                     size of axis is {n} but size of corresponding boolean axis \
                                     is {m}",
                                    axis + k
                                ),
                                s,
                            ));
                        }
                    }
                    if mask.size() > MAX_INDEX_ARRAY {
                        return Err(too_large(mask.size(), s));
                    }
                    let data = self.compute(&mask).map_err(|d| d.or_span(s))?;
                    let flags = data.to_f64_vec();
                    let hits: Vec<usize> = (0..flags.len()).filter(|&i| flags[i] != 0.0).collect();
                    // One index array per mask axis: the coordinates of the hits.
                    let mut inner = mask.size();
                    for &len in &mask.shape {
                        inner /= len.max(1);
                        let coords = hits.iter().map(|&h| ((h / inner.max(1)) % len.max(1)) as i64);
                        out.push(Entry::Array(coords.collect(), vec![hits.len()], s));
                    }
                    axis += mask.ndim();
                    continue;
                }
            }
            axis += 1;
        }
        Ok(out)
    }
}

fn too_large(n: usize, span: Span) -> Diagnostic {
    Diagnostic::new(
        ErrorKind::Memory,
        format!(
            "an index of {n} elements is larger than arr holds in memory for indexing \
             ({MAX_INDEX_ARRAY})"
        ),
        span,
    )
    .with_hint("use slices, or a single boolean mask, which is evaluated chunk by chunk")
}

/// One integer array of the index: its normalized indices, its shape, the
/// axis of the basic-indexed array it reads, and its dimension there.
struct Advanced<'a> {
    idx: Vec<usize>,
    shape: &'a [usize],
    axis: usize,
    len: usize,
}

/// The general case, on expanded entries.
fn fancy(x: &NodeRef, entries: &[Entry], span: Span) -> R<NodeRef> {
    // Basic step: ints and slices applied, advanced axes kept whole.
    let mut sels = Vec::new();
    let mut adv = Vec::new();
    let mut in_axis = 0;
    for e in entries {
        match e {
            Entry::NewAxis => sels.push(AxisSel::NewAxis),
            Entry::Int(i, s) => {
                sels.push(AxisSel::Index(norm_index(*i, x.shape[in_axis], in_axis, *s)?));
                in_axis += 1;
            }
            Entry::Slice(a, b, c, s) => {
                let (start, step, len) = slice_indices(*a, *b, *c, x.shape[in_axis], *s)?;
                sels.push(AxisSel::Range { start, step, len });
                in_axis += 1;
            }
            Entry::Array(idx, shape, s) => {
                let len = x.shape[in_axis];
                let normalized = idx
                    .iter()
                    .map(|&i| norm_index(i, len, in_axis, *s))
                    .collect::<R<Vec<usize>>>()?;
                // Axis in the basic-indexed array: every sel but an Index is one.
                let axis = sels.iter().filter(|s| !matches!(s, AxisSel::Index(_))).count();
                adv.push(Advanced { idx: normalized, shape, axis, len });
                sels.push(AxisSel::Range { start: 0, step: 1, len });
                in_axis += 1;
            }
        }
    }
    while in_axis < x.ndim() {
        sels.push(AxisSel::Range { start: 0, step: 1, len: x.shape[in_axis] });
        in_axis += 1;
    }
    let y = build::slice(x, sels).map_err(|d| d.or_span(span))?;
    let bshape = broadcast_index_shapes(entries)?;
    let count: usize = bshape.iter().product();
    if count > MAX_INDEX_ARRAY {
        return Err(too_large(count, span));
    }
    let rest: Vec<usize> = (0..y.ndim()).filter(|a| !adv.iter().any(|v| v.axis == *a)).collect();
    let rest_dims = rest.iter().map(|&a| y.shape[a] as i64);
    let err_at = |d: Diagnostic| d.or_span(span);
    // The result with the broadcast index dims at `at`.
    let (z, at) = if let [one] = adv.as_slice() {
        let taken = build::take(&y, one.axis, Arc::new(one.idx.clone())).map_err(err_at)?;
        let mut dims: Vec<i64> = y.shape[..one.axis].iter().map(|&d| d as i64).collect();
        dims.extend(bshape.iter().map(|&d| d as i64));
        dims.extend(y.shape[one.axis + 1..].iter().map(|&d| d as i64));
        (build::reshape(&taken, &dims).map_err(err_at)?, one.axis)
    } else {
        let perm: Vec<usize> = adv.iter().map(|v| v.axis).chain(rest.iter().copied()).collect();
        let front = build::transpose(&y, perm).map_err(err_at)?;
        let merged: usize = adv.iter().map(|v| v.len).product();
        let mut dims = vec![merged as i64];
        dims.extend(rest_dims.clone());
        let flat = build::reshape(&front, &dims).map_err(err_at)?;
        let idx = ravel_multi_index(&adv, &bshape);
        let taken = build::take(&flat, 0, Arc::new(idx)).map_err(err_at)?;
        let mut dims: Vec<i64> = bshape.iter().map(|&d| d as i64).collect();
        dims.extend(rest_dims);
        (build::reshape(&taken, &dims).map_err(err_at)?, 0)
    };
    // NumPy: adjacent advanced indices keep their place, separated ones go first.
    let positions: Vec<usize> =
        entries.iter().enumerate().filter(|(_, e)| e.is_advanced()).map(|(i, _)| i).collect();
    let adjacent = positions.windows(2).all(|w| w[1] == w[0] + 1);
    let target = if adjacent { rest.iter().filter(|&&a| a < adv[0].axis).count() } else { 0 };
    move_block(&z, at, bshape.len(), target).map_err(err_at)
}

/// NumPy's broadcast of the index arrays' shapes, with its message naming
/// every shape when they do not broadcast (pointing at the first misfit).
fn broadcast_index_shapes(entries: &[Entry]) -> R<Vec<usize>> {
    let arrays: Vec<(&Vec<usize>, Span)> = entries
        .iter()
        .filter_map(|e| match e {
            Entry::Array(_, shape, s) => Some((shape, *s)),
            _ => None,
        })
        .collect();
    let mut shape: Vec<usize> = vec![];
    for (s, span) in &arrays {
        shape = build::broadcast_shapes(&shape, s).map_err(|_| {
            let all: Vec<String> = arrays.iter().map(|(s, _)| build::shape_str(s)).collect();
            index_err(
                format!(
                    "shape mismatch: indexing arrays could not be broadcast together with \
                     shapes {}",
                    all.join(" ")
                ),
                *span,
            )
        })?;
    }
    Ok(shape)
}

/// The flat index (C order over the advanced axes' lengths) of every
/// position of the broadcast index shape.
fn ravel_multi_index(adv: &[Advanced], bshape: &[usize]) -> Vec<usize> {
    let nb = bshape.len();
    let total: usize = bshape.iter().product();
    // Each array's step per broadcast dim (0 where it is broadcast).
    let steps: Vec<Vec<usize>> = adv
        .iter()
        .map(|v| {
            let lead = nb - v.shape.len();
            (0..nb)
                .map(|j| match j.checked_sub(lead) {
                    Some(k) if v.shape[k] != 1 => v.shape[k + 1..].iter().product(),
                    _ => 0,
                })
                .collect()
        })
        .collect();
    let mut weights = vec![1usize; adv.len()];
    for i in (0..adv.len().saturating_sub(1)).rev() {
        weights[i] = weights[i + 1] * adv[i + 1].len;
    }
    let mut out = Vec::with_capacity(total);
    let mut coord = vec![0usize; nb];
    let mut offs = vec![0usize; adv.len()];
    for _ in 0..total {
        out.push(adv.iter().zip(&offs).zip(&weights).map(|((v, &o), &w)| v.idx[o] * w).sum());
        // Odometer step over the broadcast shape, moving every array's offset.
        for j in (0..nb).rev() {
            coord[j] += 1;
            for (o, st) in offs.iter_mut().zip(&steps) {
                *o += st[j];
            }
            if coord[j] < bshape[j] {
                break;
            }
            for (o, st) in offs.iter_mut().zip(&steps) {
                *o -= st[j] * bshape[j];
            }
            coord[j] = 0;
        }
    }
    out
}

/// Moves the `len` axes starting at `from` so they start at `to`.
fn move_block(z: &NodeRef, from: usize, len: usize, to: usize) -> build::BuildResult<NodeRef> {
    if from == to {
        return Ok(z.clone());
    }
    let others: Vec<usize> = (0..z.ndim()).filter(|&a| a < from || a >= from + len).collect();
    let mut perm: Vec<usize> = others[..to].to_vec();
    perm.extend(from..from + len);
    perm.extend_from_slice(&others[to..]);
    build::transpose(z, perm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ravel_multi_index_broadcasts_the_index_arrays() {
        // x[rows[:, None], cols] on a 4 x 6 array: rows (3, 1), cols (2,).
        let (rows_shape, cols_shape) = ([3, 1], [2]);
        let adv = [
            Advanced { idx: vec![3, 0, 2], shape: &rows_shape, axis: 0, len: 4 },
            Advanced { idx: vec![5, 1], shape: &cols_shape, axis: 1, len: 6 },
        ];
        assert_eq!(ravel_multi_index(&adv, &[3, 2]), vec![23, 19, 5, 1, 17, 13]);
        // A broadcast index shape with a zero-length axis has no positions.
        assert!(ravel_multi_index(&adv, &[0, 2]).is_empty());
    }

    #[test]
    fn move_block_puts_the_index_axes_in_place() {
        let x = build::literal(
            crate::array::ArrayData::zeros(crate::array::DType::Int64, &[2, 3, 4, 5]),
            None,
        );
        assert_eq!(move_block(&x, 0, 2, 1).unwrap().shape, vec![4, 2, 3, 5]);
        assert_eq!(move_block(&x, 2, 1, 0).unwrap().shape, vec![4, 2, 3, 5]);
        assert_eq!(move_block(&x, 1, 2, 1).unwrap().shape, vec![2, 3, 4, 5]);
    }
}
