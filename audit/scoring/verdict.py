"""The verdict on an article and its reasons in words an editor can check.

Verdicts: ``clean``, ``review``, ``likely-mt``, and ``too-short`` (no likelihood) under ``MIN_WORDS``
body words. The score is the ``translated`` model's likelihood (``likelihood.py``); its thresholds
were chosen by ``bench/calibrate.py`` on held-out folds. Evidence comes first:

- the tells (rule findings of translation-tell categories) are counted by kind;
- a statistic may raise the score, and the reasons then name it, with the article's value and the
  typical value in native news;
- statistics alone never make ``likely-mt`` on short or list-like copy: that needs tells too;
- a lone minor finding never decides a verdict (``features.evidence_tells``);
- the ``machine`` model and the tells only a machine leaves say whether the evidence supports
  machine translation or only translation (by machine or by a person).
"""

from __future__ import annotations

import functools
import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .features import MACHINE_CATEGORIES, ArticleStats, evidence_tells
from .likelihood import MACHINE, TRANSLATED, contributions, load_model, machine_logit, sigmoid

VERDICTS = ("clean", "review", "likely-mt", "too-short")
MIN_WORDS = 60  # fewer body words: `too-short`, no likelihood
STATISTICS_MIN_WORDS = 150  # fewer: statistics alone cannot make `likely-mt`
LIST_LIKE_SHARE = 0.5  # share of short, unpunctuated body lines above which copy reads as a list
STRONG_TELLS = 2.0  # severity-weighted distinct tell rules (minor 1, major 3) that can carry `likely-mt`
REASON_MIN_PUSH = 0.4  # a family of statistics is named when it pushes the logit at least this much
SUPPORTS_MACHINE, SUPPORTS_TRANSLATED = "machine", "translated"

# Tell categories in an editor's words (singular, plural).
TELL_KINDS = {
    "mistranslation": ("false friend or calque", "false friends and calques"),
    "translationese": ("translationese phrasing", "translationese phrasings"),
    "terminology": ("title or term rendered literally", "titles or terms rendered literally"),
    "casing": ("lower-case name", "lower-case names"),
    "spacing": ("detokenisation or spacing artefact", "detokenisation or spacing artefacts"),
    "quotes": ("quotation-mark slip", "quotation-mark slips"),
    "repetition": ("doubled word", "doubled words"),
    "grammar": ("grammar slip", "grammar slips"),
    "locale": ("foreign convention", "foreign conventions"),
    "language": ("untranslated or mixed-script passage", "untranslated or mixed-script passages"),
}

# Article-level statistics in words: (family, label, unit).
STATISTIC_LABELS: dict[str, tuple[str, str, str]] = {
    "lexical_tells": ("tells", "word-level tells", "log-density"),
    "punctuation_tells": ("tells", "punctuation tells", "log-density"),
    "tell_rules": ("tells", "distinct tell rules", "count"),
    "signals": ("tells", "translation signals", "log-density"),
    "sentence_mean": ("sentence shape", "words per sentence", ""),
    "sentence_cv": ("sentence shape", "variation of sentence length", ""),
    "long_sentence_share": ("sentence shape", "share of sentences over 35 words", "share"),
    "commas_per_sentence": ("punctuation", "commas per sentence", ""),
    "commas": ("punctuation", "commas", "per 100 words"),
    "semicolons": ("punctuation", "semicolons", "per 100 words"),
    "colons": ("punctuation", "colons", "per 100 words"),
    "parentheses": ("punctuation", "parentheses", "per 100 words"),
    "question_marks": ("punctuation", "question marks", "per 100 words"),
    "quotation_marks": ("punctuation", "quotation marks", "per 100 words"),
    "dashes": ("punctuation", "dashes", "per 100 words"),
    "word_length": ("word forms", "letters per word", ""),
    "long_words": ("word forms", "words of 9 letters or more", "per 100 words"),
    "contractions": ("word forms", "contractions", "per 100 words"),
    "nominalisations": ("word forms", "-tion and -ment nouns", "per 100 words"),
    "ly_adverbs": ("word forms", "-ly adverbs", "per 100 words"),
    "ing_forms": ("word forms", "-ing forms", "per 100 words"),
    "mattr": ("lexical variety", "lexical variety (type/token ratio over 50-word windows)", ""),
    "repeated_words": ("lexical variety", "words repeated within 10 words", "per 100 words"),
    "repeated_content_words": ("lexical variety", "content words repeated within 20", "per 100 words"),
    "machine_tells": ("tells", "slips a translator would not leave", "log-density"),
    "doubled_words": ("machine leftovers", "doubled words", "per 1,000 words"),
    "space_before_punctuation": ("machine leftovers", "spaces before punctuation", "per 1,000 words"),
    "non_latin_words": ("machine leftovers", "words in another script", "per 1,000 words"),
    "lower_case_openings": ("machine leftovers", "sentences opening in lower case", "share"),
}
FAMILY_PHRASES = {
    "function words": "function words",
    "sentence openings": "sentence openings",
    "sentence shape": "sentence shape",
    "punctuation": "punctuation",
    "word forms": "word forms",
    "lexical variety": "lexical variety",
    "machine leftovers": "machine leftovers",
}


@dataclass(frozen=True)
class Judgement:
    """A verdict, its likelihoods and its reasons."""

    verdict: str
    likelihood: float | None = None  # translated (by machine or by a person), 0 to 1
    machine: float | None = None  # machine output rather than human translation, 0 to 1
    supports: str | None = None  # "machine" or "translated": what the evidence supports (above clean)
    reasons: tuple[str, ...] = ()
    evidence: dict[str, float] = field(default_factory=dict)  # each feature's push on the logit


def list_like(doc: Any) -> bool:
    """Copy that is mostly short lines without a full stop (lists, tables, results, schedules)."""
    lines = [doc.text[s:e].strip() for i, s, e in doc.lines() if doc.zones[i] == "body"]
    lines = [line for line in lines if line]
    if len(lines) < 4:
        return False
    short = sum(1 for line in lines if len(line.split()) < 10 and not line.endswith((".", "?", "!", "”", '"')))
    return short / len(lines) > LIST_LIKE_SHARE


@dataclass(frozen=True)
class TellEvidence:
    """The graded (non-neutral) tells that count as evidence: distinct rules, and their strength."""

    rules: int = 0
    strength: float = 0.0  # severity-weighted distinct rules: minor 1, major 3, critical 5

    @classmethod
    def of(cls, tells: Iterable[Any]) -> TellEvidence:
        weights = {"minor": 1.0, "major": 3.0, "critical": 5.0}
        worst: dict[str, float] = {}
        for finding in tells:
            if finding.severity in weights:
                worst[finding.rule] = max(worst.get(finding.rule, 0.0), weights[finding.severity])
        return cls(len(worst), sum(worst.values()))


def decide(likelihood: float, words: int, tells: TellEvidence, listy: bool, thresholds: dict[str, float]) -> str:
    """The verdict (the rule shared by the tool and bench/calibrate.py). `likely-mt` needs the
    likelihood at its threshold and either strong tells or long prose, or by themselves as many
    distinct tell rules as no native article of the calibration data has (`thresholds["tell-rules"]`)."""
    if words < MIN_WORDS:
        return "too-short"
    if tells.rules >= thresholds["tell-rules"]:
        return "likely-mt"
    if likelihood >= thresholds["likely-mt"] and (
        tells.strength >= STRONG_TELLS or (words >= STATISTICS_MIN_WORDS and not listy)
    ):
        return "likely-mt"
    if likelihood >= thresholds["review"]:
        return "review"
    return "clean"


def tells_reason(tells: list[Any]) -> str | None:
    graded = [f for f in tells if f.severity != "neutral"]
    if not graded:
        return None
    kinds = Counter(f.category for f in graded)
    parts = []
    for category, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0])):
        singular, plural = TELL_KINDS.get(category, (category, category))
        parts.append(f"{count} {singular if count == 1 else plural}")
    noun = "tell" if len(graded) == 1 else "tells"
    return f"{len(graded)} {noun} — " + ", ".join(parts)


def _quoted(key: str) -> str:
    tokens = key.split()
    opening = tokens[:1] == ["<s>"]
    words = [{"_": "…", "N": "[name]", "#": "[number]"}.get(t, t) for t in tokens[opening:]]
    return "“" + " ".join(words) + "”" + (" opening a sentence" if opening else "")


@functools.lru_cache(maxsize=8192)
def describe(name: str) -> tuple[str, str]:
    """(family, label) of a statistic's name."""
    kind, colon, key = name.partition(":")
    if not colon:
        family, label, _unit = STATISTIC_LABELS.get(name, ("statistics", name.replace("_", " "), ""))
        return family, label
    if kind == "s":
        return "sentence openings", f"sentences opening with {_quoted(key)}"
    return "function words", _quoted(key)


def _value_text(name: str, raw: float, with_unit: bool = True) -> str:
    kind, colon, _key = name.partition(":")
    if colon:
        if kind == "s":
            return f"{100 * raw:.0f}%"
        return f"{10 * raw:.1f}" + (" per 1,000 words" if with_unit else "")
    unit = STATISTIC_LABELS.get(name, ("", "", ""))[2]
    if unit == "share":
        return f"{100 * raw:.0f}%"
    return f"{raw:.2f}" + (f" {unit}" if unit and with_unit else "")


def statistics_reasons(
    stats: ArticleStats, pushes: dict[str, float], part: dict[str, Any], limit: int = 2
) -> list[str]:
    """The families of statistics that raised the score most, each with its strongest features'
    values against native news (tells are named separately)."""
    families: dict[str, list[tuple[float, str]]] = {}
    for name, push in pushes.items():
        family, _label = describe(name)
        if family != "tells":
            families.setdefault(family, []).append((push, name))
    # a family's net push ranks it; its features that pushed up are named
    ranked = sorted(((sum(p for p, _ in items), family, items) for family, items in families.items()), reverse=True)
    reasons = []
    for total, family, items in ranked[:limit]:
        if total < REASON_MIN_PUSH:
            break
        shown: list[str] = []
        keys: list[str] = []
        for push, name in heapq.nlargest(8, items):
            key = name.partition(":")[2] or name
            if push <= 0 or len(shown) == 2:
                break
            if any(key in other or other in key for other in keys):
                continue  # "according" after "according to" says nothing new
            keys.append(key)
            native = part["features"][name].get("native")
            typical = ""
            if native is not None:
                typical = f" (native news {_value_text(name, native, with_unit=False)} on average)"
            shown.append(f"{describe(name)[1]} {_value_text(name, stats.value(name))}{typical}")
        if shown:
            reasons.append(f"{FAMILY_PHRASES.get(family, family)} typical of translation: " + "; ".join(shown))
    return reasons


def judge(
    stats: ArticleStats,
    findings: Iterable[Any],
    listy: bool = False,
    model: dict[str, Any] | None = None,
) -> Judgement:
    """The verdict on an English article from its statistics and its rule findings."""
    model = model or load_model()
    if stats.words < MIN_WORDS:
        return Judgement(
            "too-short",
            reasons=(f"only {stats.words} body words (fewer than {MIN_WORDS}): too short to judge",),
        )
    translated = model[TRANSLATED]
    pushes = contributions(stats, translated)
    translated_logit = translated["intercept"] + sum(pushes.values())
    likelihood = sigmoid(translated_logit)
    tells = evidence_tells(findings)
    verdict = decide(likelihood, stats.words, TellEvidence.of(tells), listy, translated["thresholds"])
    machine = sigmoid(machine_logit(stats, model, translated_logit))
    if verdict == "clean":
        return Judgement(verdict, likelihood, machine, evidence=pushes)

    reasons = []
    tell_text = tells_reason(tells)
    if tell_text:
        reasons.append(tell_text)
    reasons += statistics_reasons(stats, pushes, translated)
    if verdict == "likely-mt" and likelihood < translated["thresholds"]["likely-mt"]:
        reasons.append("the tells alone are more than any native article of the calibration data has")
    if verdict == "review" and likelihood >= translated["thresholds"]["likely-mt"]:
        why = "list-like copy" if listy else f"under {STATISTICS_MIN_WORDS} words"
        reasons.append(f"statistics alone do not make likely-mt on {why}")
    if not reasons:
        reasons.append("the overall profile of the article is closer to translated than to native news")

    machine_tells = [f for f in tells if f.severity != "neutral" and f.category in MACHINE_CATEGORIES]
    if machine >= model[MACHINE]["threshold"] or len({f.rule for f in machine_tells}) >= 2:
        supports = SUPPORTS_MACHINE
        detail = f"machine-vs-human score {machine:.2f}"
        if machine_tells:
            detail += f"; {len(machine_tells)} slips a translator would not leave"
        reasons.append(f"the evidence supports machine translation ({detail})")
    else:
        supports = SUPPORTS_TRANSLATED
        reasons.append(f"the evidence supports translation, not machine output in particular "
                       f"(machine-vs-human score {machine:.2f})")
    return Judgement(verdict, likelihood, machine, supports, tuple(reasons), pushes)


__all__ = [
    "Judgement",
    "MIN_WORDS",
    "TellEvidence",
    "STATISTICS_MIN_WORDS",
    "VERDICTS",
    "decide",
    "describe",
    "judge",
    "list_like",
]
