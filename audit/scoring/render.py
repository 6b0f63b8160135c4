"""The scores of one article as lines of the text report."""

from __future__ import annotations

from typing import Any

from ..sources import display_path


def _number(value: Any, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def fidelity_text(fidelity: dict[str, Any]) -> str:
    if fidelity.get("estimated"):
        return f"fidelity {_number(fidelity['score'])} (estimated, no reference)"
    return (
        f"fidelity vs reference: BLEU {_number(fidelity.get('bleu'))}, chrF2 {_number(fidelity.get('chrf2'))}, "
        f"chrF++ {_number(fidelity.get('chrf++'))}, TER {_number(fidelity.get('ter'))} "
        f"over {fidelity.get('segments', 0)} segments"
    )


def score_lines(file_report: Any) -> list[str]:
    """One summary line, then readability, reference fidelity and notes when present."""
    scores = file_report.scores or {}
    path = display_path(file_report.path)
    mqm = scores.get("mqm", {})
    language = scores.get("language", {})
    parts = [
        f"MT likelihood {_number(scores.get('mt_likelihood'), 2)} ({file_report.verdict})",
        f"quality {_number(scores.get('quality'))} "
        f"(MQM penalty {_number(mqm.get('penalty_per_1000'))} per 1,000 words)",
    ]
    fidelity = scores.get("fidelity")
    if fidelity and fidelity.get("estimated"):
        parts.append(fidelity_text(fidelity))
    parts.append(f"language {language.get('code') or 'unknown'}")
    lines = [f"{path}: scores: " + "; ".join(parts)]
    readability = scores.get("readability")
    if readability:
        lines.append(
            f"{path}: readability: Flesch {_number(readability.get('flesch_reading_ease'))}, "
            f"FK grade {_number(readability.get('flesch_kincaid_grade'))}, "
            f"fog {_number(readability.get('gunning_fog'))}, "
            f"SMOG {_number(readability.get('smog'))}, Dale-Chall {_number(readability.get('dale_chall'))}; "
            f"{readability.get('words', 0)} words, {readability.get('sentences', 0)} sentences, "
            f"{_number(readability.get('avg_sentence_length'))} words a sentence"
        )
    if fidelity and not fidelity.get("estimated"):
        lines.append(f"{path}: {fidelity_text(fidelity)}")
        for segment in fidelity.get("weakest", []):
            lines.append(
                f"{path}:{segment['line']}: weak segment: chrF {_number(segment['chrf'])}, "
                f"BLEU {_number(segment['bleu'])}: {segment['article'][:80]!r}"
            )
    for note in scores.get("notes", []):
        lines.append(f"{path}: note: {note}")
    return lines


__all__ = ["fidelity_text", "score_lines"]
