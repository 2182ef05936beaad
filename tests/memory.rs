//! Memory stays a bounded multiple of the input, whatever its shape: texts
//! made of one repeated mark, of nothing but line breaks, or of one long
//! line with debris every few words. Measured by counting the bytes this
//! test binary holds on the heap.
//!
//! The ceiling is 48× the input. News prose costs 4× (check) to 14× (fix);
//! these shapes are the worst found, at 17× to 42×: a span (16 bytes) per
//! line, per word and per quote mark, and a few hundred bytes per finding.
//! Before the bounds they reached 270× (a fix whose two edits lay far apart
//! recorded everything between them, once per bracket pair), 100× (a run
//! of unclosed quotes was one finding per mark) and 284× (so was a run of
//! brackets).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;

use detritus::{FixMode, Linter, Settings};

struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(held, Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    // Forwarded, so large buffers grow in place as they do without the count.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let held = HELD.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
            PEAK.fetch_max(held, Relaxed);
        } else {
            HELD.fetch_sub(layout.size() - new_size, Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// Tests in one binary run in parallel; measuring needs the heap alone.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const CEILING: usize = 48;

/// For a finding every second or third byte, each finding's own record
/// (about 200 bytes: its span, message and fix) outweighs the text.
const DENSE_CEILING: usize = 300;

/// The peak heap above what was held before, while `work` runs.
fn peak_during(work: impl FnOnce()) -> usize {
    let base = HELD.load(Relaxed);
    PEAK.store(base, Relaxed);
    work();
    PEAK.load(Relaxed) - base
}

fn assert_bounded(name: &str, text: &str) {
    assert_under(CEILING, name, text);
}

fn assert_under(ceiling: usize, name: &str, text: &str) {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let linter = Linter::new(&Settings::default()).unwrap();
    let check = peak_during(|| drop(linter.check(text)));
    let fix = peak_during(|| drop(linter.fix(text, FixMode::Unsafe).unwrap()));
    for (what, peak) in [("check", check), ("fix", fix)] {
        assert!(
            peak <= ceiling * text.len(),
            "{what} on {name} held {:.1}× its {} bytes",
            peak as f64 / text.len() as f64,
            text.len()
        );
    }
}

#[test]
fn a_text_of_one_repeated_quote_mark_stays_under_the_ceiling() {
    assert_bounded("opening quotes", &"“".repeat(100_000));
}

#[test]
fn a_text_of_one_repeated_bracket_stays_under_the_ceiling() {
    // One finding per bracket took 216× (`(`) and 284× (`)`); a run is one.
    assert_bounded("opening brackets", &"(".repeat(100_000));
    assert_bounded("closing brackets", &")".repeat(100_000));
}

#[test]
fn a_text_of_line_breaks_stays_under_the_ceiling() {
    assert_bounded("line breaks", &"\n".repeat(300_000));
}

#[test]
fn one_long_line_dense_with_debris_stays_under_the_ceiling() {
    // A word, a stray space before a comma, padded brackets and quotes,
    // over and over on one line: a finding every few words.
    let words = [
        "the",
        "cat",
        "sat",
        ",",
        "(",
        "really",
        ")",
        "“hello”",
        ".",
        "It",
        "was",
        "3.5",
        "km",
    ];
    let mut text = String::new();
    let mut state = 7u32;
    while text.len() < 200_000 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        text.push_str(words[(state >> 16) as usize % words.len()]);
        text.push(' ');
    }
    assert_bounded("one dense line", &text);
}

#[test]
fn a_finding_every_second_byte_stays_under_the_dense_ceiling() {
    // Heap under fix: 277× (control characters), 152× (doubled spaces),
    // 142× (zero-width spaces), 132× (a doubled article), 93× (entities).
    // Bounding these to the ceiling above needs findings smaller than the
    // bytes they mark, or a cap on findings per byte.
    for (name, unit) in [
        ("control characters", "a\u{1}"),
        ("doubled spaces", "a  "),
        ("zero-width spaces", "a\u{200B}"),
        ("entities", "&amp;"),
        ("a doubled article", "a "),
    ] {
        let text = unit.repeat(300_000 / unit.len());
        assert_under(DENSE_CEILING, name, &text);
    }
}
