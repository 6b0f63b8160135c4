"""The verdict on an article and its reasons in words an editor can check.

Verdicts: ``clean``, ``review``, ``likely-mt``, and ``too-short`` (no likelihood) under ``MIN_WORDS``
body words. The score is the ``translated`` model's likelihood (``likelihood.py``); its thresholds
were chosen by ``bench/calibrate.py`` on held-out folds. Editors see it as the MT score, its native
percentile (``likelihood.native_percentile``): the share of native news articles that score lower, a
monotone function of the likelihood, so the verdict reads the same on either. Evidence comes first:

- the tells (rule findings of translation-tell categories) are counted by kind;
- a statistic may raise the score, and the reasons then name it in words an editor can check in the
  text ("“said that” 3.4 times per 1,000 words (native news: 0.3)", "never “a” before a capitalised
  word"), with the typical value in native news;
- statistics alone never make ``likely-mt`` on short or list-like copy: that needs tells too;
- a lone minor finding never decides a verdict (``features.evidence_tells``);
- the ``machine`` model and the tells only a machine leaves say whether the evidence supports
  machine translation or only translation (by machine or by a person).
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import field
from typing import Any

from ..text.dataclass_code import dataclass
from .features import MACHINE_CATEGORIES, START, ArticleStats, evidence_tells
from .likelihood import (
    MACHINE,
    TRANSLATED,
    LinearPart,
    Pushes,
    native_percentile,
    scorer,
    sigmoid,
)

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

# Article-level statistics in words: (family, label, unit, form). The reason reads "5.2 commas per 100
# words", or "no semicolons" for an absence; forms: "rate" (one decimal, then the unit), "share" (a
# percentage "of" the label; "percent": the value is one already), "spread" and "variety" (a sentence
# of their own), "count", and
# "density" (the tells' log-densities per 1,000 words: shown in the evidence table, never in a reason).
STATISTIC_LABELS: dict[str, tuple[str, str, str, str]] = {
    "lexical_tells": ("tells", "severity-weighted translation tells in the wording", "per 1,000 words", "density"),
    "punctuation_tells": ("tells", "severity-weighted punctuation and spacing tells", "per 1,000 words",
                          "density"),
    "tell_rules": ("tells", "different tell rules found", "", "count"),
    "signals": ("tells", "translation signals", "per 1,000 words", "density"),
    "sentence_mean": ("sentence shape", "words per sentence on average", "", "rate"),
    "sentence_cv": ("sentence shape", "sentence lengths varying around their average by", "", "spread"),
    "long_sentence_share": ("sentence shape", "sentences over 35 words", "", "share"),
    "commas_per_sentence": ("punctuation", "commas per sentence", "", "rate"),
    "commas": ("punctuation", "commas", "per 100 words", "rate"),
    "semicolons": ("punctuation", "semicolons", "per 100 words", "rate"),
    "colons": ("punctuation", "colons", "per 100 words", "rate"),
    "parentheses": ("punctuation", "brackets", "per 100 words", "rate"),
    "question_marks": ("punctuation", "question marks", "per 100 words", "rate"),
    "quotation_marks": ("punctuation", "quotation marks", "per 100 words", "rate"),
    "dashes": ("punctuation", "dashes", "per 100 words", "rate"),
    "word_length": ("word forms", "letters per word on average", "", "rate"),
    "long_words": ("word forms", "words of 9 letters or more", "per 100 words", "rate"),
    "contractions": ("word forms", "contractions such as “don’t”", "per 100 words", "rate"),
    "nominalisations": ("word forms", "nouns ending in -tion or -ment", "per 100 words", "rate"),
    "ly_adverbs": ("word forms", "words ending in -ly", "per 100 words", "rate"),
    "ing_forms": ("word forms", "words ending in -ing", "per 100 words", "rate"),
    "mattr": ("lexical variety", "different words in every 50 words in a row", "", "variety"),
    "repeated_words": ("lexical variety", "words repeating one of the 10 words before them", "", "percent"),
    "repeated_content_words": ("lexical variety", "nouns, verbs and adjectives repeating one of the 20 before them",
                               "", "percent"),
    "machine_tells": ("tells", "severity-weighted slips a translator would not leave", "per 1,000 words",
                      "density"),
    "doubled_words": ("machine leftovers", "doubled words", "per 1,000 words", "rate"),
    "space_before_punctuation": ("machine leftovers", "spaces before punctuation", "per 1,000 words", "rate"),
    "non_latin_words": ("machine leftovers", "words in another script", "per 1,000 words", "rate"),
    "lower_case_openings": ("machine leftovers", "sentences opening in lower case", "", "share"),
}
FAMILY_PHRASES = {
    "function words": "wording",
    "sentence openings": "sentence openings",
    "sentence shape": "sentence lengths",
    "punctuation": "punctuation",
    "word forms": "word forms",
    "lexical variety": "repetition",
    "machine leftovers": "machine leftovers",
}
# The word classes of the token sequences (features.token_class), in words.
TOKEN_CLASSES = {"N": "a capitalised word", "_": "a lower-case word", "#": "a number"}


@dataclass(frozen=True)
class Judgement:
    """A verdict, its likelihoods and its reasons."""

    verdict: str
    likelihood: float | None = None  # translated (by machine or by a person), 0 to 1
    machine: float | None = None  # machine output rather than human translation, 0 to 1
    supports: str | None = None  # "machine" or "translated": what the evidence supports (above clean)
    reasons: tuple[str, ...] = ()
    pushes: Pushes | None = field(default=None, compare=False)  # each feature's push on the logit
    native_percentile: float | None = None  # share of native news articles scoring lower, 0 to 100

    @property
    def evidence(self) -> dict[str, float]:
        """Each feature's push on the logit, by name."""
        return self.pushes.as_dict() if self.pushes is not None else {}


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


COUNT_WORDS = {2: "two", 3: "three"}


def _sequence_items(tokens: list[str]) -> list[tuple[bool, str]]:
    """(literal, text) runs of a token sequence: quoted runs of words, and the word classes between
    them ("two lower-case words")."""
    runs: list[tuple[bool, str, int]] = []  # (literal, token or words, repeats)
    for token in tokens:
        literal = token not in TOKEN_CLASSES
        if runs and runs[-1][0] and literal:
            runs[-1] = (True, runs[-1][1] + " " + token, 1)
        elif runs and not literal and runs[-1][1] == token:
            runs[-1] = (False, token, runs[-1][2] + 1)
        else:
            runs.append((literal, token, 1))
    items = []
    for literal, text, repeats in runs:
        if literal:
            items.append((True, f"“{text}”"))
        elif repeats == 1:
            items.append((False, TOKEN_CLASSES[text]))
        else:
            items.append((False, f"{COUNT_WORDS.get(repeats, repeats)} {TOKEN_CLASSES[text].split(' ', 1)[1]}s"))
    return items


def _sequence_text(tokens: list[str]) -> str:
    """A token sequence in words: "“said” after a capitalised word", "“the” and “of” with a lower-case
    word between", "“that” between two lower-case words"."""
    items = _sequence_items(tokens)
    texts = [text for _literal, text in items]
    kinds = [literal for literal, _text in items]
    if len(items) == 1:
        return texts[0] if kinds[0] else f"{texts[0]} in a row"
    if kinds == [False, True]:
        return f"{texts[1]} after {texts[0]}"
    if len(items) == 2:
        return f"{texts[0]} before {texts[1]}"
    if kinds == [True, False, True]:
        return f"{texts[0]} and {texts[2]} with {texts[1]} between"
    if kinds == [False, True, False]:
        between = f"two {texts[0].split(' ', 1)[1]}s" if texts[0] == texts[2] else f"{texts[0]} and {texts[2]}"
        return f"{texts[1]} between {between}"
    return ", then ".join(texts)


def _sequence_label(key: str) -> str:
    tokens = key.split()
    if tokens[:1] == [START]:
        return "a sentence opening with " + " and ".join(text for _literal, text in _sequence_items(tokens[1:]))
    return _sequence_text(tokens)


def family_of(name: str) -> str:
    """The family of a statistic's name (`describe`'s first part, without the label)."""
    kind, colon, _key = name.partition(":")
    if not colon:
        return STATISTIC_LABELS[name][0] if name in STATISTIC_LABELS else "statistics"
    return "sentence openings" if kind == "s" else "function words"


@functools.lru_cache(maxsize=8192)
def describe(name: str) -> tuple[str, str]:
    """(family, label) of a statistic's name, in words an editor can check in the text."""
    kind, colon, key = name.partition(":")
    if not colon:
        _family, label, _unit, _form = STATISTIC_LABELS.get(name, ("statistics", name.replace("_", " "), "", "rate"))
    elif kind == "s":
        label = f"sentences opening with {_sequence_text(key.split())}"
    else:
        label = _sequence_label(key)
    return family_of(name), label


def _number(value: float) -> str:
    """One decimal; a small value that is not zero says so rather than "0.0"."""
    return "under 0.1" if 0 < value < 0.05 else f"{value:.1f}"


def _percent(value: float) -> str:
    return "under 1%" if 0 < value < 0.5 else f"{value:.0f}%"


# How each form of STATISTIC_LABELS shows a value.
SCALAR_FORMS = {
    "rate": _number,
    "share": lambda x: _percent(100 * x),
    "percent": _percent,
    "spread": lambda x: f"{100 * x:.0f}%",
    "variety": lambda x: f"{50 * x:.0f}",
    "count": lambda x: f"{x:.0f}",
    "density": lambda x: f"{math.expm1(x):.1f}",
}


def statistic_text(name: str, value: float, native: float | None) -> str:
    """One statistic of the article against native news, in words: "“said that” 3.4 times per 1,000
    words (native news: 0.3)"; "never “a” before a capitalised word (native news: 2.4 per 1,000
    words)"; "32.1 words per sentence on average (native news: 22.4)"."""
    label = describe(name)[1]
    kind, colon, _key = name.partition(":")
    if colon and kind == "s":  # a share of sentences
        text = f"{_percent(100 * value)} of {label}" if value else f"no {label}"
        typical = f"{100 * native:.0f}%" if native is not None else None
    elif colon:  # per 100 tokens, shown per 1,000 words
        text = f"{label} {10 * value:.1f} times per 1,000 words" if value else f"never {label}"
        typical = (_number(10 * native) + ("" if value else " per 1,000 words")) if native is not None else None
    else:
        _family, _label, unit, form = STATISTIC_LABELS.get(name, ("", label, "", "rate"))
        show = SCALAR_FORMS[form]
        per = f" {unit}" if unit else ""
        typical = show(native) if native is not None else None
        if not value and form in ("share", "percent", "rate") and (unit or form != "rate"):
            text = f"no {label}"  # an absence; the unit goes with the native value
            typical = typical + per if typical is not None and form == "rate" else typical
        elif form in ("share", "percent"):
            text = f"{show(value)} of {label}"
        elif form == "spread":
            text = f"{label} {show(value)}"
        else:
            text = f"{show(value)} {label}{per}"
    return text + (f" (native news: {typical})" if typical is not None else "")


@dataclass(frozen=True)
class _Family:
    """The features of one family of a model: their positions in `LinearPart.names`, the same as runs of
    consecutive positions (slices, in order), and the sequence features among them ranked by (push when
    absent, name), largest first."""

    name: str
    positions: frozenset[int]
    runs: tuple[slice, ...]
    absent_rank: tuple[int, ...]

    def net_push(self, values: list[float]) -> float:
        """The sum of the family's pushes, in the order of their positions."""
        return sum(itertools.chain.from_iterable(map(values.__getitem__, self.runs)))

    def strongest(self, pushes: Pushes, touched: set[int], count: int) -> list[tuple[float, str]]:
        """`heapq.nlargest(count, items)` of the family's (push, name) pairs, from those the article has and
        its strongest absent ones (the rest push as when absent): those whose push is at least the
        count-th largest, sorted."""
        values, names = pushes.values, pushes.model.names
        candidates = [*(self.positions & touched),
                      *itertools.islice(itertools.filterfalse(touched.__contains__, self.absent_rank), count)]
        if len(candidates) > count:
            strengths = [values[i] for i in candidates]
            weakest = sorted(strengths)[-count]
            candidates = [i for i, push in zip(candidates, strengths, strict=True) if push >= weakest]
        return sorted([(values[i], names[i]) for i in candidates], reverse=True)[:count]


def _runs(positions: list[int]) -> tuple[slice, ...]:
    """Ascending positions as slices of consecutive ones."""
    runs = []
    start = previous = positions[0]
    for position in positions[1:]:
        if position != previous + 1:
            runs.append(slice(start, previous + 1))
            start = position
        previous = position
    runs.append(slice(start, previous + 1))
    return tuple(runs)


@functools.lru_cache(maxsize=8)
def _families(model: LinearPart) -> tuple[_Family, ...]:
    """The families of a model's features that reasons may name (tells are named separately)."""
    grouped: dict[str, list[int]] = {}
    for position, name in enumerate(model.names):
        family = family_of(name)
        if family != "tells":
            grouped.setdefault(family, []).append(position)
    families = []
    for family, positions in grouped.items():
        absent = [i for i in positions if model.names[i] in model.absent]
        absent.sort(key=lambda i: (model.absent[model.names[i]], model.names[i]), reverse=True)
        families.append(_Family(family, frozenset(positions), _runs(positions), tuple(absent)))
    return tuple(families)


def _ranked_families(
    pushes: dict[str, float] | Pushes, limit: int
) -> list[tuple[float, str, list[tuple[float, str]]]]:
    """(net push, family, its 8 strongest (push, name) pairs) of the `limit` families (the tells left
    out) that push most, strongest first."""
    if not isinstance(pushes, Pushes):
        families: dict[str, list[tuple[float, str]]] = {}
        for name, push in pushes.items():
            family = family_of(name)
            if family != "tells":
                families.setdefault(family, []).append((push, name))
        totals = ((sum(p for p, _ in items), family, items) for family, items in families.items())
        ranked = sorted(totals, reverse=True)[:limit]
        return [(total, family, heapq.nlargest(8, items)) for total, family, items in ranked]
    # the same from the model's own ordering: the net push of every family, and its strongest features
    values = pushes.values
    ranked = sorted(((f.net_push(values), f.name, f) for f in _families(pushes.model)), reverse=True)[:limit]
    touched = set(pushes.touched)
    return [(total, family, table.strongest(pushes, touched, 8)) for total, family, table in ranked]


def statistics_reasons(
    stats: ArticleStats, pushes: dict[str, float] | Pushes, part: dict[str, Any], limit: int = 2
) -> list[str]:
    """The families of statistics that raised the score most, each with its strongest features'
    values against native news (tells are named separately)."""
    # a family's net push ranks it; its features that pushed up are named
    reasons = []
    for total, family, strongest in _ranked_families(pushes, limit):
        if total < REASON_MIN_PUSH:
            break
        shown: list[str] = []
        keys: list[str] = []
        for push, name in strongest:
            key = name.partition(":")[2] or name
            if push <= 0 or len(shown) == 2:
                break
            if any(key in other or other in key for other in keys):
                continue  # "according" after "according to" says nothing new
            keys.append(key)
            shown.append(statistic_text(name, stats.value(name), part["features"][name].get("native")))
        if shown:
            reasons.append(f"{FAMILY_PHRASES.get(family, family)} typical of translation: " + "; ".join(shown))
    return reasons


def judge(
    stats: ArticleStats,
    findings: Iterable[Any],
    listy: bool = False,
    model: dict[str, Any] | None = None,
) -> Judgement:
    """The verdict on an English article from its statistics and its rule findings (`model`: as
    `load_model` reads one; default: likelihood.json's)."""
    if stats.words < MIN_WORDS:
        return Judgement(
            "too-short",
            reasons=(f"only {stats.words} words of body text, fewer than the {MIN_WORDS} needed to judge",),
        )
    reader = scorer(model)
    model = reader.model
    translated = model[TRANSLATED]
    pushes, machine_own = reader.joint.evaluate(stats)
    translated_logit = pushes.logit()
    likelihood = sigmoid(translated_logit)
    percentile = native_percentile(translated_logit, translated)
    tells = evidence_tells(findings)
    verdict = decide(likelihood, stats.words, TellEvidence.of(tells), listy, translated["thresholds"])
    machine = sigmoid(machine_own + model[MACHINE].get("translated_weight", 0.0) * translated_logit)  # machine_logit
    if verdict == "clean":
        return Judgement(verdict, likelihood, machine, pushes=pushes, native_percentile=percentile)

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
    elif verdict == "review" and percentile is not None and percentile >= 100:
        # above every native article on the shown scale, yet under the likely-mt threshold: say so
        needed, rules = translated["thresholds"]["tell-rules"], TellEvidence.of(tells).rules
        reasons.append(f"short of likely-mt, which needs a still higher score or {needed} different tell rules "
                       f"(this article has {rules})")
    if not reasons:
        reasons.append("the overall profile of the article is closer to translated than to native news")

    machine_tells = [f for f in tells if f.severity != "neutral" and f.category in MACHINE_CATEGORIES]
    machine_at = model[MACHINE]["threshold"]
    score = f"machine-vs-human score {machine:.2f}, machine from {machine_at:.2f}"
    if machine >= machine_at or len({f.rule for f in machine_tells}) >= 2:
        supports = SUPPORTS_MACHINE
        slips = len(machine_tells)
        detail = f"{slips} {'slip' if slips == 1 else 'slips'} a translator would not leave, " if slips else ""
        reasons.append(f"the evidence points to machine translation: {detail}{score}")
    else:
        supports = SUPPORTS_TRANSLATED
        reasons.append(f"the evidence points to translation, by a person or a machine: {score}")
    return Judgement(verdict, likelihood, machine, supports, tuple(reasons), pushes, percentile)


__all__ = [
    "Judgement",
    "MIN_WORDS",
    "TellEvidence",
    "STATISTICS_MIN_WORDS",
    "VERDICTS",
    "decide",
    "describe",
    "family_of",
    "judge",
    "list_like",
]
