//! NumPy-style formatting of arrays (placeholder; being written).
