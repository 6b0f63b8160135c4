"""Shared helpers for the benchmarks: the development data (translated and native English news),
ROC AUC, and the rules' findings on every document, cached on disk.

Two files of ``../shared/data/`` are read (never copied into the project):

- ``wmt-dev.jsonl.gz``: machine (``mt``) and professional human (``human``) translations into English
  from cs, de, ha, is, ja, ru, uk, zh, and native English (``native``, the English side of en->xx
  test sets); mostly one block per document, the headline run into the first sentence.
- ``native-news.jsonl.gz``: English-original news in three collections (``reuters-2017``,
  ``web-2018-20``, ``us-politics-2016``), paragraphs kept. Each article is presented in two layouts,
  ``paragraphs`` (headline line, blank line, the text as published) and ``block`` (the headline run
  into one block of text, as in the WMT files), so that nothing fitted on them can learn the layout.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
import zlib
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
DEFAULT_DEVSET = DATA / "wmt-dev.jsonl.gz"
DEFAULT_NATIVE_NEWS = DATA / "native-news.jsonl.gz"
WMT_NATIVE = "wmt-native"  # the collection name of the devset's native English documents
OUTLET_GROUPS = 4  # web-2018-20's ~100 outlets fall into this many validation groups (by name)


def load_devset(path: Path = DEFAULT_DEVSET, limit: int | None = None) -> list[dict]:
    """The documents of wmt-dev.jsonl.gz ({id, origin, producer, pair, domain, text}), in file order."""
    return _read_jsonl(path, limit)


def load_native_news(path: Path = DEFAULT_NATIVE_NEWS, limit: int | None = None) -> list[dict]:
    """The articles of native-news.jsonl.gz ({id, collection, outlet, date, title, text}), in file order."""
    return _read_jsonl(path, limit)


def _read_jsonl(path: Path, limit: int | None) -> list[dict]:
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def word_count(text: str) -> int:
    return len(text.split())


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    labelled = sorted([(s, 1) for s in positives] + [(s, 0) for s in negatives])
    rank_sum = 0.0
    index = 0
    while index < len(labelled):
        tie_end = index
        while tie_end + 1 < len(labelled) and labelled[tie_end + 1][0] == labelled[index][0]:
            tie_end += 1
        average_rank = (index + tie_end) / 2 + 1
        rank_sum += average_rank * sum(1 for k in range(index, tie_end + 1) if labelled[k][1] == 1)
        index = tie_end + 1
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


# ----------------------------------------------------------------------------- samples
@dataclass(frozen=True)
class Sample:
    """One document as the calibration sees it."""

    key: str  # unique: the source id, plus the layout for native-news articles
    origin: str  # mt, human or native
    lang: str | None  # the source language of a translation (cs, de, ...); None for native text
    collection: str  # native collection (wmt-native, reuters-2017, ...); "wmt" for translations
    group: str  # validation group: the source language, or the native collection (web-2018-20: outlet group)
    producer: str  # MT system, ref-A/ref-B, or the native outlet
    layout: str  # "block" or "paragraphs"
    source_doc: str  # the source document: the translations of one article share it
    text: str

    @property
    def translated(self) -> bool:
        return self.origin != "native"


def _outlet_group(collection: str, outlet: str) -> str:
    if collection != "web-2018-20":
        return collection
    return f"{collection}/{zlib.crc32(outlet.encode('utf-8')) % OUTLET_GROUPS}"


def _block(*parts: str) -> str:
    return " ".join(" ".join(part.split()) for part in parts if part)


def load_samples(limit: int | None = None, every: int = 1) -> list[Sample]:
    """Every document of both files as Samples (native-news articles twice: both layouts); `limit`:
    the first N documents of each file; `every`: only every N-th document (a quick look at all groups)."""
    samples = []
    for row in load_devset(DEFAULT_DEVSET, limit)[::every]:
        lang = row["pair"].split("-")[0] if row["origin"] != "native" else None
        source_doc = row["id"].rsplit("/", 1)[0]
        samples.append(
            Sample(
                key=row["id"],
                origin=row["origin"],
                lang=lang,
                collection="wmt" if lang else WMT_NATIVE,
                group=lang or WMT_NATIVE,
                producer=row["producer"],
                layout="block",
                source_doc=source_doc,
                text=row["text"],
            )
        )
    for row in load_native_news(DEFAULT_NATIVE_NEWS, limit)[::every]:
        title = (row.get("title") or "").strip()
        layouts = {
            "paragraphs": f"{title}\n\n{row['text']}" if title else row["text"],
            "block": _block(title, row["text"]),
        }
        for layout, text in layouts.items():
            samples.append(
                Sample(
                    key=f"{row['id']}#{layout}",
                    origin="native",
                    lang=None,
                    collection=row["collection"],
                    group=_outlet_group(row["collection"], row["outlet"]),
                    producer=row["outlet"],
                    layout=layout,
                    source_doc=str(row["id"]),
                    text=text,
                )
            )
    return samples


# ----------------------------------------------------------------------------- findings, cached
@dataclass(frozen=True)
class Hit:
    """What the scores read of a finding (or signal): duck-compatible with audit.finding.Finding."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    zone: str
    in_quote: bool
    extra: dict

    def to_list(self) -> list:
        return [self.rule, self.category, self.severity, self.start, self.end, self.zone, self.in_quote, self.extra]


@dataclass
class Extracted:
    """The rules' output on one sample: findings, signals, and the lines judged page furniture."""

    findings: list[Hit]
    signals: list[Hit]
    furniture: list[int]

    def document(self, text: str):
        """The sample's Document as the scores saw it (page-furniture lines zoned as boilerplate)."""
        from audit.document import Document

        return Document.from_text(text).with_furniture(frozenset(self.furniture))


def _code_version() -> str:
    """A digest of everything that decides the findings: the rule packs and the engine's code
    (the scoring package is left out: it reads the findings, it does not make them)."""
    digest = hashlib.sha256()
    files = sorted((ROOT / "rules").rglob("*.toml")) + sorted((ROOT / "audit").rglob("*.py"))
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("audit/scoring/"):
            continue
        digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    for data in (DEFAULT_DEVSET, DEFAULT_NATIVE_NEWS, Path(__file__)):
        stat = data.stat()
        digest.update(f"{data.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    """A private folder under the temporary directory (JSON only: nothing in it is executed)."""
    path = Path(tempfile.gettempdir()) / f"mtaudit-bench-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    if path.stat().st_uid != os.getuid():
        raise SystemExit(f"{path} belongs to another user")
    return path


_RULESET = None


def _hits(items: Iterable[Any]) -> list[list]:
    return [
        Hit(f.rule, f.category, f.severity, f.start, f.end, f.zone, f.in_quote, dict(f.extra)).to_list()
        for f in items
    ]


def _audit(sample_text: tuple[str, str]) -> tuple[str, dict]:
    from audit.config import Config
    from audit.engine import RuleSet
    from audit.runner import audit_document_text

    global _RULESET
    key, text = sample_text
    config = Config(scores=False)
    if _RULESET is None:
        _RULESET = RuleSet.load(config)
    report = audit_document_text(text, key, config, _RULESET)
    return key, {
        "findings": _hits(report.findings),
        "signals": _hits(report.signals),
        "furniture": sorted(report.document.furniture),
    }


def extract(samples: list[Sample], jobs: int = 1, verbose: bool = True) -> dict[str, Extracted]:
    """The rules' findings on every sample, keyed by sample key; cached under the temporary directory
    by the digest of the rule packs and the engine's code, so a rerun with unchanged rules is quick."""
    path = cache_dir() / f"findings-{_code_version()}.json.gz"
    cached: dict[str, dict] = {}
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            cached = json.load(handle)
    missing = [(s.key, s.text) for s in samples if s.key not in cached]
    if missing:
        if verbose:
            print(f"auditing {len(missing)} documents ({jobs} processes); cache {path}", flush=True)
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for key, data in pool.map(_audit, missing, chunksize=64):
                cached[key] = data
        temporary = path.with_suffix(".tmp")
        with gzip.open(temporary, "wt", encoding="utf-8") as handle:
            json.dump(cached, handle)
        temporary.replace(path)
    out = {}
    for sample in samples:
        data = cached[sample.key]
        out[sample.key] = Extracted(
            findings=[Hit(*item) for item in data["findings"]],
            signals=[Hit(*item) for item in data["signals"]],
            furniture=data["furniture"],
        )
    return out
