//! `explain`: the plan as text (placeholder until the optimizer lands).
