//! Builtins for Zarr v3 stores: `from_zarr`, `to_zarr`.

use super::Builtin;

pub static BUILTINS: &[Builtin] = &[];
