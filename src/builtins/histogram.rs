//! Counting and lookup against a small table: `histogram`, `histogram2d`, `bincount`, `digitize`, `searchsorted`, `isin`, `unique`.

use super::Builtin;

pub(super) const BUILTINS: &[Builtin] = &[];
