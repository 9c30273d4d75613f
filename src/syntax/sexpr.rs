//! A compact S-expression rendering of the AST, for tests and debugging.
//!
//! Spans are left out so snapshots show structure only: `a + b * c` prints
//! as `(+ a (* b c))`, `x[1:, ::2]` as `(index x (slice 1 _ _) (slice _ _ 2))`.
//! Each top-level statement is printed on its own line.

use std::fmt::Write;

use crate::syntax::ast::*;

/// Renders a program, one statement per line.
pub fn sexpr(p: &Program) -> String {
    let mut out = String::new();
    for (i, s) in p.body.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        stmt(&mut out, s);
    }
    out
}

fn list<T>(out: &mut String, items: &[T], f: impl Fn(&mut String, &T)) {
    for x in items {
        out.push(' ');
        f(out, x);
    }
}

fn stmt(out: &mut String, s: &SStmt) {
    match &s.node {
        Stmt::Expr(e) => expr(out, e),
        Stmt::Assign { targets, value } => {
            out.push_str("(=");
            list(out, targets, target);
            out.push(' ');
            expr(out, value);
            out.push(')');
        }
        Stmt::AugAssign { target: t, op, value } => {
            let _ = write!(out, "({}= ", op.symbol());
            target(out, t);
            out.push(' ');
            expr(out, value);
            out.push(')');
        }
        Stmt::Import(names) => {
            out.push_str("(import");
            list(out, names, import_name);
            out.push(')');
        }
        Stmt::FromImport { module, names } => {
            out.push_str("(from ");
            dotted(out, module);
            if names.is_empty() {
                out.push_str(" *");
            }
            list(out, names, import_name);
            out.push(')');
        }
        Stmt::Def { name, params, body } => {
            let _ = write!(out, "(def {} (", name.node);
            param_list(out, params);
            out.push(')');
            list(out, body, stmt);
            out.push(')');
        }
        Stmt::Return(v) => match v {
            Some(v) => {
                out.push_str("(return ");
                expr(out, v);
                out.push(')');
            }
            None => out.push_str("(return)"),
        },
        Stmt::If { branches, orelse } => {
            out.push_str("(if");
            for (cond, body) in branches {
                out.push_str(" (");
                expr(out, cond);
                list(out, body, stmt);
                out.push(')');
            }
            if !orelse.is_empty() {
                out.push_str(" (else");
                list(out, orelse, stmt);
                out.push(')');
            }
            out.push(')');
        }
        Stmt::For { target: t, iter, body } => {
            out.push_str("(for ");
            target(out, t);
            out.push(' ');
            expr(out, iter);
            list(out, body, stmt);
            out.push(')');
        }
        Stmt::While { cond, body } => {
            out.push_str("(while ");
            expr(out, cond);
            list(out, body, stmt);
            out.push(')');
        }
        Stmt::Break => out.push_str("break"),
        Stmt::Continue => out.push_str("continue"),
        Stmt::Pass => out.push_str("pass"),
        Stmt::Del(names) => {
            out.push_str("(del");
            list(out, names, |o, n| o.push_str(&n.node));
            out.push(')');
        }
        Stmt::Assert { cond, msg } => {
            out.push_str("(assert ");
            expr(out, cond);
            if let Some(m) = msg {
                out.push(' ');
                expr(out, m);
            }
            out.push(')');
        }
    }
}

fn dotted(out: &mut String, path: &[Ident]) {
    let names: Vec<&str> = path.iter().map(|i| i.node.as_str()).collect();
    out.push_str(&names.join("."));
}

fn import_name(out: &mut String, n: &ImportName) {
    match &n.alias {
        Some(a) => {
            out.push('(');
            dotted(out, &n.path);
            let _ = write!(out, " {})", a.node);
        }
        None => dotted(out, &n.path),
    }
}

fn param_list(out: &mut String, params: &[Param]) {
    for (i, p) in params.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let stars = if p.star_star {
            "**"
        } else if p.star {
            "*"
        } else {
            ""
        };
        match &p.default {
            Some(d) => {
                let _ = write!(out, "({stars}{} ", p.name.node);
                expr(out, d);
                out.push(')');
            }
            None => {
                let _ = write!(out, "{stars}{}", p.name.node);
            }
        }
    }
}

fn target(out: &mut String, t: &Target) {
    match t {
        Target::Name(n) => out.push_str(&n.node),
        Target::Tuple(items, _) => {
            out.push_str("(tuple");
            list(out, items, target);
            out.push(')');
        }
        Target::Index(v, items, _) => index(out, v, items),
        Target::Attr(v, name) => attr(out, v, name),
    }
}

fn index(out: &mut String, v: &SExpr, items: &[IndexItem]) {
    out.push_str("(index ");
    expr(out, v);
    list(out, items, |o, it| match it {
        IndexItem::Expr(e) => expr(o, e),
        IndexItem::Slice { start, stop, step, .. } => {
            o.push_str("(slice");
            for part in [start, stop, step] {
                o.push(' ');
                match part {
                    Some(e) => expr(o, e),
                    None => o.push('_'),
                }
            }
            o.push(')');
        }
    });
    out.push(')');
}

fn attr(out: &mut String, v: &SExpr, name: &Ident) {
    out.push_str("(. ");
    expr(out, v);
    let _ = write!(out, " {})", name.node);
}

fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::Le => "<=",
        CmpOp::Gt => ">",
        CmpOp::Ge => ">=",
        CmpOp::Eq => "==",
        CmpOp::Ne => "!=",
        CmpOp::In => "in",
        CmpOp::NotIn => "not-in",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is-not",
    }
}

fn expr(out: &mut String, e: &SExpr) {
    match &e.node {
        Expr::Int(v) => {
            let _ = write!(out, "{v}");
        }
        Expr::Float(v) => {
            let _ = write!(out, "{v:?}");
        }
        Expr::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Expr::None => out.push_str("None"),
        Expr::Str(s) => {
            let _ = write!(out, "{s:?}");
        }
        Expr::FString(parts) => {
            out.push_str("(f");
            list(out, parts, |o, p| match p {
                FStringPart::Literal(s) => {
                    let _ = write!(o, "{s:?}");
                }
                FStringPart::Expr { expr: x, spec } => {
                    o.push('{');
                    expr(o, x);
                    if let Some(spec) = spec {
                        let _ = write!(o, " :{spec:?}");
                    }
                    o.push('}');
                }
            });
            out.push(')');
        }
        Expr::Ellipsis => out.push_str("..."),
        Expr::Name(n) => out.push_str(n),
        Expr::Tuple(items) => {
            out.push_str("(tuple");
            list(out, items, expr);
            out.push(')');
        }
        Expr::List(items) => {
            out.push_str("(list");
            list(out, items, expr);
            out.push(')');
        }
        Expr::Dict(items) => {
            out.push_str("(dict");
            list(out, items, |o, (k, v)| {
                o.push('(');
                expr(o, k);
                o.push(' ');
                expr(o, v);
                o.push(')');
            });
            out.push(')');
        }
        Expr::Unary(op, x) => {
            let name = match op {
                UnaryOp::Neg => "neg",
                UnaryOp::Pos => "pos",
                UnaryOp::Invert => "~",
                UnaryOp::Not => "not",
            };
            let _ = write!(out, "({name} ");
            expr(out, x);
            out.push(')');
        }
        Expr::Binary(op, a, b) => {
            let _ = write!(out, "({} ", op.symbol());
            expr(out, a);
            out.push(' ');
            expr(out, b);
            out.push(')');
        }
        Expr::Compare(first, rest) => {
            out.push_str("(cmp ");
            expr(out, first);
            for (op, x) in rest {
                let _ = write!(out, " {} ", cmp_symbol(*op));
                expr(out, x);
            }
            out.push(')');
        }
        Expr::BoolOp(op, a, b) => {
            out.push_str(if *op == BoolOp::And { "(and " } else { "(or " });
            expr(out, a);
            out.push(' ');
            expr(out, b);
            out.push(')');
        }
        Expr::IfExp { cond, body, orelse } => {
            out.push_str("(ifexp ");
            expr(out, cond);
            out.push(' ');
            expr(out, body);
            out.push(' ');
            expr(out, orelse);
            out.push(')');
        }
        Expr::Call { func, args } => {
            out.push_str("(call ");
            expr(out, func);
            list(out, args, |o, a| match a {
                Arg::Positional(x) => expr(o, x),
                Arg::Keyword(k, v) => {
                    let _ = write!(o, "(kw {} ", k.node);
                    expr(o, v);
                    o.push(')');
                }
                Arg::Star(x) => {
                    o.push_str("(* ");
                    expr(o, x);
                    o.push(')');
                }
                Arg::StarStar(x) => {
                    o.push_str("(** ");
                    expr(o, x);
                    o.push(')');
                }
            });
            out.push(')');
        }
        Expr::Attr(v, name) => attr(out, v, name),
        Expr::Index(v, items) => index(out, v, items),
        Expr::Lambda { params, body } => {
            out.push_str("(lambda (");
            param_list(out, params);
            out.push_str(") ");
            expr(out, body);
            out.push(')');
        }
        Expr::ListComp { elt, clauses } => {
            out.push_str("(listcomp ");
            expr(out, elt);
            for c in clauses {
                out.push_str(" (for ");
                target(out, &c.target);
                out.push(' ');
                expr(out, &c.iter);
                for cond in &c.conds {
                    out.push_str(" (if ");
                    expr(out, cond);
                    out.push(')');
                }
                out.push(')');
            }
            out.push(')');
        }
    }
}
