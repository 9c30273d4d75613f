//! The expression grammar, as chumsky parsers over tokens.
//!
//! Python precedence from loosest to tightest: `lambda`, `x if c else y`,
//! `or`, `and`, `not`, comparisons (chained into one `Compare`), `|`, `^`,
//! `&`, shifts, `+ -`, `* / // % @`, unary `+ - ~`, `**` (right
//! associative, binding tighter than a unary on its left but looser than one
//! on its right: `-2**-1` is `-(2**(-1))`), then calls, indexing and
//! attributes. Left-associative levels are folds (iterative, so a long
//! `a + b + c + ...` does not recurse); only brackets, `lambda` and the
//! conditional recurse, through chumsky's `Recursive`, whose depth the lexer
//! has already bounded.

use chumsky::error::{EmptyErr, LabelError};
use chumsky::input::MappedInput;
use chumsky::prelude::*;

use crate::diag::{SourceId, Span};
use crate::syntax::ast::Spanned;
use crate::syntax::ast::*;
use crate::syntax::token::Token;

pub(crate) type In<'a> = MappedInput<'a, Token, SimpleSpan, &'a [(Token, SimpleSpan)]>;
pub(crate) type P<'a, O, Er> = Boxed<'a, 'a, In<'a>, O, extra::Err<Er>>;

/// Errors the grammar can produce. It is built twice: with [`EmptyErr`]
/// for the fast first pass (failed alternatives cost nothing) and, only for
/// a line that fails, with [`Rich`] to explain why.
pub(crate) trait PErr<'a>:
    chumsky::error::Error<'a, In<'a>> + LabelError<'a, In<'a>, &'static str> + 'a
{
    fn custom(span: SimpleSpan, msg: String) -> Self;
}

impl<'a> PErr<'a> for EmptyErr {
    fn custom(_: SimpleSpan, _: String) -> Self {
        EmptyErr::default()
    }
}

impl<'a> PErr<'a> for Rich<'a, Token, SimpleSpan> {
    fn custom(span: SimpleSpan, msg: String) -> Self {
        Rich::custom(span, msg)
    }
}

/// What the grammar needs besides tokens: where names and literals live.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub src: SourceId,
    pub text: &'a str,
    pub strings: &'a [String],
    pub fstrings: &'a [Vec<FStringPart>],
}

impl Ctx<'_> {
    pub fn span(&self, s: SimpleSpan) -> Span {
        Span::new(self.src, s.start, s.end)
    }
}

/// The expression-level entry points the statement grammar builds on.
pub(crate) struct Exprs<'a, Er: PErr<'a>> {
    pub ident: P<'a, Ident, Er>,
    /// One expression, including `lambda` and the conditional.
    pub test: P<'a, SExpr, Er>,
    /// `a, b, c`: a tuple if there is a comma, else the single expression.
    pub testlist: P<'a, SExpr, Er>,
    /// Assignment-target lists of `for`: stops before `in`.
    pub target_list: P<'a, SExpr, Er>,
    /// `def` parameters (without the parentheses).
    pub params: P<'a, Vec<Param>, Er>,
}

/// The rest of `(...)` or `[...]` after the bracket.
enum Seq {
    Empty,
    One(SExpr),
    Comp(SExpr, Vec<CompFor>),
    Many(Vec<SExpr>),
}

enum Post {
    Attr(Ident),
    Call(Vec<Arg>),
    Index(Vec<IndexItem>),
}

enum Piece {
    Str(u32),
    F(u32),
}

fn sp(e: SExpr) -> Box<SExpr> {
    Box::new(e)
}

/// Joins an expression list into a tuple when a comma was written.
fn tuple_or_single(first: SExpr, rest: Vec<SExpr>, comma: bool, span: Span) -> SExpr {
    if rest.is_empty() && !comma {
        return first;
    }
    let mut items = vec![first];
    items.extend(rest);
    Spanned::new(Expr::Tuple(items), span)
}

/// Converts a parsed expression into an assignment target, or explains why
/// it cannot be one.
pub(crate) fn to_target(e: SExpr) -> Result<Target, (Span, String)> {
    let span = e.span;
    match e.node {
        Expr::Name(n) => Ok(Target::Name(Spanned::new(n, span))),
        Expr::Tuple(items) | Expr::List(items) => {
            let ts = items.into_iter().map(to_target).collect::<Result<Vec<_>, _>>()?;
            Ok(Target::Tuple(ts, span))
        }
        Expr::Index(v, items) => Ok(Target::Index(*v, items, span)),
        Expr::Attr(v, name) => Ok(Target::Attr(*v, name)),
        other => {
            let what = match other {
                Expr::Call { .. } => "a function call",
                Expr::Int(_)
                | Expr::Float(_)
                | Expr::Bool(_)
                | Expr::None
                | Expr::Str(_)
                | Expr::FString(_)
                | Expr::Ellipsis => "a literal",
                Expr::Compare(..) => "a comparison",
                Expr::Lambda { .. } => "a lambda",
                Expr::ListComp { .. } => "a list comprehension",
                Expr::Dict(_) => "a dict",
                _ => "an expression",
            };
            Err((span, format!("cannot assign to {what}")))
        }
    }
}

pub(crate) fn exprs<'a, Er: PErr<'a>>(cx: Ctx<'a>) -> Exprs<'a, Er> {
    let tok = |t: Token| just(t);
    let mut test = Recursive::declare();
    let mut or_test_rec = Recursive::declare();
    let mut or_expr_rec = Recursive::declare();

    let ident: P<'a, Ident, Er> = select! { Token::Ident => () }
        .map_with(move |_, e| {
            let s: SimpleSpan = e.span();
            Spanned::new(cx.text[s.start..s.end].to_string(), cx.span(s))
        })
        .labelled("a name")
        .boxed();

    let literal = select! {
        Token::Int(v) => Expr::Int(v),
        Token::Float(v) => Expr::Float(v),
        Token::True => Expr::Bool(true),
        Token::False => Expr::Bool(false),
        Token::None => Expr::None,
        Token::Ellipsis => Expr::Ellipsis,
    }
    .map_with(move |x, e| Spanned::new(x, cx.span(e.span())));

    let name = ident.clone().map(|i| Spanned::new(Expr::Name(i.node), i.span));

    // Adjacent literals concatenate, as in Python: "a" f"{b}" "c".
    let strings = select! { Token::Str(i) => Piece::Str(i), Token::FStr(i) => Piece::F(i) }
        .repeated()
        .at_least(1)
        .collect::<Vec<_>>()
        .map_with(move |pieces, e| {
            let span = cx.span(e.span());
            if pieces.iter().all(|p| matches!(p, Piece::Str(_))) {
                let mut s = String::new();
                for p in &pieces {
                    if let Piece::Str(i) = p {
                        s.push_str(cx.strings.get(*i as usize).map_or("", |x| x));
                    }
                }
                return Spanned::new(Expr::Str(s), span);
            }
            let mut parts: Vec<FStringPart> = Vec::new();
            let push_lit = |parts: &mut Vec<FStringPart>, s: &str| {
                if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
                    prev.push_str(s);
                } else if !s.is_empty() {
                    parts.push(FStringPart::Literal(s.to_string()));
                }
            };
            for p in pieces {
                match p {
                    Piece::Str(i) => {
                        push_lit(&mut parts, cx.strings.get(i as usize).map_or("", |x| x))
                    }
                    Piece::F(i) => {
                        for part in cx.fstrings.get(i as usize).into_iter().flatten() {
                            match part {
                                FStringPart::Literal(s) => push_lit(&mut parts, s),
                                other => parts.push(other.clone()),
                            }
                        }
                    }
                }
            }
            Spanned::new(Expr::FString(parts), span)
        });

    // `for x in xs if c` clauses of a comprehension.
    let target_list: P<'a, SExpr, Er> = or_expr_rec
        .clone()
        .then(tok(Token::Comma).ignore_then(or_expr_rec.clone()).repeated().collect::<Vec<_>>())
        .then(tok(Token::Comma).or_not())
        .map_with(move |((first, rest), comma), e| {
            tuple_or_single(first, rest, comma.is_some(), cx.span(e.span()))
        })
        .boxed();
    let comp_target = target_list.clone().validate(|t, _, emitter| match to_target(t) {
        Ok(t) => t,
        Err((span, msg)) => {
            emitter.emit(Er::custom(SimpleSpan::from(span.range()), msg));
            Target::Tuple(Vec::new(), span)
        }
    });
    let comp_clauses = tok(Token::For)
        .ignore_then(comp_target)
        .then_ignore(tok(Token::In))
        .then(or_test_rec.clone())
        .then(tok(Token::If).ignore_then(or_test_rec.clone()).repeated().collect::<Vec<_>>())
        .map(|((target, iter), conds)| CompFor { target, iter, conds })
        .repeated()
        .at_least(1)
        .collect::<Vec<_>>()
        .boxed();

    // What follows `(` or `[`: nothing, one expression, a comprehension, or
    // a comma-separated list.
    let seq_body = |close: Token| {
        choice((
            tok(close).rewind().map(|_| Seq::Empty),
            test.clone()
                .then(choice((
                    comp_clauses.clone().map(Some).map(|c| (c, None)),
                    tok(Token::Comma)
                        .ignore_then(
                            test.clone().separated_by(tok(Token::Comma)).allow_trailing().collect(),
                        )
                        .map(|rest: Vec<SExpr>| (None, Some(rest))),
                    empty().to((None, None)),
                )))
                .map(|(first, tail)| match tail {
                    (Some(clauses), _) => Seq::Comp(first, clauses),
                    (None, Some(rest)) => {
                        let mut v = vec![first];
                        v.extend(rest);
                        Seq::Many(v)
                    }
                    (None, None) => Seq::One(first),
                }),
        ))
        .then_ignore(tok(close))
    };

    let paren = tok(Token::LParen).ignore_then(seq_body(Token::RParen)).map_with(move |seq, e| {
        let span = cx.span(e.span());
        match seq {
            Seq::Empty => Spanned::new(Expr::Tuple(Vec::new()), span),
            Seq::One(x) => x,
            // A generator expression is evaluated eagerly, like a list.
            Seq::Comp(elt, clauses) => Spanned::new(Expr::ListComp { elt: sp(elt), clauses }, span),
            Seq::Many(items) => Spanned::new(Expr::Tuple(items), span),
        }
    });
    let list =
        tok(Token::LBracket).ignore_then(seq_body(Token::RBracket)).map_with(move |seq, e| {
            let span = cx.span(e.span());
            let node = match seq {
                Seq::Empty => Expr::List(Vec::new()),
                Seq::One(x) => Expr::List(vec![x]),
                Seq::Comp(elt, clauses) => Expr::ListComp { elt: sp(elt), clauses },
                Seq::Many(items) => Expr::List(items),
            };
            Spanned::new(node, span)
        });
    let dict = test
        .clone()
        .then_ignore(tok(Token::Colon))
        .then(test.clone())
        .separated_by(tok(Token::Comma))
        .allow_trailing()
        .collect::<Vec<_>>()
        .delimited_by(tok(Token::LBrace), tok(Token::RBrace))
        .map_with(move |items, e| Spanned::new(Expr::Dict(items), cx.span(e.span())));

    let atom =
        choice((literal, name, strings, paren, list, dict)).labelled("an expression").boxed();

    // Call arguments.
    let arg = choice((
        ident
            .clone()
            .then_ignore(tok(Token::Assign))
            .then(test.clone())
            .map(|(k, v)| Arg::Keyword(k, v)),
        tok(Token::DoubleStar).ignore_then(test.clone()).map(Arg::StarStar),
        tok(Token::Star).ignore_then(test.clone()).map(Arg::Star),
        test.clone().then(comp_clauses.clone().or_not()).map_with(move |(x, comp), e| match comp {
            None => Arg::Positional(x),
            Some(clauses) => Arg::Positional(Spanned::new(
                Expr::ListComp { elt: sp(x), clauses },
                cx.span(e.span()),
            )),
        }),
    ));
    let args = arg
        .separated_by(tok(Token::Comma))
        .allow_trailing()
        .collect::<Vec<_>>()
        .delimited_by(tok(Token::LParen), tok(Token::RParen));

    // Index items: expressions and `start:stop:step` slices.
    let slice_tail = tok(Token::Colon)
        .ignore_then(test.clone().or_not())
        .then(tok(Token::Colon).ignore_then(test.clone().or_not()).or_not());
    let item = choice((
        test.clone().then(slice_tail.clone().or_not()).map_with(move |(a, tail), e| match tail {
            None => IndexItem::Expr(a),
            Some((stop, step)) => IndexItem::Slice {
                start: Some(a),
                stop,
                step: step.flatten(),
                span: cx.span(e.span()),
            },
        }),
        slice_tail.map_with(move |(stop, step), e| IndexItem::Slice {
            start: None,
            stop,
            step: step.flatten(),
            span: cx.span(e.span()),
        }),
    ));
    let index = item
        .separated_by(tok(Token::Comma))
        .at_least(1)
        .allow_trailing()
        .collect::<Vec<_>>()
        .delimited_by(tok(Token::LBracket), tok(Token::RBracket));

    let postfix = choice((
        tok(Token::Dot).ignore_then(ident.clone()).map(Post::Attr),
        args.map(Post::Call),
        index.map(Post::Index),
    ));
    let primary = atom
        .foldl_with(postfix.repeated(), move |lhs, post, e| {
            let span = cx.span(e.span());
            let node = match post {
                Post::Attr(name) => Expr::Attr(sp(lhs), name),
                Post::Call(args) => Expr::Call { func: sp(lhs), args },
                Post::Index(items) => Expr::Index(sp(lhs), items),
            };
            Spanned::new(node, span)
        })
        .boxed();

    // `**` and unary operators. `a ** -b ** c` is `a ** (-(b ** c))`:
    // parse the flat chain, then fold it from the right without recursion.
    let prefix_op = select! {
        Token::Minus => UnaryOp::Neg,
        Token::Plus => UnaryOp::Pos,
        Token::Tilde => UnaryOp::Invert,
    }
    .map_with(move |op, e| (op, cx.span(e.span())));
    let power = primary
        .clone()
        .then(
            tok(Token::DoubleStar)
                .ignore_then(prefix_op.repeated().collect::<Vec<_>>().then(primary))
                .repeated()
                .collect::<Vec<_>>(),
        )
        .map(|(first, chain)| {
            let mut acc: Option<SExpr> = None;
            for (ops, operand) in chain.into_iter().rev() {
                let mut e = match acc.take() {
                    None => operand,
                    Some(rhs) => {
                        let span = operand.span.join(rhs.span);
                        Spanned::new(Expr::Binary(BinOp::Pow, sp(operand), sp(rhs)), span)
                    }
                };
                for (op, s) in ops.into_iter().rev() {
                    let span = s.join(e.span);
                    e = Spanned::new(Expr::Unary(op, sp(e)), span);
                }
                acc = Some(e);
            }
            match acc {
                None => first,
                Some(rhs) => {
                    let span = first.span.join(rhs.span);
                    Spanned::new(Expr::Binary(BinOp::Pow, sp(first), sp(rhs)), span)
                }
            }
        });
    let unary = prefix_op
        .repeated()
        .foldr(power, |(op, s), e| {
            let span = s.join(e.span);
            Spanned::new(Expr::Unary(op, sp(e)), span)
        })
        .boxed();

    let binary = |lower: P<'a, SExpr, Er>, ops: P<'a, BinOp, Er>| -> P<'a, SExpr, Er> {
        lower
            .clone()
            .foldl(ops.then(lower).repeated(), |a, (op, b)| {
                let span = a.span.join(b.span);
                Spanned::new(Expr::Binary(op, sp(a), sp(b)), span)
            })
            .boxed()
    };
    let term = binary(
        unary,
        select! {
            Token::Star => BinOp::Mul,
            Token::Slash => BinOp::Div,
            Token::DoubleSlash => BinOp::FloorDiv,
            Token::Percent => BinOp::Mod,
            Token::At => BinOp::MatMul,
        }
        .boxed(),
    );
    let arith =
        binary(term, select! { Token::Plus => BinOp::Add, Token::Minus => BinOp::Sub }.boxed());
    let shift = binary(
        arith,
        select! { Token::LShift => BinOp::LShift, Token::RShift => BinOp::RShift }.boxed(),
    );
    let band = binary(shift, tok(Token::Amp).to(BinOp::BitAnd).boxed());
    let bxor = binary(band, tok(Token::Caret).to(BinOp::BitXor).boxed());
    let bor = binary(bxor, tok(Token::Pipe).to(BinOp::BitOr).boxed());
    or_expr_rec.define(bor.clone());

    let cmp_op = choice((
        select! {
            Token::Lt => CmpOp::Lt,
            Token::Le => CmpOp::Le,
            Token::Gt => CmpOp::Gt,
            Token::Ge => CmpOp::Ge,
            Token::EqEq => CmpOp::Eq,
            Token::NotEq => CmpOp::Ne,
            Token::In => CmpOp::In,
        },
        tok(Token::Not).then(tok(Token::In)).to(CmpOp::NotIn),
        tok(Token::Is).then(tok(Token::Not)).to(CmpOp::IsNot),
        tok(Token::Is).to(CmpOp::Is),
    ));
    let comparison =
        bor.clone().then(cmp_op.then(bor).repeated().collect::<Vec<_>>()).map(|(first, rest)| {
            match rest.last() {
                None => first,
                Some((_, last)) => {
                    let span = first.span.join(last.span);
                    Spanned::new(Expr::Compare(sp(first), rest), span)
                }
            }
        });
    let not_test = tok(Token::Not)
        .map_with(move |_, e| cx.span(e.span()))
        .repeated()
        .foldr(comparison, |s, e| {
            let span = s.join(e.span);
            Spanned::new(Expr::Unary(UnaryOp::Not, sp(e)), span)
        })
        .boxed();
    let boolop = |lower: P<'a, SExpr, Er>, t: Token, op: BoolOp| -> P<'a, SExpr, Er> {
        lower
            .clone()
            .foldl(tok(t).ignore_then(lower).repeated(), move |a, b| {
                let span = a.span.join(b.span);
                Spanned::new(Expr::BoolOp(op, sp(a), sp(b)), span)
            })
            .boxed()
    };
    let and_test = boolop(not_test, Token::And, BoolOp::And);
    let or_test = boolop(and_test, Token::Or, BoolOp::Or);
    or_test_rec.define(or_test.clone());

    let ternary = or_test
        .clone()
        .then(
            tok(Token::If)
                .ignore_then(or_test.clone())
                .then_ignore(tok(Token::Else))
                .then(test.clone())
                .or_not(),
        )
        .map(|(body, tail)| match tail {
            None => body,
            Some((cond, orelse)) => {
                let span = body.span.join(orelse.span);
                Spanned::new(
                    Expr::IfExp { cond: sp(cond), body: sp(body), orelse: sp(orelse) },
                    span,
                )
            }
        });

    // Parameters, shared by `def` and `lambda`.
    let param = choice((
        tok(Token::DoubleStar).ignore_then(ident.clone()).map(|name| Param {
            name,
            default: None,
            star: false,
            star_star: true,
        }),
        tok(Token::Star).ignore_then(ident.clone()).map(|name| Param {
            name,
            default: None,
            star: true,
            star_star: false,
        }),
        ident
            .clone()
            .then(tok(Token::Assign).ignore_then(test.clone()).or_not())
            .map(|(name, default)| Param { name, default, star: false, star_star: false }),
    ));
    let params: P<'a, Vec<Param>, Er> = param
        .separated_by(tok(Token::Comma))
        .allow_trailing()
        .collect::<Vec<_>>()
        .validate(|ps: Vec<Param>, _, emitter| {
            check_params(&ps, &mut |span, msg| {
                emitter.emit(Er::custom(SimpleSpan::from(span.range()), msg))
            });
            ps
        })
        .boxed();

    let lambda = tok(Token::Lambda)
        .ignore_then(params.clone())
        .then_ignore(tok(Token::Colon))
        .then(test.clone())
        .map_with(move |(params, body), e| {
            Spanned::new(Expr::Lambda { params, body: sp(body) }, cx.span(e.span()))
        });

    test.define(choice((lambda, ternary)));
    let test: P<'a, SExpr, Er> = test.boxed();

    let testlist = test
        .clone()
        .then(tok(Token::Comma).ignore_then(test.clone()).repeated().collect::<Vec<_>>())
        .then(tok(Token::Comma).or_not())
        .map_with(move |((first, rest), comma), e| {
            tuple_or_single(first, rest, comma.is_some(), cx.span(e.span()))
        })
        .boxed();

    Exprs { ident, test, testlist, target_list, params }
}

/// Python's rules for parameter lists: no duplicates, defaults only at the
/// end of the plain parameters, `*args` before `**kw`, `**kw` last.
fn check_params(ps: &[Param], emit: &mut dyn FnMut(Span, String)) {
    let mut seen_default = false;
    let mut seen_star = false;
    let mut seen_kw = false;
    for (i, p) in ps.iter().enumerate() {
        if ps[..i].iter().any(|q| q.name.node == p.name.node) {
            emit(p.name.span, format!("duplicate parameter `{}`", p.name.node));
        }
        if seen_kw {
            emit(p.name.span, "`**` parameter must come last".to_string());
        }
        if p.star_star {
            seen_kw = true;
        } else if p.star {
            if seen_star {
                emit(p.name.span, "only one `*` parameter is allowed".to_string());
            }
            seen_star = true;
        } else if p.default.is_some() {
            seen_default = true;
        } else if seen_default && !seen_star {
            emit(
                p.name.span,
                format!("parameter `{}` without a default follows one with a default", p.name.node),
            );
        }
    }
}
