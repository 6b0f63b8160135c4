"""Fidelity scores against a reference translation, from the reference comparison's alignment
(audit/fidelity/reference.py): sacrebleu's BLEU, chrF2, chrF++ and TER at document level over the
aligned segments, with their signatures, and sentence BLEU and chrF per segment (the weakest listed).

sacrebleu is imported inside the functions that use it: a lint without a reference never loads it.
"""

from __future__ import annotations

from ..fidelity.reference import Alignment
from .model import ReferenceFidelity, SegmentScore

WEAKEST = 3  # segments listed as the weakest passages


def metrics():
    """The document-level metrics, configured as sacrebleu's command line does by default."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    return {"bleu": BLEU(), "chrf2": CHRF(), "chrf++": CHRF(word_order=2), "ter": TER()}


def corpus_scores(hypotheses: list[str], references: list[str]) -> tuple[dict[str, float], dict[str, str]]:
    """BLEU, chrF2, chrF++ and TER over aligned segments, and each metric's signature."""
    scores, signatures = {}, {}
    for name, metric in metrics().items():
        scores[name] = metric.corpus_score(hypotheses, [references]).score
        signatures[name] = str(metric.get_signature())
    return scores, signatures


def segment_scores(hypothesis: str, reference: str) -> dict[str, float]:
    from sacrebleu.metrics import BLEU, CHRF

    if not hypothesis.strip() or not reference.strip():
        return {"bleu": 0.0, "chrf": 0.0}
    return {
        "bleu": BLEU(effective_order=True).sentence_score(hypothesis, [reference]).score,
        "chrf": CHRF().sentence_score(hypothesis, [reference]).score,
    }


def reference_fidelity(alignment: Alignment) -> ReferenceFidelity:
    """The fidelity scores of an article against its reference, over the comparison's alignment."""
    doc, ref, segments = alignment.article, alignment.reference, alignment.segments
    hypotheses = [s.hypothesis(doc) for s in segments]
    references = [s.reference_text(ref) for s in segments]
    scores, signatures = corpus_scores(hypotheses, references) if segments else ({}, {})
    per_segment = []
    for index, (hypothesis, reference_text) in enumerate(zip(hypotheses, references, strict=True)):
        values = segment_scores(hypothesis, reference_text)
        per_segment.append(
            SegmentScore(
                line=doc.position(alignment.anchor(index)[0])[0],
                article=hypothesis,
                reference=reference_text,
                bleu=round(values["bleu"], 2),
                chrf=round(values["chrf"], 2),
            )
        )
    paired = [s for s in per_segment if s.article and s.reference]
    weakest = sorted(paired, key=lambda s: (s.chrf, s.line))[:WEAKEST]
    return ReferenceFidelity(
        segments=len(segments),
        article_only=sum(1 for s in segments if not s.reference),
        reference_only=sum(1 for s in segments if not s.article),
        metrics={name: round(value, 4) for name, value in scores.items()},
        signatures=signatures,
        weakest=tuple(weakest),
        per_segment=tuple(per_segment),
    )


__all__ = ["corpus_scores", "metrics", "reference_fidelity", "segment_scores"]
