//! Build script: decides whether the `arr` program links HDF5 statically.
//!
//! Debian's shared libhdf5 brings 33 more shared libraries with it (curl and
//! its TLS, LDAP and HTTP/2 stack, for HDF5's S3 driver). Loading and
//! relocating them costs about 4 ms at the start of every `arr` process —
//! more than the whole computation of a small `arr -e` calculation. The
//! static archive needs only libsz, libaec and libz: arr never refers to the
//! S3 driver, so the linker leaves its curl-using objects out.
//!
//! Only the program links statically (see the `#[link]` block in
//! src/main.rs, enabled by the `static_hdf5` cfg set here). The library's
//! C ABI (`cdylib`) must be position independent, which Debian's archive is
//! not, so the library and the tests keep the shared libhdf5. When any
//! archive is missing, or `ARR_HDF5_LINK=dynamic` is set, the program links
//! the shared library like everything else.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(static_hdf5)");
    println!("cargo::rerun-if-changed=build.rs");
    for var in ["ARR_HDF5_LINK", "HDF5_DIR", "PKG_CONFIG_PATH", "CC"] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    if std::env::var("ARR_HDF5_LINK").as_deref() == Ok("dynamic") {
        return;
    }
    let Some(hdf5) = hdf5_library_dirs()
        .into_iter()
        .map(|dir| dir.join("libhdf5.a"))
        .find(|path| path.is_file())
    else {
        return;
    };
    let mut archives = vec![hdf5];
    for name in ["libsz.a", "libaec.a", "libz.a"] {
        match compiler_finds(name) {
            Some(path) => archives.push(path),
            None => return,
        }
    }
    for archive in &archives {
        if let Some(dir) = archive.parent() {
            println!("cargo::rustc-link-search=native={}", dir.display());
        }
    }
    println!("cargo::rustc-cfg=static_hdf5");
}

/// Where HDF5's libraries are: `$HDF5_DIR/lib` when set (as hdf5-metno-sys
/// honours it), otherwise pkg-config's answer for `hdf5`.
fn hdf5_library_dirs() -> Vec<PathBuf> {
    if let Some(root) = std::env::var_os("HDF5_DIR") {
        return vec![Path::new(&root).join("lib")];
    }
    pkg_config::Config::new()
        .cargo_metadata(false)
        .env_metadata(false)
        .probe("hdf5")
        .map(|library| library.link_paths)
        .unwrap_or_default()
}

/// The full path of a library file in the C compiler's search path, as
/// `cc -print-file-name` reports it (it echoes the bare name when not found).
fn compiler_finds(file: &str) -> Option<PathBuf> {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let output = Command::new(cc).arg(format!("-print-file-name={file}")).output().ok()?;
    let path = PathBuf::from(String::from_utf8(output.stdout).ok()?.trim());
    (path.is_absolute() && path.is_file()).then_some(path)
}
