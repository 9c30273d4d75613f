//! The texts diagnostics point into.
//!
//! Every script, REPL input and `-e` string is added once and gets a
//! [`SourceId`]; spans carry that id, so an error can point into any earlier
//! input. This is plain data (no ariadne): `render.rs` reads it to draw
//! reports and JSON output uses [`Sources::line_col`].

use super::{SourceId, Span};

/// All source texts of a session, by [`SourceId`].
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<(String, String)>,
}

impl Sources {
    pub fn new() -> Sources {
        Sources::default()
    }

    /// Adds a source (e.g. `"script.arr"` or `"<repl:3>"`) and returns its id.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> SourceId {
        self.files.push((name.into(), text.into()));
        (self.files.len() - 1) as SourceId
    }

    /// The source's name; `"<unknown>"` for an id this table never issued.
    pub fn name(&self, id: SourceId) -> &str {
        self.files.get(id as usize).map_or("<unknown>", |f| f.0.as_str())
    }

    /// The source's text; empty for an id this table never issued.
    pub fn text(&self, id: SourceId) -> &str {
        self.files.get(id as usize).map_or("", |f| f.1.as_str())
    }

    pub fn contains(&self, id: SourceId) -> bool {
        (id as usize) < self.files.len()
    }

    /// 1-based line and column (counted in characters) of the span's start.
    /// Out-of-range spans clamp to the end of the text.
    pub fn line_col(&self, span: Span) -> (usize, usize) {
        let text = self.text(span.src);
        let mut at = (span.start as usize).min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let mut s = Sources::new();
        let id = s.add("a.arr", "x = 1\nπ = 'é' + y\n");
        assert_eq!(s.name(id), "a.arr");
        assert_eq!(s.line_col(Span::new(id, 0, 1)), (1, 1));
        assert_eq!(s.line_col(Span::new(id, 4, 5)), (1, 5));
        // `y` is the 11th character of line 2 (`π` and `é` are 2 bytes each).
        let y = s.text(id).find('y').unwrap();
        assert_eq!(s.line_col(Span::new(id, y, y + 1)), (2, 11));
        assert_eq!(s.line_col(Span::new(id, 999, 1000)), (3, 1));
        assert_eq!(s.line_col(Span::new(7, 0, 0)), (1, 1));
        assert_eq!(s.name(7), "<unknown>");
    }
}
