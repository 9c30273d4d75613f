//! The interpreter: runs statements eagerly over [`Value`]s.
//!
//! Python-like values compute at once; array operations only add nodes to
//! the IR graph (user functions are therefore traced, not interpreted per
//! element). Evaluation is forced only where a concrete value is needed:
//! printing, displaying, `compute()`, and Python code that needs a scalar
//! (`if x.sum() > 0:`, `float(x)`). Statements live here, expressions in
//! `expr.rs`, operators in `ops.rs`, indexing in `index.rs` and `fancy.rs`, and turning
//! values into text in `show.rs`.

mod expr;
mod fancy;
mod format_spec;
mod index;
pub mod ops;
mod show;
mod stmt;
pub mod value;

pub use expr::ARRAY_ATTRS;
pub use format_spec::format_with_spec;
pub use index::MAX_INDEX_ARRAY;
pub use show::{repr, scalar_value};
pub use value::{Function, FunctionBody, Value};

use crate::array::ArrayData;
use crate::diag::{Diagnostic, ErrorKind};
use crate::ir::NodeRef;
use crate::random::StreamKey;
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Deepest nesting of user-function calls before a clear error (instead of
/// overflowing the native stack).
pub const MAX_CALL_DEPTH: usize = 200;

/// Where `print` output goes.
pub type Output = Box<dyn Write + Send>;

/// Interpreter state: variables, the random-stream counter, and the
/// executor it forces computations on.
pub struct Interp {
    pub globals: HashMap<String, Value>,
    frames: Vec<HashMap<String, Value>>,
    seed: u64,
    stream: u64,
    generators: Vec<GeneratorState>,
    pool: Arc<rayon::ThreadPool>,
    cancel: Arc<AtomicBool>,
    /// Tasks done/announced by this interpreter's computations.
    progress: Arc<crate::exec::progress::Progress>,
    /// Run the optimizer before computing (off only to test that it does
    /// not change results).
    pub optimize: bool,
    /// Bytes a computation may hold at its peak (`exec::plan::check_memory`);
    /// defaults to [`crate::exec::plan::memory_limit`].
    pub memory_limit: u64,
    /// When set, no builtin or command may read or write files. Every
    /// builtin that touches the file system (today only the REPL's `:load`;
    /// later `save`, `load`, `from_npy`...) must call
    /// [`Interp::check_file_access`] first.
    pub sandbox: bool,
    out: Output,
    /// Directories `tempdir()` made; removed when the interpreter is dropped.
    scratch: Vec<std::path::PathBuf>,
}

impl Drop for Interp {
    fn drop(&mut self) {
        for dir in &self.scratch {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A `random.default_rng()` generator: the seed of its own Philox key and
/// how many random calls it has served (each call draws stream `calls`).
#[derive(Clone, Copy, Debug)]
struct GeneratorState {
    seed: u64,
    calls: u64,
}

/// The part of the interpreter a failed REPL input must not change.
pub struct Snapshot {
    globals: HashMap<String, Value>,
    seed: u64,
    stream: u64,
    generators: Vec<GeneratorState>,
}

impl Interp {
    pub fn new(
        pool: Arc<rayon::ThreadPool>,
        cancel: Arc<AtomicBool>,
        seed: u64,
        out: Output,
    ) -> Interp {
        Interp {
            globals: HashMap::new(),
            frames: Vec::new(),
            seed,
            stream: 0,
            generators: Vec::new(),
            pool,
            cancel,
            progress: Arc::default(),
            optimize: true,
            memory_limit: crate::exec::plan::memory_limit(),
            sandbox: false,
            out,
            scratch: Vec::new(),
        }
    }

    /// A new empty directory for scratch files (`tempdir()`), removed with
    /// its contents when this interpreter is dropped.
    pub fn scratch_dir(&mut self) -> Result<std::path::PathBuf, String> {
        static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("arr-scratch-{}-{n}", std::process::id()));
        // A leftover from an earlier process with the same id is emptied.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        self.scratch.push(dir.clone());
        Ok(dir)
    }

    /// Refuses file access in a sandboxed session: `what` names the
    /// operation (`"open()"`), `span` the code that asked for it.
    pub fn check_file_access(
        &self,
        what: &str,
        span: Option<crate::diag::Span>,
    ) -> Result<(), Diagnostic> {
        if !self.sandbox {
            return Ok(());
        }
        let message = format!("{what}: file access is disabled in this sandboxed session");
        Err(match span {
            Some(s) => Diagnostic::new(ErrorKind::Io, message, s),
            None => Diagnostic::global(ErrorKind::Io, message),
        })
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            globals: self.globals.clone(),
            seed: self.seed,
            stream: self.stream,
            generators: self.generators.clone(),
        }
    }

    pub fn restore(&mut self, s: Snapshot) {
        self.globals = s.globals;
        self.seed = s.seed;
        self.stream = s.stream;
        self.generators = s.generators;
        self.frames.clear();
    }

    pub fn set_output(&mut self, out: Output) {
        self.out = out;
    }

    pub fn write_out(&mut self, text: &str) {
        // A closed stdout (e.g. `arr ... | head`) is not an error in the program.
        let _ = self.out.write_all(text.as_bytes());
        let _ = self.out.flush();
    }

    /// A fresh random stream for one random-array call.
    pub fn next_stream(&mut self) -> StreamKey {
        self.stream += 1;
        StreamKey { seed: self.seed, stream: self.stream }
    }

    /// A new generator keyed by `seed`, independent of the session's streams.
    pub fn new_generator(&mut self, seed: u64) -> Value {
        self.generators.push(GeneratorState { seed, calls: 0 });
        Value::Generator(self.generators.len() - 1)
    }

    /// A fresh stream of generator `id` (`None` if no such generator exists
    /// in this session).
    pub fn generator_stream(&mut self, id: usize) -> Option<StreamKey> {
        let g = self.generators.get_mut(id)?;
        g.calls += 1;
        Some(StreamKey { seed: g.seed, stream: g.calls })
    }

    pub fn set_seed(&mut self, seed: u64) {
        self.seed = seed;
        self.stream = 0;
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The graph `compute` would run: optimized unless turned off.
    pub fn plan(&self, node: &NodeRef) -> NodeRef {
        if self.optimize { crate::optimize::optimize(node) } else { node.clone() }
    }

    /// The progress counters of this interpreter's computations.
    pub fn progress(&self) -> Arc<crate::exec::progress::Progress> {
        self.progress.clone()
    }

    fn exec_ctx(&self) -> crate::exec::Ctx {
        crate::exec::Ctx::with_progress(self.cancel.clone(), self.progress.clone())
    }

    /// Computes an array's whole value on the session's thread pool.
    pub fn compute(&mut self, node: &NodeRef) -> Result<ArrayData, Diagnostic> {
        let plan = self.plan(node);
        crate::exec::plan::check_memory(&plan, self.pool.current_num_threads(), self.memory_limit)?;
        let ctx = self.exec_ctx();
        self.pool.install(|| crate::exec::compute(&plan, &ctx))
    }

    /// `x[mask]`: counts the mask's true elements per row block now, so the
    /// result's length and chunks are known (never "unknown chunk sizes").
    pub fn masked(&mut self, x: &NodeRef, mask: &NodeRef) -> Result<NodeRef, Diagnostic> {
        let plan = self.plan(mask);
        let lens = mask.chunks[0].clone();
        let ctx = self.exec_ctx();
        let counts =
            self.pool.install(|| crate::exec::mask::count_per_chunk(&plan, &lens, &ctx))?;
        let blocks = Arc::new(crate::ir::MaskCounts { lens, counts });
        crate::ir::build::mask(x, mask, blocks)
    }

    /// Runs `f` on the session's thread pool with the optimized plan of
    /// `node` and a fresh execution context: for builtins that walk an
    /// array's chunks themselves because their result's shape depends on
    /// the data (`unique`).
    pub fn with_plan<T: Send>(
        &mut self,
        node: &NodeRef,
        f: impl FnOnce(&NodeRef, &crate::exec::Ctx) -> Result<T, Diagnostic> + Send,
    ) -> Result<T, Diagnostic> {
        let plan = self.plan(node);
        let ctx = self.exec_ctx();
        self.pool.install(|| f(&plan, &ctx))
    }

    /// Runs `f` on the session's thread pool, so kernels that parallelize
    /// with rayon themselves (faer's) use the session's threads.
    pub fn on_pool<T: Send>(&self, f: impl FnOnce() -> T + Send) -> T {
        self.pool.install(f)
    }

    /// The `explain` text of an array.
    pub fn explain(&self, node: &NodeRef) -> String {
        crate::ir::explain::explain(&self.plan(node), self.pool.current_num_threads())
    }

    /// When an operation was applied to plain Python numbers, computes the
    /// 0-d result now and returns a Python number (as NumPy returns a NumPy
    /// scalar); otherwise returns the lazy array.
    pub fn scalar_or_array(
        &mut self,
        input: &Value,
        node: NodeRef,
        span: crate::diag::Span,
    ) -> Result<Value, Diagnostic> {
        let python_input = matches!(
            input,
            Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::List(_) | Value::Tuple(_)
        );
        if python_input && node.ndim() == 0 {
            let data = self.compute(&node).map_err(|d| d.or_span(span))?;
            return Ok(scalar_value(&data));
        }
        Ok(Value::Array(node))
    }

    /// Python truthiness; a 0-d array is computed, larger arrays are ambiguous.
    pub fn truthy(&mut self, v: &Value, span: crate::diag::Span) -> Result<bool, Diagnostic> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Range(a, b, s) => value::range_len(*a, *b, *s) > 0,
            Value::Array(n) if n.size() == 1 => {
                let d = self.compute(n).map_err(|d| d.or_span(span))?;
                d.get_f64(0) != 0.0
            }
            Value::Array(n) => {
                return Err(Diagnostic::new(
                    ErrorKind::Value,
                    format!("the truth value of an array with {} elements is ambiguous", n.size()),
                    span,
                )
                .with_hint("use a.any() or a.all()"));
            }
            _ => true,
        })
    }

    fn lookup_local(&self, name: &str) -> Option<Value> {
        if let Some(f) = self.frames.last()
            && let Some(v) = f.get(name)
        {
            return Some(v.clone());
        }
        self.globals.get(name).cloned()
    }

    fn bind(&mut self, name: &str, v: Value) {
        match self.frames.last_mut() {
            Some(f) => f.insert(name.to_string(), v),
            None => self.globals.insert(name.to_string(), v),
        };
    }
}
