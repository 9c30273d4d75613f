//! arr: a lazy, chunked, parallel array language with NumPy syntax.
//!
//! The pipeline, stage by stage (each a module):
//! `syntax` (text → AST) → `interp` (AST → values; array operations record
//! IR nodes) → `ir` (the lazy graph) → `optimize` (graph rewrites) →
//! `exec` (chunk plan, parallel evaluation) → `display` (NumPy-style text).
//! [`Session`] is the embedding API that drives them in that order.

pub mod array;
pub mod diag;
pub mod display;
pub mod random;
pub mod syntax;
pub mod exec;
pub mod ir;
pub mod builtins;
pub mod interp;
pub mod optimize;
