"""Streaming batches: articles in one at a time, one report at a time out, in constant memory.

An article is an id, a text and, optionally, companion texts by the name of their comparison (its
`original`, a `reference` translation). `read_jsonl` reads them from JSON Lines (one object a line: ``{"id": …,
"text": …, "original": …}``, other keys ignored) without reading the whole stream; `article_dict`
is the JSON line of one report. `runner.audit_many` lints them (`parallel.lint_stream`: a bounded
number in flight, the reports in input order).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import field
from typing import IO, Any

from .hits import COMPANIONS
from .report import FileReport
from .sources import STDIN, InputError, max_file_bytes
from .text.dataclass_code import dataclass


@dataclass(frozen=True)
class Article:
    """One article of a batch: its id (the name it is reported under, and linted as: Markdown by a
    `.md` ending, per-file ignores), its text, and companion texts by comparison name."""

    id: str
    text: str
    companions: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, value: Article | Mapping[str, Any]) -> Article:
        """An Article, or a mapping with "id", "text" and any companion texts ("reference")."""
        if isinstance(value, Article):
            return value
        if not isinstance(value, Mapping):
            raise InputError(f"an article is a mapping with an id and a text, not {type(value).__name__}")
        article_id = value.get("id")
        if isinstance(article_id, bool) or not isinstance(article_id, str | int):
            raise InputError("an article needs an \"id\" (a string or a number)")
        text = value.get("text")
        if not isinstance(text, str):
            raise InputError(f"article {article_id}: \"text\" must be a string")
        companions = {}
        for name in COMPANIONS:
            companion = value.get(name)
            if companion is None:
                continue
            if not isinstance(companion, str):
                raise InputError(f"article {article_id}: {name!r} must be a string")
            companions[name] = companion
        return cls(str(article_id), text, companions)


@dataclass(frozen=True)
class Unreadable:
    """A line of a batch that is no article: where it is and why."""

    name: str  # the article's id when it could be read, else SOURCE:LINE
    error: str


def read_jsonl(stream: IO[bytes], source: str) -> Iterator[Article | Unreadable]:
    """The articles of a JSON Lines stream, one line at a time (blank lines skipped). A line that is
    not a JSON object with an id and a text, or longer than the file size limit, is Unreadable."""
    limit = max_file_bytes()
    shown = "<stdin>" if source == STDIN else source
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        where = f"{shown}:{number}"
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the line, a bounded piece at a time
                line = stream.readline(limit + 1)
            yield Unreadable(where, f"{where}: line too large (the limit is {limit / 1e6:g} MB, "
                                    "set MTAUDIT_MAX_FILE_MB to change it); not audited")
            continue
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except UnicodeDecodeError:
            yield Unreadable(where, f"{where}: not valid UTF-8; not audited")
            continue
        except ValueError as error:
            yield Unreadable(where, f"{where}: not JSON ({error}); not audited")
            continue
        try:
            yield Article.of(value)
        except InputError as error:
            yield Unreadable(where, f"{where}: {error}; not audited")


def open_batch(path: str) -> IO[bytes]:
    """A JSON Lines file (or standard input for '-') opened for reading as bytes."""
    import sys

    if path == STDIN:
        return sys.stdin.buffer
    try:
        return open(path, "rb")  # noqa: SIM115  (closed by the caller)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory; --input-format jsonl reads one JSON Lines file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {(error.strerror or str(error)).lower()}") from None


def article_dict(report: FileReport, signals: bool = False) -> dict[str, Any]:
    """The JSON line of one article: its id, then what the jsonl format gives for a file."""
    data = report.to_dict(signals=signals)
    del data["path"]
    return {"id": report.path, **data}


__all__ = ["Article", "Unreadable", "article_dict", "open_batch", "read_jsonl"]
