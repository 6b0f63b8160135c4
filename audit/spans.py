"""A compact list of text spans: the (start, end) pairs of a document's paragraphs, sentences,
quotations and protected stretches, kept as two arrays of machine integers (16 bytes a span instead
of about 120 for a tuple of two ints in a list). A dense file (16 MB of `Yes. `, of URLs, of
quotation marks) has millions of spans: as tuples they took 400-600 MB.

It reads like a list of tuples (indexing, iteration, len, bisect, ==), so callers need not know.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

Span = tuple[int, int]


class SpanList(Sequence[Span]):
    """(start, end) pairs, appended in order."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.starts = array("q")
        self.ends = array("q")
        for start, end in spans:
            self.starts.append(start)
            self.ends.append(end)

    def append(self, span: Span) -> None:
        self.starts.append(span[0])
        self.ends.append(span[1])

    def replace_last(self, span: Span) -> None:
        self.starts[-1], self.ends[-1] = span

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> SpanList: ...

    def __getitem__(self, index: int | slice) -> Span | SpanList:
        if isinstance(index, slice):
            return SpanList(zip(self.starts[index], self.ends[index], strict=True))
        return self.starts[index], self.ends[index]

    def __iter__(self) -> Iterator[Span]:
        return zip(self.starts, self.ends, strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpanList):
            return self.starts == other.starts and self.ends == other.ends
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == tuple(b) for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SpanList({list(self)!r})"

    def last_starting_at_or_before(self, offset: int) -> int:
        """The index of the last span that starts at or before `offset` (-1: none)."""
        return bisect.bisect_right(self.starts, offset) - 1

    def last_starting_before(self, offset: int) -> int:
        """The index of the last span that starts before `offset` (-1: none)."""
        return bisect.bisect_left(self.starts, offset) - 1


def merged(spans: Iterable[Span]) -> SpanList:
    """Sorted `spans` (already in order of start) with overlapping and touching ones joined."""
    out = SpanList()
    for start, end in spans:
        if out and start <= out.ends[-1]:
            if end > out.ends[-1]:
                out.ends[-1] = end
        else:
            out.append((start, end))
    return out


__all__ = ["Span", "SpanList", "merged"]
