//! Progress of running computations, and the terminal bar that shows it.
//!
//! The executor counts tasks on a shared [`Progress`]: each parallel
//! fan-out (the root's chunks, a reduction's blocks) adds its task count to
//! the total when it starts and one per finished task, with relaxed atomic
//! adds (no lock, nothing per tile). The total therefore grows as nested
//! work is discovered; the fraction done is an estimate, the counts are
//! exact. [`Bar`] watches a `Progress` from its own thread and draws an
//! `indicatif` bar on stderr once the work has run for half a second, so
//! quick evaluations never flash a bar.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Task counters shared by a session's computations.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    /// Announces `n` more tasks.
    pub fn add_tasks(&self, n: usize) {
        self.total.fetch_add(n as u64, Ordering::Relaxed);
    }

    /// Records one finished task.
    pub fn task_done(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// (tasks done, tasks announced) so far.
    pub fn counts(&self) -> (u64, u64) {
        (self.done.load(Ordering::Relaxed), self.total.load(Ordering::Relaxed))
    }

    /// Starts counting from zero (before a new evaluation).
    pub fn reset(&self) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(0, Ordering::Relaxed);
    }
}

/// How long work runs before the bar appears.
const SHOW_AFTER: Duration = Duration::from_millis(500);
/// How often the bar is redrawn.
const REFRESH: Duration = Duration::from_millis(100);

/// A progress bar on stderr for the lifetime of this value (one
/// evaluation). Dropping it stops the watcher and clears the bar.
pub struct Bar {
    stop: Arc<AtomicBool>,
    watcher: Option<JoinHandle<()>>,
}

impl Bar {
    /// Resets `progress` and watches it. The caller decides whether a bar
    /// is wanted at all (stderr a terminal, not `--quiet`, not JSON).
    pub fn start(progress: Arc<Progress>) -> Bar {
        progress.reset();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let watcher = std::thread::Builder::new()
            .name("arr-progress".into())
            .spawn(move || watch(&progress, &flag))
            .ok();
        Bar { stop, watcher }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(w) = self.watcher.take() {
            w.thread().unpark();
            let _ = w.join();
        }
    }
}

fn watch(progress: &Progress, stop: &AtomicBool) {
    let started = Instant::now();
    let mut bar: Option<indicatif::ProgressBar> = None;
    while !stop.load(Ordering::Relaxed) {
        std::thread::park_timeout(REFRESH);
        let (done, total) = progress.counts();
        if bar.is_none() && started.elapsed() >= SHOW_AFTER && total > 0 {
            let style = indicatif::ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} tasks",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            bar = Some(
                indicatif::ProgressBar::with_draw_target(
                    Some(total),
                    indicatif::ProgressDrawTarget::stderr(),
                )
                .with_style(style),
            );
        }
        if let Some(b) = &bar {
            b.set_length(total.max(done));
            b.set_position(done);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
}
