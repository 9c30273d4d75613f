//! Colours as you type: numbers, strings, keywords, builtins and comments,
//! the bracket matching the one at the cursor, and a grey hint with the
//! signature of the function whose call the cursor is in. Escape codes
//! only; the text's width never changes (rustyline requires it).

use super::scan::{self, Kind};
use super::scope::{self, Scope};
use crate::interp::Value;

const RESET: &str = "\x1b[0m";
const COMMENT: &str = "\x1b[90m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[36m";
const KEYWORD: &str = "\x1b[35m";
const BUILTIN: &str = "\x1b[34m";
const MATCH: &str = "\x1b[1;4m";
const UNMATCHED: &str = "\x1b[31m";
pub const HINT: &str = "\x1b[90m";

/// `line` with colour codes; `cursor` is `Some(pos)` when the bracket at
/// the cursor should show its partner; `first` when the line starts an
/// input (so `:` starts a command).
pub fn highlight(scope: &Scope, line: &str, cursor: Option<usize>, first: bool) -> String {
    if first && line.trim_start().starts_with(':') {
        // A command: colour the command word, then the rest as code.
        let lead = line.len() - line.trim_start().len();
        let end = line[lead..].find(char::is_whitespace).map_or(line.len(), |i| lead + i);
        let rest = highlight(scope, &line[end..], cursor.and_then(|c| c.checked_sub(end)), false);
        return format!("{}{KEYWORD}{}{RESET}{rest}", &line[..lead], &line[lead..end]);
    }
    let pieces = scan::scan(line);
    let partner = cursor.and_then(|pos| bracket_pair(line, &pieces, pos));
    let mut out = String::with_capacity(line.len() * 2);
    let mut depth: Vec<usize> = Vec::new();
    let mut unmatched = Vec::new();
    for (k, p) in pieces.iter().enumerate() {
        match p.kind {
            Kind::Open => depth.push(k),
            Kind::Close if depth.pop().is_none() => unmatched.push(k),
            _ => {}
        }
    }
    for (k, p) in pieces.iter().enumerate() {
        let text = &line[p.range.clone()];
        let color = match p.kind {
            Kind::Comment => Some(COMMENT),
            Kind::Str { .. } => Some(STRING),
            Kind::Number => Some(NUMBER),
            Kind::Ident if crate::syntax::token::keyword(text).is_some() => Some(KEYWORD),
            Kind::Ident if is_builtin(scope, line, &pieces, k) => Some(BUILTIN),
            Kind::Open | Kind::Close
                if partner.is_some_and(|(a, b)| p.range.start == a || p.range.start == b) =>
            {
                Some(MATCH)
            }
            Kind::Close if unmatched.contains(&k) => Some(UNMATCHED),
            _ => None,
        };
        match color {
            Some(c) => {
                out.push_str(c);
                out.push_str(text);
                out.push_str(RESET);
            }
            None => out.push_str(text),
        }
    }
    out
}

/// A name that is (or is a member that is) a builtin function or module,
/// not shadowed by a variable.
fn is_builtin(scope: &Scope, line: &str, pieces: &[scan::Piece], k: usize) -> bool {
    let Some(chain) = scan::dotted_before(line, pieces, k + 1) else {
        return false;
    };
    if chain.len() == 1 && scope.globals.contains_key(&chain[0]) {
        return false;
    }
    matches!(scope.resolve(&chain), Some(Value::Builtin(_) | Value::Module(_)))
}

/// The bracket at (or just before) the cursor and its partner.
fn bracket_pair(line: &str, pieces: &[scan::Piece], pos: usize) -> Option<(usize, usize)> {
    let at = |i: usize| {
        pieces
            .iter()
            .find(|p| p.range.start == i && matches!(p.kind, Kind::Open | Kind::Close))
            .map(|_| i)
    };
    let candidates = [pos.checked_sub(1).and_then(at), at(pos)];
    candidates
        .into_iter()
        .flatten()
        .find_map(|i| scan::matching_bracket(line, pieces, i).map(|j| (i, j)))
}

/// The signature of the function whose call contains the end of `text`.
pub fn signature_hint(scope: &Scope, text: &str) -> Option<String> {
    let call = scan::open_call(text)?;
    let v = scope.resolve(&call.callee)?;
    let (sig, _) = scope::signature(&v)?;
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn colours_without_changing_text() {
        let scope = Scope::default();
        for line in
            ["x = sum(arange(10)) # total", "def f(a): return 'x' + 1.5e3", ":time f(", ")("]
        {
            let h = highlight(&scope, line, Some(3), true);
            assert_eq!(strip(&h), line);
        }
        let h = highlight(&scope, "for i in range(3): 1 # c", None, true);
        assert!(h.contains(&format!("{KEYWORD}for{RESET}")));
        assert!(h.contains(&format!("{BUILTIN}range{RESET}")));
        assert!(h.contains(&format!("{NUMBER}3{RESET}")));
        assert!(h.contains(&format!("{COMMENT}# c{RESET}")));
        let h = highlight(&scope, "f((1), 2)", Some(9), true);
        assert!(h.contains(&format!("f{MATCH}({RESET}")), "{h:?}");
        assert!(h.ends_with(&format!("{MATCH}){RESET}")), "{h:?}");
    }

    #[test]
    fn hints_the_enclosing_call() {
        let scope = Scope::default();
        let h = signature_hint(&scope, "x = random.normal(0, (3").unwrap();
        assert!(h.starts_with("normal("), "{h}");
        assert!(signature_hint(&scope, "x = (1").is_none());
    }
}
