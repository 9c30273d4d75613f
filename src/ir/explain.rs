//! `explain`: the optimized plan as an indented tree, one operation per
//! line with dtype, shape and chunk grid; fused kernels list their
//! instructions, generators show which part of their logical array they
//! produce (a pushed-down slice appears there as `view[...]`), and a
//! reduction that runs in column strips (`exec/strips.rs`) says so. The first
//! line gives the number of tasks and the memory estimate.

use super::{AxisSel, Generator, NodeRef, Op, SourceView};
use crate::display::format_bytes;
use crate::exec::plan::per_task_bytes;
use std::collections::HashMap;
use std::fmt::Write;

pub(super) fn grid(n: &NodeRef) -> String {
    if n.ndim() == 0 {
        return "()".into();
    }
    let cs: Vec<String> = n.chunksize().iter().map(|c| c.to_string()).collect();
    let nb: Vec<String> = n.numblocks().iter().map(|c| c.to_string()).collect();
    format!("({}) × ({})", cs.join(", "), nb.join(", "))
}

fn slice_text(sels: &[AxisSel]) -> String {
    let parts: Vec<String> = sels
        .iter()
        .map(|s| match *s {
            AxisSel::Index(i) => i.to_string(),
            AxisSel::NewAxis => "None".into(),
            AxisSel::Range { start, step, len } => range_text(start, step, len),
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

fn range_text(start: i64, step: i64, len: usize) -> String {
    let stop = start + step * len as i64;
    match (start, step) {
        (0, 1) => format!(":{stop}"),
        (0, s) => format!("::{s}"),
        (a, 1) => format!("{a}:{stop}"),
        (a, s) => format!("{a}::{s}"),
    }
}

fn view_text(v: &SourceView) -> String {
    if v.is_identity() {
        return String::new();
    }
    let mut per_base: Vec<String> = v.base_shape.iter().map(|_| ":".to_string()).collect();
    for a in &v.axes {
        if let Some(b) = a.base {
            per_base[b] = match (a.start, a.step) {
                (0, 1) => ":".into(),
                (s, 1) => format!("{s}:"),
                (0, k) => format!("::{k}"),
                (s, k) => format!("{s}::{k}"),
            };
        }
    }
    for &(b, i) in &v.fixed {
        per_base[b] = i.to_string();
    }
    let base: Vec<String> = v.base_shape.iter().map(|d| d.to_string()).collect();
    let order: Vec<Option<usize>> = v.axes.iter().map(|a| a.base).collect();
    let in_order = order.iter().flatten().is_sorted() && order.iter().all(|a| a.is_some());
    let axes = if in_order {
        String::new()
    } else {
        let names: Vec<String> =
            order.iter().map(|a| a.map_or("None".to_string(), |b| b.to_string())).collect();
        format!(" axes ({})", names.join(", "))
    };
    format!(" view[{}]{axes} of ({})", per_base.join(", "), base.join(", "))
}

pub(super) fn label(n: &NodeRef) -> String {
    match &n.op {
        Op::Literal(_) => "array (in memory)".into(),
        Op::Scalar(s) => format!("scalar {}", s.to_f64()),
        Op::Generate(g, v) => {
            let what = match g {
                Generator::Fill(s) => format!("full({})", s.to_f64()),
                Generator::Arange { start, step } => {
                    format!("arange(start={}, step={})", start.0, step.0)
                }
                Generator::Linspace { start, stop, num, .. } => {
                    format!("linspace({}, {}, {num})", start.0, stop.0)
                }
                Generator::Eye { k } => format!("eye(k={k})"),
                Generator::Tri { k } => format!("tri(k={k})"),
                Generator::Random { dist, key } => {
                    let params = format!("{dist:?}");
                    let params = params.split_once('{').map_or(String::new(), |(_, p)| {
                        p.trim_end_matches('}').trim().replace(": ", "=")
                    });
                    format!("random.{}({params}) stream {}", dist.name(), key.stream)
                }
            };
            format!("{what}{}", view_text(v))
        }
        Op::Read(source, v) => format!("read {}{}", source.describe(), view_text(v)),
        Op::Unary(f) => f.name().into(),
        Op::Binary(f) => f.name().into(),
        Op::Where => "where".into(),
        Op::Cast => format!("astype({})", n.dtype),
        Op::Slice(s) => format!("slice {}", slice_text(s)),
        Op::BroadcastTo => "broadcast_to".into(),
        Op::Transpose(p) => format!("transpose{p:?}"),
        Op::Reshape => "reshape".into(),
        Op::Rechunk => "rechunk".into(),
        Op::Concat(axis) => format!("concatenate axis={axis}"),
        Op::Scan { axis, product } => {
            format!("{} axis={axis}", if *product { "cumprod" } else { "cumsum" })
        }
        Op::Take { axis, indices } => format!("take {} indices along axis {axis}", indices.len()),
        Op::Mask(m) => format!("mask ({} selected)", m.counts.iter().sum::<usize>()),
        Op::Reduce { op, axes, keepdims } => {
            let strips = match crate::exec::strips::strip_width(n) {
                Some(width) => format!(" in column strips of {width}"),
                None => String::new(),
            };
            let keepdims = if *keepdims { " keepdims" } else { "" };
            format!("{} axis={axes:?}{keepdims}{strips}", op.name())
        }
        Op::Sort { axis, arg } => {
            format!("{} axis={axis}", if *arg { "argsort" } else { "sort" })
        }
        Op::OrderStat(stat) => stat.describe(),
        Op::Fused(p) => format!("fused kernel [{}]", p.describe()),
        Op::MatMul { k_block } => format!("matmul k_block={k_block}"),
        Op::Lookup { table, kind } => {
            let what = match kind {
                super::binning::LookupKind::SearchSorted { right: false } => "searchsorted left",
                super::binning::LookupKind::SearchSorted { right: true } => "searchsorted right",
                super::binning::LookupKind::IsIn { invert: false } => "isin",
                super::binning::LookupKind::IsIn { invert: true } => "isin inverted",
            };
            format!("{what} in a table of {} ({})", table.len(), table.dtype())
        }
        Op::Bin(b) => b.describe(),
        Op::TallFactor(f) => f.describe(),
    }
}

/// How many times each node is an input, to mark shared nodes.
fn uses(n: &NodeRef, counts: &mut HashMap<u64, usize>) {
    for i in &n.inputs {
        let c = counts.entry(i.id).or_insert(0);
        *c += 1;
        if *c == 1 {
            uses(i, counts);
        }
    }
}

struct Printer {
    uses: HashMap<u64, usize>,
    /// Shared nodes already printed, with their reference number.
    shown: HashMap<u64, usize>,
}

fn tree(n: &NodeRef, prefix: &str, last: bool, top: bool, p: &mut Printer, out: &mut String) {
    let branch = if top {
        ""
    } else if last {
        "└─ "
    } else {
        "├─ "
    };
    // A node used more than once is printed in full the first time only.
    if let Some(&number) = p.shown.get(&n.id) {
        let _ = writeln!(out, "{prefix}{branch}(same as #{number} above)");
        return;
    }
    let shared = if p.uses.get(&n.id).copied().unwrap_or(0) > 1 {
        let number = p.shown.len() + 1;
        p.shown.insert(n.id, number);
        format!("#{number} ")
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{prefix}{branch}{shared}{} : {} {} chunks {}",
        label(n),
        n.dtype,
        crate::ir::build::shape_str(&n.shape),
        grid(n)
    );
    let child_prefix =
        if top { String::new() } else { format!("{prefix}{}", if last { "   " } else { "│  " }) };
    for (i, c) in n.inputs.iter().enumerate() {
        tree(c, &child_prefix, i + 1 == n.inputs.len(), false, p, out);
    }
}

/// The plan text for an (already optimized) graph.
pub fn explain(root: &NodeRef, threads: usize) -> String {
    let tasks: usize = root.numblocks().iter().product();
    let (per_task, _) = per_task_bytes(root);
    let mut out = format!(
        "plan: {tasks} task{} (one per output chunk), about {} per task, {} peak with {threads} thread{}\n",
        if tasks == 1 { "" } else { "s" },
        format_bytes(per_task),
        format_bytes(per_task * threads as u64),
        if threads == 1 { "" } else { "s" },
    );
    out.push_str(&tree_text(root));
    out
}

/// The plan tree alone (no header line), for snapshots.
pub fn tree_text(root: &NodeRef) -> String {
    let mut out = String::new();
    let mut counts = HashMap::new();
    uses(root, &mut counts);
    let mut printer = Printer { uses: counts, shown: HashMap::new() };
    tree(root, "", true, true, &mut printer, &mut out);
    out
}
