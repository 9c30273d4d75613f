//! Counter-based random numbers (placeholder; being written).
