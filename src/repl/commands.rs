//! The REPL's `:commands`: help from the registry, timing, plans, a
//! dask-style summary of an array, the variable list, loading a script,
//! resetting and quitting. Inspection commands (`:info`, `:explain`,
//! `:vars`) never compute an array and leave the session as it was.

use super::completion::COMMANDS;
use super::scope::{self, Scope};
use crate::Session;
use crate::display::format_bytes;
use crate::interp::Value;
use std::time::Instant;

/// What the REPL keeps between inputs besides the session itself.
pub struct Repl<'a> {
    pub session: &'a mut Session,
    pub color: bool,
    /// The seed the session started with, restored by `:reset`.
    pub seed: u64,
    /// Inputs evaluated so far (names each input's source).
    pub inputs: usize,
}

impl Repl<'_> {
    /// Evaluates one input and prints its value or its error.
    pub fn eval_print(&mut self, code: &str) {
        self.inputs += 1;
        let bar = std::io::IsTerminal::is_terminal(&std::io::stderr())
            .then(|| crate::exec::progress::Bar::start(self.session.interp().progress()));
        let result = self.session.eval_display(&format!("<input {}>", self.inputs), code);
        drop(bar); // cleared before the value or error is written
        match result {
            Ok(Some(text)) => println!("{text}"),
            Ok(None) => {}
            Err(d) => {
                // The terminal echoed `^C`; start the message on a new line.
                if d.iter().any(|d| d.kind == crate::ErrorKind::Cancelled) {
                    eprintln!();
                }
                eprint!("{}", self.session.render(&d, self.color))
            }
        }
    }

    /// Evaluates `code` to a value and restores the session afterwards, so
    /// inspecting never changes variables or the random stream.
    fn inspect(&mut self, code: &str) -> Option<Value> {
        self.inputs += 1;
        let before = self.session.interp().snapshot();
        let r = self.session.eval(&format!("<input {}>", self.inputs), code);
        self.session.interp().restore(before);
        match r {
            Ok(Some(v)) => Some(v),
            Ok(None) => {
                eprintln!("expected an expression");
                None
            }
            Err(d) => {
                eprint!("{}", self.session.render(&d, self.color));
                None
            }
        }
    }

    fn bold(&self, s: &str) -> String {
        if self.color { format!("\x1b[1m{s}\x1b[0m") } else { s.to_string() }
    }

    /// Handles a `:command` line; returns false to quit.
    pub fn command(&mut self, line: &str) -> bool {
        let line = line.trim();
        let (cmd, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim();
        let needs_arg = |what: &str| {
            eprintln!("{cmd} needs {what}, e.g. `{cmd} arange(10).sum()`");
        };
        match cmd {
            ":q" | ":quit" | ":exit" => return false,
            ":help" | ":h" | ":?" => self.help(rest),
            ":time" if rest.is_empty() => needs_arg("an expression"),
            ":time" => self.time(rest),
            ":explain" if rest.is_empty() => needs_arg("an array expression"),
            ":explain" => {
                if let Some(Value::Array(n)) = self.inspect(rest).as_ref() {
                    print!("{}", self.session.interp().explain(n));
                } else {
                    eprintln!(":explain shows the plan of an array expression");
                }
            }
            ":info" if rest.is_empty() => needs_arg("an expression"),
            ":info" => {
                if let Some(v) = self.inspect(rest) {
                    print!("{}", self.info(&v));
                }
            }
            ":vars" => self.vars(),
            ":load" if rest.is_empty() => {
                eprintln!(":load needs a file name, e.g. `:load script.arr`")
            }
            ":load" => self.load(rest.trim_matches(|c| c == '"' || c == '\'')),
            ":reset" => {
                let interp = self.session.interp();
                interp.globals.clear();
                interp.set_seed(self.seed);
                println!("session reset: no variables, seed {}", self.seed);
            }
            other => {
                let names = COMMANDS.iter().map(|(c, _)| *c);
                match crate::diag::did_you_mean(other, names) {
                    Some(s) => eprintln!(
                        "unknown command {other} (did you mean {s}? :help lists commands)"
                    ),
                    None => eprintln!("unknown command {other} (:help lists commands)"),
                }
            }
        }
        true
    }

    fn help(&mut self, name: &str) {
        if name.is_empty() {
            println!("Type NumPy-style code; arrays are lazy and computed in parallel when shown.");
            println!("Multi-line input (def, for, open brackets) continues with `... `;");
            println!("an empty line ends a block. Tab completes names, members after `x.`,");
            println!("keyword arguments and file names; Ctrl-C cancels, Ctrl-D exits.\n");
            println!("Commands:");
            for (c, d) in COMMANDS {
                println!("  {c} {d}");
            }
            println!("\nFunctions: `:help NAME` (e.g. `:help linspace`, `:help random.normal`);");
            println!("press Tab after `np.`, `random.` or `x.` to list what is there.");
            return;
        }
        if let Some((c, d)) = COMMANDS.iter().find(|(c, _)| *c == name || c[1..] == *name) {
            println!("{c} {d}");
            return;
        }
        let parts: Vec<String> = name.split('.').map(str::to_string).collect();
        let scope = Scope { globals: self.session.interp().globals.clone() };
        let found = scope.resolve(&parts).or_else(|| {
            // `:help sum` also finds methods, `:help normal` the random module.
            let last = parts.last()?;
            crate::builtins::all().iter().find(|b| b.name == last).map(|b| Value::Builtin(b))
        });
        match found {
            Some(Value::Builtin(b)) | Some(Value::Method(_, b)) => {
                println!("{}", self.bold(b.signature));
                if b.module == crate::builtins::Module::Random {
                    println!("  in random (also np.random, da.random)");
                }
                if b.module == crate::builtins::Module::Generator {
                    println!("  a method of generators: rng = random.default_rng(seed)");
                }
                if b.method {
                    println!("  also a method: x.{}(...)", b.name);
                }
                println!("\n{}", b.doc.trim_end());
                if !b.examples.is_empty() {
                    println!("\nExamples:");
                    for ex in b.examples {
                        println!("  >>> {ex}");
                    }
                }
            }
            Some(v @ Value::Function(_)) => {
                let (sig, _) = scope::signature(&v).unwrap_or_default();
                println!("{}\n  a function defined in this session", self.bold(&sig));
            }
            Some(Value::Module(m)) => {
                println!("module {}: {}", m.name(), scope::members(&Value::Module(m)).join(", "));
            }
            Some(v) => println!("{name}: {}", scope::describe(&v)),
            None => {
                let all = crate::builtins::all().iter().map(|b| b.name);
                match crate::diag::did_you_mean(parts.last().map_or(name, |s| s), all) {
                    Some(s) => eprintln!("no function named {name} (did you mean {s}?)"),
                    None => eprintln!("no function named {name}; press Tab to see names"),
                }
            }
        }
    }

    fn time(&mut self, code: &str) {
        let rss_before = proc_status_kb("VmRSS");
        // Linux resets the peak-RSS mark to the current RSS when 5 is
        // written here, so the peak read afterwards is this evaluation's.
        let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
        let hwm_before = proc_status_kb("VmHWM");
        let start = Instant::now();
        self.eval_print(code);
        let wall = start.elapsed();
        let hwm_after = proc_status_kb("VmHWM");
        let mut report = format!("wall time: {}", format_duration(wall));
        match (rss_before, hwm_before, hwm_after) {
            (Some(rss), _, Some(peak)) if reset => report.push_str(&format!(
                ", peak memory: {} (+{} over the {} in use before)",
                format_bytes(peak * 1024),
                format_bytes(peak.saturating_sub(rss) * 1024),
                format_bytes(rss * 1024)
            )),
            (_, Some(before), Some(after)) if after > before => report.push_str(&format!(
                ", process peak memory grew by {} to {}",
                format_bytes((after - before) * 1024),
                format_bytes(after * 1024)
            )),
            _ => {}
        }
        eprintln!("{report}");
    }

    fn info(&mut self, v: &Value) -> String {
        let Value::Array(n) = v else {
            return format!("{} (not an array)\n", scope::describe(v));
        };
        let plan = self.session.interp().plan(n);
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![plan.clone()];
        while let Some(x) = stack.pop() {
            if seen.insert(x.id) {
                stack.extend(x.inputs.iter().cloned());
            }
        }
        let chunk = n.chunksize();
        let chunk_bytes = chunk.iter().product::<usize>() as u64 * n.dtype.size() as u64;
        let nchunks: usize = n.numblocks().iter().product();
        let tasks: usize = plan.numblocks().iter().product();
        let rows = [
            ("", "Array".to_string(), "Chunk".to_string()),
            ("Bytes", format_bytes(n.nbytes()), format_bytes(chunk_bytes)),
            ("Shape", scope::shape_text(&n.shape), scope::shape_text(&chunk)),
            (
                "Count",
                format!("{nchunks} chunks"),
                format!("grid {}", scope::shape_text(&n.numblocks())),
            ),
            ("Plan", plural(tasks, "task"), plural(seen.len(), "graph node")),
            ("Type", n.dtype.to_string(), String::new()),
        ];
        let w1 = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
        let mut out = String::new();
        for (label, a, c) in rows {
            let line = format!("{label:<6}  {a:<w1$}  {c}");
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    fn vars(&mut self) {
        let globals = &self.session.interp().globals;
        if globals.is_empty() {
            println!("(no variables)");
            return;
        }
        let mut names: Vec<&String> = globals.keys().collect();
        names.sort();
        let w = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
        for n in names {
            println!("{n:<w$}  {}", scope::describe(&globals[n]));
        }
    }

    fn load(&mut self, path: &str) {
        if let Err(d) = self.session.interp().check_file_access(":load", None) {
            eprint!("{}", self.session.render(&[d], self.color));
            return;
        }
        let code = match std::fs::read_to_string(path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("cannot load {path}: {}", io_reason(&e));
                return;
            }
        };
        if let Err(d) = self.session.eval(path, &code) {
            eprint!("{}", self.session.render(&d, self.color));
            eprintln!("{path} not loaded: the session is unchanged");
        }
    }
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// A field of /proc/self/status in kB (Linux only; `None` elsewhere).
fn proc_status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line =
        status.lines().find(|l| l.starts_with(field) && l[field.len()..].starts_with(':'))?;
    line[field.len() + 1..].trim().trim_end_matches("kB").trim().parse().ok()
}

fn format_duration(d: std::time::Duration) -> String {
    let s = d.as_secs_f64();
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.0} µs", s * 1e6)
    }
}
