"""The MT-likelihood models: regularised logistic regressions over an article's statistics
(``features.ArticleStats``), fit by ``bench/calibrate.py --write`` with grouped validation (a source
language, a native collection left out) and stored in ``likelihood.json`` next to this module. Run
time is plain arithmetic over the stored weights: no training, no heavy import.

Two models:

- ``translated``: translated (by machine or by a person) against English-original news;
- ``machine``: machine output against professional human translation of the same articles. Machine
  output also reads as more translated than a person's translation: the machine score adds
  ``translated_weight`` times the translated model's logit to its own.

Each feature is transformed (``sqrt`` for rates), clipped to the range it was calibrated on, and
centred on its typical value in native news, so that a contribution reads as "this much more (or
less) like a translation than typical native copy".
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import marshal
import math
import operator
from pathlib import Path
from typing import Any

from ..text.dataclass_code import dataclass
from .features import ArticleStats

MODEL_PATH = Path(__file__).with_name("likelihood.json")
# The models ready to score (`Scorer`), kept as data (marshal) next to likelihood.json and keyed by its
# SHA-256: parsing the JSON and compiling its two models was some 15 ms of a one-file lint. Remade by
# `python -m audit.precompile` (tests/test_scoring_fast_paths.py says when it is stale); a missing or
# stale file is never read, the models are then built from the JSON (the same scores, more slowly).
COMPILED_PATH = MODEL_PATH.with_name("likelihood.marshal")
COMPILED_FORMAT = 1
TRANSLATED, MACHINE = "translated", "machine"

@functools.lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> dict[str, Any]:
    return parsed(path.read_text(encoding="utf-8"))


def parsed(source: str | bytes) -> Any:
    """json.loads(source). json is imported here, when a model is read from its JSON (a model file, or
    likelihood.json when its compiled form is stale): a start-up cost (some 2 ms, its module patterns
    compiled) that a scoring run reading the compiled form does not pay."""
    import json

    return json.loads(source)


class LinearPart:
    """One model of likelihood.json, ready for sparse evaluation: an article has a few hundred of the
    token sequences the model weighs, and every absent one pushes by the same, precomputed amount.

    `names` orders the features as `pushes` gives them (the sequences in the model's order, then the
    scalars); `push_values` gives the pushes in that order as a list."""

    def __init__(self, part: dict[str, Any]) -> None:
        self.intercept: float = part["intercept"]
        self.scalars: dict[str, tuple] = {}
        # by kind (w, b, t, s), then by the key the ArticleStats counters use (a token, or a tuple of them)
        sequences: dict[str, dict[Any, tuple[str, tuple]]] = {"w": {}, "b": {}, "t": {}, "s": {}}
        absent: dict[str, float] = {}  # a sequence feature's push when the article lacks it
        for name, spec in part["features"].items():
            entry = (
                spec["coef"] / spec["scale"],
                spec["center"],
                spec.get("min"),
                spec.get("max"),
                spec.get("transform", "identity") == "sqrt",
            )
            kind, colon, key = name.partition(":")
            if colon:
                sequences[kind][key if kind in "ws" else tuple(key.split())] = (name, entry)
                absent[name] = push(entry, 0.0)
            else:
                self.scalars[name] = entry
        self.base = self.intercept + sum(absent.values())
        self.names: tuple[str, ...] = (*absent, *self.scalars)
        position = {name: index for index, name in enumerate(self.names)}
        self._absent_values = [*absent.values(), *(0.0 for _ in self.scalars)]
        self._scalar_slots = [(position[name], name, entry) for name, entry in self.scalars.items()]
        # by kind, key -> (position in `names`, push when absent, entry: weight, center, min, max, sqrt)
        self._slots: dict[str, dict[Any, tuple]] = {
            kind: {key: (position[name], absent[name], entry) for key, (name, entry) in table.items()}
            for kind, table in sequences.items()
        }
        # the sequence features by how strongly they push when absent (for `strongest`)
        self._absent_rank = sorted(range(len(absent)), key=lambda index: -abs(self._absent_values[index]))

    @functools.cached_property
    def sequences(self) -> dict[str, dict[Any, tuple[str, tuple]]]:
        """By kind (w, b, t, s), the key the ArticleStats counters use (a token, or a tuple of them) ->
        (name, entry)."""
        names = self.names
        return {kind: {key: (names[slot[0]], slot[2]) for key, slot in table.items()}
                for kind, table in self._slots.items()}

    @functools.cached_property
    def absent(self) -> dict[str, float]:
        """A sequence feature's push when the article lacks it, by name (in the order of `names`)."""
        count = len(self.names) - len(self.scalars)  # the sequence features come first
        return dict(zip(self.names[:count], self._absent_values[:count], strict=True))

    def state(self) -> dict[str, Any]:
        """What the part is made of, as plain data (`from_state` makes it again)."""
        return {name: value for name, value in vars(self).items() if name not in ("sequences", "absent")}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> LinearPart:
        part = cls.__new__(cls)
        vars(part).update(state)
        return part

    def _kinds(self, stats: ArticleStats):
        """(slots, counts, unit, the present keys) of each kind of sequence: the article's keys in
        their order, or the model's in its order when the article has more of them than it weighs."""
        slots = self._slots
        for kind, counts, unit in _sequence_counts(stats):
            table = slots[kind]
            if len(counts) > len(table):
                present = filter(counts.__contains__, table)
            else:
                present = filter(table.__contains__, counts)
            yield table, counts, unit, present

    def logit(self, stats: ArticleStats) -> float:
        """The model's logit: `base` plus each present feature's push less its push when absent, the
        scalars first, then the sequences in `_kinds`' order (JointModel.evaluate sums in this order)."""
        total = self.base
        scalars = stats.scalars
        for _position, name, entry in self._scalar_slots:
            total += push(entry, scalars[name])
        for table, counts, unit, present in self._kinds(stats):
            for key in present:
                _position, absent, entry = table[key]
                total += push(entry, counts[key] * unit) - absent
        return total

    def push_values(self, stats: ArticleStats) -> Pushes:
        """`pushes`, in the order of `names`."""
        values, touched = self._scalar_pushes(stats)
        for table, counts, unit, present in self._kinds(stats):
            for key in present:
                position, _absent, entry = table[key]
                values[position] = push(entry, counts[key] * unit)
                touched.append(position)
        return Pushes(self, values, touched)

    def _scalar_pushes(self, stats: ArticleStats) -> tuple[list[float], list[int]]:
        """The pushes in the order of `names` with every scalar's set (the sequences' as when absent),
        and the scalars' positions."""
        values = self._absent_values.copy()
        touched = []
        scalars = stats.scalars
        for position, name, entry in self._scalar_slots:
            values[position] = push(entry, scalars[name])
            touched.append(position)
        return values, touched

    def pushes(self, stats: ArticleStats) -> dict[str, float]:
        """Each feature's push on the logit (positive: towards the model's positive class)."""
        return self.push_values(stats).as_dict()


class Pushes:
    """Each feature's push on a model's logit for one article, in the order of `model.names`;
    `touched`: the positions of the features the article has (the others push as when absent)."""

    __slots__ = ("model", "values", "touched")

    def __init__(self, model: LinearPart, values: list[float], touched: list[int]) -> None:
        self.model = model
        self.values = values
        self.touched = touched

    def as_dict(self) -> dict[str, float]:
        return dict(zip(self.model.names, self.values, strict=True))

    def logit(self) -> float:
        """The intercept plus every push, summed in the order of `names`."""
        return self.model.intercept + sum(self.values)

    def strongest(self, count: int) -> list[tuple[str, float]]:
        """The `count` (name, push) pairs of the largest pushes either way, as
        `heapq.nlargest(count, pushes.items(), key=lambda item: abs(item[1]))` gives them (ties in
        the order of `names`): only the present features and the strongest absent ones are ranked."""
        if count <= 0:
            return []
        values, names, touched = self.values, self.model.names, self.touched
        untouched = itertools.filterfalse(set(touched).__contains__, self.model._absent_rank)
        candidates = touched + list(itertools.islice(untouched, count))
        strengths = [abs(values[position]) for position in candidates]
        if len(strengths) > count:  # keep those at least as strong as the count-th strongest (ties kept)
            weakest = sorted(strengths)[-count]
            ranked = sorted([(-strength, position) for strength, position in zip(strengths, candidates, strict=True)
                             if strength >= weakest])
        else:
            ranked = sorted(zip(map(operator.neg, strengths), candidates, strict=True))
        return [(names[position], values[position]) for _strength, position in ranked[:count]]


class JointModel:
    """The translated and the machine model read in one pass over an article's token sequences (both
    weigh many of the same ones): the translated model's pushes and the machine model's own logit,
    each equal to the last bit to what its LinearPart gives alone.

    Every sequence feature of likelihood.json is a square root with no lower bound above 0, which an
    article's count (1 or more) never falls under: the pass reads only the upper bound. A model with
    another kind of sequence feature is read by its LinearParts one after the other."""

    def __init__(self, translated: LinearPart, machine: LinearPart) -> None:
        self.translated = translated
        self.machine = machine
        self.simple = all(
            root and (low is None or low <= 0)
            for model in (translated, machine)
            for slots in model._slots.values()
            for _position, _absent, (_weight, _center, low, _high, root) in slots.values()
        )
        # by kind, key -> (the translated model's position (-1: it does not weigh the key), weight, center
        # and upper bound, the machine model's push when absent, weight (None: it does not weigh the key),
        # center and upper bound); no upper bound is infinity
        self._slots: dict[str, dict[Any, tuple]] = {}
        for kind, slots in translated._slots.items():
            joint: dict[Any, tuple] = {}
            for key, (position, _absent, (weight, center, _low, high, _root)) in slots.items():
                joint[key] = (position, weight, center, math.inf if high is None else high, 0.0, None, 0.0, 0.0)
            for key, (_position, absent, (weight, center, _low, high, _root)) in machine._slots[kind].items():
                mine = joint.get(key, (-1, 0.0, 0.0, 0.0))[:4]
                joint[key] = (*mine, absent, weight, center, math.inf if high is None else high)
            self._slots[kind] = joint
        # each model's scalars as _scalar_pushes reads them (the translated model's positions apart)
        self._translated_scalars = [_scalar_entry(name, entry) for _position, name, entry in translated._scalar_slots]
        self._translated_scalar_positions = [position for position, _name, _entry in translated._scalar_slots]
        self._machine_scalars = [_scalar_entry(name, entry) for _position, name, entry in machine._scalar_slots]

    def state(self) -> dict[str, Any]:
        """What the joint model is made of, its parts too, as plain data (`from_state` makes it again)."""
        state = dict(vars(self))
        state["translated"], state["machine"] = self.translated.state(), self.machine.state()
        return state

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> JointModel:
        model = cls.__new__(cls)
        vars(model).update(state)
        model.translated = LinearPart.from_state(state["translated"])
        model.machine = LinearPart.from_state(state["machine"])
        return model

    def evaluate(self, stats: ArticleStats) -> tuple[Pushes, float]:
        """(`translated.push_values(stats)`, `machine.logit(stats)`)."""
        translated, machine = self.translated, self.machine
        if not self.simple:
            return translated.push_values(stats), machine.logit(stats)
        sqrt = math.sqrt
        values = translated._absent_values.copy()
        touched = self._translated_scalar_positions.copy()
        for position, value in zip(touched, _scalar_pushes(self._translated_scalars, stats.scalars), strict=True):
            values[position] = value
        total = machine.base  # the machine model's logit, summed in LinearPart.logit's order
        for value in _scalar_pushes(self._machine_scalars, stats.scalars):
            total += value
        touch = touched.append
        for kind, counts, unit in _sequence_counts(stats):
            get = self._slots[kind].get
            # LinearPart.logit reads the article's sequences in their order unless it has more of them
            # than the model weighs; then in the model's order, in a loop of its own here
            in_order = len(counts) <= len(machine._slots[kind])
            for key, count in counts.items():
                slot = get(key)
                if slot is None:
                    continue
                position, weight, center, high, absent, their_weight, their_center, their_high = slot
                raw = count * unit
                value = sqrt(raw) if raw > 0 else 0.0
                if position >= 0:
                    values[position] = weight * ((high if value > high else value) - center)
                    touch(position)
                if their_weight is not None and in_order:
                    total += their_weight * ((their_high if value > their_high else value) - their_center) - absent
            if not in_order:
                table = machine._slots[kind]
                for key in filter(counts.__contains__, table):
                    _position, absent, entry = table[key]
                    total += push(entry, counts[key] * unit) - absent
        return Pushes(translated, values, touched), total


def _scalar_entry(name: str, entry: tuple) -> tuple:
    """(name, weight, center, low, high, root) of a scalar feature, a missing bound an infinite one
    (`value < low` and `value > high` are then never true, as push reads a missing bound)."""
    weight, center, low, high, root = entry
    return name, weight, center, -math.inf if low is None else low, math.inf if high is None else high, root


def _scalar_pushes(entries: list[tuple], scalars: dict[str, float]) -> list[float]:
    """push(entry, scalars[name]) of each scalar feature (`_scalar_entry`), the arithmetic inlined."""
    sqrt = math.sqrt
    pushes = []
    for name, weight, center, low, high, root in entries:
        raw = scalars[name]
        value = (sqrt(raw) if raw > 0 else 0.0) if root else raw
        if value < low:
            value = low
        if value > high:
            value = high
        pushes.append(weight * (value - center))
    return pushes


def _sequence_counts(stats: ArticleStats) -> tuple[tuple[str, Any, float], ...]:
    """(kind, the article's counts, the unit a count is read in) of each kind of token sequence."""
    per_token = 100 / max(stats.tokens, 1)
    return (
        ("w", stats.unigrams, per_token),
        ("b", stats.bigrams, per_token),
        ("t", stats.trigrams, per_token),
        ("s", stats.openings, 1 / max(stats.sentences, 1)),
    )


def push(entry: tuple, raw: float) -> float:
    """A feature's push at a raw value: transformed, clipped to its calibrated range, centred on
    native news, scaled and weighted."""
    weight, center, low, high, root = entry
    value = math.sqrt(raw) if root and raw > 0 else (0.0 if root else raw)
    if low is not None and value < low:
        value = low
    if high is not None and value > high:
        value = high
    return weight * (value - center)


_COMPILED: dict[int, tuple[dict[str, Any], LinearPart]] = {}


def compiled(part: dict[str, Any]) -> LinearPart:
    """The LinearPart of a model part (built once per part)."""
    cached = _COMPILED.get(id(part))
    if cached is None or cached[0] is not part:
        cached = _COMPILED[id(part)] = (part, LinearPart(part))
    return cached[1]


_JOINT: dict[tuple[int, int], tuple[LinearPart, LinearPart, JointModel]] = {}


def joint(model: dict[str, Any]) -> JointModel:
    """The JointModel of a model's two parts (built once per pair)."""
    translated, machine = compiled(model[TRANSLATED]), compiled(model[MACHINE])
    cached = _JOINT.get((id(translated), id(machine)))
    if cached is None or cached[0] is not translated or cached[1] is not machine:
        cached = _JOINT[id(translated), id(machine)] = (translated, machine, JointModel(translated, machine))
    return cached[2]


@dataclass(frozen=True)
class Scorer:
    """A model ready to score an article: the model as `load_model` reads it, and its two parts read
    in one pass (`joint`)."""

    model: dict[str, Any]  # what `judge` reads of it besides the weights, at least (`_judged`)
    joint: JointModel


def _judged(model: dict[str, Any]) -> dict[str, Any]:
    """What `judge` reads of a model besides the weights: the translated model's thresholds, native scale
    and native feature values, the machine model's threshold and weight of the translated logit."""
    translated, machine = model[TRANSLATED], model[MACHINE]
    return {
        TRANSLATED: {
            "thresholds": translated["thresholds"],
            "native_scale": translated.get("native_scale"),
            "features": {name: {"native": spec.get("native")} for name, spec in translated["features"].items()},
        },
        MACHINE: {"threshold": machine["threshold"], "translated_weight": machine.get("translated_weight", 0.0)},
    }


def scorer(model: dict[str, Any] | None = None) -> Scorer:
    """The Scorer of a model (default: likelihood.json's, from its compiled form when it is fresh)."""
    if model is None:
        return _shipped_scorer()
    return Scorer(model, joint(model))


@functools.lru_cache(maxsize=1)
def _shipped_scorer() -> Scorer:
    source = MODEL_PATH.read_bytes()
    try:
        data = marshal.loads(COMPILED_PATH.read_bytes())
        if data["format"] == COMPILED_FORMAT and data["source"] == hashlib.sha256(source).hexdigest():
            return Scorer(data["model"], JointModel.from_state(data["joint"]))
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass
    return scorer(parsed(source))


def compiled_form(path: Path = MODEL_PATH) -> bytes:
    """The compiled form of a model file (what COMPILED_PATH holds for MODEL_PATH)."""
    source = path.read_bytes()
    model = parsed(source)
    data = {"format": COMPILED_FORMAT, "source": hashlib.sha256(source).hexdigest(), "model": _judged(model),
            "joint": joint(model).state()}
    return marshal.dumps(data)


def write_compiled() -> Path:
    """Remake COMPILED_PATH from MODEL_PATH."""
    COMPILED_PATH.write_bytes(compiled_form())
    _shipped_scorer.cache_clear()
    return COMPILED_PATH


def contributions(stats: ArticleStats, part: dict[str, Any]) -> dict[str, float]:
    """Each feature's push on the logit of one model part (positive: towards its positive class)."""
    return compiled(part).pushes(stats)


def logit(stats: ArticleStats, part: dict[str, Any]) -> float:
    return compiled(part).logit(stats)


def logit_of_values(values: dict[str, float], part: dict[str, Any]) -> float:
    """The logit from a table of raw statistics by name (bench/calibrate.py; absent names are 0)."""
    model = compiled(part)
    total = model.intercept
    for name, entry in model.scalars.items():
        total += push(entry, values.get(name, 0.0))
    for table in model.sequences.values():
        for name, entry in table.values():
            total += push(entry, values.get(name, 0.0))
    return total


def verdict_thresholds(model: dict[str, Any] | None = None) -> dict[str, float]:
    """The likelihoods at which the verdict becomes `review` and `likely-mt`."""
    thresholds = (model or load_model())[TRANSLATED]["thresholds"]
    return {"review": thresholds["review"], "likely-mt": thresholds["likely-mt"]}


def native_percentile(logit_value: float, part: dict[str, Any]) -> float | None:
    """The MT score shown to editors: the share (0 to 100) of the native English news articles of the
    development data that score lower than this logit of the translated model, read from its
    `native_scale` (held-out scores, written by bench/calibrate.py) by linear interpolation; 100 above
    every one of them. Monotone in the logit; None when the model has no scale."""
    scale = part.get("native_scale")
    if not scale:
        return None
    logits, percentiles = scale["logits"], scale["percentiles"]
    if logit_value <= logits[0]:
        return percentiles[0]
    if logit_value >= logits[-1]:
        return percentiles[-1]
    i = bisect.bisect_right(logits, logit_value)  # logits[i - 1] <= logit_value < logits[i]
    low, high = logits[i - 1], logits[i]
    return percentiles[i - 1] + (percentiles[i] - percentiles[i - 1]) * (logit_value - low) / (high - low)


def native_percentile_of(likelihood: float, model: dict[str, Any] | None = None) -> float | None:
    """`native_percentile` of a likelihood (a probability of the translated model)."""
    part = (model or load_model())[TRANSLATED]
    if likelihood <= 0.0:
        return native_percentile(-math.inf, part)
    if likelihood >= 1.0:
        return native_percentile(math.inf, part)
    return native_percentile(math.log(likelihood / (1 - likelihood)), part)


def sigmoid(z: float) -> float:
    if z < -700:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def probability(stats: ArticleStats, part: dict[str, Any]) -> float:
    return sigmoid(logit(stats, part))


def mt_likelihood(stats: ArticleStats, model: dict[str, Any] | None = None) -> float:
    """Probability-like score in [0, 1] that the article is translated (by machine or otherwise)."""
    return probability(stats, (model or load_model())[TRANSLATED])


def machine_logit(stats: ArticleStats, model: dict[str, Any], translated_logit: float | None = None) -> float:
    part = model[MACHINE]
    if translated_logit is None:
        translated_logit = logit(stats, model[TRANSLATED])
    return logit(stats, part) + part.get("translated_weight", 0.0) * translated_logit


def machine_likelihood(stats: ArticleStats, model: dict[str, Any] | None = None) -> float:
    """Probability-like score in [0, 1] that a translated article is machine output rather than a
    professional human translation."""
    return sigmoid(machine_logit(stats, model or load_model()))


__all__ = [
    "COMPILED_PATH",
    "MACHINE",
    "MODEL_PATH",
    "TRANSLATED",
    "JointModel",
    "LinearPart",
    "Pushes",
    "Scorer",
    "compiled",
    "compiled_form",
    "contributions",
    "joint",
    "load_model",
    "logit",
    "logit_of_values",
    "machine_likelihood",
    "machine_logit",
    "mt_likelihood",
    "native_percentile",
    "native_percentile_of",
    "probability",
    "push",
    "scorer",
    "sigmoid",
    "verdict_thresholds",
    "write_compiled",
]
