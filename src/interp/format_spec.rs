//! Python's format-spec mini-language for f-strings (`f"{x:.3f}"`,
//! `{n:>8,d}`, `{p:.1%}`, `{v:10.2e}`): fill, align, sign, width,
//! thousands separator, precision and the types `d f F e E g G % s`.

use super::{Interp, Value};
use crate::diag::{Diagnostic, ErrorKind, Span};

const MAX_WIDTH: usize = 10_000;
const MAX_PRECISION: usize = 1_000;

struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    zero: bool,
    width: usize,
    comma: bool,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse(spec: &str) -> Option<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: '-',
        zero: false,
        width: 0,
        comma: false,
        precision: None,
        ty: None,
    };
    if c.len() >= 2 && "<>^=".contains(c[1]) {
        s.fill = c[0];
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && "<>^=".contains(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && "+- ".contains(c[i]) {
        s.sign = c[i];
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = c[start..i].iter().collect::<String>().parse().ok()?;
    }
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        s.comma = true;
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let p0 = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        s.precision = Some(c[p0..i].iter().collect::<String>().parse().ok()?);
    }
    if i < c.len() {
        s.ty = Some(c[i]);
        i += 1;
    }
    (i == c.len()).then_some(s)
}

fn group(digits: &str) -> String {
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(a, b)| (a, Some(b)));
    let mut out = String::new();
    for (k, ch) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Python's exponent style: at least two digits (`1.50e+03`).
fn exp_style(s: String) -> String {
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) =
                if let Some(d) = e.strip_prefix('-') { ('-', d) } else { ('+', e) };
            format!("{m}e{sign}{digits:0>2}")
        }
        None => s,
    }
}

fn general(x: f64, p: usize) -> String {
    let p = p.max(1);
    if x == 0.0 {
        return "0".into();
    }
    let exp = x.abs().log10().floor() as i32;
    if exp < -4 || exp >= p as i32 {
        let s = format!("{:.*e}", p - 1, x);
        let (m, e) = s.split_once('e').expect("exponent form");
        let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
        exp_style(format!("{m}e{e}"))
    } else {
        let s = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x);
        if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
    }
}

pub fn format_with_spec(
    interp: &mut Interp,
    v: &Value,
    spec: &str,
    span: Span,
) -> Result<String, Diagnostic> {
    let bad =
        || Diagnostic::new(ErrorKind::Value, format!("invalid format specifier '{spec}'"), span);
    let s = parse(spec).ok_or_else(bad)?;
    // Rust's formatter panics on precisions past u16, and a huge width would
    // abort on allocation; no real format needs either.
    if s.width > MAX_WIDTH || s.precision.is_some_and(|p| p > MAX_PRECISION) {
        return Err(Diagnostic::new(
            ErrorKind::Value,
            format!(
                "format width or precision too large in '{spec}' (at most {MAX_WIDTH} and {MAX_PRECISION})"
            ),
            span,
        ));
    }
    let num = match v {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) => Some(*f),
        Value::Bool(b) => Some(*b as u8 as f64),
        Value::Array(n) if n.ndim() == 0 => {
            Some(crate::builtins::to_f64(interp, v, span, "value")?)
        }
        _ => None,
    };
    let body = match (s.ty, num) {
        (Some('s') | None, None) => interp.str_of(v)?,
        (_, None) => return Err(bad()),
        // Ints exactly (an f64 detour would round past 2**53).
        (Some('d'), Some(_)) if let Value::Int(i) = v => i.unsigned_abs().to_string(),
        (Some('d'), Some(x)) if x.fract() == 0.0 => format!("{}", x.abs() as i128),
        (Some('d'), _) => return Err(bad()),
        (Some('f' | 'F'), Some(x)) => format!("{:.*}", s.precision.unwrap_or(6), x.abs()),
        (Some('e' | 'E'), Some(x)) => {
            exp_style(format!("{:.*e}", s.precision.unwrap_or(6), x.abs()))
        }
        (Some('%'), Some(x)) => format!("{:.*}%", s.precision.unwrap_or(6), x.abs() * 100.0),
        (Some('g' | 'G'), Some(x)) => general(x.abs(), s.precision.unwrap_or(6)),
        (None, Some(x)) => match (v, s.precision) {
            (Value::Int(i), _) => i.unsigned_abs().to_string(),
            (_, Some(p)) => general(x.abs(), p),
            _ => interp.str_of(&Value::Float(x.abs()))?,
        },
        _ => return Err(bad()),
    };
    let mut body = if s.comma && num.is_some() { group(&body) } else { body };
    if matches!(s.ty, Some('E' | 'G' | 'F')) {
        body = body.to_uppercase();
    }
    let negative =
        num.is_some_and(|x| x < 0.0 || (x == 0.0 && x.is_sign_negative() && s.ty != Some('d')));
    let sign = match (negative, s.sign) {
        (true, _) => "-",
        (false, '+') if num.is_some() => "+",
        (false, ' ') if num.is_some() => " ",
        _ => "",
    };
    let len = sign.chars().count() + body.chars().count();
    if len >= s.width {
        return Ok(format!("{sign}{body}"));
    }
    let pad = s.width - len;
    let align = s.align.unwrap_or(if s.zero && num.is_some() {
        '='
    } else if num.is_some() {
        '>'
    } else {
        '<'
    });
    let fill = if s.zero && s.align.is_none() { '0' } else { s.fill };
    let fills = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    Ok(match align {
        '<' => format!("{sign}{body}{}", fills(pad)),
        '^' => format!("{}{sign}{body}{}", fills(pad / 2), fills(pad - pad / 2)),
        '=' => format!("{sign}{}{body}", fills(pad)),
        _ => format!("{}{sign}{body}", fills(pad)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_and_exponent_forms() {
        assert_eq!(general(1234.5678, 6), "1234.57");
        assert_eq!(general(0.00001234, 3), "1.23e-05");
        assert_eq!(exp_style(format!("{:.2e}", 1500.0)), "1.50e+03");
        assert_eq!(group("1234567.5"), "1,234,567.5");
    }
}
