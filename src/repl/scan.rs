//! A forgiving scanner for text being typed: splits a (possibly
//! unfinished) line into coloured pieces and finds the call the cursor is
//! in. The real lexer reports errors and drops comments; here half-typed
//! input is normal, so every byte belongs to some piece and nothing fails.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Space,
    Comment,
    /// A string literal; `closed` is false while it is still being typed.
    Str {
        closed: bool,
    },
    Number,
    Ident,
    Open,
    Close,
    /// `.` between names (kept apart from operators for dotted chains).
    Dot,
    Comma,
    /// `=` alone (keyword arguments); `==`, `<=`... are operators.
    Eq,
    Op,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub kind: Kind,
    pub range: Range<usize>,
}

/// Splits `text` into pieces covering every byte.
pub fn scan(text: &str) -> Vec<Piece> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let c = b[i];
        let kind = if c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' {
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
                i += 1;
            }
            Kind::Space
        } else if c == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            Kind::Comment
        } else if c == b'"' || c == b'\'' {
            let closed;
            (i, closed) = string_end(b, i);
            Kind::Str { closed }
        } else if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i = number_end(b, i);
            Kind::Number
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                i += 1;
            }
            // String prefixes: r'..', f"..", rb'..'.
            let word = &text[start..i];
            if i < b.len()
                && (b[i] == b'"' || b[i] == b'\'')
                && word.len() <= 2
                && word.chars().all(|c| "rRbBfFuU".contains(c))
            {
                let closed;
                (i, closed) = string_end(b, i);
                Kind::Str { closed }
            } else {
                Kind::Ident
            }
        } else {
            i += 1;
            match c {
                b'(' | b'[' | b'{' => Kind::Open,
                b')' | b']' | b'}' => Kind::Close,
                b',' => Kind::Comma,
                b'.' if b.get(i..i + 2) == Some(b"..") => {
                    i += 2;
                    Kind::Op
                }
                b'.' => Kind::Dot,
                b'=' if b.get(i) != Some(&b'=') => Kind::Eq,
                _ => {
                    // `**=`, `//`, `<=`, `->` stay one piece (but `*-` does not).
                    if b.get(i) == Some(&c) && b"*/<>".contains(&c) {
                        i += 1;
                    }
                    if b.get(i) == Some(&b'=') || (c == b'-' && b.get(i) == Some(&b'>')) {
                        i += 1;
                    }
                    Kind::Op
                }
            }
        };
        // Never split a UTF-8 character.
        while i < b.len() && !text.is_char_boundary(i) {
            i += 1;
        }
        out.push(Piece { kind, range: start..i });
    }
    out
}

fn string_end(b: &[u8], start: usize) -> (usize, bool) {
    let q = b[start];
    let triple = b.get(start..start + 3) == Some(&[q, q, q][..]);
    let mut i = start + if triple { 3 } else { 1 };
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return (i, false),
            c if c == q => {
                if !triple {
                    return (i + 1, true);
                }
                if b.get(i..i + 3) == Some(&[q, q, q][..]) {
                    return (i + 3, true);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    (b.len(), false)
}

fn number_end(b: &[u8], mut i: usize) -> usize {
    if b[i] == b'0' && matches!(b.get(i + 1), Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B')) {
        i += 2;
        while i < b.len() && (b[i].is_ascii_hexdigit() || b[i] == b'_') {
            i += 1;
        }
        return i;
    }
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() || c == b'_' || c == b'.' {
            i += 1;
        } else if (c == b'e' || c == b'E')
            && (b.get(i + 1).is_some_and(u8::is_ascii_digit)
                || (matches!(b.get(i + 1), Some(b'+' | b'-'))
                    && b.get(i + 2).is_some_and(u8::is_ascii_digit)))
        {
            i += 2;
        } else if c == b'j' || c == b'J' {
            return i + 1;
        } else {
            break;
        }
    }
    i
}

/// The dotted name (`np.random.normal`, `x`) whose last piece ends at
/// piece index `end` (exclusive), as its parts, or `None`.
pub fn dotted_before(text: &str, pieces: &[Piece], end: usize) -> Option<Vec<String>> {
    let mut parts = Vec::new();
    let mut j = end;
    loop {
        if j == 0 || pieces[j - 1].kind != Kind::Ident {
            return None;
        }
        parts.push(text[pieces[j - 1].range.clone()].to_string());
        j -= 1;
        if j > 0 && pieces[j - 1].kind == Kind::Dot {
            j -= 1;
        } else {
            break;
        }
    }
    parts.reverse();
    Some(parts)
}

/// An open call around the cursor: `normal(10, 0.1, si|`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    /// The callee as written: `["random", "normal"]`.
    pub callee: Vec<String>,
    /// Keywords already given in this call.
    pub keywords: Vec<String>,
    /// Positional arguments before the cursor's one.
    pub positional: usize,
    /// True when the cursor is directly inside the call's parentheses
    /// (not inside a nested tuple or list).
    pub innermost: bool,
}

/// The innermost function call whose parentheses contain the end of
/// `text` (the text before the cursor).
pub fn open_call(text: &str) -> Option<Call> {
    let pieces = scan(text);
    // One frame per open bracket: the callee (if a call) and its arguments.
    struct Frame {
        callee: Option<Vec<String>>,
        keywords: Vec<String>,
        positional: usize,
        arg_start: usize,
    }
    let mut stack: Vec<Frame> = Vec::new();
    for (k, p) in pieces.iter().enumerate() {
        match p.kind {
            Kind::Open => {
                let callee = if &text[p.range.clone()] == "(" {
                    dotted_before(text, &pieces, k)
                        .filter(|c| c.len() > 1 || crate::syntax::token::keyword(&c[0]).is_none())
                } else {
                    None
                };
                stack.push(Frame { callee, keywords: vec![], positional: 0, arg_start: k + 1 });
            }
            Kind::Close => {
                stack.pop();
            }
            Kind::Comma => {
                if let Some(f) = stack.last_mut() {
                    let arg = &pieces[f.arg_start..k];
                    if !is_keyword_arg(arg) {
                        f.positional += 1;
                    }
                    f.arg_start = k + 1;
                }
            }
            Kind::Eq => {
                if let Some(f) = stack.last_mut() {
                    let arg: Vec<&Piece> =
                        pieces[f.arg_start..k].iter().filter(|p| p.kind != Kind::Space).collect();
                    if let [name] = arg[..]
                        && name.kind == Kind::Ident
                    {
                        f.keywords.push(text[name.range.clone()].to_string());
                    }
                }
            }
            _ => {}
        }
    }
    let top = stack.len();
    stack.into_iter().enumerate().rev().find_map(|(i, f)| {
        f.callee.map(|callee| Call {
            callee,
            keywords: f.keywords,
            positional: f.positional,
            innermost: i + 1 == top,
        })
    })
}

fn is_keyword_arg(arg: &[Piece]) -> bool {
    let mut it = arg.iter().filter(|p| p.kind != Kind::Space);
    matches!((it.next(), it.next()), (Some(a), Some(b)) if a.kind == Kind::Ident && b.kind == Kind::Eq)
}

/// The position of the bracket matching the one at byte `pos`, if any.
pub fn matching_bracket(text: &str, pieces: &[Piece], pos: usize) -> Option<usize> {
    let k = pieces.iter().position(|p| p.range.start == pos)?;
    let bracket = |p: &Piece| text.as_bytes()[p.range.start];
    match pieces[k].kind {
        Kind::Open => {
            let mut depth = 0usize;
            for p in &pieces[k..] {
                match p.kind {
                    Kind::Open => depth += 1,
                    Kind::Close => {
                        depth -= 1;
                        if depth == 0 {
                            return pairs(bracket(&pieces[k]), bracket(p)).then_some(p.range.start);
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        Kind::Close => {
            let mut depth = 0usize;
            for p in pieces[..=k].iter().rev() {
                match p.kind {
                    Kind::Close => depth += 1,
                    Kind::Open => {
                        depth -= 1;
                        if depth == 0 {
                            return pairs(bracket(p), bracket(&pieces[k])).then_some(p.range.start);
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        _ => None,
    }
}

fn pairs(open: u8, close: u8) -> bool {
    matches!((open, close), (b'(', b')') | (b'[', b']') | (b'{', b'}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        scan(text).into_iter().map(|p| (p.kind, &text[p.range])).collect()
    }

    #[test]
    fn pieces_cover_everything() {
        for t in
            ["x = 1.5e-3 # hi", "f'a{b}' + r\"c", "a.b(c=1, d==2)", "héllo('wörld", "1..", "..."]
        {
            let joined: String = scan(t).iter().map(|p| &t[p.range.clone()]).collect();
            assert_eq!(joined, t);
        }
        assert_eq!(
            kinds("x=1e5#c"),
            [(Kind::Ident, "x"), (Kind::Eq, "="), (Kind::Number, "1e5"), (Kind::Comment, "#c")]
        );
        assert_eq!(kinds("'ab")[0], (Kind::Str { closed: false }, "'ab"));
        assert_eq!(kinds("rb'a' ")[0], (Kind::Str { closed: true }, "rb'a'"));
    }

    #[test]
    fn finds_the_open_call() {
        let c = open_call("random.normal(10, 0.1, si").unwrap();
        assert_eq!(c.callee, ["random", "normal"]);
        assert_eq!(c.positional, 2);
        assert!(c.innermost);
        let c = open_call("normal(size=(3, 4").unwrap();
        assert_eq!(c.keywords, ["size"]);
        assert!(!c.innermost);
        assert!(open_call("normal(1)").is_none());
        assert!(open_call("(1, 2").is_none());
        assert!(open_call("if (a").is_none());
    }

    #[test]
    fn matches_brackets() {
        let t = "f(a[1], (2))";
        let p = scan(t);
        assert_eq!(matching_bracket(t, &p, 1), Some(11));
        assert_eq!(matching_bracket(t, &p, 11), Some(1));
        assert_eq!(matching_bracket(t, &p, 3), Some(5));
        assert_eq!(matching_bracket("(]", &scan("(]"), 0), None);
    }
}
