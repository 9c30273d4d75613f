//! The `arr` command line: a REPL, script runner and calculator.
//!
//! `arr` starts the REPL (or runs standard input as a program when it is
//! not a terminal); `arr FILE.arr` runs a script, printing only what it
//! prints; `arr -e CODE` and `arr -` evaluate a program and show its last
//! expression, as text, as one JSON object (`--format json`) or as a
//! `.npy` file (`--format npy -o FILE`). `arr completions SHELL` prints a
//! shell completion script.
//! Exit status: 0 success, 1 an error in the program, 2 bad usage,
//! 130 interrupted.

use arr::Session;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
    /// The last value as a NumPy .npy file (needs -o FILE).
    Npy,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print a shell completion script (e.g. `arr completions bash > ~/.local/share/bash-completion/completions/arr`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Parser, Debug)]
#[command(
    name = "arr",
    version,
    args_conflicts_with_subcommands = true,
    about = "A lazy, chunked, parallel array language with NumPy syntax"
)]
#[command(
    after_help = "Examples:\n  arr                                  start the REPL\n  arr script.arr                       run a script\n  arr -e 'arange(10).sum()'            evaluate and show the last value\n  echo 'ones((2,2))' | arr - --format json\n  arr -e 'random.random((3, 3))' --format npy -o r.npy\n  arr --memory 2G script.arr           cap a computation's memory at 2 GiB\n  arr completions bash                 print a bash completion script"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Script to run (`-` reads the program from standard input).
    file: Option<String>,
    /// Evaluate CODE and show the value of its last expression (may repeat;
    /// the pieces run in order in one session).
    #[arg(short = 'e', long = "eval", value_name = "CODE")]
    eval: Vec<String>,
    /// Output format for the last value (with -e, - or a script).
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// File to write with --format npy (replaced only once complete).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// Memory limit of a computation, in bytes or with a suffix (500M, 2G;
    /// default: ARR_MEMORY or half of physical memory).
    #[arg(long, value_name = "BYTES", value_parser = parse_memory)]
    memory: Option<u64>,
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

/// Tells glibc's allocator to keep freed chunk buffers for reuse.
///
/// By default glibc serves allocations above 128 KiB with fresh `mmap`s
/// (raising that bar only as such blocks are freed, per arena) and returns
/// freed heap tops to the kernel beyond 128 KiB. arr allocates and frees
/// buffers of a chunk's size, typically 0.25–8 MiB, thousands of times per
/// computation on every worker thread, so each one came back as fresh pages:
/// page faults and zeroing were the largest cost of reading the tutorial's
/// HDF5 weather files and of the Lennard-Jones example (measured: 0.18 s to
/// 0.12 s and 0.79 s to 0.54 s, README "Performance"). Blocks under 32 MiB
/// now come from the heap and up to 64 MiB of free heap top is kept per
/// arena. Only the `arr` binary does this: a program embedding the library
/// keeps its own allocator settings.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn keep_freed_chunks_for_reuse() {
    // SAFETY: mallopt only changes allocator parameters; it is called
    // before any other thread exists. A rejected value leaves the default.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn keep_freed_chunks_for_reuse() {}

fn main() -> ExitCode {
    keep_freed_chunks_for_reuse();
    let cli = Cli::parse();
    if let Some(Command::Completions { shell }) = cli.command {
        clap_complete::generate(shell, &mut Cli::command(), "arr", &mut std::io::stdout());
        return ExitCode::SUCCESS;
    }
    if cli.format == Format::Npy && cli.output.is_none() {
        eprintln!("arr: --format npy needs an output file: -o FILE");
        return ExitCode::from(2);
    }
    let mut builder = Session::builder().seed(cli.seed).optimize(!cli.no_optimize);
    if let Some(t) = cli.threads {
        builder = builder.threads(t);
    }
    if let Some(bytes) = cli.memory {
        builder = builder.memory_limit(bytes);
    }
    let mut session = builder.build();
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
    let output = Output { format: cli.format, npy_file: cli.output, color };
    let progress_bar = !cli.quiet && cli.format == Format::Text && std::io::stderr().is_terminal();
    let bar = progress_bar.then(|| arr::exec::progress::Bar::start(session.interp().progress()));
    run_program(&mut session, &name, &code, show_last, &output, bar)
}

/// Where and how the last value is shown.
struct Output {
    format: Format,
    npy_file: Option<std::path::PathBuf>,
    color: bool,
}

/// `--memory`: bytes, or a number with a K/M/G/T suffix.
fn parse_memory(s: &str) -> Result<u64, String> {
    arr::exec::plan::parse_bytes(s)
        .filter(|&b| b > 0)
        .ok_or_else(|| format!("expected a positive size such as 500M or 2G, got {s:?}"))
}

fn run_program(
    s: &mut Session,
    name: &str,
    code: &str,
    show_last: bool,
    out: &Output,
    bar: Option<arr::exec::progress::Bar>,
) -> ExitCode {
    let (format, color) = (out.format, out.color);
    let result = match format {
        Format::Json => s.eval_json(name, code).map(|j| Some(j.to_string())),
        Format::Npy => write_npy(s, name, code, out.npy_file.as_deref().expect("checked in main")),
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

/// Evaluates the program and streams its last value to `path` as `.npy`
/// (chunk by chunk, as `save` does).
fn write_npy(
    s: &mut Session,
    name: &str,
    code: &str,
    path: &std::path::Path,
) -> Result<Option<String>, Vec<arr::Diagnostic>> {
    use arr::{Diagnostic, ErrorKind};
    let value = match s.eval(name, code)? {
        Some(v) if !matches!(v, arr::Value::None) => v,
        _ => {
            let msg = "--format npy: the program has no value to write (its last line must be an expression)";
            return Err(vec![Diagnostic::global(ErrorKind::Value, msg)]);
        }
    };
    s.save_npy(&value, path).map_err(|d| vec![d])?;
    Ok(None)
}

// HDF5 linked into this program statically when build.rs found the archives
// (it says why: process start-up). Only the program does this; the library,
// its C ABI and the tests use the shared libhdf5.
// One block per library (clippy flags repeated `link` attributes).
#[cfg(static_hdf5)]
#[link(name = "hdf5", kind = "static")]
unsafe extern "C" {}
#[cfg(static_hdf5)]
#[link(name = "sz", kind = "static")]
unsafe extern "C" {}
#[cfg(static_hdf5)]
#[link(name = "aec", kind = "static")]
unsafe extern "C" {}
#[cfg(static_hdf5)]
#[link(name = "z", kind = "static")]
unsafe extern "C" {}
