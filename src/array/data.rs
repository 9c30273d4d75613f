//! Concrete, in-memory n-d arrays of any dtype.
//!
//! `ArrayData` is what a chunk is once computed: an `ndarray::ArrayD<T>` for
//! one of the element types of [`DType`]. The [`Elem`] trait is the typed
//! side (casts between element types with NumPy's `astype` semantics), and
//! the [`with_data!`](crate::with_data) macro dispatches generic code over
//! the variants so that kernels are written once and instantiated per dtype.

use super::dtype::DType;
use ndarray::{ArrayD, IxDyn};

/// A numeric element type that arr stores.
pub trait Elem:
    Copy + Send + Sync + 'static + PartialOrd + PartialEq + Default + std::fmt::Debug
{
    const DTYPE: DType;
    fn to_f64(self) -> f64;
    fn to_i64(self) -> i64;
    fn to_u64(self) -> u64;
    /// `float -> T` as NumPy's `astype` does it (truncation toward zero for ints).
    fn from_f64(v: f64) -> Self;
    /// `int -> T` with two's-complement wrapping, as NumPy's `astype`.
    fn from_i64(v: i64) -> Self;
    fn from_u64(v: u64) -> Self;
    fn from_bool(v: bool) -> Self;
    fn wrap(a: ArrayD<Self>) -> ArrayData;
    fn unwrap_ref(d: &ArrayData) -> Option<&ArrayD<Self>>;
    fn unwrap(d: ArrayData) -> Option<ArrayD<Self>>;
    fn unwrap_mut(d: &mut ArrayData) -> Option<&mut ArrayD<Self>>;

    /// Casts to another element type with NumPy `astype` semantics.
    #[inline]
    fn cast<U: Elem>(self) -> U {
        match Self::DTYPE.kind() {
            super::dtype::Kind::Float => U::from_f64(self.to_f64()),
            super::dtype::Kind::Int => U::from_i64(self.to_i64()),
            super::dtype::Kind::UInt => U::from_u64(self.to_u64()),
            super::dtype::Kind::Bool => U::from_bool(self.to_i64() != 0),
        }
    }
}

macro_rules! impl_elem_int {
    ($t:ty, $dt:ident, $var:ident) => {
        impl Elem for $t {
            const DTYPE: DType = DType::$dt;
            #[inline]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline]
            fn to_i64(self) -> i64 {
                self as i64
            }
            #[inline]
            fn to_u64(self) -> u64 {
                self as u64
            }
            #[inline]
            fn from_f64(v: f64) -> Self {
                v as $t
            }
            #[inline]
            fn from_i64(v: i64) -> Self {
                v as $t
            }
            #[inline]
            fn from_u64(v: u64) -> Self {
                v as $t
            }
            #[inline]
            fn from_bool(v: bool) -> Self {
                v as u8 as $t
            }
            fn wrap(a: ArrayD<Self>) -> ArrayData {
                ArrayData::$var(a)
            }
            fn unwrap_ref(d: &ArrayData) -> Option<&ArrayD<Self>> {
                match d {
                    ArrayData::$var(a) => Some(a),
                    _ => None,
                }
            }
            fn unwrap(d: ArrayData) -> Option<ArrayD<Self>> {
                match d {
                    ArrayData::$var(a) => Some(a),
                    _ => None,
                }
            }
            fn unwrap_mut(d: &mut ArrayData) -> Option<&mut ArrayD<Self>> {
                match d {
                    ArrayData::$var(a) => Some(a),
                    _ => None,
                }
            }
        }
    };
}

impl_elem_int!(i8, Int8, I8);
impl_elem_int!(i16, Int16, I16);
impl_elem_int!(i32, Int32, I32);
impl_elem_int!(i64, Int64, I64);
impl_elem_int!(u8, UInt8, U8);
impl_elem_int!(u16, UInt16, U16);
impl_elem_int!(u32, UInt32, U32);
impl_elem_int!(u64, UInt64, U64);
impl_elem_int!(f32, Float32, F32);
impl_elem_int!(f64, Float64, F64);

impl Elem for bool {
    const DTYPE: DType = DType::Bool;
    #[inline]
    fn to_f64(self) -> f64 {
        self as u8 as f64
    }
    #[inline]
    fn to_i64(self) -> i64 {
        self as i64
    }
    #[inline]
    fn to_u64(self) -> u64 {
        self as u64
    }
    #[inline]
    fn from_f64(v: f64) -> Self {
        v != 0.0
    }
    #[inline]
    fn from_i64(v: i64) -> Self {
        v != 0
    }
    #[inline]
    fn from_u64(v: u64) -> Self {
        v != 0
    }
    #[inline]
    fn from_bool(v: bool) -> Self {
        v
    }
    fn wrap(a: ArrayD<Self>) -> ArrayData {
        ArrayData::Bool(a)
    }
    fn unwrap_ref(d: &ArrayData) -> Option<&ArrayD<Self>> {
        match d {
            ArrayData::Bool(a) => Some(a),
            _ => None,
        }
    }
    fn unwrap(d: ArrayData) -> Option<ArrayD<Self>> {
        match d {
            ArrayData::Bool(a) => Some(a),
            _ => None,
        }
    }
    fn unwrap_mut(d: &mut ArrayData) -> Option<&mut ArrayD<Self>> {
        match d {
            ArrayData::Bool(a) => Some(a),
            _ => None,
        }
    }
}

/// A computed n-d array of one dtype.
#[derive(Clone, Debug, PartialEq)]
pub enum ArrayData {
    Bool(ArrayD<bool>),
    I8(ArrayD<i8>),
    I16(ArrayD<i16>),
    I32(ArrayD<i32>),
    I64(ArrayD<i64>),
    U8(ArrayD<u8>),
    U16(ArrayD<u16>),
    U32(ArrayD<u32>),
    U64(ArrayD<u64>),
    F32(ArrayD<f32>),
    F64(ArrayD<f64>),
}

/// Runs `$body` with `$a` bound to the typed `ArrayD<T>` inside an
/// `ArrayData` (by reference or by value, as `$data` is), and `$t` naming
/// the element type.
#[macro_export]
macro_rules! with_data {
    ($data:expr, $a:ident, $t:ident => $body:expr) => {{
        use $crate::array::ArrayData as __AD;
        match $data {
            __AD::Bool($a) => {
                #[allow(dead_code)]
                type $t = bool;
                $body
            }
            __AD::I8($a) => {
                #[allow(dead_code)]
                type $t = i8;
                $body
            }
            __AD::I16($a) => {
                #[allow(dead_code)]
                type $t = i16;
                $body
            }
            __AD::I32($a) => {
                #[allow(dead_code)]
                type $t = i32;
                $body
            }
            __AD::I64($a) => {
                #[allow(dead_code)]
                type $t = i64;
                $body
            }
            __AD::U8($a) => {
                #[allow(dead_code)]
                type $t = u8;
                $body
            }
            __AD::U16($a) => {
                #[allow(dead_code)]
                type $t = u16;
                $body
            }
            __AD::U32($a) => {
                #[allow(dead_code)]
                type $t = u32;
                $body
            }
            __AD::U64($a) => {
                #[allow(dead_code)]
                type $t = u64;
                $body
            }
            __AD::F32($a) => {
                #[allow(dead_code)]
                type $t = f32;
                $body
            }
            __AD::F64($a) => {
                #[allow(dead_code)]
                type $t = f64;
                $body
            }
        }
    }};
}

/// Runs `$body` with `$t` naming the element type of a [`DType`].
#[macro_export]
macro_rules! with_dtype {
    ($dtype:expr, $t:ident => $body:expr) => {{
        use $crate::array::DType as __DT;
        match $dtype {
            __DT::Bool => {
                type $t = bool;
                $body
            }
            __DT::Int8 => {
                type $t = i8;
                $body
            }
            __DT::Int16 => {
                type $t = i16;
                $body
            }
            __DT::Int32 => {
                type $t = i32;
                $body
            }
            __DT::Int64 => {
                type $t = i64;
                $body
            }
            __DT::UInt8 => {
                type $t = u8;
                $body
            }
            __DT::UInt16 => {
                type $t = u16;
                $body
            }
            __DT::UInt32 => {
                type $t = u32;
                $body
            }
            __DT::UInt64 => {
                type $t = u64;
                $body
            }
            __DT::Float32 => {
                type $t = f32;
                $body
            }
            __DT::Float64 => {
                type $t = f64;
                $body
            }
        }
    }};
}

impl ArrayData {
    pub fn dtype(&self) -> DType {
        crate::with_data!(self, _a, T => T::DTYPE)
    }

    pub fn shape(&self) -> &[usize] {
        crate::with_data!(self, a, _T => a.shape())
    }

    pub fn len(&self) -> usize {
        crate::with_data!(self, a, _T => a.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// An array of `shape` filled with zeros of `dtype`.
    pub fn zeros(dtype: DType, shape: &[usize]) -> ArrayData {
        crate::with_dtype!(dtype, T => T::wrap(ArrayD::<T>::default(IxDyn(shape))))
    }

    /// Casts every element to `dtype` (NumPy `astype`).
    pub fn cast(&self, dtype: DType) -> ArrayData {
        if self.dtype() == dtype {
            return self.clone();
        }
        crate::with_data!(self, a, _S => crate::with_dtype!(dtype, T => T::wrap(a.mapv(|v| v.cast::<T>()))))
    }

    /// The element at a flat C-order index, as f64 (for display and tests).
    pub fn get_f64(&self, flat: usize) -> f64 {
        crate::with_data!(self, a, _T => a.iter().nth(flat).map(|v| v.to_f64()).unwrap_or(f64::NAN))
    }

    /// Every element as f64 in C order (for tests and JSON output of floats).
    pub fn to_f64_vec(&self) -> Vec<f64> {
        crate::with_data!(self, a, _T => a.iter().map(|v| v.to_f64()).collect())
    }

    /// Builds an array from f64 values in C order, cast to `dtype`.
    pub fn from_f64_vec(dtype: DType, shape: &[usize], values: &[f64]) -> ArrayData {
        crate::with_dtype!(dtype, T => {
            let v: Vec<T> = values.iter().map(|&x| T::from_f64(x)).collect();
            T::wrap(ArrayD::from_shape_vec(IxDyn(shape), v).expect("shape matches values"))
        })
    }

    /// Number of bytes the elements occupy.
    pub fn nbytes(&self) -> usize {
        self.len() * self.dtype().size()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cast_follows_numpy_astype() {
        let a = ArrayData::from_f64_vec(DType::Float64, &[3], &[1.9, -1.9, 300.0]);
        let i = a.cast(DType::Int32);
        assert_eq!(i.dtype(), DType::Int32);
        assert_eq!(i.to_f64_vec(), vec![1.0, -1.0, 300.0]);
        let u = i.cast(DType::UInt8);
        // 300 wraps to 44 and -1 wraps to 255, as in NumPy.
        assert_eq!(u.to_f64_vec(), vec![1.0, 255.0, 44.0]);
        let b = u.cast(DType::Bool);
        assert_eq!(b.to_f64_vec(), vec![1.0, 1.0, 1.0]);
    }

    #[test]
    fn zeros_has_shape_and_dtype() {
        let z = ArrayData::zeros(DType::Int16, &[2, 3]);
        assert_eq!(z.shape(), &[2, 3]);
        assert_eq!(z.dtype(), DType::Int16);
        assert_eq!(z.nbytes(), 12);
    }
}
