"""MT likelihood: a logistic model over a handful of article features (translation-tell density and
statistics of translated English), fit on the development set by ``bench/calibrate.py --write``,
which stores the coefficients and verdict thresholds in ``likelihood.json`` next to this module."""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("likelihood.json")
VERDICTS = ("clean", "review", "likely-mt")
MIN_WORDS = 40  # below this the score is shown but flagged as unreliable


@functools.lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _clip(value: float, spec: dict[str, Any]) -> float:
    """Clip a feature to the range it was calibrated on (a null bound: no clipping)."""
    if spec.get("min") is not None:
        value = max(value, spec["min"])
    if spec.get("max") is not None:
        value = min(value, spec["max"])
    return value


def mt_likelihood(features: dict[str, float], model: dict[str, Any] | None = None) -> float:
    """Probability-like score in [0, 1] that the article is translated (machine or otherwise)."""
    model = model or load_model()
    z = model["intercept"]
    for name, spec in model["features"].items():
        value = _clip(features[name], spec)
        z += spec["coef"] * (value - spec["mean"]) / spec["std"]
    return 1.0 / (1.0 + math.exp(-z))


def verdict(score: float, model: dict[str, Any] | None = None) -> str:
    thresholds = (model or load_model())["thresholds"]
    if score >= thresholds["likely-mt"]:
        return "likely-mt"
    if score >= thresholds["review"]:
        return "review"
    return "clean"


def contributions(features: dict[str, float], model: dict[str, Any] | None = None) -> dict[str, float]:
    """Each feature's share of the logit (positive: pushes towards MT), for explaining a verdict."""
    model = model or load_model()
    out = {}
    for name, spec in model["features"].items():
        value = _clip(features[name], spec)
        out[name] = round(spec["coef"] * (value - spec["mean"]) / spec["std"], 3)
    return out


__all__ = ["MODEL_PATH", "VERDICTS", "contributions", "load_model", "mt_likelihood", "verdict"]
