//! The builtin registry: every function arr provides, in one table.
//!
//! Each [`Builtin`] has a name, the module it lives in, a Python-style
//! signature, a doc string and examples. The same table drives dispatch,
//! argument checking ([`Args::bind`] reads the signature), attribute and
//! method lookup, completion, `:help`, the reference docs, and a test that
//! runs every example. Adding a function means adding one entry here.

/// Builtin tables for one-input elementwise functions: name => UnaryFn variant.
macro_rules! unary_builtins {
    ($($name:literal => $f:ident, $doc:literal, $ex:literal;)*) => {
        &[$($crate::builtins::Builtin {
            name: $name,
            module: $crate::builtins::Module::Root,
            signature: concat!($name, "(x)"),
            doc: $doc,
            examples: &[$ex],
            method: false,
            imp: |i, a| $crate::builtins::math::unary(i, a, $crate::ir::ops::UnaryFn::$f),
        },)*]
    };
}

/// Builtin tables for two-input elementwise functions: name => BinaryFn variant.
macro_rules! binary_builtins {
    ($($name:literal => $f:ident, $doc:literal, $ex:literal;)*) => {
        &[$($crate::builtins::Builtin {
            name: $name,
            module: $crate::builtins::Module::Root,
            signature: concat!($name, "(x1, x2)"),
            doc: $doc,
            examples: &[$ex],
            method: false,
            imp: |i, a| $crate::builtins::math::binary(i, a, $crate::ir::ops::BinaryFn::$f),
        },)*]
    };
}

mod args;
mod arrange;
mod combine;
mod convert;
mod creation;
mod distributions;
mod files;
mod hdf5;
mod histogram;
mod layout;
mod linalg;
mod linalg_ops;
mod math;
mod nanreduce;
mod pad;
mod python;
mod random;
mod reduce;
mod rng;
mod shape;
mod sort;
mod ufuncs;
mod zarr;

pub use args::{Args, ParamKind, ParamSpec};
pub use convert::*;
pub use hdf5::{
    attribute as hdf5_attribute, dataset_array as hdf5_dataset_array, member as hdf5_member,
};
pub use math::unary_value;
pub use shape::{matmul_nodes, transpose_node};

use crate::diag::Diagnostic;
use crate::interp::{Interp, Value};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A namespace builtins live in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Module {
    /// arr's own top level, also reached as `numpy`, `dask.array`, `np`, `da`.
    Root,
    /// `random` (also `np.random`, `da.random`).
    Random,
    /// `dask` itself, whose only member is `array`.
    Dask,
    /// Python's own builtins (`print`, `len`, `range`...), reached by bare name only.
    Python,
    /// Methods of a `random.default_rng()` generator (`rng.normal(...)`).
    Generator,
    /// `linalg` (also `np.linalg`, `da.linalg`).
    Linalg,
    /// `h5py` (`h5py.File`), and the methods of its file, group and
    /// dataset handles (`f.keys()`).
    H5py,
}

impl Module {
    pub fn name(self) -> &'static str {
        match self {
            Module::Root => "numpy",
            Module::Random => "numpy.random",
            Module::Dask => "dask",
            Module::Python => "builtins",
            Module::Generator => "numpy.random.Generator",
            Module::Linalg => "numpy.linalg",
            Module::H5py => "h5py",
        }
    }
}

pub type Impl = fn(&mut Interp, &mut Args) -> Result<Value, Diagnostic>;

/// One builtin function.
pub struct Builtin {
    pub name: &'static str,
    pub module: Module,
    /// Python-style signature: `normal(loc=0.0, scale=1.0, size=None, chunks='auto')`.
    /// `*name` collects extra positional arguments; a bare `*` makes the
    /// following parameters keyword-only.
    pub signature: &'static str,
    pub doc: &'static str,
    /// Example programs; each is run by a test and must not fail.
    pub examples: &'static [&'static str],
    /// Also available as a method, with the array as the first argument.
    pub method: bool,
    pub imp: Impl,
}

impl std::fmt::Debug for Builtin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<builtin {}>", self.name)
    }
}

impl Builtin {
    pub fn params(&'static self) -> &'static [ParamSpec] {
        static PARSED: OnceLock<HashMap<usize, Vec<ParamSpec>>> = OnceLock::new();
        let map = PARSED.get_or_init(|| {
            all()
                .iter()
                .map(|b| (*b as *const Builtin as usize, args::parse_signature(b.signature)))
                .collect()
        });
        map.get(&(self as *const Builtin as usize)).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// The qualified name for messages and docs: `random.normal`, `mean`.
    pub fn qualified(&self) -> String {
        match self.module {
            Module::Random => format!("random.{}", self.name),
            Module::Generator => format!("Generator.{}", self.name),
            Module::Linalg => format!("linalg.{}", self.name),
            Module::H5py => format!("h5py.{}", self.name),
            _ => self.name.to_string(),
        }
    }
}

/// Every builtin, in registry order.
pub fn all() -> &'static [&'static Builtin] {
    static ALL: OnceLock<Vec<&'static Builtin>> = OnceLock::new();
    ALL.get_or_init(|| {
        let tables: [&'static [Builtin]; 29] = [
            creation::BUILTINS,
            reduce::AXIS_OPS,
            distributions::BUILTINS,
            layout::BUILTINS,
            pad::BUILTINS,
            nanreduce::FOLDS,
            nanreduce::BUILTINS,
            arrange::BUILTINS,
            ufuncs::UNARY,
            ufuncs::BINARY,
            ufuncs::BUILTINS,
            combine::BUILTINS,
            math::UNARY,
            math::BINARY,
            math::BUILTINS,
            reduce::BUILTINS,
            shape::BUILTINS,
            random::BUILTINS,
            python::BUILTINS,
            convert::BUILTINS,
            sort::BUILTINS,
            histogram::BUILTINS,
            linalg_ops::BUILTINS,
            rng::BUILTINS,
            files::BUILTINS,
            hdf5::BUILTINS,
            hdf5::H5PY,
            zarr::BUILTINS,
            linalg::BUILTINS,
        ];
        tables.iter().flat_map(|t| t.iter()).collect()
    })
}

/// A builtin by module and name.
pub fn lookup(module: Module, name: &str) -> Option<&'static Builtin> {
    static INDEX: OnceLock<HashMap<(Module, &'static str), &'static Builtin>> = OnceLock::new();
    INDEX
        .get_or_init(|| all().iter().map(|b| ((b.module, b.name), *b)).collect())
        .get(&(module, name))
        .copied()
}

/// What a bare name means when no variable has it: a builtin of arr's top
/// level or Python's, or a top-level constant (`pi`, `float32`, `random`...).
pub fn bare_name(name: &str) -> Option<Value> {
    for m in [Module::Root, Module::Python] {
        if let Some(b) = lookup(m, name) {
            return Some(Value::Builtin(b));
        }
    }
    constants(Module::Root).into_iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

/// A builtin callable as an array method, `x.name(...)`.
pub fn method(name: &str) -> Option<&'static Builtin> {
    all().iter().find(|b| b.method && b.name == name).copied()
}

/// Names in a module (for attribute errors and completion).
pub fn names_in(module: Module) -> Vec<&'static str> {
    let mut v: Vec<&'static str> =
        all().iter().filter(|b| b.module == module).map(|b| b.name).collect();
    v.extend(constants(module).iter().map(|(n, _)| *n));
    v
}

/// Non-function members of a module: constants, dtypes, submodules.
pub fn constants(module: Module) -> Vec<(&'static str, Value)> {
    use crate::array::DType;
    match module {
        Module::Root => {
            let mut v = vec![
                ("pi", Value::Float(std::f64::consts::PI)),
                ("e", Value::Float(std::f64::consts::E)),
                ("nan", Value::Float(f64::NAN)),
                ("inf", Value::Float(f64::INFINITY)),
                ("newaxis", Value::None),
                ("random", Value::Module(Module::Random)),
                ("linalg", Value::Module(Module::Linalg)),
                ("float_", Value::DType(DType::Float64)),
                ("int_", Value::DType(DType::Int64)),
                ("bool_", Value::DType(DType::Bool)),
            ];
            for d in DType::ALL {
                v.push((d.name(), Value::DType(d)));
            }
            v
        }
        Module::Dask => vec![("array", Value::Module(Module::Root))],
        Module::Random | Module::Python | Module::Generator | Module::Linalg | Module::H5py => {
            vec![]
        }
    }
}
