//! The lexer: source text → tokens with byte spans, following Python's
//! tokenizer rules.
//!
//! It owns everything about *characters*: numbers, strings (with escapes,
//! raw and triple-quoted forms, f-string splitting), comments, line
//! continuation and the layout tokens `NEWLINE`/`INDENT`/`DEDENT`. Newlines
//! inside brackets are ignored, so the parser only ever sees one logical line
//! at a time. It also enforces the nesting limits that keep every later
//! recursive stage (parser, interpreter, `Drop` of the AST) off the end of
//! the stack, because this is the one place that sees nesting *before*
//! anything recursive runs.
//!
//! Errors never stop lexing: each is reported once and an [`Token::Error`] is
//! left in the stream, which makes the parser skip that logical line instead
//! of piling a second, confusing error on top.

use chumsky::span::SimpleSpan;

use crate::diag::{Diagnostic, ErrorKind, SourceId, Span};
use crate::syntax::token::{AUG_OPS, Token, keyword};

mod literals;

/// Brackets open at once; Python's own limit is also 200.
pub const MAX_BRACKETS: usize = 200;
/// Brackets plus nesting operators (unary minus, `**`, `.`, `if`/`else`,
/// `lambda`, ...) open at once in one expression: this bounds the depth of
/// the AST, so recursion over it can never exhaust the stack.
pub const MAX_NESTING: usize = 1000;
/// Levels of indentation (Python's limit is 100).
pub const MAX_INDENT: usize = 100;
/// f-strings inside f-strings.
const MAX_FSTRING_DEPTH: usize = 4;

/// One piece of an f-string, before its expressions are parsed.
#[derive(Clone, Debug, PartialEq)]
pub enum RawPart {
    Lit(String),
    /// The expression's byte range in the source, and its format spec.
    Expr {
        start: usize,
        end: usize,
        spec: Option<String>,
    },
}

/// The lexer's output: tokens plus the side tables their payloads index.
#[derive(Debug, Default)]
pub struct Lexed {
    pub tokens: Vec<(Token, SimpleSpan)>,
    pub strings: Vec<String>,
    pub fstrings: Vec<Vec<RawPart>>,
    pub errors: Vec<Diagnostic>,
    /// Facts the REPL needs to decide whether to ask for more input.
    pub open_brackets: bool,
    pub unterminated_triple: bool,
    pub trailing_backslash: bool,
    /// Some error other than input that simply stops too early.
    pub hard_errors: bool,
}

/// Lexes a whole program (with layout tokens).
pub fn lex(src: SourceId, text: &str) -> Lexed {
    Lexer::new(src, text, 0, text.len(), true, 0).run()
}

/// Lexes `text[start..end]` as a bare expression (the inside of an f-string
/// `{...}`): no layout tokens, spans still index the whole text.
pub fn lex_expr(src: SourceId, text: &str, start: usize, end: usize, fdepth: usize) -> Lexed {
    Lexer::new(src, text, start, end, false, fdepth).run()
}

struct Lexer<'a> {
    src: SourceId,
    text: &'a str,
    pos: usize,
    end: usize,
    layout: bool,
    fdepth: usize,
    out: Lexed,
    /// Open brackets: the character and where it is.
    brackets: Vec<(char, usize)>,
    /// Nesting operators seen in each open bracket (index 0: the line itself)
    /// since the last `,`/`=`; their sum plus `brackets.len()` bounds depth.
    chains: Vec<usize>,
    chain_total: usize,
    indents: Vec<usize>,
    line_has_tokens: bool,
    /// Set once the current logical line has an error, so it gets one
    /// report, not one per token.
    line_bad: bool,
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

fn closer_of(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

impl<'a> Lexer<'a> {
    fn new(
        src: SourceId,
        text: &'a str,
        start: usize,
        end: usize,
        layout: bool,
        fdepth: usize,
    ) -> Self {
        Lexer {
            src,
            text,
            pos: start,
            end,
            layout,
            fdepth,
            out: Lexed::default(),
            brackets: Vec::new(),
            chains: vec![0],
            chain_total: 0,
            indents: vec![0],
            line_has_tokens: false,
            line_bad: false,
        }
    }

    fn peek(&self) -> Option<char> {
        // ASCII fast path: this is the lexer's innermost call.
        let b = *self.text.as_bytes()[..self.end].get(self.pos)?;
        if b.is_ascii() { Some(b as char) } else { self.text[self.pos..self.end].chars().next() }
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.text[self.pos..self.end].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn starts_with(&self, s: &str) -> bool {
        self.text[self.pos..self.end].starts_with(s)
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.src, start, end)
    }

    fn push(&mut self, tok: Token, start: usize, end: usize) {
        self.out.tokens.push((tok, SimpleSpan::from(start..end)));
        self.line_has_tokens = true;
    }

    /// Reports an error and poisons the current line (once).
    fn error(&mut self, diag: Diagnostic) {
        self.out.hard_errors = true;
        self.soft_error(diag);
    }

    /// An error that more input could fix (unclosed bracket, unterminated
    /// triple-quoted string, trailing `\\`): the REPL asks for more instead.
    fn soft_error(&mut self, diag: Diagnostic) {
        let at = diag.span.map_or(self.pos, |s| s.start as usize);
        if !self.line_bad {
            self.out.errors.push(diag);
            self.out.tokens.push((Token::Error, SimpleSpan::from(at..at)));
            self.line_has_tokens = true;
        }
        self.line_bad = true;
    }

    fn syntax(&self, msg: impl Into<String>, start: usize, end: usize) -> Diagnostic {
        Diagnostic::new(ErrorKind::Syntax, msg, self.span(start, end))
    }

    fn run(mut self) -> Lexed {
        let mut at_line_start = self.layout;
        while self.pos < self.end {
            if at_line_start {
                at_line_start = false;
                if !self.indentation() {
                    at_line_start = true;
                    continue;
                }
            }
            let start = self.pos;
            let Some(c) = self.peek() else { break };
            match c {
                ' ' | '\t' | '\x0c' => {
                    self.bump();
                }
                '#' => self.skip_comment(),
                '\n' | '\r' => {
                    self.bump();
                    if c == '\r' && self.peek() == Some('\n') {
                        self.bump();
                    }
                    if self.layout && self.brackets.is_empty() {
                        if self.line_has_tokens {
                            self.push(Token::Newline, start, start + 1);
                        }
                        self.end_line();
                        at_line_start = true;
                    }
                }
                '\\' => {
                    self.bump();
                    match self.peek() {
                        Some('\n') => {
                            self.bump();
                        }
                        Some('\r') => {
                            self.bump();
                            if self.peek() == Some('\n') {
                                self.bump();
                            }
                        }
                        None => {
                            self.out.trailing_backslash = true;
                            let d = self
                                .syntax("unexpected end of input after `\\`", start, start + 1)
                                .with_hint("a `\\` at the end of a line continues the statement on the next line");
                            self.soft_error(d);
                        }
                        Some(_) => {
                            let d = self
                                .syntax(
                                    "unexpected character after line continuation `\\`",
                                    start,
                                    start + 1,
                                )
                                .with_hint("`\\` must be the last character on its line");
                            self.error(d);
                        }
                    }
                }
                c if c.is_ascii_digit() => self.number(),
                '.' if self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) => self.number(),
                c if is_ident_start(c) => self.word(),
                '"' | '\'' => self.string(start, start, false, false),
                _ => self.operator(c),
            }
        }
        self.finish();
        self.out
    }

    /// Measures a line's indentation and emits INDENT/DEDENT. Returns false
    /// for blank and comment-only lines, which Python ignores for layout.
    fn indentation(&mut self) -> bool {
        let start = self.pos;
        let mut col = 0;
        while let Some(c) = self.peek() {
            match c {
                ' ' => col += 1,
                // A tab advances to the next multiple of 8, as in Python.
                '\t' => col = (col / 8 + 1) * 8,
                '\x0c' => col = 0,
                _ => break,
            }
            self.bump();
        }
        match self.peek() {
            None => return true,
            Some('#') => {
                self.skip_comment();
                return false;
            }
            Some('\n' | '\r') => {
                self.bump();
                if self.peek() == Some('\n') {
                    self.bump();
                }
                return false;
            }
            _ => {}
        }
        let top = *self.indents.last().unwrap_or(&0);
        if col > top {
            if self.indents.len() > MAX_INDENT {
                let d = self.syntax("too many levels of indentation", start, self.pos).with_hint(
                    format!("arr allows at most {MAX_INDENT} nested blocks; move some code into a function"),
                );
                self.error(d);
                return true;
            }
            self.indents.push(col);
            self.push(Token::Indent, start, self.pos);
        } else if col < top {
            while self.indents.last().is_some_and(|&i| i > col) {
                self.indents.pop();
                self.push(Token::Dedent, self.pos, self.pos);
            }
            if self.indents.last() != Some(&col) {
                let d = self
                    .syntax("invalid indentation", start, self.pos)
                    .with_label("this line's indentation matches no enclosing block")
                    .with_hint("indent it exactly as far as an enclosing block");
                self.error(d);
            }
        }
        // Layout tokens do not make a line non-empty.
        self.line_has_tokens = false;
        true
    }

    fn skip_comment(&mut self) {
        while let Some(c) = self.peek() {
            if c == '\n' || c == '\r' {
                break;
            }
            self.bump();
        }
    }

    fn end_line(&mut self) {
        self.line_has_tokens = false;
        self.line_bad = false;
        self.chains.clear();
        self.chains.push(0);
        self.chain_total = 0;
    }

    fn finish(&mut self) {
        let end = self.end;
        if let Some(&(open, at)) = self.brackets.last() {
            self.out.open_brackets = true;
            let d = self
                .syntax(format!("this `{open}` is never closed"), at, at + 1)
                .with_label("opened here and never closed")
                .with_hint(format!("add a matching `{}`", closer_of(open)));
            self.soft_error(d);
        }
        if self.layout {
            if self.line_has_tokens {
                self.push(Token::Newline, end, end);
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.push(Token::Dedent, end, end);
            }
        }
    }

    /// Counts a token that nests the AST one level deeper and enforces the
    /// nesting limits.
    fn nest(&mut self, at: usize) {
        if let Some(c) = self.chains.last_mut() {
            *c += 1;
        }
        self.chain_total += 1;
        self.check_depth(at);
    }

    fn check_depth(&mut self, at: usize) {
        if self.brackets.len() > MAX_BRACKETS {
            let d = self
                .syntax("too many nested brackets", at, at + 1)
                .with_hint(format!("arr allows at most {MAX_BRACKETS} brackets inside each other"));
            self.error(d);
        } else if self.brackets.len() + self.chain_total > MAX_NESTING {
            let d = self
                .syntax("expression is too deeply nested", at, at + 1)
                .with_hint("split it into several statements with intermediate variables");
            self.error(d);
        }
    }

    fn reset_chain(&mut self) {
        if let Some(c) = self.chains.last_mut() {
            self.chain_total -= *c;
            *c = 0;
        }
    }

    fn prev_ends_operand(&self) -> bool {
        self.out.tokens.last().is_some_and(|(t, _)| t.ends_operand())
    }

    fn word(&mut self) {
        let start = self.pos;
        while self.peek().is_some_and(is_ident_char) {
            self.bump();
        }
        let word = &self.text[start..self.pos];
        if matches!(self.peek(), Some('"' | '\'')) {
            let lower = word.to_ascii_lowercase();
            let prefix = match lower.as_str() {
                "r" => Some((true, false, false)),
                "u" => Some((false, false, false)),
                "f" => Some((false, true, false)),
                "rf" | "fr" => Some((true, true, false)),
                "b" => Some((false, false, true)),
                "rb" | "br" => Some((true, false, true)),
                _ => None,
            };
            if let Some((raw, f, bytes)) = prefix {
                let quote_at = self.pos;
                self.string(start, quote_at, raw, f);
                if bytes {
                    let d = self.syntax("bytes literals are not supported", start, self.pos);
                    self.error(d);
                }
                return;
            }
        }
        match keyword(word) {
            Some(tok) => {
                if matches!(
                    tok,
                    Token::Not | Token::And | Token::Or | Token::If | Token::Else | Token::Lambda
                ) {
                    self.nest(start);
                }
                self.push(tok, start, self.pos);
            }
            None => self.push(Token::Ident, start, self.pos),
        }
    }

    fn operator(&mut self, c: char) {
        let start = self.pos;
        // Longest match first.
        for (i, op) in AUG_OPS.iter().enumerate().rev() {
            // Reverse order tries `**=` before `*=`, `//=` before `/=`.
            if self.starts_with(op) {
                self.pos += op.len();
                self.reset_chain();
                return self.push(Token::AugAssign(i as u8), start, self.pos);
            }
        }
        const MULTI: [(&str, Token); 10] = [
            ("...", Token::Ellipsis),
            ("**", Token::DoubleStar),
            ("//", Token::DoubleSlash),
            ("<<", Token::LShift),
            (">>", Token::RShift),
            ("<=", Token::Le),
            (">=", Token::Ge),
            ("==", Token::EqEq),
            ("!=", Token::NotEq),
            ("->", Token::Arrow),
        ];
        for (op, tok) in MULTI {
            if self.starts_with(op) {
                self.pos += op.len();
                if !matches!(tok, Token::Ellipsis | Token::Arrow) && !is_comparison(tok) {
                    self.nest(start);
                }
                return self.push(tok, start, self.pos);
            }
        }
        self.bump();
        let tok = match c {
            '+' => Token::Plus,
            '-' => Token::Minus,
            '*' => Token::Star,
            '/' => Token::Slash,
            '%' => Token::Percent,
            '@' => Token::At,
            '&' => Token::Amp,
            '|' => Token::Pipe,
            '^' => Token::Caret,
            '~' => Token::Tilde,
            '<' => Token::Lt,
            '>' => Token::Gt,
            '=' => Token::Assign,
            ',' => Token::Comma,
            ':' => Token::Colon,
            ';' => Token::Semi,
            '.' => Token::Dot,
            '(' | '[' | '{' => {
                // A call or index nests the AST like an operator does.
                if self.prev_ends_operand() {
                    self.nest(start);
                }
                self.brackets.push((c, start));
                self.chains.push(0);
                self.check_depth(start);
                let tok = match c {
                    '(' => Token::LParen,
                    '[' => Token::LBracket,
                    _ => Token::LBrace,
                };
                return self.push(tok, start, self.pos);
            }
            ')' | ']' | '}' => return self.closer(c, start),
            _ => {
                let shown: String = c.escape_debug().collect();
                let mut d = self.syntax(format!("invalid character `{shown}`"), start, self.pos);
                if matches!(c, '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}') {
                    d = d.with_hint("use plain ASCII quotes ' or \" for strings");
                } else if c == '!' {
                    d = d.with_hint("for logical not write `not x`, or `~x` on arrays");
                }
                return self.error(d);
            }
        };
        match tok {
            Token::Comma | Token::Assign => self.reset_chain(),
            Token::Semi => self.end_line_chain(),
            Token::Colon => {}
            t if !is_comparison(t) => self.nest(start),
            _ => {}
        }
        self.push(tok, start, self.pos);
    }

    fn end_line_chain(&mut self) {
        if self.brackets.is_empty() {
            self.chains.clear();
            self.chains.push(0);
            self.chain_total = 0;
        }
    }

    fn closer(&mut self, c: char, start: usize) {
        match self.brackets.last().copied() {
            Some((open, _)) if closer_of(open) == c => {
                self.brackets.pop();
                if let Some(n) = self.chains.pop() {
                    self.chain_total -= n;
                }
                let tok = match c {
                    ')' => Token::RParen,
                    ']' => Token::RBracket,
                    _ => Token::RBrace,
                };
                self.push(tok, start, start + 1);
            }
            Some((open, at)) => {
                let d = self
                    .syntax(format!("mismatched `{c}`"), start, start + 1)
                    .with_label(format!("expected `{}` here", closer_of(open)))
                    .with_extra(self.span(at, at + 1), format!("to close this `{open}`"));
                self.error(d);
                // Recover: close up to an outer bracket that matches, or else
                // just the innermost one, so the rest of the file is not
                // swallowed into this line.
                let keep = self
                    .brackets
                    .iter()
                    .rposition(|&(o, _)| closer_of(o) == c)
                    .unwrap_or(self.brackets.len() - 1);
                while self.brackets.len() > keep {
                    self.brackets.pop();
                    if let Some(n) = self.chains.pop() {
                        self.chain_total -= n;
                    }
                }
            }
            // A stray closer: the parser reports "unexpected `)`".
            None => {
                let tok = match c {
                    ')' => Token::RParen,
                    ']' => Token::RBracket,
                    _ => Token::RBrace,
                };
                self.push(tok, start, start + 1);
            }
        }
    }
}

fn is_comparison(t: Token) -> bool {
    matches!(t, Token::Lt | Token::Le | Token::Gt | Token::Ge | Token::EqEq | Token::NotEq)
}
