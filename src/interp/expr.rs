//! Expressions: names, literals, operators, attributes, calls (builtins,
//! methods, user functions), comprehensions and f-strings.

use super::stmt::Flow;
use super::value::{Function, FunctionBody};
use super::{Interp, MAX_CALL_DEPTH, Value, ops};
use crate::builtins::{self, Args, Module};
use crate::diag::{Diagnostic, ErrorKind, Span, did_you_mean};
use crate::ir::build;
use crate::syntax::ast::{Arg, BoolOp, CompFor, Expr, FStringPart, SExpr, UnaryOp};
use std::collections::HashMap;
use std::sync::Arc;

type R<T> = Result<T, Diagnostic>;

/// Attributes every array has (besides its methods).
pub const ARRAY_ATTRS: &[&str] = &[
    "shape",
    "dtype",
    "ndim",
    "size",
    "nbytes",
    "itemsize",
    "chunks",
    "chunksize",
    "numblocks",
    "npartitions",
    "T",
];

impl Interp {
    pub fn eval(&mut self, e: &SExpr) -> R<Value> {
        let span = e.span;
        Ok(match &e.node {
            Expr::Int(i) => Value::Int(*i),
            Expr::Float(f) => Value::Float(*f),
            Expr::Bool(b) => Value::Bool(*b),
            Expr::None => Value::None,
            Expr::Str(s) => Value::str(s),
            Expr::Ellipsis => Value::Ellipsis,
            Expr::FString(parts) => Value::str(&self.fstring(parts)?),
            Expr::Name(n) => self.lookup(n, span)?,
            Expr::Tuple(items) => {
                Value::tuple(items.iter().map(|i| self.eval(i)).collect::<R<_>>()?)
            }
            Expr::List(items) => {
                Value::List(Arc::new(items.iter().map(|i| self.eval(i)).collect::<R<_>>()?))
            }
            Expr::Dict(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (k, v) in items {
                    out.push((self.eval(k)?, self.eval(v)?));
                }
                Value::Dict(Arc::new(out))
            }
            Expr::Unary(op, x) => {
                let v = self.eval(x)?;
                match op {
                    UnaryOp::Not => Value::Bool(!self.truthy(&v, x.span)?),
                    _ => ops::unary_op(self, *op, v, x.span, span)?,
                }
            }
            Expr::Binary(op, l, r) => {
                let lv = self.eval(l)?;
                let rv = self.eval(r)?;
                ops::binary_op(self, *op, lv, l.span, rv, r.span, span)?
            }
            Expr::Compare(first, rest) => {
                let mut left = self.eval(first)?;
                let mut left_span = first.span;
                let mut result: Option<Value> = None;
                for (op, right) in rest {
                    let rv = self.eval(right)?;
                    let cmp = ops::compare(self, *op, &left, left_span, &rv, right.span, span)?;
                    result = Some(match result {
                        None => cmp,
                        Some(prev) => {
                            if !self.truthy(&prev, span)? {
                                return Ok(prev);
                            }
                            cmp
                        }
                    });
                    left = rv;
                    left_span = right.span;
                }
                result.unwrap_or(Value::Bool(true))
            }
            Expr::BoolOp(op, l, r) => {
                let lv = self.eval(l)?;
                let t = self.truthy(&lv, l.span)?;
                match (op, t) {
                    (BoolOp::And, false) | (BoolOp::Or, true) => lv,
                    _ => self.eval(r)?,
                }
            }
            Expr::IfExp { cond, body, orelse } => {
                let c = self.eval(cond)?;
                if self.truthy(&c, cond.span)? { self.eval(body)? } else { self.eval(orelse)? }
            }
            Expr::Call { func, args } => self.call_expr(func, args, span)?,
            Expr::Attr(obj, name) => {
                let v = self.eval(obj)?;
                self.attribute(v, &name.node, name.span)?
            }
            Expr::Index(obj, items) => {
                let v = self.eval(obj)?;
                self.index_value(v, obj.span, items, span)?
            }
            Expr::Lambda { params, body } => {
                let defaults = self.eval_defaults(params)?;
                Value::Function(Arc::new(Function {
                    name: "<lambda>".into(),
                    params: params.clone(),
                    body: FunctionBody::Lambda((**body).clone()),
                    defaults,
                }))
            }
            Expr::ListComp { elt, clauses } => {
                let mut out = Vec::new();
                self.comprehension(elt, clauses, &mut out)?;
                Value::List(Arc::new(out))
            }
        })
    }

    fn comprehension(&mut self, elt: &SExpr, clauses: &[CompFor], out: &mut Vec<Value>) -> R<()> {
        let Some((first, rest)) = clauses.split_first() else {
            out.push(self.eval(elt)?);
            return Ok(());
        };
        let it = self.eval(&first.iter)?;
        'items: for item in self.iterate(&it, first.iter.span)? {
            self.assign(&first.target, item)?;
            for c in &first.conds {
                let v = self.eval(c)?;
                if !self.truthy(&v, c.span)? {
                    continue 'items;
                }
            }
            self.comprehension(elt, rest, out)?;
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> R<String> {
        let mut s = String::new();
        for p in parts {
            match p {
                FStringPart::Literal(t) => s.push_str(t),
                FStringPart::Expr { expr, spec } => {
                    let v = self.eval(expr)?;
                    match spec {
                        Some(spec) => s.push_str(&super::format_spec::format_with_spec(
                            self, &v, spec, expr.span,
                        )?),
                        None => s.push_str(&self.str_of(&v).map_err(|d| d.or_span(expr.span))?),
                    }
                }
            }
        }
        Ok(s)
    }

    /// Looks a bare name up: local frame, globals, arr's builtins, Python's.
    pub(super) fn lookup(&mut self, name: &str, span: Span) -> R<Value> {
        if let Some(v) = self.lookup_local(name) {
            return Ok(v);
        }
        if let Some(v) = builtins::bare_name(name) {
            return Ok(v);
        }
        let mut candidates: Vec<String> = self.globals.keys().cloned().collect();
        if let Some(f) = self.frames.last() {
            candidates.extend(f.keys().cloned());
        }
        candidates.extend(builtins::names_in(Module::Root).iter().map(|s| s.to_string()));
        candidates.extend(builtins::names_in(Module::Python).iter().map(|s| s.to_string()));
        let mut d = Diagnostic::new(ErrorKind::Name, format!("name '{name}' is not defined"), span)
            .with_label("not defined");
        if let Some(s) = did_you_mean(name, candidates.iter().map(|s| s.as_str())) {
            d = d.with_hint(format!("did you mean `{s}`?"));
        } else if matches!(name, "np" | "numpy" | "da" | "dask") {
            d = d.with_hint(format!(
                "`{name}` needs an import first: `import numpy as np` or `import dask.array as da` \
                 (arr's functions also work without a prefix, e.g. `arange(3)`)"
            ));
        }
        Err(d)
    }

    pub(super) fn module_attr(&mut self, m: Module, name: &str, span: Span) -> R<Value> {
        if let Some(b) = builtins::lookup(m, name) {
            return Ok(Value::Builtin(b));
        }
        if let Some((_, v)) = builtins::constants(m).into_iter().find(|(n, _)| *n == name) {
            return Ok(v);
        }
        let names = builtins::names_in(m);
        let mut d = Diagnostic::new(
            ErrorKind::Name,
            format!("module '{}' has no attribute '{name}'", m.name()),
            span,
        )
        .with_label("unknown attribute");
        if let Some(s) = did_you_mean(name, names.iter().copied()) {
            d = d.with_hint(format!("did you mean `{s}`?"));
        } else if m == Module::Root && builtins::lookup(Module::Random, name).is_some() {
            d = d.with_hint(format!("it is in the random module: `random.{name}`"));
        }
        Err(d)
    }

    fn attribute(&mut self, v: Value, name: &str, span: Span) -> R<Value> {
        match &v {
            Value::Module(m) => self.module_attr(*m, name, span),
            Value::Array(n) => {
                let n = n.clone();
                Ok(match name {
                    "shape" => Value::usize_tuple(&n.shape),
                    "dtype" => Value::DType(n.dtype),
                    "ndim" => Value::Int(n.ndim() as i64),
                    "size" => Value::Int(n.size() as i64),
                    "nbytes" => Value::Int(n.nbytes() as i64),
                    "itemsize" => Value::Int(n.dtype.size() as i64),
                    "chunks" => {
                        Value::tuple(n.chunks.iter().map(|c| Value::usize_tuple(c)).collect())
                    }
                    "chunksize" => Value::usize_tuple(&n.chunksize()),
                    "numblocks" => Value::usize_tuple(&n.numblocks()),
                    "npartitions" => Value::Int(n.numblocks().iter().product::<usize>() as i64),
                    "T" => Value::Array(crate::builtins::transpose_node(&n, None, span)?),
                    _ => match builtins::method(name) {
                        Some(b) => Value::Method(Box::new(v), b),
                        None => {
                            let methods =
                                builtins::all().iter().filter(|b| b.method).map(|b| b.name);
                            let mut d = Diagnostic::new(
                                ErrorKind::Name,
                                format!("array has no attribute '{name}'"),
                                span,
                            )
                            .with_label("unknown attribute");
                            if name == "sort" {
                                // NumPy's in-place sort returns None; arrays here are immutable.
                                d = d.with_hint(
                                    "NumPy's x.sort() sorts in place, and arrays are immutable \
                                     here: use np.sort(x), which returns the sorted array",
                                );
                            } else if let Some(s) =
                                did_you_mean(name, ARRAY_ATTRS.iter().copied().chain(methods))
                            {
                                d = d.with_hint(format!("did you mean `{s}`?"));
                            }
                            return Err(d);
                        }
                    },
                })
            }
            Value::Generator(_) => match builtins::lookup(Module::Generator, name) {
                Some(b) => Ok(Value::Method(Box::new(v), b)),
                None => {
                    let mut d = Diagnostic::new(
                        ErrorKind::Name,
                        format!("'Generator' object has no attribute '{name}'"),
                        span,
                    )
                    .with_label("unknown attribute");
                    let names = builtins::names_in(Module::Generator);
                    if let Some(s) = did_you_mean(name, names.iter().copied()) {
                        d = d.with_hint(format!("did you mean `{s}`?"));
                    }
                    Err(d)
                }
            },
            Value::Hdf5(h) => crate::builtins::hdf5_attribute(&v, h, name, span),
            Value::DType(d) => match name {
                "name" => Ok(Value::str(d.name())),
                "itemsize" => Ok(Value::Int(d.size() as i64)),
                _ => Err(Diagnostic::new(
                    ErrorKind::Name,
                    format!("dtype has no attribute '{name}'"),
                    span,
                )),
            },
            other => Err(Diagnostic::new(
                ErrorKind::Name,
                format!("'{}' object has no attribute '{name}'", other.type_name()),
                span,
            )),
        }
    }

    fn call_expr(&mut self, func: &SExpr, args: &[Arg], span: Span) -> R<Value> {
        if let Some(v) = self.list_method(func, args)? {
            return Ok(v);
        }
        let f = self.eval(func)?;
        let mut positional = Vec::new();
        let mut keywords = Vec::new();
        for a in args {
            match a {
                Arg::Positional(e) => positional.push((self.eval(e)?, e.span)),
                Arg::Keyword(name, e) => {
                    keywords.push((name.node.clone(), name.span, self.eval(e)?, e.span))
                }
                Arg::Star(e) => {
                    let v = self.eval(e)?;
                    for item in self.iterate(&v, e.span)? {
                        positional.push((item, e.span));
                    }
                }
                Arg::StarStar(e) => match self.eval(e)? {
                    Value::Dict(d) => {
                        for (k, v) in d.iter() {
                            let Value::Str(k) = k else {
                                return Err(Diagnostic::new(
                                    ErrorKind::Type,
                                    "keywords must be strings",
                                    e.span,
                                ));
                            };
                            keywords.push((k.to_string(), e.span, v.clone(), e.span));
                        }
                    }
                    other => {
                        return Err(Diagnostic::new(
                            ErrorKind::Type,
                            format!("argument after ** must be a dict, not {}", other.type_name()),
                            e.span,
                        ));
                    }
                },
            }
        }
        self.call_value(f, func.span, positional, keywords, span)
    }

    /// `name.append(x)` / `name.extend(xs)` on a list variable, the
    /// tutorials' accumulate-in-a-loop idiom. Lists are immutable values
    /// here, so the variable is rebound to the longer list (another name
    /// bound to the same list does not see the change, unlike Python).
    fn list_method(&mut self, func: &SExpr, args: &[Arg]) -> R<Option<Value>> {
        let Expr::Attr(obj, method) = &func.node else { return Ok(None) };
        let Expr::Name(var) = &obj.node else { return Ok(None) };
        if !matches!(method.node.as_str(), "append" | "extend") {
            return Ok(None);
        }
        let Some(Value::List(list)) = self.lookup_local(var) else { return Ok(None) };
        let [Arg::Positional(arg)] = args else {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("list.{}() takes exactly one argument", method.node),
                func.span,
            ));
        };
        let v = self.eval(arg)?;
        let mut items = list.as_ref().clone();
        if method.node == "append" {
            items.push(v);
        } else {
            items.extend(self.iterate(&v, arg.span)?);
        }
        self.bind(var, Value::List(Arc::new(items)));
        Ok(Some(Value::None))
    }

    pub fn call_value(
        &mut self,
        f: Value,
        fspan: Span,
        mut positional: Vec<(Value, Span)>,
        keywords: Vec<(String, Span, Value, Span)>,
        span: Span,
    ) -> R<Value> {
        match f {
            Value::Builtin(b) => {
                let mut args = Args::bind(b, positional, keywords, span)?;
                (b.imp)(self, &mut args).map_err(|d| d.or_span(span))
            }
            Value::Method(recv, b) if b.module == Module::Generator => {
                // A generator is not an argument: its methods take NumPy's
                // parameters and find their generator in `receiver`.
                let mut args = Args::bind(b, positional, keywords, span)?;
                args.receiver = Some(*recv);
                (b.imp)(self, &mut args).map_err(|d| d.or_span(span))
            }
            Value::Method(recv, b) => {
                positional.insert(0, (*recv, fspan));
                let mut args = Args::bind(b, positional, keywords, span)?;
                (b.imp)(self, &mut args).map_err(|d| d.or_span(span))
            }
            Value::Function(func) => self.call_user(&func, positional, keywords, span),
            Value::DType(d) => {
                // `np.float32(3)`: a 0-d array (or cast array) of that dtype.
                let [(v, vs)] = positional.as_slice() else {
                    return Err(Diagnostic::new(
                        ErrorKind::Type,
                        format!("{}() takes exactly one argument", d.name()),
                        span,
                    ));
                };
                let x = crate::builtins::to_array(v, *vs)?;
                Ok(Value::Array(build::cast(&x, d)))
            }
            other => Err(Diagnostic::new(
                ErrorKind::Type,
                format!("'{}' object is not callable", other.type_name()),
                fspan,
            )),
        }
    }

    fn call_user(
        &mut self,
        f: &Arc<Function>,
        positional: Vec<(Value, Span)>,
        keywords: Vec<(String, Span, Value, Span)>,
        span: Span,
    ) -> R<Value> {
        if self.frames.len() >= MAX_CALL_DEPTH {
            return Err(Diagnostic::new(
                ErrorKind::Value,
                format!("maximum recursion depth ({MAX_CALL_DEPTH}) exceeded in {}()", f.name),
                span,
            ));
        }
        let mut frame: HashMap<String, Value> = HashMap::new();
        let mut pos = positional.into_iter();
        let mut extra_kw = Vec::new();
        let mut kws: Vec<(String, Span, Value, Span)> = keywords;
        for p in &f.params {
            if p.star {
                frame.insert(
                    p.name.node.clone(),
                    Value::tuple(pos.by_ref().map(|(v, _)| v).collect()),
                );
                continue;
            }
            if p.star_star {
                continue;
            }
            let v = if let Some((v, _)) = pos.next() {
                v
            } else if let Some(i) = kws.iter().position(|k| k.0 == p.name.node) {
                kws.remove(i).2
            } else if let Some(d) = f.defaults.get(&p.name.node) {
                d.clone()
            } else {
                return Err(Diagnostic::new(
                    ErrorKind::Type,
                    format!("{}() missing required argument '{}'", f.name, p.name.node),
                    span,
                ));
            };
            frame.insert(p.name.node.clone(), v);
        }
        if let Some((_, s)) = pos.next() {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("{}() got too many positional arguments", f.name),
                s,
            ));
        }
        if let Some(kw) = f.params.iter().find(|p| p.star_star) {
            for (k, _, v, _) in kws.drain(..) {
                extra_kw.push((Value::str(&k), v));
            }
            frame.insert(kw.name.node.clone(), Value::Dict(Arc::new(extra_kw)));
        }
        if let Some((k, ks, _, _)) = kws.first() {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!("{}() got an unexpected keyword argument '{k}'", f.name),
                *ks,
            ));
        }
        self.frames.push(frame);
        let result = match &f.body {
            FunctionBody::Lambda(e) => self.eval(e),
            FunctionBody::Block(body) => self.exec_block(body).map(|flow| match flow {
                Flow::Return(v) => v,
                _ => Value::None,
            }),
        };
        self.frames.pop();
        // Point at the call too: the error's own span is inside the body.
        // A couple of levels are enough (deep recursion would add hundreds).
        result.map_err(|d| {
            if d.span.is_some_and(|s| s != span)
                && d.kind != ErrorKind::Cancelled
                && d.extra.len() < 2
            {
                d.with_extra(span, format!("in this call to {}()", f.name))
            } else {
                d
            }
        })
    }
}
