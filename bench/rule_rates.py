"""Per-rule evidence: hits per 10,000 words on translated text (by source language) and on native
English (by collection).

    python bench/rule_rates.py [--devset PATH] [--native PATH] [--stride N] [--jobs N]
                               [--rules ID,PREFIX,...] [--json OUT] [--hits OUT.jsonl] [--min-hits 1]

Reads the development set (`wmt-dev.jsonl.gz`: MT and human translations from eight source
languages, and the native English source side) and the English-original news collections
(`native-news.jsonl.gz`). Prints:

- one row per rule: hits per 10,000 words on mt, human, and each native collection;
- for the rules named by --rules (ids or id prefixes): their rates per source language;
- tell findings (non-neutral, non-signal findings of the translation-tell categories) per 1,000 words
  on each native collection (target: at most 0.15 on every one) and, on the translated side, per
  source language;
- the ROC AUC of the article score (MT likelihood), translated vs native.

--hits writes every tell finding on native text, with its context, as JSON lines (for reading the
false alarms; keep the file outside the project). --stride N reads every Nth translated document
(the native side is always read whole), for a quicker look while a rule is being written.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import DEFAULT_DEVSET, load_devset, roc_auc, word_count  # noqa: E402

from audit.config import Config  # noqa: E402
from audit.engine import RuleSet  # noqa: E402
from audit.finding import TELL_CATEGORIES  # noqa: E402
from audit.runner import audit_document_text  # noqa: E402

DEFAULT_NATIVE = DEFAULT_DEVSET.parent / "native-news.jsonl.gz"
ORIGINS = ("mt", "human", "native")
WMT_NATIVE = "wmt-native"  # the native English source side of the development set
NATIVE_TARGET = 0.15  # tell findings per 1,000 words, on every native collection
CONTEXT = 80  # characters either side of a hit written by --hits
_RULESET = None
_SIGNALS: frozenset[str] = frozenset()


def load_native(path: Path) -> list[dict]:
    """The English-original articles of native-news.jsonl.gz as rows like the development set's."""
    rows = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            article = json.loads(line)
            rows.append(
                {"id": article["id"], "origin": "native", "group": article["collection"], "text": article["text"]}
            )
    return rows


def group_of(row: dict) -> str:
    """mt:xx and human:xx by source language; native rows by collection."""
    if row.get("group"):
        return row["group"]
    if row["origin"] == "native":
        return WMT_NATIVE
    return f"{row['origin']}:{row['pair'].split('-')[0]}"


def is_tell(finding, signals: frozenset[str]) -> bool:
    return finding.category in TELL_CATEGORIES and finding.severity != "neutral" and finding.rule not in signals


def _audit(task: tuple[dict, bool]) -> tuple[str, str, str, int, dict[str, int], int, float | None, list[dict]]:
    global _RULESET, _SIGNALS
    row, keep_hits = task
    config = Config(scores=True)
    if _RULESET is None:
        _RULESET = RuleSet.load(config)
        _SIGNALS = frozenset(r.id for r in _RULESET.all_rules if r.signal)
    report = audit_document_text(row["text"], row["id"], config, _RULESET)
    counts = Counter(f.rule for f in report.findings + report.signals)  # signals are reported apart
    tells = [f for f in report.findings if is_tell(f, _SIGNALS)]
    score = report.scores.mt_likelihood if report.scores else None  # None for a non-English article
    group = group_of(row)
    hits = []
    if keep_hits and row["origin"] == "native":
        text = row["text"]
        for f in tells:
            context = text[max(0, f.start - CONTEXT) : f.end + CONTEXT].replace("\n", " ⏎ ")
            hits.append({"rule": f.rule, "severity": f.severity, "group": group, "doc": row["id"],
                         "text": f.text, "context": context})
    return row["origin"], group, row["id"], word_count(row["text"]), dict(counts), len(tells), score, hits


def _selected(rule_id: str, selectors: list[str]) -> bool:
    return any(rule_id == s or rule_id.startswith(s.rstrip("-") + "-") for s in selectors)


def _rate(hits: int, words: int, per: int) -> float:
    return per * hits / max(words, 1)


def _tasks(rows: list[dict], keep_hits: bool) -> Iterator[tuple[dict, bool]]:
    for row in rows:
        yield row, keep_hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--native", type=Path, default=DEFAULT_NATIVE, help="native-news.jsonl.gz")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N development-set lines")
    parser.add_argument("--stride", type=int, default=1, help="read every Nth translated document")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rules", default="", help="comma-separated rule ids or prefixes: rates per language")
    parser.add_argument("--json", type=Path, default=None, help="write the per-rule table as JSON")
    parser.add_argument("--hits", type=Path, default=None, help="write native tell findings as JSON lines")
    parser.add_argument("--min-hits", type=int, default=1, help="list only rules with at least this many hits")
    args = parser.parse_args()

    devset = load_devset(args.devset, args.limit)
    translated = [r for r in devset if r["origin"] != "native"][:: max(args.stride, 1)]
    rows = translated + [r for r in devset if r["origin"] == "native"] + load_native(args.native)

    words: Counter = Counter()  # by group
    hits: dict[str, Counter] = defaultdict(Counter)  # rule -> group -> hits
    tells: Counter = Counter()  # by group
    scores: dict[str, list[float]] = defaultdict(list)  # by origin
    native_hits: list[dict] = []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for origin, group, _doc, n_words, counts, n_tells, score, found in pool.map(
            _audit, _tasks(rows, args.hits is not None), chunksize=16
        ):
            words[group] += n_words
            tells[group] += n_tells
            for rule, n in counts.items():
                hits[rule][group] += n
            density = 1000 * n_tells / max(n_words, 1)
            scores[origin].append(score if score is not None else density)
            native_hits.extend(found)

    groups = sorted(words)
    native_groups = [WMT_NATIVE] + sorted(g for g in groups if g != WMT_NATIVE and ":" not in g)
    native_groups = [g for g in native_groups if g in words]
    languages = sorted({g.split(":")[1] for g in groups if ":" in g})

    def origin_total(counter: Counter, origin: str) -> int:
        if origin == "native":
            return sum(counter[g] for g in native_groups)
        return sum(counter[g] for g in groups if g.startswith(origin + ":"))

    all_rules = RuleSet.load(Config()).all_rules
    table = []
    for rule in all_rules:
        row: dict = {"rule": rule.id, "category": rule.category, "severity": rule.severity,
                     "signal": rule.signal}
        for origin in ORIGINS:
            row[origin + "_hits"] = origin_total(hits[rule.id], origin)
            row[origin] = _rate(row[origin + "_hits"], origin_total(words, origin), 10000)
        row["groups"] = {g: {"hits": hits[rule.id][g], "per_10k": _rate(hits[rule.id][g], words[g], 10000)}
                         for g in groups}
        translated_rate = _rate(row["mt_hits"] + row["human_hits"], origin_total(words, "mt")
                                + origin_total(words, "human"), 10000)
        row["translated"] = translated_rate
        row["ratio"] = translated_rate / row["native"] if row["native"] else float("inf") if translated_rate else 0.0
        table.append(row)
    table.sort(key=lambda r: (-(r["mt_hits"] + r["human_hits"] + r["native_hits"]), r["rule"]))

    print(f"documents: {len(rows)}; words: " + ", ".join(f"{o} {origin_total(words, o):,}" for o in ORIGINS))
    print("native collections: " + ", ".join(f"{g} {words[g]:,}" for g in native_groups))
    short = {g: g.split("-")[0][:6] for g in native_groups}
    header = f"{'rule':<34} {'sev':<7} {'mt':>6} {'human':>6} " + " ".join(f"{short[g]:>6}" for g in native_groups)
    print("\nper 10,000 words (native by collection)")
    print(header + f" {'hits mt/hu/na':>16} {'ratio':>6}")
    for r in table:
        total = r["mt_hits"] + r["human_hits"] + r["native_hits"]
        if total < args.min_hits:
            continue
        ratio = "inf" if r["ratio"] == float("inf") else f"{r['ratio']:.1f}"
        counts = f"{r['mt_hits']}/{r['human_hits']}/{r['native_hits']}"
        severity = "signal" if r["signal"] else r["severity"]
        natives = " ".join(f"{r['groups'][g]['per_10k']:>6.2f}" for g in native_groups)
        print(f"{r['rule']:<34} {severity:<7} {r['mt']:>6.2f} {r['human']:>6.2f} {natives} {counts:>16} {ratio:>6}")
    silent = sum(1 for r in table if r["mt_hits"] + r["human_hits"] + r["native_hits"] == 0)
    print(f"rules with no hit: {silent} of {len(table)}")

    selectors = [s.strip() for s in args.rules.split(",") if s.strip()]
    if selectors:
        print("\nselected rules per 10,000 words by source language (mt / human)")
        print(f"{'rule':<34} " + " ".join(f"{lang:>11}" for lang in languages))
        for r in table:
            if _selected(r["rule"], selectors):
                cells = [f"{r['groups'].get('mt:' + lang, {}).get('per_10k', 0):5.2f}/"
                         f"{r['groups'].get('human:' + lang, {}).get('per_10k', 0):<5.2f}" for lang in languages]
                print(f"{r['rule']:<34} " + " ".join(cells))

    print(f"\ntell findings per 1,000 words, native collections (target <= {NATIVE_TARGET}):")
    native_rates = {g: _rate(tells[g], words[g], 1000) for g in native_groups}
    for g in native_groups:
        mark = "ok" if native_rates[g] <= NATIVE_TARGET else "OVER"
        print(f"  {g:<20} {native_rates[g]:6.3f}  ({tells[g]} findings, {words[g]:,} words) {mark}")
    print("tell findings per 1,000 words, translated, by source language:")
    print(f"  {'':<6} " + " ".join(f"{lang:>6}" for lang in languages) + f" {'all':>6}")
    translated_rates: dict[str, dict[str, float]] = {}
    for origin in ("mt", "human"):
        per_language = {lang: _rate(tells[f"{origin}:{lang}"], words[f"{origin}:{lang}"], 1000) for lang in languages}
        per_language["all"] = _rate(origin_total(tells, origin), origin_total(words, origin), 1000)
        translated_rates[origin] = per_language
        print(f"  {origin:<6} " + " ".join(f"{per_language[k]:6.3f}" for k in [*languages, "all"]))

    auc = roc_auc(scores["mt"] + scores["human"], scores["native"])
    print(f"ROC AUC of the article score, translated vs native: {auc:.3f}")
    if args.json:
        args.json.write_text(json.dumps({"rules": table, "native_tells_per_1000": native_rates,
                                         "translated_tells_per_1000": translated_rates, "auc": auc}, indent=1))
    if args.hits:
        with args.hits.open("w", encoding="utf-8") as handle:
            for hit in native_hits:
                handle.write(json.dumps(hit, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
