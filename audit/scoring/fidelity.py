"""The fidelity score, from the comparison the producer left (audit/fidelity/producer.py): the MQM
quality of the comparison's findings (their registry severities, as configured) over the article's
words, with its basis ("against the Ukrainian original", "against the reference"); against a
reference also sacrebleu's metrics over the aligned segments (audit/fidelity/metrics.py, which alone
imports sacrebleu)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..finding import Finding
from .model import AlignedSegment, MeasuredFidelity, SegmentScore
from .quality import mqm

if TYPE_CHECKING:  # the comparison package (and its tables) loads only when a run compares
    from ..fidelity import Comparison

COMPARISONS = ("original", "reference")  # the producers' names, as they leave their comparison


def measured_fidelity(comparison: Comparison, findings: Sequence[Finding], words: int) -> MeasuredFidelity:
    """The fidelity of an article against the original or reference its comparison read."""
    own = [f for f in findings if f.rule.startswith("FID-")]
    quality = mqm(own, words)
    common = {
        "score": quality.quality,
        "basis": comparison.basis,
        "mode": comparison.mode,
        "language": comparison.language,
        "language_detection": comparison.detection.method,
        "penalty_per_1000": quality.penalty_per_1000,
        "findings": len(own),
        "measures": dict(comparison.measures),
        "notes": tuple(comparison.notes),
    }
    segments = comparison.segments()
    if comparison.mode != "reference":
        aligned = tuple(AlignedSegment(line, article, original) for article, original, line in segments)
        return MeasuredFidelity(**common, per_segment=aligned)
    from ..fidelity.metrics import reference_metrics

    metrics = reference_metrics(segments)
    per_segment = tuple(SegmentScore(**s) for s in metrics["per_segment"])
    weakest = tuple(SegmentScore(**s) for s in metrics["weakest"])
    values = {name: metrics[name] for name in ("bleu", "chrf2", "chrf++", "ter") if name in metrics}
    return MeasuredFidelity(**common, metrics=values, signatures=metrics["signatures"], weakest=weakest,
                            per_segment=per_segment)


__all__ = ["COMPARISONS", "measured_fidelity"]
