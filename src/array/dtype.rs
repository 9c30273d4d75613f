//! Element types and NumPy 2 (NEP 50) type promotion.
//!
//! `DType` names every element type arr stores. Promotion follows NumPy 2:
//! two array dtypes promote by kind and size (`int64 + float32 -> float64`,
//! `uint8 + int8 -> int16`), while Python scalars are *weak*: they take the
//! array's dtype when their kind fits (`float32_array * 2.0 -> float32`).

use std::fmt;

/// An element type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DType {
    Bool,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float32,
    Float64,
}

/// The kind of a dtype, in promotion order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Bool,
    UInt,
    Int,
    Float,
}

/// A Python scalar's kind, for weak promotion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeakKind {
    Bool,
    Int,
    Float,
}

impl DType {
    pub const ALL: [DType; 11] = [
        DType::Bool,
        DType::Int8,
        DType::Int16,
        DType::Int32,
        DType::Int64,
        DType::UInt8,
        DType::UInt16,
        DType::UInt32,
        DType::UInt64,
        DType::Float32,
        DType::Float64,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::Int8 => "int8",
            DType::Int16 => "int16",
            DType::Int32 => "int32",
            DType::Int64 => "int64",
            DType::UInt8 => "uint8",
            DType::UInt16 => "uint16",
            DType::UInt32 => "uint32",
            DType::UInt64 => "uint64",
            DType::Float32 => "float32",
            DType::Float64 => "float64",
        }
    }

    /// Parses a dtype name as NumPy spells it (`"float64"`, `"f8"`, `"int"`, `"float"`).
    pub fn from_name(name: &str) -> Option<DType> {
        Some(match name {
            "bool" | "bool_" | "?" => DType::Bool,
            "int8" | "i1" => DType::Int8,
            "int16" | "i2" => DType::Int16,
            "int32" | "i4" => DType::Int32,
            "int64" | "i8" | "int" | "int_" | "intp" => DType::Int64,
            "uint8" | "u1" => DType::UInt8,
            "uint16" | "u2" => DType::UInt16,
            "uint32" | "u4" => DType::UInt32,
            "uint64" | "u8" | "uint" => DType::UInt64,
            "float32" | "f4" | "single" => DType::Float32,
            "float64" | "f8" | "float" | "double" | "float_" => DType::Float64,
            _ => return None,
        })
    }

    pub fn kind(self) -> Kind {
        match self {
            DType::Bool => Kind::Bool,
            DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => Kind::Int,
            DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => Kind::UInt,
            DType::Float32 | DType::Float64 => Kind::Float,
        }
    }

    /// Size of one element in bytes.
    pub fn size(self) -> usize {
        match self {
            DType::Bool | DType::Int8 | DType::UInt8 => 1,
            DType::Int16 | DType::UInt16 => 2,
            DType::Int32 | DType::UInt32 | DType::Float32 => 4,
            DType::Int64 | DType::UInt64 | DType::Float64 => 8,
        }
    }

    pub fn is_float(self) -> bool {
        self.kind() == Kind::Float
    }
    pub fn is_integer(self) -> bool {
        matches!(self.kind(), Kind::Int | Kind::UInt)
    }
    pub fn is_bool(self) -> bool {
        self == DType::Bool
    }

    fn signed_of_size(size: usize) -> Option<DType> {
        Some(match size {
            1 => DType::Int8,
            2 => DType::Int16,
            4 => DType::Int32,
            8 => DType::Int64,
            _ => return None,
        })
    }

    fn float_of_size(size: usize) -> DType {
        if size <= 4 { DType::Float32 } else { DType::Float64 }
    }

    /// The smallest float that holds every value of `self` the way NumPy
    /// chooses it (`int8/int16/uint8/uint16 -> float32`... NumPy actually uses
    /// float16 for 8-bit ints; arr has no float16, so those become float32).
    fn float_for(self) -> DType {
        match self {
            DType::Bool | DType::Int8 | DType::UInt8 | DType::Int16 | DType::UInt16 => {
                DType::Float32
            }
            DType::Float32 => DType::Float32,
            _ => DType::Float64,
        }
    }

    /// NumPy's `result_type` for two array dtypes.
    pub fn promote(a: DType, b: DType) -> DType {
        use Kind::*;
        if a == b {
            return a;
        }
        let (ka, kb) = (a.kind(), b.kind());
        match (ka, kb) {
            (Bool, _) => b,
            (_, Bool) => a,
            (Float, Float) => Self::float_of_size(a.size().max(b.size())),
            (Float, _) => Self::float_of_size(a.size().max(b.float_for().size())),
            (_, Float) => Self::float_of_size(b.size().max(a.float_for().size())),
            (Int, Int) | (UInt, UInt) => {
                if a.size() >= b.size() {
                    a
                } else {
                    b
                }
            }
            (Int, UInt) | (UInt, Int) => {
                let (s, u) = if ka == Int { (a, b) } else { (b, a) };
                if s.size() > u.size() {
                    s
                } else {
                    // Need a signed type bigger than the unsigned one.
                    Self::signed_of_size(u.size() * 2).unwrap_or(DType::Float64)
                }
            }
        }
    }

    /// Promotion of an array dtype with a weak Python scalar (NEP 50).
    pub fn promote_weak(a: DType, w: WeakKind) -> DType {
        match (a.kind(), w) {
            (_, WeakKind::Bool) => a,
            (Kind::Bool, WeakKind::Int) => DType::Int64,
            (Kind::Bool, WeakKind::Float) => DType::Float64,
            (Kind::Int | Kind::UInt, WeakKind::Int) => a,
            (Kind::Int | Kind::UInt, WeakKind::Float) => DType::Float64,
            (Kind::Float, _) => a,
        }
    }

    /// The dtype of true division, `sqrt`, `mean` and other float-valued
    /// operations on this dtype.
    pub fn to_float(self) -> DType {
        match self {
            DType::Float32 => DType::Float32,
            DType::Bool | DType::Int8 | DType::UInt8 | DType::Int16 | DType::UInt16 => {
                // NumPy gives float16 here; arr's smallest float is float32.
                DType::Float32
            }
            _ => DType::Float64,
        }
    }

    /// The accumulator dtype NumPy uses for `sum`/`prod`: small ints widen
    /// to the platform integer, bools count as int64.
    pub fn sum_dtype(self) -> DType {
        match self {
            DType::Bool | DType::Int8 | DType::Int16 | DType::Int32 => DType::Int64,
            DType::UInt8 | DType::UInt16 | DType::UInt32 => DType::UInt64,
            d => d,
        }
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DType::*;

    #[test]
    fn promotion_matches_numpy2() {
        assert_eq!(DType::promote(Int64, Float32), Float64);
        assert_eq!(DType::promote(Int32, Float32), Float64);
        assert_eq!(DType::promote(Int16, Float32), Float32);
        assert_eq!(DType::promote(UInt8, Int8), Int16);
        assert_eq!(DType::promote(UInt64, Int64), Float64);
        assert_eq!(DType::promote(Bool, Int32), Int32);
        assert_eq!(DType::promote(Int32, Int64), Int64);
        assert_eq!(DType::promote(Float32, Float64), Float64);
    }

    #[test]
    fn weak_scalars_keep_array_dtype() {
        assert_eq!(DType::promote_weak(Float32, WeakKind::Float), Float32);
        assert_eq!(DType::promote_weak(Int32, WeakKind::Int), Int32);
        assert_eq!(DType::promote_weak(Int32, WeakKind::Float), Float64);
        assert_eq!(DType::promote_weak(Bool, WeakKind::Int), Int64);
    }

    #[test]
    fn names_round_trip() {
        for d in DType::ALL {
            assert_eq!(DType::from_name(d.name()), Some(d));
        }
        assert_eq!(DType::from_name("float"), Some(Float64));
        assert_eq!(DType::from_name("complex"), None);
    }
}
