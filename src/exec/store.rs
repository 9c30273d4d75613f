//! Streaming a result out chunk by chunk, for writers (`save`, `to_hdf5`,
//! `to_zarr`, `savetxt`) that must not hold the whole array.
//!
//! Chunks are computed in parallel a batch at a time and handed to the
//! writer one by one in C order of the chunk grid, on the calling thread
//! (so a format library that is not thread-safe is only called from one
//! thread). Memory in flight is one batch: about two chunks per worker.

use super::region::{Region, chunk_regions};
use super::{Ctx, ExecResult, eval};
use crate::array::ArrayData;
use crate::ir::NodeRef;

/// Computes every chunk of `root` and passes it, with its region, to
/// `sink` in chunk-grid C order. Stops at the first error (from a chunk or
/// from the sink) or on cancellation.
pub fn for_each_chunk(
    root: &NodeRef,
    ctx: &Ctx,
    sink: &mut dyn FnMut(&Region, ArrayData) -> ExecResult<()>,
) -> ExecResult<()> {
    ctx.siblings.find(root);
    let regions = chunk_regions(&root.chunks);
    let batch = 2 * rayon::current_num_threads().max(1);
    for group in regions.chunks(batch) {
        ctx.check_cancel()?;
        let blocks = ctx.run_tasks(group, |r| eval::eval(root, r, ctx))?;
        for (region, block) in group.iter().zip(blocks) {
            sink(region, block)?;
        }
    }
    ctx.check_cancel()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::DType;
    use crate::ir::{Generator, Scalar, build};
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    #[test]
    fn chunks_arrive_in_grid_order_and_cover_the_array() {
        let x = build::generate(
            Generator::Arange { start: crate::ir::F64Key(0.0), step: crate::ir::F64Key(1.0) },
            vec![10],
            DType::Float64,
            vec![vec![3, 3, 3, 1]],
        );
        let ctx = Ctx::new(Arc::new(AtomicBool::new(false)));
        let mut seen = Vec::new();
        for_each_chunk(&x, &ctx, &mut |r, b| {
            let ArrayData::F64(a) = b else { panic!("dtype") };
            seen.push((r[0].start, a.iter().copied().collect::<Vec<f64>>()));
            Ok(())
        })
        .unwrap();
        let starts: Vec<i64> = seen.iter().map(|s| s.0).collect();
        assert_eq!(starts, vec![0, 3, 6, 9]);
        let all: Vec<f64> = seen.into_iter().flat_map(|s| s.1).collect();
        assert_eq!(all, (0..10).map(f64::from).collect::<Vec<_>>());
    }

    #[test]
    fn a_sink_error_stops_the_stream() {
        let x = build::generate(
            Generator::Fill(Scalar::Float(1.0)),
            vec![100],
            DType::Float64,
            vec![vec![10; 10]],
        );
        let ctx = Ctx::new(Arc::new(AtomicBool::new(false)));
        let mut calls = 0;
        let r = for_each_chunk(&x, &ctx, &mut |_, _| {
            calls += 1;
            if calls == 2 {
                Err(crate::diag::Diagnostic::global(crate::diag::ErrorKind::Io, "disk full"))
            } else {
                Ok(())
            }
        });
        assert_eq!(r.unwrap_err().message, "disk full");
        assert_eq!(calls, 2);
    }
}
