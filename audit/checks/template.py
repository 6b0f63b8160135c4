"""Messages that quote the parts of a match: a regex rule's message may name the pattern's groups,
with a conversion after a colon, so that it quotes what was found rewritten, never an example.

    message = "“{match}” is day.month.year; English news writes “{day:int} {month:month} {year}”."

turns "05.03.2024" into "… writes “5 March 2024”." Conversions: int (no leading zeros), month (a
month number as its name), month_ap (AP's abbreviation: Jan., Feb., Aug., Sept., Oct., Nov., Dec.),
lower, upper, title. `{context}` is the match with the characters up to the spaces around it: a rule
that flags one mark ("arts.Richard", "Ukraine 's") quotes the words it stands between.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
ENGINE_FIELDS = frozenset({"match", "suggestion"})  # filled in by the engine for every rule
CONTEXT_FIELD = "context"
CONTEXT_LIMIT = 30  # characters of a word on each side of the match, at most


def _month(names: tuple[str, ...]) -> Callable[[str], str]:
    def convert(value: str) -> str:
        number = int(value) if value.isdigit() else 0
        return names[number - 1] if 1 <= number <= 12 else value

    return convert


CONVERSIONS: dict[str, Callable[[str], str]] = {
    "": str,
    "int": lambda value: str(int(value)) if value.isdigit() else value,
    "month": _month(MONTHS),
    "month_ap": _month(AP_MONTHS),
    "lower": str.lower,
    "upper": str.upper,
    "title": str.title,
}


class GroupValue(str):
    """A group's text, formatted by a conversion name as the format spec."""

    def __format__(self, spec: str) -> str:
        return CONVERSIONS[spec](str(self))


def group_fields(template: str) -> dict[str, str]:
    """The fields of a message template other than {match} and {suggestion}: name -> conversion."""
    fields: dict[str, str] = {}
    for _text, name, spec, _conversion in string.Formatter().parse(template):
        if name is not None and name not in ENGINE_FIELDS:
            fields[name] = spec or ""
    return fields


def check_fields(fields: Mapping[str, str], group_names: Iterable[str]) -> str | None:
    """Why these fields cannot be filled from a pattern with these groups (None: they can)."""
    names = set(group_names) | {CONTEXT_FIELD}
    for name, spec in fields.items():
        if name not in names:
            return f"message field {{{name}}} is not a named group of the pattern"
        if spec not in CONVERSIONS:
            return f"message field {{{name}:{spec}}}: unknown conversion (one of {', '.join(sorted(CONVERSIONS)[1:])})"
    return None


def context(text: str, start: int, end: int) -> str:
    """The match and the characters on each side of it up to a space (at most CONTEXT_LIMIT)."""
    left = start
    while left > max(0, start - CONTEXT_LIMIT) and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < min(len(text), end + CONTEXT_LIMIT) and not text[right].isspace():
        right += 1
    return text[left:right]


def fill(template: str, groups: Mapping[str, str | None], text: str, start: int, end: int,
         suggestion: str | None) -> str:
    """The message of a match of [start, end) in `text` with its group fields and {context} filled,
    braces escaped for the engine's own formatting."""
    values = {name: GroupValue(value or "") for name, value in groups.items()}
    values.update(match=GroupValue(text[start:end]), suggestion=GroupValue(suggestion or ""),
                  context=GroupValue(context(text, start, end)))
    message = template.format_map(values)
    return message.replace("{", "{{").replace("}", "}}")


__all__ = ["CONVERSIONS", "GroupValue", "check_fields", "context", "fill", "group_fields"]
