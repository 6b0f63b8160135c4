"""Document model: the text as analysed, its lines, paragraphs, sentences, zones, quotations and
the spans that are not prose (URLs, e-mail addresses, code, markup).

Offsets are character offsets into ``Document.text``. Line endings are normalised to ``\\n`` one
character for one (a CRLF loses its CR, which sits at the end of a line), so a (line, column)
computed here is the (line, column) of the original file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

Span = tuple[int, int]

ZONES = ("headline", "byline", "dateline", "caption", "body", "boilerplate", "blank")

_TLDS = ("com", "org", "net", "gov", "edu", "info", "io", "ua", "ru", "uk", "eu", "de", "fr", "int")
# Linear on hostile input: a domain starts only where a token starts and its parts are matched
# possessively (a run of "a-a-a-" or "a.a.a." costs one pass, not one pass per start position).
_URL = re.compile(
    r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”'‘’)\]]+"""
    r"|(?<![\w.-])[\w-]++(?:\.[\w-]++)++(?:" + "|".join(rf"(?<=\.{tld})" for tld in _TLDS) + r")"
    r"(?:/[^\s<>\"“”)]*+)?(?![\w.])",
    re.IGNORECASE,
)
# Every URL has "://", "www." or a dot and one of the _TLDS (case aside): most articles have none, and
# are spared the scan. Characters that match an ASCII letter case-insensitively without lower-casing
# to it turn the shortcut off.
_URL_NEEDLES = ("://", "www.", *(f".{tld}" for tld in _TLDS))
_FOLD_TRAPS = "\u017f\u212a\u0130\u0131"


def _may_have_url(text: str) -> bool:
    if not text.isascii() and any(c in text for c in _FOLD_TRAPS):
        return True
    lowered = text.lower()
    return any(needle in lowered for needle in _URL_NEEDLES)


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++\b")
_MD_FENCE = re.compile(r"^(?P<fence>```+|~~~+)[^\n]*\n.*?(?:^(?P=fence)[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_BACKTICKS = re.compile(r"`+")
_MD_LINK_TARGET = re.compile(r"\]\([^)\]\n]*\)|^\s{0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE)
# YAML (--- … --- or ...) or TOML (+++ … +++) front matter
_MD_FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\n.*?^(?:---|\.\.\.)|\+\+\+[ \t]*\n.*?^\+\+\+)[ \t]*$", re.MULTILINE | re.DOTALL
)
_HTML_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")
_MD_INDENTED_CODE = re.compile(r"(?:(?<=\n\n)|\A)(?:(?: {4}|\t)[^\n]*\n?)+")

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st jr sr inc corp ltd co vs etc no nos "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m e.g i.e approx est dept "
    "fig mt ft op vol pp cf rev hon maj brig".split()
)
# A run of marks is matched from its first mark only (a match cannot start inside a run): linear in a
# long run of dots.
_SENTENCE_END = re.compile(
    r"(?<![.!?…])[.!?…]+[\"”’'»)\]]*(?=\s+[\"“‘'«(\[]?[A-Z0-9А-ЯЁІЇЄҐ])|[.!?…]+[\"”’'»)\]]*(?=\s*$)"
)
_WORD_BEFORE = re.compile(r"[\w.]+$")
_ABBREVIATION_LOOKBACK = 16  # longer than any abbreviation: a longer word before a dot is not one
_QUOTE_MARK = re.compile("[\"“”«»„]")
_ZONE_HEAD = 300  # byline, caption and dateline patterns look at the start of a line only
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TERMINAL = tuple(".!?…:;\"”’)»]'")


_BYLINE = re.compile(r"^\s*(?:by|author:|written by|reporting by|words by|text:)\s+\S", re.IGNORECASE)
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]+)?\s*"
    r"\((?:AP|AFP|Reuters|UNIAN|Ukrinform|TASS|RIA|Bloomberg|dpa|Xinhua|IANS|PTI)\)\s*[—–-]",
)
_CAPTION = re.compile(
    r"^\s*(?:photo|photograph|image|picture|pictured|caption|illustration)\s*(?:credit)?\s*[:|]", re.IGNORECASE
)


@dataclass
class Document:
    """One text to audit. Build with :meth:`from_text`."""

    text: str
    path: str = "<text>"
    markup: str = "text"  # "text" or "markdown"
    line_starts: list[int] = field(default_factory=list)
    line_endings: list[str] = field(default_factory=list)  # the original ending of each line
    had_bom: bool = False
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)  # one per line
    quotes: list[Span] = field(default_factory=list)  # each includes its marks; sorted
    protected: list[Span] = field(default_factory=list)  # not prose; sorted, disjoint
    dateline: Span | None = None

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
        doc = cls(text=text, path=path, markup=markup, line_endings=endings, had_bom=had_bom)
        doc._index_lines()
        doc._find_protected()
        doc._split_paragraphs()
        doc._split_sentences()
        doc._find_quotes()
        doc._assign_zones()
        return doc

    def _index_lines(self) -> None:
        starts = [0]
        find = self.text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.line_starts = starts

    def _find_protected(self) -> None:
        text = self.text
        spans: list[Span] = [m.span() for m in _URL.finditer(text)] if _may_have_url(text) else []
        if "@" in text:
            spans += [m.span() for m in _EMAIL.finditer(text)]
        spans += _html_comments(text)
        if self.markup == "markdown":
            for pattern in (_MD_FRONT_MATTER, _MD_FENCE, _MD_LINK_TARGET, _HTML_TAG, _MD_INDENTED_CODE):
                spans += [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
            spans += _code_spans(text)
        self.protected = _merge(spans)

    def _split_paragraphs(self) -> None:
        """Paragraphs are blank-line separated blocks; inside a block each line is a paragraph of its
        own unless it is visibly wrapped (long, no terminal punctuation, next line starts lower-case)."""
        paragraphs: list[Span] = []
        current: Span | None = None
        previous_line = ""  # the last line of `current` (looking at it alone keeps this linear)
        for number in range(len(self.line_starts)):
            start, end = self.line_span(number)
            line = self.text[start:end]
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
        trimmed = []
        for start, end in paragraphs:
            chunk = self.text[start:end]
            left = len(chunk) - len(chunk.lstrip())
            right = len(chunk.rstrip())
            trimmed.append((start + left, start + right))
        self.paragraphs = trimmed

    def _split_sentences(self) -> None:
        sentences: list[Span] = []
        for p_start, p_end in self.paragraphs:
            chunk = self.text[p_start:p_end]
            begin = 0
            for match in _SENTENCE_END.finditer(chunk):
                stop = match.end()
                if match.group().startswith(".") and _is_abbreviation(chunk, match.start()):
                    continue
                piece = chunk[begin:stop]
                if piece.strip():
                    lead = len(piece) - len(piece.lstrip())
                    sentences.append((p_start + begin + lead, p_start + stop))
                begin = stop
            rest = chunk[begin:]
            if rest.strip():
                lead = len(rest) - len(rest.lstrip())
                sentences.append((p_start + begin + lead, p_start + len(chunk.rstrip())))
        self.sentences = sentences

    def _find_quotes(self) -> None:
        """Pair double quotation marks paragraph by paragraph, by position rather than by shape, so
        that a wrongly oriented mark still closes; an unclosed quotation runs to the paragraph end."""
        quotes: list[Span] = []
        text = self.text
        for p_start, p_end in self.paragraphs:
            opened: int | None = None
            for mark in _QUOTE_MARK.finditer(text, p_start, p_end):
                offset = mark.start()
                if self.is_protected(offset, offset + 1):
                    continue
                if opened is None:
                    opened = offset
                else:
                    quotes.append((opened, offset + 1))
                    opened = None
            if opened is not None:
                quotes.append((opened, p_end))
        self.quotes = quotes

    def reassign_zones(self, furniture: set[int]) -> None:
        """Recompute zones with these 0-based lines known to be page furniture (boilerplate)."""
        self._assign_zones(furniture)

    def _assign_zones(self, furniture: set[int] | None = None) -> None:
        zones: list[str] = []
        headline_seen = False
        self.dateline = None
        for number in range(len(self.line_starts)):
            start, end = self.line_span(number)
            line = self.text[start:end].strip()
            if not line:
                zones.append("blank")
                continue
            head = line[:_ZONE_HEAD]
            if furniture and number in furniture:
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
                raw_line = self.text[start : min(end, start + _ZONE_HEAD)]
                match = _DATELINE.match(raw_line) if self.dateline is None else None
                if match:
                    self.dateline = (start, start + match.end())
        self.zones = zones

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
        index = bisect.bisect_right(self.quotes, (start, float("inf"))) - 1
        return index >= 0 and self.quotes[index][0] <= start and end <= self.quotes[index][1]

    def zone_at(self, offset: int) -> str:
        return self.zones[self.line_of(offset)]

    def paragraph_at(self, offset: int) -> Span:
        index = bisect.bisect_right(self.paragraphs, (offset, float("inf"))) - 1
        if index >= 0 and self.paragraphs[index][0] <= offset <= self.paragraphs[index][1]:
            return self.paragraphs[index]
        line = self.line_of(offset)
        return self.line_span(line)

    def sentence_at(self, offset: int) -> Span:
        index = bisect.bisect_right(self.sentences, (offset, float("inf"))) - 1
        if index >= 0 and self.sentences[index][0] <= offset <= self.sentences[index][1]:
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


def _is_abbreviation(chunk: str, dot: int) -> bool:
    # Only the last few characters before the dot are looked at: searching from the paragraph start
    # made sentence splitting quadratic in the paragraph length.
    match = _WORD_BEFORE.search(chunk, max(0, dot - _ABBREVIATION_LOOKBACK), dot)
    if not match or (match.start() == dot - _ABBREVIATION_LOOKBACK and dot > _ABBREVIATION_LOOKBACK):
        return False
    word = match.group().lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha()


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


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _overlaps_any(spans: list[Span], start: int, end: int) -> bool:
    if not spans:
        return False
    index = bisect.bisect_right(spans, (end, -1)) - 1
    # spans are disjoint and sorted: only the last span starting before `end` can overlap
    while index >= 0:
        s, e = spans[index]
        if e <= start:
            return False
        if s < end and start < e:
            return True
        index -= 1
    return False
