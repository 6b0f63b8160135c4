"""MQM-style quality: absolute penalty total (APT) over the evaluation word count (EWC).

    APT = sum of severity weights (neutral 0, minor 1, major 5, critical 25; minor punctuation 0.1)
    penalty per 1,000 words = 1000 * APT / EWC
    quality = max(0, 100 * (1 - APT / EWC))

Findings of unscored categories (notes on suppression comments) weigh nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..finding import ACCURACY_CATEGORIES, PUNCTUATION_CATEGORIES, UNSCORED_CATEGORIES, Finding
from .model import Mqm

SEVERITY_WEIGHTS = {"neutral": 0.0, "minor": 1.0, "major": 5.0, "critical": 25.0}
PUNCTUATION_MINOR_WEIGHT = 0.1


def finding_weight(finding: Finding) -> float:
    if finding.category in UNSCORED_CATEGORIES:
        return 0.0
    if finding.severity == "minor" and finding.category in PUNCTUATION_CATEGORIES:
        return PUNCTUATION_MINOR_WEIGHT
    return SEVERITY_WEIGHTS[finding.severity]


def mqm(findings: Iterable[Finding], ewc: int) -> Mqm:
    """APT, EWC, penalty per 1,000 words and quality score (0-100) of a set of findings."""
    apt = sum(finding_weight(f) for f in findings)
    words = max(ewc, 1)
    return Mqm(
        apt=round(apt, 2),
        ewc=ewc,
        penalty_per_1000=round(1000 * apt / words, 2),
        quality=round(max(0.0, 100 * (1 - apt / words)), 2),
    )


__all__ = [
    "ACCURACY_CATEGORIES",
    "PUNCTUATION_CATEGORIES",
    "SEVERITY_WEIGHTS",
    "finding_weight",
    "mqm",
]
