"""Shared helpers for the benchmarks: the development set and ROC AUC."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEVSET = ROOT.parent / "shared" / "data" / "wmt-dev.jsonl.gz"


def load_devset(path: Path = DEFAULT_DEVSET, limit: int | None = None) -> list[dict]:
    """The documents of wmt-dev.jsonl.gz ({id, origin, producer, pair, domain, text}), in file order."""
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
