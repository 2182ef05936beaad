//! `detritus report --html`: one self-contained page for reviewing a corpus.

use std::process::ExitCode;

use anyhow::Result;

use super::args::ReportArgs;

pub fn run(_args: ReportArgs) -> Result<ExitCode> {
    anyhow::bail!("report --html is not built yet")
}
