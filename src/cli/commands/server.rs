//! `detritus server`: a language server over standard input and output.
//!
//! Diagnostics on open and change, for plain text and Markdown (prose
//! only), with the rule's code and name and a link to its docs (written
//! once as Markdown files in the temporary directory); per diagnostic a quick fix
//! labelled with its safety (unsafe ones are never preferred) and an action
//! that ignores the rule in the file for this session; and a source action
//! that applies every safe fix in the document. Settings come from the
//! `detritus.toml` nearest each document and are read again when one
//! changes. Changes arrive incrementally and only the changed paragraphs are
//! checked again.

use std::collections::{BTreeSet, HashMap};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use detritus::text::LineIndex;
use detritus::{Applicability, CheckCache, Family, Linter};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, ExecuteCommand, RegisterCapability, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability,
    Command, Diagnostic, DiagnosticSeverity, DidChangeTextDocumentParams, DidChangeWatchedFilesRegistrationOptions,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, ExecuteCommandOptions, ExecuteCommandParams,
    FileSystemWatcher, GlobPattern, InitializeParams, NumberOrString, Position, PositionEncodingKind,
    PublishDiagnosticsParams, Range, Registration, RegistrationParams, ServerCapabilities, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextEdit, Url, WorkspaceEdit,
};

use crate::cli::args::ServerArgs;
use crate::cli::input::Source;
use crate::cli::setup::Setup;

/// The command behind "ignore this rule in this file".
const IGNORE_COMMAND: &str = "detritus.ignoreRule";

/// Serve until the client asks to shut down.
pub(crate) fn run(args: ServerArgs) -> Result<ExitCode> {
    let (connection, io_threads) = Connection::stdio();
    let (id, params) = connection.initialize_start().context("waiting for `initialize`")?;
    let params: InitializeParams = serde_json::from_value(params).context("reading `initialize`")?;
    // UTF-16 unless the client offers UTF-8, which saves the counting.
    let utf8 = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
    let capabilities = ServerCapabilities {
        position_encoding: Some(if utf8 {
            PositionEncodingKind::UTF8
        } else {
            PositionEncodingKind::UTF16
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            ..TextDocumentSyncOptions::default()
        })),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::SOURCE_FIX_ALL]),
            ..CodeActionOptions::default()
        })),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![IGNORE_COMMAND.to_string()],
            ..ExecuteCommandOptions::default()
        }),
        ..ServerCapabilities::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": { "name": "detritus", "version": env!("CARGO_PKG_VERSION") },
    });
    connection.initialize_finish(id, result)?;
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let mut server = Server {
        docs_dir: write_rule_docs(),
        setup: Setup::new(&args.input)?,
        args,
        connection: &connection,
        docs: HashMap::new(),
        utf8,
        next_id: 0,
    };
    if watch {
        server.watch_configs()?;
    }
    server.serve()?;
    drop(connection);
    io_threads.join()?;
    Ok(ExitCode::SUCCESS)
}

/// One open document.
struct Doc {
    text: String,
    version: i32,
    /// The paragraphs checked last time, so a change re-checks only its own.
    cache: CheckCache,
    /// Rules ignored in this document for this session.
    ignored: BTreeSet<String>,
    found: Vec<detritus::Diagnostic>,
}

struct Server<'c> {
    /// Where each rule's docs were written, for diagnostics to link to.
    docs_dir: Option<std::path::PathBuf>,
    args: ServerArgs,
    setup: Setup,
    connection: &'c Connection,
    docs: HashMap<Url, Doc>,
    utf8: bool,
    next_id: i32,
}

impl Server<'_> {
    fn serve(&mut self) -> Result<()> {
        let connection = self.connection;
        for message in &connection.receiver {
            match message {
                Message::Request(request) => {
                    if connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    self.request(request)?;
                }
                Message::Notification(note) => self.notification(note)?,
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    /// Ask the client to say when any `detritus.toml` changes.
    fn watch_configs(&mut self) -> Result<()> {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/detritus.toml".into()),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "detritus-config".into(),
                method: DidChangeWatchedFiles::METHOD.into(),
                register_options: Some(serde_json::to_value(options)?),
            }],
        };
        self.next_id += 1;
        let request = Request::new(RequestId::from(self.next_id), RegisterCapability::METHOD.into(), params);
        self.connection.sender.send(request.into())?;
        Ok(())
    }

    fn notification(&mut self, note: Notification) -> Result<()> {
        match note.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let p: DidOpenTextDocumentParams = serde_json::from_value(note.params)?;
                let doc = Doc {
                    text: p.text_document.text,
                    version: p.text_document.version,
                    cache: CheckCache::default(),
                    ignored: BTreeSet::new(),
                    found: Vec::new(),
                };
                self.docs.insert(p.text_document.uri.clone(), doc);
                self.check(&p.text_document.uri)?;
            }
            DidChangeTextDocument::METHOD => {
                let p: DidChangeTextDocumentParams = serde_json::from_value(note.params)?;
                let utf8 = self.utf8;
                if let Some(doc) = self.docs.get_mut(&p.text_document.uri) {
                    for change in p.content_changes {
                        match change.range {
                            Some(range) => {
                                let lines = LineIndex::new(&doc.text);
                                let start = offset(&doc.text, &lines, range.start, utf8);
                                let end = offset(&doc.text, &lines, range.end, utf8).max(start);
                                doc.text.replace_range(start..end, &change.text);
                            }
                            None => doc.text = change.text,
                        }
                    }
                    doc.version = p.text_document.version;
                    self.check(&p.text_document.uri)?;
                }
            }
            DidCloseTextDocument::METHOD => {
                let p: DidCloseTextDocumentParams = serde_json::from_value(note.params)?;
                self.docs.remove(&p.text_document.uri);
                self.publish(&p.text_document.uri, Vec::new(), None)?;
            }
            // A saved or changed `detritus.toml` changes every document's settings.
            DidSaveTextDocument::METHOD | DidChangeWatchedFiles::METHOD
                if note.params.to_string().contains("detritus.toml") =>
            {
                self.reload()?;
            }
            _ => {}
        }
        Ok(())
    }

    fn reload(&mut self) -> Result<()> {
        self.setup = Setup::new(&self.args.input)?;
        let uris: Vec<Url> = self.docs.keys().cloned().collect();
        for uri in uris {
            if let Some(doc) = self.docs.get_mut(&uri) {
                doc.cache = CheckCache::default();
            }
            self.check(&uri)?;
        }
        Ok(())
    }

    fn linter(&self, uri: &Url) -> Result<Arc<Linter>> {
        match uri.to_file_path() {
            Ok(path) => self.setup.linter_for(Some(&Source::File(path))),
            Err(()) => self.setup.linter_for(None),
        }
    }

    /// Check a document and publish what was found.
    fn check(&mut self, uri: &Url) -> Result<()> {
        let linter = match self.linter(uri) {
            Ok(linter) => linter,
            Err(e) => {
                self.show_error(&format!("{e:#}"))?;
                return Ok(());
            }
        };
        let utf8 = self.utf8;
        let Some(doc) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        let mut found = linter.check_cached(&doc.text, &mut doc.cache);
        found.retain(|d| !doc.ignored.contains(d.rule.code));
        let lines = LineIndex::new(&doc.text);
        let docs_dir = self.docs_dir.as_deref();
        let diagnostics = found
            .iter()
            .map(|d| with_docs(to_lsp(&doc.text, &lines, d, utf8), docs_dir, d.rule.code))
            .collect();
        doc.found = found;
        let version = Some(doc.version);
        self.publish(uri, diagnostics, version)
    }

    fn publish(&self, uri: &Url, diagnostics: Vec<Diagnostic>, version: Option<i32>) -> Result<()> {
        let params = PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version,
        };
        let note = Notification::new(PublishDiagnostics::METHOD.into(), params);
        self.connection.sender.send(note.into())?;
        Ok(())
    }

    fn show_error(&self, message: &str) -> Result<()> {
        let params = lsp_types::ShowMessageParams {
            typ: lsp_types::MessageType::ERROR,
            message: format!("detritus: {message}"),
        };
        let note = Notification::new("window/showMessage".into(), params);
        self.connection.sender.send(note.into())?;
        Ok(())
    }

    fn request(&mut self, request: Request) -> Result<()> {
        let response = match request.method.as_str() {
            CodeActionRequest::METHOD => {
                let p: CodeActionParams = serde_json::from_value(request.params)?;
                let actions = self.code_actions(&p)?;
                Response::new_ok(request.id, actions)
            }
            ExecuteCommand::METHOD => {
                let p: ExecuteCommandParams = serde_json::from_value(request.params)?;
                self.execute(&p)?;
                Response::new_ok(request.id, serde_json::Value::Null)
            }
            _ => Response::new_err(
                request.id,
                lsp_server::ErrorCode::MethodNotFound as i32,
                format!("detritus does not handle `{}`", request.method),
            ),
        };
        self.connection.sender.send(response.into())?;
        Ok(())
    }

    /// `detritus.ignoreRule [uri, code]`: stop reporting the rule in the file.
    fn execute(&mut self, p: &ExecuteCommandParams) -> Result<()> {
        if p.command != IGNORE_COMMAND {
            return Ok(());
        }
        let uri = p
            .arguments
            .first()
            .and_then(|v| v.as_str())
            .and_then(|s| Url::parse(s).ok());
        let code = p.arguments.get(1).and_then(|v| v.as_str());
        if let (Some(uri), Some(code)) = (uri, code) {
            if let Some(doc) = self.docs.get_mut(&uri) {
                doc.ignored.insert(code.to_string());
            }
            self.check(&uri)?;
        }
        Ok(())
    }

    fn code_actions(&self, p: &CodeActionParams) -> Result<Vec<CodeActionOrCommand>> {
        let uri = &p.text_document.uri;
        let Some(doc) = self.docs.get(uri) else {
            return Ok(Vec::new());
        };
        let lines = LineIndex::new(&doc.text);
        let from = offset(&doc.text, &lines, p.range.start, self.utf8);
        let to = offset(&doc.text, &lines, p.range.end, self.utf8);
        let wants = |kind: &CodeActionKind| {
            p.context
                .only
                .as_ref()
                .is_none_or(|only| only.iter().any(|k| kind.as_str().starts_with(k.as_str())))
        };
        let mut actions = Vec::new();
        if wants(&CodeActionKind::QUICKFIX) {
            for d in doc.found.iter().filter(|d| d.span.start <= to && d.span.end >= from) {
                let lsp = to_lsp(&doc.text, &lines, d, self.utf8);
                if let Some(fix) = &d.fix {
                    if fix.applicability != Applicability::DisplayOnly {
                        let safe = fix.applicability == Applicability::Safe;
                        let edits = fix
                            .edits
                            .iter()
                            .map(|e| TextEdit {
                                range: range(&doc.text, &lines, e.span.start, e.span.end, self.utf8),
                                new_text: e.content.clone(),
                            })
                            .collect();
                        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                            title: format!("{} ({}, {})", capitalise(&fix.message), d.rule.code, fix.applicability),
                            kind: Some(CodeActionKind::QUICKFIX),
                            diagnostics: Some(vec![lsp.clone()]),
                            edit: Some(edit_of(uri, edits)),
                            is_preferred: Some(safe),
                            ..CodeAction::default()
                        }));
                    }
                }
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Ignore {} {} in this file", d.rule.code, d.rule.name),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp]),
                    command: Some(Command {
                        title: format!("Ignore {} in this file", d.rule.code),
                        command: IGNORE_COMMAND.into(),
                        arguments: Some(vec![uri.to_string().into(), d.rule.code.into()]),
                    }),
                    ..CodeAction::default()
                }));
            }
        }
        if wants(&CodeActionKind::SOURCE_FIX_ALL) {
            let linter = self.linter(uri)?;
            let ignored = &doc.ignored;
            let fixed = linter.fix_with(&doc.text, &|d, _| {
                !ignored.contains(d.rule.code) && d.applicability() == Some(Applicability::Safe)
            })?;
            if fixed.changed() {
                let edits = fixed
                    .changes
                    .iter()
                    .map(|(old, new)| TextEdit {
                        range: range(&doc.text, &lines, old.start, old.end, self.utf8),
                        new_text: new.slice(&fixed.text).to_string(),
                    })
                    .collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Fix all safe debris ({} fixes)", fixed.applied.len()),
                    kind: Some(CodeActionKind::SOURCE_FIX_ALL),
                    edit: Some(edit_of(uri, edits)),
                    ..CodeAction::default()
                }));
            }
        }
        Ok(actions)
    }
}

/// Write every rule's docs (what `detritus explain` prints) as Markdown
/// files in a folder of the temporary directory, so each diagnostic links
/// to its rule's docs with no network: `None` when they cannot be written.
fn write_rule_docs() -> Option<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("detritus-{}-rules", env!("CARGO_PKG_VERSION")));
    std::fs::create_dir_all(&dir).ok()?;
    for rule in detritus::registry::all() {
        let m = rule.meta();
        std::fs::write(dir.join(format!("{}.md", m.code)), super::explain::render(m)).ok()?;
    }
    Some(dir)
}

/// The diagnostic with a link to its rule's docs, when they were written.
fn with_docs(mut d: Diagnostic, dir: Option<&std::path::Path>, code: &str) -> Diagnostic {
    d.code_description = dir
        .and_then(|dir| Url::from_file_path(dir.join(format!("{code}.md"))).ok())
        .map(|href| lsp_types::CodeDescription { href });
    d
}

fn edit_of(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A finding as the protocol carries it. Content debris (markup, encoding,
/// page furniture, duplicates, fragments) warns; typography informs.
fn to_lsp(text: &str, lines: &LineIndex, d: &detritus::Diagnostic, utf8: bool) -> Diagnostic {
    let severity = match d.rule.family {
        Family::Whitespace | Family::Punctuation | Family::Quotes => DiagnosticSeverity::INFORMATION,
        _ => DiagnosticSeverity::WARNING,
    };
    Diagnostic {
        range: range(text, lines, d.span.start, d.span.end, utf8),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.rule.code.into())),
        source: Some("detritus".into()),
        message: format!("{} ({})", d.message, d.rule.name),
        data: Some(serde_json::json!({ "name": d.rule.name, "docs": d.rule.summary })),
        ..Diagnostic::default()
    }
}

fn range(text: &str, lines: &LineIndex, start: usize, end: usize, utf8: bool) -> Range {
    Range::new(position(text, lines, start, utf8), position(text, lines, end, utf8))
}

/// Byte offset to a protocol position: a line, and a column in UTF-16 code
/// units (or bytes, when UTF-8 was negotiated).
fn position(text: &str, lines: &LineIndex, at: usize, utf8: bool) -> Position {
    let line = lines.line_of(at);
    let start = lines.line_start(line);
    let column = if utf8 {
        at - start
    } else {
        text[start..at].encode_utf16().count()
    };
    Position::new(line as u32, column as u32)
}

/// A protocol position to a byte offset, clamped to the line and the text.
fn offset(text: &str, lines: &LineIndex, p: Position, utf8: bool) -> usize {
    let line = p.line as usize;
    if line > lines.line_of(text.len()) {
        return text.len();
    }
    let start = lines.line_start(line);
    let rest = &text[start..];
    let line_end = start + rest.find('\n').unwrap_or(rest.len());
    let mut units = 0;
    for (i, c) in text[start..line_end].char_indices() {
        if units >= p.character as usize {
            return start + i;
        }
        units += if utf8 { c.len_utf8() } else { c.len_utf16() };
    }
    line_end
}
