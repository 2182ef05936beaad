//! `detritus._detritus`, the native half of the Python package: the engine's
//! linter, its findings as Python objects, and string arrays handed over
//! through the Arrow C data interface. The public API (`detritus.fix`,
//! `detritus.Linter`…) is Python in `detritus/__init__.py`; it dispatches on
//! pyarrow, polars and pandas types, which is simpler there than here.

mod arrow;
mod offsets;

use std::borrow::Cow;

use detritus::{FixMode, Settings};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;
use rayon::prelude::*;

use offsets::Offsets;

/// The texts whose fixes failed, as (index, message); each kept its input.
pub(crate) type Errors = Vec<(usize, String)>;

/// A fixed text and how many fixes each rule (by code) applied to it.
type Counted = (String, Vec<(&'static str, usize)>);

/// One edit of a fix: replace `text[start:end]` with `content`.
#[pyclass(frozen, get_all, module = "detritus")]
struct Edit {
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    content: String,
}

#[pymethods]
impl Edit {
    fn __repr__(&self) -> String {
        format!(
            "Edit(start={}, end={}, content={:?})",
            self.start, self.end, self.content
        )
    }
}

/// A proposed repair: its safety, what it does, and its edits.
#[pyclass(frozen, get_all, module = "detritus")]
struct Fix {
    /// `safe`, `unsafe` or `display-only`.
    applicability: &'static str,
    message: String,
    edits: Vec<Py<Edit>>,
}

#[pymethods]
impl Fix {
    fn __repr__(&self) -> String {
        format!(
            "Fix(applicability={:?}, message={:?})",
            self.applicability, self.message
        )
    }
}

/// One piece of debris. `start`/`end` index the Python string; `line` and
/// `column` are 1-based, the column counted in characters.
#[pyclass(frozen, get_all, module = "detritus")]
struct Diagnostic {
    code: &'static str,
    name: &'static str,
    message: String,
    start: usize,
    end: usize,
    byte_start: usize,
    byte_end: usize,
    line: usize,
    column: usize,
    fix: Option<Py<Fix>>,
}

#[pymethods]
impl Diagnostic {
    fn __repr__(&self) -> String {
        format!(
            "Diagnostic(code={:?}, name={:?}, start={}, end={}, message={:?})",
            self.code, self.name, self.start, self.end, self.message
        )
    }
}

/// The engine, built once from its settings and shared by every thread.
#[pyclass(frozen, module = "detritus")]
struct Linter {
    inner: detritus::Linter,
    mode: FixMode,
}

impl Linter {
    /// The engine for a batch of `texts`: one too short to tell its
    /// language takes the language the others tell, as a record of a data
    /// set does in the command line's JSON Lines.
    fn for_batch<'t>(&self, texts: impl ParallelIterator<Item = &'t str>) -> Cow<'_, detritus::Linter> {
        self.inner
            .reading_short_texts_as(detritus::lang::StreamLanguage::of_all(texts).shared())
    }
}

fn fix_one(linter: &detritus::Linter, mode: FixMode, text: &str) -> Result<String, String> {
    linter.fix(text, mode).map(|f| f.text).map_err(|e| e.to_string())
}

fn fix_counted(linter: &detritus::Linter, mode: FixMode, text: &str) -> Result<Counted, String> {
    let fixed = linter.fix(text, mode).map_err(|e| e.to_string())?;
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for f in &fixed.applied {
        match counts.iter_mut().find(|(c, _)| *c == f.rule.code) {
            Some((_, n)) => *n += 1,
            None => counts.push((f.rule.code, 1)),
        }
    }
    Ok((fixed.text, counts))
}

/// A setting the library refuses is the caller's mistake: `ValueError`.
/// Fixes that do not converge are a bug in a rule: `RuntimeError`.
fn value_error(e: detritus::Error) -> PyErr {
    PyValueError::new_err(e.to_string())
}

#[pymethods]
impl Linter {
    #[new]
    #[pyo3(signature = (*, select=None, ignore=None, unsafe_fixes=None, language=None, syntax=None, config=None))]
    fn new(
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
        unsafe_fixes: Option<bool>,
        language: Option<String>,
        syntax: Option<String>,
        config: Option<std::path::PathBuf>,
    ) -> PyResult<Linter> {
        // The file's keys first, then what the call names, as flags override
        // the file on the command line.
        let (mut settings, file_unsafe) = match &config {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| PyOSError::new_err(format!("{}: cannot read: {e}", path.display())))?;
                let parsed = detritus::config::Config::parse(&text)
                    .map_err(|e| PyValueError::new_err(format!("{}: {e}", path.display())))?;
                let settings = parsed
                    .settings()
                    .map_err(|e| PyValueError::new_err(format!("{}: {e}", path.display())))?;
                (settings, parsed.unsafe_fixes.unwrap_or(false))
            }
            None => (Settings::default(), false),
        };
        if let Some(select) = select {
            settings.select = select;
        }
        if let Some(ignore) = ignore {
            settings.ignore = ignore;
        }
        if let Some(tag) = language {
            settings.language = tag.parse().map_err(value_error)?;
        }
        if let Some(name) = syntax {
            settings.syntax = name.parse().map_err(value_error)?;
        }
        // A Python string is a record of a data set, not a file: a byte
        // order mark at its start is debris, as in `fix --jsonl`.
        settings.records = true;
        let mode = if unsafe_fixes.unwrap_or(file_unsafe) {
            FixMode::Unsafe
        } else {
            FixMode::Safe
        };
        Ok(Linter {
            inner: detritus::Linter::new(&settings).map_err(value_error)?,
            mode,
        })
    }

    /// True when this linter applies unsafe fixes.
    #[getter]
    fn unsafe_fixes(&self) -> bool {
        self.mode == FixMode::Unsafe
    }

    /// The codes of the rules this linter runs.
    #[getter]
    fn rules(&self) -> Vec<&'static str> {
        self.inner.rules().iter().map(|r| r.meta().code).collect()
    }

    fn check(&self, py: Python<'_>, text: &str) -> PyResult<Vec<Diagnostic>> {
        let found = py.detach(|| self.inner.check(text));
        to_python(py, text, &found)
    }

    fn fix(&self, py: Python<'_>, text: &str) -> PyResult<String> {
        py.detach(|| fix_one(&self.inner, self.mode, text))
            .map_err(PyRuntimeError::new_err)
    }

    /// The fixed text and how many fixes each rule applied.
    fn fix_counts(&self, py: Python<'_>, text: &str) -> PyResult<Counted> {
        py.detach(|| fix_counted(&self.inner, self.mode, text))
            .map_err(PyRuntimeError::new_err)
    }

    /// Fix a list of texts on `threads` threads (all cores when `None`).
    /// A text whose fixes do not converge comes back unchanged, its error
    /// in the second list as `(index, message)`.
    #[pyo3(signature = (texts, threads=None))]
    fn fix_list(&self, py: Python<'_>, texts: Vec<String>, threads: Option<usize>) -> PyResult<(Vec<String>, Errors)> {
        py.detach(|| {
            in_pool(threads, || {
                let linter = self.for_batch(texts.par_iter().map(String::as_str));
                let done: Vec<Result<String, String>> =
                    texts.par_iter().map(|t| fix_one(&linter, self.mode, t)).collect();
                split_errors(done, |i| texts[i].clone())
            })
        })
    }

    /// `fix_list` with each text's per-rule fix counts, as `fix_counts` gives them.
    #[pyo3(signature = (texts, threads=None))]
    fn fix_counts_list(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        threads: Option<usize>,
    ) -> PyResult<(Vec<Counted>, Errors)> {
        py.detach(|| {
            in_pool(threads, || {
                let linter = self.for_batch(texts.par_iter().map(String::as_str));
                let done: Vec<Result<Counted, String>> =
                    texts.par_iter().map(|t| fix_counted(&linter, self.mode, t)).collect();
                split_errors(done, |i| (texts[i].clone(), Vec::new()))
            })
        })
    }

    /// Check a list of texts on `threads` threads.
    #[pyo3(signature = (texts, threads=None))]
    fn check_list(&self, py: Python<'_>, texts: Vec<String>, threads: Option<usize>) -> PyResult<Vec<Vec<Diagnostic>>> {
        let found: Vec<Vec<detritus::Diagnostic>> = py.detach(|| {
            in_pool(threads, || {
                let linter = self.for_batch(texts.par_iter().map(String::as_str));
                texts.par_iter().map(|t| linter.check(t)).collect()
            })
        })?;
        texts.iter().zip(&found).map(|(t, f)| to_python(py, t, f)).collect()
    }

    /// Fix an Arrow string array given as the two capsules of
    /// `__arrow_c_array__`; returns the capsules of a new array of the same
    /// type, nulls kept, and the errors as in `fix_list`.
    #[pyo3(signature = (schema, array, threads=None))]
    fn fix_arrow<'py>(
        &self,
        py: Python<'py>,
        schema: &Bound<'py, PyCapsule>,
        array: &Bound<'py, PyCapsule>,
        threads: Option<usize>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>, Errors)> {
        let input = arrow::import(schema, array)?;
        let (output, errors) = py.detach(|| {
            in_pool(threads, || {
                arrow::map_strings(&input, |told| {
                    let linter = self.inner.reading_short_texts_as(told.shared());
                    move |t: &str| fix_one(&linter, self.mode, t)
                })
            })
        })??;
        let (schema, array) = arrow::export(py, &output)?;
        Ok((schema, array, errors))
    }
}

/// Run `f` on a pool of `threads` threads (one per core when `None`).
///
/// The pools are the package's own, kept per size and per process: a
/// child forked after a pool started (multiprocessing, `datasets.map(
/// num_proc=…)`, datatrove's workers) inherits its state but not its
/// threads, and would wait on them forever, as it would on rayon's global
/// pool.
fn in_pool<T: Send>(threads: Option<usize>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    type Pools = Vec<(u32, usize, std::sync::Arc<rayon::ThreadPool>)>;
    static POOLS: std::sync::Mutex<Pools> = std::sync::Mutex::new(Vec::new());
    let n = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, usize::from),
    };
    let pid = std::process::id();
    let pool = {
        let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
        // A forked child's pools belong to its parent, their threads absent
        // here: forget them rather than drop them, so nothing waits on them.
        if pools.iter().any(|(p, _, _)| *p != pid) {
            let (mine, parents): (Pools, Pools) =
                std::mem::take(&mut *pools).into_iter().partition(|(p, _, _)| *p == pid);
            std::mem::forget(parents);
            *pools = mine;
        }
        match pools.iter().find(|(_, size, _)| *size == n) {
            Some((_, _, pool)) => pool.clone(),
            None => {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyRuntimeError::new_err(format!("cannot start {n} threads: {e}")))?;
                let pool = std::sync::Arc::new(pool);
                pools.push((pid, n, pool.clone()));
                pool
            }
        }
    };
    Ok(pool.install(f))
}

/// Results in order; where a fix failed, `original(i)` stands in and the
/// error is listed with its index.
pub(crate) fn split_errors<T>(done: Vec<Result<T, String>>, original: impl Fn(usize) -> T) -> (Vec<T>, Errors) {
    let mut errors = Vec::new();
    let out = done
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            d.unwrap_or_else(|e| {
                errors.push((i, e));
                original(i)
            })
        })
        .collect();
    (out, errors)
}

/// The engine's findings as Python objects, offsets in characters.
fn to_python(py: Python<'_>, text: &str, found: &[detritus::Diagnostic]) -> PyResult<Vec<Diagnostic>> {
    let offsets = Offsets::new(
        text,
        found.iter().flat_map(|d| {
            let edits = d.fix.iter().flat_map(|f| f.edits.iter());
            [d.span.start, d.span.end]
                .into_iter()
                .chain(edits.flat_map(|e| [e.span.start, e.span.end]))
        }),
    );
    found
        .iter()
        .map(|d| {
            let fix = match &d.fix {
                None => None,
                Some(f) => {
                    let edits = f
                        .edits
                        .iter()
                        .map(|e| {
                            Py::new(
                                py,
                                Edit {
                                    start: offsets.char(e.span.start),
                                    end: offsets.char(e.span.end),
                                    byte_start: e.span.start,
                                    byte_end: e.span.end,
                                    content: e.content.clone(),
                                },
                            )
                        })
                        .collect::<PyResult<_>>()?;
                    Some(Py::new(
                        py,
                        Fix {
                            applicability: f.applicability.as_str(),
                            message: f.message.to_string(),
                            edits,
                        },
                    )?)
                }
            };
            let (line, column) = offsets.line_column(d.span.start);
            Ok(Diagnostic {
                code: d.rule.code,
                name: d.rule.name,
                message: d.message.to_string(),
                start: offsets.char(d.span.start),
                end: offsets.char(d.span.end),
                byte_start: d.span.start,
                byte_end: d.span.end,
                line,
                column,
                fix,
            })
        })
        .collect()
}

/// Every rule as `(code, name, family, fix safety, summary)`.
#[pyfunction]
fn rules() -> Vec<(&'static str, &'static str, &'static str, &'static str, &'static str)> {
    detritus::registry::all()
        .iter()
        .map(|r| {
            let m = r.meta();
            (m.code, m.name, m.family.name(), m.fix.as_str(), m.summary)
        })
        .collect()
}

#[pymodule]
fn _detritus(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Linter>()?;
    m.add_class::<Diagnostic>()?;
    m.add_class::<Fix>()?;
    m.add_class::<Edit>()?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
