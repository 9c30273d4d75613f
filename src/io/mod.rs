//! Files arr writes. Every write goes to a temporary file next to the
//! target, named `.NAME.arr-tmp`, and is renamed over the target only
//! when it is complete and flushed, so a failed or interrupted write never
//! leaves a truncated file or clobbers the old one. A stale temporary from
//! an earlier crash is recognisable by that name and replaced by the next
//! write to the same path.

pub mod hdf5;
pub mod npy;
pub mod source;
pub mod zarr;

use crate::diag::{Diagnostic, ErrorKind, Span};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The temporary name a write to `path` uses.
pub fn temporary_for(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    path.with_file_name(format!(".{name}.arr-tmp"))
}

/// Why a write through [`write_atomic_file`] stopped: the file system, or
/// the computation feeding it (an error in a chunk, or cancellation).
#[derive(Debug)]
pub enum WriteError {
    Io(std::io::Error),
    Stopped(Diagnostic),
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> WriteError {
        WriteError::Io(e)
    }
}

impl From<Diagnostic> for WriteError {
    fn from(d: Diagnostic) -> WriteError {
        WriteError::Stopped(d)
    }
}

impl WriteError {
    /// The error to report: a file-system error names the path (and points
    /// at `span` when given); a computation's error is passed on.
    pub fn into_diagnostic(self, path: &Path, span: Option<Span>) -> Diagnostic {
        match self {
            WriteError::Io(e) => {
                let d = Diagnostic::global(
                    ErrorKind::Io,
                    format!("cannot write {}: {e}", path.display()),
                );
                match span {
                    Some(s) => d.or_span(s),
                    None => d,
                }
            }
            WriteError::Stopped(d) => d,
        }
    }
}

/// Writes `bytes` to `path` all-or-nothing.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Writes to `path` all-or-nothing whatever `fill` writes: into the
/// temporary first (buffered), flushed and synced, then renamed over `path`.
/// On any error the temporary is removed and the old file is untouched.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    write_atomic_file(path, |file| {
        let mut w = std::io::BufWriter::new(file);
        fill(&mut w)?;
        w.flush()
    })
}

/// Writes to `path` all-or-nothing through a [`File`] that `fill` may write
/// anywhere in (positioned writes of chunks in any order): the temporary
/// `.NAME.arr-tmp` is created (replacing a stale one left by a crash),
/// filled, synced and renamed over `path`. If `fill` fails, or the
/// process is cancelled while it runs (`fill` returns the error), the
/// temporary is removed and the old file is untouched.
pub fn write_atomic_file<E: From<std::io::Error>>(
    path: &Path,
    fill: impl FnOnce(&File) -> Result<(), E>,
) -> Result<(), E> {
    if path.file_name().is_none() {
        return Err(std::io::Error::other("not a file name").into());
    }
    let tmp = temporary_for(path);
    let result = (|| {
        let file = File::create(&tmp)?;
        fill(&file)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_keeps_the_old_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("arr-io-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("out.txt");
        write_atomic(&target, b"first").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"first");
        write_atomic(&target, b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        // A directory where the temporary should go makes the write fail.
        std::fs::create_dir_all(temporary_for(&target)).unwrap();
        assert!(write_atomic(&target, b"third").is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
