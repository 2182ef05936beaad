"""Spark: `clean` through mapInArrow in a real local session over a Parquet
dataset, and RDD.pipe through the binary, both equal to the CLI."""

import os
import sys

import pytest
from pyspark.sql import SparkSession

from detritus.integrations.spark import clean, pipe_command

from conftest import cli_fix_jsonl


@pytest.fixture(scope="module")
def spark():
    # Workers run this interpreter, the one with the package installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("detritus-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def dataset(spark, records, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("spark") / "raw.parquet")
    rows = [(i, t, len(t)) for i, t in enumerate(records)]
    spark.createDataFrame(rows, "id long, text string, length long").repartition(3).write.parquet(path)
    return spark.read.parquet(path)


def test_clean_over_parquet_equals_the_cli_and_keeps_the_other_columns(dataset, cli, records, tmp_path):
    want = cli_fix_jsonl(cli, records, "--unsafe-fixes")
    cleaned = clean(dataset, "text", unsafe_fixes=True)
    assert cleaned.schema == dataset.schema
    out = str(tmp_path / "clean.parquet")
    cleaned.write.parquet(out)
    rows = cleaned.sparkSession.read.parquet(out).collect()
    assert len(rows) == len(records)
    for row in rows:
        assert row.text == want[row.id], row.id
        assert row.length == len(records[row.id])


def test_clean_refuses_an_unknown_column_or_rule_before_any_job(dataset):
    with pytest.raises(ValueError, match="body"):
        clean(dataset, "body")
    with pytest.raises(ValueError, match="X999"):
        clean(dataset, "text", select=["X999"])


def test_rdd_pipe_through_the_binary_equals_the_cli(spark, dataset, cli, records):
    want = cli_fix_jsonl(cli, records)
    lines = dataset.toJSON().pipe(pipe_command("text", binary=cli))
    rows = spark.read.json(lines, schema=dataset.schema).collect()
    assert len(rows) == len(records)
    assert all(row.text == want[row.id] for row in rows)
