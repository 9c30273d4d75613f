//! Indexing: `x[...]` on arrays (basic NumPy indexing, lazily, as a slice
//! node; integer arrays and masks in `fancy.rs`) and on Python sequences,
//! strings and dicts.

use super::{Interp, Value};
use crate::array::DType;
use crate::builtins::to_int;
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::ir::{AxisSel, NodeRef, build};
use crate::syntax::ast::IndexItem;
use std::sync::Arc;

type R<T> = Result<T, Diagnostic>;

/// Integer index arrays are computed when applied; beyond this many
/// elements that would hold too much memory.
pub const MAX_INDEX_ARRAY: usize = 50_000_000;

/// One evaluated index item.
pub(super) enum Item {
    Int(i64, Span),
    Slice(Option<i64>, Option<i64>, Option<i64>, Span),
    NewAxis,
    Ellipsis,
    /// A boolean array selecting along the leading axes.
    Mask(crate::ir::NodeRef, Span),
    /// Integer indices (flattened) and the index array's shape.
    Take(Vec<i64>, Vec<usize>, Span),
}

/// Python's `slice.indices(len)`: start, step and element count.
pub fn slice_indices(
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    len: usize,
    span: Span,
) -> R<(i64, i64, usize)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(Diagnostic::new(ErrorKind::Value, "slice step cannot be zero", span));
    }
    let n = len as i64;
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let norm = |v: i64| if v < 0 { v + n } else { v };
    let (start, stop) = if step > 0 {
        (start.map_or(0, |s| clamp(norm(s), 0, n)), stop.map_or(n, |s| clamp(norm(s), 0, n)))
    } else {
        (
            start.map_or(n - 1, |s| clamp(norm(s), -1, n - 1)),
            stop.map_or(-1, |s| clamp(norm(s), -1, n - 1)),
        )
    };
    let count = if step > 0 {
        if stop > start { (stop - start + step - 1) / step } else { 0 }
    } else if start > stop {
        (start - stop - step - 1) / -step
    } else {
        0
    };
    Ok((start, step, count as usize))
}

pub(super) fn norm_index(i: i64, len: usize, axis: usize, span: Span) -> R<usize> {
    let n = len as i64;
    if i < -n || i >= n {
        return Err(Diagnostic::new(
            ErrorKind::Index,
            format!("index {i} is out of bounds for axis {axis} with size {len}"),
            span,
        ));
    }
    Ok(if i < 0 { (i + n) as usize } else { i as usize })
}

impl Interp {
    fn opt_int(&mut self, e: &Option<crate::syntax::ast::SExpr>) -> R<Option<i64>> {
        match e {
            None => Ok(None),
            Some(e) => match self.eval(e)? {
                Value::None => Ok(None),
                v => Ok(Some(to_int(&v, e.span, "slice indices")?)),
            },
        }
    }

    fn items(&mut self, items: &[IndexItem]) -> R<Vec<Item>> {
        let mut out = Vec::new();
        for it in items {
            match it {
                IndexItem::Slice { start, stop, step, span } => {
                    out.push(Item::Slice(
                        self.opt_int(start)?,
                        self.opt_int(stop)?,
                        self.opt_int(step)?,
                        *span,
                    ));
                }
                IndexItem::Expr(e) => match self.eval(e)? {
                    // `x[t]` with a tuple `t` is `x[t[0], t[1], ...]`; a tuple
                    // among several items is an index array, as in NumPy.
                    Value::Tuple(t) if items.len() == 1 => {
                        for v in t.iter() {
                            self.push_item(v.clone(), e.span, &mut out)?;
                        }
                    }
                    v => self.push_item(v, e.span, &mut out)?,
                },
            }
        }
        Ok(out)
    }

    /// Classifies one evaluated index value; integer index arrays are
    /// computed now (they are small), so the result's shape is known.
    fn push_item(&mut self, v: Value, span: Span, out: &mut Vec<Item>) -> R<()> {
        let item = match v {
            Value::None => Item::NewAxis,
            Value::Ellipsis => Item::Ellipsis,
            Value::Int(i) => Item::Int(i, span),
            Value::Array(n) if n.dtype == DType::Bool && n.ndim() > 0 => Item::Mask(n, span),
            Value::Array(ref n) if n.ndim() == 0 && n.dtype.is_integer() => {
                let data = self.compute(n).map_err(|d| d.or_span(span))?;
                Item::Int(data.get_f64(0) as i64, span)
            }
            v @ (Value::Array(_) | Value::List(_) | Value::Tuple(_)) => {
                let node = crate::builtins::to_array(&v, span)?;
                // An empty list is an empty integer index, as in NumPy.
                let empty_list = node.size() == 0 && !matches!(v, Value::Array(_));
                if node.dtype == DType::Bool && node.ndim() > 0 {
                    Item::Mask(node, span)
                } else if (node.dtype.is_integer() || empty_list) && node.size() > MAX_INDEX_ARRAY {
                    return Err(Diagnostic::new(
                        ErrorKind::Memory,
                        format!("an index array of {} elements is larger than arr holds in memory for indexing ({MAX_INDEX_ARRAY})", node.size()),
                        span,
                    )
                    .with_hint("use slices, or a boolean mask, which is evaluated chunk by chunk"));
                } else if node.dtype.is_integer() || empty_list {
                    let data = self.compute(&node).map_err(|d| d.or_span(span))?;
                    let idx = data.to_f64_vec().into_iter().map(|f| f as i64).collect();
                    Item::Take(idx, node.shape.clone(), span)
                } else if node.dtype == DType::Bool {
                    return Err(Diagnostic::new(
                        ErrorKind::Index,
                        "a 0-d boolean index is not supported",
                        span,
                    )
                    .with_hint("use a boolean array of the array's shape, e.g. x[x > 0]"));
                } else {
                    return Err(Diagnostic::new(
                        ErrorKind::Index,
                        format!(
                            "arrays used as indices must be of integer or boolean type, not {}",
                            node.dtype
                        ),
                        span,
                    ));
                }
            }
            Value::Bool(_) => {
                return Err(Diagnostic::new(
                    ErrorKind::Index,
                    "a bare True/False index is not supported",
                    span,
                )
                .with_hint("use a boolean array of the array's shape, e.g. x[x > 0]"));
            }
            other => {
                return Err(Diagnostic::new(
                    ErrorKind::Index,
                    format!(
                        "only integers, slices, None, ... and integer or boolean arrays are \
                         valid indices, not {}",
                        other.type_name()
                    ),
                    span,
                ));
            }
        };
        out.push(item);
        Ok(())
    }

    /// `x[items]`: basic indexing as a slice, anything with an index array or
    /// a mask through advanced indexing.
    fn index_array(&mut self, x: &NodeRef, items: Vec<Item>, span: Span) -> R<NodeRef> {
        if items.iter().any(|i| matches!(i, Item::Take(..) | Item::Mask(..))) {
            return self.advanced_index(x, items, span);
        }
        let sels = array_selection(&x.shape, &items, span)?;
        build::slice(x, sels).map_err(|d| d.or_span(span))
    }

    /// `x[:, ..., indices]` with `indices` (an int, a list or an array) on
    /// `axis`: NumPy's `take`, by the same rules and limits as indexing.
    pub fn take_along(
        &mut self,
        x: &NodeRef,
        axis: usize,
        indices: Value,
        span: Span,
    ) -> R<NodeRef> {
        let mut items: Vec<Item> = (0..axis).map(|_| Item::Slice(None, None, None, span)).collect();
        self.push_item(indices, span, &mut items)?;
        self.index_array(x, items, span)
    }

    pub(super) fn index_value(
        &mut self,
        v: Value,
        obj_span: Span,
        items: &[IndexItem],
        span: Span,
    ) -> R<Value> {
        if let Value::Dict(d) = &v {
            let [IndexItem::Expr(e)] = items else {
                return Err(Diagnostic::new(ErrorKind::Type, "dict keys cannot be slices", span));
            };
            let key = self.eval(e)?;
            return d
                .iter()
                .find(|(k, _)| super::ops::values_equal(k, &key))
                .map(|(_, v)| v.clone())
                .ok_or_else(|| {
                    Diagnostic::new(
                        ErrorKind::Index,
                        format!("key {} not found", super::repr(&key)),
                        e.span,
                    )
                });
        }
        // A file or group handle is indexed by member name; a dataset
        // handle like the lazy array it reads (`ds[0:10]`).
        let v = match v {
            Value::Hdf5(h) => match &h.kind {
                crate::io::hdf5::H5Kind::Dataset(_) => {
                    Value::Array(crate::builtins::hdf5_dataset_array(&h, &Value::None, obj_span)?)
                }
                _ => {
                    let [IndexItem::Expr(e)] = items else {
                        return Err(Diagnostic::new(
                            ErrorKind::Type,
                            "an HDF5 file or group is indexed by a member name",
                            span,
                        ));
                    };
                    let key = self.eval(e)?;
                    return crate::builtins::hdf5_member(&h, &key, e.span);
                }
            },
            other => other,
        };
        let items = self.items(items)?;
        match v {
            Value::Array(node) => Ok(Value::Array(self.index_array(&node, items, span)?)),
            Value::Range(a, b, st) => {
                // Python: a range's items and slices are computed, never listed.
                let len = super::value::range_len(a, b, st);
                if len > i64::MAX as usize {
                    return Err(Diagnostic::new(
                        ErrorKind::Value,
                        "this range has more than 2**63 items and cannot be indexed",
                        span,
                    ));
                }
                match items.as_slice() {
                    [Item::Int(i, s)] => {
                        Ok(Value::Int(a + norm_index(*i, len, 0, *s)? as i64 * st))
                    }
                    [Item::Slice(x, y, z, s)] => {
                        let (start, step, n) = slice_indices(*x, *y, *z, len, *s)?;
                        // i128: the end of the new range may lie past i64's range.
                        let first = a as i128 + start as i128 * st as i128;
                        let new_step = st as i128 * step as i128;
                        let stop = first + n as i128 * new_step;
                        let clamp = |v: i128| v.clamp(i64::MIN as i128, i64::MAX as i128) as i64;
                        match i64::try_from(new_step) {
                            Ok(ns) => Ok(Value::Range(clamp(first), clamp(stop), ns)),
                            Err(_) => Ok(Value::Range(clamp(first), clamp(first) + 1, 1)),
                        }
                    }
                    _ => Err(Diagnostic::new(
                        ErrorKind::Type,
                        "range indices must be a single int or slice",
                        span,
                    )),
                }
            }
            Value::Str(_) | Value::Tuple(_) | Value::List(_) => {
                let (seq, is_str) = match &v {
                    Value::Str(s) => {
                        (s.chars().map(|c| Value::str(&c.to_string())).collect(), true)
                    }
                    other => (other.sequence().expect("sequence"), false),
                };
                let [item] = items.as_slice() else {
                    return Err(Diagnostic::new(
                        ErrorKind::Type,
                        format!("{} indices must be a single int or slice", v.type_name()),
                        span,
                    ));
                };
                match item {
                    Item::Int(i, s) => Ok(seq[norm_index(*i, seq.len(), 0, *s)?].clone()),
                    Item::Slice(a, b, c, s) => {
                        let (start, step, n) = slice_indices(*a, *b, *c, seq.len(), *s)?;
                        let picked: Vec<Value> = (0..n)
                            .map(|k| seq[(start + k as i64 * step) as usize].clone())
                            .collect();
                        Ok(match &v {
                            _ if is_str => Value::str(
                                &picked.iter().map(super::show::plain_str).collect::<String>(),
                            ),
                            Value::Tuple(_) => Value::tuple(picked),
                            _ => Value::List(Arc::new(picked)),
                        })
                    }
                    _ => Err(Diagnostic::new(
                        ErrorKind::Type,
                        format!("invalid index for {}", v.type_name()),
                        span,
                    )),
                }
            }
            other => Err(Diagnostic::new(
                ErrorKind::Type,
                format!("'{}' object is not subscriptable", other.type_name()),
                obj_span,
            )),
        }
    }
}

/// Basic NumPy indexing of an array of `shape` by `items`.
pub(super) fn array_selection(shape: &[usize], items: &[Item], span: Span) -> R<Vec<AxisSel>> {
    let consuming = items.iter().filter(|i| matches!(i, Item::Int(..) | Item::Slice(..))).count();
    let ellipses = items.iter().filter(|i| matches!(i, Item::Ellipsis)).count();
    if ellipses > 1 {
        return Err(Diagnostic::new(
            ErrorKind::Index,
            "an index can only have a single ellipsis ('...')",
            span,
        ));
    }
    if consuming > shape.len() {
        return Err(Diagnostic::new(
            ErrorKind::Index,
            format!(
                "too many indices for array: array is {}-dimensional, but {consuming} were indexed",
                shape.len()
            ),
            span,
        ));
    }
    let mut sels = Vec::new();
    let mut axis = 0;
    let full = |a: usize| AxisSel::Range { start: 0, step: 1, len: shape[a] };
    for it in items {
        match it {
            Item::NewAxis => sels.push(AxisSel::NewAxis),
            Item::Ellipsis => {
                for _ in 0..(shape.len() - consuming) {
                    sels.push(full(axis));
                    axis += 1;
                }
            }
            Item::Int(i, s) => {
                sels.push(AxisSel::Index(norm_index(*i, shape[axis], axis, *s)?));
                axis += 1;
            }
            Item::Slice(a, b, c, s) => {
                let (start, step, len) = slice_indices(*a, *b, *c, shape[axis], *s)?;
                sels.push(AxisSel::Range { start, step, len });
                axis += 1;
            }
            Item::Take(_, _, s) => {
                return Err(Diagnostic::new(
                    ErrorKind::Index,
                    "an integer-array index must be the only array index",
                    *s,
                ));
            }
            Item::Mask(_, s) => {
                return Err(Diagnostic::new(
                    ErrorKind::Index,
                    "a boolean mask must be the only index",
                    *s,
                ));
            }
        }
    }
    while axis < shape.len() {
        sels.push(full(axis));
        axis += 1;
    }
    Ok(sels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_indices_match_python() {
        let s = Span::default();
        assert_eq!(slice_indices(None, None, Some(100), 20000, s).unwrap(), (0, 100, 200));
        assert_eq!(slice_indices(None, None, Some(-1), 5, s).unwrap(), (4, -1, 5));
        assert_eq!(slice_indices(Some(-2), None, None, 5, s).unwrap(), (3, 1, 2));
        assert_eq!(slice_indices(Some(1), Some(-1), Some(2), 6, s).unwrap(), (1, 2, 2));
        assert_eq!(slice_indices(Some(10), Some(20), None, 5, s).unwrap(), (5, 1, 0));
        assert_eq!(slice_indices(Some(3), Some(0), Some(-2), 5, s).unwrap(), (3, -2, 2));
        assert!(slice_indices(None, None, Some(0), 5, s).is_err());
    }
}
