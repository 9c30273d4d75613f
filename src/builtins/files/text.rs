//! Numeric text tables: `loadtxt`, `genfromtxt` (missing and invalid
//! fields become `filling_values`) and `savetxt`, with NumPy's arguments
//! and output text.
//!
//! Text has no random access, so reads are eager: the file is parsed line
//! by line into one array, refused with a MemoryError once it would
//! exceed the session's memory limit. `savetxt` streams blocks of rows
//! through the atomic writer.

use super::super::convert::*;
use super::super::{Args, Builtin, Module};
use super::file_arg;
use crate::array::{ArrayData, DType, Elem};
use crate::diag::{Diagnostic, ErrorKind, Span};
use crate::interp::{Interp, Value, format_with_spec, repr};
use crate::ir::build;
use crate::ir::chunks::{AxisChunks, ChunkSpec};
use crate::with_dtype;
use ndarray::{ArrayD, IxDyn};
use std::io::{BufRead, Write};
use std::path::Path;

fn value_err(msg: impl Into<String>, span: Span) -> Diagnostic {
    Diagnostic::new(ErrorKind::Value, msg, span)
}

/// How lines become fields: what the two readers share.
struct Layout {
    comments: Vec<String>,
    /// `None`: runs of whitespace.
    delimiter: Option<String>,
    skip: usize,
    usecols: Option<Vec<i64>>,
    max_rows: Option<usize>,
}

impl Layout {
    fn from_args(a: &Args, skip_name: &str) -> R<Layout> {
        let comments = match a.value("comments") {
            Value::None => vec![],
            Value::Str(s) => vec![s.to_string()],
            v => match v.sequence() {
                Some(items) => items
                    .iter()
                    .map(|c| match c {
                        Value::Str(s) => Ok(s.to_string()),
                        _ => Err(value_err("comments must be strings", a.span("comments"))),
                    })
                    .collect::<R<_>>()?,
                None => return Err(value_err("comments must be a str", a.span("comments"))),
            },
        };
        let delimiter = match a.value("delimiter") {
            Value::None => None,
            Value::Str(s) if !s.is_empty() => Some(s.to_string()),
            v => {
                return Err(value_err(
                    format!("delimiter must be a non-empty str or None, got {}", repr(&v)),
                    a.span("delimiter"),
                ));
            }
        };
        let (v, span) = a.get(skip_name);
        let skip = to_int(&v, span, skip_name)?.max(0) as usize;
        let usecols = match a.value("usecols") {
            Value::None => None,
            Value::Int(i) => Some(vec![i]),
            v => {
                let span = a.span("usecols");
                let items = v.sequence().ok_or_else(|| value_err("usecols must be ints", span))?;
                Some(items.iter().map(|c| to_int(c, span, "usecols")).collect::<R<_>>()?)
            }
        };
        let max_rows = match a.value("max_rows") {
            Value::None => None,
            v => Some(to_int(&v, a.span("max_rows"), "max_rows")?.max(0) as usize),
        };
        Ok(Layout { comments, delimiter, skip, usecols, max_rows })
    }

    /// The fields of a line, or `None` for a blank or comment-only line.
    fn fields<'l>(&self, line: &'l str) -> Option<Vec<&'l str>> {
        let mut line = line.trim_end_matches(['\n', '\r']);
        for c in &self.comments {
            if let Some(i) = line.find(c.as_str()) {
                line = &line[..i];
            }
        }
        if line.trim().is_empty() {
            return None;
        }
        Some(match &self.delimiter {
            None => line.split_whitespace().collect(),
            Some(d) => line.split(d.as_str()).map(str::trim).collect(),
        })
    }

    /// The columns to keep of a row with `n` fields.
    fn columns(&self, n: usize, what: &str) -> Result<Vec<usize>, String> {
        match &self.usecols {
            None => Ok((0..n).collect()),
            Some(cols) => cols
                .iter()
                .map(|&c| {
                    let i = if c < 0 { c + n as i64 } else { c };
                    if i < 0 || i >= n as i64 {
                        Err(format!("{what}: usecols index {c} is out of range for {n} columns"))
                    } else {
                        Ok(i as usize)
                    }
                })
                .collect(),
        }
    }
}

/// How a reader treats a field it cannot convert.
#[derive(Clone, Copy)]
enum Missing<T> {
    /// `loadtxt`: an error naming the line.
    Refuse,
    /// `genfromtxt`: this value instead.
    Fill(T),
}

/// A field as `T`: Python float syntax for floats, integer text for
/// integers (in range), `0/1/True/False` for bools.
fn parse_field<T: Elem>(s: &str) -> Option<T> {
    match T::DTYPE {
        d if d.is_float() => s.parse::<f64>().ok().map(T::from_f64),
        DType::Bool => match s {
            "1" | "True" | "true" => Some(T::from_bool(true)),
            "0" | "False" | "false" => Some(T::from_bool(false)),
            _ => None,
        },
        d => {
            let v: i128 = s.strip_prefix('+').unwrap_or(s).parse().ok()?;
            let (lo, hi): (i128, i128) = if d.kind() == crate::array::Kind::UInt {
                (0, (1i128 << (8 * d.size())) - 1)
            } else {
                (-(1i128 << (8 * d.size() - 1)), (1i128 << (8 * d.size() - 1)) - 1)
            };
            (lo..=hi)
                .contains(&v)
                .then(|| if v < 0 { T::from_i64(v as i64) } else { T::from_u64(v as u64) })
        }
    }
}

/// Reads a table of `T` from `path`: (rows, columns, values in C order).
fn read_table<T: Elem>(
    path: &Path,
    layout: &Layout,
    missing: Missing<T>,
    skip_footer: usize,
    memory_limit: u64,
    what: &str,
) -> Result<(usize, usize, Vec<T>), (ErrorKind, String)> {
    let shown = path.display();
    let io = |e: std::io::Error| (ErrorKind::Io, format!("{what}: cannot read {shown}: {e}"));
    let file = std::fs::File::open(path).map_err(io)?;
    let reader = std::io::BufReader::new(file);
    let (mut values, mut rows, mut cols) = (Vec::new(), 0usize, None::<(usize, Vec<usize>)>);
    let size = std::mem::size_of::<T>() as u64;
    // Content lines wait here until `skip_footer` more have been seen, so
    // the footer is never parsed (it need not be numbers).
    let mut pending = std::collections::VecDeque::with_capacity(skip_footer + 1);
    for (lineno, line) in reader.lines().enumerate().skip(layout.skip) {
        let line = line
            .map_err(|e| (ErrorKind::Io, format!("{what}: {shown}, line {}: {e}", lineno + 1)))?;
        if layout.max_rows.is_some_and(|m| rows >= m) {
            break;
        }
        if layout.fields(&line).is_none() {
            continue;
        }
        pending.push_back((lineno, line));
        if pending.len() <= skip_footer {
            continue;
        }
        let Some((lineno, line)) = pending.pop_front() else { continue };
        let Some(fields) = layout.fields(&line) else { continue };
        let (ncols, keep) = match &cols {
            Some(c) => c.clone(),
            None => {
                let keep = layout.columns(fields.len(), what).map_err(|m| (ErrorKind::Value, m))?;
                cols = Some((fields.len(), keep.clone()));
                (fields.len(), keep)
            }
        };
        if fields.len() != ncols
            && (layout.usecols.is_none() || keep.iter().any(|&c| c >= fields.len()))
        {
            return Err((
                ErrorKind::Value,
                format!(
                    "{what}: {shown}, line {}: the number of columns changed from {ncols} to {} \
                     ({:?}); use usecols to select a subset",
                    lineno + 1,
                    fields.len(),
                    line.trim_end()
                ),
            ));
        }
        for &c in &keep {
            let text = fields[c];
            values.push(match (parse_field::<T>(text), missing) {
                (Some(v), _) => v,
                (None, Missing::Fill(v)) => v,
                (None, Missing::Refuse) => {
                    return Err((
                        ErrorKind::Value,
                        format!(
                            "{what}: {shown}, line {}, column {}: could not convert {text:?} to {}",
                            lineno + 1,
                            c + 1,
                            T::DTYPE.name()
                        ),
                    ));
                }
            });
        }
        rows += 1;
        if values.len() as u64 * size > memory_limit {
            return Err((
                ErrorKind::Memory,
                format!(
                    "{what}: {shown} holds more numbers than the memory limit allows \
                     ({memory_limit} bytes, reached at line {}); read a part with max_rows or \
                     usecols, or raise the limit (--memory)",
                    lineno + 1
                ),
            ));
        }
    }
    let ncols = cols.map(|(_, keep)| keep.len()).unwrap_or(0);
    Ok((rows, ncols, values))
}

/// NumPy's `_ensure_ndmin_ndarray`: squeeze, then at least `ndmin` axes
/// (a single column becomes a column vector for `ndmin=2`).
fn shape_result(rows: usize, cols: usize, ndmin: usize) -> Vec<usize> {
    if rows == 0 && cols == 0 {
        return match ndmin {
            2 => vec![0, 1],
            _ => vec![0],
        };
    }
    let squeezed: Vec<usize> = [rows, cols].into_iter().filter(|&d| d != 1).collect();
    match (squeezed.len(), ndmin) {
        (n, m) if n >= m => squeezed,
        (0, 1) => vec![1],
        (0, 2) => vec![1, 1],
        // One axis left: a row stays a row only when it was one row.
        (1, 2) if rows == 1 => vec![1, cols],
        (1, 2) => vec![rows, 1],
        _ => squeezed,
    }
}

fn read_text(interp: &mut Interp, a: &mut Args, genfrom: bool) -> R<Value> {
    let what = a.func.name;
    let path = file_arg(interp, a, "fname")?;
    let dtype = to_dtype(&a.value("dtype"), a.span("dtype"))?.unwrap_or(DType::Float64);
    let layout = Layout::from_args(a, if genfrom { "skip_header" } else { "skiprows" })?;
    let (skip_footer, ndmin, unpack) = if genfrom {
        let (v, span) = a.get("skip_footer");
        (to_int(&v, span, "skip_footer")?.max(0) as usize, 0, false)
    } else {
        let (v, span) = a.get("ndmin");
        let ndmin = to_int(&v, span, "ndmin")?;
        if !(0..=2).contains(&ndmin) {
            return Err(value_err(format!("Illegal value of ndmin keyword: {ndmin}"), span));
        }
        (0, ndmin as usize, to_bool(&a.value("unpack"), a.span("unpack"), "unpack")?)
    };
    let filling = if genfrom {
        match a.value("filling_values") {
            Value::None => None,
            v => Some(to_f64(interp, &v, a.span("filling_values"), "filling_values")?),
        }
    } else {
        None
    };
    let limit = interp.memory_limit;
    let call = a.call_span;
    let data = with_dtype!(dtype, T => {
        let missing = if !genfrom {
            Missing::Refuse
        } else if let Some(f) = filling {
            Missing::Fill(T::from_f64(f))
        } else if T::DTYPE.is_float() {
            Missing::Fill(T::from_f64(f64::NAN))
        } else {
            // NumPy's default for integer columns.
            Missing::Fill(T::from_i64(-1))
        };
        let (rows, cols, values) = read_table::<T>(&path, &layout, missing, skip_footer, limit, what)
            .map_err(|(kind, m)| Diagnostic::new(kind, m, call))?;
        let shape = shape_result(rows, cols, ndmin);
        T::wrap(ArrayD::from_shape_vec(IxDyn(&shape), values).map_err(|e| {
            Diagnostic::new(ErrorKind::Internal, e.to_string(), call)
        })?)
    });
    let x = build::literal(data, None);
    if unpack && x.ndim() == 2 {
        let t = build::transpose(&x, vec![1, 0])?;
        let cols = (0..t.shape[0])
            .map(|i| {
                let all = crate::ir::AxisSel::Range { start: 0, step: 1, len: t.shape[1] };
                build::slice(&t, vec![crate::ir::AxisSel::Index(i), all]).map(Value::Array)
            })
            .collect::<R<Vec<_>>>()?;
        return Ok(Value::tuple(cols));
    }
    Ok(Value::Array(x))
}

/// One `%` conversion of a printf-style format, as a format-spec.
#[derive(Clone, Debug)]
enum Piece {
    Text(String),
    Convert { spec: String, int: bool },
}

/// Parses a printf-style format (`%.18e`, `%10.3f`, `%d`, `%s`) into text
/// and conversions.
fn parse_printf(fmt: &str) -> Result<Vec<Piece>, String> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            text.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            text.push('%');
            continue;
        }
        let (mut align, mut sign, mut zero, mut width, mut prec) =
            ("", "", "", String::new(), None::<String>);
        while let Some(&f) = chars.peek() {
            match f {
                '-' => align = "<",
                '+' => sign = "+",
                ' ' if sign.is_empty() => sign = " ",
                ' ' => {}
                '0' => zero = "0",
                '#' => {}
                _ => break,
            }
            chars.next();
        }
        while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
            width.push(d);
            chars.next();
        }
        if chars.peek() == Some(&'.') {
            chars.next();
            let mut p = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                p.push(d);
                chars.next();
            }
            prec = Some(if p.is_empty() { "0".into() } else { p });
        }
        let ty = chars.next().ok_or_else(|| format!("format {fmt:?} ends inside a conversion"))?;
        let (conv, int) = match ty {
            'd' | 'i' | 'u' => ("d".to_string(), true),
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => (ty.to_string(), false),
            's' => (String::new(), false),
            other => return Err(format!("format {fmt:?}: conversion %{other} is not supported")),
        };
        if !text.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut text)));
        }
        let zero = if align.is_empty() { zero } else { "" };
        let prec = prec.map(|p| format!(".{p}")).unwrap_or_default();
        out.push(Piece::Convert { spec: format!("{align}{sign}{zero}{width}{prec}{conv}"), int });
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    Ok(out)
}

/// The row format of `savetxt`: NumPy's rules for `fmt` (one conversion
/// repeated per column, one per column, or a list of them).
fn row_format(fmt: &Value, span: Span, ncols: usize, delimiter: &str) -> R<Vec<Piece>> {
    let err = |m: String| value_err(m, span);
    let text = match fmt {
        Value::Str(f) => {
            let pieces = parse_printf(f).map_err(err)?;
            let n = pieces.iter().filter(|p| matches!(p, Piece::Convert { .. })).count();
            if n == 1 {
                vec![f.to_string(); ncols].join(delimiter)
            } else if n == ncols {
                f.to_string()
            } else {
                return Err(err(format!("fmt has wrong number of % formats: {f}")));
            }
        }
        v => {
            let items = v.sequence().ok_or_else(|| err(format!("invalid fmt: {}", repr(v))))?;
            if items.len() != ncols {
                return Err(err(format!("fmt has wrong number of % formats: {}", repr(v))));
            }
            let parts: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(err(format!("invalid fmt: {}", repr(other)))),
                })
                .collect::<R<_>>()?;
            parts.join(delimiter)
        }
    };
    parse_printf(&text).map_err(err)
}

/// Formats one row of numbers with the pieces of the row format.
fn format_row(
    interp: &mut Interp,
    pieces: &[Piece],
    row: &[Value],
    span: Span,
    out: &mut String,
) -> R<()> {
    let mut values = row.iter();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Convert { spec, int } => {
                let v = values.next().unwrap_or(&Value::None);
                let v = match v {
                    // Python's %d truncates a float.
                    Value::Float(f) if *int && f.is_finite() => Value::Int(f.trunc() as i64),
                    other => other.clone(),
                };
                out.push_str(&format_with_spec(interp, &v, spec, span)?);
            }
        }
    }
    Ok(())
}

/// Comment lines: every line of `text` after `comments`.
fn commented(text: &str, comments: &str, newline: &str) -> String {
    format!("{comments}{}{newline}", text.replace('\n', &format!("\n{comments}")))
}

/// Rows per computed block of `savetxt`: about a million numbers.
const SAVETXT_BLOCK: usize = 1 << 20;

fn savetxt(interp: &mut Interp, a: &mut Args) -> R<Value> {
    let path = file_arg(interp, a, "fname")?;
    let (v, span) = a.get("X");
    let mut x = to_array(&v, span)?;
    match x.ndim() {
        1 => x = build::reshape(&x, &[-1, 1])?,
        2 => {}
        n => {
            return Err(value_err(
                format!("Expected 1D or 2D array, got {n}D array instead"),
                span,
            ));
        }
    }
    let str_arg = |name: &str| -> R<String> {
        match a.value(name) {
            Value::Str(s) => Ok(s.to_string()),
            v => Err(value_err(format!("{name} must be a str, got {}", repr(&v)), a.span(name))),
        }
    };
    // The signature shows the default as '\\n'; it is a real newline.
    let newline = if a.given("newline") { str_arg("newline")? } else { "\n".to_string() };
    let delimiter = str_arg("delimiter")?;
    let (header, footer, comments) = (str_arg("header")?, str_arg("footer")?, str_arg("comments")?);
    let (rows, ncols) = (x.shape[0], x.shape[1]);
    let pieces = row_format(&a.value("fmt"), a.span("fmt"), ncols, &delimiter)?;
    let block = (SAVETXT_BLOCK / ncols.max(1)).max(1);
    let rows_spec = ChunkSpec::PerAxis(vec![AxisChunks::Size(block), AxisChunks::Full]);
    let x = build::rechunk(&x, &rows_spec)?;
    let call = a.call_span;
    let is_int = !x.dtype.is_float();
    let result = crate::io::write_atomic_file(&path, |file| -> Result<(), crate::io::WriteError> {
        let mut w = std::io::BufWriter::new(file);
        if !header.is_empty() {
            w.write_all(commented(&header, &comments, &newline).as_bytes())?;
        }
        let mut text = String::new();
        for start in (0..rows).step_by(block) {
            let len = block.min(rows - start);
            let sel = vec![
                crate::ir::AxisSel::Range { start: start as i64, step: 1, len },
                crate::ir::AxisSel::Range { start: 0, step: 1, len: ncols },
            ];
            let part = build::slice(&x, sel)?;
            let data = interp.compute(&part).map_err(|d| d.or_span(call))?;
            let flat = data_values(&data, is_int);
            for row in flat.chunks(ncols.max(1)) {
                text.clear();
                format_row(interp, &pieces, row, call, &mut text)?;
                text.push_str(&newline);
                w.write_all(text.as_bytes())?;
            }
        }
        if !footer.is_empty() {
            w.write_all(commented(&footer, &comments, &newline).as_bytes())?;
        }
        w.flush()?;
        Ok(())
    });
    result.map_err(|e| e.into_diagnostic(&path, Some(call)))?;
    Ok(Value::None)
}

/// A block's elements as Python numbers (ints stay exact).
fn data_values(data: &ArrayData, int: bool) -> Vec<Value> {
    crate::with_data!(data, arr, T => arr
        .iter()
        .map(|v| if int { Value::Int(v.to_i64()) } else { Value::Float(v.to_f64()) })
        .collect())
}

pub const LOADTXT: Builtin = Builtin {
    name: "loadtxt",
    module: Module::Root,
    signature: "loadtxt(fname, dtype=float, comments='#', delimiter=None, skiprows=0, \
                usecols=None, unpack=False, ndmin=0, max_rows=None)",
    doc: "Reads a text table of numbers (NumPy's `loadtxt`): fields split by `delimiter` \
          (whitespace by default), text after `comments` ignored, blank lines skipped. The \
          result is squeezed as NumPy does (one column or one row gives a 1-d array); \
          `unpack=True` gives a tuple of the columns. A field that is not a number is an \
          error naming the file, line and text. Text has no random access, so the file is \
          read now; one larger than the memory limit is refused.",
    examples: &[
        "savetxt('/tmp/arr-doc-loadtxt.txt', arange(6).reshape(3, 2)); \
         loadtxt('/tmp/arr-doc-loadtxt.txt')",
        "savetxt('/tmp/arr-doc-loadtxt2.csv', eye(3), fmt='%d', delimiter=','); \
         loadtxt('/tmp/arr-doc-loadtxt2.csv', delimiter=',', usecols=(0, 2), dtype=int32)",
    ],
    method: false,
    imp: |i, a| read_text(i, a, false),
};

pub const GENFROMTXT: Builtin = Builtin {
    name: "genfromtxt",
    module: Module::Root,
    signature: "genfromtxt(fname, dtype=float, comments='#', delimiter=None, skip_header=0, \
                skip_footer=0, usecols=None, filling_values=None, max_rows=None)",
    doc: "Like `loadtxt`, but a missing or unreadable field becomes `filling_values` (NaN \
          for floats, -1 for integers by default), as NumPy's `genfromtxt` does for numeric \
          tables.",
    examples: &["savetxt('/tmp/arr-doc-genfromtxt.csv', ones((2, 3)), fmt='%d', delimiter=','); \
         genfromtxt('/tmp/arr-doc-genfromtxt.csv', delimiter=',', filling_values=0)"],
    method: false,
    imp: |i, a| read_text(i, a, true),
};

pub const SAVETXT: Builtin = Builtin {
    name: "savetxt",
    module: Module::Root,
    signature: "savetxt(fname, X, fmt='%.18e', delimiter=' ', newline='\\n', header='', \
                footer='', comments='# ')",
    doc: "Writes a 1-d (one value per line) or 2-d array as text, exactly as NumPy's \
          `savetxt`: `fmt` is a printf-style format (`%.18e`, `%d`, `%10.3f`, `%s`), one for \
          all columns, one per column, or a list. Rows are computed and written in blocks; \
          the file is replaced only once complete.",
    examples: &[
        "savetxt('/tmp/arr-doc-savetxt.txt', array([[1.5, 2.0], [3.0, 4.0]]), fmt='%.2f', \
         header='x y')",
    ],
    method: false,
    imp: savetxt,
};
