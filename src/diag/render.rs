//! Rendering diagnostics with ariadne (placeholder; being written).
