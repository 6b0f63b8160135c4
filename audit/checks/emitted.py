"""Kinds of rules whose hits come from a producer other than a matcher: they are registered rules
like any other (docs, examples, selection, severity), but nothing is compiled or run for them."""

from __future__ import annotations

from .base import Check, Needs, register


@register
class ComparisonKind(Check):
    """Hits of the comparison with a companion text (audit/fidelity/): a reference translation
    (`--reference`, `mtaudit compare`) or the original. A rule's examples carry that text."""

    kind = "comparison"
    summary = (
        "found by comparing the text with a companion text (`reference` or `original`): numbers, names, "
        "quotations or passages missing or changed; its examples carry the companion text"
    )
    # the comparison places its hits itself: on sentences, or on a changed URL or handle (not prose)
    needs = Needs(emitted_by="comparison", prose="none")


@register
class SuppressionNoteKind(Check):
    """Notes on suppression comments, made by the pipeline's suppression step (audit/suppression.py)."""

    kind = "suppression"
    summary = "a suppression comment (`<!-- mtaudit: disable=… -->`) that suppresses nothing or names no known rule"
    needs = Needs(emitted_by="suppressions", prose="none")


__all__ = ["ComparisonKind", "SuppressionNoteKind"]
