//! Random arrays are a pure function of (seed, stream, flat index): the
//! same under every chunking and for every slice.

use super::*;

// ---------------------------------------------------------------------------
// Random numbers (DESIGN.md §5)

pub(crate) const DISTS: &[&str] = &[
    "random.random({s}, chunks={c})",
    "random.normal(3.0, 2.0, {s}, chunks={c})",
    "random.uniform(-2, 5, {s}, chunks={c})",
    "random.randint(-7, 100, {s}, chunks={c})",
    "random.standard_normal({s}, chunks={c})",
];

pub(crate) fn chunks_strategy(
    shape: Vec<usize>,
) -> impl Strategy<Value = (Vec<usize>, String, String)> {
    let one = |shape: &Vec<usize>| shape.iter().map(|&n| (1..=n).boxed()).collect::<Vec<_>>();
    (Just(shape.clone()), one(&shape), one(&shape)).prop_map(|(s, a, b)| {
        let t = |c: Vec<usize>| shape_text(&c);
        (s, t(a), t(b))
    })
}

pub(crate) fn dist_program(dist: usize, shape: &[usize], chunks: &str) -> String {
    DISTS[dist].replace("{s}", &shape_text(shape)).replace("{c}", chunks)
}

/// A random subscript of `shape`: slices with random (possibly negative)
/// steps and bounds, or integer indices. Returns the text and, per axis,
/// the indices it selects (None for an integer index, which drops the axis).
pub(crate) fn subscript_strategy(
    shape: Vec<usize>,
) -> impl Strategy<Value = (String, Vec<(Vec<usize>, bool)>)> {
    let per_axis: Vec<_> = shape
        .iter()
        .map(|&n| {
            let n = n as i64;
            prop_oneof![
                (-n..n).prop_map(move |i| (i.to_string(), vec![i.rem_euclid(n) as usize], false)),
                (
                    prop::option::of(-n - 2..n + 2),
                    prop::option::of(-n - 2..n + 2),
                    prop_oneof![1i64..=5, -5i64..=-1]
                )
                    // Empty selections are covered by `empty_arrays_compute`.
                    .prop_filter("empty slice", move |&(a, b, s)| slice_len(n, a, b, s) > 0)
                    .prop_map(move |(a, b, s)| {
                        let f = |v: Option<i64>| v.map_or(String::new(), |v| v.to_string());
                        let idx = slice_indices(n, a, b, s);
                        (format!("{}:{}:{s}", f(a), f(b)), idx, true)
                    }),
            ]
        })
        .collect();
    per_axis.prop_map(|items| {
        let text = items.iter().map(|(t, _, _)| t.clone()).collect::<Vec<_>>().join(", ");
        (text, items.into_iter().map(|(_, i, keep)| (i, keep)).collect())
    })
}

/// The indices Python's `start:stop:step` selects from a length-`n` axis.
pub(crate) fn slice_indices(
    n: i64,
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
) -> Vec<usize> {
    let len = slice_len(n, start, stop, step);
    let first = if step > 0 {
        start.map_or(0, |s| if s < 0 { (s + n).max(0) } else { s.min(n) })
    } else {
        start.map_or(n - 1, |s| if s < 0 { (s + n).max(-1) } else { s.min(n - 1) })
    };
    (0..len).map(|k| (first + k * step) as usize).collect()
}

/// Picks the elements `sel` selects from the C-ordered `full` of `shape`.
pub(crate) fn select(
    full: &[f64],
    shape: &[usize],
    sel: &[(Vec<usize>, bool)],
) -> (Vec<usize>, Vec<f64>) {
    let out_shape: Vec<usize> =
        sel.iter().filter(|(_, keep)| *keep).map(|(i, _)| i.len()).collect();
    let mut out = Vec::new();
    let mut idx = vec![0usize; shape.len()];
    pub(crate) fn rec(
        ax: usize,
        full: &[f64],
        shape: &[usize],
        sel: &[(Vec<usize>, bool)],
        idx: &mut Vec<usize>,
        out: &mut Vec<f64>,
    ) {
        if ax == shape.len() {
            let mut flat = 0;
            for (i, &n) in idx.iter().zip(shape) {
                flat = flat * n + i;
            }
            out.push(full[flat]);
            return;
        }
        for &i in &sel[ax].0 {
            idx[ax] = i;
            rec(ax + 1, full, shape, sel, idx, out);
        }
    }
    rec(0, full, shape, sel, &mut idx, &mut out);
    (out_shape, out)
}

pub(crate) fn small_shape() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(1usize..=30, 1..=3)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(200), failure_persistence: None, .. ProptestConfig::default() })]

    /// Same values, bit for bit, for any chunking and thread count.
    #[test]
    fn random_values_do_not_depend_on_chunks_or_threads(
        (shape, ca, cb) in small_shape().prop_flat_map(chunks_strategy),
        dist in 0..DISTS.len(),
        seed in 0u64..1000,
    ) {
        let pa = format!("random.seed({seed})\n{}", dist_program(dist, &shape, &ca));
        let pb = format!("random.seed({seed})\n{}", dist_program(dist, &shape, &cb));
        let a = run(&pa, options(2, true)).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&a.shape, &shape);
        for (code, o) in [(&pb, options(2, true)), (&pa, options(1, true)), (&pb, options(1, false))] {
            let b = run(code, o.clone()).map_err(TestCaseError::fail)?;
            same_bits(&a, &b).map_err(|e| TestCaseError::fail(format!("{pa}\nvs\n{code} {o:?}\n{e}")))?;
        }
    }

    /// `x[sub]` of a random array is exactly those elements of `x`.
    #[test]
    fn slicing_a_random_array_selects_its_elements(
        ((shape, ca, _cb), (sub, sel)) in small_shape()
            .prop_flat_map(|s| (chunks_strategy(s.clone()), subscript_strategy(s))),
        dist in 0..DISTS.len(),
        optimize in any::<bool>(),
    ) {
        let def = format!("x = {}", dist_program(dist, &shape, &ca));
        let o = options(2, optimize);
        let full = run(&format!("{def}\nx"), o.clone()).map_err(TestCaseError::fail)?;
        let code = format!("{def}\nx[{sub}]");
        let part = run(&code, o).map_err(|e| TestCaseError::fail(format!("{code}\n{e}")))?;
        let (want_shape, want) = select(&full.values, &shape, &sel);
        let want = Outcome { dtype: full.dtype.clone(), shape: want_shape, values: want };
        // A 0-d result may come back as a Python scalar.
        let part = if part.shape.is_empty() { Outcome { dtype: full.dtype.clone(), ..part } } else { part };
        same_bits(&want, &part)
            .map_err(|e| TestCaseError::fail(format!("{code}  (optimize={optimize})\n{e}")))?;
    }
}
