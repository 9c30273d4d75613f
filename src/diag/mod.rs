//! Errors as plain data.
//!
//! Every stage reports problems as [`Diagnostic`]s: a kind, a message, the
//! [`Span`] of the source text at fault, optional extra labels and a hint.
//! Nothing here prints; `render.rs` (the only ariadne user) turns a
//! diagnostic into text for terminals, and `json` output is built from the
//! same data, so the REPL, scripts and embedders each render their own way.

pub mod render;
pub mod sources;

use std::fmt;

/// Identifies one source text: a script file, one REPL input, an `-e` string.
pub type SourceId = u32;

/// A byte range in one source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub src: SourceId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(src: SourceId, start: usize, end: usize) -> Span {
        Span { src, start: start as u32, end: end as u32 }
    }

    /// The smallest span covering both (they must be in the same source).
    pub fn join(self, other: Span) -> Span {
        if self.src != other.src {
            return self;
        }
        Span { src: self.src, start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// What went wrong, broadly; shown as the error's title and in JSON output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    Syntax,
    Name,
    Type,
    Value,
    Shape,
    DType,
    Index,
    Io,
    Memory,
    /// A linear-algebra failure (NumPy's `LinAlgError`): a singular matrix,
    /// no convergence.
    LinAlg,
    Cancelled,
    Internal,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Name => "NameError",
            ErrorKind::Type => "TypeError",
            ErrorKind::Value => "ValueError",
            ErrorKind::Shape => "ShapeError",
            ErrorKind::DType => "DTypeError",
            ErrorKind::Index => "IndexError",
            ErrorKind::Io => "IOError",
            ErrorKind::Memory => "MemoryError",
            ErrorKind::LinAlg => "LinAlgError",
            ErrorKind::Cancelled => "Cancelled",
            ErrorKind::Internal => "InternalError",
        }
    }
}

/// One error, with where it happened and how to fix it.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub kind: ErrorKind,
    pub message: String,
    /// The primary location; `None` for errors with no source position
    /// (e.g. a cancelled computation).
    pub span: Option<Span>,
    /// The text under the primary span's marker, if any.
    pub label: Option<String>,
    /// Secondary locations with their own notes.
    pub extra: Vec<(Span, String)>,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(kind: ErrorKind, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            kind,
            message: message.into(),
            span: Some(span),
            label: None,
            extra: Vec::new(),
            hint: None,
        }
    }

    /// An error with no source location.
    pub fn global(kind: ErrorKind, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            kind,
            message: message.into(),
            span: None,
            label: None,
            extra: Vec::new(),
            hint: None,
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_extra(mut self, span: Span, note: impl Into<String>) -> Diagnostic {
        self.extra.push((span, note.into()));
        self
    }

    /// Gives the error a location if it has none yet (errors raised deep in
    /// a builtin get the span of the call that reached them).
    pub fn or_span(mut self, span: Span) -> Diagnostic {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostic {}

/// The closest candidate to `name` by edit distance, for "did you mean"
/// hints; `None` when nothing is close enough to be a plausible typo.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (edit_distance(name, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, c)| (d, c.len()))
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["linspace", "arange", "sum", "mean"];
        assert_eq!(did_you_mean("linspce", names), Some("linspace"));
        assert_eq!(did_you_mean("men", names), Some("mean"));
        assert_eq!(did_you_mean("zzzzzz", names), None);
    }
}
