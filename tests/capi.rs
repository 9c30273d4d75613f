//! The C ABI as a C program uses it: compiles `tests/capi/main.c` against
//! `include/arr.h` and the built cdylib with the system C compiler, runs
//! it, and checks the JSON it prints.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The cdylib cargo built for this test run: next to the test executable
/// (`target/<profile>/deps/`) or one level up (`target/<profile>/`).
fn cdylib() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let deps = exe.parent()?;
    let name = format!("{}arr{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    [deps.to_path_buf(), deps.parent()?.to_path_buf()]
        .into_iter()
        .map(|d| d.join(&name))
        .find(|p| p.is_file())
}

fn c_compiler() -> Option<String> {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    Command::new(&cc).arg("--version").output().ok().filter(|o| o.status.success()).map(|_| cc)
}

#[test]
fn a_c_program_embeds_arr() {
    let Some(cc) = c_compiler() else {
        eprintln!("SKIPPED: no C compiler (`cc` or $CC) on this machine");
        return;
    };
    let lib = cdylib().expect("the arr cdylib next to the test executable (crate-type cdylib)");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib_dir = lib.parent().unwrap();
    let exe = Path::new(env!("CARGO_TARGET_TMPDIR")).join("capi_host");
    let compiled = Command::new(&cc)
        .arg(root.join("tests/capi/main.c"))
        .arg("-I")
        .arg(root.join("include"))
        .arg(&lib)
        .arg(format!("-Wl,-rpath,{}", lib_dir.display()))
        .arg("-o")
        .arg(&exe)
        .output()
        .unwrap();
    assert!(compiled.status.success(), "cc failed: {}", String::from_utf8_lossy(&compiled.stderr));
    let run = Command::new(&exe)
        .env("LD_LIBRARY_PATH", lib_dir)
        .env("DYLD_LIBRARY_PATH", lib_dir)
        .output()
        .unwrap();
    let out = String::from_utf8(run.stdout).unwrap();
    assert!(run.status.success(), "host failed: {out}\n{}", String::from_utf8_lossy(&run.stderr));
    let lines: Vec<serde_json::Value> =
        out.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(lines.len(), 9, "{out}");
    assert_eq!(lines[0], serde_json::Value::Null);
    assert_eq!(lines[1], serde_json::json!({"data": [3, 5, 7], "dtype": "int64", "shape": [3]}));
    assert_eq!(lines[2], serde_json::json!({"data": 2.5, "dtype": "float64", "shape": []}));
    assert_eq!(lines[3]["error"]["kind"], "NameError");
    assert_eq!(
        (lines[3]["error"]["line"].as_u64(), lines[3]["error"]["column"].as_u64()),
        (Some(1), Some(5))
    );
    assert_eq!(lines[4], serde_json::json!([2, 3]), "the session survives an error");
    assert_eq!(lines[5]["error"]["kind"], "UsageError");
    assert!(lines[5]["error"]["message"].as_str().unwrap().contains("UTF-8"));
    assert!(lines[6]["error"]["message"].as_str().unwrap().contains("session is null"));
    assert!(lines[7]["error"]["message"].as_str().unwrap().contains("code is null"));
    assert_eq!(lines[8], serde_json::json!(2));
}
