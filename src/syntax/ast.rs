//! The abstract syntax tree: what the parser produces and the interpreter
//! walks. Every node carries the [`Span`] of the text it came from, so any
//! later error can point at the exact code that caused it.

use crate::diag::Span;

/// A node with the span of source text it was parsed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

pub type SExpr = Spanned<Expr>;
pub type SStmt = Spanned<Stmt>;
pub type Ident = Spanned<String>;

/// A whole program or REPL input: a list of statements.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Program {
    pub body: Vec<SStmt>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x` (bitwise / logical not on arrays)
    Invert,
    /// `not x` (Python truthiness)
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    MatMul,
    BitAnd,
    BitOr,
    BitXor,
    LShift,
    RShift,
}

impl BinOp {
    /// The operator as written in source.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::MatMul => "@",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    /// `in`
    In,
    /// `not in`
    NotIn,
    /// `is`
    Is,
    /// `is not`
    IsNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

/// One argument of a call.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// `f(x)`
    Positional(SExpr),
    /// `f(name=x)`
    Keyword(Ident, SExpr),
    /// `f(*xs)`
    Star(SExpr),
    /// `f(**kw)`
    StarStar(SExpr),
}

/// One item inside `x[...]`.
#[derive(Clone, Debug, PartialEq)]
pub enum IndexItem {
    /// An expression: an int, an array, `None` (newaxis) or `...` (Ellipsis).
    Expr(SExpr),
    /// `start:stop:step`, each part optional; `span` covers the whole slice.
    Slice { start: Option<SExpr>, stop: Option<SExpr>, step: Option<SExpr>, span: Span },
}

/// A piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    Literal(String),
    /// `{expr}` or `{expr:spec}`; `spec` is the raw text after `:`.
    Expr {
        expr: SExpr,
        spec: Option<String>,
    },
}

/// One `for ... in ... if ...` clause of a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct CompFor {
    pub target: Target,
    pub iter: SExpr,
    pub conds: Vec<SExpr>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Int(i64),
    Float(f64),
    Bool(bool),
    None,
    Str(String),
    FString(Vec<FStringPart>),
    /// `...`
    Ellipsis,
    Name(String),
    Tuple(Vec<SExpr>),
    List(Vec<SExpr>),
    Dict(Vec<(SExpr, SExpr)>),
    Unary(UnaryOp, Box<SExpr>),
    Binary(BinOp, Box<SExpr>, Box<SExpr>),
    /// `a < b <= c`: the first operand and each (operator, operand) after it.
    Compare(Box<SExpr>, Vec<(CmpOp, SExpr)>),
    /// `a and b`, `a or b`
    BoolOp(BoolOp, Box<SExpr>, Box<SExpr>),
    /// `body if cond else orelse`
    IfExp {
        cond: Box<SExpr>,
        body: Box<SExpr>,
        orelse: Box<SExpr>,
    },
    Call {
        func: Box<SExpr>,
        args: Vec<Arg>,
    },
    /// `value.name`
    Attr(Box<SExpr>, Ident),
    /// `value[items]`; `x[i]` has one item, `x[i, j]` two.
    Index(Box<SExpr>, Vec<IndexItem>),
    Lambda {
        params: Vec<Param>,
        body: Box<SExpr>,
    },
    /// `[elt for ... in ... if ...]`
    ListComp {
        elt: Box<SExpr>,
        clauses: Vec<CompFor>,
    },
}

/// A parameter of `def` or `lambda`.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Ident,
    pub default: Option<SExpr>,
    /// `*args` (true) ...
    pub star: bool,
    /// ... or `**kwargs` (true).
    pub star_star: bool,
}

/// The left side of an assignment or a `for`.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    Name(Ident),
    /// `a, b` or `(a, b)` or `[a, b]`
    Tuple(Vec<Target>, Span),
    /// `x[i] = v`
    Index(SExpr, Vec<IndexItem>, Span),
    /// `x.a = v`
    Attr(SExpr, Ident),
}

impl Target {
    pub fn span(&self) -> Span {
        match self {
            Target::Name(n) => n.span,
            Target::Tuple(_, s) | Target::Index(_, _, s) => *s,
            Target::Attr(e, n) => e.span.join(n.span),
        }
    }
}

/// An imported name with an optional alias: `numpy as np`, `sqrt`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportName {
    /// Dotted path, e.g. `["dask", "array"]`.
    pub path: Vec<Ident>,
    pub alias: Option<Ident>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Stmt {
    Expr(SExpr),
    /// `a = b = value` has two targets.
    Assign {
        targets: Vec<Target>,
        value: SExpr,
    },
    /// `x += value`
    AugAssign {
        target: Target,
        op: BinOp,
        value: SExpr,
    },
    /// `import numpy as np, dask.array as da`
    Import(Vec<ImportName>),
    /// `from numpy import sqrt as s, exp`; `names` empty means `*`.
    FromImport {
        module: Vec<Ident>,
        names: Vec<ImportName>,
    },
    Def {
        name: Ident,
        params: Vec<Param>,
        body: Vec<SStmt>,
    },
    Return(Option<SExpr>),
    /// `if`/`elif` branches in order, then the `else` body (possibly empty).
    If {
        branches: Vec<(SExpr, Vec<SStmt>)>,
        orelse: Vec<SStmt>,
    },
    For {
        target: Target,
        iter: SExpr,
        body: Vec<SStmt>,
    },
    While {
        cond: SExpr,
        body: Vec<SStmt>,
    },
    Break,
    Continue,
    Pass,
    /// `del x`
    Del(Vec<Ident>),
    /// `assert cond, "message"`
    Assert {
        cond: SExpr,
        msg: Option<SExpr>,
    },
}
