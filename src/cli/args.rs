//! The command line, as clap definitions. Kept apart so completions and
//! the man page can be generated from the same source.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "detritus",
    version,
    about = "Find and repair the debris machine translation and web scraping leave in article text",
    long_about = "Find and repair the debris machine translation and web scraping leave in article text: \
stray punctuation, broken quotes, orphaned fragments, leaked markup, crawler headers and more.\n\n\
`check` reports, `fix` applies safe fixes (add --unsafe-fixes for the rest), `fix --diff` shows \
what would change without writing anything.",
    after_help = "Exit status: 0 nothing found or changed, 1 debris found (check) or changes pending (fix --diff), 2 error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Colour: auto colours only when writing to a terminal. Accepted
    /// before or after the subcommand.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Report debris without changing anything.
    Check(CheckArgs),
    /// Apply fixes: files are rewritten in place, stdin goes to stdout.
    Fix(FixArgs),
    /// Decide fix by fix in the terminal, then write what was accepted.
    Review(ReviewArgs),
    /// Write a self-contained HTML page for reviewing a whole corpus in a browser.
    Report(ReportArgs),
    /// List every rule: code, name, family, fix safety and summary.
    Rules(RulesArgs),
    /// Run a language server over standard input and output, for editors:
    /// diagnostics as you type, quick fixes labelled with their safety.
    Server(ServerArgs),
    /// Show a rule's documentation.
    Explain {
        /// A rule code (P001) or name (punctuation-cluster).
        rule: String,
    },
    /// Print a shell completion script to standard output.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to standard output: the whole tool's, or
    /// one subcommand's with every option (`detritus man check`).
    Man {
        /// A subcommand: check, fix, review, report, rules, server, explain, completions.
        command: Option<String>,
    },
}

/// `detritus server`: the input options set the rules and the language;
/// each document's own `detritus.toml` is found from its folder upwards.
#[derive(Args, Debug)]
pub struct ServerArgs {
    #[command(flatten)]
    pub input: InputArgs,
}

/// Parses `--select` and `--ignore` values as they are (the linter judges
/// them, with "did you mean"), and offers every rule code, name and family
/// to shell completion.
#[derive(Clone)]
pub struct RuleSelector;

impl clap::builder::TypedValueParser for RuleSelector {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        use clap::builder::PossibleValue;
        let rules = detritus::registry::all().iter().flat_map(|r| {
            let m = r.meta();
            [
                PossibleValue::new(m.code).help(m.summary),
                PossibleValue::new(m.name).help(m.summary),
            ]
        });
        let families = detritus::Family::ALL
            .iter()
            .map(|f| PossibleValue::new(f.name()).help("every rule of the family"));
        Some(Box::new(rules.chain(families)))
    }
}

#[derive(Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or directories to read; none, or `-`, reads standard input.
    /// Directories are walked recursively, honouring .gitignore.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Only run these rules: codes (P001), code prefixes (P), families (punctuation) or names.
    #[arg(long, value_delimiter = ',', value_name = "RULES", value_parser = RuleSelector, hide_possible_values = true)]
    pub select: Vec<String>,

    /// Skip these rules, after --select; same forms as --select.
    #[arg(long, value_delimiter = ',', value_name = "RULES", value_parser = RuleSelector, hide_possible_values = true)]
    pub ignore: Vec<String>,

    /// Language of the text: `auto` (the default) identifies each paragraph's
    /// language (with --jsonl, a record too short to tell takes the language
    /// nine in ten of the others tell); a tag (en, fr, de, es, it, pt, nl, sv,
    /// fi, pl, cs, ro, hu, tr, id) reads every paragraph as that language;
    /// `other` runs only the rules that hold in every language.
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,

    /// How the text is marked up, which decides what of it is prose:
    /// `auto` (the default) reads .md and .markdown files as Markdown, .rst
    /// and .rest as reStructuredText, the rest and standard input as plain
    /// text (see --stdin-filename); `plain`, `markdown` or `rst` reads every
    /// text, and every --jsonl record, so.
    #[arg(long, value_name = "SYNTAX", value_parser = ["auto", "plain", "markdown", "rst"])]
    pub syntax: Option<String>,

    /// Mend two sentences glued with no space (`development.The paper`)
    /// with a paragraph break instead of a space, where a paragraph's worth
    /// of text stands on each side of the gap. Also `restore-paragraphs = true`.
    #[arg(long)]
    pub restore_paragraphs: bool,

    /// File-name globs a directory walk reads, instead of the prose defaults
    /// (*.txt, *.md, *.markdown, *.rst, *.text; *.jsonl and *.ndjson with --jsonl).
    /// Files named on the command line are always read.
    #[arg(long, value_delimiter = ',', value_name = "GLOB")]
    pub include: Vec<String>,

    /// Treat standard input as this file: its extension (.md) and the
    /// per-file-ignores that match it apply.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// Say what a directory walk skipped and why, and which config is in force.
    #[arg(long, short)]
    pub verbose: bool,

    /// Print the settings in force (from flags, the config file and the
    /// defaults) and where they came from, then exit.
    #[arg(long)]
    pub show_settings: bool,

    /// Read settings from this file instead of the nearest detritus.toml above the working directory.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Read JSON Lines: one JSON document per line, cleaning the --field values.
    /// Other fields pass through unchanged; records stream in order.
    #[arg(long)]
    pub jsonl: bool,

    /// With --jsonl, the string field(s) to clean. Dotted paths reach nested
    /// fields (`meta.body`); a number is an array index (`items.0.body`) and
    /// `*` every element (`items.*.body`). A field no record holds is a
    /// warning, and an error when no field is found in any record.
    #[arg(long = "field", value_name = "NAME", default_value = "text", requires = "jsonl")]
    pub fields: Vec<String>,

    /// The encoding of the input: utf-8 (the default), auto (UTF-8, or
    /// UTF-16 by its byte order mark, or a guess among legacy encodings),
    /// or a label such as latin1, windows-1250, utf-16le or shift_jis.
    /// `fix` writes text back in the encoding it came in.
    #[arg(long, value_name = "ENCODING", default_value = "utf-8")]
    pub encoding: super::encoding::Wanted,

    /// No progress bar and no summary on standard error; errors still print.
    #[arg(long, short)]
    pub quiet: bool,

    /// The global `--color`, copied here by `run` for the input commands.
    #[arg(skip = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Full)]
    pub format: Format,

    /// Print a count per rule instead of each diagnostic (a JSON array with
    /// --format json).
    #[arg(long)]
    pub statistics: bool,

    /// Exit 0 even when debris is found; errors still exit 2.
    #[arg(long)]
    pub exit_zero: bool,

    /// Apply the fixes first, as `fix` does, then report what remains.
    /// On standard input the fixed text goes to standard output instead.
    #[arg(long, conflicts_with_all = ["fix_only", "diff"])]
    pub fix: bool,

    /// Apply the fixes, as `fix` does, and report nothing that remains.
    #[arg(long, conflicts_with = "diff")]
    pub fix_only: bool,

    /// Print the unified diff of what the fixes would change, as `fix
    /// --diff` does (`--diff=words` for the word view), and write nothing.
    #[arg(long, value_enum, value_name = "VIEW", num_args = 0..=1, require_equals = true, default_missing_value = "unified")]
    pub diff: Option<DiffView>,

    /// With --fix, --fix-only or --diff: apply unsafe fixes too.
    #[arg(long, overrides_with = "no_unsafe_fixes")]
    pub unsafe_fixes: bool,

    /// With --fix, --fix-only or --diff: safe fixes only, whatever the config says.
    #[arg(long, overrides_with = "unsafe_fixes")]
    pub no_unsafe_fixes: bool,
}

#[derive(Args, Debug)]
pub struct FixArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Also apply unsafe fixes: ones that delete or insert words, or pick between readings.
    #[arg(long, overrides_with = "no_unsafe_fixes")]
    pub unsafe_fixes: bool,

    /// Apply safe fixes only, even where detritus.toml sets `unsafe-fixes = true`.
    #[arg(long, overrides_with = "unsafe_fixes")]
    pub no_unsafe_fixes: bool,

    /// Exit 1 when any fix was applied, so a pipeline can tell that files changed.
    #[arg(long)]
    pub exit_non_zero_on_fix: bool,

    /// Print a unified diff of what would change and write nothing
    /// (coloured on a terminal, with changed spaces and invisible characters
    /// marked); `--diff=words` shows each changed line once, word by word.
    /// Exits 1 when there are changes.
    #[arg(long, value_enum, value_name = "VIEW", num_args = 0..=1, require_equals = true, default_missing_value = "unified")]
    pub diff: Option<DiffView>,

    /// After fixing, list each fix applied on standard error.
    #[arg(long)]
    pub show_fixes: bool,

    /// Write cleaned copies into this directory, mirroring the input tree,
    /// and leave the originals alone.
    #[arg(long, value_name = "DIR", conflicts_with = "diff")]
    pub output: Option<PathBuf>,

    /// Apply the fixes this decisions file accepts, skip the ones it rejects,
    /// and treat the rest as usual. Written by `review` and by `report --html`.
    #[arg(long, value_name = "FILE")]
    pub decisions: Option<PathBuf>,

    /// Write a change log: one JSON object per applied fix, with the file or
    /// record and field, rule code and name, byte offsets into the original
    /// text, and the text before and after.
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,

    /// The encoding `fix` writes: the one the text was read in (input), or utf-8.
    #[arg(long, value_enum, value_name = "ENCODING", default_value_t = OutputEncoding::Input)]
    pub output_encoding: OutputEncoding,

    /// With --jsonl, move what crawl-metadata (B001) removes into this field,
    /// as an array of strings, instead of dropping it.
    #[arg(long, value_name = "NAME", requires = "jsonl")]
    pub metadata_field: Option<String>,
}

#[derive(Args, Debug)]
#[command(
    after_help = "Keys: y accept, n reject, a accept all of this rule, d reject all of this rule, \
e edit the replacement, u undo, q write what was accepted and stop, ? help. Ctrl-C stops without writing.\n\n\
Decisions are remembered in the decisions file, so a later review does not ask again and \
`detritus fix --decisions FILE` can apply them without a terminal.",
    // Review works on UTF-8 files at a terminal: record, stdin and
    // encoding options do not apply.
    mut_arg("jsonl", |a| a.hide(true)),
    mut_arg("fields", |a| a.hide(true)),
    mut_arg("stdin_filename", |a| a.hide(true)),
    mut_arg("encoding", |a| a.hide(true))
)]
pub struct ReviewArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Where decisions are remembered [default: .detritus/decisions.jsonl beside detritus.toml,
    /// or in the working directory].
    #[arg(long, value_name = "FILE")]
    pub decisions: Option<PathBuf>,

    /// Offer only safe fixes.
    #[arg(long)]
    pub safe_only: bool,
}

#[derive(Args, Debug)]
#[command(
    // The report reads files: record and stdin options do not apply.
    mut_arg("jsonl", |a| a.hide(true)),
    mut_arg("fields", |a| a.hide(true)),
    mut_arg("stdin_filename", |a| a.hide(true))
)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// The HTML file to write: one page, no network, no external assets.
    #[arg(long, value_name = "OUT.html")]
    pub html: PathBuf,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    /// `text` for people, `json` for tools.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// rustc-like, with the line and a caret under the span.
    Full,
    /// One line per diagnostic: path:line:col: CODE name: message.
    Concise,
    /// One JSON array of every diagnostic.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// GitHub Actions workflow commands.
    Github,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RulesFormat {
    Text,
    Json,
}

/// What `fix --output-encoding` writes.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputEncoding {
    /// The encoding the text was read in.
    Input,
    /// UTF-8.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
}

/// How `--diff` shows changes.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffView {
    /// A unified diff that `git apply` and `patch -p1` accept.
    Unified,
    /// Each changed line once, removed and added text marked inside it.
    Words,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
