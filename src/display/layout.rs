//! Array layout: NumPy's `_formatArray` — nested brackets with a one-space
//! hanging indent per level, blank lines between blocks of 3-d+ arrays,
//! `...` for summarized axes, and wrapping of rows at the line width — plus
//! the per-dtype element formatters (`IntegerFormat`, `BoolFormat`, and the
//! float one from [`super::float`]) that give every element a common width.
//!
//! The layout walks the *full* shape but reads only the shown elements:
//! along a summarized axis, full index `i < edgeitems` is shown index `i` and
//! full index `len - k` is shown index `shown_len - k`.

use super::float::{Float, FloatFormat};
use crate::array::{ArrayData, Elem, Kind};
use std::ops::Range;

/// The shown elements in C order, widened to one of three value kinds.
/// Integers fit `i128` whatever their dtype, so u64 and i64 share one path.
enum Values {
    Bool(Vec<bool>),
    Int(Vec<i128>),
    Float(Vec<Float>, bool),
}

fn values_of(data: &ArrayData) -> Values {
    let dtype = data.dtype();
    match dtype.kind() {
        Kind::Bool => Values::Bool(
            crate::with_data!(data, a, _T => a.iter().map(|v| v.to_i64() != 0).collect()),
        ),
        Kind::Int => Values::Int(
            crate::with_data!(data, a, _T => a.iter().map(|v| v.to_i64() as i128).collect()),
        ),
        Kind::UInt => Values::Int(
            crate::with_data!(data, a, _T => a.iter().map(|v| v.to_u64() as i128).collect()),
        ),
        Kind::Float => {
            let is_f32 = dtype.size() == 4;
            let v =
                crate::with_data!(data, a, _T => a.iter().map(|v| v.to_f64()).collect::<Vec<_>>());
            let v = v.into_iter().map(|value| Float { value, is_f32 }).collect();
            Values::Float(v, is_f32)
        }
    }
}

/// Formats every shown element at the array's common width, as NumPy's
/// format function built from the shown data does.
pub(super) fn element_strings(data: &ArrayData, precision: usize) -> Vec<String> {
    match values_of(data) {
        // " True" so that both spellings are five wide (arrays only, not 0-d).
        Values::Bool(v) => {
            v.iter().map(|&b| if b { " True" } else { "False" }.to_string()).collect()
        }
        Values::Int(v) => {
            let width = match (v.iter().max(), v.iter().min()) {
                (Some(hi), Some(lo)) => hi.to_string().len().max(lo.to_string().len()),
                _ => 0,
            };
            v.iter().map(|x| format!("{x:>width$}")).collect()
        }
        Values::Float(v, is_f32) => {
            let fmt = FloatFormat::new(&v, is_f32, precision);
            v.iter().map(|&x| fmt.format(x)).collect()
        }
    }
}

/// Inputs of the layout: the full shape, which axes are summarized, and the
/// formatted shown elements with the strides of the shown array.
pub(super) struct Layout<'a> {
    pub full_shape: &'a [usize],
    pub shown_shape: &'a [usize],
    pub summarize: bool,
    pub edgeitems: usize,
    pub words: &'a [String],
}

impl Layout<'_> {
    /// `_formatArray(a, ..., next_line_prefix=" ", separator=" ")`.
    pub(super) fn render(&self, linewidth: usize) -> String {
        let mut strides = vec![1usize; self.shown_shape.len()];
        for k in (0..self.shown_shape.len().saturating_sub(1)).rev() {
            strides[k] = strides[k + 1] * self.shown_shape[k + 1];
        }
        self.recurse(0, 0, &strides, " ", linewidth as isize)
    }

    /// Shown positions along `axis`, split into the leading block and the
    /// trailing block; a `...` goes between them when the axis is summarized.
    fn positions(&self, axis: usize) -> (Range<usize>, bool, Range<usize>) {
        let len = self.full_shape[axis];
        let shown = self.shown_shape[axis];
        if self.summarize && 2 * self.edgeitems < len {
            (0..self.edgeitems, true, shown - self.edgeitems..shown)
        } else {
            (0..0, false, 0..shown)
        }
    }

    fn recurse(
        &self,
        axis: usize,
        base: usize,
        strides: &[usize],
        hanging: &str,
        width: isize,
    ) -> String {
        let ndim = self.full_shape.len();
        if axis == ndim {
            return self.words[base].clone();
        }
        // Children align one column right of this level's `[`.
        let next_hanging = format!("{hanging} ");
        let next_width = width - 1;
        let (lead, summary, trail) = self.positions(axis);
        let stride = strides[axis];
        let mut s = String::new();
        if ndim - axis == 1 {
            // A row: elements separated by " ", wrapped before `width - 1`
            // so the closing `]` still fits.
            let elem_width = width - 1;
            let mut line = hanging.to_string();
            let n_trail = trail.len();
            for i in lead {
                let word =
                    self.recurse(axis + 1, base + i * stride, strides, &next_hanging, next_width);
                extend_line(&mut s, &mut line, &word, elem_width, hanging);
                line.push(' ');
            }
            if summary {
                extend_line(&mut s, &mut line, "...", elem_width, hanging);
                line.push(' ');
            }
            for (k, i) in trail.enumerate() {
                let word =
                    self.recurse(axis + 1, base + i * stride, strides, &next_hanging, next_width);
                extend_line(&mut s, &mut line, &word, elem_width, hanging);
                if k + 1 < n_trail {
                    line.push(' ');
                }
            }
            s.push_str(&line);
        } else {
            // Sub-arrays: one newline per remaining axis beyond the row, so
            // 3-d blocks are separated by a blank line, 4-d by two, ...
            let line_sep = "\n".repeat(ndim - axis - 1);
            let n_trail = trail.len();
            for i in lead {
                s.push_str(hanging);
                s.push_str(&self.recurse(
                    axis + 1,
                    base + i * stride,
                    strides,
                    &next_hanging,
                    next_width,
                ));
                s.push_str(&line_sep);
            }
            if summary {
                s.push_str(hanging);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            for (k, i) in trail.enumerate() {
                s.push_str(hanging);
                s.push_str(&self.recurse(
                    axis + 1,
                    base + i * stride,
                    strides,
                    &next_hanging,
                    next_width,
                ));
                if k + 1 < n_trail {
                    s.push_str(&line_sep);
                }
            }
        }
        // The first line carries the hanging indent too; `[` replaces it.
        format!("[{}]", &s[hanging.len()..])
    }
}

/// NumPy's `_extendLine`: start a new line (under the hanging indent) when
/// `word` would overflow `width`, unless the line holds nothing yet — then
/// wrapping would not help.
fn extend_line(s: &mut String, line: &mut String, word: &str, width: isize, prefix: &str) {
    let needs_wrap = (line.len() + word.len()) as isize > width && line.len() > prefix.len();
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = prefix.to_string();
    }
    line.push_str(word);
}
