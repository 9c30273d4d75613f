//! Counting and lookup against a small table: `histogram`,
//! `histogram_bin_edges`, `histogram2d`, `bincount` here, and `digitize`,
//! `searchsorted`, `isin`, `unique` in `lookup.rs`.
//!
//! Bin edges, tables and result lengths are worked out when the function
//! is called (computing the data's min/max or max first when NumPy's
//! answer depends on them), with NumPy's exact edge arithmetic; the
//! counting itself is a lazy `Bin` node whose single small output chunk is
//! summed over the input's chunks in a fixed order (see `exec::binning`).

mod lookup;

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::array::{ArrayData, DType, Elem};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::exec::elem_ops::Num;
use crate::interp::{Interp, Value, repr};
use crate::ir::binning::{BinRule, Binning, bin};
use crate::ir::ops::ReduceOp;
use crate::ir::{NodeRef, build};
use lookup::{MAX_TABLE, check_1d, table, value_err};
use ndarray::{ArrayD, IxDyn};
use std::sync::Arc;

fn type_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Type, msg, span)
}

/// The minimum and maximum of a non-empty array, computed now.
fn min_max(interp: &mut Interp, x: &NodeRef, span: Span) -> R<(f64, f64)> {
    let flat = build::reshape(x, &[-1])?;
    let lo = build::reshape(&build::reduce(&flat, ReduceOp::Min, vec![0], false)?, &[1])?;
    let hi = build::reshape(&build::reduce(&flat, ReduceOp::Max, vec![0], false)?, &[1])?;
    let both = build::concatenate(&[lo, hi], 0)?;
    let v = interp.compute(&both).map_err(|d| d.or_span(span))?.to_f64_vec();
    Ok((v[0], v[1]))
}

/// A number as NumPy prints it in its messages.
fn num_text(v: f64, int: bool) -> String {
    if int && v.is_finite() { format!("{}", v as i64) } else { repr(&Value::Float(v)) }
}

/// The outer edges of equal-width bins and where they came from, which
/// decides the dtypes NumPy computes the edges and the index in.
struct Outer {
    first: f64,
    last: f64,
    /// From the data's min/max (NumPy scalars of the data's dtype), not
    /// from Python numbers in `range`.
    from_data: bool,
    /// Both are integers (so NumPy's width is an unsigned integer).
    ints: bool,
}

/// One bound of `range`: a Python number, or a 0-d array computed now.
fn range_bound(interp: &mut Interp, v: &Value, span: Span) -> R<(f64, bool)> {
    match v {
        Value::Int(i) => Ok((*i as f64, true)),
        Value::Bool(b) => Ok((*b as u8 as f64, true)),
        Value::Array(n) if n.ndim() == 0 => {
            Ok((to_f64(interp, v, span, "range")?, !n.dtype.is_float()))
        }
        _ => Ok((to_f64(interp, v, span, "each bound of range")?, false)),
    }
}

/// NumPy's `_get_outer_edges` for data `x` and a `range` value.
fn outer_edges(
    interp: &mut Interp,
    x: &NodeRef,
    data: Span,
    range: &Value,
    span: Span,
) -> R<Outer> {
    let mut o = if let Value::None = range {
        if x.size() == 0 {
            Outer { first: 0.0, last: 1.0, from_data: false, ints: true }
        } else {
            let (first, last) = min_max(interp, x, data)?;
            let int = !x.dtype.is_float();
            if !(first.is_finite() && last.is_finite()) {
                return Err(value_err(
                    format!(
                        "autodetected range of [{}, {}] is not finite",
                        num_text(first, int),
                        num_text(last, int)
                    ),
                    data,
                )
                .with_hint("remove NaN and infinite values first, or pass range=(lo, hi)"));
            }
            Outer { first, last, from_data: true, ints: int }
        }
    } else {
        let items = range.sequence().filter(|s| s.len() == 2).ok_or_else(|| {
            value_err(format!("range must be a pair (min, max), got {}", repr(range)), span)
        })?;
        let (first, fi) = range_bound(interp, &items[0], span)?;
        let (last, li) = range_bound(interp, &items[1], span)?;
        if first > last {
            return Err(value_err("max must be larger than min in range parameter.", span));
        }
        if !(first.is_finite() && last.is_finite()) {
            return Err(value_err(
                format!(
                    "supplied range of [{}, {}] is not finite",
                    num_text(first, fi),
                    num_text(last, li)
                ),
                span,
            ));
        }
        Outer { first, last, from_data: false, ints: fi && li }
    };
    if o.first == o.last {
        // NumPy widens an empty range to avoid dividing by zero.
        o.first -= 0.5;
        o.last += 0.5;
        o.ints = false;
    }
    Ok(o)
}

/// NumPy's `linspace(start, stop, num)` evaluated in `T`.
fn linspace<T: Num>(start: T, stop: T, num: usize) -> Vec<T> {
    let div = T::from_f64((num - 1) as f64);
    let delta = stop.sub(start);
    let step = delta.div(div);
    let zero = step == T::from_f64(0.0);
    let mut y: Vec<T> = (0..num)
        .map(|i| {
            let i = T::from_f64(i as f64);
            if zero { i.div(div).mul(delta).add(start) } else { i.mul(step).add(start) }
        })
        .collect();
    y[num - 1] = stop;
    y
}

fn vec_data<T: Elem>(v: Vec<T>) -> ArrayData {
    T::wrap(ArrayD::from_shape_vec(IxDyn(&[v.len()]), v).expect("1-d"))
}

/// `n` equal-width edges: computed in float32 when the bounds are the
/// data's own float32 min/max, else in float64; then given `dtype`.
fn uniform_edges(o: &Outer, n: usize, data_dtype: DType, dtype: DType) -> ArrayData {
    if data_dtype == DType::Float32 && o.from_data {
        vec_data(linspace(o.first as f32, o.last as f32, n + 1)).cast(dtype)
    } else {
        vec_data(linspace(o.first, o.last, n + 1)).cast(dtype)
    }
}

/// What `bins=` asked for along one axis.
enum Bins {
    Count(usize),
    Edges(ArrayData),
}

/// `bins` for axis `axis` of histogram2d (`None`: histogram's own words).
fn parse_bins(interp: &mut Interp, v: &Value, span: Span, axis: Option<usize>) -> R<Bins> {
    let name = axis.map_or("`bins`".to_string(), |i| format!("`bins[{i}]`"));
    let count = |n: i64| {
        if n < 1 {
            Err(value_err(format!("{name} must be positive, when an integer"), span))
        } else if n as usize > MAX_TABLE {
            Err(Diagnostic::new(
                ErrorKind::Memory,
                format!("{name} asks for {n} bins; arr allows at most {MAX_TABLE}"),
                span,
            ))
        } else {
            Ok(Bins::Count(n as usize))
        }
    };
    let not_int = || {
        type_err(
            match axis {
                None => "`bins` must be an integer, a string, or an array".to_string(),
                Some(_) => format!("{name} must be an integer, when a scalar"),
            },
            span,
        )
    };
    match v {
        Value::Int(n) => count(*n),
        Value::Bool(b) => count(*b as i64),
        Value::Float(_) => Err(not_int()),
        Value::Str(s) => {
            Err(value_err(format!("bin estimators such as '{s}' are not supported"), span)
                .with_hint("pass a number of bins or the bin edges"))
        }
        _ => {
            let node = to_array(v, span)?;
            match node.ndim() {
                0 if node.dtype.is_float() => Err(not_int()),
                0 => count(to_f64(interp, v, span, "bins")? as i64),
                1 => {
                    let edges = table(interp, &node, span, "histogram", "bins")?;
                    let e = edges.to_f64_vec();
                    if e.windows(2).any(|w| w[0] > w[1]) {
                        let what = if axis.is_some() {
                            "must be monotonically increasing"
                        } else {
                            "must increase monotonically"
                        };
                        return Err(value_err(format!("{name} {what}, when an array"), span));
                    }
                    if e.is_empty() {
                        return Err(value_err(format!("{name} needs at least one edge"), span));
                    }
                    Ok(Bins::Edges(edges))
                }
                _ => Err(value_err(
                    match axis {
                        None => "`bins` must be 1d, when an array".to_string(),
                        Some(_) => format!("{name} must be a scalar or 1d array"),
                    },
                    span,
                )),
            }
        }
    }
}

/// Explicit edges as a rule over `x`: both brought to their common dtype.
fn edges_rule(x: &NodeRef, edges: &ArrayData) -> (NodeRef, Arc<ArrayData>) {
    let dtype = DType::promote(x.dtype, edges.dtype());
    (build::cast(x, dtype), Arc::new(edges.cast(dtype)))
}

/// histogram's data (bool as uint8, as NumPy), edges, and binning rule.
struct Setup {
    input: NodeRef,
    edges: ArrayData,
    rule: BinRule,
}

fn histogram_setup(interp: &mut Interp, a: &Args) -> R<Setup> {
    let mut x = to_array(&a.value("a"), a.span("a"))?;
    if x.dtype == DType::Bool {
        x = build::cast(&x, DType::UInt8);
    }
    match parse_bins(interp, &a.value("bins"), a.span("bins"), None)? {
        Bins::Edges(edges) => {
            let (input, e) = edges_rule(&x, &edges);
            Ok(Setup { input, edges, rule: BinRule::Edges(e) })
        }
        Bins::Count(n) => {
            let o = outer_edges(interp, &x, a.span("a"), &a.value("range"), a.span("range"))?;
            let dtype = if x.dtype.is_float() { x.dtype } else { DType::Float64 };
            let edges = uniform_edges(&o, n, x.dtype, dtype);
            let e = edges.to_f64_vec();
            if e.windows(2).any(|w| w[0] >= w[1]) {
                return Err(value_err(
                    format!("Too many bins for data range. Cannot create {n} finite-sized bins."),
                    a.span("bins"),
                ));
            }
            // NumPy's width `last - first`: an unsigned integer for integer
            // bounds (dividing float32 data in float64), the data's float32
            // for its own float32 bounds, else a Python float.
            let (denom, wide) = if o.ints {
                ((o.last as i64).wrapping_sub(o.first as i64) as u64 as f64, true)
            } else if o.from_data && dtype == DType::Float32 {
                ((o.last as f32 - o.first as f32) as f64, false)
            } else {
                (o.last - o.first, false)
            };
            let rule = BinRule::Uniform {
                edges: Arc::new(edges.clone()),
                first: o.first,
                last: o.last,
                denom,
                wide,
            };
            Ok(Setup { input: build::cast(&x, dtype), edges, rule })
        }
    }
}

/// The weights input and the histogram's dtype (NumPy's `ntype`).
fn weights(a: &Args, shape: &[usize], msg: &str) -> R<Option<(NodeRef, DType)>> {
    if a.is_none("weights") {
        return Ok(None);
    }
    let span = a.span("weights");
    let w = to_array(&a.value("weights"), span)?;
    if w.shape != shape {
        return Err(value_err(msg, span));
    }
    let dtype = w.dtype;
    Ok(Some((if dtype.is_float() { build::cast(&w, DType::Float64) } else { w }, dtype)))
}

fn histogram(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let s = histogram_setup(interp, a)?;
    let density = to_bool(&a.value("density"), a.span("density"), "density")?;
    let mut inputs = vec![s.input.clone()];
    let w = weights(a, &s.input.shape, "weights should have the same shape as a.")?;
    let counts_dtype = w.as_ref().map_or(DType::Int64, |(_, d)| *d);
    if let Some((w, _)) = w {
        inputs.push(w);
    }
    let weighted = inputs.len() == 2;
    let binning = Arc::new(Binning { rule: s.rule, weighted, counts_dtype, density });
    let hist = bin(inputs, binning, if density { DType::Float64 } else { counts_dtype });
    Ok(Value::tuple(vec![Value::Array(hist), Value::Array(build::literal(s.edges, None))]))
}

fn histogram_bin_edges(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let s = histogram_setup(interp, a)?;
    weights(a, &s.input.shape, "weights should have the same shape as a.")?;
    Ok(Value::Array(build::literal(s.edges, None)))
}

/// histogram2d's `bins`: one entry per axis.
fn bins_2d(interp: &mut Interp, v: &Value, span: Span) -> R<[Bins; 2]> {
    let items = match v {
        Value::List(_) | Value::Tuple(_) => v.sequence().expect("sequence"),
        Value::Array(n) if n.ndim() == 1 && n.size() == 2 && !n.dtype.is_float() => {
            let d = table(interp, n, span, "histogram2d", "bins")?.to_f64_vec();
            vec![Value::Int(d[0] as i64), Value::Int(d[1] as i64)]
        }
        Value::Array(n) if n.ndim() == 1 && n.size() == 1 => vec![v.clone()],
        Value::Array(n) if n.ndim() == 1 => {
            let e = parse_bins(interp, v, span, Some(0))?;
            let e2 = parse_bins(interp, v, span, Some(1))?;
            return Ok([e, e2]);
        }
        _ => vec![v.clone(), v.clone()],
    };
    match items.len() {
        2 => Ok([
            parse_bins(interp, &items[0], span, Some(0))?,
            parse_bins(interp, &items[1], span, Some(1))?,
        ]),
        1 => Err(value_err(
            "The dimension of bins must be equal to the dimension of the sample x.",
            span,
        )),
        _ => Ok([parse_bins(interp, v, span, Some(0))?, parse_bins(interp, v, span, Some(1))?]),
    }
}

fn histogram2d(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("x"), a.span("x"))?;
    let y = to_array(&a.value("y"), a.span("y"))?;
    check_1d(&x, a.span("x"), "histogram2d", "x")?;
    check_1d(&y, a.span("y"), "histogram2d", "y")?;
    if x.size() != y.size() {
        return Err(value_err("x and y must have the same length.", a.span("y")));
    }
    // NumPy stacks x and y into one sample array: one common dtype.
    let mut sample = DType::promote(x.dtype, y.dtype);
    if sample == DType::Bool {
        sample = DType::UInt8;
    }
    let columns = [build::cast(&x, sample), build::cast(&y, sample)];
    let bins = bins_2d(interp, &a.value("bins"), a.span("bins"))?;
    let (rv, rspan) = a.get("range");
    let ranges = match &rv {
        Value::None => vec![Value::None, Value::None],
        v => v
            .sequence()
            .filter(|s| s.len() == 2)
            .ok_or_else(|| value_err("range argument must have one entry per dimension", rspan))?,
    };
    let mut inputs = Vec::new();
    let mut edges = Vec::new();
    let mut tables = Vec::new();
    for (axis, b) in bins.into_iter().enumerate() {
        let col = &columns[axis];
        let e = match b {
            Bins::Edges(e) => e,
            Bins::Count(n) => {
                let data = a.span(["x", "y"][axis]);
                let o = outer_edges(interp, col, data, &ranges[axis], rspan)?;
                let dtype = if sample == DType::Float32 && o.from_data {
                    DType::Float32
                } else {
                    DType::Float64
                };
                uniform_edges(&o, n, sample, dtype)
            }
        };
        let (input, t) = edges_rule(col, &e);
        inputs.push(input);
        tables.push(t);
        edges.push(e);
    }
    let cells = tables.iter().map(|t| t.len().saturating_sub(1)).product::<usize>();
    if cells > MAX_TABLE {
        return Err(Diagnostic::new(
            ErrorKind::Memory,
            format!("histogram2d(): {cells} bins in all; arr allows at most {MAX_TABLE}"),
            a.span("bins"),
        ));
    }
    let density = to_bool(&a.value("density"), a.span("density"), "density")?;
    let w = weights(a, &x.shape, "The weights and list don't have the same length.")?;
    let weighted = w.is_some();
    if let Some((w, _)) = w {
        inputs.push(build::cast(&w, DType::Float64));
    }
    let rule = BinRule::Grid(tables[0].clone(), tables[1].clone());
    let binning = Arc::new(Binning { rule, weighted, counts_dtype: DType::Float64, density });
    let hist = bin(inputs, binning, DType::Float64);
    let [ex, ey]: [ArrayData; 2] = edges.try_into().expect("two axes");
    Ok(Value::tuple(vec![
        Value::Array(hist),
        Value::Array(build::literal(ex, None)),
        Value::Array(build::literal(ey, None)),
    ]))
}

fn bincount(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let span = a.span("x");
    let x = to_array(&a.value("x"), span)?;
    check_1d(&x, span, "bincount", "x")?;
    if x.dtype.is_float() {
        return Err(type_err(
            format!(
                "bincount(): Cannot cast array data from dtype('{}') to dtype('int64') according \
                 to the rule 'safe'",
                x.dtype
            ),
            span,
        )
        .with_hint("bincount counts non-negative integers; use x.astype(int64) to truncate"));
    }
    let minlength = match a.value("minlength") {
        Value::None => 0,
        v => to_int(&v, a.span("minlength"), "minlength")?,
    };
    if minlength < 0 {
        return Err(value_err("'minlength' must not be negative", a.span("minlength")));
    }
    let mut len = minlength as usize;
    if x.size() > 0 {
        let (lo, hi) = min_max(interp, &x, span)?;
        if lo < 0.0 {
            return Err(value_err(
                format!("bincount(): 'list' argument must have no negative elements (found {lo})"),
                span,
            ));
        }
        len = len.max((hi + 1.0).min(u64::MAX as f64) as usize);
    }
    // The result and a few partial counts are held in memory.
    if len as f64 * 8.0 * 4.0 > interp.memory_limit as f64 {
        let (why, at) = if len == minlength as usize {
            ("minlength", a.span("minlength"))
        } else {
            ("max(x) + 1", span)
        };
        return Err(Diagnostic::new(
            ErrorKind::Memory,
            format!("bincount(): the result would have {len} bins ({why}), over the memory limit"),
            at,
        ));
    }
    let mut inputs = vec![build::cast(&x, DType::Int64)];
    let w = weights(a, &x.shape, "The weights and list don't have the same length.")?;
    let weighted = w.is_some();
    if let Some((w, _)) = w {
        inputs.push(build::cast(&w, DType::Float64));
    }
    let dtype = if weighted { DType::Float64 } else { DType::Int64 };
    let rule = BinRule::Value { len };
    let binning = Arc::new(Binning { rule, weighted, counts_dtype: dtype, density: false });
    Ok(Value::Array(bin(inputs, binning, dtype)))
}

pub(super) const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "histogram",
        module: Module::Root,
        signature: "histogram(a, bins=10, range=None, weights=None, density=False)",
        doc: "Histogram of the (flattened) data: returns `(hist, bin_edges)`. `bins` is a number \
              of equal-width bins over `range` (the data's min and max by default, computed when \
              called) or a sequence of edges; every bin is half-open except the last. Counts are \
              int64 (the weights' dtype with `weights`; float64 with `density=True`). The counting \
              is lazy and exact at any chunking and thread count.",
        examples: &[
            "histogram(array([1, 2, 1, 3, 4]), bins=3)",
            "x = random.normal(0, 1, 100000, chunks=10000); h, e = histogram(x[x > 0], bins=20, range=(0, 4)); h.sum()",
            "histogram(array([0.5, 1.5, 2.5]), bins=[0, 1, 3], density=True)",
        ],
        method: false,
        imp: histogram,
    },
    Builtin {
        name: "histogram_bin_edges",
        module: Module::Root,
        signature: "histogram_bin_edges(a, bins=10, range=None, weights=None)",
        doc: "The bin edges `histogram` would use, without counting.",
        examples: &["histogram_bin_edges(array([1.0, 2.0, 4.0]), bins=3)"],
        method: false,
        imp: histogram_bin_edges,
    },
    Builtin {
        name: "histogram2d",
        module: Module::Root,
        signature: "histogram2d(x, y, bins=10, range=None, density=False, weights=None)",
        doc: "Two-dimensional histogram of points `(x[i], y[i])`: returns `(H, xedges, yedges)` \
              with `H` float64 of shape `(nx, ny)`. `bins` is a number, a pair of numbers, a pair \
              of edge sequences, or one edge sequence for both axes; `range` is \
              `[[xmin, xmax], [ymin, ymax]]`.",
        examples: &[
            "histogram2d(array([1, 2, 3]), array([1, 1, 2]), bins=2)",
            "histogram2d(array([0.1, 0.5, 0.9]), array([0.2, 0.4, 0.8]), bins=[2, 3], range=[[0, 1], [0, 1]])",
        ],
        method: false,
        imp: histogram2d,
    },
    Builtin {
        name: "bincount",
        module: Module::Root,
        signature: "bincount(x, weights=None, minlength=0)",
        doc: "Number of occurrences of each value in a 1-d array of non-negative integers (its \
              length is `max(x) + 1`, computed when called, or `minlength`); with `weights`, the \
              float64 sum of the weights of each value.",
        examples: &[
            "bincount(array([0, 1, 1, 3]))",
            "bincount(array([0, 1, 1]), weights=array([0.5, 1.0, 2.0]), minlength=4)",
        ],
        method: false,
        imp: bincount,
    },
    Builtin {
        name: "digitize",
        module: Module::Root,
        signature: "digitize(x, bins, right=False)",
        doc: "Index of the bin each element of `x` falls in: `i` with `bins[i-1] <= x < bins[i]` \
              for increasing bins (`<` and `<=` swapped with `right=True`; decreasing bins work \
              too). `bins` is computed when called; `x` stays lazy.",
        examples: &[
            "digitize(array([0.2, 6.4, 3.0, 1.6]), array([0.0, 1.0, 2.5, 4.0, 10.0]))",
            "digitize(array([1, 2, 3]), [3, 2, 1], right=True)",
        ],
        method: false,
        imp: lookup::digitize,
    },
    Builtin {
        name: "searchsorted",
        module: Module::Root,
        signature: "searchsorted(a, v, side='left', sorter=None)",
        doc: "Indices where the elements of `v` would be inserted into the sorted 1-d array `a` \
              to keep it sorted (`side='right'`: after equal elements; NaN sorts last). `a` is \
              computed when called; `v` stays lazy. With `sorter`, `a[sorter]` is the sorted array.",
        examples: &[
            "searchsorted(array([1, 2, 3, 4, 5]), array([3, 0, 9]))",
            "searchsorted([1, 2, 2, 3], 2, side='right')",
        ],
        method: true,
        imp: lookup::searchsorted,
    },
    Builtin {
        name: "isin",
        module: Module::Root,
        signature: "isin(element, test_elements, invert=False)",
        doc: "Whether each element is in `test_elements` (a bool array of `element`'s shape; NaN \
              is in nothing). `test_elements` is computed when called; `element` stays lazy.",
        examples: &[
            "isin(array([[1, 2], [3, 4]]), [2, 4])",
            "isin(arange(5), [1, 3], invert=True)",
        ],
        method: false,
        imp: lookup::isin,
    },
    Builtin {
        name: "unique",
        module: Module::Root,
        signature: "unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None)",
        doc: "The sorted distinct values of the flattened array (NaNs count as one, last), \
              computed when called chunk by chunk. Optionally also the flat index of each value's \
              first occurrence, each element's position in the result (lazy, with `ar`'s shape), \
              and the counts. Only `axis=None` is supported.",
        examples: &[
            "unique(array([3, 1, 3, 2, 1]))",
            "u, idx, inv, counts = unique(array([[1.0, nan], [1.0, 0.5]]), True, True, True); inv",
        ],
        method: false,
        imp: lookup::unique,
    },
];
