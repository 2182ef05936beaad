//! `detritus review`: decide fix by fix in the terminal.
//!
//! Questions come from the text as decided so far: the first round asks
//! about every fix in the original, later rounds about fixes that only
//! appear once accepted ones are applied. Each file is written once, when
//! its review ends; Ctrl-C leaves it and the decisions file untouched.

use std::collections::{HashMap, VecDeque};
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

use anyhow::{bail, Context, Result};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use detritus::decisions::{self, Decisions, Verdict};
use detritus::diff::{self, Piece};
use detritus::{Applicability, Diagnostic, Linter};

use crate::cli::args::ReviewArgs;
use crate::cli::input::{self, Loaded, Source};
use crate::cli::messages::display_path;
use crate::cli::messages::exit;
use crate::cli::setup::{color, Setup};
use crate::cli::{config, encoding, interrupt, write};

/// Bytes of text shown either side of a fix.
const CONTEXT: usize = 160;
const INDENT: &str = "    ";

pub fn run(args: ReviewArgs) -> Result<ExitCode> {
    if args.input.encoding != encoding::Wanted::Utf8 {
        bail!("review reads UTF-8 files only; fix other encodings with `detritus fix --encoding`");
    }
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        bail!(
            "review asks questions and needs a terminal; \
             use `detritus fix --diff` to review changes as a diff, or `detritus report --html` for a browser"
        );
    }
    if args.input.jsonl {
        bail!("review works on files, not --jsonl");
    }
    let setup = Setup::new(&args.input)?;
    let store = args
        .decisions
        .clone()
        .unwrap_or_else(|| setup.filter.root.join(".detritus").join("decisions.jsonl"));
    // The first review starts the file.
    if args.decisions.is_none() && store.exists() && !config::trusted_or_warn(&store, "decisions file") {
        bail!(
            "{}: not yours; pass --decisions FILE to keep decisions elsewhere",
            display_path(&store)
        );
    }
    let mut decisions = if store.exists() {
        crate::cli::commands::fix::load_decisions(&store)?
    } else {
        Decisions::default()
    };
    // Whoever wrote the file, a rewrite in it is text they chose: it is
    // asked again, never written unseen, and kept in the file until then.
    let earlier_edits = decisions.take_edits();
    let remembered = decisions.clone();
    let mut files = Vec::new();
    for source in input::sources(&args.input.paths, &setup.filter) {
        match source? {
            Source::Stdin => bail!("review reads keys from the terminal, so it needs files, not standard input"),
            Source::File(path) => files.push(path),
        }
    }
    let mut session = Session {
        term: Term::new(color(args.input.color, true))?,
        policy: HashMap::new(),
        safe_only: args.safe_only,
        notes: Vec::new(),
        summary: Vec::new(),
    };
    let mut failed = false;
    let mut stopped = false;
    for path in &files {
        // Review writes UTF-8: other encodings go through `fix --encoding`.
        let text = match input::read(&Source::File(path.clone()), encoding::Wanted::Utf8) {
            Ok(Loaded::Text(text)) => text,
            // Not produced when UTF-8 is asked for; skipped rather than trusted.
            Ok(Loaded::Decoded(..)) => {
                session.notes.push(format!(
                    "{}: skipped, not UTF-8 (use `fix --encoding`)",
                    display_path(path)
                ));
                continue;
            }
            Ok(Loaded::Binary(_)) => {
                session
                    .notes
                    .push(format!("{}: skipped, binary file", display_path(path)));
                continue;
            }
            Ok(Loaded::NotUtf8(_, e)) | Err(e) => {
                failed = true;
                session.notes.push(format!("error: {e:#}"));
                continue;
            }
        };
        let linter = match setup.linter_for(Some(&Source::File(path.clone()))) {
            Ok(l) => l,
            Err(e) => {
                failed = true;
                session.notes.push(format!("error: {e:#}"));
                continue;
            }
        };
        session.show_remembered(&linter, path, &text, &remembered, &earlier_edits, &store);
        let end = session.file(&linter, path, &text, &mut decisions)?;
        let (result, quit) = match end {
            End::Done(t) => (t, false),
            End::Quit(t) => (t, true),
            End::Abort => {
                drop(session.term);
                eprintln!("detritus: review interrupted; {} left as it was", display_path(path));
                return Ok(ExitCode::from(interrupt::EXIT as u8));
            }
        };
        if result != text {
            if let Err(e) = write::atomic(path, &result, text.as_bytes()) {
                failed = true;
                session.notes.push(format!("error: {e:#}"));
            }
        }
        save(&store, &decisions, &earlier_edits)?;
        if quit {
            stopped = true;
            break;
        }
    }
    save(&store, &decisions, &earlier_edits)?;
    let Session {
        term, notes, summary, ..
    } = session;
    drop(term);
    for line in summary.iter().chain(&notes) {
        eprintln!("detritus: {line}");
    }
    if stopped {
        eprintln!("detritus: stopped early; run review again to go on");
    }
    Ok(exit(failed, false))
}

fn save(store: &Path, decisions: &Decisions, earlier_edits: &Decisions) -> Result<()> {
    let mut decisions = decisions.clone();
    decisions.add_undecided(earlier_edits);
    if decisions.is_empty() && !store.exists() {
        return Ok(());
    }
    let dir = store
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", display_path(dir)))?;
    write::replace(store, decisions.to_jsonl().as_bytes())
}

/// How a file's review ended.
enum End {
    /// Every question answered: the text with what was accepted.
    Done(String),
    /// `q`: the text with what was accepted so far.
    Quit(String),
    /// Ctrl-C: write nothing.
    Abort,
}

/// A question: a diagnostic with a fix, and the text it was found in.
#[derive(Clone)]
struct Proposal {
    text: Rc<str>,
    diag: Diagnostic,
}

/// A decision taken in this session, for undo.
struct Taken {
    proposal: Proposal,
    /// Decided by an earlier `a` or `d`, not by a key press of its own.
    automatic: bool,
    /// This decision set a rule-wide policy (`a` or `d`).
    set_policy: bool,
}

struct Session {
    term: Term,
    /// Rule codes decided wholesale with `a` or `d`.
    policy: HashMap<&'static str, Verdict>,
    safe_only: bool,
    notes: Vec<String>,
    summary: Vec<String>,
}

impl Session {
    /// List what the decisions file decides in `path`, before any of it is
    /// applied: a review never applies a decision without showing it.
    fn show_remembered(
        &mut self,
        linter: &Linter,
        path: &Path,
        text: &str,
        remembered: &Decisions,
        edits: &Decisions,
        store: &Path,
    ) {
        let name = display_path(path);
        let lines = detritus::text::LineIndex::new(text);
        for d in linter.check(text) {
            let line = lines.line_of(d.span.start) + 1;
            let Some(fix) = &d.fix else { continue };
            let before = fix.span().slice(text);
            let after = detritus::fix::replaced(text, fix.span(), &fix.edits);
            let what = match (remembered.get(&d, text), edits.get(&d, text)) {
                (Some(Verdict::Accept), _) => "accepted",
                (Some(Verdict::Reject), _) => "rejected",
                (_, Some(Verdict::Edit { .. })) => "rewritten there; asked again",
                _ => continue,
            };
            self.summary.push(format!(
                "{name}:{line}: {} `{}` → `{}` {what} by {}",
                d.rule.code,
                detritus::text::show_invisibles(before),
                detritus::text::show_invisibles(&after),
                display_path(store)
            ));
        }
    }

    fn file(&mut self, linter: &Linter, path: &Path, original: &str, decisions: &mut Decisions) -> Result<End> {
        let name = display_path(path);
        let lines = detritus::text::LineIndex::new(original);
        for d in linter.check(original) {
            if d.applicability() == Some(Applicability::DisplayOnly) || d.fix.is_none() {
                let line = lines.line_of(d.span.start) + 1;
                self.notes.push(format!(
                    "{name}:{line}: note: {} {}: {}",
                    d.rule.code, d.rule.name, d.message
                ));
            }
        }
        let mut history: Vec<Taken> = Vec::new();
        let mut queue: VecDeque<Proposal> = VecDeque::new();
        loop {
            let Some(p) = queue.pop_front() else {
                let current = decisions::apply(linter, original, decisions, None)?;
                queue = self.pending(current.remaining, &current.text, decisions);
                if queue.is_empty() {
                    let (accepted, rejected) = history.iter().fold((0, 0), |(a, r), t| {
                        match decisions.get(&t.proposal.diag, &t.proposal.text) {
                            Some(Verdict::Reject) => (a, r + 1),
                            _ => (a + 1, r),
                        }
                    });
                    self.summary.push(format!(
                        "{name}: {accepted} accepted, {rejected} rejected{}",
                        if current.text == original {
                            "; unchanged"
                        } else {
                            "; written"
                        }
                    ));
                    return Ok(End::Done(current.text));
                }
                continue;
            };
            if let Some(v) = self.policy.get(p.diag.rule.code) {
                decisions.record(&p.diag, &p.text, v.clone());
                history.push(Taken {
                    proposal: p,
                    automatic: true,
                    set_policy: false,
                });
                continue;
            }
            let total = history.len() + queue.len() + 1;
            let key = self.ask(&name, &p, history.len() + 1, total)?;
            let verdict = match key {
                'y' => Some((Verdict::Accept, false)),
                'n' => Some((Verdict::Reject, false)),
                'a' => Some((Verdict::Accept, true)),
                'd' => Some((Verdict::Reject, true)),
                'e' => self.edit(&p)?.map(|r| (Verdict::Edit { replacement: r }, false)),
                'u' => {
                    queue.push_front(p);
                    undo(&mut history, &mut queue, decisions, &mut self.policy);
                    continue;
                }
                'q' => {
                    let current = decisions::apply(linter, original, decisions, None)?;
                    self.summary
                        .push(format!("{name}: stopped after {} decisions", history.len()));
                    return Ok(End::Quit(current.text));
                }
                '\x03' => return Ok(End::Abort),
                _ => None, // `?` and unknown keys: show help, ask again
            };
            match verdict {
                Some((verdict, set_policy)) => {
                    if set_policy {
                        self.policy.insert(p.diag.rule.code, verdict.clone());
                    }
                    decisions.record(&p.diag, &p.text, verdict);
                    history.push(Taken {
                        proposal: p,
                        automatic: false,
                        set_policy,
                    });
                }
                None => {
                    if key != 'e' {
                        self.help()?;
                    }
                    queue.push_front(p);
                }
            }
        }
    }

    /// Fixes among `found`, a check of `text`, that still need a decision, in document order.
    fn pending(&self, found: Vec<Diagnostic>, text: &str, decisions: &Decisions) -> VecDeque<Proposal> {
        let shared: Rc<str> = Rc::from(text);
        found
            .into_iter()
            .filter(|d| match d.applicability() {
                Some(Applicability::Safe) => true,
                Some(Applicability::Unsafe) => !self.safe_only,
                _ => false,
            })
            .filter(|d| d.fix.as_ref().is_some_and(|f| !f.edits.is_empty()))
            .filter(|d| decisions.get(d, text).is_none())
            .map(|diag| Proposal {
                text: shared.clone(),
                diag,
            })
            .collect()
    }

    fn ask(&mut self, name: &str, p: &Proposal, n: usize, total: usize) -> Result<char> {
        let d = &p.diag;
        let fix = d.fix.as_ref().expect("proposals have fixes");
        let lines = detritus::text::LineIndex::new(&p.text);
        // The finding's place, as `check` reports it (see `html::gather`).
        let line = lines.line_of(d.span.start);
        let col = p.text[lines.line_start(line)..d.span.start].chars().count() + 1;
        let t = &mut self.term;
        t.clear()?;
        t.line(&format!(
            "{}  fix {n} of {total}",
            t.bold(&format!("{name}:{}:{col}", line + 1))
        ))?;
        t.line(&format!(
            "{} {}  ({} fix)",
            t.bold(d.rule.code),
            d.rule.name,
            fix.applicability
        ))?;
        t.line(&format!("{}: {}", d.message, fix.message))?;
        t.line("")?;
        let view = t.pieces(&diff::fix_pieces(&p.text, &fix.edits, CONTEXT));
        t.line(&view)?;
        t.line("")?;
        let rule = d.rule.code;
        t.line(&format!(
            "y accept · n reject · a all {rule} · d no {rule} · e edit · u undo · q quit · ? help"
        ))?;
        t.key()
    }

    fn help(&mut self) -> Result<()> {
        let t = &mut self.term;
        t.clear()?;
        for l in [
            "y  accept this fix",
            "n  reject this fix",
            "a  accept this fix and every remaining fix of the same rule",
            "d  reject this fix and every remaining fix of the same rule",
            "e  edit the replacement, then Enter (Esc cancels)",
            "u  undo the last decision",
            "q  write what was accepted so far and stop",
            "Ctrl-C  stop without writing anything",
            "",
            "Decisions are remembered, so the next review does not ask again.",
            "Press any key to go back.",
        ] {
            t.line(l)?;
        }
        t.key()?;
        Ok(())
    }

    /// Ask for a replacement of the fix's whole region, starting from the
    /// proposed one. `None` when cancelled.
    fn edit(&mut self, p: &Proposal) -> Result<Option<String>> {
        let fix = p.diag.fix.as_ref().expect("proposals have fixes");
        let mut buf = detritus::fix::replaced(&p.text, fix.span(), &fix.edits);
        let t = &mut self.term;
        t.line("")?;
        t.line(&format!(
            "replacing `{}`; type the new text, Enter to keep it, Esc to cancel:",
            detritus::text::show_invisibles(fix.span().slice(&p.text))
        ))?;
        loop {
            t.prompt(&format!("> {}", detritus::text::show_invisibles(&buf)))?;
            match t.read()? {
                KeyEvent {
                    code: KeyCode::Char('c'),
                    modifiers: KeyModifiers::CONTROL,
                    ..
                }
                | KeyEvent { code: KeyCode::Esc, .. } => return Ok(None),
                KeyEvent {
                    code: KeyCode::Enter, ..
                } => return Ok(Some(buf)),
                KeyEvent {
                    code: KeyCode::Backspace,
                    ..
                } => {
                    buf.pop();
                }
                KeyEvent {
                    code: KeyCode::Char(c), ..
                } => buf.push(c),
                _ => {}
            }
        }
    }
}

/// Undo the last decision made by a key press, with every automatic one
/// that followed it, and put them all back at the front of the queue.
fn undo(
    history: &mut Vec<Taken>,
    queue: &mut VecDeque<Proposal>,
    decisions: &mut Decisions,
    policy: &mut HashMap<&'static str, Verdict>,
) {
    while let Some(t) = history.pop() {
        decisions.forget(&t.proposal.diag, &t.proposal.text);
        if t.set_policy {
            policy.remove(t.proposal.diag.rule.code);
        }
        queue.push_front(t.proposal);
        if !t.automatic {
            break;
        }
    }
}

/// The terminal in raw mode, restored on drop.
struct Term {
    out: io::Stdout,
    color: bool,
}

impl Term {
    fn new(color: bool) -> Result<Term> {
        crossterm::terminal::enable_raw_mode().context("cannot put the terminal in raw mode")?;
        interrupt::terminal_raw(true);
        Ok(Term {
            out: io::stdout(),
            color,
        })
    }

    fn clear(&mut self) -> Result<()> {
        write!(self.out, "\x1b[2J\x1b[H")?;
        Ok(())
    }

    /// Raw mode does not return the carriage on a newline.
    fn line(&mut self, s: &str) -> Result<()> {
        write!(self.out, "{}\r\n", s.replace('\n', "\r\n"))?;
        self.out.flush()?;
        Ok(())
    }

    fn prompt(&mut self, s: &str) -> Result<()> {
        write!(self.out, "\r\x1b[2K{s}")?;
        self.out.flush()?;
        Ok(())
    }

    fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// The fix's view, word-wrapped to the terminal and indented. Deleted
    /// text on red, inserted on green (so a deleted space shows), or
    /// `[-…-]` and `{+…+}` without colour.
    fn pieces(&self, pieces: &[Piece]) -> String {
        let width = crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w)).max(40) - 6;
        let mut out = String::from(INDENT);
        let mut column = 0;
        for p in pieces {
            let (open, close, text) = match (p, self.color) {
                (Piece::Same(s), _) => ("", "", s),
                (Piece::Delete(s), true) => ("\x1b[30;41m", "\x1b[0m", s),
                (Piece::Insert(s), true) => ("\x1b[30;42m", "\x1b[0m", s),
                (Piece::Delete(s), false) => ("[-", "-]", s),
                (Piece::Insert(s), false) => ("{+", "+}", s),
            };
            out.push_str(open);
            let shown = detritus::text::show_invisibles(text);
            for (i, line) in shown.split('\n').enumerate() {
                if i > 0 {
                    out.push_str(close);
                    out.push('\n');
                    out.push_str(INDENT);
                    out.push_str(open);
                    column = 0;
                }
                for word in line.split_inclusive(' ') {
                    let len = word.chars().count();
                    if column > 0 && column + len > width {
                        out.push_str(close);
                        out.push('\n');
                        out.push_str(INDENT);
                        out.push_str(open);
                        column = 0;
                    }
                    out.push_str(word);
                    column += len;
                }
            }
            out.push_str(close);
        }
        out
    }

    fn read(&mut self) -> Result<KeyEvent> {
        loop {
            if let Event::Key(k) = event::read().context("cannot read the terminal")? {
                if k.kind == KeyEventKind::Press {
                    return Ok(k);
                }
            }
        }
    }

    /// One decision key; Ctrl-C comes back as `\x03`, since raw mode turns
    /// it into a key press instead of a signal.
    fn key(&mut self) -> Result<char> {
        loop {
            match self.read()? {
                KeyEvent {
                    code: KeyCode::Char('c'),
                    modifiers: KeyModifiers::CONTROL,
                    ..
                } => return Ok('\x03'),
                KeyEvent {
                    code: KeyCode::Char(c), ..
                } => return Ok(c),
                _ => {}
            }
        }
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
        interrupt::terminal_raw(false);
        let _ = writeln!(self.out);
    }
}
