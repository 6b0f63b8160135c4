"""Numbers read the way their language writes them, so that "1,5 млрд", "1.5 billion" and
"1 500 000 000" are one value: decimal comma or point, space, thin-space, dot or comma thousands,
scale words ("тис.", "Mio.", 万, 亿), percent words, small numbers in words, dates and months
("24 серпня" = 24 August), weekdays, times ("15:00" = "3 p.m."), decades ("90-х" = "the 1990s").

A `Mention` carries keys such as ("n", 1500.0), ("m", 8) (a month), ("w", 1) (a weekday) or
("t", 15.0) (a time of day); two texts agree on a mention when they share a key. Mentions written
in digits are `exact`; numbers in words are not (translators move between "two" and "both").
"""

from __future__ import annotations

import functools
import re

from ..text.dataclass_code import dataclass
from .languages import ENGLISH, Language
from .units import converted_keys, measures_after, own_keys

Key = tuple[str, float]

# Full-width digits and marks, made ASCII one character for one (offsets do not move).
_FULL_WIDTH = str.maketrans("０１２３４５６７８９，．％：", "0123456789,.%:")
# A leading point is a decimal point: ".182", and in Japanese "・２５２" (a batting average or rate,
# three digits; "２６日・２７日" is a list of two days).
_DIGITS = re.compile(
    r"(?<![\d])(?:(?<![\d.A-Za-z])\.(?=\d)|・(?=\d{3}(?!\d)))?\d+(?:[.,'’・ \u00a0\u2009\u202f]\d+)*"
)
# Digits right after a letter of an alphabet (MH17, CO2, G20), or after a word and a hyphen (COVID-19,
# Су-27, covidu-19; not "top-10", "0-to-100"), are part of a name or a code, not a number; in CJK text
# digits stand next to characters anyway.
_LETTER = r"A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_CODE_BEFORE = re.compile(rf"(?:(?<![{_LETTER}])([{_LETTER}]+)[\-‐‑]|[{_LETTER}])$")
_NOT_CODES = frozenset("to top up under over by and or from in at per than about some mid late early pre post non "
                       "anti aged age".split())
_SPACE_MARKS = " \u00a0\u2009\u202f'’"
_TIME = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])[:։]([0-5]\d)(?::[0-5]\d)?(?![\d:])")
_EN_TIME = re.compile(
    r"\b(1[0-2]|0?\d)(?:[:.]([0-5]\d))?\s?([ap])\.?\s?m\b\.?|\b(noon|midday|midnight)\b", re.IGNORECASE
)
_MERIDIEM = re.compile(r"\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
_DOTTED_TIME = re.compile(r"(?<![\d.,])([01]?\d|2[0-3])\.([0-5]\d)(?![\d]|\.\d)(?=\s?(?:Uhr|h|hod|godz|ore|horas)?\b)")
# "17 часов 47 минут", "15 Uhr", "午後３時４８分", "下午6点"
_HOUR_WORDS = {
    code: re.compile(r"(?<!\d)(?<!\d[.,])" + pattern, re.IGNORECASE)
    for code, pattern in {
        "ru": r"(?P<h>\d{1,2})\s?(?:(?:час(?:а|ов)?|ч\.)(?:\s?(?P<m>\d{1,2})\s?(?:минут[аы]?|мин\.?))?"
              r"|утра|(?P<pm>вечера|дня))",
        "uk": r"(?P<h>\d{1,2})\s?(?:(?:годин[аиі]?|год\.)(?:\s?(?P<m>\d{1,2})\s?(?:хвилин[аиі]?|хв\.?))?"
              r"|ранку|(?P<pm>вечора|дня))",
        "de": r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s?Uhr",
        "cs": r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s?hod(?:in[auy]?)?\.?",
        "pl": r"(?:godz\.?\s?)(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?",
        "fr": r"(?P<h>\d{1,2})\s?h(?:eures?)?\s?(?P<m>\d{2})?(?![^\W\d_])",
        "es": r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s?horas",
        "it": r"(?:ore\s)(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?",
        "zh": r"(?P<h>\d{1,2})[点點時时](?:(?P<m>\d{1,2})分|(?P<half>半))?",
        "ja": r"(?P<h>\d{1,2})時(?:(?P<m>\d{1,2})分)?",
    }.items()
}
_PM_MARKS = ("午後", "下午", "晚上", "傍晚", "晚", "夜")
_WARI = re.compile(r"(\d)割(?:(\d)(?:[～〜~\-–](\d))?分)?(?:(\d)厘)?")
# Japanese era years: 平成18年 is 2006
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911}
# 年 after a year, perhaps after a range or an era in brackets: ６９年, １８２５～６９年, ２３（大正１２）年
_YEAR_AFTER = re.compile(r"\s?(?:[～〜~\-–]\d{1,4})?(?:[（(][^）)\d]{1,4}\d{1,2}[）)]|[）)])?年")
# 20世纪60年代: the 1960s
_CENTURY_DECADE = re.compile(r"(\d{1,2})\s?世[纪紀](\d0)\s?年代")
# 4.2022 (a month and a year)
_MONTH_YEAR = re.compile(r"(\d{1,2})\.((?:19|20)\d\d)")
_MONTH_AFTER = re.compile(r"\s?月")
_YEAR_RANGE = re.compile(r"(1[5-9]|20)\d\d[/～〜~\-–]$")
_CJK_NUMERAL = re.compile(r"[〇零一二三四五六七八九十百千万亿億两兩]+")
_CJK_VALUES = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_CJK_BIG = {"万": 1e4, "亿": 1e8, "億": 1e8}
_CJK_COUNTERS = "个個名人年月日天次岁歳倍位件家座条項项号號期届回点時时分秒周週枚台本頭匹羽軒戸例"


@dataclass(frozen=True)
class Mention:
    """A number (or month, weekday, time) of a text: where it is and the values it can stand for."""

    start: int
    end: int
    text: str
    keys: frozenset[Key]
    exact: bool = True  # written in digits: a finding may rest on it
    kind: str = "number"  # "number", "month", "weekday", "time", "code" (the number of COVID-19, Су-27)

    @property
    def value(self) -> float:
        return next(iter(sorted(self.keys)))[1]


def _key(value: float) -> Key:
    return ("n", float(f"{value:.9g}"))


@functools.lru_cache(maxsize=64)
def _compiled(language: Language) -> dict[str, re.Pattern | None]:
    """The language's patterns: scale words and percent after a number, number words, months, weekdays."""
    flags = re.IGNORECASE
    out: dict[str, re.Pattern | None] = {}
    bound = "" if language.cjk else r"(?![^\W\d_])"
    if language.scales:
        alternation = "|".join(f"(?P<s{i}>{pattern})" for i, (pattern, _f) in enumerate(language.scales))
        space = "" if language.cjk else r"[ \u00a0\u2009\u202f]?-?"
        out["scale"] = re.compile(space + r"(?:" + alternation + r")" + bound, 0 if language.code == "en" else flags)
    else:
        out["scale"] = None
    percent = r"[ \u00a0\u2009\u202f]?(?:%" + (f"|(?:{language.percent}){bound}" if language.percent else "") + ")"
    out["percent"] = re.compile(percent, flags)
    if language.words:
        ordered = sorted(language.words, key=lambda item: -len(item[0]))
        alternation = "|".join(f"(?P<w{language.words.index(item)}>{item[0]})" for item in ordered)
        out["words"] = re.compile(r"\b(?<![^\W\d_])(?:" + alternation + r")(?![^\W\d_])", flags)
    else:
        out["words"] = None
    if language.months and not language.cjk:
        alternation = "|".join(f"(?P<m{i}>{pattern})" for i, pattern in enumerate(language.months))
        out["months"] = re.compile(r"(?<![^\W\d_])(?:" + alternation + r")(?![^\W\d_])", flags)
    else:
        out["months"] = None
    if language.weekdays:
        alternation = "|".join(f"(?P<d{i}>{pattern})" for i, pattern in enumerate(language.weekdays))
        edge = "" if language.cjk else r"(?<![^\W\d_])"
        out["weekdays"] = re.compile(edge + r"(?:" + alternation + r")" + bound, flags)
    else:
        out["weekdays"] = None
    return out


def _group_index(match: re.Match, prefix: str) -> int:
    for name, value in match.groupdict().items():
        if value is not None and name.startswith(prefix):
            return int(name[len(prefix) :])
    raise ValueError("no group matched")


def _split_digits(token: str, language: Language, remainder: bool = False) -> list[tuple[float, int, int, bool]]:
    """(value, start, end, decimal) of the numbers in a run of digits and separators, read the
    language's way: "1 500,5" is 1500.5 in Russian, "1.500" is 1500 in German and 1.5 in English.
    A `remainder` follows 万 or 億 (１万０３６３・１８): its leading zeros are the unit's places."""
    parts = re.split(r"([^\d])", token)  # digits, sep, digits, sep, ...
    groups = parts[0::2]
    seps = parts[1::2]
    out: list[tuple[float, int, int, bool]] = []
    index = 0
    offset = 0
    while index < len(groups):
        start = offset
        integer = groups[index]
        offset += len(groups[index])
        grouped_by = None
        while (
            index < len(seps)
            and len(groups[index + 1]) == 3
            and seps[index] in language.group
            and (grouped_by is None or seps[index] == grouped_by)
            and (grouped_by is not None or len(integer) <= 3)
        ):
            grouped_by = seps[index]
            integer += groups[index + 1]
            offset += 1 + 3
            index += 1
        decimal = False
        fraction = ""
        separator = seps[index] if index < len(seps) else ""
        if separator == "・" and not remainder and (len(integer) > 2 or (integer.startswith("0") and len(integer) > 1)):
            separator = ""  # ０９０・８８５９ is a telephone number, １・５５ a decimal
        if separator and separator in language.decimal and separator != grouped_by and separator not in _SPACE_MARKS:
            fraction = groups[index + 1]
            offset += 1 + len(fraction)
            index += 1
            decimal = True
        value = float(integer + ("." + fraction if fraction else ""))
        out.append((value, start, offset, decimal))
        if index < len(seps):
            offset += 1  # the separator that ended this number
        index += 1
    return out


def _year_like(written: str) -> bool:
    """Could a figure be a year ("in 2014"; not "2,000")?"""
    return len(written) == 4 and written.isdigit() and 1000 <= int(written) <= 2100


def _date(token: str) -> tuple[int, int, int] | None:
    """dd.mm.yyyy (or dd.mm.yy) as (day, month, year)."""
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", token)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if year < 100:
        year += 2000 if year < 50 else 1900
    return day, month, year


_DECADE = re.compile(r"-?(?:х|е|ых|ті|тих|x|er|ern|s)(?![^\W\d_])|['’]?s(?![^\W\d_])")
_EN_ORDINAL = re.compile(r"(?:st|nd|rd|th)(?![^\W\d_])")
_CURRENCY_BEFORE = re.compile(r"[$€£¥₴₽](?:\s?)$|(?:US\$|USD|EUR|GBP|UAH|RUB)\s?$")
_EN_SUFFIX_SCALE = re.compile(r"(?P<scale>bn|mn|tn|trn|m|k)(?![^\W\d_])")
_EN_SCALES = {"bn": 1e9, "mn": 1e6, "m": 1e6, "tn": 1e12, "trn": 1e12, "k": 1e3}


def find_numbers(
    text: str, language: Language | None, start: int = 0, end: int | None = None, words_exact: bool = False,
    units: str = "",
) -> list[Mention]:
    """Every number, date part, month, weekday and time of text[start:end], in order. With
    `words_exact` (two English texts: a translation and its reference), English cardinals written in
    words are exact too, except the pronoun "one" ("no one", "one of them"). With `units`, a measure
    also gives the keys of its unit (audit/fidelity/units.py): "convert" (an original: its value in
    the other units an English text may give), "own" (an English translation: its value in its own unit)."""
    language = language or ENGLISH
    end = len(text) if end is None else end
    plain = text.translate(_FULL_WIDTH) if not text.isascii() else text
    patterns = _compiled(language)
    mentions: list[Mention] = []
    taken = bytearray(len(text) + 1)  # 1 where a mention already is: each character is looked at once or twice

    def add(mention: Mention) -> None:
        mentions.append(mention)
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)

    def free(a: int, b: int) -> bool:
        return taken.find(1, a, b) == -1

    # times first: "15:30" is not two numbers; in English an a.m. or p.m. may follow
    for match in _TIME.finditer(plain, start, end):
        written, minutes = int(match.group(1)), int(match.group(2))
        hours, stop = written, match.end()
        if language.code == "en":
            meridiem = _MERIDIEM.match(plain, stop)
            if meridiem:
                hours = written % 12 + (12 if meridiem.group(1).lower() == "p" else 0)
                stop = meridiem.end()
        elif language.cjk and written < 12:
            before = plain[max(0, match.start() - 3) : match.start()]
            hours = written + 12 if any(mark in before for mark in _PM_MARKS) else written
        add(Mention(match.start(), stop, text[match.start() : stop],
                    frozenset({("t", hours + minutes / 60), _key(written)}), True, "time"))
    if language.code == "en":
        for match in _EN_TIME.finditer(plain, start, end):
            if not free(match.start(), match.end()):
                continue
            if match.group(4):
                hours = 0.0 if match.group(4).lower() == "midnight" else 12.0
                add(Mention(match.start(), match.end(), match.group(), frozenset({("t", hours)}), False, "time"))
                continue
            written = int(match.group(1))
            hours = written % 12 + (12 if match.group(3).lower() == "p" else 0)
            minutes = int(match.group(2) or 0)
            add(Mention(match.start(), match.end(), match.group(),
                        frozenset({("t", hours + minutes / 60), _key(written)}), True, "time"))
    hour_word = _HOUR_WORDS.get(language.code)
    if hour_word is not None:
        for match in hour_word.finditer(plain, start, end):
            if not free(match.start(), match.end()):
                continue
            written = int(match.group("h"))
            minutes = 30 if match.groupdict().get("half") else int(match.group("m") or 0)
            before = plain[max(0, match.start() - 3) : match.start()]
            evening = match.groupdict().get("pm") or any(mark in before for mark in _PM_MARKS)
            hours = written + 12 if evening and written < 12 else written
            if hours <= 24 and minutes < 60:
                add(Mention(match.start(), match.end(), text[match.start() : match.end()],
                            frozenset({("t", hours + minutes / 60), _key(written)}), True, "time"))
    if "." in language.group and "." not in language.decimal:
        for match in _DOTTED_TIME.finditer(plain, start, end):  # "8.00" where a dot groups thousands
            if free(match.start(), match.end()):
                hours, minutes = int(match.group(1)), int(match.group(2))
                add(Mention(match.start(), match.end(), match.group(), frozenset({("t", hours + minutes / 60)}), True,
                            "time"))
    if language.code == "ja":
        for match in _WARI.finditer(plain, start, end):  # ７割 = 70%, ２割４分 = 24%, １割８分２厘 = .182
            if not free(match.start(), match.end()):
                continue
            keys = set()
            # ２割４～５分: .240 to .250, both ends
            for bu in {match.group(2), match.group(3) or match.group(2)}:
                tenths = int(match.group(1)) + int(bu or 0) / 10 + int(match.group(4) or 0) / 100
                keys |= {_key(tenths * 10), _key(tenths / 10)}
            add(Mention(match.start(), match.end(), text[match.start() : match.end()], frozenset(keys), True,
                        "number"))
    if language.cjk:
        for match in _CENTURY_DECADE.finditer(plain, start, end):  # 20世纪60年代: the 1960s
            century, decade = int(match.group(1)), int(match.group(2))
            if free(match.start(), match.end()) and 1 <= century <= 21:
                year = (century - 1) * 100 + decade
                add(Mention(match.start(), match.end(), text[match.start() : match.end()],
                            frozenset({_key(year), _key(decade), _key(century)}), True, "number"))
    scale_pattern, percent_pattern = patterns["scale"], patterns["percent"]
    for match in _DIGITS.finditer(plain, start, end):
        token = match.group().rstrip(" \u00a0\u2009\u202f'’.,")
        token_start = match.start()
        if not free(token_start, token_start + len(token)):
            continue
        shown = text[token_start : token_start + len(token)]
        code = _CODE_BEFORE.search(plain, max(0, token_start - 12), token_start)
        if code and (code.group(1) or "").lower() not in _NOT_CODES:  # COVID-19, MH17: checked as a code
            value = next(iter(_split_digits(token, language)))[0]
            # its number still explains the same digits elsewhere ("卡-52", "乃木坂46", "2021年度" for FY2021)
            add(Mention(token_start, token_start + len(token), shown, frozenset({("c", value), _key(value)}), True,
                        "code"))
            continue
        date = _date(token) if language.code != "en" else None
        if date:
            day, month, year = date
            add(Mention(token_start, token_start + len(token), shown,
                        frozenset({_key(day), ("m", float(month)), _key(month), _key(year)}), True, "date"))
            continue
        month_year = _MONTH_YEAR.fullmatch(token)
        if month_year and 1 <= int(month_year.group(1)) <= 12:  # 4.2022: April 2022 (or, in English, a decimal)
            month, year = int(month_year.group(1)), int(month_year.group(2))
            keys = {_key(month), ("m", float(month)), _key(year)}
            if language.code == "en":
                keys.add(_key(float(token)))
            add(Mention(token_start, token_start + len(token), shown, frozenset(keys), True, "date"))
            continue
        if token[0] in ".・":  # ".182", "・２５２" (a batting average)
            if token[0] not in language.decimal or not re.fullmatch(r"[.・]\d+", token):
                token, token_start = token[1:], token_start + 1
            else:
                add(Mention(token_start, token_start + len(token), shown, frozenset({_key(float("0." + token[1:]))}),
                            True))
                continue
        remainder = plain[token_start - 1 : token_start] in _CJK_UNIT_VALUES if language.cjk and token_start else False
        for value, s, e, decimal in _split_digits(token, language, remainder):
            number_start, number_end = token_start + s, token_start + e
            keys = {_key(value)}
            after = number_end
            factor = 1.0
            if scale_pattern is not None:
                scale = scale_pattern.match(plain, after)
                if scale and language.code == "en" and scale.group().strip() in ("m", "b", "k"):
                    # "$5m", "5bn": a bare m, b or k is a scale only after a currency sign
                    if not _CURRENCY_BEFORE.search(plain, max(0, number_start - 5), number_start):
                        scale = None
                elif scale and language.code == "en" and scale.group().endswith("s") and _year_like(token[s:e]):
                    scale = None  # "In 2014 thousands of people fled": a year, then a plural noun
                if scale:
                    factor = language.scales[_group_index(scale, "s")][1]
                    after = scale.end()
            if language.code == "en" and factor == 1.0:
                suffix = _EN_SUFFIX_SCALE.match(plain, after)
                if suffix and (suffix.group() not in ("m", "k") or
                               _CURRENCY_BEFORE.search(plain, max(0, number_start - 5), number_start)):
                    factor = _EN_SCALES[suffix.group()]
                    after = suffix.end()
            if factor != 1.0:
                keys = {_key(value * factor)}
            elif decimal and language.code == "en" and re.fullmatch(r"\d+,\d{1,2}", token[s:e]):
                keys |= {_key(float(part)) for part in token[s:e].split(",")}  # "(3,5)": a decimal, or 3 and 5
            percent = percent_pattern.match(plain, after) if percent_pattern is not None else None
            if percent:
                after = percent.end()
            elif factor == 1.0 and value == int(value):
                decade = _DECADE.match(plain, after)
                if decade and (value < 100 or 1000 <= value <= 2090) and int(value) % 10 == 0:
                    keys |= {_key(1900 + value), _key(2000 + value)} if value < 100 else {_key(value % 100)}
                    after = decade.end()
                elif language.code == "en":
                    ordinal = _EN_ORDINAL.match(plain, after)
                    if ordinal:
                        after = ordinal.end()
            if language.cjk and after < len(plain):
                if _MONTH_AFTER.match(plain, after) and 1 <= value <= 12:
                    keys.add(("m", float(value)))
                elif _YEAR_AFTER.match(plain, after) and value < 100 and value == int(value):
                    era = next((base for name, base in _ERAS.items() if plain.endswith(name, 0, number_start)), None)
                    keys |= {_key(era + value)} if era else {_key(1900 + value), _key(2000 + value)}
            if value < 100 and value == int(value):
                range_start = _YEAR_RANGE.search(plain, max(0, number_start - 5), number_start)
                if range_start:  # "1825～69", "1968/69": the century of the range's first year
                    keys.add(_key(int(range_start.group(1)) * 100 + value))
            if units and not percent:
                measures = measures_after(plain, after, language.code)
                if measures:
                    keys |= (converted_keys if units == "convert" else own_keys)(value * factor, measures)
            add(Mention(number_start, after, text[number_start:after], frozenset(keys), True, "number"))
    if language.cjk and not text.isascii():
        for run in _CJK_NUMERAL.finditer(plain, start, end):
            for part_start, part_end in _cjk_numerals(run.group()):
                numeral_start, numeral_end = run.start() + part_start, run.start() + part_end
                numeral = plain[numeral_start:numeral_end]
                if not free(numeral_start, numeral_end):
                    continue
                value = _cjk_value(numeral)
                following = plain[numeral_end : numeral_end + 1]
                # one numeral character is a number before a counter (三人) or after the ordinal 第 (第三轮: the
                # 3rd round); elsewhere it is as often part of a word (一起, 三峡)
                counted = bool(following) and following in _CJK_COUNTERS
                ordinal = numeral_start > 0 and plain[numeral_start - 1] == "第"
                if value is None or (len(numeral) == 1 and not counted and not ordinal):
                    continue
                keys = {_key(value)}
                if following == "月" and 1 <= value <= 12:
                    keys.add(("m", float(value)))
                add(Mention(numeral_start, numeral_end, numeral, frozenset(keys), False, "number"))
    words = patterns["words"]
    if words is not None:
        for match in words.finditer(plain, start, end):
            if not free(match.start(), match.end()):
                continue
            value = language.words[_group_index(match, "w")][1]
            stop = match.end()
            if scale_pattern is not None:
                scale = scale_pattern.match(plain, stop)
                if scale and not (language.code == "en" and scale.group().strip() in ("m", "b", "k")):
                    value *= language.scales[_group_index(scale, "s")][1]
                    stop = scale.end()
            word = match.group().lower()
            exact = words_exact and language.code == "en" and (stop > match.end() or word in _EN_CARDINALS)
            if exact and word == "one" and not _counts_one(plain, match.start(), match.end()):
                exact = False
            add(Mention(match.start(), stop, text[match.start() : stop], frozenset({_key(value)}), exact, "number"))
        _join_compound_words(mentions, plain)
    if patterns["months"] is not None:
        for match in patterns["months"].finditer(plain, start, end):
            if not free(match.start(), match.end()):
                continue
            month = _group_index(match, "m") + 1
            dated = _next_to_number(match.start(), match.end(), plain)
            if language.code == "en" and month == 5 and not (match.group() == "May" and dated):
                continue  # "may" is a month only as "May" next to a day
            add(Mention(match.start(), match.end(), match.group(), frozenset({("m", float(month))}), dated, "month"))
    if patterns["weekdays"] is not None:
        for match in patterns["weekdays"].finditer(plain, start, end):
            if not free(match.start(), match.end()):
                continue
            day = _group_index(match, "d") + 1
            add(Mention(match.start(), match.end(), match.group(), frozenset({("w", float(day))}), False, "weekday"))
    mentions.sort(key=lambda m: (m.start, m.end))
    return _join_cjk_compounds(mentions, plain) if language.cjk else mentions


_CJK_UNIT_VALUES = {"万": 1e4, "億": 1e8, "亿": 1e8, "兆": 1e12}


def _join_cjk_compounds(mentions: list[Mention], text: str) -> list[Mention]:
    """４億５０００万 = 450 million, 2万4801 = 24,801: a number right after a 万 or 億 is its remainder."""
    out: list[Mention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.end == mention.start
            and previous.exact
            and mention.exact
            and mention.kind == "number"
            and text[previous.end - 1] in _CJK_UNIT_VALUES
            and mention.value < _CJK_UNIT_VALUES[text[previous.end - 1]]
        ):
            total = previous.value + mention.value
            out[-1] = Mention(previous.start, mention.end, previous.text + mention.text, frozenset({_key(total)}))
            continue
        out.append(mention)
    return out


_DIGIT_BEFORE = re.compile(r"\d[^\w]{0,3}$")
_DIGIT_AFTER = re.compile(r"[^\w]{0,3}\d")


def _next_to_number(start: int, end: int, text: str) -> bool:
    """Is a number within three marks of this span ("24 серпня", "August 24", "24. August")?"""
    return bool(_DIGIT_BEFORE.search(text, max(0, start - 4), start) or _DIGIT_AFTER.match(text, end))


_EN_CARDINALS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand".split()
)
# "one" is a pronoun after these words (no one, the one, this one, every one) ...
_ONE_PRONOUN_BEFORE = frozenset("no any some every each the this that which another last other".split())
# ... and before these (one of them, one another, one who, one must, one's)
_ONE_PRONOUN_AFTER = frozenset(
    "of another who that which whom whose must should can could may might would will shall does did is was has "
    "had knows thinks says said and or but".split()
)
_WORD_BEFORE = re.compile(r"([\w-]+)\W*$")
_WORD_AFTER = re.compile(r"(?:['’]s\b|\W*(\w+))")


def _counts_one(text: str, start: int, end: int) -> bool:
    """Is this "one" the number (one person) rather than a pronoun (no one, one of them, one must)?"""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before and before.group(1).lower() in _ONE_PRONOUN_BEFORE:
        return False
    after = _WORD_AFTER.match(text, end, min(len(text), end + 30))
    if after is None or after.group(1) is None:
        return False  # "one's", or "one" at the end of a clause
    return after.group(1).lower() not in _ONE_PRONOUN_AFTER


_TENS = {20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0}


def _join_compound_words(mentions: list[Mention], text: str) -> None:
    """"twenty-five", "двадцать пять": a tens word followed by a unit word is one number."""
    words = sorted((m for m in mentions if not m.exact and m.kind == "number"), key=lambda m: m.start)
    for first, second in zip(words, words[1:], strict=False):
        a, b = first.value, second.value
        if a in _TENS and 1 <= b <= 9 and text[first.end : second.start] in (" ", "-"):
            joined = Mention(first.start, second.end, text[first.start : second.end], frozenset({_key(a + b)}), False)
            mentions.remove(first)
            mentions.remove(second)
            mentions.append(joined)


def _cjk_numerals(run: str) -> list[tuple[int, int]]:
    """The numerals of a run of numeral characters: a digit right after a digit starts a new one
    where the run has units (十四五 is 十四 and 五: the 14th five-year plan), while a run of digits
    alone is read digit by digit (二〇二一)."""
    if all(c in _CJK_VALUES for c in run):
        return [(0, len(run))]
    parts: list[tuple[int, int]] = []
    begin = 0
    for index in range(1, len(run)):
        if run[index] in _CJK_VALUES and run[index - 1] in _CJK_VALUES:
            parts.append((begin, index))
            begin = index
    parts.append((begin, len(run)))
    return parts


def _cjk_value(numeral: str) -> float | None:
    """三十五 = 35, 两千 = 2000, 一百二十 = 120, 三万 = 30000, 二〇二一 = 2021 (digit by digit)."""
    if all(c in _CJK_VALUES for c in numeral):
        if len(numeral) == 1:
            return float(_CJK_VALUES[numeral])
        return float("".join(str(_CJK_VALUES[c]) for c in numeral))
    total = 0.0
    section = 0.0
    digit = 0.0
    for char in numeral:
        if char in _CJK_VALUES:
            digit = _CJK_VALUES[char]
        elif char in _CJK_UNITS:
            section += (digit or 1) * _CJK_UNITS[char]
            digit = 0
        elif char in _CJK_BIG:
            total += (section + digit) * _CJK_BIG[char]
            section = digit = 0
        else:
            return None
    return total + section + digit


__all__ = ["Key", "Mention", "find_numbers"]
