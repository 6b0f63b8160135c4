"""The scores of one article, typed. `Scores.to_dict()` is the JSON contract's `files[].scores`.

Optional fields that are None (or empty notes) are left out of the JSON; a later score adds a field
here with a None default (as `verdict_reasons`), and its key appears only where it is computed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mqm:
    """MQM-style quality: APT (absolute penalty total) over EWC (evaluation word count)."""

    apt: float
    ewc: int
    penalty_per_1000: float
    quality: float

    def to_dict(self) -> dict[str, Any]:
        return {"apt": self.apt, "ewc": self.ewc, "penalty_per_1000": self.penalty_per_1000, "quality": self.quality}


@dataclass(frozen=True)
class Language:
    """The article's language: by the function-word pre-check or langdetect; None: too short to tell."""

    code: str | None
    confidence: float | None
    method: str
    foreign_paragraphs: int = 0
    mixed_script_words: int = 0

    @property
    def english(self) -> bool:
        return self.code in ("en", None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "confidence": self.confidence,
            "method": self.method,
            "foreign_paragraphs": self.foreign_paragraphs,
            "mixed_script_words": self.mixed_script_words,
        }


@dataclass(frozen=True)
class EstimatedFidelity:
    """Fidelity without a reference: the MQM quality of the accuracy-type findings."""

    score: float
    penalty_per_1000: float
    accuracy_findings: int
    basis: str
    estimated: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "estimated": True,
            "score": self.score,
            "penalty_per_1000": self.penalty_per_1000,
            "accuracy_findings": self.accuracy_findings,
            "basis": self.basis,
        }


@dataclass(frozen=True)
class SegmentScore:
    """One aligned segment: where it starts in the article, both texts, sentence BLEU and chrF."""

    line: int
    article: str
    reference: str
    bleu: float
    chrf: float

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "article": self.article, "reference": self.reference, "bleu": self.bleu,
                "chrf": self.chrf}


@dataclass(frozen=True)
class ReferenceFidelity:
    """Fidelity against a reference translation: sacrebleu's document-level metrics over the aligned
    segments (None without any segment), their signatures, and the segments."""

    segments: int
    article_only: int
    reference_only: int
    metrics: dict[str, float]  # bleu, chrf2, chrf++, ter
    signatures: dict[str, str]
    weakest: tuple[SegmentScore, ...]
    per_segment: tuple[SegmentScore, ...]
    estimated: bool = False

    def metric(self, name: str) -> float | None:
        return self.metrics.get(name)

    def to_dict(self, segments: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "estimated": False,
            "segments": self.segments,
            "article_only": self.article_only,
            "reference_only": self.reference_only,
            **self.metrics,
            "signatures": dict(self.signatures),
            "weakest": [s.to_dict() for s in self.weakest],
        }
        if segments:
            data["per_segment"] = [s.to_dict() for s in self.per_segment]
        return data


Fidelity = EstimatedFidelity | ReferenceFidelity


@dataclass(frozen=True)
class Readability:
    """textstat 0.7.8's formulas on the body (None: no words to score). The word and sentence counts
    are the article's (`Scores.words`, `Scores.sentences`): one count of each for every report."""

    flesch_reading_ease: float | None
    flesch_kincaid_grade: float | None
    gunning_fog: float | None
    smog: float | None
    dale_chall: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "flesch_reading_ease": self.flesch_reading_ease,
            "flesch_kincaid_grade": self.flesch_kincaid_grade,
            "gunning_fog": self.gunning_fog,
            "smog": self.smog,
            "dale_chall": self.dale_chall,
        }


@dataclass(frozen=True)
class Scores:
    """Every score of one article. `words` and `sentences` are the body's (the one count of each);
    `readability` is computed with the full scores only (`full`), and is None for a non-English text."""

    words: int
    sentences: int
    mt_likelihood: float | None
    mt_evidence: dict[str, float] | None
    verdict: str
    fidelity: Fidelity
    mqm: Mqm
    language: Language
    full: bool = False
    readability: Readability | None = None
    notes: tuple[str, ...] = ()
    verdict_reasons: tuple[str, ...] | None = None  # reasons in words for a verdict above `clean`
    extra: dict[str, Any] = field(default_factory=dict)  # further scores, by JSON key

    @property
    def quality(self) -> float:
        return self.mqm.quality

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"words": self.words, "sentences": self.sentences, "mt_likelihood": self.mt_likelihood}
        if self.mt_evidence is not None:
            data["mt_evidence"] = dict(self.mt_evidence)
        data["fidelity"] = self.fidelity.to_dict()
        data["quality"] = self.mqm.quality
        data["mqm"] = self.mqm.to_dict()
        data["language"] = self.language.to_dict()
        if self.full:
            data["readability"] = self.readability.to_dict() if self.readability is not None else None
        if self.notes:
            data["notes"] = list(self.notes)
        if self.verdict_reasons is not None:
            data["verdict_reasons"] = list(self.verdict_reasons)
        data.update(self.extra)
        return data


__all__ = [
    "EstimatedFidelity",
    "Fidelity",
    "Language",
    "Mqm",
    "Readability",
    "ReferenceFidelity",
    "Scores",
    "SegmentScore",
]
