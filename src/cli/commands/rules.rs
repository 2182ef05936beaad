//! `detritus rules`: the registry as a table or JSON.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use detritus::registry;

use crate::cli::args::{RulesArgs, RulesFormat};

pub(crate) fn rules(args: RulesArgs) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    match args.format {
        RulesFormat::Text => {
            for r in registry::all() {
                let m = r.meta();
                writeln!(
                    out,
                    "{}  {:<28} {:<12} {:<12} {:<22} {}",
                    m.code,
                    m.name,
                    m.family.name(),
                    m.fix.as_str(),
                    applies_short(&m.applies),
                    m.summary
                )?;
            }
        }
        RulesFormat::Json => {
            let all: Vec<_> = registry::all()
                .iter()
                .map(|r| {
                    let m = r.meta();
                    serde_json::json!({
                        "code": m.code,
                        "name": m.name,
                        "family": m.family.name(),
                        "fix": m.fix.as_str(),
                        "scope": m.scope.as_str(),
                        "languages": m.applies.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
                        "scripts": m.applies.scripts.iter().map(|s| s.full_name()).collect::<Vec<_>>(),
                        "conventions": m.applies.note,
                        "prose_only": m.applies.prose_only,
                        "summary": m.summary,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &all)?;
            writeln!(out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A rule's languages or scripts in a column's width: `en fr`, `Latin+4`, `all`.
pub(crate) fn applies_short(a: &detritus::Applies) -> String {
    if !a.languages.is_empty() {
        if a.languages.len() == detritus::Lang::ALL.len() {
            return "known languages".into();
        }
        return a.languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(" ");
    }
    match a.scripts {
        [] => "all".into(),
        [one] => one.full_name().into(),
        [first, rest @ ..] => format!("{}+{}", first.full_name(), rest.len()),
    }
}
