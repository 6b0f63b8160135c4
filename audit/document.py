"""Document model: the text as analysed, its lines, paragraphs, sentences, zones, quotations and
the spans that are not prose (URLs, e-mail addresses, code, markup).

Offsets are character offsets into ``Document.text``. Line endings are normalised to ``\\n`` one
character for one (a CRLF loses its CR, which sits at the end of a line), so a (line, column)
computed here is the (line, column) of the original file.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import re
from collections.abc import Iterable, Iterator
from dataclasses import field, replace

from .spans import Span, SpanList, merged
from .text.dataclass_code import dataclass
from .text.folding import FOLD_TRAPS
from .text.lazy import lazy_compile
from .text.plain import plain_text, unsafe_characters
from .text.sentences import iter_sentences
from .text.shipped import compiled_re
from .text.words import space_chunks

ZONES = ("headline", "byline", "dateline", "caption", "body", "boilerplate", "blank")

_TLDS = ("com", "org", "net", "gov", "edu", "info", "io", "ua", "ru", "uk", "eu", "de", "fr", "int")
# Linear on hostile input: a domain starts only where a token starts and its parts are matched
# possessively (a run of "a-a-a-" or "a.a.a." costs one pass, not one pass per start position).
_URL = lazy_compile(
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”'‘’)\]]+"""
    r"|(?<![\w.-])[\w-]++(?:\.[\w-]++)++(?:" + "|".join(rf"(?<=\.{tld})" for tld in _TLDS) + r")"
    r"(?:/[^\s<>\"“”)]*+)?(?![\w.])",
    re.IGNORECASE,
)
# Every URL has "://", "www." or a dot and one of the _TLDS (case aside), and no white space: the URL
# pattern runs only on the pieces of the text (cut before white space, a few thousand characters each)
# where one of these occurs, so most articles are spared the scan and a long file scans a few pieces.
# Characters that match an ASCII letter case-insensitively without lower-casing to it turn the
# shortcut off.
_URL_NEEDLES = ("://", "www.", *(f".{tld}" for tld in _TLDS))
_URL_NEEDLE = compiled_re("|".join(map(re.escape, _URL_NEEDLES)))  # one pass for all of them
_SCAN_REGION = 2_000  # characters of a piece whose needles decide whether a pattern scans it


def _url_spans(text: str) -> Iterator[Span]:
    if not text.isascii() and any(c in text for c in FOLD_TRAPS):
        yield from (m.span() for m in _URL.finditer(text))
        return
    for start, end in space_chunks(text, _SCAN_REGION):
        if _URL_NEEDLE.search(text[start:end].lower()):
            yield from (m.span() for m in _URL.finditer(text, start, end))


def _email_spans(text: str) -> Iterator[Span]:
    """The e-mail addresses (each holds "@" and no white space), scanned for where an "@" is."""
    for start, end in space_chunks(text, _SCAN_REGION):
        if "@" in text[start:end]:
            yield from (m.span() for m in _EMAIL.finditer(text, start, end))


_EMAIL = lazy_compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++\b")
_MD_FENCE = lazy_compile(r"^(?P<fence>```+|~~~+)[^\n]*\n.*?(?:^(?P=fence)[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_BACKTICKS = lazy_compile(r"`+")
_MD_LINK_TARGET = lazy_compile(r"\]\([^)\]\n]*\)|^\s{0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE)
# YAML (--- … --- or ...) or TOML (+++ … +++) front matter
_MD_FRONT_MATTER = lazy_compile(
    r"\A(?:---[ \t]*\n.*?^(?:---|\.\.\.)|\+\+\+[ \t]*\n.*?^\+\+\+)[ \t]*$", re.MULTILINE | re.DOTALL
)
_HTML_TAG = lazy_compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")
_MD_INDENTED_CODE = lazy_compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*\n?)+")

_QUOTE_MARK = compiled_re("[\"“”«»„]")
_ZONE_HEAD = 300  # byline, caption and dateline patterns look at the start of a line only
_LINE_BREAK = lazy_compile(r"\r\n|\r|\n")
_TERMINAL = tuple(".!?…:;\"”’)»]'")


_BYLINE = compiled_re(r"^\s*(?:by|author:|written by|reporting by|words by|text:)\s+\S", re.IGNORECASE)
_DATELINE = compiled_re(
    r"^\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]+)?\s*"
    r"\((?:AP|AFP|Reuters|UNIAN|Ukrinform|TASS|RIA|Bloomberg|dpa|Xinhua|IANS|PTI)\)\s*[—–-]",
)
_CAPTION = compiled_re(
    r"^\s*(?:photo|photograph|image|picture|pictured|caption|illustration)\s*(?:credit)?\s*[:|]", re.IGNORECASE
)


@dataclass(frozen=True, eq=False)
class Document:
    """One text to audit, complete when made (build it with :meth:`from_text`) and never changed:
    the pipeline's reading of page furniture gives a new Document (:meth:`with_furniture`)."""

    text: str
    path: str = "<text>"
    markup: str = "text"  # "text" or "markdown"
    line_starts: list[int] = field(default_factory=list)
    line_endings: list[str] = field(default_factory=list)  # the original ending of each line
    had_bom: bool = False
    paragraphs: SpanList = field(default_factory=SpanList)
    sentences: SpanList = field(default_factory=SpanList)
    zones: list[str] = field(default_factory=list)  # one per line
    quotes: SpanList = field(default_factory=SpanList)  # each includes its marks; sorted
    protected: SpanList = field(default_factory=SpanList)  # not prose; sorted, disjoint
    dateline: Span | None = None
    furniture: frozenset[int] = frozenset()  # 0-based lines known to be page furniture
    # every character is read alike by `re` and `regex` (audit.text.plain): the rule patterns' faster
    # `re` twins may run on it
    plain: bool = False

    # ----------------------------------------------------------------- construction
    @classmethod
    def from_text(cls, raw: str, path: str = "<text>", markup: str | None = None) -> Document:
        had_bom = raw.startswith("\ufeff")
        if had_bom:
            raw = raw[1:]
        if "\r" in raw:
            endings = _LINE_BREAK.findall(raw)
            # A CRLF loses its CR (the last character of its line); a lone CR becomes LF one for one.
            text = raw.replace("\r\n", "\n").replace("\r", "\n")
        else:
            endings = []
            text = raw
        if markup is None:
            markup = "markdown" if path.lower().endswith((".md", ".markdown")) else "text"
        line_starts = _line_starts(text)
        protected = _protected_spans(text, markup)
        paragraphs = _paragraphs(text, line_starts)
        sentences = SpanList(span for start, end in paragraphs for span in iter_sentences(text, start, end))
        quotes = _quotations(text, paragraphs, protected)
        zones, dateline = _zones(text, line_starts, frozenset())
        return cls(
            text=text,
            path=path,
            markup=markup,
            line_starts=line_starts,
            line_endings=endings,
            had_bom=had_bom,
            paragraphs=paragraphs,
            sentences=sentences,
            zones=zones,
            quotes=quotes,
            protected=protected,
            dateline=dateline,
            plain=plain_text(text),
        )

    @functools.cached_property
    def unsafe_characters(self) -> frozenset[str] | None:
        """The characters `re` and `regex` may read differently (audit.text.plain); None: never plain."""
        return unsafe_characters(self.text)

    def with_furniture(self, lines: frozenset[int]) -> Document:
        """The same document with these 0-based lines known to be page furniture (zone `boilerplate`):
        the zones and the dateline are read again; `self` is unchanged."""
        if lines == self.furniture:
            return self
        zones, dateline = _zones(self.text, self.line_starts, lines)
        return replace(self, zones=zones, dateline=dateline, furniture=lines)

    # ----------------------------------------------------------------- queries
    def line_span(self, line_index: int) -> Span:
        """(start, end) of a 0-based line, without its line break."""
        start = self.line_starts[line_index]
        if line_index + 1 < len(self.line_starts):
            return start, self.line_starts[line_index + 1] - 1
        return start, len(self.text)

    def line_text(self, line_index: int) -> str:
        start, end = self.line_span(line_index)
        return self.text[start:end]

    def line_of(self, offset: int) -> int:
        """0-based line index of an offset."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        line = self.line_of(offset)
        return line + 1, offset - self.line_starts[line] + 1

    def is_protected(self, start: int, end: int) -> bool:
        """Does [start, end) overlap a span that is not prose?"""
        return _overlaps_any(self.protected, start, end)

    def quote_at(self, start: int, end: int) -> bool:
        """Is [start, end) inside a quotation?"""
        quotes = self.quotes
        index = quotes.last_starting_at_or_before(start)
        return index >= 0 and end <= quotes.ends[index]

    def zone_at(self, offset: int) -> str:
        return self.zones[self.line_of(offset)]

    def paragraph_at(self, offset: int) -> Span:
        index = self.paragraphs.last_starting_at_or_before(offset)
        if index >= 0 and offset <= self.paragraphs.ends[index]:
            return self.paragraphs[index]
        line = self.line_of(offset)
        return self.line_span(line)

    def sentence_at(self, offset: int) -> Span:
        index = self.sentences.last_starting_at_or_before(offset)
        if index >= 0 and offset <= self.sentences.ends[index]:
            return self.sentences[index]
        return self.paragraph_at(offset)

    def lines(self) -> Iterator[tuple[int, int, int]]:
        """(0-based index, start, end) of every line."""
        for index in range(len(self.line_starts)):
            start, end = self.line_span(index)
            yield index, start, end

    def body_text(self) -> str:
        """The text of the body zone (and datelines), boilerplate, headline and captions left out."""
        parts = []
        for index, start, end in self.lines():
            if self.zones[index] == "body":
                parts.append(self.text[start:end])
        text = "\n".join(parts)
        if self.dateline:
            prefix = self.text[self.dateline[0] : self.dateline[1]]
            text = text.replace(prefix, "", 1)
        return text


def _looks_like_headline(line: str) -> bool:
    words = line.split(maxsplit=26)
    return 1 <= len(words) <= 25 and not line.endswith((".", ",", ";")) and not _DATELINE.match(line[:_ZONE_HEAD])


def _html_comments(text: str) -> list[Span]:
    """<!-- … --> spans, found in one pass (an unclosed comment protects nothing)."""
    spans: list[Span] = []
    start = text.find("<!--")
    while start != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            break
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


def _code_spans(text: str) -> list[Span]:
    """Markdown code spans: a run of backticks closed by the next run of the same length, found
    in O(n log n) (a regular expression rescans the rest of the text for each unclosed run)."""
    runs = [m.span() for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans: list[Span] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        following = bisect.bisect_right(same, index)
        if following < len(same):
            closing = same[following]
            spans.append((start, runs[closing][1]))
            index = closing + 1
        else:
            index += 1
    return spans


def _overlaps_any(spans: SpanList, start: int, end: int) -> bool:
    if not spans:
        return False
    index = spans.last_starting_before(end)
    # spans are disjoint and sorted: only the last span starting before `end` can overlap
    starts, ends = spans.starts, spans.ends
    while index >= 0:
        s, e = starts[index], ends[index]
        if e <= start:
            return False
        if s < end and start < e:
            return True
        index -= 1
    return False


# --------------------------------------------------------------------- construction helpers
def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def _line_span(text: str, line_starts: list[int], line_index: int) -> Span:
    start = line_starts[line_index]
    if line_index + 1 < len(line_starts):
        return start, line_starts[line_index + 1] - 1
    return start, len(text)


def _protected_spans(text: str, markup: str) -> SpanList:
    # each source gives its spans in order: merged as they come, with no list of them all (a file of
    # URLs has millions)
    sources: list[Iterable[Span]] = [_url_spans(text)]
    if "@" in text:
        sources.append(_email_spans(text))
    sources.append(_html_comments(text))
    if markup == "markdown":
        for pattern in (_MD_FRONT_MATTER, _MD_FENCE, _MD_LINK_TARGET, _HTML_TAG, _MD_INDENTED_CODE):
            sources.append(m.span() for m in pattern.finditer(text) if m.end() > m.start())
        sources.append(_code_spans(text))
    return merged(heapq.merge(*sources))


def _paragraphs(text: str, line_starts: list[int]) -> SpanList:
    """Paragraphs are blank-line separated blocks; inside a block each line is a paragraph of its
    own unless it is visibly wrapped (long, no terminal punctuation, next line starts lower-case)."""
    paragraphs = SpanList()
    current: Span | None = None
    previous_line = ""  # the last line of `current` (looking at it alone keeps this linear)
    for number in range(len(line_starts)):
        start, end = _line_span(text, line_starts, number)
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
            current = None
            continue
        if current is None:
            current = (start, end)
            previous_line = line
            continue
        previous = previous_line.rstrip()
        previous_line = line
        wrapped = (
            len(previous) >= 50
            and not previous.endswith(_TERMINAL)
            and (stripped[0].islower() or stripped[0].isdigit())
        )
        if wrapped:
            current = (current[0], end)
        else:
            paragraphs.append(current)
            current = (start, end)
    if current:
        paragraphs.append(current)
    # trim surrounding white space so spans start and end on text
    for index, (start, end) in enumerate(paragraphs):
        chunk = text[start:end]
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        paragraphs.starts[index], paragraphs.ends[index] = start + left, start + right
    return paragraphs


def _quotations(text: str, paragraphs: SpanList, protected: SpanList) -> SpanList:
    """Pair double quotation marks paragraph by paragraph, by position rather than by shape, so
    that a wrongly oriented mark still closes; an unclosed quotation runs to the paragraph end."""
    quotes = SpanList()
    for p_start, p_end in paragraphs:
        opened: int | None = None
        for mark in _QUOTE_MARK.finditer(text, p_start, p_end):
            offset = mark.start()
            if _overlaps_any(protected, offset, offset + 1):
                continue
            if opened is None:
                opened = offset
            else:
                quotes.append((opened, offset + 1))
                opened = None
        if opened is not None:
            quotes.append((opened, p_end))
    return quotes


def _zones(text: str, line_starts: list[int], furniture: frozenset[int]) -> tuple[list[str], Span | None]:
    """The zone of every line, and the dateline's span, with these lines known to be page furniture."""
    zones: list[str] = []
    headline_seen = False
    dateline: Span | None = None
    for number in range(len(line_starts)):
        start, end = _line_span(text, line_starts, number)
        line = text[start:end].strip()
        if not line:
            zones.append("blank")
            continue
        head = line[:_ZONE_HEAD]
        if number in furniture:
            zones.append("boilerplate")
        elif _BYLINE.match(head):
            zones.append("byline")
        elif _CAPTION.match(head):
            zones.append("caption")
        elif not headline_seen and _looks_like_headline(line):
            zones.append("headline")
            headline_seen = True
        else:
            zones.append("body")
            headline_seen = True
            raw_line = text[start : min(end, start + _ZONE_HEAD)]
            match = _DATELINE.match(raw_line) if dateline is None else None
            if match:
                dateline = (start, start + match.end())
    return zones, dateline
