//! arr: a lazy, chunked, parallel array language with NumPy syntax.
//!
//! The pipeline, stage by stage (each a module):
//! `syntax` (text → AST) → `interp` (AST → values; array operations record
//! IR nodes) → `ir` (the lazy graph) → `optimize` (graph rewrites) →
//! `exec` (chunk plan, parallel evaluation) → `display` (NumPy-style text).
//! [`Session`] is the embedding API that drives them in that order; the
//! `embed` module has its builder and the host-data exchange, `capi` the C ABI.
//!
//! ```
//! let mut s = arr::Session::new();
//! let v = s.eval("<doc>", "import numpy as np\nnp.arange(6).reshape(2, 3).sum(axis=0)").unwrap();
//! assert_eq!(s.display(&v.unwrap()).unwrap().lines().last(), Some("[3 5 7]"));
//! ```

pub mod array;
pub mod builtins;
pub mod capi;
pub mod diag;
pub mod display;
pub mod embed;
pub mod exec;
pub mod interp;
pub mod io;
pub mod ir;
pub mod linalg;
pub mod optimize;
pub mod random;
pub mod repl;
pub mod syntax;

pub use diag::{Diagnostic, ErrorKind};
pub use embed::{ErrorInfo, SessionBuilder};
pub use interp::Value;

use diag::sources::Sources;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// How a session is set up.
#[derive(Clone, Debug)]
pub struct Options {
    /// Worker threads (default: `ARR_THREADS`, else all cores).
    pub threads: Option<usize>,
    /// Session seed for random arrays (default 0: reproducible runs).
    pub seed: u64,
    /// Run the optimizer (turned off only to check it changes nothing).
    pub optimize: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { threads: None, seed: 0, optimize: true }
    }
}

/// An arr session: variables, sources seen so far, and a thread pool.
pub struct Session {
    interp: interp::Interp,
    sources: Sources,
    cancel: Arc<AtomicBool>,
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

impl Session {
    pub fn new() -> Session {
        Session::with_options(Options::default())
    }

    pub fn with_options(o: Options) -> Session {
        let threads = o
            .threads
            .or_else(|| std::env::var("ARR_THREADS").ok().and_then(|v| v.parse().ok()))
            .filter(|&t| t > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("arr-worker-{i}"))
            .build()
            .unwrap_or_else(|_| {
                rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a 1-thread pool")
            });
        let cancel = Arc::new(AtomicBool::new(false));
        let mut interp = interp::Interp::new(
            Arc::new(pool),
            cancel.clone(),
            o.seed,
            Box::new(std::io::stdout()),
        );
        interp.optimize = o.optimize;
        Session { interp, sources: Sources::new(), cancel }
    }

    /// Where `print` writes (standard output by default).
    pub fn set_output(&mut self, out: interp::Output) {
        self.interp.set_output(out);
    }

    /// A flag that, when set, cancels the running computation; the session
    /// clears it at the start of each evaluation.
    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        self.cancel.clone()
    }

    pub fn sources(&self) -> &Sources {
        &self.sources
    }

    pub fn interp(&mut self) -> &mut interp::Interp {
        &mut self.interp
    }

    /// Evaluates `code` (named `name` in error messages) and returns the
    /// value of its last statement if that is an expression. On error the
    /// session is left exactly as it was before.
    pub fn eval(&mut self, name: &str, code: &str) -> Result<Option<Value>, Vec<Diagnostic>> {
        self.run(name, code, |_, v| Ok(v))
    }

    /// Like [`eval`](Self::eval), then formats the value as the REPL shows
    /// it; a failure while computing the display also rolls back.
    pub fn eval_display(
        &mut self,
        name: &str,
        code: &str,
    ) -> Result<Option<String>, Vec<Diagnostic>> {
        self.run(name, code, |interp, v| match v {
            Some(Value::None) | None => Ok(None),
            Some(v) => interp.display(&v).map(Some),
        })
    }

    /// Like [`eval`](Self::eval), then converts the value to JSON.
    pub fn eval_json(
        &mut self,
        name: &str,
        code: &str,
    ) -> Result<serde_json::Value, Vec<Diagnostic>> {
        self.run(name, code, |interp, v| match v {
            None => Ok(serde_json::Value::Null),
            Some(v) => interp.to_json(&v),
        })
    }

    fn run<T>(
        &mut self,
        name: &str,
        code: &str,
        finish: impl FnOnce(&mut interp::Interp, Option<Value>) -> Result<T, Diagnostic>,
    ) -> Result<T, Vec<Diagnostic>> {
        self.cancel.store(false, Ordering::Relaxed);
        let src = self.sources.add(name, code);
        let program = syntax::parse(src, code)?;
        let before = self.interp.snapshot();
        let result = self.interp.run_program(&program).and_then(|v| finish(&mut self.interp, v));
        match result {
            Ok(v) => Ok(v),
            Err(d) => {
                self.interp.restore(before);
                Err(vec![d])
            }
        }
    }

    /// The REPL/`arr -e` text of a value (computes what is shown).
    pub fn display(&mut self, v: &Value) -> Result<String, Diagnostic> {
        self.interp.display(v)
    }

    /// Errors rendered for a terminal (`color`) or plain text.
    pub fn render(&self, diags: &[Diagnostic], color: bool) -> String {
        diag::render::render_all(diags, &self.sources, color)
    }

    /// An error as `{"error": {"kind", "message", "line", "column"}}`
    /// (and `"hint"` when there is one); see also [`error_info`](Self::error_info).
    pub fn error_json(&self, d: &Diagnostic) -> serde_json::Value {
        let info = self.error_info(d);
        let mut e = serde_json::json!({
            "kind": info.kind,
            "message": info.message,
            "line": info.line,
            "column": info.column,
        });
        if let Some(h) = info.hint {
            e["hint"] = serde_json::json!(h);
        }
        serde_json::json!({ "error": e })
    }
}
