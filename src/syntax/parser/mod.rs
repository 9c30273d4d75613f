//! The parser driver: tokens → [`Program`], with error recovery.
//!
//! The token stream is cut into logical lines (the lexer's NEWLINEs) and
//! each line is parsed on its own by the chumsky grammar in `stmt.rs`; the
//! lexer's INDENT/DEDENT tokens then group lines into blocks here, by plain
//! recursive descent. Recovery falls out of that shape: a line that fails to
//! parse yields one diagnostic and is dropped, and parsing goes on with the
//! next line, so one input reports one error per bad line. This module also
//! turns chumsky's `Rich` errors into human messages ("unexpected `)`",
//! "expected an expression, found end of input") and resolves f-string
//! fields by lexing and parsing their text in place, so spans inside them
//! point into the original source.

mod expr;
mod stmt;

use chumsky::error::{EmptyErr, RichPattern, RichReason};
use chumsky::prelude::*;

use crate::diag::{Diagnostic, ErrorKind, SourceId, Span};
use crate::syntax::ast::Spanned;
use crate::syntax::ast::*;
use crate::syntax::lexer::{self, Lexed, RawPart};
use crate::syntax::token::{Token, UNSUPPORTED_KEYWORDS};
use expr::Ctx;
use stmt::{Header, Line};

/// Parses a whole program; always returns what it could parse plus every
/// diagnostic, sorted by position.
pub fn parse_program(src: SourceId, text: &str) -> (Program, Vec<Diagnostic>) {
    let mut lexed = lexer::lex(src, text);
    let mut diags = std::mem::take(&mut lexed.errors);
    let fstrings = resolve_fstrings(src, text, &lexed, 0, &mut diags);
    let cx = Ctx { src, text, strings: &lexed.strings, fstrings: &fstrings };
    let items = split_lines(cx, &lexed.tokens, &mut diags);
    let mut b = Builder { items, pos: 0, diags, text, src };
    let body = b.block(true);
    let mut diags = b.diags;
    diags.sort_by_key(|d| d.span.map(|s| (s.start, s.end)));
    (Program { body }, diags)
}

/// Parses each f-string's `{...}` fields (recursively: f-strings may nest).
fn resolve_fstrings(
    src: SourceId,
    text: &str,
    lexed: &Lexed,
    depth: usize,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Vec<FStringPart>> {
    let mut out = Vec::with_capacity(lexed.fstrings.len());
    for raw in &lexed.fstrings {
        let mut parts = Vec::with_capacity(raw.len());
        for part in raw {
            match part {
                RawPart::Lit(s) => parts.push(FStringPart::Literal(s.clone())),
                RawPart::Expr { start, end, spec } => {
                    let mut sub = lexer::lex_expr(src, text, *start, *end, depth + 1);
                    if !sub.errors.is_empty() {
                        diags.append(&mut sub.errors);
                        continue;
                    }
                    let nested = resolve_fstrings(src, text, &sub, depth + 1, diags);
                    let cx = Ctx { src, text, strings: &sub.strings, fstrings: &nested };
                    // The field ends at its `}` or `:`; errors there say so.
                    let eoi = SimpleSpan::from(*end..*end);
                    let input = sub.tokens.split_token_span(eoi);
                    match stmt::fstring_expr::<Rich<_>>(cx).parse(input).into_result() {
                        Ok(expr) => parts.push(FStringPart::Expr { expr, spec: spec.clone() }),
                        Err(errs) => {
                            if let Some(e) = errs.into_iter().next() {
                                let close = if spec.is_some() { "`:`" } else { "`}`" };
                                diags.push(rich_to_diag(cx, &e, &sub.tokens, close));
                            }
                        }
                    }
                }
            }
        }
        out.push(parts);
    }
    out
}

/// A logical line (already parsed) or a layout marker.
enum Item {
    Line(Box<Line>),
    /// A line that had an error (already reported).
    Bad,
    Indent(Span),
    Dedent,
}

fn split_lines(
    cx: Ctx<'_>,
    tokens: &[(Token, SimpleSpan)],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Item> {
    // Most lines are fine: parse them with no error bookkeeping at all, and
    // build the explaining parser only for a line that fails.
    let fast = stmt::line::<EmptyErr>(cx);
    let mut slow = None;
    let mut items = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (t, s) = tokens[i];
        match t {
            Token::Indent => {
                items.push(Item::Indent(cx.span(s)));
                i += 1;
                continue;
            }
            Token::Dedent => {
                items.push(Item::Dedent);
                i += 1;
                continue;
            }
            _ => {}
        }
        let start = i;
        while i < tokens.len() && tokens[i].0 != Token::Newline {
            i += 1;
        }
        let line = &tokens[start..i];
        let eoi = tokens.get(i).map_or(cx.text.len(), |(_, s)| s.start);
        i += 1; // the NEWLINE
        if line.iter().any(|(t, _)| *t == Token::Error) {
            items.push(Item::Bad);
            continue;
        }
        let at_eof =
            cx.text[eoi..].lines().all(|l| l.trim().is_empty() || l.trim().starts_with('#'));
        let place = if at_eof { "end of input" } else { "end of line" };
        let input = || line.split_token_span(SimpleSpan::from(eoi..eoi));
        if let Ok(l) = fast.parse(input()).into_result() {
            items.push(Item::Line(Box::new(l)));
            continue;
        }
        let slow = slow.get_or_insert_with(|| stmt::line::<Rich<Token>>(cx));
        match slow.parse(input()).into_result() {
            Ok(l) => items.push(Item::Line(Box::new(l))),
            Err(errs) => {
                if let Some(e) = errs.into_iter().next() {
                    diags.push(rich_to_diag(cx, &e, line, place));
                }
                items.push(Item::Bad);
            }
        }
    }
    items
}

/// Turns a chumsky error into a human one.
fn rich_to_diag(
    cx: Ctx<'_>,
    e: &Rich<'_, Token, SimpleSpan>,
    line: &[(Token, SimpleSpan)],
    end_place: &str,
) -> Diagnostic {
    let span = cx.span(*e.span());
    let (expected, found) = match e.reason() {
        RichReason::Custom(msg) => return Diagnostic::new(ErrorKind::Syntax, msg.clone(), span),
        RichReason::ExpectedFound { expected, found } => (expected, found.as_deref().copied()),
    };
    let first = line.first().map(|(t, s)| (*t, *s));
    // A line starting with a Python keyword arr lacks: say so plainly.
    if let Some((Token::Ident, s)) = first {
        let word = &cx.text[s.start..s.end];
        if UNSUPPORTED_KEYWORDS.contains(&word) {
            return Diagnostic::new(
                ErrorKind::Syntax,
                format!("`{word}` statements are not supported"),
                cx.span(s),
            );
        }
    }
    let wanted = describe_expected(expected, found.is_some());
    let Some(found) = found else {
        let msg = match wanted {
            Some(w) => format!("expected {w}, found {end_place}"),
            None => format!("unexpected {end_place}"),
        };
        return Diagnostic::new(ErrorKind::Syntax, msg, span);
    };
    let shown = match found {
        Token::Str(_) | Token::FStr(_) => "a string".to_string(),
        Token::Indent => "indent".to_string(),
        _ => {
            let t = &cx.text[span.range()];
            let t: String = t.chars().take(20).collect();
            format!("`{t}`")
        }
    };
    let mut d = Diagnostic::new(ErrorKind::Syntax, format!("unexpected {shown}"), span);
    if let Some(w) = &wanted {
        d = d.with_label(format!("expected {w}"));
    }
    let in_condition = matches!(first, Some((Token::If | Token::Elif | Token::While, _)));
    if found == Token::Assign && in_condition {
        d = d
            .with_label("`=` assigns a value")
            .with_hint("to compare two values use `==`, as in `if x == 1:`");
    } else if found.starts_operand() {
        let prev = line.iter().rev().find(|(_, s)| s.end <= span.start as usize);
        if prev.is_some_and(|(t, _)| t.ends_operand()) {
            d = d.with_hint("perhaps you forgot a comma or an operator?");
        }
    }
    d
}

/// Summarises what the parser wanted, keeping only expectations that help
/// (which closing bracket, a `:`, "an expression") and dropping the long
/// tail of operators that could also have continued the expression.
fn describe_expected(expected: &[RichPattern<'_, Token>], have_found: bool) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s)
        }
    };
    let mut comma = false;
    for p in expected {
        match p {
            RichPattern::Label(l) => push(l.to_string()),
            RichPattern::Token(t) => match **t {
                Token::Comma => comma = true,
                Token::RParen
                | Token::RBracket
                | Token::RBrace
                | Token::Colon
                | Token::In
                | Token::Import
                | Token::Else => push(format!("`{}`", **t)),
                _ => {}
            },
            _ => {}
        }
    }
    // "a name" is implied by "an expression".
    if out.iter().any(|s| s == "an expression") {
        out.retain(|s| s != "a name");
    }
    // Statement-level "expected an expression" after a complete one is
    // noise (anything could follow); only say it when nothing else fits.
    if out.is_empty() {
        return None;
    }
    if comma
        && out.iter().any(|s| s.starts_with("`)") || s.starts_with("`]") || s.starts_with("`}"))
    {
        out.insert(0, "`,`".to_string());
    }
    let _ = have_found;
    if out.len() > 4 {
        return None;
    }
    Some(match out.len() {
        1 => out.remove(0),
        n => format!("{} or {}", out[..n - 1].join(", "), out[n - 1]),
    })
}

/// Assembles blocks from lines and layout markers.
struct Builder<'t> {
    items: Vec<Item>,
    pos: usize,
    diags: Vec<Diagnostic>,
    text: &'t str,
    src: SourceId,
}

impl Builder<'_> {
    fn syntax(&mut self, msg: impl Into<String>, span: Span) -> &mut Diagnostic {
        self.diags.push(Diagnostic::new(ErrorKind::Syntax, msg, span));
        let n = self.diags.len() - 1;
        &mut self.diags[n]
    }

    /// Parses statements until the matching DEDENT (or the end).
    fn block(&mut self, top: bool) -> Vec<SStmt> {
        let mut out = Vec::new();
        while self.pos < self.items.len() {
            let item = std::mem::replace(&mut self.items[self.pos], Item::Dedent);
            self.pos += 1;
            match item {
                Item::Dedent if top => {}
                Item::Dedent => return out,
                Item::Indent(span) => {
                    let d = self.syntax("unexpected indent", span);
                    *d = d.clone().with_hint("this line is indented more than the block it is in");
                    // Still parse the stray block, to report its errors.
                    self.block(false);
                }
                Item::Bad => self.skip_block(),
                Item::Line(l) => match *l {
                    Line::Simple(stmts) => out.extend(stmts),
                    Line::Header(h, span, inline) => {
                        if let Some(s) = self.compound(h, span, inline) {
                            out.push(s);
                        }
                    }
                },
            }
        }
        out
    }

    /// After a bad line, parse (for its errors) and drop its block, if any.
    fn skip_block(&mut self) {
        if let Some(Item::Indent(_)) = self.items.get(self.pos) {
            self.pos += 1;
            self.block(false);
        }
    }

    /// The body of a compound statement: inline, or the indented block on
    /// the following lines.
    fn body(
        &mut self,
        keyword: &str,
        header: Span,
        inline: Option<Vec<SStmt>>,
    ) -> Option<Vec<SStmt>> {
        if let Some(stmts) = inline {
            return Some(stmts);
        }
        if let Some(Item::Indent(_)) = self.items.get(self.pos) {
            self.pos += 1;
            return Some(self.block(false));
        }
        let line = line_of(self.text, header.start as usize);
        let at = Span::new(self.src, header.end as usize, header.end as usize);
        let d =
            self.syntax(format!("expected an indented block after `{keyword}` on line {line}"), at);
        *d = d.clone().with_hint("indent the statements that belong to this block");
        None
    }

    fn compound(&mut self, h: Header, span: Span, inline: Option<Vec<SStmt>>) -> Option<SStmt> {
        let kw = h.keyword();
        let body = self.body(kw, span, inline);
        let end = |body: &[SStmt], s: Span| body.last().map_or(s, |b| s.join(b.span));
        let stmt = match h {
            Header::If(cond) => {
                let mut full = end(body.as_deref().unwrap_or_default(), span);
                let mut branches = vec![(cond, body.unwrap_or_default())];
                let mut orelse = Vec::new();
                while let Some(Item::Line(l)) = self.items.get(self.pos)
                    && matches!(**l, Line::Header(Header::Elif(_) | Header::Else, ..))
                {
                    let next = std::mem::replace(&mut self.items[self.pos], Item::Dedent);
                    self.pos += 1;
                    let Item::Line(l) = next else { break };
                    let Line::Header(h, s, inline) = *l else { break };
                    let b = self.body(h.keyword(), s, inline).unwrap_or_default();
                    full = end(&b, full.join(s));
                    match h {
                        Header::Elif(c) => branches.push((c, b)),
                        _ => {
                            orelse = b;
                            break;
                        }
                    }
                }
                return Some(Spanned::new(Stmt::If { branches, orelse }, full));
            }
            Header::Elif(_) | Header::Else => {
                let at = Span::new(self.src, span.start as usize, span.start as usize + kw.len());
                self.syntax(format!("`{kw}` without a matching `if`"), at);
                return None;
            }
            Header::While(cond) => Stmt::While { cond, body: body? },
            Header::For(target, iter) => Stmt::For { target, iter, body: body? },
            Header::Def(name, params) => Stmt::Def { name, params, body: body? },
        };
        let full = match &stmt {
            Stmt::While { body, .. } | Stmt::For { body, .. } | Stmt::Def { body, .. } => {
                end(body, span)
            }
            _ => span,
        };
        Some(Spanned::new(stmt, full))
    }
}

/// 1-based line number of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}
