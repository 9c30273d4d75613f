//! The grammar of one logical line, as a chumsky parser.
//!
//! A line is either simple statements separated by `;`, or the header of a
//! compound statement (`if c:`, `for t in xs:`, `def f(x):`, ...) optionally
//! followed by an inline body (`if c: x = 1`). Blocks are assembled from
//! lines by `parser/mod.rs`, which keeps the chumsky grammar small and means
//! a bad line can never swallow the lines after it.

use chumsky::prelude::*;

use super::expr::{Ctx, Exprs, P, PErr, exprs, to_target};
use crate::diag::Span;
use crate::syntax::ast::Spanned;
use crate::syntax::ast::*;
use crate::syntax::token::Token;

/// A compound statement's header.
#[derive(Debug)]
pub(crate) enum Header {
    If(SExpr),
    Elif(SExpr),
    Else,
    While(SExpr),
    For(Target, SExpr),
    Def(Ident, Vec<Param>),
}

impl Header {
    pub fn keyword(&self) -> &'static str {
        match self {
            Header::If(_) => "if",
            Header::Elif(_) => "elif",
            Header::Else => "else",
            Header::While(_) => "while",
            Header::For(..) => "for",
            Header::Def(..) => "def",
        }
    }
}

#[derive(Debug)]
pub(crate) enum Line {
    Simple(Vec<SStmt>),
    /// The header, the span of the whole line, and the inline body if any.
    Header(Header, Span, Option<Vec<SStmt>>),
}

const AUG_BINOPS: [BinOp; 13] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::Div,
    BinOp::FloorDiv,
    BinOp::Mod,
    BinOp::Pow,
    BinOp::MatMul,
    BinOp::BitAnd,
    BinOp::BitOr,
    BinOp::BitXor,
    BinOp::LShift,
    BinOp::RShift,
];

/// Converts to a target, reporting (and replacing with an empty tuple) an
/// expression that cannot be assigned to.
fn target_or_report<'a, Er: PErr<'a>>(
    e: SExpr,
    emitter: &mut chumsky::input::Emitter<Er>,
) -> Target {
    match to_target(e) {
        Ok(t) => t,
        Err((span, msg)) => {
            emitter.emit(Er::custom(SimpleSpan::from(span.range()), msg));
            Target::Tuple(Vec::new(), span)
        }
    }
}

/// The parser for one logical line (without its NEWLINE).
pub(crate) fn line<'a, Er: PErr<'a>>(cx: Ctx<'a>) -> P<'a, Line, Er> {
    let tok = |t: Token| just(t);
    let Exprs { ident, test, testlist, target_list, params } = exprs::<Er>(cx);
    let sp = move |s: SimpleSpan| cx.span(s);

    let dotted = ident.clone().separated_by(tok(Token::Dot)).at_least(1).collect::<Vec<_>>();
    let import_name = |path: P<'a, Vec<Ident>, Er>| {
        path.then(tok(Token::As).ignore_then(ident.clone()).or_not())
            .map(|(path, alias)| ImportName { path, alias })
    };
    let import = tok(Token::Import)
        .ignore_then(
            import_name(dotted.clone().boxed())
                .separated_by(tok(Token::Comma))
                .at_least(1)
                .collect::<Vec<_>>(),
        )
        .map(Stmt::Import);
    let plain_names = import_name(ident.clone().map(|i| vec![i]).boxed())
        .separated_by(tok(Token::Comma))
        .at_least(1)
        .allow_trailing()
        .collect::<Vec<_>>();
    let from_import = tok(Token::From)
        .ignore_then(dotted)
        .then_ignore(tok(Token::Import))
        .then(choice((
            tok(Token::Star).to(Vec::new()),
            plain_names.clone().delimited_by(tok(Token::LParen), tok(Token::RParen)),
            plain_names,
        )))
        .map(|(module, names)| Stmt::FromImport { module, names });

    let aug_op = select! { Token::AugAssign(i) => AUG_BINOPS[(i as usize).min(12)] };
    let expr_stmt = testlist
        .clone()
        .then(choice((
            aug_op.then(testlist.clone()).map(|(op, v)| (Some(op), vec![v])),
            tok(Token::Assign)
                .ignore_then(testlist.clone())
                .repeated()
                .collect::<Vec<_>>()
                .map(|vs| (None, vs)),
        )))
        .validate(|(first, (aug, mut values)), _, emitter| {
            if let Some(op) = aug {
                let value = values.pop().unwrap_or_else(|| first.clone());
                if matches!(first.node, Expr::Tuple(_) | Expr::List(_)) {
                    emitter.emit(Er::custom(
                        SimpleSpan::from(first.span.range()),
                        format!("cannot use `{}=` on a tuple or list of targets", op.symbol()),
                    ));
                }
                let target = target_or_report(first, emitter);
                return Stmt::AugAssign { target, op, value };
            }
            let Some(value) = values.pop() else { return Stmt::Expr(first) };
            let mut targets = vec![target_or_report(first, emitter)];
            for t in values {
                targets.push(target_or_report(t, emitter));
            }
            Stmt::Assign { targets, value }
        });

    let small = choice((
        tok(Token::Pass).to(Stmt::Pass),
        tok(Token::Break).to(Stmt::Break),
        tok(Token::Continue).to(Stmt::Continue),
        tok(Token::Return).ignore_then(testlist.clone().or_not()).map(Stmt::Return),
        tok(Token::Del)
            .ignore_then(
                ident
                    .clone()
                    .separated_by(tok(Token::Comma))
                    .at_least(1)
                    .allow_trailing()
                    .collect(),
            )
            .map(Stmt::Del),
        tok(Token::Assert)
            .ignore_then(test.clone())
            .then(tok(Token::Comma).ignore_then(test.clone()).or_not())
            .map(|(cond, msg)| Stmt::Assert { cond, msg }),
        import,
        from_import,
        expr_stmt,
    ))
    .map_with(move |s, e| Spanned::new(s, sp(e.span())));
    let simple = small
        .separated_by(tok(Token::Semi))
        .at_least(1)
        .allow_trailing()
        .collect::<Vec<_>>()
        .boxed();

    let for_target = target_list.validate(|t, _, emitter| target_or_report(t, emitter));
    let header = choice((
        tok(Token::If).ignore_then(test.clone()).map(Header::If),
        tok(Token::Elif).ignore_then(test.clone()).map(Header::Elif),
        tok(Token::Else).map(|_| Header::Else),
        tok(Token::While).ignore_then(test.clone()).map(Header::While),
        tok(Token::For)
            .ignore_then(for_target)
            .then_ignore(tok(Token::In))
            .then(testlist.clone())
            .map(|(t, it)| Header::For(t, it)),
        tok(Token::Def)
            .ignore_then(ident.clone())
            .then(params.delimited_by(tok(Token::LParen), tok(Token::RParen)))
            .map(|(name, ps)| Header::Def(name, ps)),
    ))
    .then_ignore(tok(Token::Colon))
    .then(simple.clone().or_not())
    .map_with(move |(h, inline), e| Line::Header(h, sp(e.span()), inline));

    choice((header, simple.map(Line::Simple))).then_ignore(end()).boxed()
}

/// The parser for an f-string field: one expression list, nothing else.
pub(crate) fn fstring_expr<'a, Er: PErr<'a>>(cx: Ctx<'a>) -> P<'a, SExpr, Er> {
    exprs::<Er>(cx).testlist.then_ignore(end()).boxed()
}
