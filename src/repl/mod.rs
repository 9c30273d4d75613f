//! The interactive REPL (rustyline): multi-line input while brackets or
//! blocks are open, history kept in the user's data directory, values
//! shown NumPy-style, errors rendered with their source spans. A failed
//! input leaves the session unchanged; Ctrl-C at the prompt clears the
//! line, Ctrl-C during a computation cancels it, Ctrl-D exits.

use crate::Session;
use rustyline::error::ReadlineError;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Completer, Helper, Highlighter, Hinter};
use std::io::IsTerminal;
use std::process::ExitCode;

#[derive(Completer, Helper, Highlighter, Hinter)]
struct ArrHelper;

impl Validator for ArrHelper {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if input.trim_start().starts_with(':') || !crate::syntax::is_incomplete(input) {
            Ok(ValidationResult::Valid(None))
        } else {
            Ok(ValidationResult::Incomplete)
        }
    }
}

fn history_path() -> Option<std::path::PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME").map(std::path::PathBuf::from).or_else(|| {
        std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/share"))
    })?;
    let dir = base.join("arr");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// Handles a `:command`; returns false to quit.
fn command(session: &mut Session, line: &str, color: bool) -> bool {
    let (cmd, rest) = line.trim().split_once(char::is_whitespace).unwrap_or((line.trim(), ""));
    match cmd {
        ":q" | ":quit" | ":exit" => return false,
        ":help" | ":h" => {
            let name = rest.trim();
            if name.is_empty() {
                println!(
                    "Type array expressions (NumPy syntax). Commands: :help NAME, :explain EXPR, :quit"
                );
                return true;
            }
            let short = name.rsplit('.').next().unwrap_or(name);
            match crate::builtins::all().iter().find(|b| b.name == short) {
                Some(b) => {
                    println!("{}\n\n{}", b.signature, b.doc);
                    for ex in b.examples {
                        println!("  >>> {ex}");
                    }
                }
                None => println!("no builtin named {name}"),
            }
        }
        ":explain" => match session.eval_display("<repl>", &format!("explain({})", rest)) {
            Ok(_) => {}
            Err(d) => eprint!("{}", session.render(&d, color)),
        },
        other => eprintln!("unknown command {other} (try :help)"),
    }
    true
}

pub fn run(session: &mut Session) -> ExitCode {
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut rl = match rustyline::Editor::<ArrHelper, rustyline::history::FileHistory>::new() {
        Ok(rl) => rl,
        Err(e) => {
            eprintln!("arr: cannot start the line editor: {e}");
            return ExitCode::from(1);
        }
    };
    rl.set_helper(Some(ArrHelper));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    println!(
        "arr {} — NumPy syntax, lazy and parallel. :help for help, Ctrl-D to exit.",
        env!("CARGO_PKG_VERSION")
    );
    let mut n = 0;
    loop {
        match rl.readline(">>> ") {
            Ok(line) => {
                if line.trim().is_empty() {
                    continue;
                }
                let _ = rl.add_history_entry(line.as_str());
                if line.trim_start().starts_with(':') {
                    if !command(session, &line, color) {
                        break;
                    }
                    continue;
                }
                n += 1;
                match session.eval_display(&format!("<input {n}>"), &line) {
                    Ok(Some(text)) => println!("{text}"),
                    Ok(None) => {}
                    Err(d) => eprint!("{}", session.render(&d, color)),
                }
            }
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break,
            Err(e) => {
                eprintln!("arr: {e}");
                break;
            }
        }
    }
    if let Some(h) = &history {
        let _ = rl.save_history(h);
    }
    ExitCode::SUCCESS
}
