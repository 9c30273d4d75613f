//! Contractions and statistics built from them: `tensordot`, `einsum`, `cov`, `corrcoef`, `nanvar`, `nanstd`.

use super::Builtin;

pub(super) const BUILTINS: &[Builtin] = &[];
