//! Syntax: turns source text into an [`ast::Program`].
//!
//! (Lexer and parser are being written; see the module files.)

pub mod ast;
