"""Building rules from a pack's tables: the keys every rule takes, declared once (`RuleKeys`, `PackKeys`),
as each matcher kind declares its own parameters (audit/rules/params.py), so that one validator
(`build_rule`, `check_pack_table`) reads them and the tables of docs/rule-packs.md are generated from
the same declarations.

Only a build of the rule set reads packs (audit/rules/loader.py imports this module when it reads
one): a run served by the rule-set cache does not make these declarations (start-up, issue 14).
"""

from __future__ import annotations

import sys
from dataclasses import fields
from typing import Any, Literal, Protocol

from ..document import ZONES
from ..finding import APPLICABILITIES, CATEGORIES, SEVERITIES
from ..text.dataclass_code import dataclass
from ..text.lazy import lazy_compile
from .errors import RuleError
from .model import EXAMPLE_COMPANIONS, Example, Rule
from .params import param, read_params, type_text

RULE_ID = lazy_compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")

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
        # one string a value, not one a rule, in the rule-set cache (a thousand fewer objects to load)
        category=sys.intern(common.category),
        severity=sys.intern(common.severity),
        kind=sys.intern(kind),
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


__all__ = ["COMMON_KEYS", "KindSpec", "PackKeys", "RuleKeys", "build_rule", "check_pack_table"]
