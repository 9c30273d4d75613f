//! The interactive REPL (rustyline): completion (`completion.rs`),
//! highlighting and signature hints (`highlight.rs`), `:commands`
//! (`commands.rs`), over a copy of the session's variables (`scope.rs`)
//! and a forgiving scanner for half-typed input (`scan.rs`).
//!
//! Input is read a line at a time: while [`crate::syntax::is_incomplete`]
//! says a block or bracket is still open, the next line is read with the
//! `... ` prompt (indented to match), and the whole input is evaluated
//! once complete. History is kept in the user's data directory. A failed
//! input leaves the session unchanged; Ctrl-C at the prompt clears the
//! input, Ctrl-C during a computation cancels it (main.rs's signal handler
//! sets the session's cancel flag), Ctrl-D exits.

mod commands;
mod completion;
mod highlight;
mod scan;
mod scope;

use rustyline::completion::{Completer, Pair};
use rustyline::config::{ColorMode, CompletionType, Config};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hint, Hinter};
use rustyline::validate::Validator;
use rustyline::{Context, Helper};
use std::borrow::Cow;
use std::cell::Cell;
use std::io::IsTerminal;
use std::process::ExitCode;

use crate::Session;
use scope::Scope;

/// The line editor's view of the session.
struct ArrHelper {
    scope: Scope,
    /// Earlier lines of the input being typed (for finding the open call).
    pending: String,
    color: bool,
    /// Emphasize the bracket matching the one at the cursor (not in the
    /// final redraw of an accepted line).
    show_match: Cell<bool>,
}

impl ArrHelper {
    /// The input so far, up to the cursor.
    fn context(&self, before: &str) -> String {
        if self.pending.is_empty() {
            before.to_string()
        } else {
            format!("{}\n{before}", self.pending)
        }
    }
}

impl Completer for ArrHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        Ok(completion::complete(&self.scope, &self.pending, line, pos))
    }
}

/// A signature shown after the cursor; never inserted by accepting hints.
struct SignatureHint(String);

impl Hint for SignatureHint {
    fn display(&self) -> &str {
        &self.0
    }
    fn completion(&self) -> Option<&str> {
        None
    }
}

impl Hinter for ArrHelper {
    type Hint = SignatureHint;

    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<SignatureHint> {
        // Without colour a hint would look like typed text.
        if !self.color || pos < line.len() || line.trim_start().starts_with(':') {
            return None;
        }
        let sig = highlight::signature_hint(&self.scope, &self.context(line))?;
        Some(SignatureHint(format!("  {sig}")))
    }
}

impl Highlighter for ArrHelper {
    fn highlight<'l>(&self, line: &'l str, pos: usize) -> Cow<'l, str> {
        if !self.color {
            return Cow::Borrowed(line);
        }
        let cursor = self.show_match.get().then_some(pos);
        Cow::Owned(highlight::highlight(&self.scope, line, cursor, self.pending.is_empty()))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(format!("{}{hint}\x1b[0m", highlight::HINT))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        self.show_match.set(kind != CmdKind::ForcedRefresh);
        self.color
    }
}

/// Continuation is decided by the read loop, line by line.
impl Validator for ArrHelper {}

impl Helper for ArrHelper {}

fn history_path() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/share"))
        })?;
    let dir = base.join("arr");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// The indentation to offer on the next continuation line.
fn next_indent(pending: &str) -> String {
    let last = pending.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
    let indent: String = last.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
    let lexed = crate::syntax::lexer::lex(0, pending);
    if lexed.open_brackets {
        return String::new();
    }
    // A trailing comment does not hide the `:` that opens a block.
    let code = scan::scan(last)
        .into_iter()
        .rev()
        .find(|p| !matches!(p.kind, scan::Kind::Space | scan::Kind::Comment))
        .map(|p| &last[p.range]);
    if code == Some(":") { format!("{indent}    ") } else { indent }
}

pub fn run(session: &mut Session) -> ExitCode {
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let config = Config::builder()
        .completion_type(CompletionType::List)
        .auto_add_history(false)
        .color_mode(if color { ColorMode::Enabled } else { ColorMode::Disabled })
        .build();
    let mut rl = match rustyline::Editor::<ArrHelper, rustyline::history::FileHistory>::with_config(
        config,
    ) {
        Ok(rl) => rl,
        Err(e) => {
            eprintln!("arr: cannot start the line editor: {e}");
            return ExitCode::from(1);
        }
    };
    // rustyline replaced the SIGINT handler when the editor started; from
    // here on Ctrl-C during a computation (the terminal is in cooked mode
    // then) sets the session's cancel flag. At the prompt the terminal is
    // raw, so Ctrl-C arrives as a key and clears the line instead.
    let cancel = session.cancel_flag();
    let _ = ctrlc::set_handler(move || cancel.store(true, std::sync::atomic::Ordering::Relaxed));
    rl.set_helper(Some(ArrHelper {
        scope: Scope::default(),
        pending: String::new(),
        color,
        show_match: Cell::new(true),
    }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    println!(
        "arr {} — NumPy syntax, lazy and parallel. :help for help, Ctrl-D to exit.",
        env!("CARGO_PKG_VERSION")
    );
    let seed = session.interp().seed();
    let mut repl = commands::Repl { session, color, seed, inputs: 0 };
    let mut pending = String::new();
    loop {
        let (prompt, indent) = if pending.is_empty() {
            (">>> ", String::new())
        } else {
            ("... ", next_indent(&pending))
        };
        if let Some(h) = rl.helper_mut() {
            h.pending.clone_from(&pending);
        }
        match rl.readline_with_initial(prompt, (&indent, "")) {
            Ok(line) => {
                if pending.is_empty() {
                    if line.trim().is_empty() {
                        continue;
                    }
                    if line.trim_start().starts_with(':') {
                        remember(&mut rl, &history, line.trim());
                        if !repl.command(&line) {
                            break;
                        }
                        refresh_scope(&mut rl, repl.session);
                        continue;
                    }
                    pending = line;
                } else {
                    pending.push('\n');
                    pending.push_str(&line);
                }
                if crate::syntax::is_incomplete(&pending) {
                    continue;
                }
                let code = std::mem::take(&mut pending);
                let code = code.trim_end();
                remember(&mut rl, &history, code);
                repl.eval_print(code);
                refresh_scope(&mut rl, repl.session);
            }
            // Ctrl-C at the prompt drops the input being typed.
            Err(ReadlineError::Interrupted) => pending.clear(),
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("arr: {e}");
                break;
            }
        }
    }
    ExitCode::SUCCESS
}

/// Adds an input to the history and appends it to the history file at
/// once, so a crash or a second session does not lose it.
fn remember(
    rl: &mut rustyline::Editor<ArrHelper, rustyline::history::FileHistory>,
    history: &Option<std::path::PathBuf>,
    entry: &str,
) {
    let _ = rl.add_history_entry(entry);
    if let Some(h) = history {
        let _ = rl.append_history(h);
    }
}

fn refresh_scope(
    rl: &mut rustyline::Editor<ArrHelper, rustyline::history::FileHistory>,
    session: &mut Session,
) {
    if let Some(h) = rl.helper_mut() {
        h.scope.globals.clone_from(&session.interp().globals);
    }
}

#[cfg(test)]
mod tests {
    use super::next_indent;

    #[test]
    fn continuation_indent() {
        assert_eq!(next_indent("def f(x):"), "    ");
        assert_eq!(next_indent("def f(x):\n    y = x  # c"), "    ");
        assert_eq!(next_indent("def f(x):\n    if x: # c"), "        ");
        assert_eq!(next_indent("x = f(1,"), "");
    }
}
