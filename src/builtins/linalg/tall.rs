//! The hook for tall-and-skinny matrices (chunked by rows only), where
//! `qr`, `svd` and `lstsq` are to use TSQR without gathering the matrix.
//! Not implemented yet: every call returns `None`, so the dense path runs.

use super::*;
use crate::linalg::dense::Lstsq;

pub fn qr(_: &mut Interp, _: &NodeRef, _: &Args, _: bool, _: bool) -> R<Option<Value>> {
    Ok(None)
}

pub fn svd(_: &mut Interp, _: &NodeRef, _: &Args, _: bool, _: bool) -> R<Option<Value>> {
    Ok(None)
}

pub fn lstsq(_: &mut Interp, _: &NodeRef, _: &NodeRef, _: &Args, _: f64) -> R<Option<Lstsq>> {
    Ok(None)
}
