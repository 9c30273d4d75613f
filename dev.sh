#!/usr/bin/env bash
# The project's two commands (see README.md):
#   ./dev.sh demo   build arr and run the flagship example (the dask tutorial's
#                   mean of a 20000x20000 random array, every 100th column)
#   ./dev.sh test   everything CI checks: formatting, clippy, the whole test suite
# Both first install any missing system packages (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
case "${1:-}" in
  demo)
    cargo build --release --quiet
    echo '$ arr examples/yardstick.arr' >&2
    time target/release/arr examples/yardstick.arr
    ;;
  test)
    cargo fmt --check
    cargo clippy --all-targets --quiet -- -D warnings
    cargo test --all-targets
    cargo test --doc
    ;;
  *)
    echo "usage: ./dev.sh demo|test" >&2
    exit 2
    ;;
esac
