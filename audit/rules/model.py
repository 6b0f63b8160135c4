"""A rule as written in a rule pack: a style-guide entry with a matcher and its own tests. The keys
a pack's rule table takes, and building a Rule of one, are audit/rules/build.py's."""

from __future__ import annotations

import marshal
import re
from typing import Any

from ..text.dataclass_code import dataclass
from ..text.lazy import lazy_compile
from .errors import RuleError

MARK = lazy_compile(r"<m>(.*?)</m>", re.DOTALL)

# Texts an example may carry beside the text it tests, compared with it by a producer registered
# under that name (audit/hits.py COMPANIONS): a reference translation, the original.
EXAMPLE_COMPANIONS: tuple[str, ...] = ("reference", "original")


@dataclass(frozen=True)
class Example:
    """A rule example: `text` with the <m>…</m> marks removed, the marked spans, the expected text
    after the rule's fix (`correction`), and the companion texts it is compared with."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()
    correction: str | None = None
    companions: tuple[tuple[str, str], ...] = ()  # (name, text): ("reference", "…")

    @classmethod
    def parse(cls, marked: str, correction: str | None = None, companions: tuple[tuple[str, str], ...] = ()) -> Example:
        spans = []
        out: list[str] = []
        cursor = 0
        length = 0
        for match in MARK.finditer(marked):
            before = marked[cursor : match.start()]
            out.append(before)
            length += len(before)
            spans.append((length, length + len(match.group(1))))
            out.append(match.group(1))
            length += len(match.group(1))
            cursor = match.end()
        out.append(marked[cursor:])
        return cls("".join(out), tuple(spans), correction, companions)

    def marked(self) -> str:
        """The text with its spans marked again."""
        text = self.text
        for start, end in reversed(self.spans):
            text = text[:start] + "<m>" + text[start:end] + "</m>" + text[end:]
        return text

    def to_data(self) -> str | dict[str, str]:
        """As written in a pack: the marked text, or a table when it has a correction or companions."""
        if self.correction is None and not self.companions:
            return self.marked()
        data = {"text": self.marked()}
        if self.correction is not None:
            data["correction"] = self.correction
        data.update(self.companions)
        return data


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: str
    kind: str
    message: str
    why: str
    source: str
    suggestions: tuple[str, ...]
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    params: Any  # the kind's parameter dataclass
    pack: str
    zones: tuple[str, ...] | None = None
    antipatterns: tuple[str, ...] = ()
    fix: str | None = None  # applicability of the rule's fixes: "safe", "unsafe", "display-only" or None
    enabled: bool = True  # False: default-off, run only when selected explicitly
    tags: tuple[str, ...] = ()
    skip_quotes: bool = False  # narrative-voice rules: quoted speech is the speaker's, not the writer's
    signal: bool = False  # evidence for the MT likelihood, not a reported finding

    # A run reads a rule's examples only to test it (`mtaudit rule`, the test suite): the rule-set cache
    # keeps them packed (`__getstate__`, marshal bytes: one object a rule instead of some 25 for its
    # examples, a sixth of the time a run spends unpickling the cache), made again when first read.
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if "bad" in state:
            state[_PACKED_EXAMPLES] = marshal.dumps(
                tuple(tuple(dataclass_fields_of(example) for example in state.pop(k)) for k in ("bad", "good"))
            )
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        # what unpickling does without it, but found on the class: pickle looks the method up on each
        # rule it loads, and without one that look-up went through __getattr__ and its AttributeError
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> Any:
        packed = self.__dict__.get(_PACKED_EXAMPLES) if name in ("bad", "good") else None
        if packed is None:
            raise AttributeError(name)
        bad, good = (tuple(Example(*fields) for fields in examples) for examples in marshal.loads(packed))
        object.__setattr__(self, "bad", bad)
        object.__setattr__(self, "good", good)
        del self.__dict__[_PACKED_EXAMPLES]
        return self.__dict__[name]

    @property
    def suggestion(self) -> str | None:
        return self.suggestions[0] if self.suggestions else None

    @property
    def fixable(self) -> bool:
        return self.fix == "safe"

    def error(self, message: str, key: str | None = None) -> RuleError:
        return RuleError(message, self.pack, self.id, key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "category": self.category,
            "severity": self.severity,
            "kind": self.kind,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "why": self.why,
            "source": self.source,
            "fixable": self.fixable,
            "fix": self.fix,
            "default": "on" if self.enabled else "off",
            "signal": self.signal,
            "pack": self.pack,
            "examples": {
                "bad": [example.to_data() for example in self.bad],
                "good": [example.to_data() for example in self.good],
            },
        }


_PACKED_EXAMPLES = "_packed_examples"


def dataclass_fields_of(example: Example) -> tuple[Any, ...]:
    """An example's fields, in order: what `Example(*fields)` makes it again from."""
    return example.text, example.spans, example.correction, example.companions


__all__ = ["EXAMPLE_COMPANIONS", "Example", "Rule", "RuleError", "dataclass_fields_of"]
