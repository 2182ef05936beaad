//! Clean the `text` field of a JSON Lines stream with the library API:
//! `cargo run --example clean_jsonl < in.jsonl > out.jsonl`.

use std::io::{self, BufRead, Write};

use detritus::{FixMode, Linter, Settings};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let linter = Linter::new(&Settings::default())?;
    let stdin = io::stdin().lock();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lines() {
        let line = line?;
        let mut record: serde_json::Value = serde_json::from_str(&line)?;
        if let Some(serde_json::Value::String(text)) = record.get_mut("text") {
            let fixed = linter.fix(text, FixMode::Safe)?;
            if fixed.changed() {
                *text = fixed.text;
            }
        }
        writeln!(out, "{record}")?;
    }
    Ok(())
}
