"""The scores of one article, typed. `Scores.to_dict()` is the JSON contract's `files[].scores`.

Optional fields that are None (or empty notes) are left out of the JSON; a later score adds a field
here with a None default (as `verdict_reasons`), and its key appears only where it is computed.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from ..text.dataclass_code import dataclass


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
class NotMeasured:
    """Fidelity without an original or a reference: not measured (the accuracy-type findings still
    count in quality). `notes`: why, when a comparison could not be made."""

    notes: tuple[str, ...] = ()
    measured: bool = False
    score: float | None = None
    basis: str = "not measured"

    def metric(self, name: str) -> float | None:
        return None

    def to_dict(self, segments: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {"measured": False, "score": None, "basis": "not measured"}
        if self.notes:
            data["notes"] = list(self.notes)
        return data


@dataclass(frozen=True)
class SegmentScore:
    """One aligned segment against a reference: where it starts in the article, both texts, sentence
    BLEU and chrF."""

    line: int
    article: str
    reference: str
    bleu: float
    chrf: float

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "article": self.article, "reference": self.reference, "bleu": self.bleu,
                "chrf": self.chrf}


@dataclass(frozen=True)
class AlignedSegment:
    """One aligned segment against an original: where it starts in the article, and both texts."""

    line: int
    article: str
    original: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "article": self.article, "original": self.original}


@dataclass(frozen=True)
class MeasuredFidelity:
    """Fidelity against the original (any language) or an English reference: the MQM quality of the
    comparison's findings over the article's words, with its basis ("the Ukrainian original", "the
    reference"), what the alignment found, and, against a reference, sacrebleu's document-level
    metrics (BLEU, chrF2, chrF++, TER) with their signatures and the segments' sentence scores."""

    score: float
    basis: str
    mode: str  # "original" or "reference"
    language: str | None
    language_detection: str
    penalty_per_1000: float
    findings: int
    measures: dict[str, Any]  # sentences, segments, omitted and added sentences, coverage, numbers, quotations
    notes: tuple[str, ...] = ()
    metrics: dict[str, float] = field(default_factory=dict)  # against a reference: bleu, chrf2, chrf++, ter
    signatures: dict[str, str] = field(default_factory=dict)
    weakest: tuple[SegmentScore, ...] = ()
    per_segment: tuple[SegmentScore | AlignedSegment, ...] = ()
    measured: bool = True

    def metric(self, name: str) -> float | None:
        return self.metrics.get(name)

    @property
    def segments(self) -> int:
        return int(self.measures.get("segments", 0))

    def to_dict(self, segments: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "measured": True,
            "score": self.score,
            "basis": self.basis,
            "mode": self.mode,
            "language": self.language,
            "language_detection": self.language_detection,
            "penalty_per_1000": self.penalty_per_1000,
            "findings": self.findings,
            **self.measures,
        }
        if self.notes:
            data["notes"] = list(self.notes)
        if self.mode == "reference":
            data.update(self.metrics)
            data["signatures"] = dict(self.signatures)
            data["weakest"] = [s.to_dict() for s in self.weakest]
        if segments:
            data["per_segment"] = [s.to_dict() for s in self.per_segment]
        return data


Fidelity = NotMeasured | MeasuredFidelity


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
    # the MT score shown to editors: the share (0 to 100) of native news articles scoring lower
    mt_native_percentile: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # further scores, by JSON key

    @property
    def quality(self) -> float:
        return self.mqm.quality

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"words": self.words, "sentences": self.sentences, "mt_likelihood": self.mt_likelihood}
        if self.mt_likelihood is not None:
            data["mt_native_percentile"] = self.mt_native_percentile
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
    "AlignedSegment",
    "Fidelity",
    "Language",
    "Mqm",
    "Readability",
    "MeasuredFidelity",
    "NotMeasured",
    "Scores",
    "SegmentScore",
]
