"""A rule as written in a rule pack: a style-guide entry with a matcher and its own tests.

The keys every rule takes are declared once (`RuleKeys`, `PackKeys`), as each matcher kind declares
its own parameters (audit/rules/params.py): one validator reads them and the tables of
docs/rule-packs.md are generated from the same declarations.
"""

from __future__ import annotations

import marshal
import re
from dataclasses import dataclass, fields
from typing import Any, Literal, Protocol

from ..document import ZONES
from ..finding import APPLICABILITIES, CATEGORIES, SEVERITIES
from ..text.lazy import lazy_compile
from .errors import RuleError
from .params import conforms, param, read_params, type_text

MARK = lazy_compile(r"<m>(.*?)</m>", re.DOTALL)
RULE_ID = lazy_compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")

# Texts an example may carry beside the text it tests, compared with it by a producer registered
# under that name (audit/hits.py COMPANIONS): a reference translation, the original.
EXAMPLE_COMPANIONS: tuple[str, ...] = ("reference", "original")

Category = Literal[CATEGORIES]  # type: ignore[valid-type]
Severity = Literal[SEVERITIES]  # type: ignore[valid-type]
Applicability = Literal[APPLICABILITIES]  # type: ignore[valid-type]
Zone = Literal[ZONES]  # type: ignore[valid-type]
ExampleEntry = str | dict[str, str]


@dataclass(frozen=True)
class RuleKeys:
    """The keys of every rule, whatever its kind (validated by `build_rule`; documented in
    docs/rule-packs.md from these declarations)."""

    id: str = param(doc="`PREFIX-NAME`: upper-case letters, digits and hyphens; unique across all packs")
    category: Category = param(doc="the finding category: " + ", ".join(f"`{c}`" for c in CATEGORIES))
    severity: Severity = param(doc="MQM severity: " + ", ".join(f"`{s}`" for s in SEVERITIES))
    kind: str = param(doc="the matcher (see *Matcher kinds*); its parameters are keys of the rule too")
    message: str = param(
        doc="shown with each finding; `{match}` is the flagged text, `{suggestion}` the suggestion; a `regex` rule "
        "may also quote its pattern's named groups, converted: `{day:int} {month:month} {year}` (conversions: "
        "`int`, `month`, `month_ap`, `lower`, `upper`, `title`), and `{context}`, the match with the characters "
        "around it up to a space (“arts.Richard” for a flagged full stop), so that the message quotes what was "
        "found, never an example",
        nonempty=True,
    )
    why: str = param(doc="the explanation `mtaudit rule ID` shows", nonempty=True)
    examples: dict[str, list[ExampleEntry]] = param(
        doc="`bad`: texts with the flagged span(s) marked `<m>…</m>`, or tables `{text, correction}` whose "
        "`correction` is the text after the rule's fix; `good`: texts that must raise nothing from the rule. "
        "A table entry may add a `reference` or `original` text for a comparison rule",
        type_doc="a table of `bad` and `good` lists (texts, or tables of texts)",
    )
    suggestion: str | list[str] = param([], doc="the replacement to suggest (regex rules may use `\\1` or `\\g<name>`)")
    source: str = param("", doc="the reference behind the rule (style guide, dictionary, study)")
    antipatterns: list[str] = param([], doc="regular expressions for legitimate uses: a match overlapping a hit, in "
                                    "its sentence, cancels it")
    zones: list[Zone] = param([], doc="only in these zones: " + ", ".join(f"`{z}`" for z in ZONES if z != "blank"))
    fix: Applicability | None = param(None, doc="the suggestion as a fix: `safe` (applied by `--fix`), `unsafe` (also "
                                      "by `--unsafe-fixes`), `display-only` (shown, never applied); casing, "
                                      "preferred, spacing and doubled rules are `safe` unless they say otherwise")
    skip_quotes: bool = param(False, doc="say nothing inside quotations (narrative-voice rules: a speaker may say "
                              "“the Russian Federation”)")
    enabled: bool = param(True, doc="`false`: a default-off rule, run only when selected by id, prefix or category "
                          "(`--select`, `--extend-select`, `select`, `extend-select`)")
    signal: bool = param(False, doc="`true`: a signal, not an error: its hits feed the MT-likelihood evidence, are not "
                         "reported (`lint --signals` lists them), never fail a lint and cost no quality")
    tags: list[str] = param([], doc="free labels; `house-style:TOPIC=CHOICE` runs the rule only for that house style")


@dataclass(frozen=True)
class PackKeys:
    """The optional `[pack]` table of a rule pack."""

    name: str = param("", doc="the pack's name")
    description: str = param("", doc="what the pack is about")


class KindSpec(Protocol):
    """What building a rule needs of its matcher kind (audit/checks/base.py Check)."""

    Params: type
    default_fix: str | None


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


COMMON_KEYS = frozenset(f.name for f in fields(RuleKeys))
_BAD_KEYS = frozenset({"text", "correction", *EXAMPLE_COMPANIONS})
_GOOD_KEYS = frozenset({"text", *EXAMPLE_COMPANIONS})


def _example(entry: Any, bad: bool, where: RuleError) -> Example:
    key = "examples.bad" if bad else "examples.good"
    allowed = _BAD_KEYS if bad else _GOOD_KEYS
    if isinstance(entry, str):
        marked, correction, companions = entry, None, ()
    else:
        unknown = sorted(set(entry) - allowed)
        if unknown or "text" not in entry:
            raise where.at(key, f"an example table takes {', '.join(sorted(allowed))} (with 'text'), "
                                f"not {', '.join(unknown) or 'no text'}")
        marked, correction = entry["text"], entry.get("correction")
        companions = tuple((name, entry[name]) for name in EXAMPLE_COMPANIONS if name in entry)
    example = Example.parse(marked, correction, companions)
    if bad and not example.spans:
        raise where.at(key, f"bad example {marked!r} has no <m>…</m> span")
    if not bad and example.spans:
        raise where.at(key, f"good example {marked!r} marks a span")
    return example


def build_rule(raw: dict[str, Any], pack: str, kinds: dict[str, KindSpec]) -> Rule:
    """Validate one raw rule table and build a Rule. Raises RuleError naming the problem."""
    rule_id = raw.get("id")
    where = RuleError("", pack, rule_id if isinstance(rule_id, str) else None)
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise RuleError(f"a rule's id must look like 'PREFIX-NAME' (upper case, digits, hyphens), not {rule_id!r}",
                        pack, None, None)
    kind = raw.get("kind")
    if kind not in kinds:
        raise where.at("kind", f"kind must be one of {', '.join(sorted(kinds))}, not {kind!r}")
    spec = kinds[kind]
    kind_keys = frozenset(f.name for f in fields(spec.Params))
    unknown = set(raw) - COMMON_KEYS - kind_keys
    if unknown:
        first = sorted(unknown)[0]
        raise where.at(first, f"unknown key(s) {', '.join(sorted(unknown))} for kind {kind!r}")
    common = read_params(RuleKeys, {k: v for k, v in raw.items() if k in COMMON_KEYS}, where)
    examples = common.examples
    unknown_examples = sorted(set(examples) - {"bad", "good"})
    if unknown_examples:
        raise where.at("examples", f"examples take only 'bad' and 'good', not {', '.join(unknown_examples)}")
    if not examples.get("bad") or not examples.get("good"):
        raise where.at("examples", "examples need at least one 'bad' (with <m>…</m>) and one 'good' example")
    bad = tuple(_example(entry, True, where) for entry in examples["bad"])
    good = tuple(_example(entry, False, where) for entry in examples["good"])
    params = read_params(spec.Params, {k: v for k, v in raw.items() if k in kind_keys}, where)
    suggestion = common.suggestion
    return Rule(
        id=rule_id,
        category=common.category,
        severity=common.severity,
        kind=kind,
        message=common.message.strip(),
        why=common.why.strip(),
        source=common.source.strip(),
        suggestions=(suggestion,) if isinstance(suggestion, str) else tuple(suggestion),
        bad=bad,
        good=good,
        params=params,
        pack=pack,
        zones=tuple(common.zones) if "zones" in raw else None,
        antipatterns=tuple(common.antipatterns),
        fix=common.fix if common.fix is not None else spec.default_fix,
        enabled=common.enabled,
        tags=tuple(common.tags),
        skip_quotes=common.skip_quotes,
        signal=common.signal,
    )


def check_pack_table(table: Any, pack: str) -> PackKeys:
    """Validate a pack's `[pack]` table."""
    where = RuleError("", pack, None)
    if not isinstance(table, dict):
        raise where.at("pack", f"[pack] must be a table ({type_text(dict[str, str])})")
    unknown = sorted(set(table) - {f.name for f in fields(PackKeys)})
    if unknown:
        raise where.at("pack", f"[pack]: unknown key(s) {', '.join(unknown)} (it takes name and description)")
    return read_params(PackKeys, table, where)


__all__ = [
    "COMMON_KEYS",
    "EXAMPLE_COMPANIONS",
    "Example",
    "KindSpec",
    "PackKeys",
    "Rule",
    "RuleError",
    "RuleKeys",
    "build_rule",
    "check_pack_table",
    "conforms",
]
