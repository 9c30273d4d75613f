//! Syntax: turns source text into an [`ast::Program`].
//!
//! `lexer` (characters → tokens, layout, nesting limits) feeds `parser`
//! (chumsky grammar per logical line, blocks assembled from INDENT/DEDENT,
//! Rich errors turned into [`Diagnostic`]s). The grammar is written out in
//! `grammar/arr.ebnf`. [`is_incomplete`] tells the REPL when to ask for a
//! continuation line, and [`sexpr`] prints an AST compactly for tests.

pub mod ast;
pub mod lexer;
mod parser;
mod sexpr;
pub mod token;

#[cfg(test)]
mod tests;

use crate::diag::{Diagnostic, SourceId};
use token::Token;

pub use sexpr::sexpr;

/// Parses a program. On failure returns every syntax error found (at least
/// one per bad line), sorted by position.
pub fn parse(src: SourceId, text: &str) -> Result<ast::Program, Vec<Diagnostic>> {
    let (program, diags) = parser::parse_program(src, text);
    if diags.is_empty() { Ok(program) } else { Err(diags) }
}

/// True when a REPL should read another line before parsing `text` (the
/// lines typed so far, joined with `\n`, without a trailing newline): an
/// unclosed bracket, an unterminated triple-quoted string, a trailing `\`,
/// a line ending in `:`, or a compound statement / indented block that has
/// not yet been ended by an empty line (the Python REPL's rules).
pub fn is_incomplete(text: &str) -> bool {
    let lexed = lexer::lex(0, text);
    if lexed.hard_errors {
        // Something is wrong already; more input will not fix it.
        return false;
    }
    if lexed.open_brackets || lexed.unterminated_triple || lexed.trailing_backslash {
        return true;
    }
    // An empty last line ends any block.
    let last_line = text.rsplit('\n').next().unwrap_or("");
    if text.contains('\n') && last_line.trim().is_empty() {
        return false;
    }
    let significant = |t: &Token| !matches!(t, Token::Newline | Token::Indent | Token::Dedent);
    if lexed
        .tokens
        .iter()
        .rev()
        .find(|(t, _)| significant(t))
        .is_some_and(|(t, _)| *t == Token::Colon)
    {
        return true;
    }
    // A compound statement anywhere (at the start of a logical line) keeps
    // the input open until the empty line.
    let mut line_start = true;
    for (t, _) in &lexed.tokens {
        if line_start
            && matches!(
                t,
                Token::If | Token::Elif | Token::Else | Token::For | Token::While | Token::Def
            )
        {
            return true;
        }
        line_start = matches!(t, Token::Newline | Token::Indent | Token::Dedent);
        if *t == Token::Indent {
            return true;
        }
    }
    false
}
