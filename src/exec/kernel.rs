//! Fused elementwise kernels, evaluated NumExpr-style.
//!
//! A [`Program`] is a small register machine: each instruction computes one
//! typed tile (a few thousand elements) from earlier registers. A chunk is
//! computed tile by tile, so a chain like `sin(x)**2 + cos(x)**2 - 1`
//! allocates a handful of tile buffers, never a full-size temporary, and
//! each instruction is a tight typed loop (no per-element dispatch).
//! Leaves are either computed input chunks (read with broadcasting strides)
//! or generators (random numbers, `arange`, ...), which are produced
//! straight into the tile from their element indices.

use super::elem_ops::Num;
use super::leaf::{Leaf, same_type_ref, same_type_slice};
use crate::array::{ArrayData, DType, Elem};
use crate::ir::ops::{BinaryFn, UnaryFn};
use crate::ir::{NodeRef, Op, Scalar};
use crate::{with_data, with_dtype};
use ndarray::{ArrayD, IxDyn};
use std::collections::HashMap;

/// Elements per tile: big enough to amortize dispatch, small enough that a
/// program's registers stay in L1/L2.
pub const TILE: usize = 2048;

#[derive(Clone, Debug, PartialEq)]
pub enum Instr {
    /// Load leaf `k` (an input of the fused node).
    Input(usize),
    Const(Scalar),
    /// Convert a register to this instruction's dtype.
    Cast(usize),
    Unary(UnaryFn, usize),
    Binary(BinaryFn, usize, usize),
    /// `where(cond, a, b)`; `cond` is bool, `a`/`b` have this dtype.
    Where(usize, usize, usize),
}

/// A fused elementwise expression; the last instruction is the result.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub instrs: Vec<Instr>,
    /// The dtype of each instruction's register.
    pub dtypes: Vec<DType>,
}

impl Program {
    /// Compiles the elementwise tree under `root`, stopping at nodes for
    /// which `is_leaf` is true. Returns the program and its leaves (the
    /// inputs of the fused node). Shared subtrees become one register.
    pub fn compile(root: &NodeRef, is_leaf: &dyn Fn(&NodeRef) -> bool) -> (Program, Vec<NodeRef>) {
        let mut c = Compiler::default();
        c.node(root, is_leaf);
        (Program { instrs: c.instrs, dtypes: c.dtypes }, c.leaves)
    }

    pub fn output_dtype(&self) -> DType {
        *self.dtypes.last().expect("a program has at least one instruction")
    }

    /// A compact one-line description for `explain`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        for ins in &self.instrs {
            parts.push(match ins {
                Instr::Input(k) => format!("in{k}"),
                Instr::Const(s) => format!("{}", s.to_f64()),
                Instr::Cast(r) => format!("cast(r{r})"),
                Instr::Unary(f, r) => format!("{}(r{r})", f.name()),
                Instr::Binary(f, a, b) => format!("{}(r{a},r{b})", f.name()),
                Instr::Where(c, a, b) => format!("where(r{c},r{a},r{b})"),
            });
        }
        parts.iter().enumerate().map(|(i, p)| format!("r{i}={p}")).collect::<Vec<_>>().join("; ")
    }
}

/// The exponent of `x ** k` when it is the constant 2, 3 or 4.
fn small_power(pow: &NodeRef) -> Option<u8> {
    (2..=4).find(|&k| matches!(pow.inputs[1].op, Op::Scalar(s) if s.to_f64() == f64::from(k)))
}

#[derive(Default)]
struct Compiler {
    instrs: Vec<Instr>,
    dtypes: Vec<DType>,
    leaves: Vec<NodeRef>,
    regs: HashMap<u64, usize>,
}

impl Compiler {
    fn push(&mut self, i: Instr, d: DType) -> usize {
        self.instrs.push(i);
        self.dtypes.push(d);
        self.instrs.len() - 1
    }

    fn cast_to(&mut self, r: usize, d: DType) -> usize {
        if self.dtypes[r] == d { r } else { self.push(Instr::Cast(r), d) }
    }

    /// `f(a, b)` computed in the dtype `f` takes for the promoted inputs.
    fn binary(&mut self, n: &NodeRef, f: BinaryFn, is_leaf: &dyn Fn(&NodeRef) -> bool) -> usize {
        let a = self.node(&n.inputs[0], is_leaf);
        let b = self.node(&n.inputs[1], is_leaf);
        let promoted = DType::promote(n.inputs[0].dtype, n.inputs[1].dtype);
        let (compute, _) = f.dtypes(promoted).expect("checked at build time");
        let a = self.cast_to(a, compute);
        let b = self.cast_to(b, compute);
        self.push(Instr::Binary(f, a, b), n.dtype)
    }

    fn node(&mut self, n: &NodeRef, is_leaf: &dyn Fn(&NodeRef) -> bool) -> usize {
        if let Some(&r) = self.regs.get(&n.id) {
            return r;
        }
        let r = match &n.op {
            Op::Scalar(s) => self.push(Instr::Const(*s), n.dtype),
            op if !op.is_elementwise() || is_leaf(n) => {
                let k = self.leaves.len();
                self.leaves.push(n.clone());
                self.push(Instr::Input(k), n.dtype)
            }
            Op::Unary(f) => {
                let x = self.node(&n.inputs[0], is_leaf);
                let (compute, _) = f.dtypes(n.inputs[0].dtype).expect("checked at build time");
                let x = self.cast_to(x, compute);
                self.push(Instr::Unary(*f, x), n.dtype)
            }
            // x**2, x**3 and x**4 are products (NumExpr does the same):
            // powf is ten times slower. x*x is exactly pow's result; x*x*x
            // and (x*x)**2 round twice, so they may differ from pow in the
            // last bit (README, "Choices where NumPy or dask leave room").
            // Integers wrap alike either way.
            Op::Binary(BinaryFn::Pow) if n.dtype == n.inputs[0].dtype => match small_power(n) {
                Some(power) => {
                    let x = self.node(&n.inputs[0], is_leaf);
                    let sq = self.push(Instr::Unary(UnaryFn::Square, x), n.dtype);
                    match power {
                        2 => sq,
                        3 => self.push(Instr::Binary(BinaryFn::Mul, sq, x), n.dtype),
                        _ => self.push(Instr::Unary(UnaryFn::Square, sq), n.dtype),
                    }
                }
                None => self.binary(n, BinaryFn::Pow, is_leaf),
            },
            Op::Binary(f) => self.binary(n, *f, is_leaf),
            Op::Where => {
                let c = self.node(&n.inputs[0], is_leaf);
                let c = self.cast_to(c, DType::Bool);
                let a = self.node(&n.inputs[1], is_leaf);
                let a = self.cast_to(a, n.dtype);
                let b = self.node(&n.inputs[2], is_leaf);
                let b = self.cast_to(b, n.dtype);
                self.push(Instr::Where(c, a, b), n.dtype)
            }
            Op::Cast => {
                let x = self.node(&n.inputs[0], is_leaf);
                self.cast_to(x, n.dtype)
            }
            Op::Fused(p) => {
                // Inline an already fused program, renumbering its registers.
                let inputs: Vec<usize> = n.inputs.iter().map(|i| self.node(i, is_leaf)).collect();
                let mut map = Vec::with_capacity(p.instrs.len());
                for (ins, &d) in p.instrs.iter().zip(&p.dtypes) {
                    let r = match ins {
                        Instr::Input(k) => inputs[*k],
                        Instr::Const(s) => self.push(Instr::Const(*s), d),
                        Instr::Cast(x) => self.cast_to(map[*x], d),
                        Instr::Unary(f, x) => self.push(Instr::Unary(*f, map[*x]), d),
                        Instr::Binary(f, a, b) => self.push(Instr::Binary(*f, map[*a], map[*b]), d),
                        Instr::Where(c, a, b) => {
                            self.push(Instr::Where(map[*c], map[*a], map[*b]), d)
                        }
                    };
                    map.push(r);
                }
                *map.last().expect("non-empty program")
            }
            _ => unreachable!("is_elementwise covers the remaining ops"),
        };
        self.regs.insert(n.id, r);
        r
    }
}

/// Runs `prog` over a region of `shape`, reading leaves from `leaves`.
pub fn run(
    prog: &Program,
    leaves: &[Leaf],
    shape: &[usize],
    cancel: &dyn Fn() -> bool,
) -> Option<ArrayData> {
    let n: usize = shape.iter().product();
    with_dtype!(prog.output_dtype(), T => {
        let mut out: Vec<T> = Vec::with_capacity(n);
        run_tiles(prog, leaves, shape, cancel, |last, len| {
            let last = T::unwrap_ref(last).expect("output dtype");
            out.extend_from_slice(&last.as_slice().expect("contiguous")[..len]);
        })?;
        Some(T::wrap(ArrayD::from_shape_vec(IxDyn(shape), out).expect("tile loop fills the region")))
    })
}

/// The sum of a float64 program's values over a region, by
/// [`LaneSum`](super::lane_sum::LaneSum) (the same bits as summing the
/// region `run` returns), without storing the region: each tile is added
/// as it leaves the last register.
pub fn run_sum(
    prog: &Program,
    leaves: &[Leaf],
    shape: &[usize],
    cancel: &dyn Fn() -> bool,
) -> Option<f64> {
    let mut sum = super::lane_sum::LaneSum::default();
    run_tiles(prog, leaves, shape, cancel, |last, len| {
        let last = f64::unwrap_ref(last).expect("a float64 program");
        sum.add(&last.as_slice().expect("contiguous")[..len]);
    })?;
    Some(sum.finish())
}

/// The tile loop: computes the program tile by tile and hands each tile's
/// result register (and its length) to `sink`, in order. `None` when
/// cancelled.
fn run_tiles(
    prog: &Program,
    leaves: &[Leaf],
    shape: &[usize],
    cancel: &dyn Fn() -> bool,
    mut sink: impl FnMut(&ArrayData, usize),
) -> Option<()> {
    let n: usize = shape.iter().product();
    let tile = TILE.min(n.max(1));
    let mut regs = take_registers(&prog.dtypes, tile);
    let plan = plan_steps(prog);
    // Constants do not change from tile to tile: fill them once.
    for (i, ins) in prog.instrs.iter().enumerate() {
        if let Instr::Const(_) = ins {
            let (before, rest) = regs.split_at_mut(i);
            step(ins, before, &mut rest[0], leaves, shape, 0, tile);
        }
    }
    let mut t0 = 0;
    while t0 < n {
        if cancel() {
            return None;
        }
        let len = TILE.min(n - t0);
        for (i, (ins, how)) in prog.instrs.iter().zip(&plan).enumerate() {
            let (before, rest) = regs.split_at_mut(i);
            match *how {
                Step::Skip => {}
                Step::Run => step(ins, before, &mut rest[0], leaves, shape, t0, len),
                Step::ReplaceNan { x, fill, nan_first } => {
                    replace_nan(&before[x], &before[fill], nan_first, &mut rest[0], len)
                }
            }
        }
        sink(regs.last().expect("a program has at least one instruction"), len);
        t0 += len;
    }
    return_registers(regs);
    Some(())
}

thread_local! {
    /// Tile registers of finished kernel runs on this thread, for the next
    /// run. A program of 28 instructions has 28 registers of 16 KiB; making
    /// (and zeroing) them afresh for every 32 Ki-element piece of a
    /// reduction cost Lennard-Jones about 4 % of its CPU time (malloc,
    /// memset, free).
    static REGISTERS: std::cell::RefCell<Vec<ArrayData>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Registers kept per thread between runs (at most 1 MiB of f64 tiles).
const POOLED_REGISTERS: usize = 64;

/// One register per dtype in `dtypes`, of `tile` elements, reused from this
/// thread's pool when possible. Their contents are garbage: every
/// instruction writes its register before anything reads it.
fn take_registers(dtypes: &[DType], tile: usize) -> Vec<ArrayData> {
    if tile != TILE {
        return dtypes.iter().map(|&d| ArrayData::zeros(d, &[tile])).collect();
    }
    REGISTERS.with(|pool| {
        let mut pool = pool.borrow_mut();
        dtypes
            .iter()
            .map(|&d| match pool.iter().rposition(|r| r.dtype() == d) {
                Some(i) => pool.swap_remove(i),
                None => ArrayData::zeros(d, &[TILE]),
            })
            .collect()
    })
}

/// Hands a finished run's full-tile registers back to this thread's pool.
fn return_registers(regs: Vec<ArrayData>) {
    REGISTERS.with(|pool| {
        let mut pool = pool.borrow_mut();
        for r in regs.into_iter().filter(|r| r.len() == TILE) {
            if pool.len() == POOLED_REGISTERS {
                break;
            }
            pool.push(r);
        }
    });
}

/// How `run` executes each instruction of a program.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Run,
    /// Not executed per tile: a constant (filled once) or an `isnan`
    /// consumed only by a fused [`Step::ReplaceNan`].
    Skip,
    /// `where(isnan(x), fill, x)` (or `where(isnan(x), x, fill)` when not
    /// `nan_first`) in one pass: the NaN-aware reductions are built from
    /// it, and as two instructions it costs a bool register, a second pass
    /// and a byte load per element.
    ReplaceNan {
        x: usize,
        fill: usize,
        nan_first: bool,
    },
}

/// Decides, once per program, how each instruction runs (see [`Step`]).
fn plan_steps(prog: &Program) -> Vec<Step> {
    let mut uses = vec![0usize; prog.instrs.len()];
    for ins in &prog.instrs {
        match *ins {
            Instr::Cast(r) | Instr::Unary(_, r) => uses[r] += 1,
            Instr::Binary(_, a, b) => {
                uses[a] += 1;
                uses[b] += 1;
            }
            Instr::Where(c, a, b) => {
                uses[c] += 1;
                uses[a] += 1;
                uses[b] += 1;
            }
            Instr::Input(_) | Instr::Const(_) => {}
        }
    }
    let last = prog.instrs.len() - 1;
    let mut plan: Vec<Step> = prog
        .instrs
        .iter()
        .map(|ins| if let Instr::Const(_) = ins { Step::Skip } else { Step::Run })
        .collect();
    for (i, ins) in prog.instrs.iter().enumerate() {
        let Instr::Where(c, a, b) = *ins else { continue };
        let Instr::Unary(UnaryFn::IsNan, x) = prog.instrs[c] else { continue };
        if prog.dtypes[x] != prog.dtypes[i] || uses[c] != 1 || c == last {
            continue;
        }
        let step = if b == x && a != x {
            Step::ReplaceNan { x, fill: a, nan_first: true }
        } else if a == x && b != x {
            Step::ReplaceNan { x, fill: b, nan_first: false }
        } else {
            continue;
        };
        plan[i] = step;
        plan[c] = Step::Skip;
    }
    plan
}

/// `dst = where(isnan(x), fill, x)` (`nan_first`) or `where(isnan(x), x, fill)`.
fn replace_nan(x: &ArrayData, fill: &ArrayData, nan_first: bool, dst: &mut ArrayData, len: usize) {
    with_data!(dst, d, T => {
        let x: &[T] = slice_of(x, len);
        let fill: &[T] = slice_of(fill, len);
        let out = &mut d.as_slice_mut().expect("contiguous")[..len];
        for ((o, &v), &f) in out.iter_mut().zip(x).zip(fill) {
            *o = if v.is_nan() == nan_first { f } else { v };
        }
    })
}

fn slice_of<T: Elem>(d: &ArrayData, len: usize) -> &[T] {
    &T::unwrap_ref(d).expect("register dtype").as_slice().expect("contiguous")[..len]
}

fn slice_mut<T: Elem>(d: &mut ArrayData, len: usize) -> &mut [T] {
    &mut T::unwrap_mut(d).expect("register dtype").as_slice_mut().expect("contiguous")[..len]
}

/// Computes one instruction for one tile.
fn step(
    ins: &Instr,
    regs: &[ArrayData],
    dst: &mut ArrayData,
    leaves: &[Leaf],
    shape: &[usize],
    t0: usize,
    len: usize,
) {
    match *ins {
        Instr::Input(k) => leaves[k].load(shape, t0, len, dst),
        _ => arithmetic(ins, regs, dst, len),
    }
}

/// Runs an arithmetic instruction in the copy of its loops compiled for
/// AVX2 when the CPU has it (four doubles per instruction instead of SSE2's
/// two: the elementwise work of Lennard-Jones is mostly loads, stores and
/// products). Only instruction selection differs, so the bits are the same:
/// Rust never contracts `a * b + c` into an FMA, and library calls
/// (`exp`, `atan2`, ...) are the same calls.
fn arithmetic(ins: &Instr, regs: &[ArrayData], dst: &mut ArrayData, len: usize) {
    #[cfg(target_arch = "x86_64")]
    if crate::random::simd::level() >= crate::random::simd::Level::Avx2 {
        // SAFETY: the CPU supports AVX2 (checked at run time just above).
        return unsafe { arithmetic_avx2(ins, regs, dst, len) };
    }
    arithmetic_baseline(ins, regs, dst, len)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn arithmetic_avx2(ins: &Instr, regs: &[ArrayData], dst: &mut ArrayData, len: usize) {
    arithmetic_baseline(ins, regs, dst, len)
}

#[inline(always)]
fn arithmetic_baseline(ins: &Instr, regs: &[ArrayData], dst: &mut ArrayData, len: usize) {
    match *ins {
        Instr::Input(_) => unreachable!("leaves are loaded by `step`"),
        Instr::Const(s) => with_data!(dst, a, T => {
            a.as_slice_mut().expect("contiguous")[..len].fill(s.to_elem::<T>())
        }),
        Instr::Cast(r) => with_data!(&regs[r], src, S => with_data!(dst, d, D => {
            let s = &src.as_slice().expect("contiguous")[..len];
            for (o, &v) in d.as_slice_mut().expect("contiguous")[..len].iter_mut().zip(s) {
                *o = v.cast::<D>();
            }
        })),
        Instr::Unary(f, r) => unary(f, &regs[r], dst, len),
        Instr::Binary(f, a, b) => binary(f, &regs[a], &regs[b], dst, len),
        Instr::Where(c, a, b) => {
            let c: &[bool] = slice_of(&regs[c], len);
            with_data!(dst, d, T => {
                let a: &[T] = slice_of(&regs[a], len);
                let b: &[T] = slice_of(&regs[b], len);
                for (((o, &c), &x), &y) in d.as_slice_mut().expect("contiguous")[..len].iter_mut().zip(c).zip(a).zip(b) {
                    *o = if c { x } else { y };
                }
            })
        }
    }
}

fn map_into<T: Copy, U>(src: &[T], dst: &mut [U], f: impl Fn(T) -> U) {
    for (o, &v) in dst.iter_mut().zip(src) {
        *o = f(v);
    }
}

#[inline(always)]
fn unary(f: UnaryFn, src: &ArrayData, dst: &mut ArrayData, len: usize) {
    use UnaryFn::*;
    match f {
        IsNan | IsInf | IsFinite | LogicalNot | Signbit => {
            let out: &mut [bool] = slice_mut(dst, len);
            with_data!(src, s, T => {
                let s: &[T] = &s.as_slice().expect("contiguous")[..len];
                match f {
                    IsNan => map_into(s, out, |v| v.is_nan()),
                    IsInf => map_into(s, out, |v| v.is_inf()),
                    IsFinite => map_into(s, out, |v| !v.is_nan() && !v.is_inf()),
                    // The sign bit of the f64 image: exact for every integer and float.
                    Signbit => map_into(s, out, |v| v.to_f64().is_sign_negative()),
                    _ => map_into(s, out, |v| !v.truthy()),
                }
            })
        }
        _ => with_data!(src, s, T => {
            let s: &[T] = &s.as_slice().expect("contiguous")[..len];
            let out: &mut [T] = slice_mut(dst, len);
            match f {
                Neg => map_into(s, out, |v| v.neg()),
                Invert => map_into(s, out, |v| v.invert()),
                Abs => map_into(s, out, Num::abs),
                Sign => map_into(s, out, |v| v.sign()),
                Square => map_into(s, out, |v| v.mul(v)),
                Floor => map_into(s, out, |v| v.floor()),
                Ceil => map_into(s, out, |v| v.ceil()),
                Rint => map_into(s, out, |v| v.rint()),
                Sqrt => float_map(s, out, f64::sqrt, f32::sqrt),
                Exp => float_map(s, out, f64::exp, f32::exp),
                Log => float_map(s, out, f64::ln, f32::ln),
                Sin => trig_map(s, out, super::trig::sin_slice, f64::sin, f32::sin),
                Cos => trig_map(s, out, super::trig::cos_slice, f64::cos, f32::cos),
                Tan => float_map(s, out, f64::tan, f32::tan),
                Arcsin => float_map(s, out, f64::asin, f32::asin),
                Arccos => float_map(s, out, f64::acos, f32::acos),
                Arctan => float_map(s, out, f64::atan, f32::atan),
                Sinh => float_map(s, out, f64::sinh, f32::sinh),
                Cosh => float_map(s, out, f64::cosh, f32::cosh),
                Tanh => float_map(s, out, f64::tanh, f32::tanh),
                Arcsinh => float_map(s, out, f64::asinh, f32::asinh),
                Arccosh => float_map(s, out, f64::acosh, f32::acosh),
                Arctanh => float_map(s, out, f64::atanh, f32::atanh),
                Expm1 => float_map(s, out, f64::exp_m1, f32::exp_m1),
                Exp2 => float_map(s, out, f64::exp2, f32::exp2),
                Log1p => float_map(s, out, f64::ln_1p, f32::ln_1p),
                Log2 => float_map(s, out, f64::log2, f32::log2),
                Log10 => float_map(s, out, f64::log10, f32::log10),
                Cbrt => float_map(s, out, f64::cbrt, f32::cbrt),
                Deg2Rad => float_map(s, out, f64::to_radians, f32::to_radians),
                Rad2Deg => float_map(s, out, f64::to_degrees, f32::to_degrees),
                Trunc => map_into(s, out, |v| v.trunc()),
                Reciprocal => map_into(s, out, |v| {
                    if T::DTYPE.is_float() {
                        T::from_f64(1.0 / v.to_f64())
                    } else {
                        // Integer 1/x truncates: only 1 and -1 survive; 1/0 is 0.
                        T::from_i64(match v.to_i64() {
                            1 => 1,
                            -1 if T::DTYPE.kind() == crate::array::Kind::Int => -1,
                            _ => 0,
                        })
                    }
                }),
                IsNan | IsInf | IsFinite | LogicalNot | Signbit => unreachable!("handled above"),
            }
        }),
    }
}

/// Float functions in the element's own precision (f32 math for float32,
/// as NumPy does), falling back to f64 for other types.
fn float_map<T: Num>(s: &[T], out: &mut [T], f64f: fn(f64) -> f64, f32f: fn(f32) -> f32) {
    match T::DTYPE {
        DType::Float32 => {
            for (o, &v) in out.iter_mut().zip(s) {
                *o = T::from_f64(f32f(v.to_f64() as f32) as f64);
            }
        }
        _ => map_into(s, out, |v| v.float_fn(f64f)),
    }
}

/// [`float_map`] with a vectorized whole-slice version for float64.
fn trig_map<T: Num>(
    s: &[T],
    out: &mut [T],
    f64_slice: fn(&[f64], &mut [f64]),
    f64f: fn(f64) -> f64,
    f32f: fn(f32) -> f32,
) {
    match (same_type_ref::<T, f64>(s), T::DTYPE) {
        (Some(x), DType::Float64) => {
            f64_slice(x, same_type_slice::<T, f64>(out).expect("same element type"))
        }
        _ => float_map(s, out, f64f, f32f),
    }
}

/// Two-input float functions in the element's own precision, like [`float_map`].
fn float_zip<T: Num>(
    a: &[T],
    b: &[T],
    out: &mut [T],
    f64f: fn(f64, f64) -> f64,
    f32f: fn(f32, f32) -> f32,
) {
    match T::DTYPE {
        DType::Float32 => zip_into(a, b, out, |p, q| {
            T::from_f64(f32f(p.to_f64() as f32, q.to_f64() as f32) as f64)
        }),
        _ => zip_into(a, b, out, |p, q| T::from_f64(f64f(p.to_f64(), q.to_f64()))),
    }
}

/// NumPy's `logaddexp`: the larger input plus log1p(exp(-|difference|)).
fn logaddexp(x: f64, y: f64) -> f64 {
    if x == y {
        return x + std::f64::consts::LN_2; // also keeps inf + inf finite-free
    }
    let d = x - y;
    if d > 0.0 {
        x + (-d).exp().ln_1p()
    } else if d <= 0.0 {
        y + d.exp().ln_1p()
    } else {
        d // nan
    }
}

/// NumPy's `logaddexp2`, in base 2.
fn logaddexp2(x: f64, y: f64) -> f64 {
    if x == y {
        return x + 1.0;
    }
    let d = x - y;
    let log2_1p = |v: f64| v.ln_1p() * std::f64::consts::LOG2_E;
    if d > 0.0 {
        x + log2_1p((-d).exp2())
    } else if d <= 0.0 {
        y + log2_1p(d.exp2())
    } else {
        d
    }
}

fn zip_into<T: Copy, U>(a: &[T], b: &[T], dst: &mut [U], f: impl Fn(T, T) -> U) {
    for ((o, &x), &y) in dst.iter_mut().zip(a).zip(b) {
        *o = f(x, y);
    }
}

// Generic over every element type; for bool, `<` is the NumPy order False < True.
#[allow(clippy::bool_comparison)]
#[inline(always)]
fn binary(f: BinaryFn, a: &ArrayData, b: &ArrayData, dst: &mut ArrayData, len: usize) {
    use BinaryFn::*;
    with_data!(a, av, T => {
        let x: &[T] = &av.as_slice().expect("contiguous")[..len];
        let y: &[T] = slice_of(b, len);
        if f.is_comparison() || matches!(f, LogicalAnd | LogicalOr | LogicalXor) {
            let out: &mut [bool] = slice_mut(dst, len);
            match f {
                Lt => zip_into(x, y, out, |p, q| p < q),
                Le => zip_into(x, y, out, |p, q| p <= q),
                Gt => zip_into(x, y, out, |p, q| p > q),
                Ge => zip_into(x, y, out, |p, q| p >= q),
                Eq => zip_into(x, y, out, |p, q| p == q),
                Ne => zip_into(x, y, out, |p, q| p != q),
                LogicalAnd => zip_into(x, y, out, |p, q| p.truthy() && q.truthy()),
                LogicalXor => zip_into(x, y, out, |p, q| p.truthy() != q.truthy()),
                _ => zip_into(x, y, out, |p, q| p.truthy() || q.truthy()),
            }
        } else {
            let out: &mut [T] = slice_mut(dst, len);
            match f {
                Add => zip_into(x, y, out, |p, q| p.add(q)),
                Sub => zip_into(x, y, out, |p, q| p.sub(q)),
                Mul => zip_into(x, y, out, |p, q| p.mul(q)),
                TrueDiv => zip_into(x, y, out, |p, q| p.div(q)),
                FloorDiv => zip_into(x, y, out, |p, q| p.floordiv(q)),
                Mod => zip_into(x, y, out, |p, q| p.modulo(q)),
                Pow => zip_into(x, y, out, Num::power),
                BitAnd => zip_into(x, y, out, |p, q| p.bitand(q)),
                BitOr => zip_into(x, y, out, |p, q| p.bitor(q)),
                BitXor => zip_into(x, y, out, |p, q| p.bitxor(q)),
                Maximum => zip_into(x, y, out, |p, q| p.max_nan(q)),
                Minimum => zip_into(x, y, out, |p, q| p.min_nan(q)),
                Fmax => zip_into(x, y, out, |p, q| if q.is_nan() || p >= q { p } else { q }),
                Fmin => zip_into(x, y, out, |p, q| if q.is_nan() || p <= q { p } else { q }),
                Fmod => zip_into(x, y, out, |p, q| p.fmod(q)),
                LShift => zip_into(x, y, out, |p, q| p.shl(q)),
                RShift => zip_into(x, y, out, |p, q| p.shr(q)),
                Arctan2 => float_zip(x, y, out, f64::atan2, f32::atan2),
                Hypot => float_zip(x, y, out, f64::hypot, f32::hypot),
                Copysign => float_zip(x, y, out, f64::copysign, f32::copysign),
                Logaddexp => float_zip(x, y, out, logaddexp, |a, b| logaddexp(a as f64, b as f64) as f32),
                Logaddexp2 => float_zip(x, y, out, logaddexp2, |a, b| logaddexp2(a as f64, b as f64) as f32),
                _ => unreachable!("comparisons handled above"),
            }
        }
    })
}
