//! Files arr writes. Every write goes to a temporary file next to the
//! target, named `.NAME.arr-tmp`, and is renamed over the target only
//! when it is complete and flushed, so a failed or interrupted write never
//! leaves a truncated file or clobbers the old one. A stale temporary from
//! an earlier crash is recognisable by that name and replaced by the next
//! write to the same path.

pub mod hdf5;
pub mod npy;
pub mod source;

use std::io::Write;
use std::path::{Path, PathBuf};

/// The temporary name a write to `path` uses.
pub fn temporary_for(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    path.with_file_name(format!(".{name}.arr-tmp"))
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
    if path.file_name().is_none() {
        return Err(std::io::Error::other("not a file name"));
    }
    let tmp = temporary_for(path);
    let result = (|| {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
        fill(&mut f)?;
        f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
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
