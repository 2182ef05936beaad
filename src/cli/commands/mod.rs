//! One file per subcommand.

pub mod check;
pub mod explain;
pub mod fix;
pub mod report;
pub mod review;
pub mod rules;
pub mod server;
