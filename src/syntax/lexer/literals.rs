//! Literals: numbers (with `_` separators, hex/octal/binary, floats) and
//! strings (escapes, raw and triple-quoted forms, f-strings split into
//! literal text and `{expr:spec}` fields whose byte ranges the parser reads
//! later). Kept apart from the rest of the lexer because these are the
//! fiddly character-level rules; layout and operators stay in `mod.rs`.

use super::{Lexer, MAX_FSTRING_DEPTH, RawPart, is_ident_char};
use crate::diag::Diagnostic;
use crate::syntax::token::Token;

impl Lexer<'_> {
    /// Reads digits (of the given radix) with single `_` separators between
    /// them; returns false if an underscore is misplaced.
    pub(super) fn digits(&mut self, radix: u32) -> bool {
        let mut ok = true;
        let mut prev_digit = false;
        while let Some(c) = self.peek() {
            if c.is_digit(radix) {
                prev_digit = true;
            } else if c == '_' {
                if !prev_digit || !self.peek_at(1).is_some_and(|d| d.is_digit(radix)) {
                    ok = false;
                }
                prev_digit = false;
            } else {
                break;
            }
            self.bump();
        }
        ok
    }

    pub(super) fn number(&mut self) {
        let start = self.pos;
        let radix = match (self.peek(), self.peek_at(1)) {
            (Some('0'), Some('x' | 'X')) => 16,
            (Some('0'), Some('o' | 'O')) => 8,
            (Some('0'), Some('b' | 'B')) => 2,
            _ => 10,
        };
        let mut ok = true;
        let mut is_float = false;
        if radix != 10 {
            self.bump();
            self.bump();
            // Python allows one `_` right after the prefix: 0x_ff.
            if self.peek() == Some('_') {
                self.bump();
            }
            ok &= self.peek().is_some_and(|c| c.is_digit(radix));
            ok &= self.digits(radix);
        } else {
            ok &= self.digits(10);
            if self.peek() == Some('.') {
                is_float = true;
                self.bump();
                if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    ok &= self.digits(10);
                }
            }
            if matches!(self.peek(), Some('e' | 'E')) {
                let save = self.pos;
                self.bump();
                if matches!(self.peek(), Some('+' | '-')) {
                    self.bump();
                }
                if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    is_float = true;
                    ok &= self.digits(10);
                } else {
                    self.pos = save;
                }
            }
        }
        if matches!(self.peek(), Some('j' | 'J')) && radix == 10 {
            self.bump();
            let d = self.syntax("complex numbers are not supported", start, self.pos);
            return self.error(d);
        }
        if self.peek().is_some_and(is_ident_char) {
            while self.peek().is_some_and(is_ident_char) {
                self.bump();
            }
            let d = self.syntax("invalid number literal", start, self.pos);
            return self.error(d);
        }
        let end = self.pos;
        let lit = &self.text[start..end];
        if !ok {
            let d = self
                .syntax("invalid number literal", start, end)
                .with_hint("`_` may only appear between two digits, as in 1_000_000");
            return self.error(d);
        }
        let clean: String = lit.chars().filter(|&c| c != '_').collect();
        if is_float {
            match clean.parse::<f64>() {
                Ok(v) => self.push(Token::Float(v), start, end),
                Err(_) => {
                    let d = self.syntax("invalid number literal", start, end);
                    self.error(d)
                }
            }
            return;
        }
        let digits = if radix == 10 { &clean[..] } else { &clean[2..] };
        if radix == 10
            && digits.len() > 1
            && digits.starts_with('0')
            && digits.bytes().any(|b| b != b'0')
        {
            let d = self
                .syntax("leading zeros are not allowed in decimal integers", start, end)
                .with_hint("for an octal number write 0o...");
            return self.error(d);
        }
        match i64::from_str_radix(digits, radix) {
            Ok(v) => self.push(Token::Int(v), start, end),
            Err(_) => {
                let d = self
                    .syntax("integer literal too large", start, end)
                    .with_label("this does not fit in a 64-bit integer")
                    .with_hint("for a large approximate value write a float, e.g. 1e20");
                self.error(d)
            }
        }
    }

    /// Lexes a string literal whose prefix starts at `start` and whose
    /// opening quote is at `quote_at`.
    pub(super) fn string(&mut self, start: usize, quote_at: usize, raw: bool, f: bool) {
        self.pos = quote_at;
        let q = self.bump().unwrap_or('"');
        let triple = self.peek() == Some(q) && self.peek_at(1) == Some(q);
        if triple {
            self.bump();
            self.bump();
        }
        let mut lit = String::new();
        let mut parts = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                if triple {
                    self.out.unterminated_triple = true;
                    let d = self.unterminated_diag(start, self.pos);
                    return self.soft_error(d);
                }
                return self.unterminated(start, self.pos);
            };
            if c == q && (!triple || (self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q))) {
                self.pos += if triple { 3 } else { 1 };
                break;
            }
            if (c == '\n' || c == '\r') && !triple {
                return self.unterminated(start, self.pos);
            }
            if c == '\\' {
                self.escape(raw, &mut lit);
                continue;
            }
            if f && (c == '{' || c == '}') {
                let at = self.pos;
                self.bump();
                if self.peek() == Some(c) {
                    self.bump();
                    lit.push(c);
                    continue;
                }
                if c == '}' {
                    let d = self
                        .syntax("single `}` is not allowed in an f-string", at, at + 1)
                        .with_hint("write `}}` for a literal brace");
                    self.error(d);
                    continue;
                }
                if !lit.is_empty() {
                    parts.push(RawPart::Lit(std::mem::take(&mut lit)));
                }
                match self.fstring_field(q, triple, at) {
                    Some(part) => parts.push(part),
                    None => return,
                }
                continue;
            }
            lit.push(c);
            self.bump();
        }
        let end = self.pos;
        if f {
            if !lit.is_empty() {
                parts.push(RawPart::Lit(lit));
            }
            let idx = self.out.fstrings.len() as u32;
            self.out.fstrings.push(parts);
            self.push(Token::FStr(idx), start, end);
        } else {
            let idx = self.out.strings.len() as u32;
            self.out.strings.push(lit);
            self.push(Token::Str(idx), start, end);
        }
    }

    pub(super) fn unterminated(&mut self, start: usize, end: usize) {
        let d = self.unterminated_diag(start, end);
        self.error(d);
    }

    pub(super) fn unterminated_diag(&self, start: usize, end: usize) -> Diagnostic {
        self.syntax("unterminated string", start, end)
            .with_label("this string is never closed")
            .with_hint("close it with the same quote it starts with")
    }

    /// Decodes one backslash escape (the `\` is at `self.pos`).
    pub(super) fn escape(&mut self, raw: bool, out: &mut String) {
        let at = self.pos;
        self.bump();
        let Some(c) = self.bump() else { return out.push('\\') };
        if raw {
            // Raw strings keep the backslash, but `\"` still does not end
            // the string.
            out.push('\\');
            out.push(c);
            return;
        }
        let simple = match c {
            '\n' => return,
            '\r' => {
                if self.peek() == Some('\n') {
                    self.bump();
                }
                return;
            }
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            '0'..='7' => {
                let mut v = c.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match self.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.bump();
                        }
                        None => break,
                    }
                }
                char::from_u32(v).unwrap_or('\u{fffd}')
            }
            'a' => '\x07',
            'b' => '\x08',
            'f' => '\x0c',
            'v' => '\x0b',
            '\\' | '\'' | '"' => c,
            'x' | 'u' | 'U' => {
                let n = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex_start = self.pos;
                for _ in 0..n {
                    if self.peek().is_some_and(|d| d.is_ascii_hexdigit()) {
                        self.bump();
                    }
                }
                let hex = &self.text[hex_start..self.pos];
                match u32::from_str_radix(hex, 16)
                    .ok()
                    .filter(|_| hex.len() == n)
                    .and_then(char::from_u32)
                {
                    Some(ch) => ch,
                    None => {
                        let d = self.syntax(format!("invalid `\\{c}` escape"), at, self.pos);
                        self.error(d);
                        return;
                    }
                }
            }
            // Python keeps unknown escapes as written.
            _ => {
                out.push('\\');
                c
            }
        };
        out.push(simple);
    }

    /// Scans one `{expr[:spec]}` field of an f-string (the `{` is at `open`,
    /// already consumed) and returns the expression's byte range: the parser
    /// lexes and parses it later, so its spans point into this text.
    pub(super) fn fstring_field(&mut self, q: char, triple: bool, open: usize) -> Option<RawPart> {
        let expr_start = self.pos;
        let mut depth = 0usize;
        let mut expr_end = None;
        let mut spec = None;
        loop {
            let Some(c) = self.peek() else {
                self.unterminated(open, self.pos);
                return None;
            };
            if (c == '\n' || c == '\r') && !triple {
                self.unterminated(open, self.pos);
                return None;
            }
            if c == q && depth == 0 && !triple {
                let d = self
                    .syntax("this f-string `{` is never closed", open, open + 1)
                    .with_hint("add a matching `}`");
                self.error(d);
                return None;
            }
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                '}' if depth > 0 => depth -= 1,
                '}' => {
                    expr_end.get_or_insert(self.pos);
                    self.bump();
                    break;
                }
                ':' if depth == 0 => {
                    expr_end = Some(self.pos);
                    self.bump();
                    spec = Some(self.fstring_spec(open)?);
                    break;
                }
                '!' if depth == 0 && self.peek_at(1) != Some('=') => {
                    let d = self
                        .syntax(
                            "f-string conversions like `!r` are not supported",
                            self.pos,
                            self.pos + 1,
                        )
                        .with_hint("format the value with a format spec such as `{x:.3f}` instead");
                    self.error(d);
                    return None;
                }
                '\'' | '"' => {
                    // A nested string literal: skip it whole so its braces and
                    // colons do not count.
                    self.bump();
                    while let Some(d) = self.peek() {
                        if d == '\n' {
                            break;
                        }
                        self.bump();
                        if d == '\\' {
                            self.bump();
                        } else if d == c {
                            break;
                        }
                    }
                    continue;
                }
                _ => {}
            }
            self.bump();
        }
        let end = expr_end.unwrap_or(self.pos);
        if self.text[expr_start..end].trim().is_empty() {
            let d = self.syntax("empty expression in f-string", open, self.pos);
            self.error(d);
            return None;
        }
        if self.fdepth >= MAX_FSTRING_DEPTH {
            let d = self.syntax("f-strings are nested too deeply", open, self.pos);
            self.error(d);
            return None;
        }
        Some(RawPart::Expr { start: expr_start, end, spec })
    }

    /// Reads a format spec up to its closing `}` (nested `{}` kept as text).
    pub(super) fn fstring_spec(&mut self, open: usize) -> Option<String> {
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                '\n' | '\r' | '"' | '\'' => break,
                '{' => depth += 1,
                '}' if depth > 0 => depth -= 1,
                '}' => {
                    let spec = self.text[start..self.pos].to_string();
                    self.bump();
                    return Some(spec);
                }
                _ => {}
            }
            self.bump();
        }
        let d = self
            .syntax("this f-string `{` is never closed", open, open + 1)
            .with_hint("add a matching `}`");
        self.error(d);
        None
    }
}
