//! Shared pieces of the evaluation commands in `src/bin/`.

pub mod conll;
pub mod corpus;
pub mod score;
