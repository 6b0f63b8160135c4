"""False alarms and a miss found by measuring fidelity on pairs from outside the repository (WMT23 news,
Le Monde reader comments; see bench/fidelity.py --pairs), each written small for the tests, with the
same case in the other languages it concerns."""

from __future__ import annotations

import pytest

from audit.fidelity import compare, language
from audit.fidelity.names import SkeletonIndex, english_j_key, same_name, skeleton, spelled_alike
from audit.fidelity.numbers import find_numbers
from audit.fidelity.quotes import find_quotes, quote_pairs
from audit.fidelity.sides import Name

from .test_fidelity import rules_of


# ------------------------------------------------------------------ quotations
def test_quotation_ending_on_a_quoted_name():
    """A straight-quoted quotation that ends on a straight-quoted name shares its closing mark (… в
    "Газпроме", - сказал он.): the odd mark used to leave the quotation unpaired and every later
    quotation of the paragraph reported as added."""
    original = ('"Я много лет работаю в "Газпроме", - сказал он. С тех пор компания сильно выросла. '
                '"Мы этим гордимся", - добавил он.')
    translation = ("“I have worked at Gazprom for many years,” he said. The company has grown a lot since then. "
                   "“We are proud of it,” he added.")
    assert "FID-ADDED-QUOTE" not in rules_of(translation, original, "ru")


@pytest.mark.parametrize(
    ("code", "text", "quoted"),
    [
        ("ru", '"Я работаю в "Газпроме", - сказал он. "Мы гордимся", - добавил он.',
         ['"Я работаю в "Газпроме"', '"Мы гордимся"']),
        ("uk", "«Я працюю в «Нафтогазі», - сказав він. «Ми пишаємося», - додав він.",
         ["«Я працюю в «Нафтогазі»", "«Ми пишаємося»"]),
        # properly nested marks keep their reading
        ("ru", '"Я работаю в "Газпроме" давно", - сказал он. "Мы гордимся".',
         ['"Я работаю в "Газпроме" давно"', '"Мы гордимся"']),
    ],
)
def test_one_mark_closes_a_quotation_and_the_name_it_ends_on(code, text, quoted):
    spans = find_quotes(text, [(0, len(text))], quote_pairs(language(code)))
    assert [text[s:e] for s, e in spans] == quoted


@pytest.mark.parametrize(
    ("code", "text", "quoted"),
    [
        ("de", "Er sprach von „Reformen. Später sagte er: „Wir schaffen das“. Dann „Gut“.",
         ["„Wir schaffen das“", "„Gut“"]),
        ("en", 'He spoke of "reforms. Later he said: "We will manage it." Then "Good."',
         ['"We will manage it."', '"Good."']),
    ],
)
def test_a_mark_never_closed_does_not_hide_the_later_quotations(code, text, quoted):
    spans = find_quotes(text, [(0, len(text))], quote_pairs(language(code)))
    assert [text[s:e] for s, e in spans] == quoted


# ------------------------------------------------------------------ numbers
@pytest.mark.parametrize(
    ("translation", "original", "lang"),
    [
        ("Some of the water is older than 4.6 billions years.", "Une partie de l’eau a plus de 4,6 milliards "
         "d’années.", "fr"),
        ("The budget grew by 2.5 billions dollars.", "Бюджет вырос на 2,5 млрд долларов.", "ru"),
        ("The budget grew by 2.5 billions hryvnias.", "Бюджет зріс на 2,5 млрд гривень.", "uk"),
        ("The city has 3 millions inhabitants.", "Die Stadt hat 3 Millionen Einwohner.", "de"),
        ("The company lost 40 thousands euros.", "Firma ztratila 40 tisíc eur.", "cs"),
        ("The fund holds 7 trillions yen.", "基金は7兆円を保有している。", "ja"),
    ],
)
def test_plural_multiplier_after_a_numeral(translation, original, lang):
    """An English plural multiplier after a numeral (4.6 billions, 3 millions) scales like the singular."""
    assert "FID-NUMBER-MISMATCH" not in rules_of(translation, original, lang)


@pytest.mark.parametrize(
    ("text", "values"),
    [("It cost 3 millions.", [3e6]), ("It cost 2,000 millions.", [2e9]),
     ("In 2014 thousands of people fled.", [2014.0]), ("In 1999 millions watched.", [1999.0])],
)
def test_a_plural_multiplier_after_a_year_is_a_noun(text, values):
    assert [value for m in find_numbers(text, language("en")) for _kind, value in m.keys] == values


# ------------------------------------------------------------------ names
@pytest.mark.parametrize(
    ("english", "cyrillic"),
    [("John", "Джон"), ("Jones", "Джонс"), ("Jennifer", "Дженнифер"), ("Johnson", "Джонсон"), ("James", "Джеймс"),
     ("Jordan", "Джордан"), ("Joseph", "Джозеф"), ("Shotwell", "Шотуелл"), ("Maxwell", "Максуэлл"),
     ("Jan", "Ян"), ("Jens", "Йенс")],  # and J as the Slavic vowel still
)
def test_english_j_names_written_with_dzh(english, cyrillic):
    """English J before a vowel is Дж (Джон); English w of -well is у (Шотуелл). The names are matched
    by their keys: J and Дж by a key of their own, the skeleton staying as Chinese readings need it."""
    latin = Name(english, 0, len(english), skeleton(english), "latin", True)
    slavic = Name(cyrillic, 0, len(cyrillic), skeleton(cyrillic), "cyrillic", True)
    assert any(same_name(a, b) for a in latin.keys for b in slavic.keys)


def test_a_j_key_meets_only_its_like():
    """John's J key (JN) is not the skeleton of a common Russian word (он, на: N)."""
    assert not SkeletonIndex([skeleton("он"), skeleton("на")]).matches(english_j_key("John"))
    assert skeleton("John") == "GN"  # 约翰 (Yuehan) is still John for a Chinese reading


def test_a_j_name_replaced_in_a_russian_original_is_found():
    original = "Джон Смит приехал в Москву. Об этом сообщил Джонсон на пресс-конференции."
    translation = "John Smith came to Moscow. This was reported by Jenkins at a press conference."
    assert "FID-ADDED-NAME" in rules_of(translation, original, "ru")


@pytest.mark.parametrize(
    ("translation", "original", "lang"),
    [
        ("Fighting continues in the Bakhmut direction, the military said.",
         "Бої тривають на Бахмутському напрямку, повідомили військові.", "uk"),
        ("Fighting continues in the Lyman direction, the military said.",
         "Бої тривають на Лиманському напрямку, повідомили військові.", "uk"),
        ("Ships left the ports of the Sea of Azov on Monday.", "Кораблі залишили порти Азовського моря в понеділок.",
         "uk"),
        ("Ships left the ports of the Sea of Azov on Monday.", "Корабли покинули порты Азовского моря в понедельник.",
         "ru"),
        ("Fighting continues in the Kharkiv region, the military said.",
         "Бої тривають у Харківській області, повідомили військові.", "uk"),
    ],
)
def test_place_name_adjectives(translation, original, lang):
    """An adjective made from a place name (Бахмутському напрямку, Азовського моря) adds -ськ- and a
    case ending, three sounds more than the name: Bakhmut, Azov, Lyman used to be reported as added
    and the adjectives as omitted."""
    assert not rules_of(translation, original, lang)


def test_a_lower_case_adjective_explains_no_place_name():
    """Only a capitalised adjective is read as made from a place name: советского (SVTSKG) is no Azov."""
    assert rules_of("He played for Azov in the Soviet championship.", "Он играл за команду советского чемпионата.",
                    "ru") == ["FID-ADDED-NAME"]


@pytest.mark.parametrize(
    ("original", "translation", "lang"),
    [
        ("סגן השר לענייני סביבה באיראן, חסן אכברי, אמר כי אוכלוסיית הברדלסים במדינה הצטמצמה באופן דרמטי.",
         "The Deputy Minister of Environmental Affairs in Iran, Hassan Akbari, said that the population of cheetahs in "
         "the country has decreased dramatically.", "he"),
        ("التقى الرئيس محمود عباس مع أنتوني بلينكن في رام الله.",
         "President Mahmoud Abbas met Antony Blinken in Ramallah.", "ar"),
        ("Ο πρωθυπουργός Κυριάκος Μητσοτάκης συναντήθηκε με τον Όλαφ Σολτς στην Αθήνα.",
         "Prime Minister Kyriakos Mitsotakis met Olaf Scholz in Athens.", "el"),
    ],
)
def test_names_of_an_original_in_an_unread_script(original, translation, lang):
    """Names are not compared with an original whose script the comparison cannot read (Hebrew,
    Arabic, Greek), as for Korean: every name of the translation used to be reported as added. One
    note says so."""
    result = compare(translation, original, lang, metrics=False)
    assert not [h for h in result.hits if "NAME" in h.rule]
    assert len(result.notes) == 1 and "script is not read" in result.notes[0]


_STARLINK_UK = ("Україна отримала тисячі терміналів Starlink минулого року. Зокрема, коментуючи використання Starlink "
                "Збройними силами України для керування дронами, компанія зауважила, що може обмежити їхню здатність "
                "робити це.")
_STARLINK_EN = ("Ukraine received thousands of Starlink terminals last year. In particular, the company commented on "
                "the use of Starlink by the {} to control drones, saying that it could restrict their ability to do "
                "that.")


@pytest.mark.parametrize("acronym", ["UAF", "AFU", "ZSU"])
def test_acronym_for_a_spelled_out_name(acronym):
    """An English acronym for a phrase the original spells out (UAF, AFU: Збройні сили України; ZSU by
    its initials) is no replacement of the country's name, a major finding."""
    assert "FID-NAME-MISMATCH" not in rules_of(_STARLINK_EN.format(acronym), _STARLINK_UK, "uk")


@pytest.mark.parametrize("acronym", ["NKVD", "USAF"])
def test_an_acronym_is_no_blanket_excuse(acronym):
    """An acronym whose letters do not start or end on the name's (NKVD), or whose phrase would take in
    a name the translation writes apart (Starlink Збройними силами України: USAF), is still a replaced
    name."""
    assert "FID-NAME-MISMATCH" in rules_of(_STARLINK_EN.format(acronym), _STARLINK_UK, "uk")


@pytest.mark.parametrize(
    ("translation", "original", "lang"),
    [
        ("The SBU detained a man in Kyiv.", "Служба безпеки України затримала чоловіка в Києві.", "uk"),
        ("The AFU shelled the village, said Peskov.", "Вооружённые силы Украины обстреляли село, заявил Песков.",
         "ru"),
    ],
)
def test_acronyms_of_a_phrase_in_russian_and_ukrainian(translation, original, lang):
    assert not rules_of(translation, original, lang)


def test_short_word_of_a_latin_original_is_no_name():
    """A word of three letters of a Latin-script original (the German article Die) does not spell a
    longer name of the translation (Dieter): a replaced name in a German original (whose omitted
    names are not checked) used to draw no finding at all."""
    original = "Die Inflation liegt bei über 40 Prozent, sagte Christian Moser der Zeitung."
    translation = "Inflation is above 40 percent, Christian Dieter told the newspaper."
    assert rules_of(translation, original, "de")


@pytest.mark.parametrize(("name", "word", "spelled"),
                         [("dieter", "die", False), ("rome", "rom", True), ("bor", "boru", True), ("ivo", "ivo", True)])
def test_a_short_word_spells_a_name_at_most_one_letter_longer(name, word, spelled):
    assert spelled_alike(name, word) is spelled
