"""The scores of one article as lines of the text report."""

from __future__ import annotations

import math
from typing import Any

from ..sources import display_path
from .model import Fidelity, MeasuredFidelity, Scores


def _number(value: Any, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def mt_score_text(percentile: float | None) -> str:
    """The MT score as shown: the native percentile, whole below 95, to a tenth above (rounded down:
    never more than it is), "100" above every native article; "n/a" without a likelihood."""
    if percentile is None:
        return "n/a"
    if percentile >= 100:
        return "100"
    if percentile >= 95:
        return f"{math.floor(percentile * 10) / 10:.1f}"
    return f"{math.floor(percentile)}"


def native_rank_text(percentile: float | None) -> str | None:
    """"above 88% of native news articles", "above every native news article"; None without a score."""
    if percentile is None:
        return None
    if percentile >= 100:
        return "above every native news article"
    return f"above {mt_score_text(percentile)}% of native news articles"


def verdict_text(scores: Scores) -> str:
    """The MT part of the score line: "MT review, above 98.9% of native news articles"."""
    rank = native_rank_text(scores.mt_native_percentile)
    return f"MT {scores.verdict}" + (f", {rank}" if rank else "")


def reasons_text(scores: Scores) -> str | None:
    """"why review: 3 tells — …; …" for a verdict above clean (None for clean)."""
    if not scores.verdict_reasons or scores.verdict == "clean":
        return None
    return f"why {scores.verdict}: " + "; ".join(scores.verdict_reasons)


def fidelity_text(fidelity: Fidelity) -> str:
    """"fidelity 71.0 against the Ukrainian original", "… against the reference", "fidelity not measured"."""
    if not fidelity.measured:
        return "fidelity not measured"
    return f"fidelity {_number(fidelity.score)} against {fidelity.basis}"


def metrics_text(fidelity: Fidelity) -> str:
    """The reference metrics, when the comparison was against a reference."""
    return (
        f"BLEU {_number(fidelity.metric('bleu'))}, chrF2 {_number(fidelity.metric('chrf2'))}, "
        f"chrF++ {_number(fidelity.metric('chrf++'))}, TER {_number(fidelity.metric('ter'))} "
        f"over {fidelity.segments} segments"
    )


def score_lines(file_report: Any) -> list[str]:
    """One summary line (the verdict and its MT score first, its reasons last: everything after "why"
    is reasons), then readability, reference fidelity and notes when present."""
    scores: Scores = file_report.scores
    path = display_path(file_report.path)
    parts = [
        verdict_text(scores),
        f"quality {_number(scores.quality)} (MQM penalty {_number(scores.mqm.penalty_per_1000)} per 1,000 words)",
    ]
    fidelity = scores.fidelity
    parts.append(fidelity_text(fidelity))
    parts.append(f"language {scores.language.code or 'unknown'}")
    why = reasons_text(scores)
    if why:
        parts.append(why)
    lines = [f"{path}: scores: " + "; ".join(parts)]
    readability = scores.readability
    if readability is not None:
        per_sentence = scores.words / scores.sentences if scores.sentences else None
        lines.append(
            f"{path}: readability: Flesch {_number(readability.flesch_reading_ease)}, "
            f"FK grade {_number(readability.flesch_kincaid_grade)}, "
            f"fog {_number(readability.gunning_fog)}, "
            f"SMOG {_number(readability.smog)}, Dale-Chall {_number(readability.dale_chall)}; "
            f"{scores.words} words, {scores.sentences} sentences, "
            f"{_number(per_sentence)} words a sentence"
        )
    if isinstance(fidelity, MeasuredFidelity) and fidelity.mode == "reference":
        lines.append(f"{path}: against the reference: {metrics_text(fidelity)}")
    for note in fidelity.notes:
        lines.append(f"{path}: note: {note}")
    if isinstance(fidelity, MeasuredFidelity):
        for segment in fidelity.weakest:
            lines.append(
                f"{path}:{segment.line}: weak segment: chrF {_number(segment.chrf)}, "
                f"BLEU {_number(segment.bleu)}: {segment.article[:80]!r}"
            )
    for note in scores.notes:
        lines.append(f"{path}: note: {note}")
    return lines


__all__ = [
    "fidelity_text",
    "metrics_text",
    "mt_score_text",
    "native_rank_text",
    "reasons_text",
    "score_lines",
    "verdict_text",
]
