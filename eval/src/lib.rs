//! Shared pieces of the evaluation commands in `src/bin/`.

pub mod corpus;
pub mod score;
