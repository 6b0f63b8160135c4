"""ConsistencyCheck.spellings (audit/checks/structure.py): the spellings an Aho-Corasick automaton
finds are those of `(?<!\\w)(?:longest|…|shortest)(?!\\w)`, in a short text, in a long text read a
piece at a time (a spelling across two pieces included), and in dense ones."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
import regex

from audit.checks import prefilter
from audit.checks.structure import ConsistencyCheck

SPELLINGS = [["Kyiv", "Kiev"], ["Zelensky", "Zelenskyy", "Zelenskiy"], ["Dnipro", "Dnipro River", "Dnepr"]]


def check() -> ConsistencyCheck:
    rule = SimpleNamespace(id="T-CONSISTENCY", params=SimpleNamespace(variants=SPELLINGS), pack="test",
                           antipatterns=[], error=lambda message, field: ValueError(message))
    return ConsistencyCheck(rule)


def reference(text: str) -> list[tuple[int, int]]:
    names = sorted({name for group in SPELLINGS for name in group}, key=len, reverse=True)
    pattern = regex.compile(r"(?<!\w)(?:" + "|".join(map(regex.escape, names)) + r")(?!\w)")
    return [match.span() for match in pattern.finditer(text)]


def texts() -> list[str]:
    rng = random.Random(7)
    names = [name for group in SPELLINGS for name in group]
    glue = ["", " ", "s ", "-", "x", ", ", " River", "é "]
    made = ["Kyiv and Kiev, Zelenskyy met Zelensky on the Dnipro River near Dnepr.", "Kievan Kyivs", ""]
    for _ in range(200):
        made.append("".join(rng.choice(names) + rng.choice(glue) for _ in range(rng.randint(1, 40))))
    return made


@pytest.mark.parametrize("piece", [None, 7, 16, 64])
def test_spellings_are_what_the_alternation_finds(monkeypatch, piece):
    if piece is not None:  # a long text: read a few characters at a time
        monkeypatch.setattr(prefilter, "SCAN_PIECE", piece)
    consistency = check()
    for text in texts():
        assert list(consistency.spellings(text)) == reference(text), text
