//! `visualize`: the optimized plan as a graph picture, in Graphviz DOT or
//! as a self-contained SVG drawn here (no Graphviz install needed).
//!
//! One box per operation (the labels `explain` uses, with dtype, shape and
//! chunk grid, and the number of chunk tasks the operation runs), one arrow
//! per input. A shared subexpression is one box with several arrows out. The
//! SVG layout is layered: each operation sits one row below the lowest
//! operation that uses it, so data flows from the sources at the bottom to
//! the result at the top, boxes in a row ordered as first reached.

use super::NodeRef;
use super::explain::{grid, label};
use std::collections::HashMap;
use std::fmt::Write;

/// One operation of the drawn graph.
struct Vertex {
    text: Vec<String>,
    inputs: Vec<usize>,
    /// Row from the top (the result is row 0).
    row: usize,
}

/// The graph under `root`, each node once, in first-reached order.
fn vertices(root: &NodeRef) -> Vec<Vertex> {
    fn visit(n: &NodeRef, index: &mut HashMap<u64, usize>, out: &mut Vec<Vertex>) -> usize {
        if let Some(&i) = index.get(&n.id) {
            return i;
        }
        let i = out.len();
        index.insert(n.id, i);
        let tasks: usize = n.numblocks().iter().product();
        let shape: Vec<String> = n.shape.iter().map(|d| d.to_string()).collect();
        out.push(Vertex {
            text: vec![
                label(n),
                format!("{} ({}) chunks {}", n.dtype, shape.join(", "), grid(n)),
                format!("{tasks} task{}", if tasks == 1 { "" } else { "s" }),
            ],
            inputs: vec![],
            row: 0,
        });
        let inputs = n.inputs.iter().map(|m| visit(m, index, out)).collect();
        out[i].inputs = inputs;
        i
    }
    let mut out = Vec::new();
    visit(root, &mut HashMap::new(), &mut out);
    // Longest path from the root: an input sits below every user. Vertices
    // are in an order where users come before inputs only along first
    // visits, so relax until nothing moves (the graph is a DAG).
    let mut changed = true;
    while changed {
        changed = false;
        for i in 0..out.len() {
            for k in 0..out[i].inputs.len() {
                let j = out[i].inputs[k];
                if out[j].row < out[i].row + 1 {
                    out[j].row = out[i].row + 1;
                    changed = true;
                }
            }
        }
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The graph in Graphviz DOT.
pub fn to_dot(root: &NodeRef) -> String {
    let vs = vertices(root);
    let mut out = String::from(
        "digraph arr {\n  rankdir=BT;\n  node [shape=box, fontname=\"monospace\", fontsize=10];\n",
    );
    for (i, v) in vs.iter().enumerate() {
        let text =
            v.text.iter().map(|t| t.replace('\\', "\\\\").replace('"', "\\\"")).collect::<Vec<_>>();
        let _ = writeln!(out, "  n{i} [label=\"{}\"];", text.join("\\n"));
    }
    for (i, v) in vs.iter().enumerate() {
        for &j in &v.inputs {
            let _ = writeln!(out, "  n{j} -> n{i};");
        }
    }
    out.push_str("}\n");
    out
}

const CHAR_W: usize = 7;
const LINE_H: usize = 14;
const PAD: usize = 8;
const GAP_X: usize = 24;
const GAP_Y: usize = 40;

/// The graph as a standalone SVG document.
pub fn to_svg(root: &NodeRef) -> String {
    let vs = vertices(root);
    let rows = vs.iter().map(|v| v.row).max().unwrap_or(0) + 1;
    let size = |v: &Vertex| {
        let w = v.text.iter().map(|t| t.chars().count()).max().unwrap_or(0) * CHAR_W + 2 * PAD;
        (w, v.text.len() * LINE_H + 2 * PAD)
    };
    let box_h = vs.iter().map(|v| size(v).1).max().unwrap_or(0);
    // x position of each vertex: packed left to right within its row.
    let mut x = vec![0usize; vs.len()];
    let mut row_width = vec![0usize; rows];
    for (i, v) in vs.iter().enumerate() {
        x[i] = row_width[v.row];
        row_width[v.row] += size(v).0 + GAP_X;
    }
    let width = row_width.iter().copied().max().unwrap_or(0).max(GAP_X) + GAP_X;
    // Centre each row.
    for (i, v) in vs.iter().enumerate() {
        x[i] += (width - row_width[v.row]) / 2 + GAP_X / 2;
    }
    let y = |row: usize| GAP_Y / 2 + row * (box_h + GAP_Y);
    let height = y(rows);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         font-family=\"monospace\" font-size=\"12\">\n\
         <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" \
         markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n"
    );
    for (i, v) in vs.iter().enumerate() {
        for &j in &v.inputs {
            let (wi, _) = size(v);
            let (wj, _) = size(&vs[j]);
            let _ = writeln!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>",
                x[j] + wj / 2,
                y(vs[j].row),
                x[i] + wi / 2,
                y(v.row) + box_h,
            );
        }
    }
    for (i, v) in vs.iter().enumerate() {
        let (w, _) = size(v);
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{box_h}\" rx=\"4\" fill=\"#eef3fb\" stroke=\"#345\"/>",
            x[i],
            y(v.row)
        );
        for (k, t) in v.text.iter().enumerate() {
            let _ = writeln!(
                out,
                "<text x=\"{}\" y=\"{}\">{}</text>",
                x[i] + PAD,
                y(v.row) + PAD + (k + 1) * LINE_H - 3,
                escape(t)
            );
        }
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use crate::{Session, Value};

    fn plan(code: &str) -> super::NodeRef {
        let mut s = Session::new();
        let Ok(Some(Value::Array(n))) = s.eval("<test>", code) else { panic!("{code}") };
        s.interp().plan(&n)
    }

    #[test]
    fn a_shared_input_is_one_vertex_with_two_arrows_out() {
        let p = plan("x = random.random((100, 100), chunks=50); x - x.mean(axis=0)");
        let dot = super::to_dot(&p);
        // The fused subtraction, the mean, and the random source once.
        assert_eq!(dot.matches("[label=").count(), 3, "{dot}");
        assert_eq!(dot.matches(" -> ").count(), 3, "{dot}");
        assert_eq!(dot.matches("random.random()").count(), 1, "{dot}");
        assert!(dot.contains("4 tasks"), "{dot}");
        let svg = super::to_svg(&p);
        assert_eq!(svg.matches("<rect").count(), 3);
        assert_eq!(svg.matches("<line").count(), 3);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn a_sandboxed_session_does_not_write_the_picture() {
        let mut s = Session::builder().sandbox(true).build();
        let path = std::env::temp_dir().join(format!("arr-sandbox-{}.svg", std::process::id()));
        let code = format!("visualize(arange(3), {:?})", path.display().to_string());
        let err = s.eval("<test>", &code).expect_err("sandbox refuses the write");
        assert!(err[0].message.contains("sandbox"), "{}", err[0].message);
        assert!(!path.exists());
        // Without a file name nothing is written, so the DOT text is allowed.
        assert!(matches!(s.eval("<test>", "visualize(arange(3))"), Ok(Some(Value::Str(_)))));
    }

    #[test]
    fn sources_sit_below_every_user() {
        let p = plan("x = arange(10); (x + x.sum()) * 2");
        let vs = super::vertices(&p);
        for v in &vs {
            for &j in &v.inputs {
                assert!(vs[j].row > v.row);
            }
        }
    }
}
