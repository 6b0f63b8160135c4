"""Scores for reporter tests: a Scores with the fields a test cares about and plain values elsewhere."""

from __future__ import annotations

from audit.scoring.model import Language, Mqm, NotMeasured, Scores


def scores(verdict: str, mt_likelihood: float | None = 0.5, quality: float = 100.0,
           reasons: tuple[str, ...] | None = None) -> Scores:
    return Scores(
        words=100,
        sentences=5,
        mt_likelihood=mt_likelihood,
        mt_evidence=None,
        verdict=verdict,
        fidelity=NotMeasured(),
        mqm=Mqm(apt=0.0, ewc=100, penalty_per_1000=0.0, quality=quality),
        language=Language(code="en", confidence=None, method="function words"),
        verdict_reasons=reasons,
    )
