//! `detritus server`, end to end over stdio, as an editor drives it: open a
//! document, get diagnostics, apply a quick fix, see them drop, fix all,
//! stay silent on Markdown code, and shut down cleanly.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Messages that arrived while waiting for something else.
    held: VecDeque<Value>,
    next_id: i64,
}

impl Client {
    fn start(dir: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_detritus"))
            .arg("server")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let (tx, messages) = channel();
        // Frames are read on a thread so a silent server fails the test
        // with a timeout instead of hanging it.
        std::thread::spawn(move || loop {
            let mut length = 0;
            loop {
                let mut line = String::new();
                if out.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = n.parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            out.read_exact(&mut body).unwrap();
            if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        });
        Client {
            child,
            stdin,
            messages,
            held: VecDeque::new(),
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Send a request and return its result, answering nothing else.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let m = self.receive();
            if m["id"] == json!(id) && m.get("method").is_none() {
                assert!(m.get("error").is_none(), "{method} failed: {m}");
                return m["result"].clone();
            }
            self.held.push_back(m);
        }
    }

    fn receive(&self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers within 20 s")
    }

    /// The next diagnostics published for `uri`, held ones first.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let wanted = |m: &Value| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
        if let Some(i) = self.held.iter().position(wanted) {
            let m = self.held.remove(i).unwrap();
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let m = self.receive();
            if wanted(&m) {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags.iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
}

/// Apply LSP text edits (UTF-16 positions) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let (line, col) = (
            p["line"].as_u64().unwrap() as usize,
            p["character"].as_u64().unwrap() as usize,
        );
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= col {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort();
    let mut out = text.to_string();
    for (start, end, new) in spans.into_iter().rev() {
        out.replace_range(start..end, new);
    }
    out
}

#[test]
fn an_editor_sees_debris_fixes_it_and_the_server_shuts_down_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path());
    let init = client.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(
        init["capabilities"]["textDocumentSync"]["change"], 2,
        "incremental sync"
    );
    client.notify("initialized", json!({}));

    // “é” and “—” are one UTF-16 unit each, “😀” two: columns count units.
    let text = "Café 😀 opened — an experimental model , which never shipped .\n";
    let uri = format!("file://{}/article.txt", dir.path().display());
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1, "text": text } }),
    );
    let diags = client.diagnostics(&uri);
    assert!(codes(&diags).contains(&"W001".to_string()), "{diags:?}");
    let first = diags.iter().find(|d| d["code"] == "W001").unwrap();
    let comma = text.find(" ,").unwrap();
    let units = text[..comma].encode_utf16().count() as u64;
    assert_eq!(first["range"]["start"]["character"], units, "{first}");
    assert!(first["message"].as_str().unwrap().contains("space-before-punctuation"));
    // The rule's docs, written where the link points.
    let href = first["codeDescription"]["href"]
        .as_str()
        .expect("a link to the rule's docs");
    let docs = std::fs::read_to_string(href.strip_prefix("file://").unwrap()).unwrap();
    assert!(docs.starts_with("# W001 space-before-punctuation"), "{docs}");

    // The quick fix for that diagnostic, applied as an editor would.
    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": first["range"], "context": { "diagnostics": [first] } }),
    );
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["kind"] == "quickfix" && a.get("edit").is_some())
        .expect("a quick fix");
    assert!(fix["title"].as_str().unwrap().contains("safe"), "{fix}");
    assert_eq!(fix["isPreferred"], true);
    assert!(actions
        .iter()
        .any(|a| a["title"].as_str().unwrap().starts_with("Ignore W001")));
    let edits = fix["edit"]["changes"][&uri].as_array().unwrap();
    let fixed = apply(text, edits);
    assert!(!fixed.contains("model ,"), "{fixed}");
    // Sent back as an incremental change.
    let edit = &edits[0];
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 },
                "contentChanges": [{ "range": edit["range"], "text": edit["newText"] }] }),
    );
    let after = client.diagnostics(&uri);
    assert_eq!(after.len(), diags.len() - 1, "{after:?}");

    // Fix all safe debris: nothing safe is left to report.
    let all = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri },
                "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 1, "character": 0 } },
                "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    let whole = apply(&fixed, all[0]["edit"]["changes"][&uri].as_array().unwrap());
    assert_eq!(whole, "Café 😀 opened — an experimental model, which never shipped.\n");

    // Ignoring a rule in the file silences it there.
    client.request(
        "workspace/executeCommand",
        json!({ "command": "detritus.ignoreRule", "arguments": [uri, "W001"] }),
    );
    assert!(!codes(&client.diagnostics(&uri)).contains(&"W001".to_string()));

    // Markdown: debris inside code stays silent, prose does not.
    let md_uri = format!("file://{}/notes.md", dir.path().display());
    let md = "Some prose , here.\n\n```\nx = f(a , b) .\n```\n\nInline `a , b` code.\n";
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": md_uri, "languageId": "markdown", "version": 1, "text": md } }),
    );
    let md_diags = client.diagnostics(&md_uri);
    assert_eq!(codes(&md_diags), ["W001"], "{md_diags:?}");
    assert_eq!(md_diags[0]["range"]["start"]["line"], 0);

    assert_eq!(client.request("shutdown", Value::Null), Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert!(status.success(), "{status}");
}

#[test]
fn a_changed_config_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::start(dir.path());
    client.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    client.notify("initialized", json!({}));
    let uri = format!("file://{}/a.txt", dir.path().display());
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1,
                                  "text": "An experimental model , which never shipped.\n" } }),
    );
    assert!(codes(&client.diagnostics(&uri)).contains(&"W001".to_string()));
    std::fs::write(dir.path().join("detritus.toml"), "ignore = [\"W001\"]\n").unwrap();
    let config = format!("file://{}/detritus.toml", dir.path().display());
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config, "type": 1 }] }),
    );
    assert!(!codes(&client.diagnostics(&uri)).contains(&"W001".to_string()));
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
}
