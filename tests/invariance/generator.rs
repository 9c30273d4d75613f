//! The random program generator: valid arr programs built from a
//! proptest-shrinkable list of choices, tracking shapes exactly.

use proptest::prelude::*;

// ---------------------------------------------------------------------------
// The program generator

/// A stream of choices; past its end every choice is 0 (the simplest).
pub(crate) struct Choices<'a> {
    pub(crate) c: &'a [u32],
    pub(crate) pos: usize,
}

impl Choices<'_> {
    pub(crate) fn pick(&mut self, n: usize) -> usize {
        let v = self.c.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        (v as usize) % n.max(1)
    }
    pub(crate) fn range(&mut self, lo: i64, hi_incl: i64) -> i64 {
        lo + self.pick((hi_incl - lo + 1) as usize) as i64
    }
    pub(crate) fn chance(&mut self, one_in: usize) -> bool {
        self.pick(one_in) == one_in - 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    Bool,
    /// uint8: Python ints combined with it must be in 0..=255 (NEP 50).
    UInt,
    Int,
    Float,
}

/// NumPy promotion, coarsely: bool < uint8 < int64 < float.
pub(crate) fn join(a: Kind, b: Kind) -> Kind {
    let rank = |k| match k {
        Kind::Bool => 0,
        Kind::UInt => 1,
        Kind::Int => 2,
        Kind::Float => 3,
    };
    if rank(a) >= rank(b) { a } else { b }
}

pub(crate) struct Expr {
    pub(crate) text: String,
    pub(crate) kind: Kind,
}

/// Builds one program; chunk specs are written as `@N@` markers and filled
/// in for chunking A or B at render time.
pub(crate) struct Gen<'a> {
    pub(crate) ch: Choices<'a>,
    /// Per marker: (chunk spec A, chunk spec B).
    pub(crate) chunks: Vec<(String, String)>,
    pub(crate) has_reduction: bool,
    /// Every op above the current point is continuous, so a reduction here
    /// may be reordered (rounding) without changing the result beyond
    /// rounding: no comparison, floor, `//`, cast to int... above it.
    pub(crate) smooth: bool,
}

/// Whether a small change of the operands makes a small change of the result.
pub(crate) fn smooth_arith(op: &str) -> bool {
    matches!(op, "+" | "-" | "*")
}

pub(crate) fn size(shape: &[usize]) -> usize {
    shape.iter().product()
}

pub(crate) fn tuple(items: &[String]) -> String {
    if items.len() == 1 { format!("({},)", items[0]) } else { format!("({})", items.join(", ")) }
}

pub(crate) fn shape_text(shape: &[usize]) -> String {
    tuple(&shape.iter().map(|d| d.to_string()).collect::<Vec<_>>())
}

/// Python slice semantics: the number of elements `start:stop:step` selects
/// from a length-`n` axis.
pub(crate) fn slice_len(n: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> i64 {
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
    pub(crate) fn new(c: &'a [u32]) -> Gen<'a> {
        Gen { ch: Choices { c, pos: 0 }, chunks: Vec::new(), has_reduction: false, smooth: true }
    }

    /// One random chunking of an axis of length `n`: a regular size or an
    /// explicit (ragged) list of lengths.
    pub(crate) fn axis_chunks(&mut self, n: usize) -> String {
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
    pub(crate) fn chunk_marker(&mut self, shape: &[usize]) -> String {
        let a: Vec<String> = shape.iter().map(|&n| self.axis_chunks(n)).collect();
        let b: Vec<String> = shape.iter().map(|&n| self.axis_chunks(n)).collect();
        self.chunks.push((tuple(&a), tuple(&b)));
        format!("@{}@", self.chunks.len() - 1)
    }

    pub(crate) fn scalar(&mut self, kind: Kind) -> String {
        match kind {
            Kind::Bool => ["True", "False"][self.ch.pick(2)].into(),
            Kind::Int => self.ch.range(-3, 5).to_string(),
            Kind::UInt => self.ch.range(0, 5).to_string(),
            Kind::Float => ["0.5", "2.0", "-1.25", "3.0", "1e-3", "0.1"][self.ch.pick(6)].into(),
        }
    }

    /// A source array of exactly `shape`.
    pub(crate) fn leaf(&mut self, shape: &[usize]) -> Expr {
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
    pub(crate) fn broadcastable(&mut self, shape: &[usize]) -> Vec<usize> {
        let drop = self.ch.pick(shape.len());
        shape[drop..].iter().map(|&d| if self.ch.chance(3) { 1 } else { d }).collect()
    }

    /// `expr` below a discontinuous op: no reduction inside.
    pub(crate) fn rough(&mut self, shape: &[usize], depth: usize) -> Expr {
        let was = std::mem::replace(&mut self.smooth, false);
        let x = self.expr(shape, depth);
        self.smooth = was;
        x
    }

    /// `expr` below `op`, rough unless the op is continuous.
    pub(crate) fn below(&mut self, continuous: bool, shape: &[usize], depth: usize) -> Expr {
        if continuous { self.expr(shape, depth) } else { self.rough(shape, depth) }
    }

    /// An expression whose value has exactly `shape`.
    pub(crate) fn expr(&mut self, shape: &[usize], depth: usize) -> Expr {
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

    pub(crate) fn arith_op(&mut self) -> &'static str {
        ["+", "-", "*", "/", "//", "%", "**"][self.ch.pick(7)]
    }

    /// A reduction (over one or two axes) whose result has `shape`.
    pub(crate) fn reduction(&mut self, shape: &[usize], d: usize) -> Expr {
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

    pub(crate) fn factorization(&mut self, n: usize) -> Vec<usize> {
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

    pub(crate) fn unary(&mut self, shape: &[usize], d: usize) -> Expr {
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

    pub(crate) fn binary(&mut self, op: &'static str, x: Expr, y: Expr) -> Expr {
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
    pub(crate) fn subscript(&mut self, shape: &[usize], d: usize) -> Expr {
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
    pub(crate) fn slice_for(&mut self, p: i64) -> (i64, String) {
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
    pub(crate) fn top(&mut self, shape: &[usize], depth: usize) -> String {
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
    pub(crate) fn top_reduction(&mut self, shape: &[usize], x: Expr) -> String {
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

    pub(crate) fn render(&self, program: &str, b: bool) -> String {
        let mut out = program.to_string();
        for (i, (ca, cb)) in self.chunks.iter().enumerate().rev() {
            out = out.replace(&format!("@{i}@"), if b { cb } else { ca });
        }
        out
    }
}

/// Wraps `t` in parentheses unless it is already atomic for a postfix op.
pub(crate) fn paren(t: &str) -> String {
    if (t.starts_with('(') && balanced_outer(t)) || is_postfix_chain(t) {
        t.to_string()
    } else {
        format!("({t})")
    }
}

/// Whether the outer parentheses of `t` enclose all of it.
pub(crate) fn balanced_outer(t: &str) -> bool {
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
pub(crate) fn is_postfix_chain(t: &str) -> bool {
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
pub(crate) fn nest(flat: &[String], shape: &[usize]) -> String {
    if shape.is_empty() {
        return flat[0].clone();
    }
    let inner: usize = shape[1..].iter().product();
    let parts: Vec<String> =
        (0..shape[0]).map(|i| nest(&flat[i * inner..(i + 1) * inner], &shape[1..])).collect();
    format!("[{}]", parts.join(", "))
}

/// Generates (program with chunking A, the same with chunking B, has a reduction).
pub(crate) fn program(choices: &[u32], shape: &[usize], depth: usize) -> (String, String, bool) {
    let mut g = Gen::new(choices);
    let body = g.top(shape, depth);
    (g.render(&body, false), g.render(&body, true), g.has_reduction)
}

pub(crate) fn shape_strategy() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(1usize..=40, 1..=3).prop_map(|mut s| {
        // keep arrays small: at most ~2000 elements
        while size(&s) > 2000 {
            let i = s.iter().enumerate().max_by_key(|(_, d)| **d).map(|(i, _)| i).unwrap();
            s[i] = s[i].div_ceil(2);
        }
        s
    })
}
