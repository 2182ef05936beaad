"""fix_many over Arrow, polars and pandas: the same kind comes back, nulls
stay null, and the result equals fixing each string alone."""

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import detritus

TEXTS = ["It grew , fast .", None, "Caf\u00e9 &amp; bar", "", "clean text.", "\u00e2\u20ac\u0153Quoted\u00e2\u20ac\u009d it said."]


def expected(linter):
    return [None if t is None else linter.fix(t) for t in TEXTS]


@pytest.mark.parametrize("arrow_type", [pa.string(), pa.large_string(), pa.string_view()])
def test_a_pyarrow_array_comes_back_as_an_array_of_the_same_type(arrow_type):
    linter = detritus.Linter()
    out = linter.fix_many(pa.array(TEXTS, type=arrow_type))
    assert isinstance(out, pa.Array)
    assert out.type == arrow_type
    assert out.to_pylist() == expected(linter)
    assert out.to_pylist()[0] == "It grew, fast."


def test_a_sliced_array_is_read_from_its_offset():
    linter = detritus.Linter()
    out = linter.fix_many(pa.array(TEXTS)[2:5])
    assert out.to_pylist() == expected(linter)[2:5]


def test_a_chunked_array_keeps_its_chunks():
    linter = detritus.Linter()
    chunked = pa.chunked_array([TEXTS[:3], TEXTS[3:]])
    out = linter.fix_many(chunked)
    assert isinstance(out, pa.ChunkedArray)
    assert [len(c) for c in out.chunks] == [3, 3]
    assert out.to_pylist() == expected(linter)


def test_a_non_string_array_is_a_type_error():
    with pytest.raises(TypeError, match="string"):
        detritus.Linter().fix_many(pa.array([1, 2, 3]))


def test_a_polars_series_keeps_its_name_and_nulls():
    linter = detritus.Linter()
    out = linter.fix_many(pl.Series("body", TEXTS))
    assert isinstance(out, pl.Series)
    assert out.name == "body"
    assert out.to_list() == expected(linter)


def test_a_pandas_series_keeps_its_index_and_name():
    linter = detritus.Linter()
    series = pd.Series(TEXTS, index=[10, 11, 12, 13, 14, 15], name="body", dtype=object)
    out = linter.fix_many(series)
    assert isinstance(out, pd.Series)
    assert list(out.index) == [10, 11, 12, 13, 14, 15]
    assert out.name == "body"
    got = [None if v is None or v != v else v for v in out.tolist()]
    assert got == expected(linter)


def test_arrow_and_list_input_give_the_same_text(records):
    linter = detritus.Linter(unsafe_fixes=True)
    assert linter.fix_many(pa.array(records)).to_pylist() == linter.fix_many(records)


def test_invalid_utf8_in_a_string_array_is_a_value_error_not_garbage():
    bad = pa.array([b"caf\xc3 , \xff end ."]).view(pa.string())
    with pytest.raises(ValueError, match="UTF-8|utf8|invalid"):
        detritus.Linter().fix_many(bad)


def test_a_consumed_capsule_is_refused():
    linter = detritus.Linter()
    schema, array = pa.array(["a , b"]).__arrow_c_array__()
    linter._inner.fix_arrow(schema, array)
    with pytest.raises(ValueError, match="consumed"):
        linter._inner.fix_arrow(schema, array)


def test_all_null_arrays_and_series_come_back_unchanged():
    linter = detritus.Linter()
    assert linter.fix_many(pa.array([None, None])).to_pylist() == [None, None]
    out = linter.fix_many(pl.Series("x", [None, None]))
    assert out.to_list() == [None, None] and out.name == "x"


def test_a_categorical_series_is_a_type_error_not_lost_data():
    with pytest.raises(TypeError, match="astype"):
        detritus.Linter().fix_many(pd.Series(["a , b", "ok ."], dtype="category"))
