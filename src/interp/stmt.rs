//! Statements: assignment and unpacking, imports, `def`, `return`, `if`,
//! `for`, `while`, and the control flow between them.

use super::value::{Function, FunctionBody};
use super::{Interp, Value};
use crate::builtins::{self, Module};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::syntax::ast::{ImportName, Program, SStmt, Stmt, Target};
use std::collections::HashMap;
use std::sync::Arc;

/// How a block ended.
pub enum Flow {
    Normal,
    Return(Value),
    Break,
    Continue,
}

type R<T> = Result<T, Diagnostic>;

impl Interp {
    /// Runs a program; returns the value of its last statement when that is
    /// an expression (what the REPL and `arr -e` show).
    pub fn run_program(&mut self, prog: &Program) -> R<Option<Value>> {
        let mut last = None;
        for (i, s) in prog.body.iter().enumerate() {
            if let Stmt::Expr(e) = &s.node
                && i + 1 == prog.body.len()
            {
                last = Some(self.eval(e)?);
                continue;
            }
            match self.exec(s)? {
                Flow::Normal => {}
                Flow::Return(_) => {
                    return Err(Diagnostic::new(
                        ErrorKind::Syntax,
                        "'return' outside function",
                        s.span,
                    ));
                }
                Flow::Break | Flow::Continue => {
                    return Err(Diagnostic::new(
                        ErrorKind::Syntax,
                        "'break' or 'continue' outside a loop",
                        s.span,
                    ));
                }
            }
        }
        Ok(last)
    }

    pub fn exec_block(&mut self, body: &[SStmt]) -> R<Flow> {
        for s in body {
            match self.exec(s)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn exec(&mut self, s: &SStmt) -> R<Flow> {
        if self.cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(crate::exec::cancelled().or_span(s.span));
        }
        match &s.node {
            Stmt::Expr(e) => {
                self.eval(e)?;
            }
            Stmt::Assign { targets, value } => {
                let v = self.eval(value)?;
                for t in targets {
                    self.assign(t, v.clone())?;
                }
            }
            Stmt::AugAssign { target, op, value } => {
                let Target::Name(name) = target else {
                    return Err(immutable(target.span()));
                };
                let current = self.lookup(&name.node, name.span)?;
                let rhs = self.eval(value)?;
                let v =
                    super::ops::binary_op(self, *op, current, name.span, rhs, value.span, s.span)?;
                self.bind(&name.node, v);
            }
            Stmt::Import(names) => {
                for n in names {
                    let module = resolve_module(n)?;
                    let bound = match &n.alias {
                        Some(a) => a.node.clone(),
                        // `import dask.array` binds `dask`, as Python does.
                        None => n.path[0].node.clone(),
                    };
                    let value = if n.alias.is_none() && n.path.len() > 1 {
                        Value::Module(top_module(&n.path[0].node))
                    } else {
                        Value::Module(module)
                    };
                    self.bind(&bound, value);
                }
            }
            Stmt::FromImport { module, names } => {
                let m = resolve_module(&ImportName { path: module.clone(), alias: None })?;
                if names.is_empty() {
                    for name in builtins::names_in(m) {
                        let v = self.module_attr(m, name, s.span)?;
                        self.bind(name, v);
                    }
                }
                for n in names {
                    let member = &n.path[0];
                    let v = self.module_attr(m, &member.node, member.span)?;
                    let bound = n.alias.as_ref().unwrap_or(member);
                    self.bind(&bound.node, v);
                }
            }
            Stmt::Def { name, params, body } => {
                let defaults = self.eval_defaults(params)?;
                let f = Function {
                    name: name.node.clone(),
                    params: params.clone(),
                    body: FunctionBody::Block(body.clone()),
                    defaults,
                };
                self.bind(&name.node, Value::Function(Arc::new(f)));
            }
            Stmt::Return(e) => {
                let v = match e {
                    Some(e) => self.eval(e)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            Stmt::If { branches, orelse } => {
                for (cond, body) in branches {
                    let c = self.eval(cond)?;
                    if self.truthy(&c, cond.span)? {
                        return self.exec_block(body);
                    }
                }
                return self.exec_block(orelse);
            }
            Stmt::For { target, iter, body } => {
                let it = self.eval(iter)?;
                for item in self.iterate(&it, iter.span)? {
                    self.assign(target, item)?;
                    match self.exec_block(body)? {
                        Flow::Break => break,
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        Flow::Normal | Flow::Continue => {}
                    }
                }
            }
            Stmt::While { cond, body } => loop {
                let c = self.eval(cond)?;
                if !self.truthy(&c, cond.span)? {
                    break;
                }
                match self.exec_block(body)? {
                    Flow::Break => break,
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    Flow::Normal | Flow::Continue => {}
                }
                if self.cancel.load(std::sync::atomic::Ordering::Relaxed) {
                    return Err(crate::exec::cancelled().or_span(s.span));
                }
            },
            Stmt::Break => return Ok(Flow::Break),
            Stmt::Continue => return Ok(Flow::Continue),
            Stmt::Pass => {}
            Stmt::Del(names) => {
                for n in names {
                    let removed = match self.frames.last_mut() {
                        Some(f) => f.remove(&n.node).is_some(),
                        None => self.globals.remove(&n.node).is_some(),
                    };
                    if !removed {
                        return Err(Diagnostic::new(
                            ErrorKind::Name,
                            format!("name '{}' is not defined", n.node),
                            n.span,
                        ));
                    }
                }
            }
            Stmt::Assert { cond, msg } => {
                let c = self.eval(cond)?;
                if !self.truthy(&c, cond.span)? {
                    let text = match msg {
                        Some(m) => {
                            let v = self.eval(m)?;
                            self.str_of(&v)?
                        }
                        None => "assertion failed".into(),
                    };
                    return Err(Diagnostic::new(
                        ErrorKind::Value,
                        format!("AssertionError: {text}"),
                        cond.span,
                    ));
                }
            }
        }
        Ok(Flow::Normal)
    }

    pub(super) fn eval_defaults(
        &mut self,
        params: &[crate::syntax::ast::Param],
    ) -> R<HashMap<String, Value>> {
        let mut defaults = HashMap::new();
        for p in params {
            if let Some(d) = &p.default {
                let v = self.eval(d)?;
                defaults.insert(p.name.node.clone(), v);
            }
        }
        Ok(defaults)
    }

    /// The items a `for` loop or comprehension walks over.
    pub(super) fn iterate(&mut self, v: &Value, span: Span) -> R<Vec<Value>> {
        match v {
            Value::Range(a, b, s) if super::value::range_len(*a, *b, *s) > 100_000_000 => {
                Err(Diagnostic::new(
                    ErrorKind::Value,
                    "this loop is too long for the interpreter",
                    span,
                )
                .with_hint("express the computation with array operations instead"))
            }
            Value::Str(s) => Ok(s.chars().map(|c| Value::str(&c.to_string())).collect()),
            Value::Dict(d) => Ok(d.iter().map(|(k, _)| k.clone()).collect()),
            Value::Array(n) if n.ndim() > 0 && n.shape[0] > MAX_ARRAY_ITERATION => {
                Err(Diagnostic::new(
                    ErrorKind::Value,
                    format!(
                        "looping over {} rows is too long for the interpreter (the limit is {MAX_ARRAY_ITERATION})",
                        n.shape[0]
                    ),
                    span,
                )
                .with_hint("express the computation with array operations instead"))
            }
            Value::Array(n) if n.ndim() > 0 => {
                let len = n.shape[0];
                (0..len)
                    .map(|i| self.index_value(v.clone(), span, &[index_int(i as i64, span)], span))
                    .collect()
            }
            other => other.sequence().ok_or_else(|| {
                Diagnostic::new(
                    ErrorKind::Type,
                    format!("'{}' object is not iterable", other.type_name()),
                    span,
                )
            }),
        }
    }

    pub(super) fn assign(&mut self, target: &Target, v: Value) -> R<()> {
        match target {
            Target::Name(n) => {
                self.bind(&n.node, v);
                Ok(())
            }
            Target::Tuple(items, span) => {
                let values = self.iterate(&v, *span)?;
                if values.len() != items.len() {
                    return Err(Diagnostic::new(
                        ErrorKind::Value,
                        format!("cannot unpack {} values into {} names", values.len(), items.len()),
                        *span,
                    ));
                }
                for (t, v) in items.iter().zip(values) {
                    self.assign(t, v)?;
                }
                Ok(())
            }
            Target::Index(..) | Target::Attr(..) => Err(immutable(target.span())),
        }
    }
}

fn index_int(i: i64, span: Span) -> crate::syntax::ast::IndexItem {
    crate::syntax::ast::IndexItem::Expr(crate::syntax::ast::Spanned::new(
        crate::syntax::ast::Expr::Int(i),
        span,
    ))
}

fn immutable(span: Span) -> Diagnostic {
    Diagnostic::new(
        ErrorKind::Type,
        "arr arrays are immutable: item and attribute assignment are not supported",
        span,
    )
    .with_hint("build a new array instead, e.g. with where(mask, new_values, x)")
}

fn top_module(name: &str) -> Module {
    match name {
        "dask" => Module::Dask,
        _ => Module::Root,
    }
}

/// The module an import names: numpy, dask.array, their random modules.
fn resolve_module(n: &ImportName) -> R<Module> {
    let path: Vec<&str> = n.path.iter().map(|p| p.node.as_str()).collect();
    let span = n.path[0].span.join(n.path.last().expect("non-empty path").span);
    Ok(match path.as_slice() {
        ["numpy"] | ["dask", "array"] | ["arr"] | ["math"] => Module::Root,
        ["numpy", "random"] | ["dask", "array", "random"] | ["arr", "random"] | ["random"] => {
            Module::Random
        }
        ["dask"] => Module::Dask,
        ["h5py"] => Module::H5py,
        _ => {
            return Err(Diagnostic::new(
                ErrorKind::Name,
                format!("no module named '{}' in arr", path.join(".")),
                span,
            )
            .with_hint("arr provides numpy, dask.array, math, their random modules and h5py"));
        }
    })
}

/// Each row of an array loop is its own graph node: beyond this many the
/// loop is refused (as `range` loops are past 10**8) rather than filling memory.
const MAX_ARRAY_ITERATION: usize = 1 << 20;
