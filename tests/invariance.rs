//! Invariance properties (DESIGN.md §4, §5, §9): a program's value does not
//! depend on how its arrays are chunked, on whether the optimizer ran, or on
//! the number of worker threads; random arrays are a pure function of
//! (seed, stream, flat index); displaying a big lazy array shows exactly the
//! elements a full computation gives.
//!
//! Random programs are built as arr source text by a small generator driven
//! by a proptest-shrinkable list of choices (choice 0 is always the simplest
//! option, so shrinking the list shrinks the program). Every generated
//! program is valid by construction: the generator tracks shapes exactly, so
//! an error from arr is itself a finding.

use arr::array::ArrayData;
use arr::{Options, Session, Value};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Running programs

/// What a program evaluated to, in a form that can be compared.
#[derive(Clone, Debug)]
struct Outcome {
    /// dtype name, or a Python type name for Python scalars.
    dtype: String,
    shape: Vec<usize>,
    values: Vec<f64>,
}

fn options(threads: usize, optimize: bool) -> Options {
    Options { threads: Some(threads), seed: 0, optimize }
}

/// Runs `code` in a fresh session and computes its last value; a panic
/// inside arr becomes an error naming it.
fn run(code: &str, o: Options) -> Result<Outcome, String> {
    quiet_panics();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut s = Session::with_options(o);
        let v = s.eval("<prop>", code).map_err(|d| s.render(&d, false))?;
        outcome(&mut s, v)
    }))
    .unwrap_or_else(|p| {
        // Shrinking may move past this program; keep it in the test's output.
        eprintln!("  ^ in program: {code}");
        Err(format!("PANIC: {}", panic_text(&p)))
    })
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<String>()
        .cloned()
        .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "?".into())
}

/// Panics inside arr are caught and reported with their program; print
/// only one line for each instead of a backtrace per worker thread.
fn quiet_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let loc =
                info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
            let msg = info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| info.payload().downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            eprintln!("panic at {loc}: {msg}");
        }));
    });
}

fn outcome(s: &mut Session, v: Option<Value>) -> Result<Outcome, String> {
    match v {
        Some(Value::Array(n)) => {
            let data = s.interp().compute(&n).map_err(|d| s.render(&[d], false))?;
            // The graph's declared dtype/shape must be what the executor produced.
            if data.dtype() != n.dtype || data.shape() != &n.shape[..] {
                return Err(format!(
                    "node says {} {:?} but compute gave {} {:?}",
                    n.dtype.name(),
                    n.shape,
                    data.dtype().name(),
                    data.shape()
                ));
            }
            Ok(array_outcome(&data))
        }
        Some(Value::Float(f)) => {
            Ok(Outcome { dtype: "float".into(), shape: vec![], values: vec![f] })
        }
        Some(Value::Int(i)) => {
            Ok(Outcome { dtype: "int".into(), shape: vec![], values: vec![i as f64] })
        }
        Some(Value::Bool(b)) => {
            Ok(Outcome { dtype: "bool".into(), shape: vec![], values: vec![b as u8 as f64] })
        }
        other => Err(format!("program did not end in an array or number: {other:?}")),
    }
}

fn array_outcome(d: &ArrayData) -> Outcome {
    Outcome {
        dtype: d.dtype().name().to_string(),
        shape: d.shape().to_vec(),
        values: d.to_f64_vec(),
    }
}

fn is_f32(dtype: &str) -> bool {
    dtype == "float32"
}

/// Bitwise equality (NaN payloads included) of dtype, shape and values.
fn same_bits(a: &Outcome, b: &Outcome) -> Result<(), String> {
    same_meta(a, b)?;
    for (i, (x, y)) in a.values.iter().zip(&b.values).enumerate() {
        if x.to_bits() != y.to_bits() {
            return Err(format!("element {i}: {x:e} vs {y:e} (bits differ)"));
        }
    }
    Ok(())
}

fn same_meta(a: &Outcome, b: &Outcome) -> Result<(), String> {
    if a.dtype != b.dtype || a.shape != b.shape || a.values.len() != b.values.len() {
        return Err(format!("dtype/shape {} {:?} vs {} {:?}", a.dtype, a.shape, b.dtype, b.shape));
    }
    Ok(())
}

/// Equality up to floating-point rounding (NaN == NaN, inf == inf).
fn close(a: &Outcome, b: &Outcome) -> Result<(), String> {
    same_meta(a, b)?;
    let (rel, abs) = if is_f32(&a.dtype) { (1e-4, 1e-5) } else { (1e-9, 1e-12) };
    for (i, (&x, &y)) in a.values.iter().zip(&b.values).enumerate() {
        let ok = (x.is_nan() && y.is_nan())
            || x == y
            || (x - y).abs() <= rel * x.abs().max(y.abs()) + abs;
        if !ok {
            return Err(format!("element {i}: {x:e} vs {y:e}"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// The program generator

/// A stream of choices; past its end every choice is 0 (the simplest).
struct Choices<'a> {
    c: &'a [u32],
    pos: usize,
}

impl Choices<'_> {
    fn pick(&mut self, n: usize) -> usize {
        let v = self.c.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        (v as usize) % n.max(1)
    }
    fn range(&mut self, lo: i64, hi_incl: i64) -> i64 {
        lo + self.pick((hi_incl - lo + 1) as usize) as i64
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.pick(one_in) == one_in - 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Bool,
    /// uint8: Python ints combined with it must be in 0..=255 (NEP 50).
    UInt,
    Int,
    Float,
}

/// NumPy promotion, coarsely: bool < uint8 < int64 < float.
fn join(a: Kind, b: Kind) -> Kind {
    let rank = |k| match k {
        Kind::Bool => 0,
        Kind::UInt => 1,
        Kind::Int => 2,
        Kind::Float => 3,
    };
    if rank(a) >= rank(b) { a } else { b }
}

struct Expr {
    text: String,
    kind: Kind,
}

/// Builds one program; chunk specs are written as `@N@` markers and filled
/// in for chunking A or B at render time.
struct Gen<'a> {
    ch: Choices<'a>,
    /// Per marker: (chunk spec A, chunk spec B).
    chunks: Vec<(String, String)>,
    has_reduction: bool,
    /// Every op above the current point is continuous, so a reduction here
    /// may be reordered (rounding) without changing the result beyond
    /// rounding: no comparison, floor, `//`, cast to int... above it.
    smooth: bool,
}

/// Whether a small change of the operands makes a small change of the result.
fn smooth_arith(op: &str) -> bool {
    matches!(op, "+" | "-" | "*")
}

fn size(shape: &[usize]) -> usize {
    shape.iter().product()
}

fn tuple(items: &[String]) -> String {
    if items.len() == 1 { format!("({},)", items[0]) } else { format!("({})", items.join(", ")) }
}

fn shape_text(shape: &[usize]) -> String {
    tuple(&shape.iter().map(|d| d.to_string()).collect::<Vec<_>>())
}

/// Python slice semantics: the number of elements `start:stop:step` selects
/// from a length-`n` axis.
fn slice_len(n: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> i64 {
    let norm = |v: i64, lo: i64, hi: i64| {
        let v = if v < 0 { v + n } else { v };
        v.clamp(lo, hi)
    };
    if step > 0 {
        let a = start.map_or(0, |s| norm(s, 0, n));
        let b = stop.map_or(n, |s| norm(s, 0, n));
        if b > a { (b - a + step - 1) / step } else { 0 }
    } else {
        let a = start.map_or(n - 1, |s| norm(s, -1, n - 1));
        let b = stop.map_or(-1, |s| norm(s, -1, n - 1));
        if a > b { (a - b + (-step) - 1) / (-step) } else { 0 }
    }
}

impl<'a> Gen<'a> {
    fn new(c: &'a [u32]) -> Gen<'a> {
        Gen { ch: Choices { c, pos: 0 }, chunks: Vec::new(), has_reduction: false, smooth: true }
    }

    /// One random chunking of an axis of length `n`: a regular size or an
    /// explicit (ragged) list of lengths.
    fn axis_chunks(&mut self, n: usize) -> String {
        // At most ~40 chunks per axis, so programs stay quick to run.
        let min = (n as i64 + 39) / 40;
        match self.ch.pick(3) {
            0 => n.to_string(),
            1 => self.ch.range(min, n as i64).to_string(),
            _ => {
                let mut parts = Vec::new();
                let mut left = n as i64;
                while left > 0 {
                    let c = if parts.len() == 5 { left } else { self.ch.range(1, left.min(7)) };
                    parts.push(c.to_string());
                    left -= c;
                }
                tuple(&parts)
            }
        }
    }

    /// A marker standing for two independent chunkings of `shape`.
    fn chunk_marker(&mut self, shape: &[usize]) -> String {
        let a: Vec<String> = shape.iter().map(|&n| self.axis_chunks(n)).collect();
        let b: Vec<String> = shape.iter().map(|&n| self.axis_chunks(n)).collect();
        self.chunks.push((tuple(&a), tuple(&b)));
        format!("@{}@", self.chunks.len() - 1)
    }

    fn scalar(&mut self, kind: Kind) -> String {
        match kind {
            Kind::Bool => ["True", "False"][self.ch.pick(2)].into(),
            Kind::Int => self.ch.range(-3, 5).to_string(),
            Kind::UInt => self.ch.range(0, 5).to_string(),
            Kind::Float => ["0.5", "2.0", "-1.25", "3.0", "1e-3", "0.1"][self.ch.pick(6)].into(),
        }
    }

    /// A source array of exactly `shape`.
    fn leaf(&mut self, shape: &[usize]) -> Expr {
        let n = size(shape);
        let st = shape_text(shape);
        match self.ch.pick(10) {
            0 => {
                let c = self.chunk_marker(shape);
                Expr { text: format!("random.random({st}, chunks={c})"), kind: Kind::Float }
            }
            1 => {
                let c = self.chunk_marker(shape);
                let loc = self.ch.range(-2, 2);
                let scale = ["1.0", "0.5", "3.0"][self.ch.pick(3)];
                Expr {
                    text: format!("random.normal({loc}, {scale}, {st}, chunks={c})"),
                    kind: Kind::Float,
                }
            }
            2 => {
                let c = self.chunk_marker(shape);
                let lo = self.ch.range(-5, 2);
                let hi = lo + self.ch.range(1, 9);
                Expr {
                    text: format!("random.randint({lo}, {hi}, {st}, chunks={c})"),
                    kind: Kind::Int,
                }
            }
            3 => {
                let c = self.chunk_marker(&[n]);
                let start = self.ch.range(-4, 4);
                let step = [1, 2, -1, 3][self.ch.pick(4)];
                let stop = start + step * n as i64;
                Expr {
                    text: format!("arange({start}, {stop}, {step}, chunks={c}).reshape({st})"),
                    kind: Kind::Int,
                }
            }
            4 => {
                let c = self.chunk_marker(shape);
                match self.ch.pick(3) {
                    0 => Expr { text: format!("ones({st}, chunks={c})"), kind: Kind::Float },
                    1 => Expr { text: format!("zeros({st}, chunks={c})"), kind: Kind::Float },
                    _ => {
                        let v = self.scalar(Kind::Float);
                        Expr { text: format!("full({st}, {v}, chunks={c})"), kind: Kind::Float }
                    }
                }
            }
            5 if shape.len() == 2 => {
                let c = self.chunk_marker(shape);
                let k = self.ch.range(-2, 2);
                Expr {
                    text: format!("eye({}, {}, k={k}, chunks={c})", shape[0], shape[1]),
                    kind: Kind::Float,
                }
            }
            6 if n <= 64 => {
                let c = self.chunk_marker(shape);
                let float = self.ch.pick(2) == 0;
                let mut flat = Vec::new();
                for _ in 0..n {
                    let v = self.ch.range(-9, 9);
                    flat.push(if float { format!("{}.5", v) } else { v.to_string() });
                }
                let lit = nest(&flat, shape);
                Expr {
                    text: format!("array({lit}, chunks={c})"),
                    kind: if float { Kind::Float } else { Kind::Int },
                }
            }
            7 => {
                let c = self.chunk_marker(shape);
                let lo = self.ch.range(-3, 1);
                Expr {
                    text: format!("random.uniform({lo}, {}, {st}, chunks={c})", lo + 4),
                    kind: Kind::Float,
                }
            }
            8 => {
                let c = self.chunk_marker(&[n]);
                Expr {
                    text: format!("linspace(-1, 2, {n}, chunks={c}).reshape({st})"),
                    kind: Kind::Float,
                }
            }
            _ => {
                let c = self.chunk_marker(shape);
                Expr {
                    text: format!("random.standard_normal({st}, chunks={c})"),
                    kind: Kind::Float,
                }
            }
        }
    }

    /// A shape that broadcasts to `shape`: some leading axes dropped, some
    /// axes of length 1.
    fn broadcastable(&mut self, shape: &[usize]) -> Vec<usize> {
        let drop = self.ch.pick(shape.len());
        shape[drop..].iter().map(|&d| if self.ch.chance(3) { 1 } else { d }).collect()
    }

    /// `expr` below a discontinuous op: no reduction inside.
    fn rough(&mut self, shape: &[usize], depth: usize) -> Expr {
        let was = std::mem::replace(&mut self.smooth, false);
        let x = self.expr(shape, depth);
        self.smooth = was;
        x
    }

    /// `expr` below `op`, rough unless the op is continuous.
    fn below(&mut self, continuous: bool, shape: &[usize], depth: usize) -> Expr {
        if continuous { self.expr(shape, depth) } else { self.rough(shape, depth) }
    }

    /// An expression whose value has exactly `shape`.
    fn expr(&mut self, shape: &[usize], depth: usize) -> Expr {
        if depth == 0 {
            return self.leaf(shape);
        }
        let d = depth - 1;
        match self.ch.pick(17) {
            0 => self.leaf(shape),
            1 | 14 => self.unary(shape, d),
            2 | 3 => {
                let op = self.arith_op();
                let x = self.below(smooth_arith(op), shape, d);
                let yshape = self.broadcastable(shape);
                let y = self.below(smooth_arith(op), &yshape, d);
                let (x, y) = if self.ch.pick(2) == 0 { (x, y) } else { (y, x) };
                self.binary(op, x, y)
            }
            15 | 16 if self.smooth => self.reduction(shape, d),
            15 | 16 => self.leaf(shape),
            4 => {
                let op = self.arith_op();
                let x = self.below(smooth_arith(op), shape, d);
                let kind = [Kind::Int, Kind::Float, Kind::Bool][self.ch.pick(3)];
                let text = if x.kind == Kind::UInt && kind == Kind::Int {
                    self.ch.range(0, 5).to_string()
                } else {
                    self.scalar(kind)
                };
                // A Python scalar is weak: it takes the array's kind unless
                // it is a float (or an int with a bool array).
                let weak = match (x.kind, kind) {
                    (_, Kind::Float) | (Kind::Float, _) => Kind::Float,
                    (Kind::Bool, Kind::Int) => Kind::Int,
                    (k, _) => k,
                };
                let s = Expr { text, kind: weak };
                if self.ch.pick(2) == 0 { self.binary(op, x, s) } else { self.binary(op, s, x) }
            }
            5 => {
                let x = self.rough(shape, d);
                let yshape = self.broadcastable(shape);
                let y = self.rough(&yshape, d);
                let op = ["<", "<=", "==", "!=", ">", ">="][self.ch.pick(6)];
                Expr { text: format!("({} {op} {})", x.text, y.text), kind: Kind::Bool }
            }
            6 => {
                let cs = self.broadcastable(shape);
                let c = self.rough(&cs, d);
                let x = self.expr(shape, d);
                let ys = self.broadcastable(shape);
                let y = if self.ch.pick(3) == 0 {
                    Expr { text: self.scalar(Kind::Float), kind: Kind::Float }
                } else {
                    self.expr(&ys, d)
                };
                let cond = if c.kind == Kind::Bool { c.text } else { format!("({} > 0)", c.text) };
                let kind = join(x.kind, y.kind);
                Expr { text: format!("where({cond}, {}, {})", x.text, y.text), kind }
            }
            7 => {
                let (t, kind) = [
                    ("float64", Kind::Float),
                    ("float32", Kind::Float),
                    ("int64", Kind::Int),
                    ("int32", Kind::Int),
                    ("uint8", Kind::UInt),
                    ("bool", Kind::Bool),
                ][self.ch.pick(6)];
                let x = self.below(kind == Kind::Float, shape, d);
                Expr { text: format!("{}.astype({t})", paren(&x.text)), kind }
            }
            8 | 9 => self.subscript(shape, d),
            10 => {
                // transpose: source axis perm[i] becomes result axis i.
                let nd = shape.len();
                let mut perm: Vec<usize> = (0..nd).collect();
                for i in (1..nd).rev() {
                    let j = self.ch.pick(i + 1);
                    perm.swap(i, j);
                }
                let mut src = vec![0; nd];
                for i in 0..nd {
                    src[perm[i]] = shape[i];
                }
                let x = self.expr(&src, d);
                let ps: Vec<String> = perm.iter().map(|p| p.to_string()).collect();
                let reversed = perm.iter().rev().copied().eq(0..nd);
                let text = match self.ch.pick(3) {
                    0 if reversed => format!("{}.T", paren(&x.text)),
                    1 => format!("transpose({}, {})", x.text, tuple(&ps)),
                    _ => format!("{}.transpose({})", paren(&x.text), ps.join(", ")),
                };
                Expr { text, kind: x.kind }
            }
            11 => {
                // reshape from a different factorization of the same size.
                let n = size(shape);
                let src = self.factorization(n);
                let x = self.expr(&src, d);
                let mut dims: Vec<String> = shape.iter().map(|s| s.to_string()).collect();
                if !dims.is_empty() && self.ch.chance(3) {
                    let i = self.ch.pick(dims.len());
                    dims[i] = "-1".into();
                }
                Expr { text: format!("{}.reshape({})", paren(&x.text), tuple(&dims)), kind: x.kind }
            }
            12 => {
                let x = self.expr(shape, d);
                let c = self.chunk_marker(shape);
                Expr { text: format!("{}.rechunk({c})", paren(&x.text)), kind: x.kind }
            }
            13 => {
                let x = self.expr(shape, d);
                let ys = self.broadcastable(shape);
                let y = self.expr(&ys, d);
                let kind = join(x.kind, y.kind);
                let clipped = if x.kind == Kind::Bool { Kind::Int } else { x.kind };
                let lo = if x.kind == Kind::UInt { 0 } else { -1 };
                match self.ch.pick(3) {
                    0 => Expr { text: format!("maximum({}, {})", x.text, y.text), kind },
                    1 => Expr { text: format!("minimum({}, {})", x.text, y.text), kind },
                    _ => Expr { text: format!("clip({}, {lo}, 2)", x.text), kind: clipped },
                }
            }
            _ => self.unary(shape, d),
        }
    }

    fn arith_op(&mut self) -> &'static str {
        ["+", "-", "*", "/", "//", "%", "**"][self.ch.pick(7)]
    }

    /// A reduction (over one or two axes) whose result has `shape`.
    fn reduction(&mut self, shape: &[usize], d: usize) -> Expr {
        self.has_reduction = true;
        let op = ["sum", "mean", "std", "var", "min", "max", "prod", "any", "all"][self.ch.pick(9)];
        let keepdims = self.ch.pick(2) == 1;
        let mut src = shape.to_vec();
        let mut axes = Vec::new();
        for _ in 0..1 + self.ch.pick(2) {
            let m = self.ch.range(1, 7) as usize;
            let ones: Vec<usize> = (0..src.len()).filter(|&i| shape.get(i) == Some(&1)).collect();
            if keepdims {
                // keepdims: a length-1 axis of the result is the reduced one.
                if ones.is_empty() || axes.len() == ones.len() {
                    break;
                }
                let a = ones[self.ch.pick(ones.len())];
                if !axes.contains(&a) {
                    src[a] = m;
                    axes.push(a);
                }
            } else {
                let a = self.ch.pick(src.len() + 1);
                src.insert(a, m);
                for x in axes.iter_mut() {
                    if *x >= a {
                        *x += 1;
                    }
                }
                axes.push(a);
            }
        }
        if axes.is_empty() {
            return self.leaf(shape);
        }
        // any/all test for exact zeros: nothing reordered below them.
        let x = self.below(!matches!(op, "any" | "all"), &src, d);
        let nd = src.len() as i64;
        let ax: Vec<String> = axes
            .iter()
            .map(|&a| if self.ch.pick(2) == 0 { a as i64 } else { a as i64 - nd }.to_string())
            .collect();
        let axis = if ax.len() == 1 && self.ch.pick(2) == 0 { ax[0].clone() } else { tuple(&ax) };
        let mut args = vec![format!("axis={axis}")];
        if keepdims {
            args.push("keepdims=True".into());
        }
        if (op == "std" || op == "var") && self.ch.pick(2) == 1 {
            args.push("ddof=1".into());
        }
        let kind = match op {
            "mean" | "std" | "var" => Kind::Float,
            "any" | "all" => Kind::Bool,
            "sum" | "prod" => join(Kind::Int, x.kind),
            _ => x.kind,
        };
        let text = if self.ch.pick(2) == 0 {
            format!("{op}({}, {})", x.text, args.join(", "))
        } else {
            format!("{}.{op}({})", paren(&x.text), args.join(", "))
        };
        Expr { text, kind }
    }

    fn factorization(&mut self, n: usize) -> Vec<usize> {
        let nd = self.ch.range(1, 3) as usize;
        let mut dims = Vec::new();
        let mut left = n;
        for _ in 1..nd {
            let divs: Vec<usize> = (1..=left).filter(|&d| left.is_multiple_of(d)).collect();
            let f = divs[self.ch.pick(divs.len())];
            dims.push(f);
            left /= f;
        }
        dims.push(left);
        dims
    }

    fn unary(&mut self, shape: &[usize], d: usize) -> Expr {
        let f = [
            "sqrt", "exp", "log", "abs", "sin", "cos", "tan", "floor", "ceil", "rint", "square",
            "sign", "negative", "isnan", "isfinite", "round", "-",
        ][self.ch.pick(17)];
        let continuous = matches!(f, "exp" | "abs" | "sin" | "cos" | "square" | "negative" | "-");
        let x = self.below(continuous, shape, d);
        let t = &x.text;
        match x.kind {
            Kind::Bool => match self.ch.pick(3) {
                0 => Expr { text: format!("logical_not({t})"), kind: Kind::Bool },
                1 => Expr { text: format!("(~{})", paren(t)), kind: Kind::Bool },
                _ => Expr { text: format!("abs({t})"), kind: Kind::Bool },
            },
            kind => {
                let out = match f {
                    "sqrt" | "exp" | "log" | "sin" | "cos" | "tan" => Kind::Float,
                    "isnan" | "isfinite" => Kind::Bool,
                    _ => kind,
                };
                let text = match f {
                    "-" => format!("(-{})", paren(t)),
                    "round" => format!("round({t}, {})", self.ch.range(0, 2)),
                    _ => format!("{f}({t})"),
                };
                Expr { text, kind: out }
            }
        }
    }

    fn binary(&mut self, op: &'static str, x: Expr, y: Expr) -> Expr {
        let mut op = op;
        if x.kind == Kind::Bool && y.kind == Kind::Bool && op == "-" {
            op = "^";
        }
        let both_bool = x.kind == Kind::Bool && y.kind == Kind::Bool;
        let kind = if op == "/" {
            Kind::Float
        } else if both_bool && matches!(op, "+" | "*" | "^") {
            Kind::Bool
        } else if both_bool {
            Kind::Int
        } else {
            join(x.kind, y.kind)
        };
        Expr { text: format!("({} {op} {})", x.text, y.text), kind }
    }

    /// `x[...]` with slices (random, possibly negative, steps), integer
    /// indices, `None` and `...`, whose result has exactly `shape`.
    fn subscript(&mut self, shape: &[usize], d: usize) -> Expr {
        let mut items: Vec<String> = Vec::new();
        let mut full: Vec<bool> = Vec::new(); // item is a bare `:`
        let mut src: Vec<usize> = Vec::new();
        let big = size(shape) > 3000;
        for &p in shape {
            // integer indices before this axis
            while src.len() < 4 && self.ch.chance(5) {
                let m = self.ch.range(1, 4);
                let i = self.ch.range(-m, m - 1);
                items.push(i.to_string());
                full.push(false);
                src.push(m as usize);
            }
            if p == 1 && self.ch.chance(3) {
                items.push("None".into());
                full.push(false);
                continue;
            }
            let (n, item) =
                if big { (p as i64, ":".to_string()) } else { self.slice_for(p as i64) };
            full.push(item == ":");
            items.push(item);
            src.push(n as usize);
        }
        if self.ch.chance(4) && src.len() < 4 {
            let m = self.ch.range(1, 3);
            let i = self.ch.range(-m, m - 1);
            items.push(i.to_string());
            full.push(false);
            src.push(m as usize);
        }
        // Replace one run of bare `:` (possibly empty) by `...`, or drop
        // trailing bare `:`.
        match self.ch.pick(3) {
            1 => {
                let at = self.ch.pick(items.len() + 1);
                let mut end = at;
                while end < items.len() && full[end] && self.ch.pick(3) != 0 {
                    end += 1;
                }
                items.splice(at..end, ["...".to_string()]);
            }
            2 => {
                while items.len() > 1 && items.last().map(|s| s == ":").unwrap_or(false) {
                    items.pop();
                }
            }
            _ => {}
        }
        let x = self.expr(&src, d);
        if items.is_empty() {
            items.push("...".into());
        }
        Expr { text: format!("{}[{}]", paren(&x.text), items.join(", ")), kind: x.kind }
    }

    /// A slice selecting `p` elements and the axis length it applies to.
    fn slice_for(&mut self, p: i64) -> (i64, String) {
        let step = [1, 1, 2, -1, 3, -2, -3][self.ch.pick(7)];
        let fmt = |v: Option<i64>| v.map_or(String::new(), |v| v.to_string());
        let (n, start, stop) = if step > 0 {
            let a = self.ch.range(0, 2);
            let last = a + (p - 1) * step;
            let n = last + 1 + self.ch.range(0, 2);
            let start = match self.ch.pick(3) {
                0 if a == 0 => None,
                1 => Some(a - n),
                _ => Some(a),
            };
            let stop = match self.ch.pick(3) {
                0 if last + step >= n => None,
                1 if last + 1 < n => Some(last + 1 - n),
                _ => Some(last + 1),
            };
            (n, start, stop)
        } else {
            let t = -step;
            let low = self.ch.range(0, 2);
            let st = low + (p - 1) * t;
            let n = st + 1 + self.ch.range(0, 2);
            let start = match self.ch.pick(3) {
                0 if st == n - 1 => None,
                1 => Some(st - n),
                _ => Some(st),
            };
            let stop = if low - t < 0 {
                if self.ch.pick(2) == 0 { None } else { Some(-n - 1 - self.ch.range(0, 3)) }
            } else if self.ch.pick(2) == 0 {
                Some(low - t)
            } else {
                Some(low - t - n)
            };
            (n, start, stop)
        };
        assert_eq!(
            slice_len(n, start, stop, step),
            p,
            "generator slice {start:?}:{stop:?}:{step} of {n}"
        );
        let text = if step == 1 && start.is_none() && stop.is_none() {
            ":".to_string()
        } else if step == 1 {
            format!("{}:{}", fmt(start), fmt(stop))
        } else {
            format!("{}:{}:{step}", fmt(start), fmt(stop))
        };
        (n, text)
    }

    /// The program: optionally a variable used twice (a shared node in the
    /// graph), then an expression, optionally reduced.
    fn top(&mut self, shape: &[usize], depth: usize) -> String {
        let mut x = self.expr(shape, depth);
        let mut prelude = String::new();
        if self.ch.chance(3) {
            // `v` and a reversed view of it feed one elementwise op.
            prelude = format!("v = {}\n", x.text);
            let rev = if shape.is_empty() { "v".to_string() } else { "v[::-1]".to_string() };
            x.text = match x.kind {
                Kind::Bool => format!("(v ^ {rev})"),
                _ => format!("(v * 2 - {rev})"),
            };
        }
        let body = self.top_reduction(shape, x);
        format!("{prelude}{body}")
    }

    /// Optionally a reduction at the top.
    fn top_reduction(&mut self, shape: &[usize], x: Expr) -> String {
        if self.ch.pick(2) == 0 {
            return x.text;
        }
        let inner_reduction = self.has_reduction;
        self.has_reduction = true;
        let nd = shape.len();
        let op = ["sum", "mean", "std", "var", "min", "max", "prod", "any", "all"][self.ch.pick(9)];
        // any/all test for exact zeros: not over values already reduced.
        let op = if inner_reduction && matches!(op, "any" | "all") { "sum" } else { op };
        let mut args = Vec::new();
        match self.ch.pick(4) {
            0 => {}
            1 | 2 => {
                let a = self.ch.pick(nd) as i64;
                args.push(format!("axis={}", if self.ch.pick(2) == 0 { a } else { a - nd as i64 }));
            }
            _ => {
                // A non-empty tuple of axes (`axis=()` has its own test,
                // `reductions_over_no_axes_are_the_identity`).
                let keep = self.ch.pick(nd);
                let axes: Vec<String> = (0..nd)
                    .filter(|&a| a == keep || self.ch.pick(2) == 1)
                    .map(|a| a.to_string())
                    .collect();
                args.push(format!("axis={}", tuple(&axes)));
            }
        }
        if self.ch.pick(2) == 1 {
            args.push("keepdims=True".into());
        }
        if (op == "std" || op == "var") && self.ch.pick(2) == 1 {
            args.push(format!("ddof={}", self.ch.range(0, 2)));
        }
        let prod_ok = op != "prod" || x.kind != Kind::Float || size(shape) <= 200;
        let inner = if prod_ok { x.text } else { format!("(1 + 0.001 * {})", paren(&x.text)) };
        if self.ch.pick(2) == 0 {
            let mut a = vec![inner];
            a.extend(args);
            format!("{op}({})", a.join(", "))
        } else {
            format!("{}.{op}({})", paren(&inner), args.join(", "))
        }
    }

    fn render(&self, program: &str, b: bool) -> String {
        let mut out = program.to_string();
        for (i, (ca, cb)) in self.chunks.iter().enumerate().rev() {
            out = out.replace(&format!("@{i}@"), if b { cb } else { ca });
        }
        out
    }
}

/// Wraps `t` in parentheses unless it is already atomic for a postfix op.
fn paren(t: &str) -> String {
    if (t.starts_with('(') && balanced_outer(t)) || is_postfix_chain(t) {
        t.to_string()
    } else {
        format!("({t})")
    }
}

/// Whether the outer parentheses of `t` enclose all of it.
fn balanced_outer(t: &str) -> bool {
    let mut depth = 0;
    for (i, c) in t.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                if depth == 0 && i != t.len() - 1 {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

/// `name(...)`, `x.m(...)[...]`...: a chain with no top-level operator.
fn is_postfix_chain(t: &str) -> bool {
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ' ' | '-' | '+' | '*' | '/' | '%' | '<' | '>' | '=' | '!' | '~' | '^' | '&' | '|'
                if depth == 0 =>
            {
                return false;
            }
            _ => {}
        }
    }
    true
}

/// A nested list literal of `shape` from C-ordered items.
fn nest(flat: &[String], shape: &[usize]) -> String {
    if shape.is_empty() {
        return flat[0].clone();
    }
    let inner: usize = shape[1..].iter().product();
    let parts: Vec<String> =
        (0..shape[0]).map(|i| nest(&flat[i * inner..(i + 1) * inner], &shape[1..])).collect();
    format!("[{}]", parts.join(", "))
}

/// Generates (program with chunking A, the same with chunking B, has a reduction).
fn program(choices: &[u32], shape: &[usize], depth: usize) -> (String, String, bool) {
    let mut g = Gen::new(choices);
    let body = g.top(shape, depth);
    (g.render(&body, false), g.render(&body, true), g.has_reduction)
}

fn shape_strategy() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(1usize..=40, 1..=3).prop_map(|mut s| {
        // keep arrays small: at most ~2000 elements
        while size(&s) > 2000 {
            let i = s.iter().enumerate().max_by_key(|(_, d)| **d).map(|(i, _)| i).unwrap();
            s[i] = s[i].div_ceil(2);
        }
        s
    })
}

/// Checks one generated program under all the configurations.
fn check_program(a: &str, b: &str, has_reduction: bool) -> Result<(), TestCaseError> {
    let base = run(a, options(2, true))
        .map_err(|e| TestCaseError::fail(format!("program A failed:\n{a}\n{e}")))?;
    let fail = |what: &str, code: &str, e: String| {
        TestCaseError::fail(format!("{what}: {e}\n--- program A:\n{a}\n--- program:\n{code}"))
    };
    // 1 vs 2 threads: bit-identical.
    let one = run(a, options(1, true)).map_err(|e| fail("1 thread failed", a, e))?;
    same_bits(&base, &one).map_err(|e| fail("1 thread vs 2 threads", a, e))?;
    // Optimizer off: equal to rounding.
    let noopt = run(a, options(2, false)).map_err(|e| fail("optimizer off failed", a, e))?;
    close(&base, &noopt).map_err(|e| fail("optimizer on vs off", a, e))?;
    // Chunking B: bit-identical without reductions (each element is computed
    // by the same scalar operations), equal to rounding with them.
    let chb = run(b, options(2, true)).map_err(|e| fail("chunking B failed", b, e))?;
    if has_reduction {
        close(&base, &chb).map_err(|e| fail("chunking A vs B", b, e))?;
    } else {
        same_bits(&base, &chb).map_err(|e| fail("chunking A vs B (elementwise, bitwise)", b, e))?;
    }
    let chb1 =
        run(b, options(1, false)).map_err(|e| fail("chunking B, 1 thread, no opt failed", b, e))?;
    close(&base, &chb1).map_err(|e| fail("chunking A vs B (1 thread, optimizer off)", b, e))?;
    Ok(())
}

/// `PROPTEST_CASES` overrides the number of cases (to hunt for bugs longer).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(400),
        max_shrink_iters: 2000,
        failure_persistence: None,
        .. ProptestConfig::default()
    })]

    #[test]
    fn random_programs_are_invariant(
        shape in shape_strategy(),
        depth in 1usize..=4,
        choices in prop::collection::vec(any::<u32>(), 0..160),
    ) {
        let (a, b, red) = program(&choices, &shape, depth);
        check_program(&a, &b, red)?;
    }
}

// ---------------------------------------------------------------------------
// Random numbers (DESIGN.md §5)

const DISTS: &[&str] = &[
    "random.random({s}, chunks={c})",
    "random.normal(3.0, 2.0, {s}, chunks={c})",
    "random.uniform(-2, 5, {s}, chunks={c})",
    "random.randint(-7, 100, {s}, chunks={c})",
    "random.standard_normal({s}, chunks={c})",
];

fn chunks_strategy(shape: Vec<usize>) -> impl Strategy<Value = (Vec<usize>, String, String)> {
    let one = |shape: &Vec<usize>| shape.iter().map(|&n| (1..=n).boxed()).collect::<Vec<_>>();
    (Just(shape.clone()), one(&shape), one(&shape)).prop_map(|(s, a, b)| {
        let t = |c: Vec<usize>| shape_text(&c);
        (s, t(a), t(b))
    })
}

fn dist_program(dist: usize, shape: &[usize], chunks: &str) -> String {
    DISTS[dist].replace("{s}", &shape_text(shape)).replace("{c}", chunks)
}

/// A random subscript of `shape`: slices with random (possibly negative)
/// steps and bounds, or integer indices. Returns the text and, per axis,
/// the indices it selects (None for an integer index, which drops the axis).
fn subscript_strategy(
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
fn slice_indices(n: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> Vec<usize> {
    let len = slice_len(n, start, stop, step);
    let first = if step > 0 {
        start.map_or(0, |s| if s < 0 { (s + n).max(0) } else { s.min(n) })
    } else {
        start.map_or(n - 1, |s| if s < 0 { (s + n).max(-1) } else { s.min(n - 1) })
    };
    (0..len).map(|k| (first + k * step) as usize).collect()
}

/// Picks the elements `sel` selects from the C-ordered `full` of `shape`.
fn select(full: &[f64], shape: &[usize], sel: &[(Vec<usize>, bool)]) -> (Vec<usize>, Vec<f64>) {
    let out_shape: Vec<usize> =
        sel.iter().filter(|(_, keep)| *keep).map(|(i, _)| i.len()).collect();
    let mut out = Vec::new();
    let mut idx = vec![0usize; shape.len()];
    fn rec(
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

fn small_shape() -> impl Strategy<Value = Vec<usize>> {
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

/// Zero-length axes (NumPy allows them everywhere): creating, slicing to
/// empty and reducing an empty array.
#[test]
fn empty_arrays_compute() {
    let cases: &[(&str, &[usize], &[f64])] = &[
        ("zeros((0, 3))", &[0, 3], &[]),
        ("arange(3)[:0]", &[0], &[]),
        ("random.random((4,), chunks=2)[3:1]", &[0], &[]),
        ("ones((2, 3), chunks=1)[:, 5:]", &[2, 0], &[]),
        ("sum(arange(3)[:0])", &[], &[0.0]),
        ("ones((2, 3))[:, 5:].sum(axis=1)", &[2], &[0.0, 0.0]),
    ];
    let mut failures = Vec::new();
    for &(code, shape, values) in cases {
        match run(code, options(2, true)) {
            Ok(o) if o.shape == shape && o.values == values => {}
            other => failures.push(format!("{code}: {other:?}")),
        }
    }
    assert!(failures.is_empty(), "empty arrays:\n{}", failures.join("\n"));
}

/// `axis=()` reduces over no axis: NumPy returns the elements themselves
/// (var/std: zeros; mean of ints: as float).
#[test]
fn reductions_over_no_axes_are_the_identity() {
    let mut failures = Vec::new();
    for op in ["sum", "mean", "std", "var", "min", "max", "prod", "any", "all"] {
        for keep in ["", ", keepdims=True"] {
            let code = format!("{op}(arange(6, chunks=4).reshape(2, 3) - 2, axis=(){keep})");
            let want: Vec<f64> = match op {
                "std" | "var" => vec![0.0; 6],
                "any" | "all" => vec![1.0, 1.0, 0.0, 1.0, 1.0, 1.0],
                _ => vec![-2.0, -1.0, 0.0, 1.0, 2.0, 3.0],
            };
            match run(&code, options(2, true)) {
                Ok(o) if o.shape == [2, 3] && o.values == want => {}
                other => failures.push(format!("{code}: {other:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "axis=():\n{}", failures.join("\n"));
}

/// `max`/`min` along an axis: each output element is the max/min of its
/// own lane (found by `random_programs_are_invariant`: within one chunk,
/// every output took the chunk's first element as its start value).
#[test]
fn max_and_min_reduce_each_lane_separately() {
    let mut failures = Vec::new();
    for (code, want) in [
        ("max(array([[5, 1], [2, 3]]), axis=1)", vec![5.0, 3.0]),
        ("max(array([[5, 1], [2, 3]]), axis=0)", vec![5.0, 3.0]),
        ("min(array([[1, 5], [2, 3]]), axis=0)", vec![1.0, 3.0]),
        ("array([[1.5, 0.5], [0.0, 2.0]]).min(axis=1)", vec![0.5, 0.0]),
        ("max(array([[5, 1], [2, 3]], chunks=(1, 2)), axis=0)", vec![5.0, 3.0]),
    ] {
        for opt in [true, false] {
            match run(code, options(2, opt)) {
                Ok(o) if o.values == want => {}
                other => {
                    failures.push(format!("{code} (optimize={opt}): {other:?}, want {want:?}"))
                }
            }
        }
    }
    assert!(failures.is_empty(), "max/min:\n{}", failures.join("\n"));
}

/// `[None]` on an elementwise result of 0-d arrays (found by
/// `random_programs_are_invariant`: slice pushdown changed the shape).
#[test]
fn new_axis_on_a_0d_elementwise_result() {
    let mut failures = Vec::new();
    for (code, shape, want) in [
        ("(ones(()) + 1)[None]", vec![1], vec![2.0]),
        ("maximum(ones(()), zeros(()))[None, None]", vec![1, 1], vec![1.0]),
        ("(arange(3)[1] * 2)[None]", vec![1], vec![2.0]),
        ("(ones(()) + 1)[None].sum(axis=0)", vec![], vec![2.0]),
    ] {
        for opt in [true, false] {
            match run(code, options(2, opt)) {
                Ok(o) if o.shape == shape && o.values == want => {}
                other => failures.push(format!("{code} (optimize={opt}): {other:?}")),
            }
        }
    }
    assert!(failures.is_empty(), "[None] of 0-d:\n{}", failures.join("\n"));
}

#[test]
fn seed_makes_programs_repeatable_and_calls_use_different_streams() {
    let prog = "random.seed(42)\na = random.normal(size=(50, 7), chunks=(13, 3))\nb = random.normal(size=(50, 7), chunks=(13, 3))";
    let get = |s: &mut Session, code: &str| {
        let v = s.eval("<get>", code).unwrap();
        outcome(s, v).unwrap()
    };
    let mut s1 = Session::with_options(options(2, true));
    let mut s2 = Session::with_options(options(1, true));
    // Different session seeds: random.seed overrides them.
    let mut s3 = Session::with_options(Options { seed: 7, ..options(2, true) });
    for s in [&mut s1, &mut s2, &mut s3] {
        s.eval("<p>", prog).unwrap();
    }
    let (a1, b1) = (get(&mut s1, "a"), get(&mut s1, "b"));
    same_bits(&a1, &get(&mut s2, "a")).unwrap();
    same_bits(&b1, &get(&mut s2, "b")).unwrap();
    same_bits(&a1, &get(&mut s3, "a")).unwrap();
    // Two calls: different streams.
    let equal = a1.values.iter().zip(&b1.values).filter(|(x, y)| x == y).count();
    assert_eq!(equal, 0, "two random.normal calls share {equal} values");
    // Seeding again in the same session restarts the streams.
    s1.eval("<again>", prog).unwrap();
    same_bits(&a1, &get(&mut s1, "a")).unwrap();
    // Another seed: other values.
    s1.eval("<other>", &prog.replace("seed(42)", "seed(43)")).unwrap();
    let a43 = get(&mut s1, "a");
    assert!(a1.values.iter().zip(&a43.values).all(|(x, y)| x != y), "seed 43 repeats seed 42");
    // The session seed option: same seed, same values; another, others.
    let p = "random.random((4, 5), chunks=2)";
    let v7 = run(p, Options { seed: 7, ..options(2, true) }).unwrap();
    same_bits(&v7, &run(p, Options { seed: 7, ..options(1, false) }).unwrap()).unwrap();
    let v8 = run(p, Options { seed: 8, ..options(2, true) }).unwrap();
    assert!(v7.values.iter().zip(&v8.values).all(|(x, y)| x != y));
    // Without any seed, a fresh session is reproducible (seed 0).
    same_bits(&run(p, options(2, true)).unwrap(), &run(p, options(1, true)).unwrap()).unwrap();
}

// ---------------------------------------------------------------------------
// Display laziness

/// The numbers on the corner rows of a summarized 2-d display.
fn displayed_corners(text: &str) -> Vec<Vec<f64>> {
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
fn join_wrapped_rows(text: &str) -> String {
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
