//! What the line editor knows about the session: a copy of its variables,
//! refreshed after each input, and how a dotted name (`np.random.normal`,
//! `x.sum`) resolves through them and the builtin registry. Completion,
//! hints and highlighting read it; nothing here computes an array.

use crate::builtins::{self, Module, ParamKind};
use crate::interp::Value;
use std::collections::HashMap;

pub use crate::interp::ARRAY_ATTRS;

/// Python keywords offered at the top level.
pub const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "break", "continue", "def", "del", "elif", "else", "False", "for",
    "from", "if", "import", "in", "is", "lambda", "None", "not", "or", "pass", "return", "True",
    "while",
];

#[derive(Default)]
pub struct Scope {
    pub globals: HashMap<String, Value>,
}

impl Scope {
    /// What a bare name means: a variable, a builtin, a root constant, or
    /// (as a convenience, even before `import`) a well-known module alias.
    pub fn name(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.globals.get(name) {
            return Some(v.clone());
        }
        if let Some(v) = builtins::bare_name(name) {
            return Some(v);
        }
        match name {
            "np" | "numpy" | "da" => Some(Value::Module(Module::Root)),
            "dask" => Some(Value::Module(Module::Dask)),
            _ => None,
        }
    }

    /// Resolves `a.b.c` without evaluating anything.
    pub fn resolve(&self, parts: &[String]) -> Option<Value> {
        let (first, rest) = parts.split_first()?;
        let mut v = self.name(first)?;
        for attr in rest {
            v = member(&v, attr)?;
        }
        Some(v)
    }

    /// Completion candidates for a bare name.
    pub fn top_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.globals.keys().cloned().collect();
        v.extend(builtins::names_in(Module::Root).iter().map(|s| s.to_string()));
        v.extend(builtins::names_in(Module::Python).iter().map(|s| s.to_string()));
        v.extend(KEYWORDS.iter().map(|s| s.to_string()));
        v.sort();
        v.dedup();
        v
    }
}

/// `v.attr` resolved statically (modules and array methods only).
pub fn member(v: &Value, attr: &str) -> Option<Value> {
    match v {
        Value::Module(m) => {
            if let Some(b) = builtins::lookup(*m, attr) {
                return Some(Value::Builtin(b));
            }
            builtins::constants(*m).into_iter().find(|(n, _)| *n == attr).map(|(_, v)| v)
        }
        Value::Array(_) => builtins::method(attr).map(|b| Value::Method(Box::new(v.clone()), b)),
        Value::Generator(_) => {
            builtins::lookup(Module::Generator, attr).map(|b| Value::Method(Box::new(v.clone()), b))
        }
        _ => None,
    }
}

/// Names after `v.`: a module's members, an array's attributes and methods.
pub fn members(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = match v {
        Value::Module(m) => builtins::names_in(*m).iter().map(|s| s.to_string()).collect(),
        Value::Array(_) => ARRAY_ATTRS
            .iter()
            .copied()
            .chain(builtins::all().iter().filter(|b| b.method).map(|b| b.name))
            .map(str::to_string)
            .collect(),
        Value::DType(_) => vec!["name".into(), "itemsize".into()],
        Value::Generator(_) => {
            builtins::names_in(Module::Generator).iter().map(|s| s.to_string()).collect()
        }
        _ => vec![],
    };
    out.sort();
    out.dedup();
    out
}

/// A callable's signature text and its keyword-capable parameter names.
pub fn signature(v: &Value) -> Option<(String, Vec<String>)> {
    match v {
        Value::Builtin(b) | Value::Method(_, b) => {
            let names = b
                .params()
                .iter()
                .filter(|p| p.kind != ParamKind::VarArgs)
                .map(|p| p.name.clone())
                .collect();
            Some((b.signature.to_string(), names))
        }
        Value::Function(f) => {
            let mut parts = Vec::new();
            let mut names = Vec::new();
            for p in &f.params {
                let n = &p.name.node;
                if p.star {
                    parts.push(format!("*{n}"));
                } else if p.star_star {
                    parts.push(format!("**{n}"));
                } else {
                    names.push(n.clone());
                    match f.defaults.get(n) {
                        Some(d) => parts.push(format!("{n}={}", crate::interp::repr(d))),
                        None => parts.push(n.clone()),
                    }
                }
            }
            Some((format!("{}({})", f.name, parts.join(", ")), names))
        }
        _ => None,
    }
}

/// The one-line description `:vars` shows for a value (never computes).
pub fn describe(v: &Value) -> String {
    match v {
        Value::Array(n) => {
            let chunks = n.chunksize();
            format!(
                "array  {} {}  chunks {}  {}",
                n.dtype,
                shape_text(&n.shape),
                shape_text(&chunks),
                crate::display::format_bytes(n.nbytes())
            )
        }
        Value::Function(_) | Value::Builtin(_) | Value::Method(..) => match signature(v) {
            Some((sig, _)) => format!("function  {sig}"),
            None => "function".into(),
        },
        Value::Module(m) => format!("module  {}", m.name()),
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None | Value::DType(_) => {
            format!("{}  {}", v.type_name(), crate::interp::repr(v))
        }
        Value::Str(s) => {
            let r = crate::interp::repr(v);
            if s.chars().count() <= 40 {
                format!("str  {r}")
            } else {
                format!("str  len {}", s.len())
            }
        }
        Value::Tuple(t) => format!("tuple  len {}", t.len()),
        Value::List(l) => format!("list  len {}", l.len()),
        Value::Dict(d) => format!("dict  len {}", d.len()),
        other => other.type_name(),
    }
}

/// `(3, 4)` / `(5,)` / `()`.
pub fn shape_text(shape: &[usize]) -> String {
    match shape {
        [one] => format!("({one},)"),
        _ => format!("({})", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_array_attr_exists() {
        let mut s = crate::Session::new();
        for a in ARRAY_ATTRS {
            assert!(s.eval("<t>", &format!("arange(6).reshape(2, 3).{a}")).is_ok(), "{a}");
        }
    }

    #[test]
    fn resolves_dotted_names() {
        let s = Scope::default();
        let parts = |t: &str| t.split('.').map(str::to_string).collect::<Vec<_>>();
        assert!(matches!(s.resolve(&parts("np.random")), Some(Value::Module(Module::Random))));
        assert!(matches!(s.resolve(&parts("random.normal")), Some(Value::Builtin(_))));
        assert!(s.resolve(&parts("nope")).is_none());
        let (sig, names) = signature(&s.resolve(&parts("random.normal")).unwrap()).unwrap();
        assert!(sig.starts_with("normal("), "{sig}");
        assert!(names.iter().any(|n| n == "size"));
    }
}
