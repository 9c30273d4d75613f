//! Builtins that read and write plain files: `.npy` (`load`, `save`),
//! text (`loadtxt`, `genfromtxt`, `savetxt`) and `glob`.

use super::Builtin;

pub static BUILTINS: &[Builtin] = &[];
