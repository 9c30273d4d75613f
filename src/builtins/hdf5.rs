//! Builtins for HDF5 files: `from_hdf5`, `h5open`, `to_hdf5`.

use super::Builtin;

pub static BUILTINS: &[Builtin] = &[];
