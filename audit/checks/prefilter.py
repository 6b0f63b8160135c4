"""Literal prefilters for rule regexes: the strings of which every match must contain one.

A rule whose strings are all absent from a document cannot match it, and its regex is not run: most
rule regexes name a rare word, so most documents are scanned by a handful of them instead of all.
The strings are derived from Python's own regular-expression parser; anything it does not read the
way the `regex` module does (POSIX classes, fuzzy matching, \\p{…}) gets no prefilter and always runs.
"""

from __future__ import annotations

import bisect
import functools
import re
import warnings
from array import array
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

import regex

from ..text.lazy import lazy_compile
from ..text.pieces import Pieces, windows
from ..text.words import distinct_matches

try:  # Python 3.11+
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

MIN_LENGTH = 3  # a shorter literal filters too little to be worth the test (a rare mark counts as 3)
_RARE = frozenset("@#<>[]{}|^~\\*=")
# Syntax that Python's parser reads differently from the `regex` module, or not at all.
# (a POSIX class "[:alpha:]" is looked for inside a set only: "[:;]" is a set of two marks)
_UNSUPPORTED = lazy_compile(r"\[(?:\\.|[^\]\\])*\[:|\\[pPLNXGKmM]|\{(?!\d*,?\d*\})|\(\?[^:=!<>P#(]*[Vrwfbe]")

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


_GROUP_NAME = lazy_compile(r"\(\?P<(\w+)>")


@functools.lru_cache(maxsize=4096)  # each pattern is read five ways (literals, prefixes, pieces, reach, look-behinds)
def _parse(pattern: str) -> Any:
    """Python's parse tree of the pattern (shared: read it, never change it), or None. A group name
    used twice (allowed by `regex`, one name for the same part of alternative branches) is renamed
    past its first use."""
    if _UNSUPPORTED.search(pattern):
        return None
    seen: dict[str, int] = {}

    def rename(match: re.Match) -> str:
        name = match.group(1)
        seen[name] = seen.get(name, 0) + 1
        return match.group() if seen[name] == 1 else f"(?P<{name}__{seen[name]}>"

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _p.parse(_GROUP_NAME.sub(rename, pattern))
    except Exception:  # not readable by Python's parser: no prefilter
        return None


def required_literals(pattern: str, min_weight: int = MIN_LENGTH, classes: bool = False) -> frozenset[str] | None:
    """Lower-case ASCII strings of which every match of `pattern` contains one, or None. `min_weight`:
    the least weight of a string worth looking for; `classes`: a small set of characters (``[#@]``)
    counts as so many strings of one character."""
    tree = _parse(pattern)
    if tree is None:
        return None
    found = _sequence(list(tree), classes)
    if not found or min(map(weight, found)) < min_weight:
        return None
    return frozenset(found)


def weight(literal: str) -> int:
    """How rare a string looks: a character outside ASCII or a rare mark counts 3, others 1."""
    return sum(3 if (not c.isascii() or c in _RARE) else 1 for c in literal)


def _caseless(char: str) -> bool:
    """An ASCII character, or one without case (quotation marks, dashes): lower-casing finds it."""
    return char.isascii() or (char.lower() == char == char.upper() and char.casefold() == char)


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(weight, a)), -len(a)) >= (min(map(weight, b)), -len(b)) else b


def _literal_set(run: list[str]) -> set[str] | None:
    text = "".join(run).lower()
    return {text} if text and all(map(_caseless, text)) else None


def _sequence(items: list[tuple[Any, Any]], classes: bool = False) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []
    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        best = _better(best, _literal_set(run))
        run = []
        best = _better(best, _node(op, arg, classes))
    return _better(best, _literal_set(run))


def _node(op: Any, arg: Any, classes: bool = False) -> set[str] | None:
    if op is _c.SUBPATTERN:
        return _sequence(list(arg[-1]), classes)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(arg), classes)
    if op in _REPEATS:
        low, _high, item = arg
        return _sequence(list(item), classes) if low >= 1 else None
    if op is _c.BRANCH:
        union: set[str] = set()
        for alternative in arg[1]:
            found = _sequence(list(alternative), classes)
            if not found:
                return None
            union |= found
        return union
    if op is _c.ASSERT:  # a positive look-around: what it looks at is in the text too
        return _sequence(list(arg[1]), classes)
    if op is _c.IN and classes:  # a small set of characters, each found by lower-casing
        chars = _start_node(op, arg)
        return {char for char, _complete in chars} if chars else None
    return None  # classes, anchors, negative look-arounds, back-references: no literal required


# -- literal prefixes: where a match can start

MAX_PREFIXES = 64
MAX_PREFIX_LENGTH = 12
MAX_CLASS_CHARS = 10
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}


def required_prefixes(pattern: str, min_length: int = 2) -> frozenset[str] | None:
    """Lower-case strings one of which starts (in the lower-cased text) every match of `pattern`, or
    None: a match can start only where one of them occurs, so the pattern need be tried only there."""
    tree = _parse(pattern)
    if tree is None:
        return None
    found = _starts(list(tree))
    if found is None or not found or min(len(p) for p, _complete in found) < min_length:
        return None
    return frozenset(p for p, _complete in found)


def _starts(items: list[tuple[Any, Any]]) -> set[tuple[str, bool]] | None:
    """(prefix, complete) pairs: every match of the sequence starts with one prefix; `complete` says the
    prefix is the whole of what its alternative consumes (so what follows may be appended)."""
    result: set[tuple[str, bool]] = {("", True)}
    for op, arg in items:
        if not any(complete for _p2, complete in result):
            break
        if op is _c.ASSERT and arg[0] == 1:
            # a look-ahead: the text goes on with what it matches, but the next item starts where it does
            ahead = _starts(list(arg[1]))
            if ahead is not None:
                result = {
                    (prefix + more, False) if complete else (prefix, False)
                    for prefix, complete in result
                    for more, _c2 in ahead
                }
                if len(result) > MAX_PREFIXES:
                    return None
            continue
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the prefix continues after it
        alternatives = _start_node(op, arg)
        combined: set[tuple[str, bool]] = set()
        for prefix, complete in result:
            if not complete:
                combined.add((prefix, False))
            elif alternatives is None:
                combined.add((prefix, False))
            else:
                for more, more_complete in alternatives:
                    joined = prefix + more
                    if len(joined) > MAX_PREFIX_LENGTH:
                        combined.add((joined[:MAX_PREFIX_LENGTH], False))
                    else:
                        combined.add((joined, more_complete))
        if len(combined) > MAX_PREFIXES:
            return None
        result = combined
    return result


def _start_node(op: Any, arg: Any) -> set[tuple[str, bool]] | None:
    if op is _c.LITERAL:
        char = chr(arg).lower()
        return {(char, True)} if _caseless(char) and len(char) == 1 else None
    if op is _c.IN:
        chars = set()
        for item_op, item_arg in arg:
            if item_op is _c.LITERAL:
                chars.add(chr(item_arg).lower())
            elif item_op is _c.RANGE and item_arg[1] - item_arg[0] < MAX_CLASS_CHARS:
                chars.update(chr(code).lower() for code in range(item_arg[0], item_arg[1] + 1))
            else:
                return None  # a negated set, a category (\d, \w: not only ASCII), a wide range
        if not chars or len(chars) > MAX_CLASS_CHARS or not all(_caseless(c) and len(c) == 1 for c in chars):
            return None
        return {(c, True) for c in chars}
    if op is _c.SUBPATTERN:
        return _starts(list(arg[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _starts(list(arg))
    if op in _REPEATS:
        low, high, item = arg
        inner = _starts(list(item))
        if low == 0:
            if inner is None:
                return None
            if high == 1:  # none or exactly one: what follows comes right after either
                return inner | {("", True)}
            return {(p, False) for p, _complete in inner} | {("", True)}
        if inner is None:
            return None
        exact = low == high == 1
        return {(p, complete and exact) for p, complete in inner}
    if op is _c.BRANCH:
        union: set[tuple[str, bool]] = set()
        for alternative in arg[1]:
            found = _starts(list(alternative))
            if found is None:
                return None
            union |= found
        return union
    return None  # classes, any character, back-references, conditionals: anything may start here


def lookbehinds_bounded(pattern: str) -> bool:
    """Can every look-behind of the pattern match only a bounded number of characters (so that trying
    it costs a bounded time at each position)? False for a pattern Python's parser does not read."""
    tree = _parse(pattern)
    return tree is not None and _bounded_behind(list(tree))


def _bounded_behind(items: list[tuple[Any, Any]]) -> bool:
    for op, arg in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            if arg[0] == -1 and arg[1].getwidth()[1] >= _c.MAXREPEAT:
                return False
            inner = [list(arg[1])]
        elif op is _c.SUBPATTERN:
            inner = [list(arg[-1])]
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            inner = [list(arg)]
        elif op in _REPEATS:
            inner = [list(arg[2])]
        elif op is _c.BRANCH:
            inner = [list(alternative) for alternative in arg[1]]
        elif op is _c.GROUPREF_EXISTS:
            inner = [list(branch) for branch in arg[1:] if branch is not None]
        else:
            continue
        if not all(_bounded_behind(sequence) for sequence in inner):
            return False
    return True


# -- characters outside ASCII: a pattern that needs one (a Cyrillic letter) cannot match an English text

_PROPERTY = lazy_compile(r"\\[pP](?:\{[^}]*\}|[A-Za-z])|\\.", re.DOTALL)  # \p{…} (or any other escape)
_STAND_IN = 0xF0000  # private-use characters stand for the \p{…} classes while Python's parser reads a pattern
_ESCAPED = lazy_compile(r"\\[uUxNp]")  # how an ASCII pattern names a character outside ASCII


def required_outside_ascii(pattern: str) -> str | None:
    r"""A one-character `regex` pattern (a class, or an alternation of classes) that matches no ASCII
    character, one of whose characters every match of `pattern` holds or looks at; None when there is
    none. A text without such a character (an ASCII one, most English copy) is no text the pattern
    can match. Classes named by properties (\p{Cyrillic}) are read too: each stands in for one
    character while Python's parser reads the pattern."""
    if pattern.isascii() and not _ESCAPED.search(pattern):
        return None
    if any(ord(c) >= _STAND_IN for c in pattern):
        return None
    properties: list[str] = []

    def stand_in(match: re.Match) -> str:
        if match.group()[1] not in "pP":
            return match.group()
        properties.append(match.group())
        return chr(_STAND_IN + len(properties) - 1)

    tree = _parse(_PROPERTY.sub(stand_in, pattern))
    if tree is None:
        return None
    found = _outside_sequence(list(tree), properties)
    return "|".join(found) if found else None


def _outside_sequence(items: list[tuple[Any, Any]], properties: list[str]) -> list[str] | None:
    for op, arg in items:
        found = _outside_node(op, arg, properties)
        if found:
            return found
    return None


def _outside_node(op: Any, arg: Any, properties: list[str]) -> list[str] | None:
    if op is _c.LITERAL or op is _c.IN:
        members = [(op, arg)] if op is _c.LITERAL else list(arg)
        parts = []
        for member_op, member_arg in members:
            if member_op is _c.LITERAL:
                parts.append(_class_member(member_arg, properties))
            elif member_op is _c.RANGE:
                parts.append(f"{_class_member(member_arg[0], properties)}-{_class_member(member_arg[1], properties)}")
            else:  # a negated set, a category (\d, \w): ASCII characters match
                return None
        source = f"[{''.join(parts)}]"
        return [source] if matches_no_ascii(source) else None
    if op is _c.SUBPATTERN:
        return _outside_sequence(list(arg[-1]), properties)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _outside_sequence(list(arg), properties)
    if op in _REPEATS:
        return _outside_sequence(list(arg[2]), properties) if arg[0] >= 1 else None
    if op is _c.BRANCH:
        union: list[str] = []
        for alternative in arg[1]:
            found = _outside_sequence(list(alternative), properties)
            if not found:
                return None
            union += found
        return union
    if op is _c.ASSERT:  # a positive look-around: what it looks at is in the text
        return _outside_sequence(list(arg[1]), properties)
    return None


def _class_member(code: int, properties: list[str]) -> str:
    r"""A character of a class, as `regex` reads it inside one (a stand-in: its \p{…})."""
    if _STAND_IN <= code < _STAND_IN + len(properties):
        return properties[code - _STAND_IN]
    return f"\\U{code:08x}"


@functools.lru_cache(maxsize=256)
def one_character(source: str) -> Any:
    """The one-character `regex` pattern `source`, case-insensitive (it matches what the class matches
    either way)."""
    return regex.compile(source, regex.IGNORECASE | regex.V0)


def matches_no_ascii(source: str) -> bool:
    try:
        compiled = one_character(source)
    except regex.error:  # no such property
        return False
    return not any(compiled.match(chr(code)) for code in range(128))


_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


class OutsideAsciiGate:
    """The patterns that need a character outside ASCII (required_outside_ascii), each ruled out on a
    text that holds none of the characters it needs (read once a text: its distinct characters
    outside ASCII, each judged once a process)."""

    def __init__(self, classes: dict[int, str]) -> None:
        self.classes = classes  # pattern number -> its one-character pattern
        self.numbers = frozenset(classes)

    def ruled_out(self, text: str, candidates: Collection[int]) -> list[int]:
        """Those of `candidates` (pattern numbers in the gate) that `text` holds no character for."""
        if text.isascii():
            return list(candidates)
        if len(text) > SHORT_TEXT:  # not read for its characters (the matches of a long one fill memory)
            return []
        present = distinct_matches(_NOT_ASCII, text)
        return [number for number in candidates if not any(_holds(self.classes[number], c) for c in present)]


@functools.lru_cache(maxsize=1 << 16)
def _holds(source: str, char: str) -> bool:
    return one_character(source).match(char) is not None


# -- pieces: short strings of which every match contains one, anywhere in it

MAX_PIECES = 24  # more strings than this cost more to look for than they save


def required_pieces(pattern: str, max_count: int = MAX_PIECES) -> frozenset[str] | None:
    r"""Lower-case strings of which every match of `pattern` contains one (in the lower-cased text),
    however short, or None: what starts at some element of the pattern, read as `required_prefixes`
    reads the start of a match (so two characters from two neighbouring elements count: "( " from
    ``(?<=\()[ ]+``, " %" from ``[ ]%``), the best such set by its rarest-looking string (`weight`).
    Looked for with `in`, a few per rule, they rule out most rules that have no literal worth an
    automaton key (a space before a colon, a dotted date). A string that contains another is dropped
    (the other is found wherever it is)."""
    tree = _parse(pattern)
    if tree is None:
        return None
    found = _best_pieces(_piece_sets(list(tree), max_count), max_count)
    if found is None:
        return None
    found = {s for s in found if not any(other in s for other in found if other != s)}
    return frozenset(found) if len(found) <= max_count else None


def _piece_sets(items: list[tuple[Any, Any]], max_count: int) -> list[set[str]]:
    """Candidate sets of strings, each of which every match of the sequence contains one of."""
    sets: list[set[str]] = []

    def add(found: set[tuple[str, bool]] | None) -> None:
        if found:
            sets.append({prefix for prefix, _complete in found})

    for index, (op, arg) in enumerate(items):
        rest = items[index + 1 :]
        if op is _c.ASSERT and arg[0] == -1:  # a look-behind: what it matches ends where the rest starts
            add(_starts(list(arg[1]) + rest))
        elif op is _c.ASSERT:  # a look-ahead: what it matches starts here
            add(_starts(list(arg[1])))
        elif op not in _ZERO_WIDTH:
            add(_starts(items[index:]))
        if op in _REPEATS and arg[0] >= 1:  # the last repetition, and what follows it
            add(_starts(list(arg[2]) + rest))
        if op is _c.SUBPATTERN:
            sets += _piece_sets(list(arg[-1]), max_count)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            sets += _piece_sets(list(arg), max_count)
        elif op in _REPEATS and arg[0] >= 1:
            sets += _piece_sets(list(arg[2]), max_count)
        elif op is _c.BRANCH:
            union: set[str] | None = set()
            for alternative in arg[1]:
                best = _best_pieces(_piece_sets(list(alternative), max_count), max_count)
                if best is None:
                    union = None
                    break
                union |= best  # type: ignore[operator]
            if union:
                sets.append(union)
    return sets


def _best_pieces(sets: list[set[str]], max_count: int) -> set[str] | None:
    """The set whose rarest-looking string looks rarest (then the smallest), of at most max_count strings."""
    best: set[str] | None = None
    for found in sets:
        if found and "" not in found and len(found) <= max_count and (
            best is None or (min(map(weight, found)), -len(found)) > (min(map(weight, best)), -len(best))
        ):
            best = found
    return best


class PieceGate:
    """The pieces (required_pieces) of the patterns that have them, looked for in one pass:
    `ruled_out(lowered, candidates)` gives the candidate patterns none of whose pieces the lower-cased
    text holds. Many patterns share pieces, and one Aho-Corasick pass over a short text cost a quarter
    of an `in` test per piece and pattern."""

    def __init__(self, pieces: dict[int, frozenset[str]]) -> None:
        import ahocorasick

        self.pieces = pieces  # pattern number -> its pieces
        self.numbers = frozenset(pieces)
        self.automaton = ahocorasick.Automaton()
        for piece in set().union(*pieces.values()):
            self.automaton.add_word(piece, piece)
        if pieces:
            self.automaton.make_automaton()

    def ruled_out(self, lowered: str | Pieces, candidates: Collection[int]) -> list[int]:
        """Those of `candidates` (pattern numbers with pieces) none of whose pieces `lowered` holds."""
        pieces = self.pieces
        if len(lowered) <= SCAN_PIECE:  # the text whole, in one pass
            text = lowered if isinstance(lowered, str) else lowered.whole()
            present = set(map(_VALUE, self.automaton.iter(text)))
        else:
            wanted = set().union(*(pieces[number] for number in candidates))
            if isinstance(lowered, str):
                present = {piece for piece in wanted if piece in lowered}
            else:  # a long text read in pieces: every string looked for in one pass
                present = lowered.found(wanted)
        return [number for number in candidates if pieces[number].isdisjoint(present)]


_VALUE = itemgetter(1)  # of an automaton's (end, value) match


# -- reach: how far from one of its literals a match can lie (a long text is scanned near them only)

_ONE_CHARACTER = {_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN, _c.CATEGORY}
_NEVER_WHITE = {_c.CATEGORY_DIGIT, _c.CATEGORY_WORD, _c.CATEGORY_NOT_SPACE}
_INLINE_DOTALL = lazy_compile(r"\(\?[a-zA-Z]*s")
_WIDEST_CLASS_RANGE = 4096

Reach = tuple[int, int, int, int]


def match_reach(pattern: str, flags: int = 0) -> Reach | None:
    """(c, w, t, l): a match of `pattern`, with the characters its look-arounds and anchors read, spans
    at most c + w·W + t·T + l·L characters of a text whose longest run of white space is W characters,
    longest run of other characters T and longest line L (audit.text.words longest_runs); None when
    nothing bounds it so (a group repeated without an upper bound, a back-reference, a dot that
    matches a line break, syntax Python's parser does not read as `regex` does)."""
    if flags & re.DOTALL or _INLINE_DOTALL.search(pattern):
        return None
    tree = _parse(pattern)
    return None if tree is None else _reach(list(tree))


def _reach(items: list[tuple[Any, Any]]) -> Reach | None:
    total = (0, 0, 0, 0)
    for op, arg in items:
        found = _reach_node(op, arg)
        if found is None:
            return None
        total = (total[0] + found[0], total[1] + found[1], total[2] + found[2], total[3] + found[3])
    return total


def _reach_node(op: Any, arg: Any) -> Reach | None:
    if op in _ONE_CHARACTER or op is _c.AT:  # an anchor reads a character either side: one more
        return (1, 0, 0, 0)
    if op in (_c.ASSERT, _c.ASSERT_NOT):  # counted as if consumed: a bound on what it reads either way
        return _reach(list(arg[1]))
    if op is _c.SUBPATTERN:
        return _reach(list(arg[-1]))
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _reach(list(arg))
    if op is _c.BRANCH:
        alternatives = [_reach(list(alternative)) for alternative in arg[1]]
        if any(found is None for found in alternatives):
            return None
        return tuple(map(max, *alternatives)) if len(alternatives) > 1 else alternatives[0]  # type: ignore[return-value]
    if op in _REPEATS:
        _low, high, item = arg
        items = list(item)
        if high != _c.MAXREPEAT:
            inner = _reach(items)
            return None if inner is None else (high * inner[0], high * inner[1], high * inner[2], high * inner[3])
        if len(items) == 1 and items[0][0] in _ONE_CHARACTER:
            kind = _run_kind(*items[0])
            if kind is None:
                return None
            return (0, int(kind == "white"), int(kind == "other"), int(kind == "line"))
    return None  # a group repeated without bound, a back-reference, a conditional


def _run_kind(op: Any, arg: Any) -> str | None:
    """What bounds a run of this one-character item: "white" (it matches white space only), "other"
    (never white space), "line" (never a line break), None (nothing)."""
    white, other, newline = _can_match(op, arg)
    if not other:
        return "white"
    if not white:
        return "other"
    return None if newline else "line"


def _can_match(op: Any, arg: Any) -> tuple[bool, bool, bool]:
    """(white space, anything else, a line break): what the one-character item may match."""
    if op is _c.LITERAL:
        char = chr(arg)
        return char.isspace(), not char.isspace(), char == "\n"
    if op is _c.NOT_LITERAL:
        return True, True, arg != 10
    if op is _c.ANY:  # no DOTALL (match_reach): anything but a line break
        return True, True, False
    if op is _c.CATEGORY:
        if arg is _c.CATEGORY_SPACE:
            return True, False, True
        return (False, True, False) if arg in _NEVER_WHITE else (True, True, True)
    if op is _c.RANGE:
        low, high = arg
        if high - low > _WIDEST_CLASS_RANGE:
            return True, True, True
        spaces = [chr(code).isspace() for code in range(low, high + 1)]
        return any(spaces), not all(spaces), low <= 10 <= high
    if op is _c.IN:
        members = list(arg)
        if members and members[0][0] is _c.NEGATE:
            named = [_can_match(*member) for member in members[1:]]
            all_white = any(o is _c.CATEGORY and a is _c.CATEGORY_SPACE for o, a in members[1:])
            newline_named = any(n for _w, _o, n in named)
            return not all_white, True, not newline_named
        found = [_can_match(*member) for member in members]
        return any(w for w, _o, _n in found), any(o for _w, o, _n in found), any(n for _w, _o, n in found)
    return True, True, True


BLOCK = 4096  # characters: where a literal occurs in a long text is kept to the block
WINDOWED_MIN_CHARS = 200_000  # a shorter text is gated whole (LiteralGate.runnable)
WIDEST_REACH = 1 << 16  # a regex that can reach further from its literals scans the whole text


class LiteralBlocks:
    """Where each literal of the gate occurs in a long text (the blocks of BLOCK characters its
    occurrences end in), and from that the regions of the text a regex need be scanned in: those
    within its reach (match_reach) of one of its literals. A match contains one of its pattern's
    literals and spans no further than its reach, so it lies inside a region, clear of its edges by
    more than any look-around reads: a scan of the regions finds the matches a scan of the whole text
    finds, in the same order."""

    def __init__(self, text_length: int, blocks: dict[int, set[int]], literals_of: list[list[int]],
                 longest: int, runs: Any) -> None:
        self.text_length = text_length
        self.blocks = blocks  # literal number -> its blocks
        self.literals_of = literals_of  # pattern number -> its literals' numbers
        self.longest = longest  # the longest literal
        self.runs = runs  # () -> (W, T, L) of the text (audit.text.words longest_runs), or None

    def regions(self, pattern: int, reach: Reach | None) -> list[tuple[int, int]] | None:
        """Sorted disjoint (start, end) regions holding every match of pattern number `pattern`; None:
        scan the whole text."""
        if reach is None:
            return None
        runs = self.runs()
        if runs is None:
            return None
        width = reach[0] + reach[1] * runs[0] + reach[2] * runs[1] + reach[3] * runs[2]
        if width > WIDEST_REACH:
            return None
        found: set[int] = set()
        for number in self.literals_of[pattern]:
            found.update(self.blocks.get(number, ()))
        around = (width + self.longest + 2) // BLOCK + 1  # blocks either side
        regions: list[tuple[int, int]] = []
        for block in sorted(found):
            start, end = max(0, (block - around) * BLOCK), min(self.text_length, (block + around + 1) * BLOCK)
            if regions and start <= regions[-1][1]:
                regions[-1] = (regions[-1][0], end)
            else:
                regions.append((start, end))
        return None if regions == [(0, self.text_length)] else regions  # the whole text: no regions to keep to


SCAN_PIECE = 1 << 20  # characters an automaton reads at a time


def iter_matches(automaton: Any, text: str | Pieces, longest: int) -> Iterator[tuple[int, Any]]:
    """automaton.iter(text) (`longest`: the length of its longest key) for a str or for Pieces (a
    lower-cased text made a piece at a time), a megabyte at a time: the automaton copies the text it
    reads into four bytes a character (80 MB for a 20 MB file). Each piece is read with the `longest`
    characters before it, so the automaton is in the same state where the piece's own part begins,
    and gives the same matches in the same order (audit.text.pieces windows)."""
    if len(text) <= SCAN_PIECE:
        yield from automaton.iter(text if isinstance(text, str) else text.whole())
        return
    for offset, own, stop, window in windows(text, longest, SCAN_PIECE):
        for end, value in automaton.iter(window):
            if own <= end < stop:
                yield end + offset, value


DENSE_STARTS = 16  # a start every this many characters or more: scan the whole text (RegexCheck)
SHORT_TEXT = 100_000  # characters: below this, PrefixIndex.starts keeps its offsets as lists


class PrefixIndex:
    """Where the prefixes of the rule regexes occur in a document's lower-cased text, from one
    Aho-Corasick pass: `starts(lowered)` gives, for each pattern with prefixes, the sorted offsets
    where one of them starts (the only places a match of the pattern can start)."""

    def __init__(self, patterns: list[frozenset[str] | None]) -> None:
        import ahocorasick

        self.patterns = patterns
        owners: dict[str, list[int]] = {}
        for index, prefixes in enumerate(patterns):
            for prefix in prefixes or ():
                owners.setdefault(prefix, []).append(index)
        # the automaton's values are group numbers (a small int hashes at once; a tuple of the group's
        # pattern numbers was hashed again at each match): group -> (its prefixes' length - 1, its patterns)
        groups: dict[tuple[int, tuple[int, ...]], int] = {}
        self.automaton = ahocorasick.Automaton()
        for prefix, indexes in owners.items():
            self.automaton.add_word(prefix, groups.setdefault((len(prefix) - 1, tuple(indexes)), len(groups)))
        self.groups = list(groups)
        self.longest = max(map(len, owners), default=0)
        self.empty = not owners
        if not self.empty:
            self.automaton.make_automaton()

    def starts(self, lowered: str | Pieces | None, wanted: set[int]) -> dict[int, Offsets | None] | None:
        """Pattern index -> sorted offsets (an array of machine integers, shared by the patterns of
        one prefix, or MergedOffsets of several); None for a pattern whose prefixes are so dense (more than one start in
        DENSE_STARTS characters) that a scan of the whole text is cheaper. The offsets of a long text
        are not kept as lists of Python integers, nor copied per pattern: that took hundreds of
        megabytes on a 16 MB file."""
        if lowered is None or self.empty:
            return None
        limit = len(lowered) // DENSE_STARTS + 1
        if len(lowered) <= SHORT_TEXT:  # one piece (SHORT_TEXT < SPACE_CHUNK): the text itself
            return self._short_starts(lowered if isinstance(lowered, str) else lowered.whole(), wanted, limit)
        typecode = "i" if len(lowered) < 2**31 else "q"  # four bytes an offset where they do
        groups = self.groups
        by_prefix: dict[int, array[int]] = {}
        dense: set[int] = set()
        for end, value in iter_matches(self.automaton, lowered, self.longest):
            bucket = by_prefix.get(value)
            if bucket is None:
                if value in dense:
                    continue
                bucket = by_prefix[value] = array(typecode)
            bucket.append(end - groups[value][0])
            if len(bucket) > limit:
                dense.add(value)
                del by_prefix[value]
        sources: dict[int, list[array[int]] | None] = {}
        for value in dense:
            sources.update((index, None) for index in groups[value][1] if index in wanted)
        for value, offsets in by_prefix.items():  # each in increasing order already
            for index in groups[value][1]:
                if index in wanted and sources.get(index, ()) is not None:
                    sources.setdefault(index, []).append(offsets)  # type: ignore[union-attr]
        found: dict[int, Offsets | None] = {}
        for index, parts in sources.items():
            if parts is None or sum(len(part) for part in parts) > limit:
                found[index] = None
            else:
                found[index] = parts[0] if len(parts) == 1 else MergedOffsets(parts)
        return found

    def _short_starts(self, lowered: str, wanted: set[int], limit: int) -> dict[int, Sequence[int] | None]:
        """`starts` of a short text (SHORT_TEXT): the same offsets, as lists, with less work a match
        (the ends of each prefix group collected first, turned into starts for the wanted patterns)."""
        ends: defaultdict[int, list[int]] = defaultdict(list)
        for end, value in self.automaton.iter(lowered):
            ends[value].append(end)
        groups = self.groups
        sources: dict[int, list[list[int]] | None] = {}
        for value, bucket in ends.items():
            shift, indexes = groups[value]
            if wanted.isdisjoint(indexes):  # most groups: a prefix of patterns the literal gate ruled out
                continue
            dense = len(bucket) > limit  # too dense to use
            offsets = [end - shift for end in bucket] if shift and not dense else bucket
            for index in indexes:
                if index in wanted:
                    if dense:
                        sources[index] = None
                    elif (parts := sources.get(index, ())) is not None:
                        sources.setdefault(index, []).append(offsets)  # type: ignore[union-attr]
        found: dict[int, Sequence[int] | None] = {}
        for index, parts in sources.items():
            if parts is None or sum(map(len, parts)) > limit:
                found[index] = None
            else:
                found[index] = parts[0] if len(parts) == 1 else sorted(chain.from_iterable(parts))
        return found


class MergedOffsets:
    """The offsets of several sorted arrays, in order (equal ones kept), without a merged copy of them:
    iterated a block of the text at a time, each block's offsets sorted together (`sorted` merges the
    runs in C: heapq.merge took 1.5 µs an offset, the slowest step of a 20 MB file, and the merged
    copies of all the patterns took 70 MB)."""

    __slots__ = ("parts", "length")

    BLOCK = 1 << 16  # characters of text a block of offsets covers

    def __init__(self, parts: list[array[int]]) -> None:
        self.parts = [part for part in parts if part]
        self.length = sum(map(len, self.parts))

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[int]:
        parts = self.parts
        if not parts:
            return
        taken = [0] * len(parts)  # how many offsets of each part the blocks so far took
        last = max(part[-1] for part in parts)
        for high in range(self.BLOCK, last + self.BLOCK + 1, self.BLOCK):
            block: list[int] = []
            for number, part in enumerate(parts):
                begin = taken[number]
                end = bisect.bisect_left(part, high, begin)
                if end > begin:
                    block += part[begin:end]
                    taken[number] = end
            block.sort()
            yield from block


# where a pattern's match can start: one array of offsets, or the offsets of several (MergedOffsets)
Offsets = Sequence[int] | MergedOffsets


class LiteralGate:
    """Which rule regexes can match a document at all, from one Aho-Corasick pass over its lower-cased
    text: a pattern with literals runs only if one of them occurs. `patterns[i]` are the literal sets
    (None: always run) of the i-th pattern; `runnable` gives the indexes of those that may match."""

    def __init__(self, patterns: list[frozenset[str] | None]) -> None:
        import ahocorasick

        self.count = len(patterns)
        self.always = [index for index, literals in enumerate(patterns) if literals is None]
        owners: dict[str, list[int]] = {}
        for index, literals in enumerate(patterns):
            for literal in literals or ():
                owners.setdefault(literal, []).append(index)
        self.owners = list(owners.values())
        self.literals_of: list[list[int]] = [[] for _pattern in patterns]  # pattern number -> literal numbers
        for number, indexes in enumerate(self.owners):
            for index in indexes:
                self.literals_of[index].append(number)
        self.automaton = ahocorasick.Automaton()
        for number, literal in enumerate(owners):
            self.automaton.add_word(literal, number)
        self.longest = max(map(len, owners), default=0)
        self.empty = not owners
        if not self.empty:
            self.automaton.make_automaton()

    def runnable(self, lowered: str | Pieces | None) -> set[int]:
        return self.scan(lowered)[0]

    def scan(self, lowered: str | Pieces | None, runs: Any = None) -> tuple[set[int], LiteralBlocks | None]:
        """The patterns that may match, and for a text of WINDOWED_MIN_CHARS or more where their
        literals occur (`runs`: gives the text's longest runs, audit.text.words longest_runs)."""
        if lowered is None:
            return set(range(self.count)), None
        found = set(self.always)
        if self.empty:
            return found, None
        if len(lowered) < WINDOWED_MIN_CHARS or runs is None:
            if len(lowered) <= SCAN_PIECE:  # the distinct literals, collected in C
                text = lowered if isinstance(lowered, str) else lowered.whole()
                present = set(map(_VALUE, self.automaton.iter(text)))
            else:
                present = {value for _end, value in iter_matches(self.automaton, lowered, self.longest)}
            for number in present:
                found.update(self.owners[number])
            return found, None
        blocks: dict[int, set[int]] = {}
        for end, number in iter_matches(self.automaton, lowered, self.longest):
            where = blocks.get(number)
            if where is None:
                where = blocks[number] = set()
                found.update(self.owners[number])
            where.add(end // BLOCK)
        return found, LiteralBlocks(len(lowered), blocks, self.literals_of, self.longest, runs)


__all__ = [
    "BLOCK", "LiteralBlocks", "LiteralGate", "MIN_LENGTH", "MergedOffsets", "Offsets", "OutsideAsciiGate",
    "PrefixIndex", "Reach",
    "iter_matches", "lookbehinds_bounded", "match_reach", "required_literals", "required_outside_ascii",
    "required_pieces",
    "required_prefixes", "weight",
]
