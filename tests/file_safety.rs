//! A save interrupted halfway never damages the file it replaces: the real
//! `arr` binary overwrites an existing `.npy` with a large result, and is
//! stopped by SIGINT (Ctrl-C: exit status 130, the old file byte for byte,
//! no temporary left) or by SIGKILL (the old file intact; the stale
//! temporary is replaced by the next save to that path).
//!
//! The work is far larger than what is written before the signal (the
//! temporary is polled until chunks are arriving), so the signal always
//! lands midway, however slow the machine.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const PATIENCE: Duration = Duration::from_secs(300);

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("arr-file-safety-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// An existing file with recognisable bytes that a save will try to replace.
fn old_file(dir: &Path) -> (PathBuf, Vec<u8>) {
    let path = dir.join("data.npy");
    let bytes: Vec<u8> =
        (0..3_000_000u32).map(|i| (i.wrapping_mul(2654435761) >> 24) as u8).collect();
    std::fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

/// Starts `arr` on a script that overwrites `path` with 2 GB of random
/// normals in 8 MB chunks (far more than is written before the signal).
fn start_big_save(dir: &Path, path: &Path) -> Child {
    let script = dir.join("overwrite.arr");
    std::fs::write(
        &script,
        format!(
            "x = random.normal(size=(250_000_000,), chunks=1_000_000)\nsave({:?}, x * 2 + 1)\n",
            path.to_str().unwrap()
        ),
    )
    .unwrap();
    Command::new(env!("CARGO_BIN_EXE_arr"))
        .arg(&script)
        .arg("--threads")
        .arg("2")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits until the temporary holds some chunks (so the save is midway).
#[track_caller]
fn wait_for_chunks(child: &mut Child, tmp: &Path) {
    let start = Instant::now();
    loop {
        if std::fs::metadata(tmp).is_ok_and(|m| m.len() > 20_000_000) {
            return;
        }
        if let Some(status) = child.try_wait().unwrap() {
            panic!("arr ended ({status}) before the save was midway");
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("the temporary {} never filled", tmp.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[track_caller]
fn wait_for_exit(child: &mut Child) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("arr did not stop after the signal");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn temporary(path: &Path) -> PathBuf {
    path.with_file_name(format!(".{}.arr-tmp", path.file_name().unwrap().to_string_lossy()))
}

#[test]
fn ctrl_c_during_an_overwrite_keeps_the_old_file_and_leaves_no_temporary() {
    let dir = scratch("sigint");
    let (path, old) = old_file(&dir);
    let tmp = temporary(&path);
    let mut child = start_big_save(&dir, &path);
    wait_for_chunks(&mut child, &tmp);
    let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(sent.success());
    let status = wait_for_exit(&mut child);
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(130), "exit status after Ctrl-C; stderr: {stderr}");
    assert!(stderr.contains("cancelled"), "stderr: {stderr}");
    assert!(std::fs::read(&path).unwrap() == old, "the old file changed");
    assert!(!tmp.exists(), "the temporary remains after Ctrl-C");
    let names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "only the old file and the script remain: {names:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_killed_overwrite_keeps_the_old_file_and_the_next_save_replaces_the_stale_temporary() {
    let dir = scratch("sigkill");
    let (path, old) = old_file(&dir);
    let tmp = temporary(&path);
    let mut child = start_big_save(&dir, &path);
    wait_for_chunks(&mut child, &tmp);
    child.kill().unwrap(); // SIGKILL: no handler runs
    let status = wait_for_exit(&mut child);
    assert!(!status.success());
    assert!(std::fs::read(&path).unwrap() == old, "the old file changed");
    assert!(tmp.exists(), "a kill leaves the temporary (nothing can remove it)");
    // The next save to the path recognises the stale temporary and replaces it.
    let out = Command::new(env!("CARGO_BIN_EXE_arr"))
        .arg("-e")
        .arg(format!("save({:?}, arange(5.0))", path.to_str().unwrap()))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!tmp.exists(), "the stale temporary was not replaced");
    let new = std::fs::read(&path).unwrap();
    assert_eq!(new.len(), 128 + 5 * 8);
    let values: Vec<f64> =
        new[128..].chunks(8).map(|b| f64::from_le_bytes(b.try_into().unwrap())).collect();
    assert_eq!(values, [0.0, 1.0, 2.0, 3.0, 4.0]);
    std::fs::remove_dir_all(dir).unwrap();
}
