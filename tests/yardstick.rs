//! The yardstick (the dask tutorial's benchmark): the mean over axis 0 of a
//! 20000×20000 array of normal random numbers, every 100th column. Checked
//! here: the optimizer pushes the slice into the random source (`explain`),
//! the values are right and agree with smaller, directly sliced programs,
//! and the whole run stays far below the 3.2 GB the array would take.

use arr::{Options, Session, Value};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const X: &str = "random.normal(10, 0.1, (20000, 20000), chunks=(1000, 1000))";

fn yardstick() -> String {
    format!("mean({X}, axis=0)[::100]")
}

fn session() -> Session {
    Session::with_options(Options { threads: Some(2), seed: 0, optimize: true })
}

/// Computes the array `code` ends with: (dtype, shape, values).
#[track_caller]
fn compute(s: &mut Session, code: &str) -> (String, Vec<usize>, Vec<f64>) {
    let v = s.eval("<yardstick>", code).unwrap_or_else(|d| panic!("{}", s.render(&d, false)));
    let Some(Value::Array(n)) = v else { panic!("{code} is not an array: {v:?}") };
    let data = s.interp().compute(&n).unwrap_or_else(|d| panic!("{}", s.render(&[d], false)));
    (data.dtype().name().to_string(), data.shape().to_vec(), data.to_f64_vec())
}

/// A `print` destination the test can read back.
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn explain_shows_the_slice_pushed_into_the_random_source() {
    let mut s = session();
    let v = s.eval("<y>", &yardstick()).unwrap();
    let Some(Value::Array(y)) = v else { panic!("not an array: {v:?}") };
    let text = s.interp().explain(&y);
    // The `explain(...)` builtin prints the same text.
    // (In a fresh session, so the random call gets the same stream number.)
    let buf = Shared::default();
    let mut s2 = session();
    s2.set_output(Box::new(buf.clone()));
    s2.eval("<explain>", &format!("explain({})", yardstick())).unwrap();
    let printed = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
    assert_eq!(printed.trim_end(), text.trim_end());
    let lines: Vec<&str> = text.lines().collect();
    let reduce = lines.iter().position(|l| l.contains("mean")).unwrap_or_else(|| {
        panic!("no mean in the plan:\n{text}");
    });
    let source = lines.iter().position(|l| l.contains("random.normal")).unwrap_or_else(|| {
        panic!("no random source in the plan:\n{text}");
    });
    assert!(reduce < source, "the mean should be above its source:\n{text}");
    // The slice sits in the source: only 200 of the 20000 columns are drawn.
    let src = lines[source];
    assert!(src.contains("view[:, ::100] of (20000, 20000)"), "source line: {src}\n{text}");
    assert!(src.contains("(20000, 200)"), "the source should be 20000×200: {src}\n{text}");
    // No slice is left anywhere else in the plan.
    for (i, l) in lines.iter().enumerate() {
        if i != source {
            assert!(!l.contains("slice") && !l.contains("view"), "leftover slice: {l}\n{text}");
        }
    }
    // The reduction's result is the 200 columns.
    assert!(lines[reduce].contains("(200,)"), "reduction line: {}\n{text}", lines[reduce]);
}

#[test]
fn yardstick_values_are_right_and_agree_with_sliced_programs() {
    let mut s = session();
    s.eval("<x>", &format!("x = {X}\ny = mean(x, axis=0)[::100]")).unwrap();
    let (dtype, shape, y) = compute(&mut s, "y");
    assert_eq!(dtype, "float64");
    assert_eq!(shape, vec![200]);
    for (i, v) in y.iter().enumerate() {
        assert!((v - 10.0).abs() < 0.01, "y[{i}] = {v}");
    }
    // Mean of 20000 draws with sd 0.1: the 200 means scatter with sd
    // 0.1/sqrt(20000) ~ 7e-4 around 10, and are not all the same.
    let avg = y.iter().sum::<f64>() / 200.0;
    let sd = (y.iter().map(|v| (v - avg).powi(2)).sum::<f64>() / 199.0).sqrt();
    assert!((avg - 10.0).abs() < 3e-4, "average of the means {avg}");
    assert!(sd > 3e-4 && sd < 1.5e-3, "sd of the means {sd}");

    // Column c of x is the same random numbers whatever else is computed
    // (counter-based generator), and its mean reduces over the same chunk
    // grid on axis 0 (twenty 1000-row chunks, combined in the same fixed
    // tree), so a directly sliced program gives the same bits: the chunk
    // grid of the *other* axis (1 column, 3 columns, 10 per chunk in the
    // yardstick) must not change how one column is summed.
    for (code, first) in [
        ("mean(x[:, 0:1], axis=0)", 0),
        ("mean(x[:, 100:101], axis=0)", 1),
        ("mean(x[:, 5700:5701], axis=0)", 57),
        ("mean(x[:, -100:], axis=0)[::100]", 199),
        ("mean(x[:, 300:600:100], axis=0)", 3),
        ("x[:, ::100].mean(axis=0)[:5]", 0),
    ] {
        let (dt, _, part) = compute(&mut s, code);
        assert_eq!(dt, "float64", "{code}");
        for (k, v) in part.iter().enumerate() {
            let want = y[first + k];
            assert_eq!(
                v.to_bits(),
                want.to_bits(),
                "{code}[{k}] = {v:e} but y[{}] = {want:e}",
                first + k
            );
        }
    }
    // A different chunking of the reduced axis changes only the rounding.
    let (_, _, other) = compute(&mut s, "mean(rechunk(x[:, 0:1000:100], (3000, 10)), axis=0)");
    for (k, v) in other.iter().enumerate() {
        assert!(
            (v - y[k]).abs() <= 1e-12 * y[k].abs(),
            "rechunked mean [{k}]: {v:e} vs {:e}",
            y[k]
        );
    }
}

/// Peak resident memory (KiB) of a child process: `/usr/bin/time -f %M`
/// when it exists, else `VmHWM` of `/proc/<pid>/status` polled until exit.
fn peak_rss_kib(bin: &str, args: &[&str]) -> (u64, String) {
    if std::path::Path::new("/usr/bin/time").exists() {
        let out = Command::new("/usr/bin/time")
            .args(["-f", "PEAK_KIB=%M"])
            .arg(bin)
            .args(args)
            .output()
            .expect("run /usr/bin/time");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let err = String::from_utf8_lossy(&out.stderr);
        let kib = err
            .lines()
            .find_map(|l| l.strip_prefix("PEAK_KIB="))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no peak in {err}"));
        return (kib, String::from_utf8_lossy(&out.stdout).into_owned());
    }
    let mut child = Command::new(bin)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn arr");
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    let start = Instant::now();
    // Read stdout on another thread so the child never blocks on a full pipe.
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    loop {
        let hwm = std::fs::read_to_string(&status_path).ok().and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        });
        peak = peak.max(hwm.unwrap_or(0));
        if let Some(st) = child.try_wait().unwrap() {
            assert!(st.success(), "arr failed: {st}");
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(300), "arr did not finish");
        std::thread::sleep(Duration::from_millis(2));
    }
    (peak, reader.join().unwrap())
}

#[test]
fn yardstick_peak_memory_is_small() {
    let bin = env!("CARGO_BIN_EXE_arr");
    let code = format!("y = {}\nprint(y.shape, y.dtype)\nprint(float(y.sum()))", yardstick());
    let (kib, out) = peak_rss_kib(bin, &["--threads", "2", "-e", &code]);
    assert!(out.contains("(200,) float64"), "output: {out}");
    let mb = kib as f64 * 1024.0 / 1e6;
    eprintln!("yardstick peak RSS: {mb:.1} MB");
    assert!(mb > 0.5, "peak RSS {mb} MB: not measured?");
    assert!(mb < 200.0, "yardstick peak RSS {mb:.1} MB (limit 200 MB)");
}
