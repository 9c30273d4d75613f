//! The elementwise and reduction operations the IR knows, with their NumPy
//! result-dtype rules. The kernels that run them live in `exec::kernel`.

use crate::array::{DType, Kind};

/// One-input elementwise functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryFn {
    Neg,
    /// `~x`: bitwise not on integers, logical not on bools.
    Invert,
    LogicalNot,
    Abs,
    Sqrt,
    Exp,
    Log,
    Sin,
    Cos,
    Tan,
    Floor,
    Ceil,
    /// Round half to even (NumPy `round`/`rint`).
    Rint,
    IsNan,
    IsInf,
    IsFinite,
    Square,
    Sign,
    Arcsin,
    Arccos,
    Arctan,
    Sinh,
    Cosh,
    Tanh,
    Arcsinh,
    Arccosh,
    Arctanh,
    Expm1,
    Exp2,
    Log1p,
    Log2,
    Log10,
    Cbrt,
    Trunc,
    Deg2Rad,
    Rad2Deg,
    /// True where the sign bit is set (negative numbers, -0.0, -nan).
    Signbit,
    /// 1/x; on integers C's truncating 1/x, with 1/0 taken as 0.
    Reciprocal,
}

/// Two-input elementwise functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryFn {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
    Maximum,
    Minimum,
    LogicalAnd,
    LogicalOr,
    LogicalXor,
    Arctan2,
    Hypot,
    /// C `fmod`: remainder with the sign of the dividend.
    Fmod,
    /// Maximum/minimum ignoring NaN (NaN only if both are NaN).
    Fmax,
    Fmin,
    LShift,
    RShift,
    /// The magnitude of x1 with the sign of x2.
    Copysign,
    /// log(exp(x1) + exp(x2)) without overflow.
    Logaddexp,
    /// log2(2**x1 + 2**x2) without overflow.
    Logaddexp2,
}

impl UnaryFn {
    pub fn name(self) -> &'static str {
        match self {
            UnaryFn::Neg => "negative",
            UnaryFn::Invert => "invert",
            UnaryFn::LogicalNot => "logical_not",
            UnaryFn::Abs => "abs",
            UnaryFn::Sqrt => "sqrt",
            UnaryFn::Exp => "exp",
            UnaryFn::Log => "log",
            UnaryFn::Sin => "sin",
            UnaryFn::Cos => "cos",
            UnaryFn::Tan => "tan",
            UnaryFn::Floor => "floor",
            UnaryFn::Ceil => "ceil",
            UnaryFn::Rint => "round",
            UnaryFn::IsNan => "isnan",
            UnaryFn::IsInf => "isinf",
            UnaryFn::IsFinite => "isfinite",
            UnaryFn::Square => "square",
            UnaryFn::Sign => "sign",
            UnaryFn::Arcsin => "arcsin",
            UnaryFn::Arccos => "arccos",
            UnaryFn::Arctan => "arctan",
            UnaryFn::Sinh => "sinh",
            UnaryFn::Cosh => "cosh",
            UnaryFn::Tanh => "tanh",
            UnaryFn::Arcsinh => "arcsinh",
            UnaryFn::Arccosh => "arccosh",
            UnaryFn::Arctanh => "arctanh",
            UnaryFn::Expm1 => "expm1",
            UnaryFn::Exp2 => "exp2",
            UnaryFn::Log1p => "log1p",
            UnaryFn::Log2 => "log2",
            UnaryFn::Log10 => "log10",
            UnaryFn::Cbrt => "cbrt",
            UnaryFn::Trunc => "trunc",
            UnaryFn::Deg2Rad => "deg2rad",
            UnaryFn::Rad2Deg => "rad2deg",
            UnaryFn::Signbit => "signbit",
            UnaryFn::Reciprocal => "reciprocal",
        }
    }

    /// The dtype the input is cast to before the function runs, and the
    /// result dtype; `Err` names why NumPy refuses the dtype.
    pub fn dtypes(self, input: DType) -> Result<(DType, DType), String> {
        use UnaryFn::*;
        Ok(match self {
            Neg if input == DType::Bool => {
                return Err("the `-` operator is not supported for bool arrays; use `~` or \
                            logical_not instead"
                    .into());
            }
            Sign if input == DType::Bool => {
                return Err("sign is not supported for bool arrays".into());
            }
            Reciprocal if input == DType::Bool => {
                return Err("reciprocal is not supported for bool arrays".into());
            }
            // NumPy squares bools as int8 (True * True == 1).
            Square if input == DType::Bool => (DType::Int8, DType::Int8),
            Neg | Abs | Square | Sign | Reciprocal => (input, input),
            Signbit => (input, DType::Bool),
            Invert if input.is_float() => {
                return Err(format!("`~` (invert) is not supported for {input}"));
            }
            Invert => (input, input),
            LogicalNot => (input, DType::Bool),
            Sqrt | Exp | Log | Sin | Cos | Tan | Arcsin | Arccos | Arctan | Sinh | Cosh | Tanh
            | Arcsinh | Arccosh | Arctanh | Expm1 | Exp2 | Log1p | Log2 | Log10 | Cbrt
            | Deg2Rad | Rad2Deg => (input.to_float(), input.to_float()),
            // `rint` is a float function (integers come back as floats);
            // floor, ceil and trunc return integers and bools unchanged.
            Rint => (input.to_float(), input.to_float()),
            Floor | Ceil | Trunc => (input, input),
            IsNan | IsInf | IsFinite => (input, DType::Bool),
        })
    }
}

impl BinaryFn {
    pub fn name(self) -> &'static str {
        match self {
            BinaryFn::Add => "add",
            BinaryFn::Sub => "subtract",
            BinaryFn::Mul => "multiply",
            BinaryFn::TrueDiv => "divide",
            BinaryFn::FloorDiv => "floor_divide",
            BinaryFn::Mod => "mod",
            BinaryFn::Pow => "power",
            BinaryFn::BitAnd => "bitwise_and",
            BinaryFn::BitOr => "bitwise_or",
            BinaryFn::BitXor => "bitwise_xor",
            BinaryFn::Lt => "less",
            BinaryFn::Le => "less_equal",
            BinaryFn::Gt => "greater",
            BinaryFn::Ge => "greater_equal",
            BinaryFn::Eq => "equal",
            BinaryFn::Ne => "not_equal",
            BinaryFn::Maximum => "maximum",
            BinaryFn::Minimum => "minimum",
            BinaryFn::LogicalAnd => "logical_and",
            BinaryFn::LogicalOr => "logical_or",
            BinaryFn::LogicalXor => "logical_xor",
            BinaryFn::Arctan2 => "arctan2",
            BinaryFn::Hypot => "hypot",
            BinaryFn::Fmod => "fmod",
            BinaryFn::Fmax => "fmax",
            BinaryFn::Fmin => "fmin",
            BinaryFn::LShift => "left_shift",
            BinaryFn::RShift => "right_shift",
            BinaryFn::Copysign => "copysign",
            BinaryFn::Logaddexp => "logaddexp",
            BinaryFn::Logaddexp2 => "logaddexp2",
        }
    }

    pub fn is_comparison(self) -> bool {
        use BinaryFn::*;
        matches!(self, Lt | Le | Gt | Ge | Eq | Ne)
    }

    /// Given the promoted operand dtype, the dtype operands are cast to and
    /// the result dtype.
    pub fn dtypes(self, promoted: DType) -> Result<(DType, DType), String> {
        use BinaryFn::*;
        Ok(match self {
            // NumPy divides integers (and bools) in float64.
            TrueDiv if promoted.is_float() => (promoted, promoted),
            TrueDiv => (DType::Float64, DType::Float64),
            Lt | Le | Gt | Ge | Eq | Ne => (promoted, DType::Bool),
            LogicalAnd | LogicalOr | LogicalXor => (promoted, DType::Bool),
            Arctan2 | Hypot | Copysign | Logaddexp | Logaddexp2 => {
                (promoted.to_float(), promoted.to_float())
            }
            LShift | RShift if !promoted.is_integer() => {
                return Err(format!(
                    "`{}` is only supported for integer arrays, not {promoted}",
                    self.name()
                ));
            }
            Sub if promoted == DType::Bool => {
                return Err("numpy boolean subtract, the `-` operator, is not supported; \
                            use `^` (xor) instead"
                    .into());
            }
            BitAnd | BitOr | BitXor if promoted.is_float() => {
                return Err(format!(
                    "`{}` is only supported for integer and bool arrays, not {promoted}",
                    self.name()
                ));
            }
            FloorDiv | Mod | Pow if promoted == DType::Bool => (DType::Int8, DType::Int8),
            _ => (promoted, promoted),
        })
    }
}

/// Reductions over one or more axes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReduceOp {
    Sum,
    Prod,
    Min,
    Max,
    Any,
    All,
    Mean,
    /// Variance with `ddof` delta degrees of freedom.
    Var {
        ddof: u32,
    },
    Std {
        ddof: u32,
    },
    /// Index of the first maximum (first NaN if any) along one axis.
    ArgMax,
    ArgMin,
}

impl ReduceOp {
    pub fn name(self) -> &'static str {
        match self {
            ReduceOp::Sum => "sum",
            ReduceOp::Prod => "prod",
            ReduceOp::Min => "min",
            ReduceOp::Max => "max",
            ReduceOp::Any => "any",
            ReduceOp::All => "all",
            ReduceOp::Mean => "mean",
            ReduceOp::Var { .. } => "var",
            ReduceOp::Std { .. } => "std",
            ReduceOp::ArgMax => "argmax",
            ReduceOp::ArgMin => "argmin",
        }
    }

    /// The result dtype of reducing `input` (NumPy's defaults).
    pub fn result_dtype(self, input: DType) -> DType {
        match self {
            ReduceOp::Sum | ReduceOp::Prod => input.sum_dtype(),
            ReduceOp::Min | ReduceOp::Max => input,
            ReduceOp::ArgMax | ReduceOp::ArgMin => DType::Int64,
            ReduceOp::Any | ReduceOp::All => DType::Bool,
            // NumPy computes the mean of integers in float64 (not float32).
            ReduceOp::Mean | ReduceOp::Var { .. } | ReduceOp::Std { .. } => {
                if input.kind() == Kind::Float { input } else { DType::Float64 }
            }
        }
    }
}
