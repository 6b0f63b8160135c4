"""A long text read a piece at a time: a transformed copy of it (lower-cased, folded) made a megabyte
at a time when it is read, and windows of a text for automaton scans, so that no second copy of a
20 MB text (40-80 MB of str) is ever made whole."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from .words import SPACE_CHUNK, space_chunks


class Pieces:
    """`transform(text)` for a transform that maps every character to one character and reads no
    context across white space (str.lower, folding), made piece by piece (audit.text.words
    space_chunks: each cut just before white space) each time it is iterated. A text of one piece is
    transformed once and kept (it is short)."""

    __slots__ = ("text", "transform", "_whole")

    def __init__(self, text: str, transform: Callable[[str], str]) -> None:
        self.text = text
        self.transform = transform
        self._whole: str | None = None

    def __len__(self) -> int:
        return len(self.text)

    def __iter__(self) -> Iterator[str]:
        text = self.text
        if len(text) <= SPACE_CHUNK:
            if text:
                if self._whole is None:
                    self._whole = self.transform(text)
                yield self._whole
            return
        for start, end in space_chunks(text):
            yield self.transform(text[start:end])

    def found(self, strings: Iterable[str]) -> set[str]:
        """Those of `strings` that the transformed text holds (across the cuts between pieces too), in
        one pass over its pieces."""
        wanted = set(strings)
        if not wanted:
            return set()
        before = max(len(string) for string in wanted) - 1
        present: set[str] = set()
        for _offset, _own, _stop, window in windows(self, before, SPACE_CHUNK):
            present.update(string for string in wanted if string in window)
            wanted -= present
            if not wanted:
                break
        return present

    def __contains__(self, string: object) -> bool:
        """`string in pieces`: a substring test of the transformed text (one pass: for many strings
        use `found`)."""
        return isinstance(string, str) and string in self.found([string])

    def whole(self) -> str:
        """The transformed text, in one string (a copy the size of the text)."""
        return "".join(self)


def windows(text: str | Pieces, before: int, size: int) -> Iterator[tuple[int, int, int, str]]:
    """(offset, own, stop, window) covering `text` (a str cut every `size` characters, or Pieces by
    their pieces): each piece is `window[own:stop]`, with the `before` characters that precede it
    (fewer at the start) and the one that follows it (none at the end); `offset` is where the window
    starts in the text. An automaton fed the window is in the same state at `own` as one fed the
    whole text, if no key is longer than `before`; its matches ending in [own, stop) are the piece's."""
    parts: Iterator[str]
    if isinstance(text, str):
        parts = (text[start : start + size] for start in range(0, len(text), size))
    else:
        parts = iter(text)
    tail = ""  # the `before` characters before the current piece
    offset = 0  # where the current piece starts in the text
    current = next(parts, None)
    while current is not None:
        following = next(parts, None)
        window = tail + current + following[:1] if following else tail + current
        yield offset - len(tail), len(tail), len(tail) + len(current), window
        offset += len(current)
        if before:
            tail = current[-before:] if len(current) >= before else (tail + current)[-before:]
        current = following


LINES_MIN_CHARS = 100_000  # a text longer than this is worth scanning a line at a time (lines_holding)


def lines_holding(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each line of `text` (its line break left out) that holds a match of `pattern`
    (whose matches hold no line break), in order: where a long text need be scanned for matches that
    hold one of `pattern` and no line break, and whose look-arounds read no further than a line break.
    A scan of each line from its start to its end finds what a scan of the whole text finds there."""
    at = 0
    while (found := pattern.search(text, at)) is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.start())
        at = end = len(text) if end < 0 else end
        yield start, end


__all__ = ["LINES_MIN_CHARS", "Pieces", "lines_holding", "windows"]
