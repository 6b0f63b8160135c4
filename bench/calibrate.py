"""Calibrate and measure the MT likelihood on the development set (translated vs native English).

    python bench/calibrate.py [--devset PATH] [--limit N] [--jobs N]      # measure the shipped model
    python bench/calibrate.py --write                                      # refit, store, then measure

Measuring prints the ROC AUC of `scores.mt_likelihood` (translated = mt + human, vs native), the
share of native articles judged `review` or `likely-mt` (the false-alarm rate), and the verdict
shares per origin, all through the real scoring path (audit_document_text with scores on).

Refitting (--write) fits a class-balanced, L2-regularised logistic regression over FEATURES on
standardised values, reports its 5-fold cross-validated AUC, picks the verdict thresholds on the
cross-validated native scores (at most --review-rate of native articles at `review` or above, at
most --likely-rate at `likely-mt`), and writes audit/scoring/likelihood.json.
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
from devset import DEFAULT_DEVSET, load_devset, roc_auc  # noqa: E402

from audit.config import Config  # noqa: E402
from audit.engine import RuleSet  # noqa: E402
from audit.runner import audit_document_text  # noqa: E402
from audit.scoring.features import article_features  # noqa: E402
from audit.scoring.likelihood import MODEL_PATH, VERDICTS  # noqa: E402

# Chosen by greedy forward selection on cross-validated AUC; the article length is left out on
# purpose (native documents of the development set are longer: an artefact of the data, not a tell).
FEATURES = (
    "lexical_tells_per_1000",
    "punctuation_tells_per_1000",
    "fw_said",
    "sentence_mean",
    "fw_of",
    "fw_personal",
    "commas_per_sentence",
    "fw_the",
    "fw_that",
    "word_length",
    "fw_will",
    "quote_marks",
    "fw_this",
)
# More tells is always more evidence: the tell density is not capped at the development set's range.
UNCAPPED = frozenset({"distinct_tells_per_1000", "tells_per_1000", "lexical_tells_per_1000",
                      "punctuation_tells_per_1000"})
ORIGINS = ("mt", "human", "native")
_RULESET = None


def _audit(row: dict) -> tuple[str, dict[str, float], float | None, str | None]:
    global _RULESET
    config = Config(scores=True)
    if _RULESET is None:
        _RULESET = RuleSet.load(config)
    report = audit_document_text(row["text"], row["id"], config, _RULESET)
    features = article_features(report.document, report.findings)
    return row["origin"], features, report.scores.mt_likelihood if report.scores else None, report.verdict


def fit_logistic(x, y, weights, l2: float = 1.0, iterations: int = 50):
    """Newton-Raphson on the weighted, L2-penalised log loss; the last coefficient is the intercept."""
    import numpy as np

    n, d = x.shape
    design = np.hstack([x, np.ones((n, 1))])
    beta = np.zeros(d + 1)
    penalty = np.eye(d + 1) * l2
    penalty[-1, -1] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (weights * (p - y)) + penalty @ beta
        hessian = (design * (weights * p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def threshold_for_rate(native_scores: list[float], rate: float) -> float:
    """The lowest threshold at which at most `rate` of the native scores reach it."""
    ranked = sorted(native_scores, reverse=True)
    allowed = int(rate * len(ranked))
    if allowed >= len(ranked):
        return 0.0
    above = ranked[allowed]  # the first native score that must stay below the threshold
    nearest_higher = ranked[allowed - 1] if allowed > 0 else 1.0
    return round((above + nearest_higher) / 2 if nearest_higher > above else above + 1e-6, 4)


def refit(results: list[tuple], args) -> dict:
    import numpy as np

    x = np.array([[features[name] for name in FEATURES] for _o, features, _s, _v in results], dtype=float)
    y = np.array([origin != "native" for origin, *_rest in results], dtype=float)
    low, high = np.percentile(x, 0.5, axis=0), np.percentile(x, 99.5, axis=0)
    uncapped = [i for i, name in enumerate(FEATURES) if name in UNCAPPED]
    high[uncapped] = np.inf
    x = np.clip(x, low, high)
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / std
    weights = np.where(y == 1, 0.5 / y.sum(), 0.5 / (1 - y).sum()) * len(y)

    folds = np.zeros(len(y), dtype=int)
    rng = np.random.default_rng(0)
    for label in (0, 1):
        members = np.where(y == label)[0]
        rng.shuffle(members)
        folds[members] = np.arange(len(members)) % args.folds
    held_out = np.zeros(len(y))
    for fold in range(args.folds):
        train = folds != fold
        beta = fit_logistic(z[train], y[train], weights[train], args.l2)
        held_out[~train] = 1 / (1 + np.exp(-(z[~train] @ beta[:-1] + beta[-1])))
    cv_auc = roc_auc(list(held_out[y == 1]), list(held_out[y == 0]))
    native_cv = list(held_out[y == 0])
    review = threshold_for_rate(native_cv, args.review_rate)
    likely = max(threshold_for_rate(native_cv, args.likely_rate), review)
    cv_review = sum(1 for s in native_cv if s >= review) / len(native_cv)
    cv_likely = sum(1 for s in native_cv if s >= likely) / len(native_cv)
    print(f"{args.folds}-fold cross-validated ROC AUC, translated vs native: {cv_auc:.3f}")
    print(f"cross-validated native false alarms at the chosen thresholds: review or likely-mt {cv_review:.1%}, "
          f"likely-mt {cv_likely:.1%}")

    beta = fit_logistic(z, y, weights, args.l2)
    model = {
        "about": "MT likelihood model: written by bench/calibrate.py --write; do not edit by hand",
        "trained_on": f"{args.devset.name}: {int(y.sum())} translated (mt + human), {int((1 - y).sum())} native",
        "cv_auc": round(cv_auc, 4),
        "intercept": round(float(beta[-1]), 6),
        "features": {
            name: {
                "coef": round(float(beta[i]), 6),
                "mean": round(float(mean[i]), 6),
                "std": round(float(std[i]), 6),
                "min": round(float(low[i]), 6),
                "max": None if name in UNCAPPED else round(float(high[i]), 6),
            }
            for i, name in enumerate(FEATURES)
        },
        "thresholds": {"review": review, "likely-mt": likely},
    }
    return model


def measure(results: list[tuple]) -> None:
    scores: dict[str, list[float]] = defaultdict(list)
    verdicts: dict[str, Counter] = defaultdict(Counter)
    for origin, _features, score, verdict in results:
        if score is not None:
            scores[origin].append(score)
        verdicts[origin][verdict] += 1
    translated = scores["mt"] + scores["human"]
    auc = roc_auc(translated, scores["native"])
    native = verdicts["native"]
    native_total = sum(native.values())
    false_alarms = (native["review"] + native["likely-mt"]) / max(native_total, 1)
    print("documents: " + ", ".join(f"{o} {sum(verdicts[o].values())}" for o in ORIGINS))
    print(f"ROC AUC of mt_likelihood, translated (mt + human) vs native: {auc:.3f}")
    likely_share = native["likely-mt"] / max(native_total, 1)
    print(f"native articles judged review or likely-mt: {false_alarms:.1%} "
          f"({native['review'] + native['likely-mt']} of {native_total}); likely-mt: {likely_share:.1%}")
    print("verdict shares by origin:")
    for origin in ORIGINS:
        total = max(sum(verdicts[origin].values()), 1)
        shares = ", ".join(f"{v} {verdicts[origin][v] / total:.1%}" for v in VERDICTS)
        print(f"  {origin:<7} {shares}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--write", action="store_true", help=f"refit and write {MODEL_PATH.name}")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=10.0, help="L2 penalty (larger: a less saturated score)")
    parser.add_argument("--review-rate", type=float, default=0.05, help="native share allowed at review or above")
    parser.add_argument("--likely-rate", type=float, default=0.02, help="native share allowed at likely-mt")
    args = parser.parse_args()

    rows = load_devset(args.devset, args.limit)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(_audit, rows, chunksize=32))
    if args.write:
        model = refit(results, args)
        MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:  # fresh workers load the new model
            results = list(pool.map(_audit, rows, chunksize=32))
    measure(results)


if __name__ == "__main__":
    main()
