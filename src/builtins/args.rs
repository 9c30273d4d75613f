//! Argument binding: matches a call's positional and keyword arguments
//! against a builtin's signature, with Python's rules and clear errors
//! (unknown keyword with a "did you mean", too many arguments, missing
//! required ones, duplicates), each pointing at the offending argument.

use super::Builtin;
use crate::diag::{Diagnostic, ErrorKind, Span, did_you_mean};
use crate::interp::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// Positional or keyword.
    Normal,
    /// `*name`: collects extra positional arguments.
    VarArgs,
    /// After a bare `*` or `*name`: keyword only.
    KeywordOnly,
}

#[derive(Clone, Debug)]
pub struct ParamSpec {
    pub name: String,
    /// `None` means required.
    pub default: Option<Value>,
    pub kind: ParamKind,
}

/// Parses `name(a, b=1, *rest, c='x')` into parameter specs.
pub fn parse_signature(sig: &str) -> Vec<ParamSpec> {
    let inner = sig.split_once('(').map(|(_, r)| r.strip_suffix(')').unwrap_or(r)).unwrap_or("");
    let mut out = Vec::new();
    let mut kw_only = false;
    for part in split_top_level(inner).into_iter().map(str::trim).filter(|p| !p.is_empty()) {
        if part == "*" {
            kw_only = true;
            continue;
        }
        if let Some(name) = part.strip_prefix('*') {
            out.push(ParamSpec { name: name.to_string(), default: None, kind: ParamKind::VarArgs });
            kw_only = true;
            continue;
        }
        let (name, default) = match part.split_once('=') {
            Some((n, d)) => (n.trim(), Some(parse_default(d.trim()))),
            None => (part, None),
        };
        let kind = if kw_only { ParamKind::KeywordOnly } else { ParamKind::Normal };
        out.push(ParamSpec { name: name.to_string(), default, kind });
    }
    out
}

/// Splits at the commas outside brackets, so a default such as
/// `axes=(0, 1)` stays one parameter.
fn split_top_level(text: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

fn parse_default(text: &str) -> Value {
    match text {
        t if t.starts_with('(') && t.ends_with(')') => {
            let items = split_top_level(&t[1..t.len() - 1])
                .into_iter()
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(parse_default)
                .collect();
            Value::tuple(items)
        }
        "None" => Value::None,
        "True" => Value::Bool(true),
        "False" => Value::Bool(false),
        t if t.starts_with('\'') => Value::str(t.trim_matches('\'')),
        t => {
            if let Ok(i) = t.parse::<i64>() {
                Value::Int(i)
            } else if let Ok(f) = t.parse::<f64>() {
                Value::Float(f)
            } else if let Some(d) = crate::array::DType::from_name(t) {
                Value::DType(d)
            } else {
                Value::str(t)
            }
        }
    }
}

/// A call's arguments bound to a builtin's parameters.
pub struct Args {
    pub func: &'static Builtin,
    pub call_span: Span,
    params: &'static [ParamSpec],
    slots: Vec<Option<(Value, Span)>>,
    pub varargs: Vec<(Value, Span)>,
    /// The object a method of a non-array value was called on (a
    /// `Generator`); `None` for plain calls and array methods, whose array
    /// is their first argument.
    pub receiver: Option<Value>,
}

impl Args {
    pub fn bind(
        func: &'static Builtin,
        positional: Vec<(Value, Span)>,
        keywords: Vec<(String, Span, Value, Span)>,
        call_span: Span,
    ) -> Result<Args, Diagnostic> {
        let params = func.params();
        let mut slots: Vec<Option<(Value, Span)>> = vec![None; params.len()];
        let mut varargs = Vec::new();
        let positional_slots: Vec<usize> =
            (0..params.len()).filter(|&i| params[i].kind == ParamKind::Normal).collect();
        let has_varargs = params.iter().any(|p| p.kind == ParamKind::VarArgs);
        for (k, (v, span)) in positional.into_iter().enumerate() {
            if let Some(&slot) = positional_slots.get(k) {
                slots[slot] = Some((v, span));
            } else if has_varargs {
                varargs.push((v, span));
            } else {
                return Err(Diagnostic::new(
                    ErrorKind::Type,
                    format!(
                        "{}() takes at most {} positional argument{}",
                        func.qualified(),
                        positional_slots.len(),
                        if positional_slots.len() == 1 { "" } else { "s" }
                    ),
                    span,
                )
                .with_label("unexpected extra argument")
                .with_hint(format!("the signature is {}", func.signature)));
            }
        }
        for (name, name_span, v, span) in keywords {
            let Some(slot) =
                params.iter().position(|p| p.name == name && p.kind != ParamKind::VarArgs)
            else {
                let names =
                    params.iter().filter(|p| p.kind != ParamKind::VarArgs).map(|p| p.name.as_str());
                let mut d = Diagnostic::new(
                    ErrorKind::Type,
                    format!("{}() got an unexpected keyword argument '{name}'", func.qualified()),
                    name_span,
                )
                .with_label("unknown keyword");
                d = match did_you_mean(&name, names) {
                    Some(s) => d.with_hint(format!(
                        "did you mean `{s}`? The signature is {}",
                        func.signature
                    )),
                    None => d.with_hint(format!("the signature is {}", func.signature)),
                };
                return Err(d);
            };
            if slots[slot].is_some() {
                return Err(Diagnostic::new(
                    ErrorKind::Type,
                    format!("{}() got multiple values for argument '{name}'", func.qualified()),
                    name_span,
                ));
            }
            slots[slot] = Some((v, span));
        }
        for (p, s) in params.iter().zip(&slots) {
            if s.is_none() && p.default.is_none() && p.kind != ParamKind::VarArgs {
                return Err(Diagnostic::new(
                    ErrorKind::Type,
                    format!("{}() missing required argument '{}'", func.qualified(), p.name),
                    call_span,
                )
                .with_hint(format!("the signature is {}", func.signature)));
            }
        }
        Ok(Args { func, call_span, params, slots, varargs, receiver: None })
    }

    fn index(&self, name: &str) -> usize {
        self.params
            .iter()
            .position(|p| p.name == name)
            .unwrap_or_else(|| panic!("builtin {} has no parameter {name}", self.func.name))
    }

    /// Whether the caller passed this argument.
    pub fn given(&self, name: &str) -> bool {
        self.slots[self.index(name)].is_some()
    }

    /// The argument's value (the default when not given).
    pub fn value(&self, name: &str) -> Value {
        let i = self.index(name);
        match &self.slots[i] {
            Some((v, _)) => v.clone(),
            None => self.params[i].default.clone().unwrap_or(Value::None),
        }
    }

    /// The argument's span, or the call's when it was not given.
    pub fn span(&self, name: &str) -> Span {
        self.slots[self.index(name)].as_ref().map(|(_, s)| *s).unwrap_or(self.call_span)
    }

    /// Value and span together.
    pub fn get(&self, name: &str) -> (Value, Span) {
        (self.value(name), self.span(name))
    }

    /// True when the argument is absent or `None`.
    pub fn is_none(&self, name: &str) -> bool {
        matches!(self.value(name), Value::None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_parse() {
        let p = parse_signature("normal(loc=0.0, scale=1.0, size=None, chunks='auto')");
        assert_eq!(p.len(), 4);
        assert!(matches!(p[0].default, Some(Value::Float(f)) if f == 0.0));
        assert!(matches!(&p[3].default, Some(Value::Str(s)) if &**s == "auto"));
        let p = parse_signature("reshape(a, *shape, order='C')");
        assert_eq!(p[1].kind, ParamKind::VarArgs);
        assert_eq!(p[2].kind, ParamKind::KeywordOnly);
        assert!(p[0].default.is_none());
    }
}
