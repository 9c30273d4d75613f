//! NumPy's `Generator` style: `random.default_rng(seed)`, `choice`, `permutation`.

use super::Builtin;

pub(super) const BUILTINS: &[Builtin] = &[];
