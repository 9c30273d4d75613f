//! Contractions and statistics built from them: `einsum`, `tensordot`,
//! `inner`, `kron` here; `cov`, `corrcoef`, `nanvar`, `nanstd` in `stats`.
//! Every one is a composition of existing lazy IR nodes (transpose,
//! broadcast, product, sum), so it chunks, fuses and stays memory-bounded
//! like `matmul`; `contract` holds the shared contraction engine.

mod contract;
mod stats;
mod to_matmul;

use super::convert::*;
use super::{Args, Builtin, Module};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value};
use crate::ir::ops::BinaryFn;
use crate::ir::{NodeRef, build};
use contract::{Label, Operand, contract, parse_subscripts};

fn einsum(_: &mut Interp, a: &mut Args) -> R<Value> {
    let (subs, subs_span) = a.get("subscripts");
    let Value::Str(text) = &subs else {
        return Err(Diagnostic::new(
            ErrorKind::Type,
            format!("einsum subscripts must be a string, got {}", subs.type_name()),
            subs_span,
        )
        .with_hint("write the subscripts as a string, e.g. einsum('ij,jk->ik', a, b)"));
    };
    let arrays =
        a.varargs.iter().map(|(v, span)| to_array(v, *span)).collect::<R<Vec<NodeRef>>>()?;
    let ndims: Vec<usize> = arrays.iter().map(|x| x.ndim()).collect();
    let parsed = parse_subscripts(text, &ndims).map_err(|d| d.or_span(subs_span))?;
    let operands =
        arrays.into_iter().zip(parsed.inputs).map(|(x, labels)| Operand { x, labels }).collect();
    Ok(Value::Array(contract(operands, &parsed.output).map_err(|d| d.or_span(subs_span))?))
}

/// `tensordot`'s `axes`: an int N (the last N axes of `a` with the first N
/// of `b`) or a pair of axis lists (or single axes).
fn tensordot_axes(v: &Value, span: Span, nda: usize, ndb: usize) -> R<(Vec<usize>, Vec<usize>)> {
    let index_err = |msg: String| Diagnostic::new(ErrorKind::Index, msg, span);
    let norm = |ax: i64, nd: usize, which: &str| -> R<usize> {
        let n = nd as i64;
        if ax < -n || ax >= n {
            return Err(index_err(format!(
                "tensordot: axis {ax} is out of bounds for the {which} array, which has {nd} \
                 dimensions"
            )));
        }
        Ok(if ax < 0 { (ax + n) as usize } else { ax as usize })
    };
    let list = |v: &Value| -> R<Vec<i64>> {
        match v.sequence().filter(|_| matches!(v, Value::Tuple(_) | Value::List(_))) {
            Some(items) => items.iter().map(|i| to_int(i, span, "each axis")).collect(),
            None => Ok(vec![to_int(v, span, "axes")?]),
        }
    };
    let (axes_a, axes_b): (Vec<i64>, Vec<i64>) = match v {
        Value::Int(_) | Value::Bool(_) => {
            // NumPy: range(-N, 0) and range(0, N), both empty for N <= 0.
            let n = to_int(v, span, "axes")?.max(0);
            if n as usize > nda.min(ndb) {
                return Err(index_err(format!(
                    "tensordot: axes={n} needs {n} dimensions in both arrays, which have {nda} \
                     and {ndb}"
                )));
            }
            ((-n..0).collect(), (0..n).collect())
        }
        Value::Tuple(_) | Value::List(_) => match v.sequence().as_deref() {
            Some([x, y]) => (list(x)?, list(y)?),
            _ => {
                return Err(Diagnostic::new(
                    ErrorKind::Value,
                    "tensordot axes must be an int or a pair of axis lists",
                    span,
                ));
            }
        },
        other => {
            return Err(Diagnostic::new(
                ErrorKind::Type,
                format!(
                    "tensordot axes must be an int or a pair of axis lists, got {}",
                    other.type_name()
                ),
                span,
            ));
        }
    };
    if axes_a.len() != axes_b.len() {
        return Err(Diagnostic::new(ErrorKind::Value, "shape-mismatch for sum", span).with_hint(
            format!("{} axes of the first array against {}", axes_a.len(), axes_b.len()),
        ));
    }
    let axes_a = axes_a.iter().map(|&x| norm(x, nda, "first")).collect::<R<Vec<_>>>()?;
    let axes_b = axes_b.iter().map(|&x| norm(x, ndb, "second")).collect::<R<Vec<_>>>()?;
    for axes in [&axes_a, &axes_b] {
        if (1..axes.len()).any(|i| axes[..i].contains(&axes[i])) {
            return Err(Diagnostic::new(
                ErrorKind::Value,
                "duplicate axes are not allowed in tensordot",
                span,
            ));
        }
    }
    Ok((axes_a, axes_b))
}

fn tensordot(_: &mut Interp, a: &mut Args) -> R<Value> {
    let x = to_array(&a.value("a"), a.span("a"))?;
    let y = to_array(&a.value("b"), a.span("b"))?;
    let span = a.span("axes");
    let (axes_a, axes_b) = tensordot_axes(&a.value("axes"), span, x.ndim(), y.ndim())?;
    for (&i, &j) in axes_a.iter().zip(&axes_b) {
        if x.shape[i] != y.shape[j] {
            return Err(Diagnostic::new(ErrorKind::Shape, "shape-mismatch for sum", span)
                .with_hint(format!(
                    "axis {i} of the first array has length {} but axis {j} of the second has {}",
                    x.shape[i], y.shape[j]
                )));
        }
    }
    // Axis i of `a` is label i; a free axis j of `b` is label nda + j; a
    // summed axis of `b` takes the label of its partner in `a`.
    let nda = x.ndim() as Label;
    let labels_a: Vec<Label> = (0..nda).collect();
    let labels_b: Vec<Label> = (0..y.ndim())
        .map(|j| match axes_b.iter().position(|&b| b == j) {
            Some(k) => axes_a[k] as Label,
            None => nda + j as Label,
        })
        .collect();
    let output: Vec<Label> = labels_a
        .iter()
        .filter(|&&l| !axes_a.contains(&(l as usize)))
        .chain(labels_b.iter().filter(|&&l| l >= nda))
        .copied()
        .collect();
    let operands = vec![Operand { x, labels: labels_a }, Operand { x: y, labels: labels_b }];
    Ok(Value::Array(contract(operands, &output).map_err(|d| d.or_span(a.call_span))?))
}

/// `a` and `b` of inner/kron as arrays, or `Err(product)` when either is
/// 0-d: NumPy then just multiplies.
fn array_pair(interp: &mut Interp, a: &Args) -> R<Result<(Value, NodeRef, NodeRef), Value>> {
    let (xv, xs) = a.get("a");
    let (yv, ys) = a.get("b");
    let (x, y) = (to_array(&xv, xs)?, to_array(&yv, ys)?);
    if x.ndim() == 0 || y.ndim() == 0 {
        let product = crate::interp::ops::binary_values(
            interp,
            BinaryFn::Mul,
            &xv,
            xs,
            &yv,
            ys,
            a.call_span,
        )?;
        return Ok(Err(product));
    }
    Ok(Ok((xv, x, y)))
}

fn inner(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (xv, x, y) = match array_pair(interp, a)? {
        Ok(pair) => pair,
        Err(product) => return Ok(product),
    };
    let (kx, ky) = (x.shape[x.ndim() - 1], y.shape[y.ndim() - 1]);
    if kx != ky {
        return Err(Diagnostic::new(
            ErrorKind::Shape,
            format!(
                "shapes {} and {} not aligned: {kx} (dim {}) != {ky} (dim {})",
                build::shape_str(&x.shape),
                build::shape_str(&y.shape),
                x.ndim() - 1,
                y.ndim() - 1
            ),
            a.call_span,
        ));
    }
    let nda = x.ndim() as Label;
    let summed = nda - 1;
    let labels_a: Vec<Label> = (0..nda).collect();
    let labels_b: Vec<Label> =
        (0..y.ndim() as Label - 1).map(|j| nda + j).chain(std::iter::once(summed)).collect();
    let output: Vec<Label> = (0..summed).chain(nda..nda + y.ndim() as Label - 1).collect();
    let operands = vec![Operand { x, labels: labels_a }, Operand { x: y, labels: labels_b }];
    let node = contract(operands, &output).map_err(|d| d.or_span(a.call_span))?;
    interp.scalar_or_array(&xv, node, a.call_span)
}

fn kron(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let (_, x, y) = match array_pair(interp, a)? {
        Ok(pair) => pair,
        Err(product) => return Ok(product),
    };
    // Both padded to the same rank with leading 1s, then interleaved as
    // (a0, 1, a1, 1, ...) and (1, b0, 1, b1, ...): their product, reshaped,
    // is the block matrix a[i] * b.
    let nd = x.ndim().max(y.ndim());
    let padded = |n: &NodeRef| -> Vec<i64> {
        std::iter::repeat_n(1, nd - n.ndim()).chain(n.shape.iter().map(|&d| d as i64)).collect()
    };
    let (sa, sb) = (padded(&x), padded(&y));
    let spread_a: Vec<i64> = sa.iter().flat_map(|&d| [d, 1]).collect();
    let spread_b: Vec<i64> = sb.iter().flat_map(|&d| [1, d]).collect();
    let err = |d: Diagnostic| d.or_span(a.call_span);
    let product = build::binary(
        BinaryFn::Mul,
        &build::reshape(&x, &spread_a).map_err(err)?,
        &build::reshape(&y, &spread_b).map_err(err)?,
    )
    .map_err(err)?;
    let shape: Vec<i64> = sa.iter().zip(&sb).map(|(p, q)| p * q).collect();
    Ok(Value::Array(build::reshape(&product, &shape).map_err(err)?))
}

pub(super) const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "einsum",
        module: Module::Root,
        signature: "einsum(subscripts, *operands, optimize=False)",
        doc: "Einstein summation: `'ij,jk->ik'` multiplies the operands with their axes matched \
              by letter and sums the letters missing from the output. Without `->` the output \
              is every letter used once, in alphabetical order. A letter repeated in one \
              operand takes its diagonal (`'ii->i'`); `...` stands for broadcast axes. Integer \
              operands give integers. All operands are multiplied in one lazy product and \
              summed once (`optimize` is accepted and ignored).",
        examples: &[
            "einsum('ij,jk->ik', arange(6).reshape(2, 3), arange(6).reshape(3, 2))",
            "einsum('ii', arange(9).reshape(3, 3))",
            "einsum('ij->ji', arange(6).reshape(2, 3))",
            "einsum('...i,...i', ones((2, 3)), ones((4, 1, 3))).shape",
        ],
        method: false,
        imp: einsum,
    },
    Builtin {
        name: "tensordot",
        module: Module::Root,
        signature: "tensordot(a, b, axes=2)",
        doc: "Sum of products over the given axes: `axes=N` pairs the last N axes of `a` with \
              the first N of `b`; `axes=(axes_a, axes_b)` names them. The result has the free \
              axes of `a`, then those of `b`.",
        examples: &[
            "tensordot(arange(24).reshape(2, 3, 4), arange(12).reshape(3, 4), axes=2)",
            "tensordot(ones((2, 3)), ones((3, 2)), axes=([1], [0]))",
            "tensordot(array([1, 2]), array([3, 4]), axes=0)",
        ],
        method: false,
        imp: tensordot,
    },
    Builtin {
        name: "inner",
        module: Module::Root,
        signature: "inner(a, b)",
        doc: "Inner product over the last axes of `a` and `b` (a number times an array for \
              scalars); the result has the other axes of `a`, then those of `b`.",
        examples: &[
            "inner(array([1, 2, 3]), array([4, 5, 6]))",
            "inner(ones((2, 3)), ones((4, 3)))",
        ],
        method: false,
        imp: inner,
    },
    Builtin {
        name: "kron",
        module: Module::Root,
        signature: "kron(a, b)",
        doc: "Kronecker product: the block array whose blocks are `a[i, j] * b`.",
        examples: &["kron(array([1, 10]), array([1, 2, 3]))", "kron(eye(2), ones((2, 2)))"],
        method: false,
        imp: kron,
    },
    stats::COV,
    stats::CORRCOEF,
    stats::NANVAR,
    stats::NANSTD,
];
