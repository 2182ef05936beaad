//! Ctrl-C, SIGTERM or SIGHUP during a run that rewrites files: let every
//! replacement under way either finish its rename or drop its temporary
//! file, then exit 130. A file is therefore always the original or the
//! fully fixed text, never half of each, and no temporary file is left.
//!
//! The handler is installed by the first write, so runs that write nothing
//! (check, fix to stdout) keep the default behaviour of dying at once, or
//! by `review` taking the terminal, which the handler gives back.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, Once, PoisonError};

use anyhow::{bail, Result};

/// Exit status for a run stopped by a signal, as shells report SIGINT.
pub const EXIT: i32 = 130;

/// Replacements under way; the handler waits for this to reach zero.
static WRITING: Mutex<usize> = Mutex::new(0);
static IDLE: Condvar = Condvar::new();
/// Set once a signal arrives; checked without the lock by streaming writes.
static STOPPING: AtomicBool = AtomicBool::new(false);
/// The terminal is in raw mode: a signal must restore it before exiting,
/// or the shell is left without echo or line editing.
static RAW_TERMINAL: AtomicBool = AtomicBool::new(false);

/// Record that the terminal entered or left raw mode. Entering installs the
/// handler, so a SIGINT or SIGTERM from outside still restores it.
pub fn terminal_raw(raw: bool) {
    if raw {
        install();
    }
    RAW_TERMINAL.store(raw, Ordering::SeqCst);
}

fn writing() -> MutexGuard<'static, usize> {
    WRITING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Held for the whole life of one temporary file: from before it is
/// created until after it is renamed or deleted.
pub struct Replacing(());

/// Start replacing a file. Once a signal has arrived this never returns:
/// the handler is about to exit.
pub fn begin() -> Replacing {
    install();
    let mut n = writing();
    if STOPPING.load(Ordering::SeqCst) {
        drop(n);
        halt();
    }
    *n += 1;
    Replacing(())
}

/// Wait for the handler's exit. A thread that saw the signal must not go
/// on to finish the run, or its exit status would race the handler's.
fn halt() -> ! {
    loop {
        std::thread::park();
    }
}

impl Replacing {
    /// Call just before the rename: an error means drop the temporary file.
    pub fn go_on(&self) -> Result<()> {
        if STOPPING.load(Ordering::SeqCst) {
            bail!("interrupted");
        }
        Ok(())
    }
}

impl Drop for Replacing {
    fn drop(&mut self) {
        let mut n = writing();
        *n -= 1;
        let stopping = STOPPING.load(Ordering::SeqCst);
        drop(n);
        IDLE.notify_all();
        if stopping {
            // The temporary file is gone (it is dropped first); see `halt`.
            halt();
        }
    }
}

/// A writer that fails once a signal has arrived, so a long streamed
/// replacement stops early instead of holding up the exit.
pub struct Stoppable<W>(pub W);

impl<W: Write> Write for Stoppable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if STOPPING.load(Ordering::Relaxed) {
            return Err(io::Error::other("interrupted"));
        }
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Failing to install leaves the default: dying at once, which can
        // still leave a temporary file but never a half-written original.
        let _ = ctrlc::set_handler(stop);
    });
}

fn stop() {
    let mut n = writing();
    STOPPING.store(true, Ordering::SeqCst);
    while *n > 0 {
        n = IDLE.wait(n).unwrap_or_else(PoisonError::into_inner);
    }
    if RAW_TERMINAL.load(Ordering::SeqCst) {
        let _ = crossterm::terminal::disable_raw_mode();
        let _ = write!(io::stdout(), "\r\n");
        let _ = io::stdout().flush();
    }
    let _ = writeln!(
        io::stderr(),
        "detritus: interrupted; every file is either fixed or as it was"
    );
    // Exit holding the lock, so no other thread can start a temporary file.
    std::process::exit(EXIT);
}
