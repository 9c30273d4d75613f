//! The host side of the embedding API: building a [`Session`] with its
//! settings ([`SessionBuilder`]), handing host arrays in ([`Session::set`]),
//! taking computed arrays out as `ndarray` arrays ([`Session::get_array`],
//! [`Session::to_ndarray`]), and errors as plain data ([`ErrorInfo`]).
//!
//! A host program in full:
//!
//! ```
//! use ndarray::{ArrayD, IxDyn};
//!
//! let mut s = arr::Session::builder().threads(2).seed(42).sandbox(true).build();
//! let data = ArrayD::from_shape_vec(IxDyn(&[2, 3]), vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).unwrap();
//! s.set("x", data).unwrap();
//! s.eval("<host>", "col = x.sum(axis=0) * 2").unwrap();
//! let col = s.get_array::<f64>("col").unwrap();
//! assert_eq!(col.as_slice().unwrap(), &[10.0, 14.0, 18.0]);
//! ```

use crate::array::Elem;
use crate::diag::{Diagnostic, ErrorKind};
use crate::interp::Value;
use crate::{Options, Session};
use ndarray::ArrayD;

/// Settings of a new [`Session`], set one by one and then [`build`](Self::build)-ed.
///
/// ```
/// let s = arr::Session::builder()
///     .threads(1)
///     .seed(7)
///     .memory_limit(512 << 20)
///     .optimize(true)
///     .sandbox(true)
///     .build();
/// assert_eq!(s.memory_limit(), 512 << 20);
/// assert!(s.is_sandboxed());
/// ```
#[derive(Clone, Debug, Default)]
pub struct SessionBuilder {
    options: Options,
    memory_limit: Option<u64>,
    sandbox: bool,
}

impl SessionBuilder {
    /// Worker threads of the session's pool (default: `ARR_THREADS`, else
    /// all cores). Results are the same at every thread count.
    pub fn threads(mut self, threads: usize) -> Self {
        self.options.threads = Some(threads);
        self
    }

    /// The seed of the session's random arrays (default 0).
    pub fn seed(mut self, seed: u64) -> Self {
        self.options.seed = seed;
        self
    }

    /// The most bytes one computation may hold at its peak; a plan that
    /// would need more is refused with a `MemoryError` before it runs.
    /// Default: `ARR_MEMORY` if set, else half of physical memory.
    pub fn memory_limit(mut self, bytes: u64) -> Self {
        self.memory_limit = Some(bytes);
        self
    }

    /// Run the graph optimizer (default on; turning it off only serves to
    /// check that it changes nothing).
    pub fn optimize(mut self, on: bool) -> Self {
        self.options.optimize = on;
        self
    }

    /// Disable every file access from code run in the session (default
    /// off): builtins and commands that would read or write files fail
    /// with an `IOError` instead. For running code from untrusted sources;
    /// memory and time are bounded separately ([`memory_limit`](Self::memory_limit),
    /// [`Session::cancel_flag`]).
    pub fn sandbox(mut self, on: bool) -> Self {
        self.sandbox = on;
        self
    }

    /// Starts from the fields of an [`Options`] value.
    pub fn options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    pub fn build(self) -> Session {
        let mut s = Session::with_options(self.options);
        if let Some(bytes) = self.memory_limit {
            s.interp.memory_limit = bytes;
        }
        s.interp.sandbox = self.sandbox;
        s
    }
}

/// An error as plain data: what [`Session::error_info`] returns for a
/// [`Diagnostic`] (whose span is an offset into the session's sources).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorInfo {
    /// Python-style error class: `"NameError"`, `"ShapeError"`, `"MemoryError"`...
    pub kind: &'static str,
    pub message: String,
    /// 1-based line and column of the offending code, when there is one.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// A suggestion of what to do instead, when there is one.
    pub hint: Option<String>,
}

impl Session {
    /// A builder for a session with non-default settings.
    pub fn builder() -> SessionBuilder {
        SessionBuilder::default()
    }

    /// The session's memory limit in bytes.
    pub fn memory_limit(&self) -> u64 {
        self.interp.memory_limit
    }

    /// Changes the session's memory limit (bytes).
    pub fn set_memory_limit(&mut self, bytes: u64) {
        self.interp.memory_limit = bytes;
    }

    /// True when file access is disabled ([`SessionBuilder::sandbox`]).
    pub fn is_sandboxed(&self) -> bool {
        self.interp.sandbox
    }

    /// Binds `name` to a copy of a host array, as if the program had
    /// assigned it. Any element type arr stores works: `bool`, `i8`..`i64`,
    /// `u8`..`u64`, `f32`, `f64`; the array is chunked like `da.from_array`.
    /// `name` must be an identifier.
    ///
    /// ```
    /// let mut s = arr::Session::new();
    /// s.set("n", ndarray::arr1(&[1i32, 2, 3]).into_dyn()).unwrap();
    /// let v = s.eval("<doc>", "n.dtype, n.sum()").unwrap().unwrap();
    /// assert_eq!(s.display(&v).unwrap(), "(int32, 6)");
    /// assert!(s.set("not a name", ndarray::arr0(1.0).into_dyn()).is_err());
    /// ```
    pub fn set<T: Elem>(&mut self, name: &str, array: ArrayD<T>) -> Result<(), Diagnostic> {
        check_identifier(name)?;
        let data = T::wrap(array.as_standard_layout().into_owned());
        let chunks = crate::ir::chunks::normalize(
            &crate::ir::chunks::ChunkSpec::Auto,
            data.shape(),
            T::DTYPE.size(),
        )
        .ok();
        let node = crate::ir::build::literal(data, chunks);
        self.interp.globals.insert(name.to_string(), Value::Array(node));
        Ok(())
    }

    /// Binds `name` to any value (for example one returned by [`eval`](Self::eval)).
    pub fn set_value(&mut self, name: &str, value: Value) -> Result<(), Diagnostic> {
        check_identifier(name)?;
        self.interp.globals.insert(name.to_string(), value);
        Ok(())
    }

    /// The value a global name is bound to, without computing anything.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.interp.globals.get(name).cloned()
    }

    /// Computes the array bound to `name` and returns it with elements
    /// of type `T` (converted as NumPy's `astype` would).
    ///
    /// ```
    /// let mut s = arr::Session::new();
    /// s.eval("<doc>", "import numpy as np\nm = np.eye(2) * 3").unwrap();
    /// let m = s.get_array::<f64>("m").unwrap();
    /// assert_eq!(m.shape(), &[2, 2]);
    /// assert_eq!(m[[1, 1]], 3.0);
    /// assert_eq!(s.get_array::<u8>("m").unwrap()[[0, 0]], 3);
    /// assert!(s.get_array::<f64>("missing").is_err());
    /// ```
    pub fn get_array<T: Elem>(&mut self, name: &str) -> Result<ArrayD<T>, Diagnostic> {
        let value = self.get(name).ok_or_else(|| {
            Diagnostic::global(ErrorKind::Name, format!("name '{name}' is not defined"))
        })?;
        self.to_ndarray(&value)
    }

    /// Computes an array-like value (an array, a Python number, a nested
    /// list of numbers) and returns it with elements of type `T`.
    ///
    /// ```
    /// let mut s = arr::Session::new();
    /// let v = s.eval("<doc>", "import numpy as np\nnp.arange(4) ** 2").unwrap().unwrap();
    /// let a = s.to_ndarray::<i64>(&v).unwrap();
    /// assert_eq!(a.as_slice().unwrap(), &[0, 1, 4, 9]);
    /// ```
    pub fn to_ndarray<T: Elem>(&mut self, value: &Value) -> Result<ArrayD<T>, Diagnostic> {
        let data = self.to_array_data(value)?;
        let data = data.cast(T::DTYPE);
        T::unwrap(data).ok_or_else(|| {
            Diagnostic::global(ErrorKind::Internal, "a cast array has another dtype")
        })
    }

    /// Computes an array-like value into an `ArrayData` of its own dtype.
    pub fn to_array_data(&mut self, value: &Value) -> Result<crate::array::ArrayData, Diagnostic> {
        // Values made by the host have no source text to point into.
        let nowhere = crate::diag::Span::new(0, 0, 0);
        let node = crate::builtins::to_array(value, nowhere).map_err(|mut d| {
            d.span = None;
            d
        })?;
        self.interp.compute(&node)
    }

    /// Streams an array-like value into a `.npy` file at `path`, chunk by
    /// chunk with bounded memory, all-or-nothing (as the `save` builtin
    /// does, but `path` is used as given).
    pub fn save_npy(&mut self, value: &Value, path: &std::path::Path) -> Result<(), Diagnostic> {
        self.interp.check_file_access("save", None)?;
        let nowhere = crate::diag::Span::new(0, 0, 0);
        let node = crate::builtins::to_array(value, nowhere).map_err(|mut d| {
            d.span = None;
            d
        })?;
        self.interp.with_plan(&node, |plan, ctx| crate::io::npy::save(plan, ctx, path))
    }

    /// An error as data: kind, message, line and column, hint.
    ///
    /// ```
    /// let mut s = arr::Session::new();
    /// let errs = s.eval("<doc>", "x = 1\ny = x + z").unwrap_err();
    /// let e = s.error_info(&errs[0]);
    /// assert_eq!((e.kind, e.line, e.column), ("NameError", Some(2), Some(9)));
    /// assert!(s.render(&errs, false).contains("z"));
    /// ```
    pub fn error_info(&self, d: &Diagnostic) -> ErrorInfo {
        let (line, column) = match d.span {
            Some(s) => {
                let (l, c) = self.sources.line_col(s);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        ErrorInfo {
            kind: d.kind.name(),
            message: d.message.clone(),
            line,
            column,
            hint: d.hint.clone(),
        }
    }
}

/// Only names the program could itself assign are accepted.
fn check_identifier(name: &str) -> Result<(), Diagnostic> {
    const KEYWORDS: [&str; 35] = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ];
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&name);
    if ok {
        Ok(())
    } else {
        Err(Diagnostic::global(ErrorKind::Name, format!("{name:?} is not a valid variable name")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{ArrayD, IxDyn};

    #[test]
    fn every_element_type_round_trips() {
        let mut s = Session::builder().threads(1).build();
        s.set("b", ArrayD::from_elem(IxDyn(&[2]), true)).unwrap();
        s.set("u", ArrayD::from_elem(IxDyn(&[2, 1]), 200u8)).unwrap();
        s.set("f", ArrayD::from_elem(IxDyn(&[]), 1.5f32)).unwrap();
        s.set("i", ArrayD::from_elem(IxDyn(&[3]), -4i16)).unwrap();
        let v = s.eval("<t>", "(b.dtype, u.dtype, f.dtype, i.dtype)").unwrap().unwrap();
        assert_eq!(
            s.display(&v).unwrap(),
            "(dtype('bool'), dtype('uint8'), dtype('float32'), dtype('int16'))"
        );
        assert_eq!(s.get_array::<u8>("u").unwrap().shape(), &[2, 1]);
        assert_eq!(s.get_array::<f32>("f").unwrap().into_raw_vec_and_offset().0, vec![1.5]);
        assert_eq!(s.get_array::<bool>("b").unwrap().iter().filter(|b| **b).count(), 2);
    }

    #[test]
    fn non_standard_layouts_are_copied_in_logical_order() {
        let mut s = Session::new();
        let t = ndarray::arr2(&[[1.0, 2.0], [3.0, 4.0]]).reversed_axes().into_dyn();
        s.set("t", t).unwrap();
        let v = s.eval("<t>", "t[0]").unwrap().unwrap();
        assert_eq!(s.to_ndarray::<f64>(&v).unwrap().into_raw_vec_and_offset().0, vec![1.0, 3.0]);
    }

    #[test]
    fn python_values_convert_and_others_do_not() {
        let mut s = Session::new();
        let v = s.eval("<t>", "[[1, 2], [3, 4]]").unwrap().unwrap();
        assert_eq!(s.to_ndarray::<i64>(&v).unwrap().shape(), &[2, 2]);
        let v = s.eval("<t>", "'text'").unwrap().unwrap();
        let e = s.to_ndarray::<f64>(&v).unwrap_err();
        assert_eq!((e.kind, e.span), (ErrorKind::Type, None));
    }

    #[test]
    fn names_are_checked() {
        let mut s = Session::new();
        for bad in ["", "1x", "a-b", "def", "None"] {
            assert!(s.set("x", ndarray::arr0(1.0).into_dyn()).is_ok());
            assert!(s.set(bad, ndarray::arr0(1.0).into_dyn()).is_err(), "{bad}");
        }
        assert!(s.set_value("_ok2", Value::Int(3)).is_ok());
    }

    #[test]
    fn the_memory_limit_is_per_session() {
        let code = "import numpy as np\nx = np.ones(1000) + 1";
        let mut small = Session::builder().memory_limit(1000).build();
        small.eval("<t>", code).unwrap();
        assert_eq!(small.get_array::<f64>("x").unwrap_err().kind, ErrorKind::Memory);
        let mut big = Session::new();
        big.eval("<t>", code).unwrap();
        assert!(big.get_array::<f64>("x").is_ok());
        small.set_memory_limit(1 << 20);
        assert!(small.get_array::<f64>("x").is_ok());
    }

    #[test]
    fn sandbox_refuses_file_access() {
        let s = Session::builder().sandbox(true).build();
        assert!(s.interp.check_file_access("open()", None).is_err());
        assert!(Session::new().interp.check_file_access("open()", None).is_ok());
    }
}
