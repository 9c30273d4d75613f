//! The `linalg` module: decompositions, solvers, norms (NumPy's
//! `numpy.linalg` with its argument conventions and output shapes).

use super::Builtin;

pub static BUILTINS: &[Builtin] = &[];
