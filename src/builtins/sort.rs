//! Sorting along an axis and what is built on it: `sort`, `argsort`, `topk`, `median`, `percentile`, `quantile` and their nan-variants.

use super::Builtin;

pub(super) const BUILTINS: &[Builtin] = &[];
