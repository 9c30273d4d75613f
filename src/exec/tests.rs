//! Executor unit tests: regions, reshapes, reductions and kernels computed
//! chunk by chunk must equal the same operations on whole in-memory arrays.

use super::{Ctx, compute};
use crate::array::{ArrayData, DType};
use crate::ir::build;
use crate::ir::chunks::{AxisChunks, ChunkSpec};
use crate::ir::ops::{BinaryFn, ReduceOp, UnaryFn};
use crate::ir::{AxisSel, NodeRef};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

fn arange(shape: &[usize], chunk: usize) -> NodeRef {
    let n: usize = shape.iter().product();
    let data = ArrayData::from_f64_vec(
        DType::Float64,
        shape,
        &(0..n).map(|i| i as f64).collect::<Vec<_>>(),
    );
    let lit = build::literal(data, None);
    build::rechunk(&lit, &ChunkSpec::Uniform(AxisChunks::Size(chunk))).unwrap()
}

fn run(n: &NodeRef) -> Vec<f64> {
    compute(n, &Ctx::new(Arc::new(AtomicBool::new(false)))).unwrap().to_f64_vec()
}

#[test]
fn negative_and_strided_slices_cross_chunks() {
    let x = arange(&[7, 5], 2);
    let s = build::slice(
        &x,
        vec![AxisSel::Range { start: 6, step: -3, len: 3 }, AxisSel::Index(4), AxisSel::NewAxis],
    )
    .unwrap();
    assert_eq!(s.shape, vec![3, 1]);
    assert_eq!(run(&s), vec![34.0, 19.0, 4.0]);
}

#[test]
fn general_reshape_and_transpose_match_c_order() {
    let x = arange(&[6, 4], 4);
    let r = build::reshape(&x, &[3, 8]).unwrap();
    assert_eq!(run(&r), (0..24).map(|i| i as f64).collect::<Vec<_>>());
    let t = build::transpose(&r, vec![1, 0]).unwrap();
    let expect: Vec<f64> = (0..8).flat_map(|c| (0..3).map(move |r| (r * 8 + c) as f64)).collect();
    assert_eq!(run(&t), expect);
    // A reshape read through a strided slice uses the general gather path.
    let s = build::slice(
        &r,
        vec![
            AxisSel::Range { start: 2, step: -1, len: 3 },
            AxisSel::Range { start: 1, step: 3, len: 3 },
        ],
    )
    .unwrap();
    assert_eq!(run(&s), vec![17.0, 20.0, 23.0, 9.0, 12.0, 15.0, 1.0, 4.0, 7.0]);
}

#[test]
fn reductions_over_chunked_axes() {
    let x = arange(&[5, 6], 2);
    let s0 = build::reduce(&x, ReduceOp::Sum, vec![0], false).unwrap();
    assert_eq!(run(&s0), vec![60.0, 65.0, 70.0, 75.0, 80.0, 85.0]);
    let m = build::reduce(&x, ReduceOp::Max, vec![1], true).unwrap();
    assert_eq!(m.shape, vec![5, 1]);
    assert_eq!(run(&m), vec![5.0, 11.0, 17.0, 23.0, 29.0]);
    let v = build::reduce(&x, ReduceOp::Var { ddof: 1 }, vec![0, 1], false).unwrap();
    let var = run(&v)[0];
    assert!((var - 77.5).abs() < 1e-12, "{var}");
}

#[test]
fn kernels_broadcast_and_cast() {
    let col = arange(&[3, 1], 1);
    let row = build::cast(&arange(&[4], 3), DType::Int32);
    let sum = build::binary(BinaryFn::Add, &col, &row).unwrap();
    assert_eq!(sum.dtype, DType::Float64);
    assert_eq!(run(&sum), vec![0.0, 1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 4.0, 2.0, 3.0, 4.0, 5.0]);
    let neg = build::unary(UnaryFn::Neg, &row).unwrap();
    assert_eq!(neg.dtype, DType::Int32);
    assert_eq!(run(&neg), vec![0.0, -1.0, -2.0, -3.0]);
    let cmp = build::binary(
        BinaryFn::Gt,
        &sum,
        &build::scalar(crate::ir::Scalar::Float(2.5), DType::Float64),
    )
    .unwrap();
    assert_eq!(cmp.dtype, DType::Bool);
    assert_eq!(run(&cmp).iter().filter(|&&b| b == 1.0).count(), 6);
}

#[test]
fn cancellation_stops_a_computation() {
    let x = arange(&[100, 100], 10);
    let s = build::reduce(&x, ReduceOp::Sum, vec![0, 1], false).unwrap();
    let r = compute(&s, &Ctx::new(Arc::new(AtomicBool::new(true))));
    assert_eq!(r.unwrap_err().kind, crate::diag::ErrorKind::Cancelled);
}

#[test]
fn concatenation_serves_strided_and_reversed_regions() {
    let a = arange(&[3, 2], 2);
    let b = build::cast(&arange(&[4, 2], 3), DType::Int32);
    let c = build::concatenate(&[a, b], 0).unwrap();
    assert_eq!(c.shape, vec![7, 2]);
    assert_eq!(c.dtype, DType::Float64);
    let col =
        build::slice(&c, vec![AxisSel::Range { start: 6, step: -2, len: 4 }, AxisSel::Index(1)])
            .unwrap();
    assert_eq!(run(&col), vec![7.0, 3.0, 5.0, 1.0]);
    assert!(build::concatenate(&[arange(&[2, 2], 2), arange(&[2, 3], 2)], 0).is_err());
}

#[test]
fn argmax_finds_the_first_best_across_chunks() {
    let data = ArrayData::from_f64_vec(
        DType::Float64,
        &[2, 7],
        &[1., 5., 2., 9., 9., 0., 3., 4., 4., f64::NAN, 1., f64::NAN, 8., 8.],
    );
    let lit = build::literal(data, None);
    let x = build::rechunk(&lit, &ChunkSpec::Uniform(AxisChunks::Size(2))).unwrap();
    let amax = build::reduce(&x, ReduceOp::ArgMax, vec![1], false).unwrap();
    assert_eq!(amax.dtype, DType::Int64);
    // Row 0: first 9 at index 3 (ties keep the first); row 1: the first NaN wins.
    assert_eq!(run(&amax), vec![3.0, 2.0]);
    let amin = build::reduce(&x, ReduceOp::ArgMin, vec![0], false).unwrap();
    assert_eq!(run(&amin), vec![0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0]);
}

#[test]
fn cumsum_across_chunks_and_strided_regions() {
    let x = arange(&[7, 2], 3);
    let c = build::scan(&x, 0, false).unwrap();
    // Column 0 is 0, 2, 4, ..., 12; its running sums:
    let col =
        build::slice(&c, vec![AxisSel::Range { start: 6, step: -2, len: 4 }, AxisSel::Index(0)])
            .unwrap();
    assert_eq!(run(&col), vec![42.0, 20.0, 6.0, 0.0]);
    let p = build::scan(&build::cast(&arange(&[5], 2), DType::Int32), 0, true).unwrap();
    assert_eq!(p.dtype, DType::Int64);
    assert_eq!(
        run(&build::slice(&p, vec![AxisSel::Range { start: 1, step: 1, len: 4 }]).unwrap()),
        vec![0.0; 4]
    );
}

#[test]
fn take_gathers_rows_from_touched_chunks_only() {
    let x = arange(&[9, 2], 2);
    let t = build::take(&x, 0, Arc::new(vec![8, 0, 3, 3, 1])).unwrap();
    assert_eq!(t.shape, vec![5, 2]);
    assert_eq!(run(&t), vec![16.0, 17.0, 0.0, 1.0, 6.0, 7.0, 6.0, 7.0, 2.0, 3.0]);
    let rev =
        build::slice(&t, vec![AxisSel::Range { start: 4, step: -2, len: 3 }, AxisSel::Index(1)])
            .unwrap();
    assert_eq!(run(&rev), vec![3.0, 7.0, 17.0]);
    assert_eq!(
        build::take(&x, 0, Arc::new(vec![9])).unwrap_err().kind,
        crate::diag::ErrorKind::Index
    );
}

#[test]
fn progress_counts_every_task() {
    let progress = Arc::new(super::progress::Progress::default());
    let ctx = Ctx::with_progress(Arc::new(AtomicBool::new(false)), progress.clone());
    // Ten chunks: ten root tasks.
    let x = build::unary(UnaryFn::Neg, &arange(&[100], 10)).unwrap();
    compute(&x, &ctx).unwrap();
    assert_eq!(progress.counts(), (10, 10));
    // A full reduction: one root task plus one per input block.
    progress.reset();
    let s = build::reduce(&arange(&[100], 10), ReduceOp::Sum, vec![0], false).unwrap();
    compute(&s, &ctx).unwrap();
    assert_eq!(progress.counts(), (11, 11));
}

/// `x + x.T` and `x[::-1, 1:].T` of a random array: the transposed reads are
/// generated in the generator's own order (`leaf::Natural`) and must give
/// exactly the values of the elements they name.
#[test]
fn transposed_random_reads_give_the_elements_they_name() {
    use crate::ir::Generator;
    use crate::random::{Distribution, StreamKey, sample_f64};
    let dist = Distribution::Normal { loc: 1.0, scale: 2.0 };
    let key = StreamKey { seed: 99, stream: 3 };
    let n = 45;
    let spec = ChunkSpec::Uniform(AxisChunks::Size(20));
    let chunks = build::chunks_for(&spec, &[n, n], DType::Float64).unwrap();
    let x = build::generate(Generator::Random { dist, key }, vec![n, n], DType::Float64, chunks);
    let at = |r: usize, c: usize| sample_f64(&dist, key, (r * n + c) as u64);
    let t = build::transpose(&x, vec![1, 0]).unwrap();
    let sum = build::binary(BinaryFn::Add, &x, &t).unwrap();
    let got = run(&sum);
    for r in 0..n {
        for c in 0..n {
            assert_eq!(got[r * n + c].to_bits(), (at(r, c) + at(c, r)).to_bits(), "({r}, {c})");
        }
    }
    // A reversed, offset view, transposed: element (i, j) is x[n-1-j, 1+i].
    let v = build::slice(
        &x,
        vec![
            AxisSel::Range { start: n as i64 - 1, step: -1, len: n },
            AxisSel::Range { start: 1, step: 1, len: n - 1 },
        ],
    )
    .unwrap();
    let vt = build::transpose(&v, vec![1, 0]).unwrap();
    let twice = build::binary(BinaryFn::Mul, &vt, &vt).unwrap();
    let got = run(&twice);
    for i in 0..n - 1 {
        for j in 0..n {
            let e = at(n - 1 - j, 1 + i);
            assert_eq!(got[i * n + j].to_bits(), (e * e).to_bits(), "({i}, {j})");
        }
    }
}

/// `x**2`, `x**3`, `x**4` compile to products, not `pow`: `**2` equals
/// pow exactly, the others within two roundings; integers are exact.
#[test]
fn small_integer_powers_are_products() {
    use crate::ir::Scalar;
    let values = [-1.7, -0.3, 0.0, 0.9, 2.5, 1e10, -3.0];
    let x = build::literal(ArrayData::from_f64_vec(DType::Float64, &[7], &values), None);
    for k in [2, 3, 4] {
        let p =
            build::binary(BinaryFn::Pow, &x, &build::scalar(Scalar::Int(k), DType::Int64)).unwrap();
        assert_eq!(p.dtype, DType::Float64);
        let (prog, _) = super::kernel::Program::compile(&p, &|n| n.id != p.id);
        assert!(!prog.describe().contains("power"), "{k}: {}", prog.describe());
        for (got, v) in run(&p).iter().zip(values) {
            let want = v.powi(k as i32);
            assert!(
                (got - want).abs() <= 2.0 * f64::EPSILON * want.abs(),
                "{v}**{k}: {got} vs {want}"
            );
            if k == 2 {
                assert_eq!(got.to_bits(), v.powf(2.0).to_bits());
            }
        }
    }
    let ints =
        build::literal(ArrayData::from_f64_vec(DType::Int64, &[4], &[-7.0, 3.0, 0.0, 12.0]), None);
    let cube =
        build::binary(BinaryFn::Pow, &ints, &build::scalar(Scalar::Int(3), DType::Int64)).unwrap();
    assert_eq!(cube.dtype, DType::Int64);
    assert_eq!(run(&cube), vec![-343.0, 27.0, 0.0, 1728.0]);
    // Other exponents still call pow.
    let p = build::binary(BinaryFn::Pow, &x, &build::scalar(Scalar::Float(2.5), DType::Float64))
        .unwrap();
    let (prog, _) = super::kernel::Program::compile(&p, &|n| n.id != p.id);
    assert!(prog.describe().contains("power"), "{}", prog.describe());
}

/// `tri` and `eye` masks agree with their definition under chunking, along
/// rows (the incremental path), reversed and strided, and transposed.
#[test]
fn tri_and_eye_generate_any_region() {
    use crate::ir::Generator;
    let (rows, cols) = (7usize, 9usize);
    for k in [i64::MIN, -8, -2, 0, 3, 9, i64::MAX] {
        for (generator, want) in [
            (Generator::Tri { k }, Box::new(move |d: i64| d <= k) as Box<dyn Fn(i64) -> bool>),
            (Generator::Eye { k }, Box::new(move |d: i64| d == k)),
        ] {
            let spec = ChunkSpec::Uniform(AxisChunks::Size(4));
            let chunks = build::chunks_for(&spec, &[rows, cols], DType::Float64).unwrap();
            let g = build::generate(generator, vec![rows, cols], DType::Float64, chunks);
            let full: Vec<f64> = (0..rows * cols)
                .map(|i| f64::from(u8::from(want((i % cols) as i64 - (i / cols) as i64))))
                .collect();
            assert_eq!(run(&g), full, "k={k}");
            let reversed = build::slice(
                &g,
                vec![
                    AxisSel::Range { start: 6, step: -2, len: 4 },
                    AxisSel::Range { start: 8, step: -1, len: 9 },
                ],
            )
            .unwrap();
            let at = |r: usize, c: usize| full[r * cols + c];
            let want_rev: Vec<f64> =
                [6, 4, 2, 0].iter().flat_map(|&r| (0..cols).rev().map(move |c| at(r, c))).collect();
            assert_eq!(run(&reversed), want_rev, "k={k}");
            let t = build::transpose(&g, vec![1, 0]).unwrap();
            let want_t: Vec<f64> =
                (0..cols).flat_map(|c| (0..rows).map(move |r| at(r, c))).collect();
            assert_eq!(run(&t), want_t, "k={k}");
        }
    }
}

/// The AVX2 copies of the kernel loops and row folds give the same bits as
/// the baseline copies, for floats with NaN, infinities, signed zeros and subnormals, and
/// for integers near the wrapping range.
#[test]
fn kernel_instruction_sets_agree_bit_for_bit() {
    use crate::random::simd::{Level, force_level};
    let floats = [
        -1.7,
        -0.0,
        0.0,
        0.9,
        2.5,
        1e300,
        -3.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        7.0,
        1e-310,
        -2.5,
    ];
    let reversed: Vec<f64> = floats.iter().rev().copied().collect();
    let ints = [-7.0, 3.0, 0.0, 12.0, 9.0e18, -9.0e18, 1.0, -1.0, 5.0, 2.0, 64.0, -3.0, 4.0];
    let lit = |d: DType, v: &[f64]| {
        build::rechunk(
            &build::literal(ArrayData::from_f64_vec(d, &[v.len()], v), None),
            &ChunkSpec::Uniform(AxisChunks::Size(5)),
        )
        .unwrap()
    };
    let (xf, yf) = (lit(DType::Float64, &floats), lit(DType::Float64, &reversed));
    let ints_rev: Vec<f64> = ints.iter().rev().copied().collect();
    let (xi, yi) = (lit(DType::Int64, &ints), lit(DType::Int64, &ints_rev));
    use BinaryFn::*;
    use UnaryFn::*;
    let mut exprs = Vec::new();
    for f in [
        Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, Maximum, Minimum, Fmax, Fmin, Arctan2, Hypot,
        Copysign, Lt, Eq,
    ] {
        exprs.extend(build::binary(f, &xf, &yf).ok());
        exprs.extend(build::binary(f, &xi, &yi).ok());
    }
    for f in [Neg, Abs, Sqrt, Exp, Log, Sin, Floor, Rint, Square, Sign, Tanh, IsNan] {
        exprs.extend(build::unary(f, &xf).ok());
        exprs.extend(build::unary(f, &xi).ok());
    }
    let gt = build::binary(Gt, &xf, &yf).unwrap();
    exprs.push(build::where_(&gt, &xf, &yi).unwrap());
    exprs.push(build::cast(&build::binary(Mul, &xf, &yf).unwrap(), DType::Float32));
    exprs.push(build::cast(&xf, DType::Int64));
    // Column sums (the row folds of reductions have an AVX2 copy too).
    let grid = build::reshape(
        &build::slice(&xf, vec![AxisSel::Range { start: 0, step: 1, len: 12 }]).unwrap(),
        &[3, 4],
    )
    .unwrap();
    exprs.push(build::reduce(&grid, ReduceOp::Sum, vec![0], false).unwrap());
    assert!(exprs.len() > 40, "{} expressions", exprs.len());
    let bits = |e: &NodeRef| run(e).iter().map(|v| v.to_bits()).collect::<Vec<_>>();
    for e in &exprs {
        force_level(Some(Level::Portable));
        let baseline = bits(e);
        force_level(None);
        assert_eq!(
            bits(e),
            baseline,
            "{}",
            super::kernel::Program::compile(e, &|n| n.id != e.id).0.describe()
        );
    }
}

/// Blocks larger than a piece whose reduced axes are long and trailing are
/// split along a kept axis, each piece holding whole lanes: every op must
/// give what one sequential pass per lane gives (bit for bit for sums,
/// whose lanes are each folded once, in order, from zero).
#[test]
fn long_trailing_lanes_reduce_in_whole_lane_pieces() {
    let (rows, cols) = (300, 512);
    let values: Vec<f64> = (0..rows * cols).map(|i| (i as f64 * 0.37).sin() * 1e3).collect();
    let lit = build::literal(ArrayData::from_f64_vec(DType::Float64, &[rows, cols], &values), None);
    // One chunk: 153 600 elements, several pieces of 64 whole rows.
    let x = build::rechunk(&lit, &ChunkSpec::Uniform(AxisChunks::Size(512))).unwrap();
    let lanes: Vec<&[f64]> = values.chunks(cols).collect();
    let reduce = |op, axes: Vec<usize>| run(&build::reduce(&x, op, axes, false).unwrap());

    let sums: Vec<f64> = lanes.iter().map(|l| l.iter().fold(0.0, |a, b| a + b)).collect();
    assert_eq!(reduce(ReduceOp::Sum, vec![1]), sums);
    let means: Vec<f64> = sums.iter().map(|s| s / cols as f64).collect();
    assert_eq!(reduce(ReduceOp::Mean, vec![1]), means);
    let maxes: Vec<f64> =
        lanes.iter().map(|l| l.iter().copied().fold(f64::MIN, f64::max)).collect();
    assert_eq!(reduce(ReduceOp::Max, vec![1]), maxes);
    let argmax: Vec<f64> = lanes
        .iter()
        .map(|l| {
            l.iter().position(|&v| v == l.iter().copied().fold(f64::MIN, f64::max)).unwrap() as f64
        })
        .collect();
    assert_eq!(reduce(ReduceOp::ArgMax, vec![1]), argmax);
    let var = reduce(ReduceOp::Var { ddof: 0 }, vec![1]);
    for (l, (v, m)) in lanes.iter().zip(var.iter().zip(&means)) {
        let expect = l.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / cols as f64;
        assert!((v - expect).abs() <= 1e-9 * expect, "{v} vs {expect}");
    }

    // Two trailing reduced axes of a 3-d block: one piece per outer index.
    let cube = build::reshape(&x, &[3, 100, 512]).unwrap();
    let cube = build::rechunk(&cube, &ChunkSpec::Uniform(AxisChunks::Size(512))).unwrap();
    let s = build::reduce(&cube, ReduceOp::Sum, vec![1, 2], false).unwrap();
    assert_eq!(s.shape, vec![3]);
    let third = rows * cols / 3;
    for (got, part) in run(&s).iter().zip(values.chunks(third)) {
        let expect: f64 = part.iter().sum();
        assert!((got - expect).abs() <= 1e-9 * part.iter().map(|v| v.abs()).sum::<f64>());
    }
}

/// Reductions of one input over different axes share each chunk's pass:
/// one computes both partials and leaves the other's. The values equal
/// each reduction computed alone (exactly, for integer-valued data), and
/// the bits do not depend on the thread count, i.e. on who computed what.
#[test]
fn sibling_reductions_share_one_pass_over_their_input() {
    // Chunks of 256² elements: two pieces each.
    let (n, chunk) = (400, 256);
    let exact = arange(&[n, n], chunk);
    let wavy = {
        let values: Vec<f64> = (0..n * n).map(|i| (i as f64 * 0.61).sin()).collect();
        let lit = build::literal(ArrayData::from_f64_vec(DType::Float64, &[n, n], &values), None);
        build::rechunk(&lit, &ChunkSpec::Uniform(AxisChunks::Size(chunk))).unwrap()
    };
    let both = |x: &NodeRef, op| {
        let s0 = build::reduce(x, op, vec![0], false).unwrap();
        let s1 = build::reduce(x, op, vec![1], false).unwrap();
        (build::binary(BinaryFn::Add, &s0, &s1).unwrap(), s0, s1)
    };
    let in_pool = |threads, node: &NodeRef| {
        let ctx = Ctx::new(Arc::new(AtomicBool::new(false)));
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let v = pool.install(|| compute(node, &ctx)).unwrap().to_f64_vec();
        (v, ctx.siblings.taken())
    };

    let (root, s0, s1) = both(&exact, ReduceOp::Sum);
    let (shared, taken) = in_pool(1, &root);
    assert!(taken > 0, "no partial was shared");
    let alone: Vec<f64> = run(&s0).iter().zip(run(&s1)).map(|(a, b)| a + b).collect();
    assert_eq!(shared, alone);

    for op in [ReduceOp::Sum, ReduceOp::Mean, ReduceOp::Var { ddof: 1 }, ReduceOp::Max] {
        let (root, s0, s1) = both(&wavy, op);
        let (one, _) = in_pool(1, &root);
        let (four, _) = in_pool(4, &root);
        assert_eq!(one, four, "{op:?} at 1 and 4 threads");
        for ((v, a), b) in one.iter().zip(run(&s0)).zip(run(&s1)) {
            assert!((v - (a + b)).abs() <= 1e-12, "{op:?}: {v} vs {a} + {b}");
        }
    }
}

/// Random sources read in short runs (a pushed-down `x[:, ::100]` of a
/// 1000-column chunk is runs of 10) are drawn from index lists packed
/// across runs (`leaf::ListedRuns`); every value must be the one the whole
/// array has at that index, whatever the slice's direction and dtype.
#[test]
fn short_runs_of_random_sources_have_the_whole_arrays_values() {
    let value = |code: &str| {
        let mut s = crate::Session::new();
        let Ok(Some(crate::Value::Array(n))) = s.eval("<test>", code) else { panic!("{code}") };
        s.interp().compute(&n).unwrap()
    };
    for source in [
        "random.random((60, 1000), chunks=(25, 300))",
        "random.normal(3, 2, (60, 1000), chunks=(60, 1000))",
        "random.randint(-9, 9, (60, 1000), chunks=(7, 1000))",
        "random.random((60, 1000)).astype(float32)",
    ] {
        for slice in ["[:, 5::100]", "[::-1, 3::7]", "[::2, :10]", "[5:50:3, ::-250]", "[:, :3].T"]
        {
            let sliced = value(&format!("x = {source}; x{slice}"));
            let whole = value(&format!("x = {source}; y = x.persist(); y{slice}"));
            assert_eq!(sliced.dtype(), whole.dtype(), "{source}{slice}");
            assert_eq!(sliced.shape(), whole.shape(), "{source}{slice}");
            let bits =
                |d: &ArrayData| d.to_f64_vec().iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&sliced), bits(&whole), "{source}{slice}");
        }
    }
}
