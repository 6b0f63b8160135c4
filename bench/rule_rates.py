"""Per-rule evidence on the development set: hits per 10,000 words on mt, human and native text.

    python bench/rule_rates.py [--devset PATH] [--limit N] [--jobs N] [--json OUT] [--min-hits 1]

Ends with two figures: tell findings (non-neutral, translation-tell categories) per 1,000 words of
native text, and the ROC AUC of the article score (MT likelihood), translated vs native.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import DEFAULT_DEVSET, load_devset, roc_auc, word_count  # noqa: E402

from audit.config import Config  # noqa: E402
from audit.engine import RuleSet, audit_document_text  # noqa: E402
from audit.finding import TELL_CATEGORIES  # noqa: E402

ORIGINS = ("mt", "human", "native")
_RULESET = None


def _audit(row: dict) -> tuple[str, int, dict[str, int], int, float | None]:
    global _RULESET
    config = Config(scores=True)
    if _RULESET is None:
        _RULESET = RuleSet.load(config)
    report = audit_document_text(row["text"], row["id"], config, _RULESET)
    counts = Counter(f.rule for f in report.findings)
    tells = sum(1 for f in report.findings if f.category in TELL_CATEGORIES and f.severity != "neutral")
    score = (report.scores or {}).get("mt_likelihood")  # absent for a non-English article
    return row["origin"], word_count(row["text"]), dict(counts), tells, score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, default=None, help="write the per-rule table as JSON")
    parser.add_argument("--min-hits", type=int, default=1, help="list only rules with at least this many hits")
    args = parser.parse_args()

    rows = load_devset(args.devset, args.limit)
    words: Counter = Counter()
    hits: dict[str, Counter] = defaultdict(Counter)
    tells: Counter = Counter()
    scores: dict[str, list[float]] = defaultdict(list)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for origin, n_words, counts, n_tells, score in pool.map(_audit, rows, chunksize=32):
            words[origin] += n_words
            tells[origin] += n_tells
            for rule, n in counts.items():
                hits[rule][origin] += n
            density = 1000 * n_tells / max(n_words, 1)
            scores[origin].append(score if score is not None else density)

    rules = RuleSet.load(Config()).all_rules
    table = []
    for rule in rules:
        row = {"rule": rule.id, "category": rule.category, "severity": rule.severity}
        for origin in ORIGINS:
            row[origin] = 10000 * hits[rule.id][origin] / max(words[origin], 1)
            row[origin + "_hits"] = hits[rule.id][origin]
        translated = (hits[rule.id]["mt"] + hits[rule.id]["human"]) / max(words["mt"] + words["human"], 1) * 10000
        row["translated"] = translated
        row["ratio"] = translated / row["native"] if row["native"] else float("inf") if translated else 0.0
        table.append(row)
    table.sort(key=lambda r: (-(r["mt_hits"] + r["human_hits"] + r["native_hits"]), r["rule"]))

    print(f"documents: {len(rows)}; words: " + ", ".join(f"{o} {words[o]:,}" for o in ORIGINS))
    print(f"{'rule':<40} {'cat':<15} {'sev':<8} {'mt/10k':>8} {'human/10k':>9} {'native/10k':>10} "
          f"{'hits mt/hu/na':>16} {'ratio':>7}")
    for r in table:
        total = r["mt_hits"] + r["human_hits"] + r["native_hits"]
        if total < args.min_hits:
            continue
        ratio = "inf" if r["ratio"] == float("inf") else f"{r['ratio']:.1f}"
        counts = f"{r['mt_hits']}/{r['human_hits']}/{r['native_hits']}"
        print(f"{r['rule']:<40} {r['category']:<15} {r['severity']:<8} {r['mt']:>8.2f} {r['human']:>9.2f} "
              f"{r['native']:>10.2f} {counts:>16} {ratio:>7}")
    silent = sum(1 for r in table if r["mt_hits"] + r["human_hits"] + r["native_hits"] == 0)
    print(f"rules with no hit on the development set: {silent} of {len(table)}")

    native_rate = 1000 * tells["native"] / max(words["native"], 1)
    translated_scores = scores["mt"] + scores["human"]
    auc = roc_auc(translated_scores, scores["native"])
    print(f"tell findings per 1,000 words: mt {1000 * tells['mt'] / max(words['mt'], 1):.3f}, "
          f"human {1000 * tells['human'] / max(words['human'], 1):.3f}, native {native_rate:.3f} (target <= 0.3)")
    print(f"ROC AUC of the article score, translated vs native: {auc:.3f} (target >= 0.85)")
    if args.json:
        args.json.write_text(json.dumps({"rules": table, "native_tells_per_1000": native_rate, "auc": auc}, indent=1))


if __name__ == "__main__":
    main()
