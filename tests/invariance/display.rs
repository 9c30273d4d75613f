//! Display laziness: a big lazy array shows exactly the corner elements a
//! full computation gives.

use super::*;

// ---------------------------------------------------------------------------
// Display laziness

/// The numbers on the corner rows of a summarized 2-d display.
pub(crate) fn displayed_corners(text: &str) -> Vec<Vec<f64>> {
    text.lines()
        .skip(1) // header
        .filter(|l| !l.trim().is_empty() && l.trim() != "...")
        .map(|l| {
            l.replace(['[', ']'], " ")
                .split_whitespace()
                .filter(|t| *t != "...")
                .map(|t| t.parse::<f64>().unwrap_or_else(|_| panic!("not a number {t:?} in {l:?}")))
                .collect()
        })
        .collect()
}

#[track_caller]
fn assert_corners(text: &str, rows: usize, cols: usize, at: impl Fn(usize, usize) -> f64) {
    let corners = displayed_corners(text);
    assert_eq!(corners.len(), 6, "display:\n{text}");
    let ri = [0, 1, 2, rows - 3, rows - 2, rows - 1];
    let ci = [0, 1, 2, cols - 3, cols - 2, cols - 1];
    for (r, row) in ri.iter().zip(&corners) {
        assert_eq!(row.len(), 6, "display:\n{text}");
        for (c, &shown) in ci.iter().zip(row) {
            let v = at(*r, *c);
            assert!(
                (v - shown).abs() <= 5.1e-9 * v.abs().max(1.0),
                "[{r}, {c}]: shown {shown}, value {v}\n{text}"
            );
        }
    }
}

#[test]
fn display_of_a_lazy_random_array_shows_its_computed_elements() {
    let mut s = Session::with_options(options(2, true));
    s.eval("<x>", "x = random.random((2000, 2000), chunks=(300, 700))").unwrap();
    let text = s.eval_display("<show>", "x").unwrap().unwrap();
    let full = s.eval("<c>", "x.compute()").unwrap();
    let full = outcome(&mut s, full).unwrap();
    assert_eq!(full.shape, vec![2000, 2000]);
    assert_corners(&text, 2000, 2000, |r, c| full.values[r * 2000 + c]);
    // Displaying again after the compute shows the same.
    assert_eq!(text, s.eval_display("<show>", "x").unwrap().unwrap());
}

#[test]
fn display_of_a_huge_lazy_array_computes_only_its_corners() {
    // 20000 x 20000 float64 is 3 GiB: only a lazy display can show it.
    let mut s = Session::with_options(options(2, true));
    s.eval("<x>", "x = random.normal(5, 2, (20000, 20000), chunks=(1000, 1000))").unwrap();
    let t = std::time::Instant::now();
    let text = s.eval_display("<show>", "x").unwrap().unwrap();
    assert!(t.elapsed().as_secs() < 20, "display took {:?}", t.elapsed());
    let mut corner = |code: &str| {
        let v = s.eval("<c>", code).unwrap();
        outcome(&mut s, v).unwrap().values
    };
    let tl = corner("x[:3, :3]");
    let tr = corner("x[:3, -3:]");
    let bl = corner("x[-3:, :3]");
    let br = corner("x[-3:, -3:]");
    let n = 20000;
    // A 20000-column row wraps; join the display lines of each row first.
    let joined = join_wrapped_rows(&text);
    assert_corners(&joined, n, n, |r, c| {
        let (rr, cc) = (if r < 3 { r } else { r + 3 - n }, if c < 3 { c } else { c + 3 - n });
        let block = match (r < 3, c < 3) {
            (true, true) => &tl,
            (true, false) => &tr,
            (false, true) => &bl,
            (false, false) => &br,
        };
        block[rr * 3 + cc]
    });
}

/// Joins NumPy-style wrapped rows (a row continues until its closing `]`).
pub(crate) fn join_wrapped_rows(text: &str) -> String {
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, l) in text.lines().enumerate() {
        if i == 0 || l.trim() == "..." {
            out.push(l.to_string());
            continue;
        }
        cur.push(' ');
        cur.push_str(l);
        if l.trim_end().ends_with(']') {
            out.push(std::mem::take(&mut cur));
        }
    }
    out.join("\n")
}

#[test]
#[ignore]
fn print_sample_programs() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for _ in 0..12 {
        let (shape, depth, choices) =
            (shape_strategy(), 1usize..=4, prop::collection::vec(any::<u32>(), 0..160))
                .new_tree(&mut runner)
                .unwrap()
                .current();
        let (a, b, _) = program(&choices, &shape, depth);
        println!("{shape:?}\nA: {a}\nB: {b}\n");
    }
}
