"""Matchers that look across clauses and across the article: comma splices, sentences or crossheads
run into the next sentence, and one name spelled two ways in one article. They transfer across
source languages: segment-by-segment MT joins clauses with commas (Chinese and Japanese have no
bar on it), glues a heading to the paragraph under it, and transliterates each segment anew.

Each kind is self-contained: a Check subclass with `kind`, `Params`, `summary` and `find`, registered
in KINDS (see audit/checks/base.py). Narrative only: quotations are left alone (speech is spliced and fused by nature).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from typing import Literal

from ..document import Document
from ..hits import Hit
from ..rules.params import param
from ..text.dataclass_code import dataclass
from ..text.lazy import lazy_compile
from ..text.shipped import compiled_re
from ..text.words import distinct_matches
from .base import Check, CheckContext, Needs, SharedIndex, register

# ------------------------------------------------------------------------------------ comma splices
_AUXILIARIES = (
    "is|are|was|were|be|been|has|have|had|will|would|can|could|should|shall|must|may|might|does|did|do|"
    "isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|wouldn't|can't|couldn't|doesn't|didn't|don't"
)
_ADVERB = r"(?:(?:also|still|then|now|even|already|only|never|often|later|soon|just|again|always|usually)\s+)?"
# a clause after the comma: a subject pronoun and a finite verb
_SUBJECTS = "he|she|it|they|we|this|these|those|there"
_SPLICE = compiled_re(
    r",\s+(?P<clause>(?P<subject>" + _SUBJECTS + r")\s+" + _ADVERB
    + r"(?P<verb>(?:" + _AUXILIARIES + r")\b|[a-z]{3,}(?:ed|es|s)\b))",
)
# what every match of _SPLICE starts with
_SPLICE_HINT = compiled_re(r",\s+(?:" + _SUBJECTS + r")\s")
_REPORTING = frozenset(
    "said says told tells added adds noted notes wrote writes asked asks explained explains stressed stresses "
    "declared declares announced announces reported reports claimed claims argued argues insisted insists "
    "warned warns recalled recalls replied replies continued continues believes believed thinks thought "
    "hopes hoped fears feared suggested suggests concluded concludes admitted admits conceded concedes "
    "says seems seemed appears appeared".split()
)
_IRREGULAR_PAST = (
    "rose|fell|said|took|made|went|came|saw|gave|got|won|lost|left|held|kept|began|became|grew|brought|bought|"
    "built|sent|spent|stood|told|thought|found|felt|met|paid|ran|sold|struck|hit|set|put|cut|led|fled|fought|"
    "drew|flew|knew|chose|broke|wrote|spoke|shot|sat|threw|drove|rode|sank|swam|fell|hung|sought|taught|meant"
)
_FINITE = lazy_compile(r"\b(?:" + _AUXILIARIES + "|" + _IRREGULAR_PAST + r")\b|\b[a-z]{3,}ed\b")
# a clause that opens with one of these is subordinate (or an introductory phrase): its comma is English
_SUBORDINATE_OPENERS = frozenset(
    "if when whenever while although though because as since after before once unless until whether where "
    "wherever whereas given despite in on at for from with without by during under over after according "
    "like unlike following amid among besides however so yet but and or nor then instead even just "
    "what who whom whose which that".split()
)
# ... and one anywhere in the clause makes the comma likely to close a subordinate clause
_SUBORDINATORS = frozenset(
    "if when whenever while although though because since after before once unless until whether "
    "whereas that which who whom whose where what otherwise than so thanks including".split()
)
_COORDINATORS = frozenset("and but or yet nor".split())
# "…, it was revealed", "…, it is understood": an impersonal reporting clause, not a second sentence
_REPORTED = frozenset(
    "revealed reported announced said learned learnt understood claimed alleged believed expected confirmed "
    "known thought estimated feared".split()
)
_WORD = lazy_compile(r"[A-Za-z’']+")


@dataclass(frozen=True)
class CommaSpliceParams:
    subjects: list[str] | None = param(
        None, doc="the subject pronouns that open the second clause (default: he, she, it, they, we, this, these, "
        "those, there)"
    )


@register
class CommaSpliceCheck(Check):
    """Two independent clauses joined by a comma alone (“Prices rose, they are the highest since
    2010.”): the clause after the comma opens with a subject pronoun and a finite verb, the clause
    before it has a finite verb and is not subordinate (if, when, because…), and the clause after it
    is not a reporting clause (“, he said”) or a question tag. Flags the comma and the subject."""

    kind = "comma-splice"
    Params = CommaSpliceParams
    summary = (
        "two main clauses joined by a comma alone (`Prices rose, they are…`); not a subordinate clause, a "
        "reporting clause or a quotation"
    )

    def __init__(self, rule) -> None:
        super().__init__(rule)
        subjects = rule.params.subjects
        self.subjects = frozenset(s.lower() for s in subjects) if subjects else None

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        text = doc.text
        sentences = doc.sentences
        done = -1  # the last sentence looked at
        # only the sentences that hold a comma before a subject pronoun (one pass over the text; most
        # sentences have none)
        for hint in _SPLICE_HINT.finditer(text):
            index = sentences.last_starting_at_or_before(hint.start())
            if index <= done:
                continue
            s_start, s_end = sentences[index]
            if hint.start() >= s_end:
                continue  # between sentences
            done = index
            if doc.zone_at(s_start) != "body" or ", " not in text[s_start:s_end]:
                continue
            for match in _SPLICE.finditer(text, s_start, s_end):
                subject = match.group("subject")
                if self.subjects is not None and subject not in self.subjects:
                    continue
                if match.group("verb") in _REPORTING or _is_tag(text, match.end(), s_end):
                    continue
                following = [w.lower() for w in _WORD.findall(text[match.end() : match.end() + 30])[:2]]
                if _REPORTING.intersection(following) or (following and following[0] in _REPORTED):
                    continue  # "…, those aides said", "…, it was revealed"
                left = _left_clause(text, s_start, match.start())
                if left is None:
                    continue
                start, end = match.start(), match.start("subject") + len(subject)
                if doc.quote_at(s_start, s_end) or doc.quote_at(match.start(), match.end()):
                    continue
                if _quote_between(text, s_start, end) or self.blocked_by_antipattern(doc, start, end):
                    continue
                yield self.hit(start, end, suggestion=_splice_fix(subject))


_CLAUSE_BREAK = lazy_compile(r"(?:[,;:—–]|(?<![A-Z])[.!?])\s")  # (not the stop of an abbreviation: U.S.)


def _left_clause(text: str, s_start: int, comma: int) -> str | None:
    """The clause before the comma when it is an independent main clause with a finite verb, else None.
    Any subordinating word in it (if, when, because, that…) or an opening participle (“Set in a park,
    it …”) makes the comma the end of a subordinate clause, which is English."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, s_start, comma)]
    left_start = breaks[-1] if breaks else s_start
    left = text[left_start:comma].strip()
    words = [w.lower() for w in _WORD.findall(left)]
    if len(words) < 3 or any(w in _SUBORDINATORS for w in words):
        return None
    if words[0] in _SUBORDINATE_OPENERS or words[0] in ("not", "set") or words[0].endswith(("ing", "ed")):
        return None
    coordinated = [i for i, w in enumerate(words) if w in _COORDINATORS]
    if coordinated and coordinated[-1] + 1 < len(words):
        tail = words[coordinated[-1] + 1]  # "…predecessors but thanks to its new internals, it is…"
        if tail in _SUBORDINATE_OPENERS or tail.endswith(("ing", "ed")):
            return None
    if breaks:  # after an earlier comma: the sentence itself must open a main clause
        first = _WORD.findall(text[s_start:comma])
        if not first or first[0].lower() in _SUBORDINATE_OPENERS or first[0].lower().endswith(("ing", "ed")):
            return None
    if not _FINITE.search(left):
        return None
    return left


def _is_tag(text: str, end: int, s_end: int) -> bool:
    """“…, isn't it?” or “…, did they?”: the clause after the comma is a question tag."""
    rest = text[end:s_end].strip()
    return rest.startswith("?") or rest == ""


def _quote_between(text: str, start: int, end: int) -> bool:
    return any(mark in text[start:end] for mark in "“”\"«»")


def _splice_fix(subject: str) -> str:
    return f"; {subject}"


# ------------------------------------------------------------------------------------ run-in sentences
# A new sentence that starts with no full stop before it: a word in lower case (or a figure), a space,
# a capitalised word that opens English sentences, and a lower-case word after it ("… gift tax The
# system does not …"). "The" and "It" followed by a capital are titles and names (The Hague, It Follows).
_STARTERS = (
    "The|An|According|He|She|They|We|It|This|These|Those|There|However|Meanwhile|Earlier|Previously|"
    "Currently|Yesterday|Today|On|In|At|After|During|Since|Although|While|When|If"
)
# (the word before is checked apart: a pattern that opens with it tries every lower-case letter)
_RUN_IN = compiled_re(r"(?P<start>(?:" + _STARTERS + r"))[ \t]+(?=[a-z])")
_RUN_IN_BEFORE = compiled_re(r"[a-z0-9%)][ \t]+$")
_TERMINAL = ".!?:;…\"”’)»]"
_TITLE_SMALL_WORDS = frozenset("a an the of in on at for to and or but by with from as vs".split())


class RunInIndex(SharedIndex):
    """One scan per document for the run-in rules of both modes: the capitalised sentence starters
    that follow a lower-case word or a figure."""

    def prepare(self, doc: Document, context: CheckContext) -> list[re.Match]:
        text = doc.text
        return [m for m in _RUN_IN.finditer(text) if _RUN_IN_BEFORE.search(text, max(0, m.start() - 8), m.start())]


@dataclass(frozen=True)
class RunInParams:
    mode: Literal["heading", "fused"] = param(
        "heading", doc="`heading`: after a short heading at the start of its line (a crosshead run into the text); "
        "`fused`: after a finished sentence (two sentences fused)"
    )
    max_words: int = param(12, doc="the longest heading (mode `heading`)", minimum=1)
    min_words: int = param(4, doc="the shortest sentence before (mode `fused`)", minimum=1)


@register
class RunInCheck(Check):
    """A sentence that starts with no full stop before it. Mode "heading": the words before it since
    the start of the line are a short heading (capitalised, no full stop): a crosshead or headline
    run into the first sentence of its paragraph. Mode "fused": the words before it follow a
    finished sentence on the same line: two sentences fused into one. Flags the word that starts the
    new sentence."""

    kind = "run-in"
    Params = RunInParams
    summary = (
        "a sentence that starts with no full stop before it: after a short heading at the start of its line "
        "(a crosshead run into the text), or after a finished sentence (two sentences fused)"
    )
    needs = Needs(shared=RunInIndex)

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.mode = rule.params.mode
        self.max_words = rule.params.max_words
        self.min_words = rule.params.min_words

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        text = doc.text
        for match in context.shared(RunInIndex):
            start = match.start("start")
            if doc.quote_at(start, match.end()) or doc.is_protected(start, match.end()):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            before = text[line_start:start]
            stop = max(before.rfind(c) for c in _TERMINAL)
            segment = before[stop + 1 :] if stop >= 0 else before
            words = segment.split()
            if not words:
                continue
            if self.mode == "heading":
                if stop >= 0 or len(words) > self.max_words or not _capitalised(words[0]):
                    continue
            elif stop < 0 or len(words) < self.min_words or before[stop] not in ".!?":
                continue
            if not self.blocked_by_antipattern(doc, start, match.end("start")):
                yield self.hit(start, match.end("start"))


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


# ------------------------------------------------------------------------------------ variant names
_NAME_BEFORE = r"(?<![\w’'-])"  # (kept out of the first, fast pass: a leading look-behind slows a scan fourfold)
_NAME_BEFORE_PATTERN = re.compile(_NAME_BEFORE)  # matched at a word's start: may a name start there?
# Spellings that transliteration tables disagree on (Russian/Ukrainian, Arabic, Chinese into English):
# applied in order to the lower-cased name after its first letter.
_TRANSLIT = [
    ("shch", "sh"), ("sch", "sh"), ("tch", "ch"), ("kh", "h"), ("zh", "z"), ("ts", "c"), ("tz", "c"),
    ("x", "ks"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("ou", "u"), ("iy", "i"), ("yi", "i"), ("ii", "i"),
    ("y", "i"), ("ie", "e"), ("ye", "e"), ("g", "h"),
]
_FINAL_IJ = compiled_re(r"ij$")
_DOUBLE_I = compiled_re(r"i+")  # Zelenskyy, Oleksii: doubled i and y (other doubled letters are kept: Garett, Garrett)


@functools.lru_cache(maxsize=4096)
def transliteration_key(name: str) -> str:
    """The name with the letters that transliterations disagree on made alike: Zelensky, Zelenskyy
    and Zelenskiy share one key, as do Shmyhal and Shmygal."""
    lowered = name.lower()
    head, tail = lowered[0], _FINAL_IJ.sub("i", lowered[1:])
    for old, new in _TRANSLIT:
        tail = tail.replace(old, new)
    return head + _DOUBLE_I.sub("i", tail)


@dataclass(frozen=True)
class VariantNamesParams:
    min_length: int = param(6, doc="shorter capitalised words are not compared", minimum=2)


@register
class VariantNamesCheck(Check):
    """One name transliterated two ways in one article (Zelensky and Zelenskyy, Shmyhal and
    Shmygal, Sergei and Sergey), found without a list: capitalised words that differ only in the
    letters transliteration tables disagree on. The less frequent spelling is flagged (ties: the
    later). Left out: quotations (a quoted source keeps its own spelling) and words the article also
    uses in lower case (Mayor and Major are English words). Doubled letters other than i and y count
    (Garett and Garrett may be two people)."""

    kind = "variant-names"
    Params = VariantNamesParams
    summary = (
        "one name transliterated two ways in one article (Shmyhal / Shmygal), found without a list; quotations "
        "and words the article also uses in lower case are left out"
    )
    # after the listed name variants (consistency rules), so as not to repeat their findings
    needs = Needs(order=1)

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.min_length = rule.params.min_length
        lower = max(self.min_length - 1, 1)
        self.names = re.compile(rf"[A-Z][a-z]{{{lower},}}(?:-[A-Z][a-z]+)?(?![\w-])")
        # every word that may be one of the names, whole: its run of word characters and hyphens (a name
        # is such a run, bounded by _NAME_BEFORE and `(?![\w-])`)
        self.name_runs = re.compile(rf"[A-Z][a-z]{{{lower},}}[\w-]*")

    def find(self, doc: Document, context: CheckContext) -> Iterator[Hit]:
        text = doc.text
        # the distinct spellings first (most articles have no two with one key), positions after
        spellings_by_key: dict[str, set[str]] = {}
        for name in distinct_matches(self.names, text):
            spellings_by_key.setdefault(transliteration_key(name), set()).add(name)
        groups = [names for names in spellings_by_key.values() if len(names) > 1]
        if not groups:
            return
        english = _lower_case_words(text)
        groups = [kept for names in groups if len(kept := {n for n in names if n.lower() not in english}) > 1]
        if not groups:
            return
        # every spelling of every group in one pass: the runs that may be names, a spelling where a run
        # is one and _NAME_BEFORE holds (a spelling is a whole word: no two overlap). What an alternation
        # of the spellings between _NAME_BEFORE and `(?![\w-])` finds, without trying every spelling at
        # every capital (a second on a 20 MB file, with its thousands of spellings).
        group_of = {name: number for number, names in enumerate(groups) for name in names}
        name_before = _NAME_BEFORE_PATTERN.match
        found_by_group: list[list[tuple[int, int, str]]] = [[] for _names in groups]
        for m in self.name_runs.finditer(text):
            name = m.group()
            number = group_of.get(name)
            if number is None:
                continue
            start, end = m.span()
            if name_before(text, start) and not doc.quote_at(start, end) and not doc.is_protected(start, end):
                found_by_group[number].append((start, end, name))
        # the variants of every group, then yielded in the order of the text: the groups come from sets,
        # whose order changes with the hash seed, and a text past the raw-hit limit keeps the first
        variants: list[tuple[int, int, str, str]] = []
        for found in found_by_group:
            counts = Counter(name for _s, _e, name in found)
            if len(counts) < 2:
                continue
            first_seen = {name: i for i, (_s, _e, name) in reversed(list(enumerate(found)))}
            dominant = max(counts, key=lambda n: (counts[n], -first_seen[n]))
            variants.extend((start, end, name, dominant) for start, end, name in found if name != dominant)
        if not variants:
            return
        flagged = _Flagged(context, self.rule.category)
        for start, end, name, dominant in sorted(variants):
            if flagged.overlaps(start, end):
                continue
            if not self.blocked_by_antipattern(doc, start, end):
                message = f"“{name}” is spelled “{dominant}” elsewhere in this article; keep one spelling."
                yield self.hit(start, end, suggestion=dominant, message=message)


# A lower-case word as a name would be searched for in lower case: not after a word character, an
# apostrophe or a hyphen, and not followed by a word character or a hyphen.
_LOWER_CASE_WORD = lazy_compile(r"(?<![\w’'-])[a-z]+(?:-[a-z]+)?(?![\w-])")


def _lower_case_words(text: str) -> set[str]:
    """The words the article uses in lower case (a name among them is a common word capitalised at a
    sentence start: Mayor, Major)."""
    return distinct_matches(_LOWER_CASE_WORD, text)


class _Flagged:
    """The spans the rules of a category (a listed variant, a preferred spelling) flagged so far, to
    ask whether one overlaps given words: sorted by start, with the furthest end among each start and
    those before it (a bisection a question: a dense 20 MB file has tens of thousands of both)."""

    def __init__(self, context: CheckContext, category: str) -> None:
        spans = sorted(
            (hit.start, hit.end)
            for rule_id, hits in context.hits.items()
            if context.categories.get(rule_id) == category
            for hit in hits
        )
        self.starts = [start for start, _end in spans]
        self.reach = list(itertools.accumulate((end for _start, end in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Does a flagged span overlap text[start:end] (one that starts before `end` ends after `start`)?"""
        before = bisect.bisect_left(self.starts, end)
        return before > 0 and self.reach[before - 1] > start
