//! Slice pushdown: moves basic indexing toward the sources.
//!
//! `mean(x, axis=0)[::100]` becomes `mean(x[:, ::100], axis=0)`, and a
//! slice that reaches a generator (random, arange, full, eye...) is folded
//! into the generator's view, so only the selected elements are ever
//! produced. Rules: slice∘slice composes; a slice passes through
//! elementwise operations (each input sliced the same way, broadcast axes
//! kept at length 1), through reductions when it only selects kept axes,
//! and through transposes; it folds into generators, and so does a
//! transpose of a generator.

use super::Pass;
use crate::ir::build;
use crate::ir::{AxisSel, NodeRef, Op, SourceView, ViewAxis};

pub struct SlicePushdown;

impl Pass for SlicePushdown {
    fn name(&self) -> &'static str {
        "slice-pushdown"
    }

    fn rewrite(&self, root: &NodeRef) -> NodeRef {
        super::rewrite_bottom_up(root, &|n| match &n.op {
            Op::Slice(sels) => push(&n.inputs[0], sels),
            Op::Transpose(perm) => transpose_generator(&n.inputs[0], perm),
            _ => None,
        })
    }
}

/// Tries to move `x[sels]` below `x`; `None` when no rule applies.
fn push(x: &NodeRef, sels: &[AxisSel]) -> Option<NodeRef> {
    match &x.op {
        Op::Slice(inner) => {
            let composed = compose(inner, sels);
            let s = build::slice(&x.inputs[0], composed).ok()?;
            Some(match &s.op {
                Op::Slice(c) => push(&s.inputs[0], c).unwrap_or(s.clone()),
                _ => s,
            })
        }
        Op::Generate(..) | Op::Read(..) => {
            let probe = build::slice(x, sels.to_vec()).ok()?;
            let view = slice_view(source_view(&x.op)?, sels);
            Some(crate::ir::intern(
                with_view(&x.op, view)?,
                vec![],
                probe.shape.clone(),
                x.dtype,
                probe.chunks.clone(),
            ))
        }
        // A lookup maps each element on its own, like an elementwise op.
        op if (op.is_elementwise() && !matches!(op, Op::Fused(_)))
            || matches!(op, Op::Lookup { .. }) =>
        {
            let mut inputs = Vec::with_capacity(x.inputs.len());
            for input in &x.inputs {
                if input.ndim() == 0 {
                    inputs.push(input.clone());
                    continue;
                }
                let s = input_sels(input, &x.shape, sels);
                let sliced = build::slice(input, s).ok()?;
                inputs.push(match &sliced.op {
                    Op::Slice(c) => push(&sliced.inputs[0], c).unwrap_or(sliced.clone()),
                    _ => sliced,
                });
            }
            let pushed = super::rebuild(x, inputs);
            // A selection that only adds axes to 0-d operands cannot move below them.
            let expected = build::slice(x, sels.to_vec()).ok()?;
            (pushed.shape == expected.shape).then_some(pushed)
        }
        Op::Reduce { op, axes, keepdims }
            if !keepdims && !sels.iter().any(|s| matches!(s, AxisSel::NewAxis)) =>
        {
            let input = &x.inputs[0];
            let mut in_sels = Vec::with_capacity(input.ndim());
            let mut k = 0;
            for a in 0..input.ndim() {
                if axes.contains(&a) {
                    in_sels.push(AxisSel::Range { start: 0, step: 1, len: input.shape[a] });
                } else {
                    in_sels.push(sels[k]);
                    k += 1;
                }
            }
            let new_axes: Vec<usize> = axes
                .iter()
                .map(|&a| {
                    a - in_sels[..a].iter().filter(|s| matches!(s, AxisSel::Index(_))).count()
                })
                .collect();
            let sliced = build::slice(input, in_sels).ok()?;
            let sliced = match &sliced.op {
                Op::Slice(c) => push(&sliced.inputs[0], c).unwrap_or(sliced.clone()),
                _ => sliced,
            };
            build::reduce(&sliced, *op, new_axes, false).ok()
        }
        Op::Transpose(perm) if !sels.iter().any(|s| matches!(s, AxisSel::NewAxis)) => {
            let input = &x.inputs[0];
            let mut in_sels = vec![AxisSel::NewAxis; perm.len()];
            for (i, &p) in perm.iter().enumerate() {
                in_sels[p] = sels[i];
            }
            // Surviving input axes, renumbered, in output order.
            let survivors: Vec<usize> =
                (0..perm.len()).filter(|&a| !matches!(in_sels[a], AxisSel::Index(_))).collect();
            let new_perm: Vec<usize> = perm
                .iter()
                .filter(|&&p| !matches!(in_sels[p], AxisSel::Index(_)))
                .map(|p| survivors.iter().position(|s| s == p).expect("survivor"))
                .collect();
            let sliced = build::slice(input, in_sels).ok()?;
            let sliced = match &sliced.op {
                Op::Slice(c) => push(&sliced.inputs[0], c).unwrap_or(sliced.clone()),
                _ => sliced,
            };
            build::transpose(&sliced, new_perm).ok()
        }
        _ => None,
    }
}

/// The view of a source that produces any sub-region directly (a
/// generator or a file read).
fn source_view(op: &Op) -> Option<&SourceView> {
    match op {
        Op::Generate(_, view) | Op::Read(_, view) => Some(view),
        _ => None,
    }
}

/// The same source seen through another view.
fn with_view(op: &Op, view: SourceView) -> Option<Op> {
    match op {
        Op::Generate(g, _) => Some(Op::Generate(g.clone(), view)),
        Op::Read(s, _) => Some(Op::Read(s.clone(), view)),
        _ => None,
    }
}

/// A transposed source is the source with its view's axes permuted:
/// `random(...).T` then produces its elements directly in transposed
/// order, and a transposed file array reads its hyperslab untransposed.
fn transpose_generator(x: &NodeRef, perm: &[usize]) -> Option<NodeRef> {
    let view = source_view(&x.op)?;
    let mut v = view.clone();
    v.axes = perm.iter().map(|&p| view.axes[p]).collect();
    let shape = perm.iter().map(|&p| x.shape[p]).collect();
    let chunks = perm.iter().map(|&p| x.chunks[p].clone()).collect();
    Some(crate::ir::intern(with_view(&x.op, v)?, vec![], shape, x.dtype, chunks))
}

/// The selection applied to one input of an elementwise node of
/// `out_shape`: missing leading axes become length-1 axes, broadcast axes
/// stay length 1.
fn input_sels(input: &NodeRef, out_shape: &[usize], sels: &[AxisSel]) -> Vec<AxisSel> {
    let off = out_shape.len() - input.ndim();
    let mut out = Vec::new();
    let mut axis = 0;
    for s in sels {
        if let AxisSel::NewAxis = s {
            out.push(AxisSel::NewAxis);
            continue;
        }
        let a = axis;
        axis += 1;
        if a < off {
            if let AxisSel::Range { .. } = s {
                out.push(AxisSel::NewAxis);
            }
            continue;
        }
        let j = a - off;
        let broadcast = input.shape[j] == 1 && out_shape[a] != 1;
        out.push(match (s, broadcast) {
            (AxisSel::Range { .. }, true) => AxisSel::Range { start: 0, step: 1, len: 1 },
            (AxisSel::Index(_), true) => AxisSel::Index(0),
            (s, _) => *s,
        });
    }
    out
}

/// `(x[inner])[outer]` as one selection on `x`.
fn compose(inner: &[AxisSel], outer: &[AxisSel]) -> Vec<AxisSel> {
    let mut out = Vec::new();
    let mut o = outer.iter();
    for s in inner {
        match *s {
            AxisSel::Index(i) => out.push(AxisSel::Index(i)),
            AxisSel::Range { start, step, .. } => {
                // Outer NewAxis entries before this axis pass through.
                loop {
                    match o.next() {
                        Some(AxisSel::NewAxis) => out.push(AxisSel::NewAxis),
                        Some(AxisSel::Range { start: s2, step: st2, len }) => {
                            out.push(AxisSel::Range {
                                start: start + s2 * step,
                                step: step * st2,
                                len: *len,
                            });
                            break;
                        }
                        Some(AxisSel::Index(i)) => {
                            out.push(AxisSel::Index((start + *i as i64 * step) as usize));
                            break;
                        }
                        None => {
                            out.push(*s);
                            break;
                        }
                    }
                }
            }
            AxisSel::NewAxis => match o.next() {
                Some(AxisSel::Index(_)) => {}
                Some(AxisSel::Range { .. }) => out.push(AxisSel::NewAxis),
                Some(AxisSel::NewAxis) => {
                    out.push(AxisSel::NewAxis);
                    out.push(AxisSel::NewAxis);
                }
                None => out.push(AxisSel::NewAxis),
            },
        }
    }
    out.extend(o.copied());
    out
}

/// Applies a selection to a generator view.
fn slice_view(view: &SourceView, sels: &[AxisSel]) -> SourceView {
    let mut axes = Vec::new();
    let mut fixed = view.fixed.clone();
    let mut k = 0;
    for s in sels {
        match *s {
            AxisSel::NewAxis => axes.push(ViewAxis { base: None, start: 0, step: 1 }),
            AxisSel::Range { start, step, .. } => {
                let va = view.axes[k];
                k += 1;
                axes.push(match va.base {
                    Some(_) => ViewAxis {
                        base: va.base,
                        start: va.start + start * va.step,
                        step: va.step * step,
                    },
                    None => va,
                });
            }
            AxisSel::Index(i) => {
                let va = view.axes[k];
                k += 1;
                if let Some(b) = va.base {
                    fixed.push((b, (va.start + i as i64 * va.step) as usize));
                }
            }
        }
    }
    fixed.sort_unstable();
    SourceView { base_shape: view.base_shape.clone(), axes, fixed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_ranges_and_indices() {
        let inner = [AxisSel::Range { start: 2, step: 3, len: 10 }, AxisSel::Index(4)];
        let outer = [AxisSel::Range { start: 1, step: 2, len: 4 }];
        assert_eq!(
            compose(&inner, &outer),
            vec![AxisSel::Range { start: 5, step: 6, len: 4 }, AxisSel::Index(4)]
        );
        let outer = [AxisSel::NewAxis, AxisSel::Index(3)];
        assert_eq!(
            compose(&inner, &outer),
            vec![AxisSel::NewAxis, AxisSel::Index(11), AxisSel::Index(4)]
        );
    }
}
