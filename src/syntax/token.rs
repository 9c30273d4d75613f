//! Tokens: what the lexer hands the parser.
//!
//! A token is a small `Copy` value so the chumsky parser can clone it freely
//! while backtracking. Anything with a payload that is not `Copy` lives in a
//! side table owned by the lexer's output: string literals are indices into
//! [`crate::syntax::lexer::Lexed::strings`], f-strings into `fstrings`.
//! Identifiers carry no payload at all: their name is the source text under
//! their span, which is always exact because the lexer never rewrites names.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Token {
    /// A name; its text is `source[span]`.
    Ident,
    Int(i64),
    Float(f64),
    /// A plain string literal: index into the lexer's string table.
    Str(u32),
    /// An f-string: index into the lexer's f-string table.
    FStr(u32),

    // Keywords.
    True,
    False,
    None,
    And,
    Or,
    Not,
    In,
    Is,
    If,
    Elif,
    Else,
    For,
    While,
    Def,
    Return,
    Lambda,
    Import,
    From,
    As,
    Pass,
    Break,
    Continue,
    Del,
    Assert,

    // Operators and punctuation.
    Plus,
    Minus,
    Star,
    Slash,
    DoubleSlash,
    Percent,
    DoubleStar,
    At,
    Amp,
    Pipe,
    Caret,
    Tilde,
    LShift,
    RShift,
    Lt,
    Le,
    Gt,
    Ge,
    EqEq,
    NotEq,
    Assign,
    /// `+=`, `-=`, ...: the operator is the index into [`AUG_OPS`].
    AugAssign(u8),
    Arrow,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Semi,
    Dot,
    Ellipsis,

    // Layout.
    Newline,
    Indent,
    Dedent,
    /// Stands in for text the lexer could not read; its diagnostic has
    /// already been reported, so the parser skips the whole line.
    Error,
}

/// Augmented-assignment operators, in the order `Token::AugAssign` indexes.
pub const AUG_OPS: [&str; 13] =
    ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", "<<=", ">>="];

/// Keywords and the tokens they lex to.
pub fn keyword(word: &str) -> Option<Token> {
    Some(match word {
        "True" => Token::True,
        "False" => Token::False,
        "None" => Token::None,
        "and" => Token::And,
        "or" => Token::Or,
        "not" => Token::Not,
        "in" => Token::In,
        "is" => Token::Is,
        "if" => Token::If,
        "elif" => Token::Elif,
        "else" => Token::Else,
        "for" => Token::For,
        "while" => Token::While,
        "def" => Token::Def,
        "return" => Token::Return,
        "lambda" => Token::Lambda,
        "import" => Token::Import,
        "from" => Token::From,
        "as" => Token::As,
        "pass" => Token::Pass,
        "break" => Token::Break,
        "continue" => Token::Continue,
        "del" => Token::Del,
        "assert" => Token::Assert,
        _ => return None,
    })
}

/// Python keywords arr does not implement. They lex as names (so `x.with`
/// style attributes keep working), but a line that starts with one and fails
/// to parse gets a "not supported" message instead of a generic one.
pub const UNSUPPORTED_KEYWORDS: [&str; 13] = [
    "class", "try", "except", "finally", "raise", "with", "yield", "global", "nonlocal", "async",
    "await", "match", "case",
];

impl Token {
    /// True for tokens that can end an expression; used to spot two
    /// expressions written side by side ("perhaps you forgot a comma?").
    pub fn ends_operand(self) -> bool {
        matches!(
            self,
            Token::Ident
                | Token::Int(_)
                | Token::Float(_)
                | Token::Str(_)
                | Token::FStr(_)
                | Token::True
                | Token::False
                | Token::None
                | Token::RParen
                | Token::RBracket
                | Token::RBrace
                | Token::Ellipsis
        )
    }

    /// True for tokens that can start an expression.
    pub fn starts_operand(self) -> bool {
        matches!(
            self,
            Token::Ident
                | Token::Int(_)
                | Token::Float(_)
                | Token::Str(_)
                | Token::FStr(_)
                | Token::True
                | Token::False
                | Token::None
                | Token::LParen
                | Token::LBracket
                | Token::LBrace
                | Token::Ellipsis
                | Token::Lambda
        )
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Token::Ident => "name",
            Token::Int(_) => "integer",
            Token::Float(_) => "number",
            Token::Str(_) => "string",
            Token::FStr(_) => "f-string",
            Token::True => "True",
            Token::False => "False",
            Token::None => "None",
            Token::And => "and",
            Token::Or => "or",
            Token::Not => "not",
            Token::In => "in",
            Token::Is => "is",
            Token::If => "if",
            Token::Elif => "elif",
            Token::Else => "else",
            Token::For => "for",
            Token::While => "while",
            Token::Def => "def",
            Token::Return => "return",
            Token::Lambda => "lambda",
            Token::Import => "import",
            Token::From => "from",
            Token::As => "as",
            Token::Pass => "pass",
            Token::Break => "break",
            Token::Continue => "continue",
            Token::Del => "del",
            Token::Assert => "assert",
            Token::Plus => "+",
            Token::Minus => "-",
            Token::Star => "*",
            Token::Slash => "/",
            Token::DoubleSlash => "//",
            Token::Percent => "%",
            Token::DoubleStar => "**",
            Token::At => "@",
            Token::Amp => "&",
            Token::Pipe => "|",
            Token::Caret => "^",
            Token::Tilde => "~",
            Token::LShift => "<<",
            Token::RShift => ">>",
            Token::Lt => "<",
            Token::Le => "<=",
            Token::Gt => ">",
            Token::Ge => ">=",
            Token::EqEq => "==",
            Token::NotEq => "!=",
            Token::Assign => "=",
            Token::AugAssign(i) => AUG_OPS.get(*i as usize).copied().unwrap_or("?="),
            Token::Arrow => "->",
            Token::LParen => "(",
            Token::RParen => ")",
            Token::LBracket => "[",
            Token::RBracket => "]",
            Token::LBrace => "{",
            Token::RBrace => "}",
            Token::Comma => ",",
            Token::Colon => ":",
            Token::Semi => ";",
            Token::Dot => ".",
            Token::Ellipsis => "...",
            Token::Newline => "end of line",
            Token::Indent => "indent",
            Token::Dedent => "dedent",
            Token::Error => "invalid token",
        };
        f.write_str(s)
    }
}
