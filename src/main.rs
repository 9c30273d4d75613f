//! The `arr` command line: a REPL, script runner and calculator.
//!
//! `arr` starts the REPL (or runs standard input as a program when it is
//! not a terminal); `arr FILE.arr` runs a script, printing only what it
//! prints; `arr -e CODE` and `arr -` evaluate a program and show its last
//! expression, as text or (`--format json`) as one JSON object.
//! Exit status: 0 success, 1 an error in the program, 2 bad usage,
//! 130 interrupted.

use arr::{Options, Session};
use clap::{Parser, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Parser, Debug)]
#[command(
    name = "arr",
    version,
    about = "A lazy, chunked, parallel array language with NumPy syntax"
)]
#[command(
    after_help = "Examples:\n  arr                                  start the REPL\n  arr script.arr                       run a script\n  arr -e 'arange(10).sum()'            evaluate and show the last value\n  echo 'ones((2,2))' | arr - --format json"
)]
struct Cli {
    /// Script to run (`-` reads the program from standard input).
    file: Option<String>,
    /// Evaluate CODE and show the value of its last expression (may repeat;
    /// the pieces run in order in one session).
    #[arg(short = 'e', long = "eval", value_name = "CODE")]
    eval: Vec<String>,
    /// Output format for the last value (with -e, - or a script).
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Worker threads (default: ARR_THREADS or all cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Session seed for random arrays.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// No progress bar (it is shown on a terminal's stderr for work longer
    /// than half a second).
    #[arg(short, long)]
    quiet: bool,
    /// Run without the optimizer (for checking that it changes nothing).
    #[arg(long, hide = true)]
    no_optimize: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut session = Session::with_options(Options {
        threads: cli.threads,
        seed: cli.seed,
        optimize: !cli.no_optimize,
    });
    let cancel = session.cancel_flag();
    let interactive = cli.file.is_none() && cli.eval.is_empty() && std::io::stdin().is_terminal();
    if interactive {
        // The REPL installs its own Ctrl-C handler (after the line editor,
        // which replaces the process's SIGINT handler when it starts).
        return arr::repl::run(&mut session);
    }
    // Ctrl-C cancels the running computation; the cancelled program exits
    // with status 130.
    let _ = ctrlc::set_handler(move || cancel.store(true, Ordering::Relaxed));
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let (name, code, show_last) = if !cli.eval.is_empty() {
        ("<-e>".to_string(), cli.eval.join("\n"), true)
    } else {
        match cli.file.as_deref() {
            None | Some("-") => {
                let mut code = String::new();
                if let Err(e) = std::io::stdin().read_to_string(&mut code) {
                    eprintln!("arr: cannot read standard input: {e}");
                    return ExitCode::from(1);
                }
                ("<stdin>".to_string(), code, true)
            }
            Some(path) => match std::fs::read_to_string(path) {
                Ok(code) => (path.to_string(), code, false),
                Err(e) => {
                    eprintln!("arr: cannot read {path}: {e}");
                    return ExitCode::from(2);
                }
            },
        }
    };
    let progress_bar = !cli.quiet && cli.format == Format::Text && std::io::stderr().is_terminal();
    let bar = progress_bar.then(|| arr::exec::progress::Bar::start(session.interp().progress()));
    run_program(&mut session, &name, &code, show_last, cli.format, color, bar)
}

fn run_program(
    s: &mut Session,
    name: &str,
    code: &str,
    show_last: bool,
    format: Format,
    color: bool,
    bar: Option<arr::exec::progress::Bar>,
) -> ExitCode {
    let result = match format {
        Format::Json => s.eval_json(name, code).map(|j| Some(j.to_string())),
        Format::Text if show_last => s.eval_display(name, code),
        Format::Text => s.eval(name, code).map(|_| None),
    };
    drop(bar); // cleared before anything else is written

    match result {
        Ok(out) => {
            if let Some(text) = out {
                let mut stdout = std::io::stdout().lock();
                let _ = writeln!(stdout, "{text}");
            }
            ExitCode::SUCCESS
        }
        Err(diags) => {
            let cancelled = diags.iter().any(|d| d.kind == arr::ErrorKind::Cancelled);
            if format == Format::Json {
                if let Some(d) = diags.first() {
                    println!("{}", s.error_json(d));
                }
            } else {
                eprint!("{}", s.render(&diags, color));
            }
            ExitCode::from(if cancelled { 130 } else { 1 })
        }
    }
}
