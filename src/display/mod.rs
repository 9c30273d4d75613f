//! NumPy-style display of computed arrays: `str(a)` / `print(a)` text that
//! matches NumPy 2's `array2string` defaults byte for byte (summarization,
//! wrapping, float modes), the scalar form of 0-d values, the one-line REPL
//! header above an array, human byte sizes, and the JSON form used by
//! embedders.
//!
//! Display is lazy-friendly: [`shown_ranges`] says which indices NumPy would
//! print, so the caller computes only those blocks and hands them to
//! [`format_array`] together with the real shape.
//!
//! Files: `float.rs` (Dragon4-equivalent digits and `FloatingFormat`),
//! `layout.rs` (`_formatArray`: brackets, wrapping, `...`), `json.rs`.

mod float;
mod json;
mod layout;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_numpy_cases;
#[cfg(test)]
mod tests_numpy_cases2;

use crate::array::{ArrayData, DType, Elem, Kind};
use ndarray::Axis;
use std::ops::Range;

pub use json::array_to_json;

/// NumPy's print options that arr supports (`np.set_printoptions`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintOptions {
    /// Arrays with more elements than this are summarized with `...`.
    pub threshold: usize,
    /// Items kept at each end of a summarized axis.
    pub edgeitems: usize,
    /// Maximum digits after the decimal point for floats.
    pub precision: usize,
    /// Characters per line before a row wraps.
    pub linewidth: usize,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions { threshold: 1000, edgeitems: 3, precision: 8, linewidth: 75 }
    }
}

impl PrintOptions {
    fn summarizes(&self, shape: &[usize]) -> bool {
        shape.iter().product::<usize>() > self.threshold
    }
}

/// Which indices along each axis will be shown: for each axis one range (all),
/// or two ranges (first edgeitems, last edgeitems) when the array is summarized
/// (size > threshold) and that axis is longer than 2*edgeitems — NumPy's rule.
pub fn shown_ranges(shape: &[usize], opts: &PrintOptions) -> Vec<Vec<Range<usize>>> {
    let summarize = opts.summarizes(shape);
    let e = opts.edgeitems;
    shape
        .iter()
        .map(|&n| {
            let all = 0..n;
            if summarize && n > 2 * e { vec![0..e, n - e..n] } else { vec![all] }
        })
        .collect()
}

/// The shown part of a fully computed array (NumPy's `_leading_trailing`):
/// for callers that hold the whole array, e.g. small literals.
pub fn take_shown(full: &ArrayData, opts: &PrintOptions) -> ArrayData {
    let ranges = shown_ranges(full.shape(), opts);
    if ranges.iter().all(|r| r.len() == 1) {
        return full.clone();
    }
    crate::with_data!(full, a, T => {
        let mut out = a.clone();
        for (k, rs) in ranges.iter().enumerate() {
            if rs.len() > 1 {
                let idx: Vec<usize> = rs.iter().flat_map(|r| r.clone()).collect();
                out = out.select(Axis(k), &idx);
            }
        }
        T::wrap(out)
    })
}

/// Formats a fully computed array like NumPy `str(a)`.
pub fn format_full(full: &ArrayData, opts: &PrintOptions) -> String {
    format_array(&take_shown(full, opts), full.shape(), opts)
}

/// Formats like NumPy `str(a)` / `print(a)`. `shown` holds only the shown
/// elements (the blocks picked by `shown_ranges`, concatenated per axis in
/// order); `full_shape` is the real shape. When shown == full (not
/// summarized) it simply formats it; a whole summarized array is accepted
/// too and cut down here. Panics if `shown` has any other shape.
pub fn format_array(shown: &ArrayData, full_shape: &[usize], opts: &PrintOptions) -> String {
    if full_shape.is_empty() {
        return format_scalar(shown);
    }
    if full_shape.contains(&0) {
        // NumPy prints every empty array, whatever its shape, as `[]`.
        return "[]".into();
    }
    let want: Vec<usize> =
        shown_ranges(full_shape, opts).iter().map(|rs| rs.iter().map(|r| r.len()).sum()).collect();
    if shown.shape() != want.as_slice() && shown.shape() == full_shape {
        // The caller handed over the whole array: pick the shown part here.
        return format_array(&take_shown(shown, opts), full_shape, opts);
    }
    assert_eq!(shown.shape(), want.as_slice(), "shown part does not match shown_ranges");
    let words = layout::element_strings(shown, opts.precision);
    let layout = layout::Layout {
        full_shape,
        shown_shape: shown.shape(),
        summarize: opts.summarizes(full_shape),
        edgeitems: opts.edgeitems,
        words: &words,
    };
    layout.render(opts.linewidth)
}

/// A 0-d value as NumPy prints a scalar: `10.000123456789`, `3`, `True`,
/// `nan`, `-inf`, `1e-07`, `1e+16` (float64 uses Python's shortest repr;
/// float32 uses shortest repr for f32). Reads the first element of `value`.
pub fn format_scalar(value: &ArrayData) -> String {
    if value.is_empty() {
        return "[]".into();
    }
    let dtype = value.dtype();
    crate::with_data!(value, a, _T => {
        let x = *a.iter().next().expect("non-empty");
        match dtype.kind() {
            Kind::Bool => (if x.to_i64() != 0 { "True" } else { "False" }).to_string(),
            Kind::Int => x.to_i64().to_string(),
            Kind::UInt => x.to_u64().to_string(),
            Kind::Float => float::format_float_scalar(float::Float {
                value: x.to_f64(),
                is_f32: dtype == DType::Float32,
            }),
        }
    })
}

/// Python's tuple spelling: `()`, `(200,)`, `(3, 4)`.
fn tuple(items: &[usize]) -> String {
    match items {
        [one] => format!("({one},)"),
        _ => {
            let parts: Vec<String> = items.iter().map(|n| n.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

/// The one-line header shown above an array in the REPL, e.g.
/// `float64 array, shape (200,), chunks (10,) ×20, 1.56 KiB` — the chunk
/// shape is the largest chunk length per axis (the first one for regular
/// chunkings, whose only short chunk is the last), then the number of blocks.
pub fn format_header(dtype: DType, shape: &[usize], chunks: &[Vec<usize>], nbytes: u64) -> String {
    let chunk_shape: Vec<usize> =
        chunks.iter().map(|c| c.iter().copied().max().unwrap_or(0)).collect();
    let blocks: usize = chunks.iter().map(|c| c.len()).product();
    format!(
        "{dtype} array, shape {}, chunks {} ×{blocks}, {}",
        tuple(shape),
        tuple(&chunk_shape),
        format_bytes(nbytes)
    )
}

/// Human bytes in binary units with 3 significant digits: `800 B`,
/// `1.56 KiB`, `15.6 MiB`, `156 GiB`. A value that would round to 1000 or
/// more of a unit moves up to the next (`0.977 MiB`, never `1000 KiB`).
pub fn format_bytes(n: u64) -> String {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 999.5 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    // Decimals for 3 significant digits, judged on the rounded value so
    // 9.996 prints as `10.0`, not `10.00`.
    let decimals = if v < 0.9995 {
        3
    } else if v < 9.995 {
        2
    } else if v < 99.95 {
        1
    } else {
        0
    };
    format!("{v:.decimals$} {}", UNITS[unit])
}
