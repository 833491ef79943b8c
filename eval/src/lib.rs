//! Shared pieces of the evaluation commands in `src/bin/`.

pub mod score;
