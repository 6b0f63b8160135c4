"""Batch tallies: how many articles got each verdict, and whether a batch fails on its verdicts
(``--fail-on-verdict``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Verdicts, mildest first. `too-short` (no MT likelihood below a minimum length) ranks with `clean`:
# it is no evidence of translation.
VERDICTS: tuple[str, ...] = ("clean", "too-short", "review", "likely-mt")
VERDICT_RANK: dict[str, int] = {"clean": 0, "too-short": 0, "review": 1, "likely-mt": 2}
FAIL_ON_VERDICTS: tuple[str, ...] = ("review", "likely-mt")


def verdict_tally(files: Iterable[Any]) -> dict[str, int]:
    """Articles per verdict, known verdicts in order (with zeros) then any other, for the files
    that have one; empty when none has (scores left out)."""
    counts: dict[str, int] = {}
    for file_report in files:
        if file_report.verdict is not None:
            counts[file_report.verdict] = counts.get(file_report.verdict, 0) + 1
    if not counts:
        return {}
    tally = {verdict: counts.pop(verdict, 0) for verdict in VERDICTS}
    tally.update(sorted(counts.items()))
    return tally


def worst_first(tally: dict[str, int]) -> list[tuple[str, int]]:
    """The verdicts given (count above zero), worst first: [("likely-mt", 3), ("review", 1), ("clean", 12)]."""
    ranked = sorted(tally, key=lambda verdict: -VERDICT_RANK.get(verdict, 1))
    return [(verdict, tally[verdict]) for verdict in ranked if tally[verdict]]


def fails_on_verdict(verdict: str | None, level: str | None) -> bool:
    """Is this verdict at or above `level` (review or likely-mt)?"""
    if level is None or verdict is None:
        return False
    return VERDICT_RANK.get(verdict, VERDICT_RANK["review"]) >= VERDICT_RANK[level]


__all__ = ["FAIL_ON_VERDICTS", "VERDICTS", "VERDICT_RANK", "fails_on_verdict", "verdict_tally", "worst_first"]
