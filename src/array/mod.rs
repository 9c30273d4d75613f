//! Concrete arrays: dtypes, NumPy promotion, typed elements and `ArrayData`,
//! the in-memory form of a computed chunk or a small literal array.

mod data;
mod dtype;

pub use data::{ArrayData, Elem};
pub use dtype::{DType, Kind, WeakKind};
