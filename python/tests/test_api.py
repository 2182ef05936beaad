"""The Python API: what each function returns and refuses."""

import pickle
import sys
import threading

import pytest

import detritus


def test_fix_applies_safe_fixes_and_leaves_unsafe_ones_for_review():
    assert detritus.fix("It grew fast , analysts said .") == "It grew fast, analysts said."
    dirty = "The minister said said the plan would pass."
    assert detritus.fix(dirty) == dirty
    assert detritus.fix(dirty, unsafe=True) == "The minister said the plan would pass."


def test_fix_leaves_correct_text_alone():
    for clean in ["U.S. output rose 3.5% at 10:30, e.g. at 01.AI and Yi-34B.", "Il a dit : « non ! »", "日本語の文章です。"]:
        assert detritus.fix(clean, unsafe=True) == clean


def test_check_offsets_are_python_string_indices_and_bytes_are_utf8_offsets():
    text = "Café 😀 grew ,\nthen fell ."
    found = detritus.check(text)
    assert [d.code for d in found] == ["W001", "W001"]
    first, second = found
    assert text[first.start : first.end] == " "
    assert text.encode()[first.byte_start : first.byte_end] == b" "
    assert (first.start, first.byte_start) == (11, 15)
    assert (first.line, first.column) == (1, 12)
    assert (second.line, second.column) == (2, 10)
    assert first.name == "space-before-punctuation"
    assert "space" in first.message


def test_a_diagnostic_carries_its_fix_with_safety_and_edits():
    [d] = detritus.check("Prices rose ,, then fell.", select=["P001"])
    assert d.fix.applicability == "safe"
    [edit] = d.fix.edits
    assert (edit.start, edit.end, edit.content) == (13, 14, "")
    assert (edit.byte_start, edit.byte_end) == (13, 14)
    assert "P001" in repr(d)


def test_select_and_ignore_take_codes_families_and_names():
    text = "It grew , fast  now."
    assert {d.code for d in detritus.check(text, select="W001")} == {"W001"}
    assert {d.code for d in detritus.check(text, select=["whitespace"], ignore=["repeated-spaces"])} == {"W001"}
    assert detritus.fix(text, select=["W003"]) == "It grew , fast now."


def test_an_unknown_rule_or_language_is_a_value_error_that_names_it():
    with pytest.raises(ValueError, match="X999"):
        detritus.fix("text", select=["X999"])
    with pytest.raises(ValueError, match="did you mean"):
        detritus.Linter(ignore=["space-before-punctuatio"])
    with pytest.raises(ValueError, match="klingon"):
        detritus.Linter(language="klingon")


def test_syntax_markdown_leaves_code_alone_and_an_unknown_syntax_is_a_value_error():
    text = "It runs , then stops.\n\n```\nfoo  bar\n```\n"
    assert detritus.fix(text, syntax="markdown") == text.replace("runs , then", "runs, then")
    assert "foo bar" in detritus.fix(text)
    linter = detritus.Linter(syntax="markdown")
    assert linter.fix_many([text]) == [detritus.fix(text, syntax="markdown")]
    assert pickle.loads(pickle.dumps(linter)).fix(text) == linter.fix(text)
    with pytest.raises(ValueError, match="asciidoc"):
        detritus.Linter(syntax="asciidoc")


def test_a_non_string_is_a_type_error():
    with pytest.raises(TypeError, match="expected str"):
        detritus.fix(b"bytes")
    with pytest.raises(TypeError):
        detritus.Linter().fix_many("one string")


def test_language_french_keeps_french_spacing():
    text = "Il a dit : non !"
    assert detritus.fix(text, language="fr") == text


def test_the_linter_reads_a_config_file_and_arguments_override_it(tmp_path):
    config = tmp_path / "detritus.toml"
    config.write_text('select = ["W001"]\nunsafe-fixes = true\n')
    linter = detritus.Linter(config=str(config))
    assert linter.rules == ["W001"]
    assert linter.unsafe_fixes
    assert detritus.Linter(config=config, select=["W003"], unsafe_fixes=False).rules == ["W003"]
    assert not detritus.Linter(config=config, unsafe_fixes=False).unsafe_fixes


def test_a_bad_or_missing_config_file_is_an_error_naming_it(tmp_path):
    bad = tmp_path / "detritus.toml"
    bad.write_text("selekt = []\n")
    with pytest.raises(ValueError, match="selekt"):
        detritus.Linter(config=str(bad))
    with pytest.raises(OSError, match="missing.toml"):
        detritus.Linter(config=str(tmp_path / "missing.toml"))


def test_fix_counts_counts_fixes_per_rule():
    text, counts = detritus.Linter().fix_counts("a , b , c &amp; d")
    assert text == "a, b, c & d"
    assert counts == {"W001": 2, "M001": 1}


def test_fix_many_takes_any_iterable_and_returns_a_list_in_order():
    linter = detritus.Linter()
    texts = [f"Item {i} , done ." for i in range(1000)]
    fixed = linter.fix_many(t for t in texts)
    assert fixed == [f"Item {i}, done." for i in range(1000)]
    assert linter.fix_many(texts, threads=1) == fixed
    assert linter.fix_many([]) == []


def test_fix_many_reads_a_text_too_short_to_tell_its_language_as_the_others():
    import pyarrow as pa

    linter = detritus.Linter(unsafe_fixes=True)
    short = "Shares fell fell sharply."
    english = "The council said that it would meet again with the unions in the spring."
    assert linter.fix_many([short]) == [short]
    assert linter.fix_many([english] * 4 + [short])[-1] == "Shares fell sharply."
    assert linter.fix_many(pa.array([english] * 4 + [short])).to_pylist()[-1] == "Shares fell sharply."
    assert len(linter.check_many([english] * 4 + [short])[-1]) == 1


def test_fix_many_refuses_zero_threads():
    with pytest.raises(ValueError, match="threads"):
        detritus.Linter().fix_many(["a"], threads=0)


def test_check_many_gives_one_list_per_text():
    found = detritus.Linter().check_many(["clean text.", "dirty , text."])
    assert [len(f) for f in found] == [0, 1]


def test_the_gil_is_released_while_fixing():
    # With a long switch interval another Python thread runs only while the
    # main thread has let go of the GIL: a call that held it (`sum(range(…))`)
    # lets it count nothing.
    texts = ["It grew fast , analysts said . " * 200] * 400
    ticks = [0]
    stop, started = threading.Event(), threading.Event()

    def tick():
        started.set()
        while not stop.is_set():
            ticks[0] += 1

    old = sys.getswitchinterval()
    sys.setswitchinterval(1.0)
    try:
        t = threading.Thread(target=tick)
        t.start()
        started.wait()
        before = ticks[0]
        detritus.Linter().fix_many(texts, threads=1)
        during = ticks[0] - before
        stop.set()
        t.join()
    finally:
        sys.setswitchinterval(old)
    assert during > 1000


def test_rules_lists_every_rule_with_its_safety():
    rules = {code: (name, family, fix) for code, name, family, fix, _ in detritus.rules()}
    assert rules["W001"] == ("space-before-punctuation", "whitespace", "safe")
    assert len(rules) >= 50


def test_a_linter_pickles_as_its_options():
    linter = detritus.Linter(select=["W001"], unsafe_fixes=True)
    copy = pickle.loads(pickle.dumps(linter))
    assert copy.rules == ["W001"] and copy.unsafe_fixes
    assert copy.fix("a , b  c") == "a, b  c"


def test_a_forked_child_can_fix_after_the_parent_used_its_pool():
    import multiprocessing

    linter = detritus.Linter()
    linter.fix_many(["a , b"] * 100)  # starts the parent's thread pool
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        result = pool.apply_async(_fix_in_child, (["x , y"] * 100,))
        assert result.get(timeout=60) == ["x, y"] * 100


def _fix_in_child(texts):
    return detritus.Linter().fix_many(texts)
