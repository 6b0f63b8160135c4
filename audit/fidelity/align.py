"""Sentence alignment across languages without a neural model, near-linear in the article length.

Gale and Church (1993): a translated sentence is about `ratio` times as long as its original, with a
variance that grows with the length, so the cost of pairing two groups of sentences is
-log P(length difference) - log P(bead type) (the length difference's law with heavier tails than
Gale and Church's normal one: a loosely translated sentence is not an omission), over beads 1-1,
1-2, 2-1, 2-2, 1-3, 3-1 (merges and splits) and 1-0, 0-1 (a sentence with no counterpart, at a
fixed cost). Anchors refine the cost:
numbers, names, URLs shared by both sides pull two sentences together; a question or exclamation
mark, or a quotation, on one side only pushes them apart.

Dynamic programming over the whole n x m grid is quadratic; this one only visits a band around a
guide path. The guide runs through anchors found once on each side (a number or name that occurs
in one sentence of each text), kept when they form an increasing chain; between them it is a
straight line. If the best path touches the band's edge, the band is widened and the alignment
redone (at most a few times), so a long omission still aligns.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from ..text.dataclass_code import dataclass

INF = float("inf")
# (original sentences, translation sentences, -log prior), after Gale and Church's counts.
BEADS: tuple[tuple[int, int, float], ...] = (
    (1, 1, -math.log(0.89)),
    (1, 2, -math.log(0.089 / 2)),
    (2, 1, -math.log(0.089 / 2)),
    (2, 2, -math.log(0.011)),
    (1, 3, -math.log(0.006)),
    (3, 1, -math.log(0.006)),
    (1, 0, 0.0),  # skip costs: SKIP_COST below
    (0, 1, 0.0),
)
PRIORS = {(di, dj): prior for di, dj, prior in BEADS}
VARIANCE = 2.0  # of a translated sentence's length, per character (see Language.length_variance)
LOOSE_SHARE = 0.05  # of sentence pairs translated loosely ...
LOOSE_SPREAD = 3.0  # ... with this many times the spread of lengths
SKIP_COST = 5.0  # a sentence with no counterpart, whatever its length ...
SKIP_PER_UNIT = 0.01  # ... plus this per character: a long omission must be paid for
PRIOR_WEIGHT = 4.0  # the language pair's length ratio counts as this many sentences of the document's
SHARED_ANCHOR = 2.0  # a number or name on both sides
LONE_ANCHOR = 0.6  # a number or name on one side only (capped: see MAX_LONE)
MAX_LONE = 4
MARK_MISMATCH = 1.5  # "?" or "!" on one side only
QUOTE_MISMATCH = 1.0  # a quotation on one side only
FULL_GRID_CELLS = 250_000  # below this many cells, the whole grid
BAND = 5  # half-width of the band around the guide, in sentences (widened while the path touches its edge)
MAX_WIDENINGS = 3
RATIO_TOLERANCE = 0.03  # the alignment is redone when the one-to-one beads' length ratio differs by more


@dataclass(frozen=True)
class Unit:
    """What the aligner knows of one sentence."""

    length: float
    anchors: frozenset[str] = frozenset()  # numbers, names, links the other text has too
    lone: int = 0  # numbers the other text has nowhere: merging this sentence into a pair costs them
    question: bool = False
    exclamation: bool = False
    quote: bool = False


@dataclass(frozen=True)
class Bead:
    """Aligned sentences: indices into the original's and the translation's sentence lists."""

    original: tuple[int, ...]
    translation: tuple[int, ...]
    cost: float


def _flags(unit: Unit) -> int:
    return int(unit.question) | int(unit.exclamation) << 1 | int(unit.quote) << 2


# the cost of a question mark, an exclamation mark, a quotation on one side only, by the bits that differ
_FLAG_COSTS = tuple(
    MARK_MISMATCH * (bits & 1) + MARK_MISMATCH / 2 * (bits >> 1 & 1) + QUOTE_MISMATCH * (bits >> 2 & 1)
    for bits in range(8)
)


def _length_cost(z: float) -> float:
    """-log P(a length difference of z standard deviations or more), for a mixture: most sentences
    are translated closely (a normal law), one in twenty loosely (LOOSE_SPREAD times the spread).
    The normal law alone has tails so thin that a sentence paraphrased to half its length would cost
    more than leaving it out and adding another in its place."""
    close = math.exp(-_neg_log_two_tailed(z))
    loose = math.exp(-_neg_log_two_tailed(z / LOOSE_SPREAD))
    return -math.log(max((1 - LOOSE_SHARE) * close + LOOSE_SHARE * loose, 1e-300))


def _neg_log_two_tailed(z: float) -> float:
    """-log P(|Z| >= z) for a standard normal Z, without underflow for large z."""
    z = abs(z)
    if z < 8.0:
        return -math.log(max(math.erfc(z / math.sqrt(2.0)), 1e-300))
    return z * z / 2 + math.log(z * math.sqrt(math.pi / 2))


class Aligner:
    def __init__(self, original: Sequence[Unit], translation: Sequence[Unit], prior_ratio: float | None = None,
                 variance: float = VARIANCE) -> None:
        self.variance = variance
        self.original = list(original)
        self.translation = list(translation)
        self.n, self.m = len(self.original), len(self.translation)
        self.anchors_o = [u.anchors for u in self.original]
        self.anchors_t = [u.anchors for u in self.translation]
        self.flags_o = [_flags(u) for u in self.original]
        self.flags_t = [_flags(u) for u in self.translation]
        self.lone_o = [u.lone for u in self.original]
        self.lone_t = [u.lone for u in self.translation]
        self.pre_o = [0.0]
        for unit in self.original:
            self.pre_o.append(self.pre_o[-1] + unit.length)
        self.pre_t = [0.0]
        for unit in self.translation:
            self.pre_t.append(self.pre_t[-1] + unit.length)
        total_o, total_t = self.pre_o[-1], self.pre_t[-1]
        measured = total_t / total_o if total_o and total_t else 1.0
        self.prior_ratio = prior_ratio
        self.ratio = self._with_prior(measured, min(self.n, self.m))

    def _with_prior(self, measured: float, weight: int) -> float:
        """A ratio measured on `weight` sentences, shrunk towards the language pair's prior: a short
        text's own ratio says little (four sentence pairs, one of them loose, would move it by half)."""
        if not self.prior_ratio:
            return measured
        return (weight * measured + PRIOR_WEIGHT * self.prior_ratio) / (weight + PRIOR_WEIGHT)

    # ------------------------------------------------------------------ costs
    def bead_cost(self, i0: int, i1: int, j0: int, j1: int, prior: float) -> float:
        """Cost of pairing original sentences [i0, i1) with translation sentences [j0, j1)."""
        if i1 == i0 or j1 == j0:
            length = (self.pre_o[i1] - self.pre_o[i0]) * self.ratio + (self.pre_t[j1] - self.pre_t[j0])
            anchors = self.anchors_o[i0] if i1 > i0 else self.anchors_t[j0]
            return SKIP_COST + SKIP_PER_UNIT * length + LONE_ANCHOR * min(len(anchors), MAX_LONE)
        lo = (self.pre_o[i1] - self.pre_o[i0]) * self.ratio
        lt = self.pre_t[j1] - self.pre_t[j0]
        mean = (lo + lt) / 2 or 1.0
        cost = prior + _length_cost((lt - lo) / math.sqrt(self.variance * mean))
        anchors_o, flags_o, lone = self.anchors_o[i0], self.flags_o[i0], self.lone_o[i0] + self.lone_t[j0]
        for i in range(i0 + 1, i1):
            anchors_o = anchors_o | self.anchors_o[i]
            flags_o |= self.flags_o[i]
            lone += self.lone_o[i]
        anchors_t, flags_t = self.anchors_t[j0], self.flags_t[j0]
        for j in range(j0 + 1, j1):
            anchors_t = anchors_t | self.anchors_t[j]
            flags_t |= self.flags_t[j]
            lone += self.lone_t[j]
        if anchors_o or anchors_t or lone:
            shared = len(anchors_o & anchors_t)
            lone += len(anchors_o) + len(anchors_t) - 2 * shared
            cost += LONE_ANCHOR * min(lone, MAX_LONE) - SHARED_ANCHOR * shared
        return cost + _FLAG_COSTS[flags_o ^ flags_t]

    def split_margin(self, i0: int, i1: int, j0: int, j1: int, original: bool, first: bool) -> float:
        """For the bead of original sentences [i0, i1) and translation sentences [j0, j1): how much
        likelier (in nats) it is than the same bead less its first or last sentence on one side, that
        sentence left without a counterpart. A small margin: the sentence may as well be omitted (or
        added) as merged."""
        if original:
            a0, a1, skip = (i0 + 1, i1, (i0, i0 + 1, j0, j0)) if first else (i0, i1 - 1, (i1 - 1, i1, j1, j1))
            rest = (a0, a1, j0, j1)
        else:
            a0, a1, skip = (j0 + 1, j1, (i0, i0, j0, j0 + 1)) if first else (j0, j1 - 1, (i1, i1, j1 - 1, j1))
            rest = (i0, i1, a0, a1)
        prior = PRIORS.get((rest[1] - rest[0], rest[3] - rest[2]))
        whole = PRIORS.get((i1 - i0, j1 - j0))
        if prior is None or whole is None:
            return INF
        reduced = self.bead_cost(*rest, prior) + self.bead_cost(*skip, 0.0)
        return reduced - self.bead_cost(i0, i1, j0, j1, whole)

    def paired_cost(self, i0: int, i1: int, j0: int, j1: int, keep_o: range, keep_t: range,
                    alone_o: range = range(0), alone_t: range = range(0)) -> float:
        """The cost of the best alignment of original sentences [i0, i1) with translation sentences
        [j0, j1) in which the sentences `keep_o` and `keep_t` pair with something (no 1-0 or 0-1 bead
        for them) and those of `alone_o` and `alone_t` with nothing; infinite when there is none. Set
        against the cost of the chosen beads there, it says how much likelier the chosen alignment is
        than any that gives them a counterpart (or takes it away)."""
        width = j1 - j0 + 1
        costs = [[INF] * width for _ in range(i1 - i0 + 1)]
        costs[0][0] = 0.0
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                if i == i0 and j == j0:
                    continue
                best = INF
                for di, dj, prior in BEADS:
                    pi, pj = i - di, j - dj
                    if pi < i0 or pj < j0:
                        continue
                    if (dj == 0 and pi in keep_o) or (di == 0 and pj in keep_t):
                        continue
                    if di and dj and (any(k in alone_o for k in range(pi, i))
                                      or any(k in alone_t for k in range(pj, j))):
                        continue
                    before = costs[pi - i0][pj - j0]
                    if before < INF:
                        best = min(best, before + self.bead_cost(pi, i, pj, j, prior))
                costs[i - i0][j - j0] = best
        return costs[-1][-1]

    # ------------------------------------------------------------------ guide and band
    def guide(self) -> list[tuple[int, int]]:
        """Anchor points (i, j) that occur in exactly one sentence of each side and form the longest
        increasing chain, from (0, 0) to (n, m)."""
        where_o: dict[str, list[int]] = {}
        where_t: dict[str, list[int]] = {}
        for index, unit in enumerate(self.original):
            for anchor in unit.anchors:
                where_o.setdefault(anchor, []).append(index)
        for index, unit in enumerate(self.translation):
            for anchor in unit.anchors:
                where_t.setdefault(anchor, []).append(index)
        points = sorted(
            {(where_o[a][0], where_t[a][0]) for a in where_o if len(where_o[a]) == 1 and len(where_t.get(a, ())) == 1}
        )
        chain = _longest_chain(points)
        return [(0, 0)] + [(i + 0, j + 0) for i, j in chain] + [(self.n, self.m)]

    def band(self, width: int) -> tuple[list[int], list[int]]:
        n, m = self.n, self.m
        if (n + 1) * (m + 1) <= FULL_GRID_CELLS:
            return [0] * (n + 1), [m] * (n + 1)
        points = self.guide()
        lows, highs = [], []
        segment = 0
        for i in range(n + 1):
            while segment + 1 < len(points) - 1 and points[segment + 1][0] <= i:
                segment += 1
            (i0, j0), (i1, j1) = points[segment], points[min(segment + 1, len(points) - 1)]
            if i1 == i0:
                low_g, high_g = min(j0, j1), max(j0, j1)
            else:
                g = j0 + (j1 - j0) * (i - i0) / (i1 - i0)
                step = (j1 - j0) / (i1 - i0)
                low_g, high_g = math.floor(g - max(step, 0)), math.ceil(g + max(step, 0))
            lows.append(max(0, low_g - width))
            highs.append(min(m, high_g + width))
        lows[0], highs[-1] = 0, m
        for i in range(1, n + 1):  # monotone edges, and each row reaches the next
            lows[i] = max(lows[i], lows[i - 1])
        for i in range(n - 1, -1, -1):
            highs[i] = min(highs[i], highs[i + 1])
        for i in range(n):
            if highs[i] < lows[i + 1] - 1:
                highs[i] = lows[i + 1] - 1
            if highs[i] < lows[i]:
                highs[i] = lows[i]
        return lows, highs

    # ------------------------------------------------------------------ dynamic programming
    def align(self) -> list[Bead]:
        if not self.n or not self.m:
            return [Bead((i,), (), SKIP_COST) for i in range(self.n)] + [
                Bead((), (j,), SKIP_COST) for j in range(self.m)
            ]
        beads = self._banded()
        # The length ratio of the whole texts is biased by what one side lacks (a deleted paragraph
        # makes the translation look terse everywhere): measure it again on the one-to-one beads.
        ratios = sorted(
            self.translation[b.translation[0]].length / self.original[b.original[0]].length
            for b in beads
            if len(b.original) == 1 and len(b.translation) == 1 and self.original[b.original[0]].length
        )
        if len(ratios) >= 3:
            # the median (one sentence that lost half its words does not move it), shrunk to the prior
            ratio = self._with_prior(_median(ratios), len(ratios))
            if abs(ratio - self.ratio) > RATIO_TOLERANCE * self.ratio:
                self.ratio = ratio
                beads = self._banded()
        return beads

    def _banded(self) -> list[Bead]:
        width = BAND
        for _attempt in range(MAX_WIDENINGS + 1):
            lows, highs = self.band(width)
            beads, touched = self._run(lows, highs)
            if not touched:
                break
            width *= 3
        return beads

    def _run(self, lows: list[int], highs: list[int]) -> tuple[list[Bead], bool]:
        n, m = self.n, self.m
        costs: list[list[float]] = []
        backs: list[list[int]] = []
        bead_cost = self.bead_cost
        for i in range(n + 1):
            low, high = lows[i], highs[i]
            row_cost = [INF] * (high - low + 1)
            row_back = [-1] * (high - low + 1)
            for j in range(low, high + 1):
                if i == 0 and j == 0:
                    row_cost[0] = 0.0
                    continue
                best, best_bead = INF, -1
                for number, (di, dj, prior) in enumerate(BEADS):
                    pi, pj = i - di, j - dj
                    if pi < 0 or pj < 0:
                        continue
                    if pi == i:
                        if pj < low:
                            continue
                        before = row_cost[pj - low]
                    else:
                        p_low = lows[pi]
                        if pj < p_low or pj > highs[pi]:
                            continue
                        before = costs[pi][pj - p_low]
                    if before == INF:
                        continue
                    total = before + bead_cost(pi, i, pj, j, prior)
                    if total < best:
                        best, best_bead = total, number
                row_cost[j - low] = best
                row_back[j - low] = best_bead
            costs.append(row_cost)
            backs.append(row_back)
        beads: list[Bead] = []
        i, j = n, m
        touched = False
        while i or j:
            low = lows[i]
            number = backs[i][j - low]
            if number < 0:
                raise RuntimeError("alignment band has no path")  # the band always connects (0,0) to (n,m)
            if (j - lows[i] <= 0 and lows[i] > 0) or (highs[i] - j <= 0 and highs[i] < m):
                touched = True
            di, dj, prior = BEADS[number]
            cost = costs[i][j - low] - costs[i - di][j - dj - lows[i - di]]
            beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), cost))
            i, j = i - di, j - dj
        beads.reverse()
        full = lows[-1] == 0 and all(h == m for h in highs)
        return beads, touched and not full


def _median(ordered: list[float]) -> float:
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _longest_chain(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest sequence of points increasing strictly in both coordinates (patience sorting)."""
    points = sorted(points, key=lambda p: (p[0], -p[1]))
    tails: list[int] = []  # j of the last point of the best chain of each length
    tail_index: list[int] = []
    previous: list[int] = []
    for index, (_i, j) in enumerate(points):
        position = bisect.bisect_left(tails, j)
        if position == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[position] = j
            tail_index[position] = index
        previous.append(tail_index[position - 1] if position else -1)
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(points[index])
        index = previous[index]
    chain.reverse()
    # a chain point must also move strictly forward in i (points of one original sentence compete)
    out: list[tuple[int, int]] = []
    for point in chain:
        if not out or (point[0] > out[-1][0] and point[1] > out[-1][1]):
            out.append(point)
    return out


def align(original: Sequence[Unit], translation: Sequence[Unit], prior_ratio: float | None = None,
          variance: float = VARIANCE) -> list[Bead]:
    """The beads of the best monotonic alignment of two sentence lists."""
    return Aligner(original, translation, prior_ratio, variance).align()


__all__ = ["Aligner", "Bead", "Unit", "align"]
