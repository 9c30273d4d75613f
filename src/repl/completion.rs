//! Tab completion, driven by the builtin registry and the session's
//! variables: names at the top level, a module's members after `np.`,
//! attributes and methods after `x.`, keyword arguments inside a call
//! (from the signature), file paths inside string literals, and the
//! REPL's own `:commands`.

use super::scan::{self, Kind};
use super::scope::{self, Scope};
use rustyline::completion::Pair;

/// The REPL commands, for completion and `:help`.
pub const COMMANDS: &[(&str, &str)] = &[
    (":help", "[name]     this help, or a function's doc, signature and examples"),
    (":time", "<expr>     evaluate and report wall time and peak memory"),
    (":explain", "<expr>  show the optimized plan without computing"),
    (":info", "<expr>     bytes, shape, chunks, tasks and dtype, without computing"),
    (":vars", "           every variable with its type (arrays: dtype, shape)"),
    (":load", "FILE       run a script in this session"),
    (":reset", "          forget all variables and restart the random seed"),
    (":quit", "           leave (also Ctrl-D)"),
];

fn pair(display: impl Into<String>, replacement: impl Into<String>) -> Pair {
    Pair { display: display.into(), replacement: replacement.into() }
}

/// Completes `line` at byte `pos`; `pending` is the earlier lines of a
/// multi-line input (it only matters for finding the open call).
pub fn complete(scope: &Scope, pending: &str, line: &str, pos: usize) -> (usize, Vec<Pair>) {
    let before = &line[..pos];
    if pending.is_empty() && before.trim_start().starts_with(':') {
        return complete_command(scope, before);
    }
    let (start, mut cands) = complete_code(scope, pending, before);
    cands.sort_by(|a, b| a.replacement.cmp(&b.replacement));
    cands.dedup_by(|a, b| a.replacement == b.replacement);
    (start, cands)
}

fn complete_command(scope: &Scope, before: &str) -> (usize, Vec<Pair>) {
    let lead = before.len() - before.trim_start().len();
    let text = &before[lead..];
    let Some((cmd, _)) = text.split_once(char::is_whitespace) else {
        let c = COMMANDS
            .iter()
            .filter(|(c, _)| c.starts_with(text))
            .map(|(c, _)| pair(*c, format!("{c} ")))
            .collect();
        return (lead, c);
    };
    let arg_start =
        lead + cmd.len() + (text[cmd.len()..].len() - text[cmd.len()..].trim_start().len());
    let arg = &before[arg_start..];
    match cmd {
        ":load" => (arg_start, complete_path(arg)),
        ":help" | ":h" => {
            let names = crate::builtins::all()
                .iter()
                .map(|b| b.qualified())
                .chain(COMMANDS.iter().map(|(c, _)| c.to_string()));
            (arg_start, names.filter(|n| n.starts_with(arg)).map(|n| pair(n.clone(), n)).collect())
        }
        ":time" | ":explain" | ":info" => {
            let (s, c) = complete_code(scope, "", arg);
            (arg_start + s, c)
        }
        _ => (before.len(), vec![]),
    }
}

fn complete_code(scope: &Scope, pending: &str, before: &str) -> (usize, Vec<Pair>) {
    let pieces = scan::scan(before);
    let Some(last) = pieces.last() else {
        return (0, vec![]);
    };
    match last.kind {
        Kind::Str { closed: false } => {
            // The path typed so far starts after the opening quote(s).
            let text = &before[last.range.clone()];
            let q = text.find(['"', '\'']).unwrap_or(0);
            let quote = &text[q..q + 1];
            let skip = if text[q..].starts_with(&quote.repeat(3)) { 3 } else { 1 };
            let start = last.range.start + q + skip;
            return (start, complete_path(&before[start..]));
        }
        Kind::Comment | Kind::Str { .. } | Kind::Number => return (before.len(), vec![]),
        _ => {}
    }
    let (k, start, word) = if last.kind == Kind::Ident {
        (pieces.len() - 1, last.range.start, &before[last.range.clone()])
    } else {
        (pieces.len(), before.len(), "")
    };
    // After a dot: the members of whatever the dotted name before it is.
    if k > 0 && pieces[k - 1].kind == Kind::Dot {
        let Some(chain) = scan::dotted_before(before, &pieces, k - 1) else {
            return (start, vec![]);
        };
        let Some(v) = scope.resolve(&chain) else {
            return (start, vec![]);
        };
        let c = scope::members(&v)
            .into_iter()
            .filter(|m| m.starts_with(word))
            .map(|m| pair(m.clone(), m))
            .collect();
        return (start, c);
    }
    // Keyword arguments of the call the cursor is directly inside.
    let context = format!("{pending}{}{before}", if pending.is_empty() { "" } else { "\n" });
    let mut kwargs = vec![];
    if let Some(call) = scan::open_call(&context[..context.len() - word.len()])
        && call.innermost
        && let Some((_, names)) = scope.resolve(&call.callee).as_ref().and_then(scope::signature)
    {
        kwargs = names
            .into_iter()
            .filter(|n| n.starts_with(word) && !call.keywords.contains(n))
            .map(|n| pair(format!("{n}="), format!("{n}=")))
            .collect();
    }
    // A keyword that fits wins, so `si<Tab>` gives `size=`; typing more of
    // another name (`sig`) brings the other names back.
    if !kwargs.is_empty() {
        return (start, kwargs);
    }
    if word.is_empty() {
        return (start, vec![]);
    }
    let c = scope
        .top_names()
        .into_iter()
        .filter(|n| n.starts_with(word))
        .map(|n| pair(n.clone(), n))
        .collect();
    (start, c)
}

/// Files and directories starting with `word` (a path typed so far).
pub fn complete_path(word: &str) -> Vec<Pair> {
    let (dir_part, file_prefix) = match word.rfind('/') {
        Some(i) => (&word[..=i], &word[i + 1..]),
        None => ("", word),
    };
    let dir = if dir_part.is_empty() {
        std::path::PathBuf::from(".")
    } else if let Some(rest) = dir_part.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        std::path::PathBuf::from(home).join(rest)
    } else {
        std::path::PathBuf::from(dir_part)
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return vec![];
    };
    let mut out: Vec<Pair> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            if !name.starts_with(file_prefix)
                || (name.starts_with('.') && !file_prefix.starts_with('.'))
            {
                return None;
            }
            let is_dir = e.file_type().ok()?.is_dir()
                || (e.file_type().ok()?.is_symlink() && e.path().is_dir());
            let shown = if is_dir { format!("{name}/") } else { name };
            Some(pair(shown.clone(), format!("{dir_part}{shown}")))
        })
        .collect();
    out.sort_by(|a, b| a.replacement.cmp(&b.replacement));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(scope: &Scope, line: &str) -> (usize, Vec<String>) {
        let (s, c) = complete(scope, "", line, line.len());
        (s, c.into_iter().map(|p| p.replacement).collect())
    }

    fn session_scope(code: &str) -> Scope {
        let mut s = crate::Session::new();
        s.eval("<t>", code).unwrap();
        Scope { globals: s.interp().globals.clone() }
    }

    #[test]
    fn top_level_and_modules() {
        let scope = session_scope("import numpy as np\nbig_value = 3");
        assert_eq!(names(&scope, "np.lins"), (3, vec!["linspace".to_string()]));
        assert_eq!(names(&scope, "x = big_v").1, ["big_value"]);
        assert!(names(&scope, "np.random.").1.contains(&"normal".to_string()));
        assert!(names(&scope, "random.nor").1.contains(&"normal".to_string()));
        assert!(names(&scope, "linsp").1.contains(&"linspace".to_string()));
        assert!(names(&scope, "# linsp").1.is_empty());
    }

    #[test]
    fn linear_algebra_modules() {
        let scope = session_scope("import numpy as np\nimport dask.array as da");
        for prefix in ["linalg.", "np.linalg.", "da.linalg."] {
            let (start, c) = names(&scope, prefix);
            assert_eq!(start, prefix.len());
            for f in ["inv", "solve", "svd", "qr", "cholesky", "eigh", "lstsq", "norm"] {
                assert!(c.contains(&f.to_string()), "{prefix} lacks {f}: {c:?}");
            }
        }
        assert_eq!(names(&scope, "np.linalg.eigv").1, ["eigvals", "eigvalsh"]);
        assert_eq!(names(&scope, "linalg.matrix_r").1, ["matrix_rank"]);
        let (_, c) = names(&scope, "linalg.svd(a, ");
        assert!(c.contains(&"full_matrices=".to_string()), "{c:?}");
        assert!(c.contains(&"compute_uv=".to_string()), "{c:?}");
    }

    #[test]
    fn attributes_and_methods() {
        let scope = session_scope("x = arange(10)");
        let (start, c) = names(&scope, "y = x.");
        assert_eq!(start, 6);
        assert!(c.contains(&"shape".to_string()) && c.contains(&"sum".to_string()), "{c:?}");
        assert_eq!(names(&scope, "x.resh").1, ["reshape"]);
        assert!(names(&scope, "nothing.").1.is_empty());
    }

    #[test]
    fn keyword_arguments() {
        let scope = session_scope("");
        assert_eq!(names(&scope, "random.normal(10, 0.1, si").1, ["size="]);
        let (_, c) = names(&scope, "random.normal(10, size=3, ");
        assert!(c.contains(&"chunks=".to_string()) && !c.contains(&"size=".to_string()), "{c:?}");
        let scope = session_scope("def f(alpha, beta=2):\n    return alpha");
        assert_eq!(names(&scope, "f(1, be").1, ["beta="]);
        let (_, c) = complete(&scope, "f(1,", "  al", 4);
        assert_eq!(c[0].replacement, "alpha=");
    }

    #[test]
    fn paths_and_commands() {
        let dir = std::env::temp_dir().join(format!("arr-compl-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("data.npy"), b"").unwrap();
        let d = dir.to_str().unwrap();
        let (start, c) = names(&Scope::default(), &format!("load('{d}/da"));
        assert_eq!(start, 6);
        assert_eq!(c, [format!("{d}/data.npy")]);
        assert_eq!(names(&Scope::default(), &format!("x = \"{d}/s")).1, [format!("{d}/sub/")]);
        assert_eq!(names(&Scope::default(), &format!(":load {d}/s")).1, [format!("{d}/sub/")]);
        assert_eq!(names(&Scope::default(), ":ti").1, [":time "]);
        assert_eq!(names(&Scope::default(), ":help random.norm").1, ["random.normal"]);
        assert_eq!(names(&Scope::default(), ":time np.lins"), (9, vec!["linspace".to_string()]));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
