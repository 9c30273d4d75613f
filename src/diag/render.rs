//! Rendering diagnostics as text, with ariadne (the only module that uses
//! it).
//!
//! A located diagnostic becomes an ariadne report titled with the error
//! kind and message, a primary label at its span (the label text, or the
//! message again), its extra labels, and its hint as `help`. A diagnostic
//! without a span becomes a plain `Kind: message` line. With `color` off the
//! output has no escape codes, so it can be snapshotted in tests.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use ariadne::{Cache, Color, Config, IndexType, Label, Report, ReportKind, Source};

use super::sources::Sources;
use super::{Diagnostic, SourceId, Span};

/// Renders one diagnostic.
/// The text under the primary marker: the label, or the message when it is
/// short; a long message is already the title, so it is not repeated.
fn primary_label(diag: &Diagnostic) -> &str {
    match &diag.label {
        Some(l) => l,
        None if diag.message.chars().count() <= 40 => &diag.message,
        None => "here",
    }
}

pub fn render(diag: &Diagnostic, sources: &Sources, color: bool) -> String {
    let Some(span) = diag.span.filter(|s| sources.contains(s.src)) else {
        return plain(diag);
    };
    let primary = clamp(sources, span);
    let config = Config::new().with_color(color).with_index_type(IndexType::Byte);
    let mut report = Report::build(
        ReportKind::Custom(diag.kind.name(), Color::Red),
        (span.src, primary.clone()),
    )
    .with_config(config)
    .with_message(&diag.message)
    .with_label(
        Label::new((span.src, primary)).with_message(primary_label(diag)).with_color(Color::Red),
    );
    for (s, note) in &diag.extra {
        if sources.contains(s.src) {
            report = report.with_label(
                Label::new((s.src, clamp(sources, *s))).with_message(note).with_color(Color::Blue),
            );
        }
    }
    if let Some(h) = &diag.hint {
        report = report.with_help(h);
    }
    let mut out = Vec::new();
    let mut cache = SourceCache { sources, built: HashMap::new() };
    if report.finish().write(&mut cache, &mut out).is_err() {
        return plain(diag);
    }
    let text = String::from_utf8_lossy(&out).into_owned();
    // ariadne colours a custom report kind's title even with colour off.
    if color { text } else { strip_ansi(&text) }
}

/// Removes ANSI escape sequences (`ESC [ ... letter`).
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Renders several diagnostics, one after another.
pub fn render_all(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    diags.iter().map(|d| render(d, sources, color)).collect()
}

fn plain(diag: &Diagnostic) -> String {
    let mut s = format!("{}: {}\n", diag.kind.name(), diag.message);
    if let Some(h) = &diag.hint {
        s.push_str(&format!("help: {h}\n"));
    }
    s
}

/// A span as a byte range that is inside its text and on char boundaries,
/// so a stale or hand-made span can never make rendering fail.
fn clamp(sources: &Sources, span: Span) -> Range<usize> {
    let text = sources.text(span.src);
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fix(span.start as usize);
    let end = fix(span.end as usize).max(start);
    start..end
}

/// Hands ariadne the texts, built into `Source`s on first use.
struct SourceCache<'a> {
    sources: &'a Sources,
    built: HashMap<SourceId, Source<&'a str>>,
}

impl<'a> Cache<SourceId> for SourceCache<'a> {
    type Storage = &'a str;

    fn fetch(&mut self, id: &SourceId) -> Result<&Source<&'a str>, impl fmt::Debug> {
        let text = self.sources.text(*id);
        Ok::<_, ()>(self.built.entry(*id).or_insert_with(|| Source::from(text)))
    }

    fn display<'b>(&self, id: &'b SourceId) -> Option<impl fmt::Display + 'b> {
        Some(self.sources.name(*id).to_string())
    }
}
