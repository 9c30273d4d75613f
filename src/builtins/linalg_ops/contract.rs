//! The one contraction engine behind `einsum`, `tensordot` and `inner`, and
//! the parser of einsum subscripts.
//!
//! A contraction is a list of operands, each with a label per axis, and the
//! labels of the output. It is built from lazy IR nodes only: repeated labels
//! within an operand become a diagonal, every operand is transposed and given
//! length-1 axes so all share one axis order, the operands are multiplied with
//! broadcasting and the labels missing from the output are summed away. The
//! executor evaluates the sum over the broadcast product piece by piece, so a
//! contraction over a large axis never holds the full product in memory (this
//! is how products that are not matrix products work; those that are go to
//! one GEMM, `to_matmul`). Several operands are multiplied in one product
//! and summed once, as NumPy's `einsum` does without `optimize`.

use super::super::convert::R;
use super::super::layout::diagonal_node;
use crate::diag::{Diagnostic, ErrorKind};
use crate::ir::ops::{BinaryFn, ReduceOp};
use crate::ir::{AxisSel, NodeRef, build};
use std::collections::HashMap;

/// An axis label. Einsum letters are `LETTER_BASE + ascii code`; the axes
/// covered by `...` are `0, 1, ...` from the left of the broadcast
/// ellipsis, so sorting labels puts ellipsis axes first and then letters in
/// ASCII order (upper case before lower case), which is NumPy's implicit
/// output order. `tensordot` and `inner` number their axes freely.
pub type Label = u32;

pub const LETTER_BASE: Label = 1 << 16;

fn value_err(msg: impl Into<String>) -> Diagnostic {
    Diagnostic::global(ErrorKind::Value, msg)
}

/// How a label reads in messages: the letter, or its place in `...`.
pub fn label_name(l: Label) -> String {
    if l >= LETTER_BASE {
        format!("'{}'", char::from_u32(l - LETTER_BASE).unwrap_or('?'))
    } else {
        format!("'...' axis {l}")
    }
}

/// One operand of a contraction.
pub struct Operand {
    pub x: NodeRef,
    pub labels: Vec<Label>,
}

/// Contracts `operands` into an array whose axes carry `output`'s labels
/// (distinct, each present in some operand: checked by the callers). Labels
/// of equal length, or of length 1 against any length, broadcast.
pub fn contract(operands: Vec<Operand>, output: &[Label]) -> R<NodeRef> {
    let operands =
        operands.into_iter().enumerate().map(|(k, op)| diagonals(op, k)).collect::<R<Vec<_>>>()?;
    check_label_sizes(&operands)?;
    if let [a, b] = operands.as_slice()
        && let Some(product) = super::to_matmul::as_matmul(a, b, output)?
    {
        return Ok(product);
    }
    let order = axis_order(&operands, output);
    let mut product: Option<NodeRef> = None;
    for op in &operands {
        let aligned = align(op, &order)?;
        product = Some(match product {
            None => aligned,
            Some(p) => build::binary(BinaryFn::Mul, &p, &aligned)?,
        });
    }
    let product = match product {
        Some(p) => p,
        None => return Err(value_err("no operands to contract")),
    };
    let summed: Vec<usize> = (0..order.len()).filter(|&a| !output.contains(&order[a])).collect();
    let out = if summed.is_empty() {
        product.clone()
    } else {
        // Sums of small integers and bools run in int64 and are cast back, as
        // NumPy accumulates in the operands' own type (bool: logical or).
        build::cast(&build::reduce(&product, ReduceOp::Sum, summed, false)?, product.dtype)
    };
    let kept: Vec<Label> = order.iter().copied().filter(|l| output.contains(l)).collect();
    let perm: Vec<usize> = output
        .iter()
        .map(|l| kept.iter().position(|k| k == l).ok_or_else(|| value_err("output label lost")))
        .collect::<R<_>>()?;
    build::transpose(&out, perm)
}

/// Replaces each label repeated within one operand by the diagonal over its
/// axes (`ii` → the diagonal, labelled `i`), as NumPy does.
fn diagonals(mut op: Operand, k: usize) -> R<Operand> {
    loop {
        let repeat = (0..op.labels.len()).find_map(|p| {
            (p + 1..op.labels.len()).find(|&q| op.labels[q] == op.labels[p]).map(|q| (p, q))
        });
        let Some((p, q)) = repeat else { return Ok(op) };
        let (m, n) = (op.x.shape[p], op.x.shape[q]);
        if m != n {
            return Err(value_err(format!(
                "dimensions in operand {k} for collapsing index {} don't match ({m} != {n})",
                label_name(op.labels[p])
            )));
        }
        let label = op.labels[p];
        op.x = diagonal_node(&op.x, 0, p, q)?;
        op.labels.remove(q);
        op.labels.remove(p);
        op.labels.push(label);
    }
}

/// Checks that the operands agree on the length of every label (equal
/// lengths, or 1, which broadcasts).
fn check_label_sizes(operands: &[Operand]) -> R<()> {
    let mut sizes: HashMap<Label, (usize, usize)> = HashMap::new();
    for (k, op) in operands.iter().enumerate() {
        for (&l, &n) in op.labels.iter().zip(&op.x.shape) {
            let entry = sizes.entry(l).or_insert((n, k));
            if entry.0 == 1 {
                *entry = (n, k);
            } else if n != 1 && n != entry.0 {
                return Err(Diagnostic::global(
                    ErrorKind::Shape,
                    format!(
                        "operands could not be broadcast together: subscript {} has length {} in \
                         operand {} and {n} in operand {k}",
                        label_name(l),
                        entry.0,
                        entry.1
                    ),
                )
                .with_hint(format!(
                    "operand {} has shape {} and operand {k} has shape {}",
                    entry.1,
                    build::shape_str(&operands[entry.1].x.shape),
                    build::shape_str(&op.x.shape)
                )));
            }
        }
    }
    Ok(())
}

/// The axis order of the broadcast product: each operand's axes keep their
/// own relative order where the operands allow it (so `ij,jk` runs as
/// `i, j, k`, like `matmul`, reading no operand transposed), ties going to
/// the output's order and then to summed labels in order of appearance;
/// and an output axis innermost.
fn axis_order(operands: &[Operand], output: &[Label]) -> Vec<Label> {
    let mut priority: Vec<Label> = output.to_vec();
    for op in operands {
        for &l in &op.labels {
            if !priority.contains(&l) {
                priority.push(l);
            }
        }
    }
    // Kahn's topological sort over "comes before" edges between neighbouring
    // axes of each operand; on a cycle (`ij,ji`) the best-ranked label goes.
    let mut before: Vec<(Label, Label)> = Vec::new();
    for op in operands {
        for w in op.labels.windows(2) {
            before.push((w[0], w[1]));
        }
    }
    let mut order = Vec::with_capacity(priority.len());
    let mut left = priority.clone();
    while !left.is_empty() {
        let ready = left
            .iter()
            .position(|l| !before.iter().any(|(a, b)| b == l && left.contains(a)))
            .unwrap_or(0);
        order.push(left.remove(ready));
    }
    // The innermost axis is best an output one: the sum then adds whole
    // rows of the product at once (vectorized), where summing the innermost
    // axis folds one lane at a time, several times slower even than reading
    // an operand transposed (`inner(a, b)` runs as `a @ b.T`).
    if let Some(pos) = order.iter().rposition(|l| output.contains(l)) {
        let last = order.remove(pos);
        order.push(last);
    }
    order
}

/// `op` transposed into `order` with length-1 axes for the labels it lacks.
fn align(op: &Operand, order: &[Label]) -> R<NodeRef> {
    let mut perm: Vec<usize> = (0..op.labels.len()).collect();
    perm.sort_by_key(|&a| order.iter().position(|l| *l == op.labels[a]));
    let t = build::transpose(&op.x, perm)?;
    let sels = order
        .iter()
        .map(|l| match op.labels.iter().position(|m| m == l) {
            Some(a) => AxisSel::Range { start: 0, step: 1, len: op.x.shape[a] },
            None => AxisSel::NewAxis,
        })
        .collect();
    build::slice(&t, sels)
}

/// Parsed einsum subscripts: labels per operand and of the output.
pub struct Subscripts {
    pub inputs: Vec<Vec<Label>>,
    pub output: Vec<Label>,
}

/// One term of the subscripts: its letters and where `...` sits, if present.
struct Term {
    letters: Vec<Label>,
    ellipsis: Option<usize>,
}

fn parse_term(text: &str, what: &str) -> R<Term> {
    let mut letters = Vec::new();
    let mut ellipsis = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b' ' {
            i += 1;
        } else if c == b'.' {
            if !text[i..].starts_with("...") {
                return Err(value_err(format!(
                    "einsum subscripts contain a '.' that is not part of an ellipsis ('...') in \
                     {what}"
                )));
            }
            if ellipsis.is_some() {
                return Err(value_err(format!(
                    "einsum subscripts contain more than one ellipsis ('...') in {what}"
                )));
            }
            ellipsis = Some(letters.len());
            i += 3;
        } else if c.is_ascii_alphabetic() {
            letters.push(LETTER_BASE + c as Label);
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or('?');
            return Err(value_err(format!(
                "invalid subscript '{ch}' in einsum subscripts, subscripts must be letters"
            )));
        }
    }
    Ok(Term { letters, ellipsis })
}

/// Parses `subscripts` for operands of the given numbers of dimensions.
pub fn parse_subscripts(subscripts: &str, ndims: &[usize]) -> R<Subscripts> {
    let (inputs_text, output_text) = match subscripts.split_once("->") {
        Some((i, o)) => (i, Some(o)),
        None => (subscripts, None),
    };
    if output_text.is_some_and(|o| o.contains("->")) {
        return Err(value_err("einsum subscripts may contain '->' only once"));
    }
    let texts: Vec<&str> = inputs_text.split(',').collect();
    if texts.len() < ndims.len() {
        return Err(value_err(format!(
            "more operands ({}) given to einsum than the subscripts name ({})",
            ndims.len(),
            texts.len()
        )));
    }
    if texts.len() > ndims.len() {
        return Err(value_err(format!(
            "fewer operands ({}) given to einsum than the subscripts name ({})",
            ndims.len(),
            texts.len()
        )));
    }
    let terms = texts
        .iter()
        .enumerate()
        .map(|(k, t)| parse_term(t, &format!("operand {k}")))
        .collect::<R<Vec<_>>>()?;
    // Axes under `...`, per operand, and the broadcast number of them.
    let mut spans = Vec::with_capacity(terms.len());
    for (k, (term, &nd)) in terms.iter().zip(ndims).enumerate() {
        if term.letters.len() > nd {
            return Err(value_err(format!(
                "einsum subscripts name {} axes for operand {k}, which has {nd}",
                term.letters.len()
            )));
        }
        if term.ellipsis.is_none() && term.letters.len() < nd {
            return Err(value_err(format!(
                "operand {k} has {nd} dimensions but its subscripts name {}, with no '...' to \
                 cover the others",
                term.letters.len()
            ))
            .with_hint("add '...' to broadcast over the extra dimensions"));
        }
        spans.push(nd - term.letters.len());
    }
    let n_ellipsis = spans.iter().copied().max().unwrap_or(0) as Label;
    let inputs: Vec<Vec<Label>> = terms
        .iter()
        .zip(&spans)
        .map(|(term, &covered)| {
            let mut labels = term.letters.clone();
            if let Some(at) = term.ellipsis {
                // Right-aligned, as broadcasting aligns shapes.
                let first = n_ellipsis - covered as Label;
                labels.splice(at..at, first..n_ellipsis);
            }
            labels
        })
        .collect();
    let output = match output_text {
        Some(text) => {
            let term = parse_term(text, "the output")?;
            let mut output = term.letters.clone();
            match term.ellipsis {
                Some(at) => {
                    output.splice(at..at, 0..n_ellipsis);
                }
                None if n_ellipsis > 0 => {
                    return Err(value_err(
                        "the output subscripts have no '...' but the operands have axes under \
                         '...'",
                    )
                    .with_hint("add '...' to the output, e.g. '...ij->...i'"));
                }
                None => {}
            }
            for (i, l) in output.iter().enumerate() {
                if output[..i].contains(l) {
                    return Err(value_err(format!(
                        "einsum output subscript {} appears more than once",
                        label_name(*l)
                    )));
                }
                if !inputs.iter().any(|labels| labels.contains(l)) {
                    return Err(value_err(format!(
                        "einsum output subscript {} does not appear in any operand",
                        label_name(*l)
                    )));
                }
            }
            output
        }
        None => {
            // Implicit output: the `...` axes, then every letter used once,
            // in alphabetical (ASCII) order.
            let mut counts: HashMap<Label, usize> = HashMap::new();
            for labels in &inputs {
                for &l in labels {
                    *counts.entry(l).or_default() += 1;
                }
            }
            let mut output: Vec<Label> = (0..n_ellipsis).collect();
            let mut once: Vec<Label> = counts
                .into_iter()
                .filter(|&(l, n)| n == 1 && l >= LETTER_BASE)
                .map(|(l, _)| l)
                .collect();
            once.sort_unstable();
            output.extend(once);
            output
        }
    };
    Ok(Subscripts { inputs, output })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(s: &str) -> Vec<Label> {
        s.bytes().map(|c| LETTER_BASE + c as Label).collect()
    }

    #[test]
    fn implicit_output_is_alphabetical_with_ellipsis_first() {
        let s = parse_subscripts("ij,jk", &[2, 2]).unwrap();
        assert_eq!(s.output, letters("ik"));
        let s = parse_subscripts("AaB", &[3]).unwrap();
        assert_eq!(s.output, letters("ABa"));
        let s = parse_subscripts("...i,...i", &[2, 3]).unwrap();
        assert_eq!(s.output, vec![0, 1]);
        assert_eq!(s.inputs[0], vec![1, LETTER_BASE + b'i' as Label]);
    }

    #[test]
    fn bad_subscripts_are_errors() {
        for (s, nd) in [
            ("ij->k", &[2][..]),
            ("ij->ii", &[2]),
            ("ij,jk", &[2]),
            ("i1", &[2]),
            ("ijk", &[2]),
            ("i", &[2]),
            ("i..j", &[2]),
            ("...i->i", &[3]),
            ("i->i->i", &[1]),
        ] {
            assert!(parse_subscripts(s, nd).is_err(), "{s}");
        }
    }

    #[test]
    fn axis_order_follows_the_operands() {
        let ops = |a: &str, b: &str| {
            let x = build::scalar(crate::ir::Scalar::Int(0), crate::array::DType::Int64);
            vec![Operand { x: x.clone(), labels: letters(a) }, Operand { x, labels: letters(b) }]
        };
        assert_eq!(axis_order(&ops("ij", "jk"), &letters("ik")), letters("ijk"));
        assert_eq!(axis_order(&ops("bij", "bjk"), &letters("bik")), letters("bijk"));
        assert_eq!(axis_order(&ops("ij", "j"), &letters("i")), letters("ji"));
        assert_eq!(axis_order(&ops("ik", "jk"), &letters("ij")), letters("ikj"));
        assert_eq!(axis_order(&ops("ij", "ji"), &letters("")), letters("ij"));
    }
}
