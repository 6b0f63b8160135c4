"""What the comparison knows of each language: how numbers are written (decimal and group
separators, scale words such as "млн" or 万, percent words, small numbers in words), month and
weekday names (the stems of every case form), and its quotation marks.

These are grammars and tables, not statistics: a language is either described here or the number
checks say they do not run for it (see `number_rules`).
"""

from __future__ import annotations

from ..text.dataclass_code import dataclass

# A regex alternation of word forms -> value. Stems carry their own endings: "тысяч[а-яё]*".


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in English, for messages: "the Ukrainian original"
    decimal: str = "."  # decimal separators
    group: str = ","  # thousands separators (spaces are added for the languages that use them)
    scales: tuple[tuple[str, float], ...] = ()  # (regex, factor) right after a number
    percent: str = ""  # regex of percent words after a number ("%" always counts)
    words: tuple[tuple[str, float], ...] = ()  # (regex, value) for numbers written in words
    months: tuple[str, ...] = ()  # twelve regexes, January first
    weekdays: tuple[str, ...] = ()  # seven regexes, Monday first
    quotes: tuple[tuple[str, str], ...] = (("“", "”"), ("\"", "\""))  # (opening, closing) pairs
    cjk: bool = False
    dialogue: bool = False  # a sentence opening with a dash is direct speech ("— Мы победили, — сказал он.")
    # English characters (spaces aside) per character of the original, a property of the language
    # pair: the aligner's prior for the length ratio, which each document's own ratio refines.
    length_ratio: float = 1.0
    # Variance of a translated sentence's length per English character (Gale and Church's s^2 is 6.8
    # for English-French parliament; news translation into English varies less, CJK more).
    length_variance: float = 2.0


_SPACES = " \u00a0\u2009\u202f"
_EN_WORDS = (
    ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
    ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14),
    ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20),
    ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
    ("hundred", 100), ("a hundred", 100), ("thousand", 1000), ("a thousand", 1000), ("dozen", 12), ("a dozen", 12),
    ("half", 0.5), ("a half", 0.5), ("once", 1), ("twice", 2), ("double", 2), ("both", 2), ("a pair", 2),
    ("a couple", 2), ("triple", 3), ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5),
    ("sixth", 6), ("seventh", 7), ("eighth", 8), ("ninth", 9), ("tenth", 10), ("eleventh", 11),
    ("twelfth", 12), ("twentieth", 20), ("a million", 1e6), ("a billion", 1e9), ("single", 1), ("a quarter", 0.25),
    ("quarter", 0.25), ("one and a half", 1.5), ("a third", 1 / 3), ("two thirds", 2 / 3), ("three quarters", 0.75),
)

ENGLISH = Language(
    code="en",
    name="English",
    decimal=".,",  # "13,5 kWh": a decimal comma left by a translator (a comma before three digits groups)
    group=", \u00a0\u2009\u202f",  # "12 500 years": a space left by a translator
    scales=(
        # the plural after a numeral ("4.6 billions years", "3 millions") is a translator's slip for the singular
        (r"thousands?", 1e3), (r"millions?|mln|mn|m(?=\b)", 1e6), (r"billions?|bln|bn|b(?=\b)", 1e9),
        (r"trillions?|tln|tn|trn", 1e12), (r"k(?=\b)", 1e3),
    ),
    percent=r"per ?cent|percent|pct",
    words=tuple((w, float(v)) for w, v in _EN_WORDS),
    months=(r"january|jan\.?", r"february|feb\.?", r"march|mar\.", r"april|apr\.?", r"may",
            r"june|jun\.?", r"july|jul\.?", r"august|aug\.?", r"september|sept?\.?", r"october|oct\.?",
            r"november|nov\.?", r"december|dec\.?"),
    weekdays=(r"monday", r"tuesday", r"wednesday", r"thursday", r"friday", r"saturday", r"sunday"),
    quotes=(("“", "”"), ("\"", "\""), ("‘", "’")),
)

_RU_WORDS = (
    (r"одн(?:а|о|у|ой|им|ого|ому|ом)|один", 1), (r"дв(?:а|е|ух|ум|умя)", 2), (r"тр(?:и|ех|ёх|ем|ём|емя|ёмя)", 3),
    (r"четыр(?:е|ех|ёх|ем|ём|ьмя)", 4), (r"пят(?:ь|и|ью)", 5), (r"шест(?:ь|и|ью)", 6), (r"сем(?:ь|и|ью)", 7),
    (r"восем(?:ь|ью)|восьм(?:и|ью)", 8), (r"девят(?:ь|и|ью)", 9), (r"десят(?:ь|и|ью)", 10),
    (r"одиннадцат(?:ь|и)", 11), (r"двенадцат(?:ь|и)", 12), (r"пятнадцат(?:ь|и)", 15), (r"двадцат(?:ь|и)", 20),
    (r"тридцат(?:ь|и)", 30), (r"сорок(?:а)?", 40), (r"пятьдесят|пятидесяти", 50), (r"сто|ста", 100),
    (r"полтор(?:а|ы|ух)", 1.5), (r"тысяч(?:а|и|у|ей)", 1000), (r"дюжин(?:а|ы|у)", 12), (r"пол(?:овин(?:а|у|ы|е))", 0.5),
    (r"оба|обе|обоих|обеих", 2), (r"перв(?:ый|ая|ое|ого|ому|ом|ую|ой|ые|ых)", 1),
    (r"втор(?:ой|ая|ое|ого|ому|ом|ую|ые|ых)", 2), (r"трет(?:ий|ья|ье|ьего|ьему|ьем|ью|ьей|ьи|ьих)", 3),
)
_UK_WORDS = (
    (r"од(?:ин|на|но|ну|ного|ному|ній|ним|нієї|ною)", 1), (r"дв(?:а|і|ох|ом|ома|ох)", 2), (r"тр(?:и|ьох|ьом|ьома)", 3),
    (r"чотир(?:и|ьох|ьом|ма)", 4), (r"п['’]ят(?:ь|и|ьох|ьом|ьма)", 5), (r"шіст(?:ь|ьох|ьом)|шести", 6),
    (r"сім|семи|сьом(?:а)?", 7), (r"вісім|восьми|вісьмох", 8), (r"дев['’]ят(?:ь|и|ьох)", 9),
    (r"десят(?:ь|и|ьох)", 10), (r"двадцят(?:ь|и)", 20), (r"тридцят(?:ь|и)", 30), (r"сорок(?:а)?", 40),
    (r"сто|ста", 100), (r"півтор(?:а|и)", 1.5), (r"тисяч(?:а|і|у)", 1000), (r"дюжин(?:а|и|у)", 12),
    (r"половин(?:а|у|и|і)", 0.5), (r"обидва|обидві|обох", 2), (r"перш(?:ий|а|е|ого|ому|ім|у|ої|ій|і|их)", 1),
    (r"друг(?:ий|а|е|ого|ому|ім|у|ої|ій|і|их)", 2), (r"трет(?:ій|я|є|ього|ьому|ьої|ю|і|іх)", 3),
)
_DE_WORDS = (
    (r"eins|ein(?:e|en|em|er|es)?", 1), (r"zwei", 2), (r"drei", 3), (r"vier", 4), (r"fünf", 5), (r"sechs", 6),
    (r"sieben", 7), (r"acht", 8), (r"neun", 9), (r"zehn", 10), (r"elf", 11), (r"zwölf", 12), (r"zwanzig", 20),
    (r"dreißig", 30), (r"vierzig", 40), (r"fünfzig", 50), (r"hundert", 100), (r"tausend", 1000),
    (r"anderthalb|eineinhalb", 1.5), (r"halb(?:e|en|er|es)?|hälfte", 0.5), (r"dutzend", 12),
    (r"beide|beiden|beider", 2), (r"erst(?:e|en|em|er|es)", 1), (r"zweit(?:e|en|em|er|es)", 2),
    (r"dritt(?:e|en|em|er|es)", 3),
)
_CS_WORDS = (
    (r"jed(?:en|na|no|noho|nomu|nom|ním|né|nou)", 1), (r"dv(?:a|ě|ou|ěma)", 2), (r"tř(?:i|í|ech|em|emi)", 3),
    (r"čtyř(?:i|ech|em|mi)", 4), (r"pět|pěti", 5), (r"šest|šesti", 6), (r"sedm|sedmi", 7), (r"osm|osmi", 8),
    (r"devět|devíti", 9), (r"deset|deseti", 10), (r"dvacet|dvaceti", 20), (r"třicet|třiceti", 30),
    (r"čtyřicet", 40), (r"padesát", 50), (r"sto|sta", 100), (r"tisíc(?:e|i|ovka)?", 1000),
    (r"půl|polovin(?:a|u|y|ě)", 0.5), (r"oba|obě|obou|oběma", 2), (r"první(?:ho|mu|m)?", 1),
    (r"druh(?:ý|á|é|ého|ému|ém|ou)", 2), (r"třetí(?:ho|mu|m)?", 3),
)
_PL_WORDS = (
    (r"jed(?:en|na|no|nego|nemu|nym|nej|ną)", 1), (r"dw(?:a|ie|óch|om|oma|u)", 2), (r"trz(?:y|ech|em|ema)", 3),
    (r"czter(?:y|ech|em|ema)", 4), (r"pięć|pięciu", 5), (r"sześć|sześciu", 6), (r"siedem|siedmiu", 7),
    (r"osiem|ośmiu", 8), (r"dziewięć|dziewięciu", 9), (r"dziesięć|dziesięciu", 10), (r"dwadzieścia", 20),
    (r"sto|stu", 100), (r"tysiąc(?:e|a)?", 1000), (r"pół|połow(?:a|y|ę)", 0.5), (r"oba|obie|obu", 2),
)
_FR_WORDS = (
    (r"un|une", 1), (r"deux", 2), (r"trois", 3), (r"quatre", 4), (r"cinq", 5), (r"six", 6), (r"sept", 7),
    (r"huit", 8), (r"neuf", 9), (r"dix", 10), (r"onze", 11), (r"douze", 12), (r"vingt", 20), (r"trente", 30),
    (r"quarante", 40), (r"cinquante", 50), (r"cent", 100), (r"mille", 1000), (r"demi|moitié", 0.5),
    (r"douzaine", 12), (r"premier|première", 1), (r"deuxième|second|seconde", 2), (r"troisième", 3),
)
_ES_WORDS = (
    (r"uno|una|un", 1), (r"dos", 2), (r"tres", 3), (r"cuatro", 4), (r"cinco", 5), (r"seis", 6), (r"siete", 7),
    (r"ocho", 8), (r"nueve", 9), (r"diez", 10), (r"once", 11), (r"doce", 12), (r"veinte", 20), (r"treinta", 30),
    (r"cuarenta", 40), (r"cincuenta", 50), (r"cien|ciento", 100), (r"mil", 1000), (r"medio|media|mitad", 0.5),
    (r"docena", 12), (r"ambos|ambas", 2), (r"primer|primero|primera", 1), (r"segundo|segunda", 2),
    (r"tercer|tercero|tercera", 3),
)
_IT_WORDS = (
    (r"uno|una|un", 1), (r"due", 2), (r"tre", 3), (r"quattro", 4), (r"cinque", 5), (r"sei", 6), (r"sette", 7),
    (r"otto", 8), (r"nove", 9), (r"dieci", 10), (r"undici", 11), (r"dodici", 12), (r"venti", 20), (r"trenta", 30),
    (r"quaranta", 40), (r"cinquanta", 50), (r"cento", 100), (r"mille|mila", 1000), (r"mezzo|mezza|metà", 0.5),
    (r"dozzina", 12), (r"entrambi|entrambe", 2), (r"primo|prima", 1), (r"secondo|seconda", 2), (r"terzo|terza", 3),
)


LANGUAGES: dict[str, Language] = {
    "en": ENGLISH,
    "ru": Language(
        code="ru", length_variance=1.6, length_ratio=1.03, name="Russian", decimal=",.", group=_SPACES,
        scales=((r"тыс\.?|тысяч[а-яё]*", 1e3), (r"млн\.?|миллион[а-яё]*", 1e6), (r"млрд\.?|миллиард[а-яё]*", 1e9),
                (r"трлн\.?|триллион[а-яё]*", 1e12)),
        percent=r"процент[а-яё]*|проц\.",
        words=tuple((w, float(v)) for w, v in _RU_WORDS),
        months=(r"январ[ья]|январе", r"феврал[ья]|феврале", r"март[аеу]?", r"апрел[ья]|апреле",
                      r"ма[йяею]", r"июн[ья]|июне", r"июл[ья]|июле", r"август[аеу]?", r"сентябр[ья]|сентябре",
                      r"октябр[ья]|октябре", r"ноябр[ья]|ноябре", r"декабр[ья]|декабре"),
        weekdays=(r"понедельник[а-я]*", r"вторник[а-я]*", r"сред[аеуы]", r"четверг[а-я]*", r"пятниц[аеуы]",
                  r"суббот[аеуы]", r"воскресень[ея]"),
        quotes=(("«", "»"), ("„", "“"), ("“", "”"), ("\"", "\"")),
        dialogue=True,
    ),
    "uk": Language(
        code="uk", length_variance=1.7, length_ratio=1.07, name="Ukrainian", decimal=",.", group=_SPACES,
        scales=((r"тис\.?|тисяч[а-яіїєґ]*", 1e3), (r"млн\.?|мільйон[а-яіїєґ]*", 1e6),
                (r"млрд\.?|мільярд[а-яіїєґ]*", 1e9), (r"трлн\.?|трильйон[а-яіїєґ]*", 1e12)),
        percent=r"відсот[а-яіїєґ]*|процент[а-яіїєґ]*",
        words=tuple((w, float(v)) for w, v in _UK_WORDS),
        months=(r"січ(?:ень|ня|ні)", r"лют(?:ий|ого|ому)", r"берез(?:ень|ня|ні)", r"квіт(?:ень|ня|ні)",
                r"трав(?:ень|ня|ні)", r"черв(?:ень|ня|ні)", r"лип(?:ень|ня|ні)", r"серп(?:ень|ня|ні)",
                r"верес(?:ень|ня|ні)", r"жовт(?:ень|ня|ні)", r"листопад(?:а|і)?", r"груд(?:ень|ня|ні)"),
        weekdays=(r"понеділ(?:ок|ка)", r"вівтор(?:ок|ка)", r"серед[аиуі]", r"четвер(?:га)?", r"п['’]ятниц[яіюи]",
                  r"субот[аиуі]", r"неділ[яіюи]"),
        quotes=(("«", "»"), ("„", "“"), ("“", "”"), ("\"", "\"")),
        dialogue=True,
    ),
    "de": Language(
        code="de", length_variance=1.2, length_ratio=0.94, name="German", decimal=",", group="." + _SPACES,
        scales=((r"Tsd\.?|Tausend", 1e3), (r"Mio\.?|Millionen|Million", 1e6), (r"Mrd\.?|Milliarden|Milliarde", 1e9),
                (r"Bio\.?|Billionen|Billion", 1e12)),
        percent=r"Prozent",
        words=tuple((w, float(v)) for w, v in _DE_WORDS),
        months=(r"januar|jänner", r"februar", r"märz", r"april", r"mai", r"juni", r"juli", r"august", r"september",
                r"oktober", r"november", r"dezember"),
        weekdays=(r"montag[s]?", r"dienstag[s]?", r"mittwoch[s]?", r"donnerstag[s]?", r"freitag[s]?",
                  r"samstag[s]?|sonnabend[s]?", r"sonntag[s]?"),
        quotes=(("„", "“"), ("»", "«"), ("«", "»"), ("“", "”"), ("\"", "\"")),
    ),
    "cs": Language(
        code="cs", length_variance=1.8, length_ratio=1.13, name="Czech", decimal=",", group=_SPACES + ".",
        scales=((r"tis\.?|tisíc[a-zěíů]*", 1e3), (r"mil\.?|milion[a-zůy]*", 1e6), (r"mld\.?|miliard[a-zůy]*", 1e9),
                (r"bil\.?|bilion[a-zůy]*", 1e12)),
        percent=r"procent[a-zů]*|proc\.",
        words=tuple((w, float(v)) for w, v in _CS_WORDS),
        months=(r"led(?:en|na|nu)", r"únor[a-u]?|února|únoru", r"břez(?:en|na|nu)", r"dub(?:en|na|nu)",
                r"květ(?:en|na|nu)", r"červ(?:en|na|nu)", r"červen(?:ec|ce|ci)", r"srp(?:en|na|nu)", r"září",
                r"říj(?:en|na|nu)", r"listopad(?:u)?", r"prosin(?:ec|ce|ci)"),
        weekdays=(r"pondělí", r"úterý", r"střed(?:a|u|y|ě)", r"čtvrt(?:ek|ka|ku)", r"pát(?:ek|ku|ky)",
                  r"sobot(?:a|u|y|ě)", r"neděl(?:e|i)"),
        quotes=(("„", "“"), ("‚", "‘"), ("»", "«"), ("“", "”"), ("\"", "\"")),
    ),
    "pl": Language(
        code="pl", length_ratio=1.0, name="Polish", decimal=",", group=_SPACES + ".",
        scales=((r"tys\.?|tysi[ąę]c[a-zęy]*", 1e3), (r"mln|milion[a-zów]*", 1e6), (r"mld|miliard[a-zów]*", 1e9),
                (r"bln|bilion[a-zów]*", 1e12)),
        percent=r"procent[a-z]*|proc\.",
        words=tuple((w, float(v)) for w, v in _PL_WORDS),
        months=(r"stycz(?:eń|nia|niu)", r"lut(?:y|ego|ym)", r"mar(?:zec|ca|cu)", r"kwie(?:cień|tnia|tniu)",
                r"maj(?:a|u)?", r"czerw(?:iec|ca|cu)", r"lip(?:iec|ca|cu)", r"sierp(?:ień|nia|niu)",
                r"wrze(?:sień|śnia|śniu)", r"październik(?:a|u)?", r"listopad(?:a|zie)?", r"grud(?:zień|nia|niu)"),
        weekdays=(r"poniedział(?:ek|ku)", r"wtor(?:ek|ku)", r"środ(?:a|ę|y|zie)", r"czwart(?:ek|ku)",
                  r"piąt(?:ek|ku)", r"sobot(?:a|ę|y)", r"niedziel(?:a|ę|i)"),
        quotes=(("„", "”"), ("»", "«"), ("«", "»"), ("“", "”"), ("\"", "\"")),
    ),
    "fr": Language(
        code="fr", length_ratio=0.88, name="French", decimal=",", group=_SPACES + ".",
        scales=((r"millions?", 1e6), (r"milliards?|Mds?", 1e9), (r"mille", 1e3)),
        percent=r"pour ?cent|pourcent",
        words=tuple((w, float(v)) for w, v in _FR_WORDS),
        months=(r"janvier", r"février", r"mars", r"avril", r"mai", r"juin", r"juillet", r"août", r"septembre",
                r"octobre", r"novembre", r"décembre"),
        weekdays=(r"lundi", r"mardi", r"mercredi", r"jeudi", r"vendredi", r"samedi", r"dimanche"),
        quotes=(("«", "»"), ("“", "”"), ("\"", "\"")),
    ),
    "es": Language(
        code="es", length_ratio=0.9, name="Spanish", decimal=",", group="." + _SPACES,
        scales=((r"mil millones", 1e9), (r"millón|millones", 1e6), (r"billón|billones", 1e12), (r"mil", 1e3)),
        percent=r"por ?ciento",
        words=tuple((w, float(v)) for w, v in _ES_WORDS),
        months=(r"enero", r"febrero", r"marzo", r"abril", r"mayo", r"junio", r"julio", r"agosto",
                r"septiembre|setiembre", r"octubre", r"noviembre", r"diciembre"),
        weekdays=(r"lunes", r"martes", r"miércoles", r"jueves", r"viernes", r"sábado", r"domingo"),
        quotes=(("«", "»"), ("“", "”"), ("\"", "\"")),
    ),
    "it": Language(
        code="it", length_ratio=0.92, name="Italian", decimal=",", group="." + _SPACES,
        scales=((r"mila", 1e3), (r"milione|milioni|mln", 1e6), (r"miliardo|miliardi|mld", 1e9)),
        percent=r"per ?cento",
        words=tuple((w, float(v)) for w, v in _IT_WORDS),
        months=(r"gennaio", r"febbraio", r"marzo", r"aprile", r"maggio", r"giugno", r"luglio", r"agosto",
                r"settembre", r"ottobre", r"novembre", r"dicembre"),
        weekdays=(r"lunedì", r"martedì", r"mercoledì", r"giovedì", r"venerdì", r"sabato", r"domenica"),
        quotes=(("«", "»"), ("“", "”"), ("\"", "\"")),
    ),
    "zh": Language(
        code="zh", length_variance=4.7, length_ratio=3.4, name="Chinese", decimal=".", group=",，",
        # 多, 余, 几: "more than" (1100多万); 千 before a unit is a prefix (千米 km, 千瓦 kW), not a thousand
        scales=((r"[多余几]?万亿", 1e12), (r"[多余几]?亿", 1e8), (r"[多余几]?万", 1e4),
                (r"[多余几]?千(?![米克瓦卡帕赫焦伏])", 1e3)),
        percent=r"",
        months=tuple(rf"{n}月" for n in range(1, 13)),
        weekdays=(r"(?:星期|周|礼拜)一", r"(?:星期|周|礼拜)二", r"(?:星期|周|礼拜)三", r"(?:星期|周|礼拜)四",
                  r"(?:星期|周|礼拜)五", r"(?:星期|周|礼拜)六", r"(?:星期|周|礼拜)[日天]"),
        quotes=(("“", "”"), ("「", "」"), ("『", "』"), ("《", "》"), ("\"", "\"")),
        cjk=True,
    ),
    "ja": Language(
        code="ja", length_variance=3.6, length_ratio=2.5, name="Japanese", decimal=".・", group=",，",
        scales=((r"[余数]?兆", 1e12), (r"[余数]?億", 1e8), (r"[余数]?万", 1e4), (r"[余数]?千(?![米キ])", 1e3)),
        percent=r"パーセント",
        months=tuple(rf"{n}月" for n in range(1, 13)),
        weekdays=(r"月曜日?", r"火曜日?", r"水曜日?", r"木曜日?", r"金曜日?", r"土曜日?", r"日曜日?"),
        quotes=(("「", "」"), ("『", "』"), ("“", "”"), ("\"", "\"")),
        cjk=True,
    ),
}
# Languages that write numbers the same way as one described above.
_ALIKE = {"sk": "cs", "be": "ru", "bg": "ru", "pt": "es", "nl": "de", "sl": "cs", "hr": "cs", "sr": "cs",
          "ro": "it", "ca": "es", "zh-cn": "zh", "zh-tw": "zh"}


def language(code: str | None) -> Language | None:
    """The description of a language, or None when the comparison has no number rules for it."""
    if not code:
        return None
    code = code.lower()
    return LANGUAGES.get(code) or LANGUAGES.get(_ALIKE.get(code, ""))


NAMES = {
    "en": "English", "ru": "Russian", "uk": "Ukrainian", "de": "German", "cs": "Czech", "pl": "Polish",
    "fr": "French", "es": "Spanish", "it": "Italian", "zh": "Chinese", "ja": "Japanese", "is": "Icelandic",
    "ha": "Hausa", "ko": "Korean", "ar": "Arabic", "he": "Hebrew", "tr": "Turkish", "pt": "Portuguese",
    "nl": "Dutch", "sk": "Slovak", "be": "Belarusian", "bg": "Bulgarian", "sr": "Serbian", "hr": "Croatian",
    "ro": "Romanian", "hu": "Hungarian", "fi": "Finnish", "sv": "Swedish", "da": "Danish", "no": "Norwegian",
    "el": "Greek", "ka": "Georgian", "hy": "Armenian", "fa": "Persian", "hi": "Hindi", "vi": "Vietnamese",
    "zh-cn": "Chinese", "zh-tw": "Chinese", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian",
    "sl": "Slovenian", "ca": "Catalan", "id": "Indonesian", "th": "Thai", "uk-ua": "Ukrainian",
}


def language_name(code: str | None) -> str:
    if not code:
        return "unknown"
    return NAMES.get(code.lower(), code)


__all__ = ["ENGLISH", "LANGUAGES", "Language", "language", "language_name"]
