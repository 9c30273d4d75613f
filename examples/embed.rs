//! A host program embedding arr: it builds a session, hands in an array
//! made in Rust, evaluates arr code over it, captures what the code
//! prints, and reads the result back as an `ndarray` array.
//!
//! Run with `cargo run --example embed`.

use arr::Session;
use ndarray::{ArrayD, IxDyn};
use std::io::Write;
use std::sync::{Arc, Mutex};

/// A writer the host keeps a handle to, so it can read what `print` wrote.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn main() {
    let mut session =
        Session::builder().threads(2).seed(1).memory_limit(256 << 20).sandbox(true).build();
    let printed = Captured::default();
    session.set_output(Box::new(printed.clone()));

    // Host data: temperatures of 3 sensors over 4 hours.
    let readings = ArrayD::from_shape_vec(
        IxDyn(&[4, 3]),
        vec![20.5, 21.0, 19.5, 22.0, 21.5, 20.0, 23.5, 22.0, 20.5, 21.0, 22.5, 21.0],
    )
    .expect("4 × 3 values");
    session.set("readings", readings).expect("a valid name");

    let code = "\
import numpy as np
mean = readings.mean(axis=0)
print('per-sensor mean:', mean)
anomaly = readings - mean
np.abs(anomaly).max(axis=0)";
    match session.eval("<host>", code) {
        Ok(Some(value)) => {
            let spread: ArrayD<f64> = session.to_ndarray(&value).expect("an array");
            let mean = session.get_array::<f64>("mean").expect("defined by the code");
            print!("arr printed: {}", String::from_utf8_lossy(&printed.0.lock().unwrap()));
            println!("host got mean {mean} and largest deviation {spread}");
        }
        Ok(None) => println!("the code has no value"),
        Err(errors) => eprint!("{}", session.render(&errors, false)),
    }

    // Errors are data too: kind, message and position.
    let errors = session.eval("<host>", "readings @ np.ones(5)").unwrap_err();
    let info = session.error_info(&errors[0]);
    println!("{} at line {:?}: {}", info.kind, info.line, info.message);
}
