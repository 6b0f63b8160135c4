"""Calibrate and validate the MT likelihood with grouped folds: nothing is measured on data it was fit on.

    python bench/calibrate.py [--jobs N] [--limit N]     # the grouped table, and the shipped model's figures
    python bench/calibrate.py --write                    # the same, then refit on all data and write
                                                         # audit/scoring/likelihood.json
    python bench/calibrate.py --write-scale              # the same, then write only the native scale
                                                         # (weights and thresholds kept as they are)

Data (bench/devset.py): the translations (mt, human) from cs, de, ha, is, ja, ru, uk, zh and the native
English of wmt-dev.jsonl.gz, and the three collections of native-news.jsonl.gz in two layouts each.
The rules' findings are cached under the temporary directory by the digest of the rules and the
engine's code; the statistics are recomputed with the current audit/scoring code on every run.

Models (audit/scoring/likelihood.py): L2-regularised logistic regressions over article statistics
(audit/scoring/features.py): function-word and short function-word-sequence rates, sentence openings,
sentence shape, punctuation, word forms, lexical variety and repetition, and the density of the rules'
tells (penalised a hundred times less: evidence an editor can check). Every group weighs the same:
each source language on the translated side, each native collection on the other. Candidates that
follow the topic rather than the translation (numbers, runs of names) are left out. `translated`
separates translations (machine and human) from native English; `machine` separates machine output
from human translations of the same articles (its score adds --translated-weight times the
translated logit: machine output reads as more translated).

Validation (the figures that count): `translated` is refit with each source language left out (its
translations are scored by a model that never saw that language) and with each native collection,
or outlet group of web-2018-20, left out (its articles, in both layouts, scored by a model that never
saw them); `machine` with each source language left out. The verdict thresholds are chosen on these
held-out scores, through the verdict rule itself (audit/scoring/verdict.py: too-short, the gates on
short and list-like copy, likely-mt on tells alone), so that no native collection, in either layout,
exceeds --likely-rate at likely-mt or --review-rate at review or worse. The baseline is the plain
function-word model of the issue (function-word rates and mean sentence length, same folds, same fit).
The likelihood is measured on articles of at least MIN_WORDS words (shorter ones are too-short);
the verdict shares on all articles.

The native scale (what the reports show as the MT score): the same held-out scores of the native
articles give, for a likelihood, the share of native English news articles of the development data
that score lower (each collection weighing the same, an article in two layouts counted once). It is
stored as a table of the held-out logits at fixed percentiles (`native_scale` of the translated
model); audit/scoring/likelihood.py interpolates in it.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import Sample, extract, load_samples, roc_auc  # noqa: E402

from audit.scoring.features import FUNCTION_WORDS, article_stats, evidence_tells  # noqa: E402
from audit.scoring.likelihood import (  # noqa: E402
    MACHINE,
    MODEL_PATH,
    TRANSLATED,
    load_model,
    logit_of_values,
    write_compiled,
)
from audit.scoring.verdict import MIN_WORDS, TellEvidence, decide, describe, list_like  # noqa: E402

# Article-level candidates of each model (n-gram and opening rates are found in the data).
TRANSLATED_SCALARS = (
    "lexical_tells", "punctuation_tells", "tell_rules", "signals",
    "sentence_mean", "sentence_cv", "long_sentence_share", "commas_per_sentence",
    "commas", "semicolons", "colons", "parentheses", "question_marks", "quotation_marks", "dashes",
    "word_length", "long_words", "contractions", "nominalisations", "ly_adverbs", "ing_forms", "mattr",
    "repeated_words", "repeated_content_words",
)
MACHINE_SCALARS = tuple(name for name in TRANSLATED_SCALARS if name != "tell_rules") + (
    "machine_tells", "doubled_words", "space_before_punctuation", "non_latin_words", "lower_case_openings",
)
# Rates get a square root (counts: it steadies their variance); tells are log-densities already.
SQRT = frozenset({
    "commas", "semicolons", "colons", "parentheses", "question_marks", "quotation_marks", "dashes",
    "long_words", "contractions", "nominalisations", "ly_adverbs", "ing_forms", "repeated_words",
    "repeated_content_words", "doubled_words", "space_before_punctuation", "non_latin_words",
})
# More tells are always more evidence: their densities are not capped at the development set's range.
UNCAPPED = frozenset({"lexical_tells", "punctuation_tells", "tell_rules", "signals", "machine_tells"})
# Distinct tell rules that make likely-mt by themselves: at least this many, and more than the natives have.
MIN_TELL_RULES = 4
# The tells are evidence an editor can check: their weights are penalised this much less than the statistics'.
TELL_PENALTY = 0.01
# Minimum share of documents in which a token sequence occurs to be a candidate of each model (machine
# and human translations of the same articles share their topics: the machine model may look closer).
TRANSLATED_SHARE = {"w": 0.05, "s": 0.05, "b": 0.10, "t": 0.15}
MACHINE_SHARE = {"w": 0.02, "s": 0.02, "b": 0.03, "t": 0.04}
ORIGINS = ("mt", "human", "native")
# The percentiles at which the native scale stores a held-out logit: finer where the verdicts fall.
SCALE_PERCENTILES = (
    tuple(float(p) for p in range(0, 95))
    + tuple(95 + p / 2 for p in range(8))
    + tuple(99 + p / 5 for p in range(5))
    + (100.0,)
)


# ----------------------------------------------------------------------------- statistics
def _stats(job: tuple[Sample, list, list, list]) -> dict:
    from devset import Extracted

    sample, findings, signals, furniture = job
    extracted = Extracted(findings, signals, furniture)
    doc = extracted.document(sample.text)
    stats = article_stats(doc, findings, signals=signals)
    values = dict(stats.scalars)
    for name in stats.names():
        if ":" in name:
            values[name] = stats.value(name)
    return {
        "values": values,
        "words": stats.words,
        "tells": TellEvidence.of(evidence_tells(findings)),
        "list_like": list_like(doc),
    }


def compute_stats(samples: list[Sample], jobs: int) -> list[dict]:
    extracted = extract(samples, jobs)
    work = [(s, extracted[s.key].findings, extracted[s.key].signals, extracted[s.key].furniture) for s in samples]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_stats, work, chunksize=128))


def topic_prone(name: str) -> bool:
    """Numbers and runs of names follow the topic and the outlet, not the translation."""
    kind, _colon, key = name.partition(":")
    tokens = key.split()
    return "#" in tokens or all(t in ("N", "<s>") for t in tokens)


def candidates(stats: list[dict], scalars: tuple[str, ...], min_share: dict[str, float]) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    for item in stats:
        for name in item["values"]:
            if ":" in name:
                counts[name] += 1
    sequences = sorted(
        name for name, n in counts.items()
        if n >= min_share[name[0]] * len(stats) and not topic_prone(name)
    )
    return list(scalars) + sequences


def transform_name(name: str) -> str:
    return "sqrt" if ":" in name or name in SQRT else "identity"


def matrix(stats: list[dict], names: list[str]):
    import numpy as np

    x = np.array([[item["values"].get(name, 0.0) for name in names] for item in stats], dtype=float)
    for j, name in enumerate(names):
        if transform_name(name) == "sqrt":
            x[:, j] = np.sqrt(np.maximum(x[:, j], 0.0))
    return x


# ----------------------------------------------------------------------------- fitting
def fit_logistic(z, y, weights, l2, iterations: int = 60):
    """Newton-Raphson on the weighted, L2-penalised log loss; the last coefficient is the intercept.
    `l2`: one penalty, or one per column."""
    import numpy as np

    n, d = z.shape
    design = np.hstack([z, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    penalty = np.diag(np.append(np.broadcast_to(np.asarray(l2, dtype=float), (d,)), 0.0))
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-np.clip(design @ beta, -40, 40)))
        gradient = design.T @ (weights * (p - y)) + penalty @ beta
        hessian = (design * (weights * p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return beta


def balanced_weights(groups: list[str], y):
    """Every group the same total weight within its class, both classes the same total weight."""
    import numpy as np

    per_class_groups = {label: {g for g, t in zip(groups, y, strict=True) if t == label} for label in (0, 1)}
    sizes: dict[tuple[str, int], int] = defaultdict(int)
    for g, t in zip(groups, y, strict=True):
        sizes[(g, int(t))] += 1
    return np.array(
        [len(groups) / (2 * len(per_class_groups[int(t)]) * sizes[(g, int(t))]) for g, t in zip(groups, y, strict=True)]
    )


class Fitted:
    """One fitted logistic model over named, transformed, clipped and native-centred statistics."""

    def __init__(self, names, coef, intercept, low, high, center, scale, typical):
        self.names, self.coef, self.intercept = names, coef, intercept
        self.low, self.high, self.center, self.scale, self.typical = low, high, center, scale, typical

    def logits(self, x_all, columns: dict[str, int]):
        import numpy as np

        x = x_all[:, [columns[n] for n in self.names]]
        z = (np.clip(x, self.low, self.high) - self.center) / self.scale
        return z @ self.coef + self.intercept

    def to_json(self) -> dict:
        features = {}
        for j, name in enumerate(self.names):
            if abs(self.coef[j]) < 1e-6:
                continue
            features[name] = {
                "coef": significant(self.coef[j]),
                "center": significant(self.center[j]),
                "scale": significant(self.scale[j]),
                "min": significant(self.low[j]),
                "max": None if name in UNCAPPED else significant(self.high[j]),
                "transform": transform_name(name),
                "native": significant(self.typical[j]),
            }
        return {"intercept": significant(self.intercept), "features": features}


def significant(value) -> float:
    return float(f"{float(value):.5g}")


def model_text(model: dict) -> str:
    """likelihood.json as text: one line per feature (a diff shows which weights moved)."""

    def compact(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    blocks = []
    for key, value in model.items():
        if isinstance(value, dict) and "features" in value:
            inner = []
            for part_key, part_value in value.items():
                if part_key == "features":
                    rows = ",\n".join(f"   {compact(name)}: {compact(spec)}" for name, spec in part_value.items())
                    inner.append(f'  "features": {{\n{rows}\n  }}')
                else:
                    inner.append(f"  {compact(part_key)}: {compact(part_value)}")
            blocks.append(f" {compact(key)}: {{\n" + ",\n".join(inner) + "\n }")
        else:
            blocks.append(f" {compact(key)}: {compact(value)}")
    return "{\n" + ",\n".join(blocks) + "\n}\n"


def fit_model(x_all, columns, names, rows, y, groups, reference, l2, raw_all):
    """Fit on `rows`: clipping at the 0.5/99.5 percentiles, centring on the `reference` class
    (0: native, human), scaling, then the L2 fit (tells penalised less: TELL_PENALTY)."""
    import numpy as np

    kept = list(names)
    x = x_all[np.ix_(rows, [columns[n] for n in names])]
    low, high = np.percentile(x, 0.5, axis=0), np.percentile(x, 99.5, axis=0)
    high = np.where([n in UNCAPPED for n in kept], np.inf, high)
    x = np.clip(x, low, high)
    center = x[y == reference].mean(axis=0)
    scale = x.std(axis=0) + 1e-9
    penalties = np.array([l2 * TELL_PENALTY if n in UNCAPPED else l2 for n in kept])
    beta = fit_logistic((x - center) / scale, y, balanced_weights(groups, y), penalties)
    raw = raw_all[np.ix_(rows, [columns[n] for n in kept])]
    typical = raw[y == reference].mean(axis=0)
    return Fitted(kept, beta[:-1], beta[-1], low, high, center, scale, typical)


# ----------------------------------------------------------------------------- the two models
def translated_group(sample: Sample) -> str:
    return sample.lang if sample.translated else sample.collection


def fit_translated(data, rows, names, l2):
    samples = data["samples"]
    y = data["is_translated"][rows]
    groups = [translated_group(samples[i]) for i in rows]
    return fit_model(data["x"], data["columns"], names, rows, y, groups, 0, l2, data["raw"])


def fit_machine(data, rows, names, l2):
    samples = data["samples"]
    y = data["is_mt"][rows]
    groups = [samples[i].lang for i in rows]
    return fit_model(data["x"], data["columns"], names, rows, y, groups, 0, l2, data["raw"])


def held_out_translated(data, names, l2):
    """Held-out logits: translations scored by a model without their source language, natives by
    a model without their collection (web-2018-20: without their outlet group)."""
    import numpy as np

    samples = data["samples"]
    logits = np.zeros(len(samples))
    everything = np.arange(len(samples))
    for lang in sorted({s.lang for s in samples if s.translated}):
        test = np.array([s.lang == lang for s in samples])
        model = fit_translated(data, everything[~test], names, l2)
        logits[test] = model.logits(data["x"][test], data["columns"])
    for group in sorted({s.group for s in samples if not s.translated}):
        test = np.array([not s.translated and s.group == group for s in samples])
        model = fit_translated(data, everything[~test], names, l2)
        logits[test] = model.logits(data["x"][test], data["columns"])
    return logits


def held_out_machine(data, names, l2):
    import numpy as np

    samples = data["samples"]
    logits = np.full(len(samples), np.nan)
    translated = np.array([s.translated for s in samples])
    for lang in sorted({s.lang for s in samples if s.translated}):
        test = np.array([s.lang == lang for s in samples])
        model = fit_machine(data, np.where(translated & ~test)[0], names, l2)
        logits[test] = model.logits(data["x"][test], data["columns"])
    return logits


# ----------------------------------------------------------------------------- thresholds
def verdicts_at(data, likelihoods, thresholds) -> list[str]:
    return [
        decide(p, item["words"], item["tells"], item["list_like"], thresholds)
        for p, item in zip(likelihoods, data["stats"], strict=True)
    ]


def native_cells(samples: list[Sample]) -> dict[tuple[str, str], list[int]]:
    cells: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(samples):
        if not s.translated:
            cells[(s.collection, s.layout)].append(i)
    return cells


def choose_thresholds(data, likelihoods, review_rate: float, likely_rate: float) -> dict[str, float]:
    """The lowest thresholds at which no native collection, in either layout, exceeds the rates."""
    cells = native_cells(data["samples"])
    native = sorted({round(float(likelihoods[i]), 6) for idx in cells.values() for i in idx})

    def worst(thresholds, flagged: tuple[str, ...]) -> float:
        verdicts = verdicts_at(data, likelihoods, thresholds)
        return max(sum(verdicts[i] in flagged for i in idx) / len(idx) for idx in cells.values())

    def lowest(ok) -> float:
        # the verdict shares fall as the threshold rises: bisect over the native scores
        lo, hi = 0, len(native)
        while lo < hi:
            mid = (lo + hi) // 2
            if ok(native[mid] + 1e-7):
                hi = mid
            else:
                lo = mid + 1
        return round(native[lo] + 1e-6, 6) if lo < len(native) else 1.0

    # the tells alone: one more distinct tell rule than the natives may have (never fewer than MIN_TELL_RULES)
    tell_rules = MIN_TELL_RULES
    never = {"review": 2.0, "likely-mt": 2.0, "tell-rules": tell_rules}
    while worst(never, ("likely-mt",)) > likely_rate:
        tell_rules += 1
        never["tell-rules"] = tell_rules
    likely = lowest(lambda t: worst({"review": t, "likely-mt": t, "tell-rules": tell_rules}, ("likely-mt",))
                    <= likely_rate)
    review = lowest(lambda t: worst({"review": min(t, likely), "likely-mt": likely, "tell-rules": tell_rules},
                                    ("review", "likely-mt")) <= review_rate)
    return {"review": min(review, likely), "likely-mt": likely, "tell-rules": tell_rules}


def machine_threshold(data, probabilities, human_rate: float) -> float:
    """The lowest machine score at which at most `human_rate` of held-out human translations reach it."""
    human = sorted((p for p, s in zip(probabilities, data["samples"], strict=True) if s.origin == "human"),
                   reverse=True)
    allowed = int(human_rate * len(human))
    return round(float(human[allowed]) + 1e-6, 6)


def native_scale(data, held) -> dict:
    """The native scale: the held-out logit of the native articles (at least MIN_WORDS words) at each of
    SCALE_PERCENTILES, where a percentile is the weighted share of native articles scoring at or below it;
    each collection weighs the same, and an article presented in two layouts weighs half in each."""
    samples, stats = data["samples"], data["stats"]
    cells = native_cells(samples)
    layouts: dict[str, int] = defaultdict(int)
    for collection, _layout in cells:
        layouts[collection] += 1
    collections = sorted(layouts)
    scored: list[tuple[float, float]] = []
    articles: dict[str, int] = defaultdict(int)
    for (collection, _layout), idx in cells.items():
        live = [i for i in idx if stats[i]["words"] >= MIN_WORDS]
        articles[collection] = max(articles[collection], len(live))
        scored += [(float(held[i]), 1 / (len(collections) * layouts[collection] * len(live))) for i in live]
    scored.sort()
    total = sum(w for _z, w in scored)
    logits, cumulative, k = [], 0.0, 0
    for percentile in SCALE_PERCENTILES:
        while k < len(scored) - 1 and 100 * (cumulative + scored[k][1]) / total < percentile - 1e-9:
            cumulative += scored[k][1]
            k += 1
        logits.append(round(scored[k][0], 4) if percentile < 100 else round(scored[-1][0], 4))
    return {
        "about": ("share of native English news articles of the development data scoring lower, held out "
                  "(each scored by a model that never saw its collection); collections weigh the same"),
        "collections": {c: articles[c] for c in collections},
        "percentiles": list(SCALE_PERCENTILES),
        "logits": logits,
    }


# ----------------------------------------------------------------------------- the table
def sigmoid(z):
    import numpy as np

    return 1 / (1 + np.exp(-np.clip(z, -40, 40)))


def share(flags: list[bool]) -> str:
    return f"{100 * sum(flags) / len(flags):5.1f}%" if flags else "    -"


def print_table(data, held, baseline, machine, thresholds, machine_at, title: str, held_out: bool = True) -> dict:
    """The grouped table: per source language, per native collection and layout, machine vs human.
    `held_out`: the scores come from the grouped folds (else: from one model fit on everything)."""
    left_out = "held out" if held_out else "in-sample"
    samples, stats = data["samples"], data["stats"]
    scored = [item["words"] >= MIN_WORDS for item in stats]
    verdicts = verdicts_at(data, sigmoid(held), thresholds)
    native_idx = [i for i, s in enumerate(samples) if not s.translated and scored[i]]
    summary: dict = {"languages": {}, "collections": {}, "machine": {}}
    print(f"\n{title}")
    print(f"thresholds: review {thresholds['review']:.4f}, likely-mt {thresholds['likely-mt']:.4f} "
          f"(or {thresholds['tell-rules']} distinct tell rules); machine {machine_at:.4f}; "
          f"articles under {MIN_WORDS} words are too-short (no likelihood)")
    print(f"\nTranslated vs native by source language ({left_out}; AUC against all native articles; "
          f"base: the function-word baseline, held out)")
    print(f"{'source':<8}{'mt':>6}{'human':>6}{'AUC':>7}{'base':>7}{'AUC mt':>8}{'AUC hu':>8}"
          f"{'mt review+':>12}{'mt likely':>11}{'hu review+':>12}{'too-short':>11}")
    native_held = [held[i] for i in native_idx]
    native_base = [baseline[i] for i in native_idx]
    langs = sorted({s.lang for s in samples if s.translated})
    for lang in [*langs, "all"]:
        idx = [i for i, s in enumerate(samples) if s.translated and (lang == "all" or s.lang == lang)]
        live = [i for i in idx if scored[i]]
        mt = [i for i in live if samples[i].origin == "mt"]
        hu = [i for i in live if samples[i].origin == "human"]
        auc = roc_auc([held[i] for i in live], native_held)
        base = roc_auc([baseline[i] for i in live], native_base)
        auc_mt = roc_auc([held[i] for i in mt], native_held)
        auc_hu = roc_auc([held[i] for i in hu], native_held)
        mt_all = [i for i in idx if samples[i].origin == "mt"]
        hu_all = [i for i in idx if samples[i].origin == "human"]
        print(f"{lang:<8}{len(mt_all):>6}{len(hu_all):>6}{auc:7.3f}{base:7.3f}{auc_mt:8.3f}{auc_hu:8.3f}"
              f"{share([verdicts[i] in ('review', 'likely-mt') for i in mt_all]):>12}"
              f"{share([verdicts[i] == 'likely-mt' for i in mt_all]):>11}"
              f"{share([verdicts[i] in ('review', 'likely-mt') for i in hu_all]):>12}"
              f"{share([not scored[i] for i in idx]):>11}")
        summary["languages"][lang] = {"auc": round(auc, 4), "baseline_auc": round(base, 4)}

    print(f"\nNative collections ({left_out}; web-2018-20 by outlet group): verdict shares")
    print(f"{'collection':<20}{'layout':<12}{'articles':>9}{'AUC':>7}{'base':>7}{'likely-mt':>11}"
          f"{'review+':>9}{'too-short':>11}")
    translated_live = [i for i, s in enumerate(samples) if s.translated and scored[i]]
    for (collection, layout), idx in sorted(native_cells(samples).items()):
        live = [i for i in idx if scored[i]]
        auc = roc_auc([held[i] for i in translated_live], [held[i] for i in live])
        base = roc_auc([baseline[i] for i in translated_live], [baseline[i] for i in live])
        likely = [verdicts[i] == "likely-mt" for i in idx]
        review = [verdicts[i] in ("review", "likely-mt") for i in idx]
        print(f"{collection:<20}{layout:<12}{len(idx):>9}{auc:7.3f}{base:7.3f}{share(likely):>11}{share(review):>9}"
              f"{share([not scored[i] for i in idx]):>11}")
        summary["collections"][f"{collection}/{layout}"] = {
            "likely_mt": round(sum(likely) / len(idx), 4), "review_or_worse": round(sum(review) / len(idx), 4)}

    print(f"\nMachine vs human translation by source language ({left_out})")
    print(f"{'source':<8}{'mt':>6}{'human':>6}{'AUC':>7}{'mt machine':>12}{'hu machine':>12}")
    for lang in [*langs, "all"]:
        live = [i for i, s in enumerate(samples) if s.translated and scored[i] and (lang == "all" or s.lang == lang)]
        mt = [machine[i] for i in live if samples[i].origin == "mt"]
        hu = [machine[i] for i in live if samples[i].origin == "human"]
        auc = roc_auc(mt, hu)
        at = math.log(machine_at / (1 - machine_at))
        print(f"{lang:<8}{len(mt):>6}{len(hu):>6}{auc:7.3f}{share([z >= at for z in mt]):>12}"
              f"{share([z >= at for z in hu]):>12}")
        summary["machine"][lang] = round(auc, 4)
    return summary


def print_families(part: dict) -> None:
    """Where the weight lies: the share of the summed absolute coefficients by family of statistics."""
    totals: dict[str, float] = defaultdict(float)
    for name, spec in part["features"].items():
        totals[describe(name)[0]] += abs(spec["coef"])
    grand = sum(totals.values())
    print("  weight by family: " + ", ".join(
        f"{family} {100 * total / grand:.0f}%" for family, total in sorted(totals.items(), key=lambda kv: -kv[1])))


# ----------------------------------------------------------------------------- main
def build(samples: list[Sample], jobs: int) -> dict:
    import numpy as np

    stats = compute_stats(samples, jobs)
    translated_names = candidates(stats, TRANSLATED_SCALARS, TRANSLATED_SHARE)
    machine_names = candidates(stats, MACHINE_SCALARS, MACHINE_SHARE)
    baseline_names = [f"w:{w}" for w in sorted(FUNCTION_WORDS)] + ["sentence_mean"]
    names = sorted(set(translated_names) | set(machine_names) | set(baseline_names))
    raw = np.array([[item["values"].get(name, 0.0) for name in names] for item in stats], dtype=float)
    x = raw.copy()
    for j, name in enumerate(names):
        if transform_name(name) == "sqrt":
            x[:, j] = np.sqrt(np.maximum(x[:, j], 0.0))
    return {
        "samples": samples,
        "stats": stats,
        "x": x,
        "raw": raw,
        "columns": {name: j for j, name in enumerate(names)},
        "translated_names": translated_names,
        "machine_names": machine_names,
        "baseline_names": baseline_names,
        "is_translated": np.array([int(s.translated) for s in samples]),
        "is_mt": np.array([int(s.origin == "mt") for s in samples]),
    }


def shipped_logits(data, model: dict, part: str):
    """The shipped model's logits, computed by likelihood.py from the statistics by name."""
    import numpy as np

    translated = np.array([logit_of_values(item["values"], model[TRANSLATED]) for item in data["stats"]])
    if part == TRANSLATED:
        return translated
    machine = np.array([logit_of_values(item["values"], model[MACHINE]) for item in data["stats"]])
    return machine + model[MACHINE].get("translated_weight", 0.0) * translated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="read only the first N documents of each file")
    parser.add_argument("--every", type=int, default=1, help="read only every N-th document (a quick look)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--write", action="store_true", help=f"refit on all data and write {MODEL_PATH.name}")
    parser.add_argument("--write-scale", action="store_true",
                        help=f"write only the native scale into {MODEL_PATH.name} (no refit)")
    parser.add_argument("--l2", type=float, default=3000.0, help="L2 penalty of the translated model")
    parser.add_argument("--machine-l2", type=float, default=1000.0, help="L2 penalty of the machine model")
    parser.add_argument("--translated-weight", type=float, default=0.2,
                        help="share of the translated logit added to the machine score")
    parser.add_argument("--review-rate", type=float, default=0.04,
                        help="native share allowed at review or worse, per collection and layout")
    parser.add_argument("--likely-rate", type=float, default=0.005,
                        help="native share allowed at likely-mt, per collection and layout")
    parser.add_argument("--human-rate", type=float, default=0.25,
                        help="share of human translations allowed at or above the machine threshold")
    args = parser.parse_args()

    import numpy as np

    samples = load_samples(args.limit, args.every)
    data = build(samples, args.jobs)
    print(f"documents: {len(samples)} (" + ", ".join(
        f"{o} {sum(1 for s in samples if s.origin == o)}" for o in ORIGINS) + "; native-news articles in two layouts)")
    print(f"candidates: translated {len(data['translated_names'])}, machine {len(data['machine_names'])}, "
          f"baseline {len(data['baseline_names'])}")

    held = held_out_translated(data, data["translated_names"], args.l2)
    baseline = held_out_translated(data, data["baseline_names"], 1.0)
    machine = held_out_machine(data, data["machine_names"], args.machine_l2) + args.translated_weight * held
    thresholds = choose_thresholds(data, sigmoid(held), args.review_rate, args.likely_rate)
    machine_at = machine_threshold(data, [float(sigmoid(z)) if not np.isnan(z) else 0.0 for z in machine],
                                   args.human_rate)
    summary = print_table(data, held, baseline, machine, thresholds, machine_at,
                          "HELD-OUT FOLDS (the figures that count)")
    scale = native_scale(data, held)
    print("\nnative scale (held out): the logit at percentiles " + ", ".join(
        f"{p:g}: {z:+.2f}" for p, z in zip(scale["percentiles"], scale["logits"], strict=True)
        if p in (50, 90, 95, 98, 99, 99.4, 99.8, 100)))

    if args.write:
        everything = np.arange(len(samples))
        translated = fit_translated(data, everything, data["translated_names"], args.l2)
        machine_model = fit_machine(data, np.where(data["is_translated"] == 1)[0], data["machine_names"],
                                    args.machine_l2)
        model = {
            "about": "MT-likelihood models: written by bench/calibrate.py --write; do not edit by hand",
            "trained_on": f"{len(samples)} documents: wmt-dev (mt, human, native) and native-news (both layouts)",
            "validation": summary,
            TRANSLATED: {**translated.to_json(), "thresholds": thresholds, "native_scale": scale},
            MACHINE: {**machine_model.to_json(), "translated_weight": args.translated_weight,
                      "threshold": machine_at},
        }
        MODEL_PATH.write_text(model_text(model), encoding="utf-8")
        load_model.cache_clear()
        print(f"\nwrote {MODEL_PATH} and {write_compiled()}")
    elif args.write_scale:
        model = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
        model[TRANSLATED]["native_scale"] = scale
        MODEL_PATH.write_text(model_text(model), encoding="utf-8")
        load_model.cache_clear()
        print(f"\nwrote the native scale into {MODEL_PATH} (and {write_compiled()})")

    model = load_model()
    translated_part = model[TRANSLATED]
    print_table(data, shipped_logits(data, model, TRANSLATED), baseline, shipped_logits(data, model, MACHINE),
                translated_part["thresholds"], model[MACHINE]["threshold"],
                "SHIPPED MODEL on the same data (fit on it: in-sample, for reference only)", held_out=False)
    weights = sorted(translated_part["features"].items(), key=lambda item: -abs(item[1]["coef"]))
    print(f"\nshipped translated model: {len(weights)} features; the heaviest:")
    print("  " + ", ".join(f"{name} {spec['coef']:+.2f}" for name, spec in weights[:25]))
    print_families(translated_part)
    machine_weights = sorted(model[MACHINE]["features"].items(), key=lambda item: -abs(item[1]["coef"]))
    print(f"shipped machine model: {len(machine_weights)} features; the heaviest:")
    print("  " + ", ".join(f"{name} {spec['coef']:+.2f}" for name, spec in machine_weights[:15]))


if __name__ == "__main__":
    main()
