"""One side of a comparison (the original or the translation), analysed once: sentences, numbers,
name candidates, quotations, links, per sentence; and what the aligner needs of each sentence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import field

from ..document import Document
from ..text.dataclass_code import dataclass
from .align import Unit
from .languages import Language
from .names import adjective_stems, common_english, english_j_key, headline_name, skeleton
from .numbers import Mention, find_numbers
from .quotes import dialogue_quotes, quote_pairs, read_marks, unmarked_speech
from .readings import Reader
from .text import CJK, Span, fold, length_units, script_of, split_sentences

# A word for the name checks: letters of any script, inner apostrophes and hyphens.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LATIN_RUN = re.compile(r"[A-Za-z\uff21-\uff3a\uff41-\uff5a][A-Za-z0-9\uff21-\uff3a\uff41-\uff5a\uff10-\uff19]+")
# A link ends at a space, a quotation mark, a closing bracket, or CJK punctuation (full-width marks
# are never part of a URL: "http://www.gfbzb.gov.cn）查询").
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”«»)\]（）【】「」『』《》，。、；：！？]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
    r"|(?<![\w@#])[@#][A-Za-z_][A-Za-z0-9_]{1,}"
)
_OPENING = "«„“\"'‘‚「『(—–-:"


@dataclass
class Name:
    """A word that may be a name, with its skeleton and others it may be matched by: for an English
    demonym, its stem's ("Australian" is also "Austral", to meet "Australská"); for a name opening on
    J or Дж, a key of their own (names.english_j_key); for a Cyrillic word, its Ukrainian case with a
    changed consonant and, for a place adjective, the place's name (names.adjective_stems)."""

    text: str
    start: int
    end: int
    key: str
    script: str
    capital: bool
    keys: tuple[str, ...] = ()
    reading: str = ""  # a name found in Chinese or Japanese text: the translation's spelling of it

    def __post_init__(self) -> None:
        if not self.keys:
            self.keys = (self.key,)
            j_key = english_j_key(self.text) if self.script in ("latin", "cyrillic") else None
            if j_key is not None:  # John, Джон
                self.keys = (self.key, j_key)
            if self.script == "latin" and self.capital:
                stem = demonym_stem(self.text)
                if stem != self.text and len(stem) >= 4:
                    self.keys = (*self.keys, skeleton(stem))
            elif self.script == "cyrillic":
                keys = list(self.keys)
                if self.text[-2:] in _MUTATED:
                    # Ukrainian locative and dative: г, к, х become з, ц, с before -і (Прага: у Празі)
                    keys.append(skeleton(self.text[:-2] + _MUTATED[self.text[-2:]]))
                # an adjective made from a place name: Бахмутському напрямку, Азовського моря
                keys.extend(adjective_stems(self.key))
                self.keys = tuple(keys)


_MUTATED = {"зі": "га", "ці": "ка", "сі": "ха"}
_DEMONYM = re.compile(r"(?:ians?|ans?|ese|ish|is|i)$")


# Pronouns a language capitalises without naming anyone: the polite "you" of letters and messages
# (Russian and Ukrainian Вы/Ви, Czech Vy, German Sie, Polish Pan, …) in their cases, and English "I"
# with a contraction (I’m, I’ll).
_POLITE = re.compile(
    r"В[ыи]|Вас|Вам(?:и)?|Ваш\w*|Vy|V[aá][sš]\w*|V[aá]m(?:i)?|Sie|Ihnen|Ihr\w*|Du|Dich|Dir|Dein\w*|Euch|Eue?r\w*"
    r"|Pan(?:a|u|em|ie|i|ią|owie|ów|om|ami|ach)?|Pa[nń]stw\w*|Vous|Usted(?:es)?|Lei|Loro|I['’](?:m|ll|d|ve)"
)


def demonym_stem(word: str) -> str:
    """A demonym less its ending ("Australian": "Austral"); other words as they are."""
    return _DEMONYM.sub("", word)


@dataclass
class Side:
    doc: Document
    code: str | None
    language: Language | None
    sentences: list[Span] = field(default_factory=list)
    numbers: list[list[Mention]] = field(default_factory=list)
    names: list[list[Name]] = field(default_factory=list)  # name candidates per sentence
    keys: list[list[str]] = field(default_factory=list)  # the skeletons of every word, per sentence
    # an original's Latin-script words, folded, per sentence, by their first three letters (see spelled_alike)
    spellings: list[dict[str, list[str]]] = field(default_factory=list)
    proper_keys: list[str] = field(default_factory=list)  # of every word that looks a name, wherever it stands
    quotes: list[list[Span]] = field(default_factory=list)  # quotations starting in each sentence
    links: list[list[tuple[str, int, int]]] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    paragraph_of: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc.text

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.doc.text[start:end]


def build_side(
    text: str, path: str, code: str | None, language: Language | None, english: bool, skip: Sequence[Span] = (),
    words_exact: bool = False, dialogue: bool | None = None,
) -> Side:
    """Analyse one text; sentences that overlap a `skip` span (page furniture) are left out. With
    `words_exact`, numbers in words count as much as figures (two English texts). A sentence opening
    with a dash is direct speech in a language that writes dialogue so (`dialogue`, by default the
    language's), and in a translation from one, which may keep the dashes."""
    doc = Document.from_text(text, path=path)
    side = Side(doc=doc, code=code, language=language)
    side.sentences = split_sentences(doc.text, doc.paragraphs, code)
    if skip:
        side.sentences = [(s, e) for s, e in side.sentences if not any(a < e and s < b for a, b in skip)]
    starts = [s for s, _e in side.sentences]
    count = len(side.sentences)
    side.numbers = [[] for _ in range(count)]
    side.quotes = [[] for _ in range(count)]
    side.links = [[] for _ in range(count)]

    def sentence_of(offset: int) -> int:
        """The sentence an offset is in, or -1 (between sentences, or in a skipped one)."""
        index = bisect.bisect_right(starts, offset) - 1
        return index if index >= 0 and offset < side.sentences[index][1] else -1

    # measures: an original's converted to English units, a translation's in its own (audit/fidelity/units.py)
    units = "" if words_exact else ("own" if english else "convert")
    for mention in find_numbers(doc.text, language, words_exact=words_exact, units=units):
        index = sentence_of(mention.start)
        if index >= 0 and not doc.is_protected(mention.start, mention.end):
            side.numbers[index].append(mention)
    quotes, strays = read_marks(doc.text, doc.paragraphs, quote_pairs(language))
    if dialogue if dialogue is not None else (language is not None and language.dialogue):
        paragraph_starts = [p for p, _e in doc.paragraphs]
        paragraph_of = [bisect.bisect_right(paragraph_starts, s) for s, _e in side.sentences]
        quotes = dialogue_quotes(doc.text, side.sentences, paragraph_of, quotes)
    if language is None or not language.cjk:
        quotes = unmarked_speech(doc.text, side.sentences, quotes, strays, language is not None and language.dialogue)
    for quote in quotes:
        index = sentence_of(quote[0])
        if index >= 0:
            side.quotes[index].append(quote)
    for match in _LINK.finditer(doc.text):
        link = match.group().rstrip(".,;:!?")
        index = sentence_of(match.start())
        if index >= 0:
            side.links[index].append((link, match.start(), match.start() + len(link)))
    side.names, side.keys, side.proper_keys = _names(side, english)
    if not english:
        side.spellings = [_spellings(doc.text, start, end) for start, end in side.sentences]
    paragraph_starts = [p for p, _e in doc.paragraphs]
    side.paragraph_of = [max(0, bisect.bisect_right(paragraph_starts, s) - 1) for s, _e in side.sentences]
    side.units = [_unit(side, index) for index in range(count)]
    return side


def _names(side: Side, english: bool) -> tuple[list[list[Name]], list[list[str]], list[str]]:
    """Per sentence: the name candidates (capitalised words not opening the sentence or a quotation,
    not common English capitals on the English side; Latin words in CJK text) and the skeletons of
    all its words; and the skeletons of the words that look names wherever they stand (a name opening
    a sentence too)."""
    text = side.text
    names: list[list[Name]] = []
    keys: list[list[str]] = []
    proper: list[str] = []
    # a word the document also writes in lower case is a common word, whatever opens a sentence
    lowercase = {m.group() for m in _WORD.finditer(text) if m.group()[0].islower()}
    for start, end in side.sentences:
        found: list[Name] = []
        sentence_keys: list[str] = []
        first = True
        sentence_words = list(_WORD.finditer(text, start, end))
        title_case = english and _title_case(sentence_words)
        for match in sentence_words:
            word = match.group()
            script = script_of(word[0])
            if script in CJK or (script == "latin" and not word.isascii() and any(script_of(c) in CJK for c in word)):
                for run in _LATIN_RUN.finditer(word):  # "NBA", "ＡＢＣテレビ": the Latin part is a name
                    item = Name(run.group(), match.start() + run.start(), match.start() + run.end(),
                                skeleton(fold(run.group())), "latin", True)
                    sentence_keys.extend(item.keys)
                    found.append(item)
                first = False
                continue
            key = skeleton(word)
            if not word[0].isupper():
                sentence_keys.append(key)
                first = False
                continue
            item = Name(word, match.start(), match.end(), key, script, True)
            sentence_keys.extend(item.keys)
            before = text[max(start, match.start() - 2) : match.start()].strip()
            opens = first or (before[-1:] in _OPENING if before else False)
            first = False
            if len(word) < 2 or not key or word.lower() in lowercase or (english and common_english(word)):
                continue
            if _POLITE.fullmatch(word):
                continue  # "Вас", "Vám", "I’m": a pronoun capitalised, not a name
            proper.extend(item.keys)
            if opens or (english and title_case and not headline_name(word)):
                continue
            if word.isupper() and len(word) <= 5 and not english and script != "latin":
                continue  # an acronym: translated (США = US), not transliterated
            found.append(item)
        names.append(found)
        keys.append(sentence_keys)
    return names, keys, proper


def _spellings(text: str, start: int, end: int) -> dict[str, list[str]]:
    """The sentence's Latin-script words, folded, by their first three letters."""
    found: dict[str, list[str]] = {}
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        if script_of(word[0]) == "latin":
            folded = fold(word)
            found.setdefault(folded[:3], []).append(folded)
    return found


def _title_case(matches: list[re.Match]) -> bool:
    """A headline in title case: most familiar English words of four letters or more are capitalised
    ("Government Allocates Money to Repair Schools", "Protesters Keep Up Demonstrations"; not "… Denys Shmyhal
    announced this in Kyiv"): familiar words, and words of English shape the dictionary has."""
    familiar = [m.group() for m in matches if len(m.group()) >= 4
                and (common_english(m.group().lower()) or not headline_name(m.group().lower()))]
    return len(familiar) >= 2 and sum(1 for w in familiar if w[0].isupper()) >= 0.7 * len(familiar)


def _unit(side: Side, index: int) -> Unit:
    text = side.sentence_text(index)
    anchors: set[str] = set()
    for mention in side.numbers[index]:
        if mention.exact or mention.kind in ("month", "weekday"):
            # not a measure's value in other units: rounded to a digit or two, it meets too many by chance
            anchors.update(f"{kind}:{value:g}" for kind, value in mention.keys if not kind.startswith("u:"))
    for name in side.names[index]:
        if len(name.key) >= 2:
            anchors.add("k:" + name.key[:3])
    for link, _s, _e in side.links[index]:
        anchors.add("u:" + link.lower())
    return Unit(
        length=length_units(text),
        anchors=frozenset(anchors),
        question="?" in text or "？" in text,
        exclamation="!" in text or "！" in text,
        quote=bool(side.quotes[index]),
    )


def read_names(original: Side, translation: Side, reader: Reader) -> None:
    """Names of the translation that the Chinese or Japanese original spells (王志斌: Wang Zhibin;
    ウィリアム: William) become names of the original where they stand: anchors for the alignment,
    and names the translation is checked for, like those of an alphabetic original."""
    spellings = sorted({name.text for names in translation.names for name in names if name.script == "latin"})
    changed: set[int] = set()
    for spelling in spellings:
        key = skeleton(spelling)
        if len(key) < 2:
            continue
        for index, start, end in reader.occurrences(spelling):
            if any(n.start < end and start < n.end for n in original.names[index]):
                continue
            name = Name(original.text[start:end], start, end, key, "latin", True, reading=spelling)
            original.names[index].append(name)
            original.keys[index].append(key)
            original.proper_keys.append(key)
            changed.add(index)
    for index in changed:
        original.names[index].sort(key=lambda n: n.start)
        original.units[index] = _unit(original, index)


def keep_shared_anchors(first: Side, second: Side) -> None:
    """Keep the anchors that occur on both sides; of the others, which say nothing about where a
    sentence goes (a German noun), count only the numbers: a sentence with figures the other text
    lacks everywhere is more likely dropped or added than merged into a neighbour."""
    in_first = frozenset().union(*(u.anchors for u in first.units)) if first.units else frozenset()
    in_second = frozenset().union(*(u.anchors for u in second.units)) if second.units else frozenset()
    shared = in_first & in_second
    for side in (first, second):
        side.units = [
            Unit(u.length, u.anchors & shared, sum(1 for a in u.anchors - shared if a[0] in _NUMBER_ANCHORS),
                 u.question, u.exclamation, u.quote)
            for u in side.units
        ]


_NUMBER_ANCHORS = "nt"  # a number or time one text has nowhere still weighs against merging its sentence


def without_links(text: str) -> str:
    """The text with its URLs, e-mail addresses, handles and hashtags blanked."""
    return _LINK.sub(" ", text)


__all__ = ["Name", "Side", "build_side", "demonym_stem", "keep_shared_anchors", "read_names", "without_links"]
