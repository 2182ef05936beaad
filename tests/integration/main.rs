//! The integration suites, as one test binary: one link instead of eleven,
//! and shared helpers in `util`. (`tests/memory.rs` stays apart: it counts
//! every heap byte its binary holds, which other suites would disturb.)

mod util;

mod cli;
mod corpus;
mod html;
mod layers;
mod mojibake_clean;
mod pathological;
mod properties;
mod readme;
mod review;
mod robustness;
mod rules;
mod safe_promise;
mod server;
mod unsafe_precision;
