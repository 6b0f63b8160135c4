"""Aggregator scale on Dask (`pip install 'mtaudit[dask]'`): audit a Dask bag or dataframe of articles
on any Dask scheduler (threads, processes, a `distributed` cluster), each partition as `audit_many`
audits a stream, the rule set compiled once per worker process.

    import dask.bag as db
    from audit.dask import audit_bag, to_jsonl
    articles = db.read_text("feed-*.jsonl").map(json.loads)      # {"id", "text", "original"?}
    to_jsonl(audit_bag(articles), "audited/*.jsonl")             # the lines `--input-format jsonl` writes

    import dask.dataframe as dd
    from audit.dask import audit_frame
    audit_frame(dd.read_parquet("feed/"), id_column="url").to_parquet("audited/")

`audit_pandas` audits one pandas DataFrame (a partition, or a batch of Spark's `mapInPandas`: the
README has the recipe). Only the functions that are given a Dask collection need Dask.

The results are exactly the serial run's (`audit_many` over the same articles, in the same order).
Workers resolve the configuration as `mtaudit lint` does, from their own current folder: on a cluster
of several machines pass the settings explicitly (`Options(config=Config(...))`). Run CPU-bound
workers with one thread each (`LocalCluster(n_workers=N, threads_per_worker=1)`): Python threads
share one core.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .runner import Options, audit_many
from .streaming import article_dict

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas

# The first article of a process compiles (or loads) its rule set: the threads of one worker take
# turns for it, so that it is built once per worker, not once per thread.
_FIRST = threading.Lock()

# The columns of `audit_frame`'s result: the article's id, its verdict and headline scores, the
# number of findings, the error that stopped it, and its whole JSON line.
_TYPES = {"id": "string", "verdict": "string", "mt_likelihood": "float64", "quality": "float64",
          "findings": "int64", "error": "string", "report": "string"}
FRAME_COLUMNS = tuple(_TYPES)
_SPARK = {"string": "string", "float64": "double", "int64": "long"}
FRAME_SCHEMA = ", ".join(f"{name} {_SPARK[kind]}" for name, kind in _TYPES.items())  # Spark's DDL


def audit_rows(rows: Iterable[Mapping[str, Any]], options: Options | None = None) -> Iterator[dict[str, Any]]:
    """The JSON line (as a dict) of each article of `rows` ({"id", "text", "original"?}), in order."""
    reports = audit_many(rows, options)
    with _FIRST:
        first = next(reports, None)
    if first is None:
        return
    signals = bool(options and options.signals)
    yield article_dict(first, signals)
    for report in reports:
        yield article_dict(report, signals)


def audit_bag(bag: dask.bag.Bag, options: Options | None = None) -> dask.bag.Bag:
    """A bag of articles (mappings with "id", "text", an optional "original" or "reference") -> a bag of their
    JSON lines as dicts (`--input-format jsonl`'s lines), partition for partition."""
    return bag.map_partitions(lambda rows: list(audit_rows(rows, options)))


def to_jsonl(results: dask.bag.Bag, path: str) -> list[str]:
    """Write `audit_bag`'s results as JSON Lines, one file a partition (`path` with a `*`, or a folder)."""
    return results.map(lambda line: json.dumps(line, ensure_ascii=False)).to_textfiles(path)


def _frame(lines: Iterable[dict[str, Any]], index: Any = None) -> pandas.DataFrame:
    import pandas

    rows = []
    for line in lines:
        scores = line.get("scores") or {}
        rows.append((
            line["id"],
            line.get("verdict"),
            scores.get("mt_likelihood"),
            scores.get("quality"),
            len(line["findings"]),
            line.get("error"),
            json.dumps(line, ensure_ascii=False),
        ))
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(_TYPES)
    typed = zip(_TYPES.items(), columns, strict=True)
    data = {name: pandas.Series(list(values), dtype=kind) for (name, kind), values in typed}
    frame = pandas.DataFrame(data)
    if index is not None:
        frame.index = index
    return frame


def audit_pandas(
    part: pandas.DataFrame,
    options: Options | None = None,
    id_column: str = "id",
    text_column: str = "text",
    original_column: str | None = None,
    reference_column: str | None = None,
) -> pandas.DataFrame:
    """A pandas DataFrame of articles -> one row per article, on the same index: `FRAME_COLUMNS` (id,
    verdict, mt_likelihood, quality, the number of findings, error, and the whole JSON line as
    `report`; `FRAME_SCHEMA` in Spark's words). One partition of `audit_frame`, one batch of Spark's
    `mapInPandas`. The optional columns hold each article's original (any language) or English
    reference translation (a missing value: none)."""
    companions = {name: column for name, column in (("original", original_column), ("reference", reference_column))
                  if column}

    def articles() -> Iterator[dict[str, Any]]:
        columns = {name: part[column] for name, column in companions.items()}
        for position, (article_id, text) in enumerate(zip(part[id_column], part[text_column], strict=True)):
            article = {"id": article_id, "text": text}
            for name, values in columns.items():
                if isinstance(values.iloc[position], str):
                    article[name] = values.iloc[position]
            yield article

    return _frame(audit_rows(articles(), options), part.index)


def audit_frame(
    frame: dask.dataframe.DataFrame,
    options: Options | None = None,
    id_column: str = "id",
    text_column: str = "text",
    original_column: str | None = None,
    reference_column: str | None = None,
) -> dask.dataframe.DataFrame:
    """A Dask dataframe of articles -> `audit_pandas` of each partition (write it with `.to_parquet`)."""
    return frame.map_partitions(
        audit_pandas, options, id_column, text_column, original_column, reference_column, meta=_frame([])
    )


__all__ = ["FRAME_COLUMNS", "FRAME_SCHEMA", "audit_bag", "audit_frame", "audit_pandas", "audit_rows", "to_jsonl"]
