"""Units of measure after a number, so that a translation that converts a measure is not a changed
number: "20里" written "10 km" (a Chinese li is half a kilometre), "1000斤" as "500 kg", "6000亩"
as "400 hectares", "100 км" as "62 miles", "30℃" as "86 °F".

A tables of units, not statistics: each unit has a dimension and a factor to the dimension's base
unit (temperatures an offset too). An original's measure gives keys for the value it has in every
English unit of its dimension but its own ("u:km", 10.0), rounded to one and to two significant
digits (translators round a conversion: 100 km is "62 miles" or "60 miles"); the translation's
measure gives one key, its own value to two significant digits. A converted number is found that
way, and a number changed in the same unit is not hidden by the rounding (the original gives no
key in its own unit).
"""

from __future__ import annotations

import functools
import re

from ..text.dataclass_code import dataclass


@dataclass(frozen=True)
class Measure:
    name: str  # "km", "mi", "kg" ...: what the keys call it
    dimension: str  # "length", "mass", "area", "volume", "temperature", "speed"
    factor: float  # to the dimension's base unit (m, kg, m², l, °C, km/h)
    offset: float = 0.0  # base = value * factor + offset (temperatures)


MEASURES: dict[str, Measure] = {
    m.name: m
    for m in (
        Measure("km", "length", 1000.0), Measure("m", "length", 1.0), Measure("cm", "length", 0.01),
        Measure("mm", "length", 0.001), Measure("mi", "length", 1609.344), Measure("ft", "length", 0.3048),
        Measure("in", "length", 0.0254), Measure("yd", "length", 0.9144),
        Measure("li", "length", 500.0),  # 市里, the Chinese li
        Measure("ri", "length", 3927.0),  # 里, the Japanese ri
        Measure("kg", "mass", 1.0), Measure("g", "mass", 0.001), Measure("t", "mass", 1000.0),
        Measure("lb", "mass", 0.45359237), Measure("oz", "mass", 0.028349523), Measure("jin", "mass", 0.5),
        Measure("ha", "area", 1e4), Measure("km2", "area", 1e6), Measure("m2", "area", 1.0),
        Measure("acre", "area", 4046.8564), Measure("mu", "area", 10000 / 15), Measure("tsubo", "area", 3.305785),
        Measure("l", "volume", 1.0), Measure("gal", "volume", 3.785411784),
        Measure("C", "temperature", 1.0), Measure("F", "temperature", 5 / 9, -160 / 9),
        Measure("kmh", "speed", 1.0), Measure("mph", "speed", 1.609344),
    )
}
# The units an English translation writes a converted measure in.
ENGLISH_TARGETS = ("km", "m", "cm", "mm", "mi", "ft", "in", "yd", "kg", "g", "t", "lb", "oz", "ha", "km2", "m2",
                   "acre", "l", "gal", "C", "F", "kmh", "mph")

_EN_METRE = r"met(?:er|re)s?"
# Per language: (regex right after the number, the units it may be). Longer forms first.
_UNITS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "en": (
        (r"(?:km/h|kph|km per hour|kilomet(?:er|re)s? (?:per|an|a) hour)", ("kmh",)),
        (r"(?:mph|miles? (?:per|an|a) hour)", ("mph",)),
        (r"(?:square kilomet(?:er|re)s?|sq\.? ?km|km2|km²)", ("km2",)),
        (rf"(?:square {_EN_METRE}|sq\.? ?m|m2|m²)", ("m2",)),
        (r"(?:kilomet(?:er|re)s?|km)", ("km",)), (r"(?:centimet(?:er|re)s?|cm)", ("cm",)),
        (r"(?:millimet(?:er|re)s?|mm)", ("mm",)), (rf"(?:{_EN_METRE}|m)", ("m",)), (r"(?:miles?|mi)", ("mi",)),
        (r"(?:feet|foot|ft)", ("ft",)), (r"inch(?:es)?", ("in",)), (r"(?:yards?|yd)", ("yd",)),
        (r"(?:kilo(?:gram(?:me)?)?s?|kg)", ("kg",)), (r"(?:gram(?:me)?s?|g)", ("g",)),
        (r"(?:(?:metric )?tonn?e?s?|t)", ("t",)), (r"(?:pounds?|lbs?)", ("lb",)), (r"(?:ounces?|oz)", ("oz",)),
        (r"(?:hectares?|ha)", ("ha",)), (r"acres?", ("acre",)), (r"(?:lit(?:er|re)s?|l)", ("l",)),
        (r"gallons?", ("gal",)), (r"(?:°\s?C|℃|degrees? (?:Celsius|centigrade))", ("C",)),
        (r"(?:°\s?F|℉|degrees? Fahrenheit)", ("F",)), (r"mu", ("mu",)), (r"jin", ("jin",)),
    ),
    "ru": (
        (r"км/ч", ("kmh",)), (r"(?:кв\.?\s?км|квадратн\w+ километр\w*)", ("km2",)), (r"(?:км|километр\w*)", ("km",)),
        (r"(?:см|сантиметр\w*)", ("cm",)), (r"(?:мм|миллиметр\w*)", ("mm",)), (r"(?:м|метр\w*)", ("m",)),
        (r"мил[ьяие]\w*", ("mi",)), (r"фут\w*", ("ft",)), (r"(?:кг|килограмм\w*)", ("kg",)), (r"грамм\w*", ("g",)),
        (r"тонн\w*", ("t",)), (r"фунт\w*", ("lb",)), (r"(?:га|гектар\w*)", ("ha",)), (r"литр\w*", ("l",)),
        (r"(?:°\s?C|℃|градус\w*)", ("C",)),
    ),
    "uk": (
        (r"км/год", ("kmh",)), (r"(?:кв\.?\s?км|квадратн\w+ кілометр\w*)", ("km2",)), (r"(?:км|кілометр\w*)", ("km",)),
        (r"(?:см|сантиметр\w*)", ("cm",)), (r"(?:мм|міліметр\w*)", ("mm",)), (r"(?:м|метр\w*)", ("m",)),
        (r"мил[ьяіе]\w*", ("mi",)), (r"фут\w*", ("ft",)), (r"(?:кг|кілограм\w*)", ("kg",)), (r"грам\w*", ("g",)),
        (r"тонн?\w*", ("t",)), (r"фунт\w*", ("lb",)), (r"(?:га|гектар\w*)", ("ha",)), (r"літр\w*", ("l",)),
        (r"(?:°\s?C|℃|градус\w*)", ("C",)),
    ),
    "de": (
        (r"(?:km/h|Stundenkilometer\w*)", ("kmh",)), (r"(?:Quadratkilometer\w*|km²|qkm)", ("km2",)),
        (r"(?:Quadratmeter\w*|m²|qm)", ("m2",)), (r"(?:km|Kilometer\w*)", ("km",)), (r"(?:cm|Zentimeter\w*)", ("cm",)),
        (r"(?:mm|Millimeter\w*)", ("mm",)), (r"(?:m|Meter\w*)", ("m",)), (r"Meilen", ("mi",)), (r"Fuß", ("ft",)),
        (r"(?:kg|Kilo(?:gramm)?\w*)", ("kg",)), (r"(?:g|Gramm)", ("g",)), (r"(?:t|Tonnen?)", ("t",)),
        (r"(?:ha|Hektar)", ("ha",)), (r"(?:l|Liter\w*)", ("l",)), (r"(?:°\s?C|℃|Grad(?: Celsius)?)", ("C",)),
        (r"(?:°\s?F|Grad Fahrenheit)", ("F",)),
    ),
    "cs": (
        (r"km/h", ("kmh",)), (r"(?:km²|kilometrů čtverečních)", ("km2",)), (r"(?:km|kilometr\w*)", ("km",)),
        (r"(?:cm|centimetr\w*)", ("cm",)), (r"(?:mm|milimetr\w*)", ("mm",)), (r"(?:m|metr\w*)", ("m",)),
        (r"(?:kg|kilogram\w*|kil)", ("kg",)), (r"(?:g|gram\w*)", ("g",)), (r"(?:t|tun\w*)", ("t",)),
        (r"(?:ha|hektar\w*)", ("ha",)), (r"(?:l|litr\w*)", ("l",)), (r"(?:°\s?C|℃|stup\w*)", ("C",)),
    ),
    "zh": (
        (r"(?:公里/小时|公里每小时|千米/小时)", ("kmh",)), (r"(?:平方公里|平方千米)", ("km2",)), (r"平方米", ("m2",)),
        (r"(?:公里|千米)", ("km",)), (r"英里", ("mi",)), (r"英尺", ("ft",)), (r"厘米", ("cm",)), (r"毫米", ("mm",)),
        (r"里", ("li",)), (r"米", ("m",)), (r"公顷", ("ha",)), (r"亩", ("mu",)), (r"(?:公斤|千克)", ("kg",)),
        (r"克", ("g",)), (r"斤", ("jin",)), (r"吨", ("t",)), (r"磅", ("lb",)), (r"升", ("l",)),
        (r"(?:℃|摄氏度|度)", ("C",)),
    ),
    "ja": (
        (r"平方キロ(?:メートル)?", ("km2",)), (r"(?:平方メートル|㎡)", ("m2",)), (r"キロメートル", ("km",)),
        (r"キログラム", ("kg",)), (r"キロ", ("km", "kg")), (r"(?:km|ｋｍ)", ("km",)), (r"(?:kg|ｋｇ)", ("kg",)),
        (r"センチ(?:メートル)?", ("cm",)), (r"ミリ(?:メートル)?", ("mm",)), (r"メートル", ("m",)),
        (r"マイル", ("mi",)), (r"フィート", ("ft",)), (r"グラム", ("g",)), (r"トン", ("t",)), (r"ヘクタール", ("ha",)),
        (r"坪", ("tsubo",)), (r"里", ("ri",)), (r"リットル", ("l",)), (r"(?:℃|度)", ("C",)),
    ),
}


@functools.cache
def _pattern(code: str) -> tuple[re.Pattern, tuple[tuple[str, ...], ...]] | None:
    table = _UNITS.get(code)
    if table is None:
        return None
    alternation = "|".join(f"(?P<u{i}>{regex})" for i, (regex, _names) in enumerate(table))
    cjk = code in ("zh", "ja")
    # CJK units follow the number at once (a 多 "more than" between: 1000多斤); others after a space or a hyphen
    lead = r"[多余来]?" if cjk else r"[ \u00a0\u2009\u202f-]?"
    end = "" if cjk else r"(?![^\W\d_])"
    return re.compile(lead + r"(?:" + alternation + r")" + end), tuple(names for _regex, names in table)


def measures_after(text: str, position: int, code: str) -> tuple[Measure, ...]:
    """The units a number ending at `position` is measured in (none when no unit follows)."""
    compiled = _pattern(code)
    if compiled is None:
        return ()
    pattern, names = compiled
    match = pattern.match(text, position)
    if match is None:
        return ()
    index = next(int(name[1:]) for name, value in match.groupdict().items() if value is not None)
    return tuple(MEASURES[name] for name in names[index])


def _significant(value: float, digits: int) -> float:
    return float(f"{value:.{digits}g}")


def converted_keys(value: float, measures: tuple[Measure, ...]) -> set[tuple[str, float]]:
    """An original's measure in every English unit of its dimension but its own, to one and two
    significant digits."""
    keys: set[tuple[str, float]] = set()
    for measure in measures:
        base = value * measure.factor + measure.offset
        for name in ENGLISH_TARGETS:
            target = MEASURES[name]
            if target.dimension != measure.dimension or name == measure.name:
                continue
            converted = (base - target.offset) / target.factor
            keys.update(("u:" + name, _significant(converted, digits)) for digits in (1, 2))
    return keys


def own_keys(value: float, measures: tuple[Measure, ...]) -> set[tuple[str, float]]:
    """A translation's measure in its own unit, to two significant digits."""
    return {("u:" + measure.name, _significant(value, 2)) for measure in measures}


__all__ = ["ENGLISH_TARGETS", "MEASURES", "Measure", "converted_keys", "measures_after", "own_keys"]
