"""Quotations with each language's marks: « » (Russian, Ukrainian, French), „ “ (German, Czech,
Ukrainian inner quotes), „ ” (Polish), “ ” (English, Chinese), 「 」 and 『 』 (Japanese, Chinese),
» « (German books) and straight double quotes. Marks are paired by a stack, paragraph by paragraph,
so nested quotations ("«…„…“…»") give one outer quotation; an unclosed mark quotes nothing (and
the quotations after it are read as if it were not there). Russian and Ukrainian also quote with a
dash: a sentence that opens with one is direct speech, up to the dash that attributes it ("— Мы
победили, — сказал он."), and speech attributed after a dash by a verb of saying is a quotation
even when its opening mark is missing ("Это важно, - сказал он.": lost in copy, or never written).
"""

from __future__ import annotations

import re

from .languages import Language
from .text import Span

# Marks of every language, for a language without a table (and for the English side).
_ALL_PAIRS: tuple[tuple[str, str], ...] = (
    ("«", "»"), ("„", "“"), ("„", "”"), ("“", "”"), ("「", "」"), ("『", "』"), ("»", "«"), ("\"", "\""),
)


# English copy pairs its double marks by position, whatever their shape: “ closes a “ as often as a
# wrongly oriented mark slips into wire copy.
ENGLISH_PAIRS: tuple[tuple[str, str], ...] = tuple((a, b) for a in "“”\"" for b in "“”\"")


def quote_pairs(language: Language | None) -> tuple[tuple[str, str], ...]:
    if language is None:
        return _ALL_PAIRS
    return ENGLISH_PAIRS if language.code == "en" else language.quotes


# a quoted name this long at most may share its closing mark with the quotation it ends ("Газпроме", "Новая газета")
SHARED_WORDS = 2


def find_quotes(text: str, paragraphs: list[Span], pairs: tuple[tuple[str, str], ...]) -> list[Span]:
    """Outermost quotations (marks included), in order."""
    return read_marks(text, paragraphs, pairs)[0]


def read_marks(
    text: str, paragraphs: list[Span], pairs: tuple[tuple[str, str], ...]
) -> tuple[list[Span], list[int]]:
    """Outermost quotations (marks included), in order, and the offsets of stray closing marks: marks
    that end a clause of speech ("…nichts", sagte er", "…minister," he said") with no mark open before
    them in their paragraph (see unmarked_speech)."""
    openers: dict[str, set[str]] = {}
    for opening, closing in pairs:
        openers.setdefault(opening, set()).add(closing)
    marks = set(openers) | {closing for _o, closing in pairs}
    closers = frozenset(closing for _o, closing in pairs)
    found: list[Span] = []
    strays: list[int] = []
    for p_start, p_end in paragraphs:
        chunk = text[p_start:p_end]
        if not any(mark in chunk for mark in marks):
            continue
        quotes, unclosed, stray = _pair_marks(chunk, openers, marks, closers, frozenset())
        if unclosed:
            # a quotation that ends on a quoted name may close both with one mark ("... в "Газпроме", -
            # сказал он): read so the marks left open, if that leaves fewer marks unpaired
            again, unclosed_again, stray_again = _pair_marks(chunk, openers, marks, closers, frozenset(unclosed))
            if len(unclosed_again) < len(unclosed):
                quotes, stray = again, stray_again
        found.extend((p_start + start, p_start + end) for start, end in quotes)
        strays.extend(p_start + offset for offset in stray)
    return found, strays


# The end of a dialogue's speech: a comma, stop, question or exclamation mark (or an ellipsis) before
# the dash that attributes it.
_ATTRIBUTION = re.compile(r"[,.!?…](?=[ \u00a0][—–-][ \u00a0])")
# speech opens with a capital: "— сказал он" after a quotation dropped from its sentence is no speech
_DIALOGUE_DASH = re.compile(r"[—–-][ \u00a0]+(?=[«„“\"]?[A-ZÀ-ÞА-ЯЁІЇЄҐ])")


def dialogue_quotes(text: str, sentences: list[Span], paragraph_of: list[int], quotes: list[Span]) -> list[Span]:
    """Direct speech opened by a dash at the start of a sentence, as a quotation from the dash to the
    mark before the attributing dash (or to the end of the sentence, or of the next sentences of the
    paragraph up to such a dash): the dash and that mark stand for the quotation marks. Quotations
    with marks inside one are part of it; those already found are returned with the new ones, in order."""
    found: list[Span] = []
    for index, (start, end) in enumerate(sentences):
        if not _DIALOGUE_DASH.match(text, start) or (found and start < found[-1][1]):
            continue
        stop = end
        for later in range(index, min(len(sentences), index + 4)):
            if paragraph_of[later] != paragraph_of[index] or (later > index and _DIALOGUE_DASH.match(
                    text, sentences[later][0])):
                break
            match = _ATTRIBUTION.search(text, sentences[later][0] if later > index else start, sentences[later][1])
            if match:
                stop = match.end()
                break
        if stop - start > 3:
            found.append((start, stop))
    if not found:
        return quotes
    kept = [q for q in quotes if not any(s <= q[0] and q[1] <= e for s, e in found)]
    return sorted(kept + [q for q in found if not any(k[0] < q[0] < k[1] for k in kept)])


# Russian and Ukrainian verbs of saying that attribute speech after a dash ("…, - сказал он", "…, – додала
# вона"): past stems take the endings below; present forms are listed whole. A wire's report ("сообщает
# издание", "пишет", "передает") and an opinion ("считает", "вважає") are left out: English gives them
# as reported speech as often as not.
_PAST_STEMS = (
    "сказа заяви отмети добави подчеркну поясни написа рассказа уточни заключи призна ответи объясни замети "
    "указа сообщи напомни предупреди подели согласи прокомментирова резюмирова констатирова возрази воскликну "
    "спроси продолжи пожалова высказа завери подытожи говори отвеча добавля отмеча подчеркива поясня "
    "рассказыва объясня замеча "
    "зазначи дода наголоси розпові підсумува визна відпові зауважи вказа повідоми нагада попереди поділи "
    "погоди прокоментува спита запита продовжи поскаржи підкресли каза вигукну заперечи"
).split()
_PAST_ENDINGS = "л ла ли ло лся лась лись в вся лася лися".split()
_PRESENT_FORMS = (
    "говорит говорят отмечает добавляет подчеркивает подчёркивает поясняет рассказывает уточняет признается "
    "признаётся отвечает объясняет замечает уверяет делится соглашается комментирует цитирует резюмирует "
    "каже кажуть говорить зазначає додає наголошує пояснює розповідає уточнює визнає відповідає зауважує "
    "коментує цитує підкреслює ділиться погоджується"
).split()
_SPEECH_VERB = (f"(?:(?:{'|'.join(sorted(_PAST_STEMS, key=len, reverse=True))})"
                f"(?:{'|'.join(sorted(_PAST_ENDINGS, key=len, reverse=True))})"
                f"|{'|'.join(sorted(_PRESENT_FORMS, key=len, reverse=True))})")
# the end of speech before its attribution: a comma, stop, question or exclamation mark, with the closing
# mark of a quotation opened before the sentence (or never) on either side
_SPEECH_END = re.compile(r"(?:[,.!?…][\"»“”]?|[\"»“”][,.!?…]?)(?=[ \u00a0][—–-][ \u00a0]+" + _SPEECH_VERB + r"\b)")


def unmarked_speech(
    text: str, sentences: list[Span], quotes: list[Span], strays: list[int], verbs: bool
) -> list[Span]:
    """Speech whose opening mark is missing, as a quotation from the start of its sentence: up to a
    stray closing mark (see read_marks: "…деятельности", - сказал он", "…the minister," he said": the
    quotation opened in an earlier paragraph, or its opening mark was lost, on either side of a
    translation alike), or, with `verbs` (Russian and Ukrainian), up to the mark before a dash and a
    verb of saying ("Нет доверия, - согласилась она": speech never marked). Speech that a quotation
    (or a dialogue dash) already marks is left as it is; quotations inside the new one are part of it.
    The quotations already found are returned with the new ones, in order."""
    found: list[Span] = []
    q = s = 0
    for start, end in sentences:
        while q < len(quotes) and quotes[q][1] <= start:
            q += 1
        while s < len(strays) and strays[s] < start:
            s += 1
        near = [quote for quote in quotes[q:] if quote[0] < end]
        stop = next((offset + 1 for offset in strays[s:] if offset < end
                     and not any(a <= offset < b for a, b in near)), None) if s < len(strays) else None
        if stop is None and verbs:
            match = _SPEECH_END.search(text, start, end)
            if match is not None and not any(
                    a < match.end() and match.start() <= b and not b <= match.start() for a, b in near):
                stop = match.end()
        if stop is None:
            continue
        begin = start + len(text[start:stop]) - len(text[start:stop].lstrip())
        if stop - begin > 3 and not any(a < begin < b for a, b in near):
            found.append((begin, stop))
    if not found:
        return quotes
    kept = [q for q in quotes if not any(s <= q[0] and q[1] <= e for s, e in found)]
    return sorted(kept + found)


CLAUSE_END = frozenset(",.!?…")
_AFTER_CLOSING = frozenset(",.!?…;:-—–)")


def _ends_speech(chunk: str, offset: int) -> bool:
    """Does the mark at `offset` close a clause: no space before it, a space (or the end, or
    punctuation) after it, and a comma, stop, question or exclamation mark on one side?"""
    before = chunk[offset - 1] if offset else " "
    after = chunk[offset + 1] if offset + 1 < len(chunk) else " "
    if before.isspace() or not (after.isspace() or after in _AFTER_CLOSING):
        return False
    return before in CLAUSE_END or after in CLAUSE_END


def _pair_marks(
    chunk: str, openers: dict[str, set[str]], marks: set[str], closers: frozenset[str], shared: frozenset[int]
) -> tuple[list[Span], list[int], list[int]]:
    """The outermost quotations of one paragraph, by a stack, the offsets of the opening marks left
    unclosed, and those of the closing marks that end a clause with no mark open before them. A mark
    never closed quotes nothing, and the quotations inside it count as outermost (one stray mark does
    not hide the paragraph's later quotations), nor does a mark that closes such a clause with none
    open. A mark that closes a quotation of a name
    (SHARED_WORDS words at most) that is the first inside another opened by the same mark, at an offset
    in `shared`, closes that one too."""
    stack: list[tuple[str, int, int]] = []  # (mark, offset, number of the mark)
    closed: set[int] = set()
    # (start, end, the number of the mark just around it: a mark never closed stays open, and so do
    # those under it, so a quotation is outermost when that mark is never closed)
    quotes: list[tuple[int, int, int]] = []
    inside: list[int] = []  # per mark: the quotations closed inside it so far
    stray: list[int] = []
    count = 0
    for offset, char in enumerate(chunk):
        if char not in marks:
            continue
        role = _straight_role(chunk, offset) if char == "\"" else "either"
        if role == "neither":
            continue
        if not stack and char in closers and role != "opens" and _ends_speech(chunk, offset):
            stray.append(offset)  # and it opens nothing (“ and ” pair either way in English copy)
            continue
        if stack and char in openers[stack[-1][0]] and role != "opens":
            opening, at, number = stack.pop()
            closed.add(number)
            if (stack and stack[-1][1] in shared and stack[-1][0] == opening and not inside[stack[-1][2]]
                    and len(chunk[at + 1 : offset].split()) <= SHARED_WORDS):
                _opening, at, number = stack.pop()
                closed.add(number)
            quotes.append((at, offset + 1, stack[-1][2] if stack else -1))
            if stack:
                inside[stack[-1][2]] += 1
            continue
        if char in openers and role != "closes":
            stack.append((char, offset, count))
            inside.append(0)
            count += 1
    outermost = [(start, end) for start, end, around in quotes if around not in closed]
    return outermost, [at for _m, at, _n in stack], stray


def _straight_role(chunk: str, offset: int) -> str:
    """What a straight double quote can do, by its neighbours: after a space (or an opening bracket or
    dash) and before a letter it opens; after a letter or a stop and before a space or a stop it
    closes; between two letters or digits (12") it is no quotation mark. In a long paragraph whose
    straight quotes do not all pair, this keeps one stray mark from turning every later quotation
    inside out."""
    before = chunk[offset - 1] if offset else " "
    after = chunk[offset + 1] if offset + 1 < len(chunk) else " "
    space_before = before.isspace() or before in "([{«„“—–-:/"
    space_after = after.isspace() or after in ".,;:!?)]}»”…-—–"
    if before.isalnum() and after.isalnum():
        return "neither"
    if space_before and not space_after:
        return "opens"
    if space_after and not space_before:
        return "closes"
    return "either"


__all__ = ["CLAUSE_END", "dialogue_quotes", "find_quotes", "quote_pairs", "read_marks", "unmarked_speech"]
