"""Fidelity against the original: numbers, names, quotations, alignment, detection per language, the
checks on small texts written for these tests, and bad input on the command line."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import Config, Options, Text, audit_text, run
from audit.fidelity import compare, detect_language, language
from audit.fidelity.align import FULL_GRID_CELLS, Aligner, Unit
from audit.fidelity.names import SkeletonIndex, same_name, skeleton
from audit.fidelity.numbers import find_numbers
from audit.fidelity.quotes import find_quotes, quote_pairs


def values(text: str, code: str) -> list[tuple[str, list[tuple[str, float]]]]:
    return [(m.text, sorted(m.keys)) for m in find_numbers(text, language(code))]


def rules_of(translation: str, original: str, lang: str | None = None) -> list[str]:
    return sorted(h.rule for h in compare(translation, original, lang, metrics=False).hits)


# ------------------------------------------------------------------ numbers, per language
@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("ru", "выделили 1,5 млрд рублей", ("1,5 млрд", 1.5e9)),
        ("ru", "помогать будут 10 тысяч человек", ("10 тысяч", 1e4)),
        ("ru", "около 1 500 000 человек", ("1 500 000", 1.5e6)),
        ("uk", "виділили 2 тис. гривень", ("2 тис.", 2e3)),
        ("uk", "зросла на 25 відсотків", ("25 відсотків", 25)),
        ("uk", "півтора мільйона людей", ("півтора мільйона", 1.5e6)),
        ("de", "1.500 Menschen wurden evakuiert", ("1.500", 1500)),
        ("de", "2,5 Mio. Euro", ("2,5 Mio.", 2.5e6)),
        ("de", "um 3,5 Prozent", ("3,5 Prozent", 3.5)),
        ("cs", "12 tisíc lidí", ("12 tisíc", 1.2e4)),
        ("cs", "3,5 mil. korun", ("3,5 mil.", 3.5e6)),
        ("pl", "3,5 mln złotych", ("3,5 mln", 3.5e6)),
        ("fr", "2,5 millions d'euros", ("2,5 millions", 2.5e6)),
        ("fr", "1 500 personnes", ("1 500", 1500)),
        ("es", "3 mil millones de dólares", ("3 mil millones", 3e9)),
        ("es", "1.500 personas", ("1.500", 1500)),
        ("it", "2,5 miliardi di euro", ("2,5 miliardi", 2.5e9)),
        ("zh", "已有1.5万人参加", ("1.5万", 1.5e4)),
        ("zh", "投资3亿元", ("3亿", 3e8)),
        ("ja", "７連勝", ("７", 7)),
        ("en", "the 1.5 billion plan", ("1.5 billion", 1.5e9)),
        ("en", "a $5m grant", ("5m", 5e6)),
        ("en", "10,000 people", ("10,000", 1e4)),
    ],
)
def test_numbers_are_read_the_languages_way(code, text, expected):
    found = values(text, code)
    assert (expected[0], [("n", float(expected[1]))]) in found, found


def test_dates_months_weekdays_and_times():
    uk = dict(values("24 серпня о 15:00, у понеділок", "uk"))
    assert uk["24"] == [("n", 24.0)] and uk["серпня"] == [("m", 8.0)]
    assert uk["15:00"] == [("n", 15.0), ("t", 15.0)] and uk["понеділок"] == [("w", 1.0)]
    en = dict(values("On Monday, August 24, at 3 p.m.", "en"))
    assert en["August"] == [("m", 8.0)] and en["3 p.m."] == [("n", 3.0), ("t", 15.0)] and en["Monday"] == [("w", 1.0)]
    assert dict(values("з 7 ранку до 7 вечора", "uk"))["7 вечора"] == [("n", 7.0), ("t", 19.0)]
    assert ("４億５０００万", [("n", 4.5e8)]) in values("約４億５０００万ドル", "ja")
    assert ("1100多万", [("n", 1.1e7)]) in values("比利时有1100多万人口", "zh")
    assert ("18.9", [("n", 18.9)]) in values("全长约18.9千米", "zh")  # 千米 is a kilometre, not a thousand
    assert ("６９", [("n", 69.0), ("n", 1869.0), ("n", 1969.0), ("n", 2069.0)]) in values("（１８２５～６９年）", "ja")
    assert ("8", [("m", 8.0), ("n", 8.0)]) in values("8月24日", "zh")
    # one numeral character is a number after the ordinal 第 or before a counter, not inside a word
    assert ("三", [("n", 3.0)]) in values("第三轮比赛", "zh") and ("二", [("n", 2.0)]) in values("第二段階", "ja")
    assert values("他们一起去了三峡", "zh") == []
    assert ("下午6点", [("n", 6.0), ("t", 18.0)]) not in values("下午6点", "zh")  # the span is the hour itself
    assert ("6点", [("n", 6.0), ("t", 18.0)]) in values("下午6点", "zh")
    assert ("15 Uhr", [("n", 15.0), ("t", 15.0)]) in values("um 15 Uhr", "de")
    assert ("18", [("n", 18.0), ("n", 2006.0)]) in values("平成18年", "ja")
    assert ("90-х", [("n", 90.0), ("n", 1990.0), ("n", 2090.0)]) in values("в 90-х", "ru")


@pytest.mark.parametrize(
    ("code", "text", "written", "value"),
    [
        ("ja", "打率・２５２で", "・２５２", 0.252),  # ・ as a decimal point
        ("ja", "打率２割４～５分と", "２割４～５分", 0.25),  # a ratio range: both ends
        ("ja", "打率２割４～５分と", "２割４～５分", 0.24),
        ("ja", "指数は１万０３６３・１８と続落", "１万０３６３・１８", 10363.18),  # a remainder after 万
        ("ja", "２３（大正１２）年の関東大震災", "２３", 1923),  # a year with its era in brackets
        ("ja", "２３（大正１２）年の関東大震災", "１２", 1923),
        ("zh", "20世纪60年代的歌", "20世纪60年代", 1960),  # the 1960s
        ("zh", "实现了“十四五”良好开局", "十四", 14),  # 十四五: the 14th (five-year plan), not 15
        ("en", "From 4.2022, refugees may apply", "4.2022", 2022),  # a month and a year
        ("en", "with her two children (3,5)", "3,5", 5),  # a list, or a decimal comma
        ("en", "with her two children (3,5)", "3,5", 3.5),
    ],
)
def test_number_grammars(code, text, written, value):
    found = {m.text: m.keys for m in find_numbers(text, language(code))}
    assert ("n", float(value)) in found[written], found


def test_digits_joined_to_a_name_are_a_code():
    mentions = find_numbers("COVID-19 and Су-27, MH17, in the top-10", language("en"))
    assert [(m.text, m.kind) for m in mentions] == [("19", "code"), ("27", "code"), ("17", "code"), ("10", "number")]
    # a code is checked against a code only: COVID-19 for 新冠肺炎 is no number the original lacks
    assert rules_of("The COVID-19 epidemic lasted 3 years.", "新冠肺炎疫情持续了3年。", "zh") == []
    assert rules_of("Covid-20 cases rose.", "Případů covidu-19 přibylo.", "cs") == ["FID-NUMBER-MISMATCH"]


@pytest.mark.parametrize(
    ("code", "original", "translation", "rules"),
    [
        ("zh", "两人从20里外的家赶来，带着1000多斤粮食。",
         "They came from their home 10 km away with over 500 kg of grain.", []),
        ("ru", "Ураган пройдет в 100 км от побережья.", "The hurricane will pass 62 miles off the coast.", []),
        ("ru", "Ураган пройдет в 100 км от побережья.", "The hurricane will pass 60 miles off the coast.", []),
        ("zh", "最高气温30℃。", "The high will be 86 °F.", []),
        ("ja", "農地６０００ヘクタールが浸水した。", "6,000 hectares of farmland were flooded.", []),
        # a number changed in the same unit is not hidden by the rounding of conversions
        ("ru", "Ураган пройдет в 152 км от побережья.", "The hurricane will pass 153 km off the coast.",
         ["FID-NUMBER-MISMATCH"]),
        ("zh", "两人从20里外的家赶来。", "The two came from their home 12 kilometers away.", ["FID-NUMBER-MISMATCH"]),
    ],
)
def test_converted_measures_are_the_same_number(code, original, translation, rules):
    assert rules_of(translation, original, code) == rules


def test_a_changed_number_of_a_cjk_original_is_certain_only_one_for_one():
    original = "今年の観客は３万人で、入場料は５００円と２００円だった。"
    assert rules_of("This year there were 30,000 visitors, and admission was 600 yen and 200 yen.", original,
                    "ja") == ["FID-NUMBER-MISMATCH"]
    assert rules_of("This year there were 30,000 visitors, and admission was 600 yen and 250 yen.", original,
                    "ja") == ["FID-POSSIBLE-NUMBER-MISMATCH"] * 2
    # next to a range mark, a number's reading is not sure
    assert rules_of("The shop is on floors 1 to 3.", "店は１～２階にある。", "ja") == ["FID-POSSIBLE-NUMBER-MISMATCH"]
    assert rules_of("They hit .260 this season.", "今季は打率２割４～５分だった。", "ja") == ["FID-NUMBER-MISMATCH"]


def test_numbers_in_words_are_not_exact():
    words = [m for m in find_numbers("два миллиона и двадцать пять", language("ru")) if not m.exact]
    assert sorted(m.value for m in words) == [25.0, 2e6]
    assert [m.value for m in find_numbers("twenty-five people", language("en"))] == [25.0]


def test_a_language_without_number_rules():
    assert language("ha") is None and language("is") is None
    assert language("sk") is language("cs")  # written the same way


# ------------------------------------------------------------------ names
@pytest.mark.parametrize(
    ("original", "english"),
    [("Зеленський", "Zelensky"), ("Зеленський", "Zelenskyy"), ("Зеленский", "Zelenskiy"), ("Зеленського", "Zelensky"),
     ("Київ", "Kyiv"), ("Києва", "Kiev"), ("Харків", "Kharkiv"), ("Харькове", "Kharkov"), ("Москве", "Moscow"),
     ("Шольцем", "Scholz"), ("Одесса", "Odesa"), ("Львів", "Lviv"), ("Nového", "Nový"), ("Boru", "Bor"),
     ("Ханна", "Hanna"), ("Сергій", "Serhiy")],
)
def test_names_across_scripts(original, english):
    assert same_name(skeleton(original), skeleton(english))


@pytest.mark.parametrize(("original", "english"),
                         [("Зеленський", "Poroshenko"), ("Київ", "Lviv"), ("Mamming", "Asanoyama")])
def test_different_names_differ(original, english):
    assert not same_name(skeleton(original), skeleton(english))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("BDFGKLMNPRSTV", min_size=1, max_size=6), min_size=1, max_size=6),
       st.text("BDFGKLMNPRSTV", min_size=1, max_size=7))
def test_skeleton_index_answers_as_same_name(keys, key):
    assert SkeletonIndex(keys).matches(key) == any(same_name(key, k) for k in keys)


# ------------------------------------------------------------------ quotations
@pytest.mark.parametrize(
    ("code", "text", "quoted"),
    [("uk", "Він сказав: «Ми встигли, а „техніка“ прибула». Далі", "«Ми встигли, а „техніка“ прибула»"),
     ("de", "Er sagte: „Wir haben es geschafft“. Dann", "„Wir haben es geschafft“"),
     ("pl", "Powiedział: „Zdążyliśmy”. Potem", "„Zdążyliśmy”"),
     ("ja", "知事は「協力する」と述べた。", "「協力する」"),
     ("en", "He said: “It was late.“ Then", "“It was late.“")],  # a wrongly oriented mark still closes
)
def test_quotations_with_each_languages_marks(code, text, quoted):
    spans = find_quotes(text, [(0, len(text))], quote_pairs(language(code)))
    assert [text[s:e] for s, e in spans] == [quoted]


_BUDGET_EN = ("The government approved the new budget for next year after long and difficult debates in parliament "
              "that lasted almost a whole week. The president will sign the law on Friday.")


@pytest.mark.parametrize(
    ("code", "original"),
    [
        ("ru", "Правительство одобрило новый бюджет на следующий год после долгих и трудных дебатов в парламенте, "
               "которые продолжались почти целую неделю. Президент подпишет закон в пятницу."),
        ("zh", "政府在议会经过长时间的艰难辩论后批准了明年的新预算，辩论持续了将近整整一周。总统将于周五签署该法律。"),
        ("de", "Die Regierung hat nach langen und schwierigen Debatten im Parlament, die fast eine ganze Woche "
               "dauerten, den neuen Haushalt für das kommende Jahr beschlossen. Der Präsident unterschreibt das "
               "Gesetz am Freitag."),
    ],
)
def test_a_short_sentence_added_beside_a_long_one_is_not_hidden_in_a_merge(code, original):
    assert rules_of(_BUDGET_EN, original, code) == []
    added = _BUDGET_EN.replace(" The president", " Nobody in the capital expected such a result. The president")
    hits = compare(added, original, code, metrics=False).hits
    assert [(h.rule, added[h.start : h.end]) for h in hits] == [
        ("FID-POSSIBLE-ADDITION", "Nobody in the capital expected such a result.")]


def quote_rules(translation: str, original: str, code: str) -> list[str]:
    return [h.rule for h in compare(translation, original, code, metrics=False).hits if "QUOTE" in h.rule]


@pytest.mark.parametrize(
    ("code", "original", "faithful", "damaged"),
    [
        # an idiom or a slogan quoted in a CJK original is a phrase the translation quotes too
        ("zh", "在她最困难的时候，工会跑前忙后“雪中送炭”。",
         "When things were hardest for her, the union ran around helping, “like a glass of water in the desert”.",
         "When things were hardest for her, the union ran around helping."),
        ("zh", "这是我国“八纵八横”高速铁路网的重要组成部分。",
         "It is an important part of China's “Eight Vertical and Eight Horizontal” high-speed rail network.",
         "It is an important part of China's high-speed rail network."),
        ("ja", "町は「地域の魅力発信」を掲げている。",
         "The town has adopted the slogan “spreading the charm of the region”.", "The town has adopted a slogan."),
    ],
)
def test_a_quoted_phrase_of_a_cjk_original(code, original, faithful, damaged):
    assert quote_rules(faithful, original, code) == []
    assert quote_rules(damaged, original, code) == ["FID-OMITTED-QUOTE"]


@pytest.mark.parametrize(
    ("code", "original", "faithful", "damaged"),
    [
        # two quoted terms in a sentence: the one kept is paired by its place, the one dropped reported
        ("zh", "他们把这个项目叫作“湿地梦”，并引用了“沙鸥翔集”的美景。",
         "They call the project the “Wetland Dream” and cite the beauty of “gulls gathering over the sand”.",
         "They call the project the “Wetland Dream” and cite the beauty of the scenery."),
        ("ja", "町は計画を「湿地の夢」と呼び、「カモメが砂浜に集まる」景色を紹介した。",
         "The town called the plan “Wetland Dream” and showed the scenery of “gulls gathering on the beach”.",
         "The town called the plan “Wetland Dream” and showed the scenery of the beach."),
    ],
)
def test_quotations_are_paired_by_their_place_in_the_sentence(code, original, faithful, damaged):
    assert quote_rules(faithful, original, code) == []
    assert quote_rules(damaged, original, code) == ["FID-OMITTED-QUOTE"]


@pytest.mark.parametrize(
    ("code", "original", "translation"),
    [
        ("zh", "他被称为“帅哥”。", "He is called a handsome young man."),  # a word, not a phrase
        ("ja", "新商品「アンブレラスカイ」を発売した。", "It launched a new product, Umbrella Sky."),  # a katakana name
        ("zh", "他读了《吉祥如意》。", "He read The Reunions."),  # a title: English writes it in italics
    ],
)
def test_short_terms_katakana_names_and_titles_are_not_omitted_quotations(code, original, translation):
    assert quote_rules(translation, original, code) == []


@pytest.mark.parametrize(
    ("code", "original", "translation"),
    [
        ("ru", "Он назвал это «миссией». «Мы будем работать день и ночь, пока не закончим», сказал он.",
         "He called it a mission. “We will work day and night until we finish,” he said."),
        ("zh", "他称之为“使命”。“我们将日夜工作，直到完成为止。”他说。",
         "He called it a mission. “We will work day and night until we finish,” he said."),
        ("de", "Er nannte es eine „Mission“. „Wir arbeiten Tag und Nacht, bis wir fertig sind“, sagte er.",
         "He called it a mission. “We will work day and night until we finish,” he said."),
    ],
)
def test_a_quoted_term_does_not_take_the_partner_of_the_quoted_sentence(code, original, translation):
    # paired over the document at once: the English quotation is the sentence's, the term's quotes were dropped
    assert quote_rules(translation, original, code) == []


# ------------------------------------------------------------------ names in Chinese and Japanese
def test_kana_romanized_and_names_shaped_like_japanese_or_pinyin():
    from audit.fidelity.readings import hepburn_shaped, pinyin_syllables, romanize_kana

    assert [romanize_kana(w) for w in ("ウィリアム", "ジョン", "キャンプ", "ファイル", "ひらがな")] == [
        "wiriamu", "jon", "kyanpu", "fairu", "hiragana"]
    assert [hepburn_shaped(w) for w in ("Saito", "Hokkaido", "Matcha", "Spectee", "Droszewski", "Vienna")] == [
        True, True, True, False, False, False]
    assert [pinyin_syllables(w) for w in ("Zhibin", "Beijing", "Xu", "Trump")] == [2, 2, 1, 0]


def test_a_reader_finds_where_the_original_spells_a_name():
    from audit.fidelity.readings import Reader

    text = "记者王志斌报道。特朗普说，美国将退出。"
    sentences = [(0, 8), (8, len(text))]
    reader = Reader(text, sentences, "zh")
    assert reader.occurrences("Zhibin") == [(0, 3, 5)]  # 志斌, by the characters' readings
    assert reader.occurrences("Haoran") == []
    assert reader.sounds_like("Trump", [1]) and not reader.sounds_like("Kovalenko", [0, 1])
    kana = Reader("英国のウィリアム王子が来日した。", [(0, 16)], "ja")
    assert kana.occurrences("William") == [(0, 3, 8)] and kana.occurrences("Harold") == []


@pytest.mark.parametrize(
    ("original", "faithful", "damaged", "flagged"),
    [
        ("本报讯（记者 王志斌）北京青年报记者从市园林绿化局获悉，野生动物的数量持续增加。",
         "(Reporter Wang Zhibin) The Beijing Youth Daily learned from the Municipal Greening Bureau that the "
         "number of wild animals continues to grow.",
         "(Reporter Wang Haoran) The Beijing Youth Daily learned from the Municipal Greening Bureau that the "
         "number of wild animals continues to grow.", "Haoran"),
        ("英国のウィリアム王子は２４日、ドロシェフスキ教授と会談した。",
         "Britain's Prince William met Professor Droszewski on the 24th.",
         "Britain's Prince William met Professor Kovalenko on the 24th.", "Kovalenko"),
    ],
)
def test_names_of_chinese_and_japanese_originals(original, faithful, damaged, flagged):
    assert not [h for h in compare(faithful, original, metrics=False).hits if h.rule.endswith("NAME")]
    hits = [h for h in compare(damaged, original, metrics=False).hits if h.rule == "FID-ADDED-NAME"]
    assert [damaged[h.start : h.end] for h in hits] == [flagged]


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        # a Chinese given name after its surname is checked against the characters after the surname
        ("本文由记者王思硕撰写。", "The article was written by reporter Wang Florida.", ["Florida"]),
        ("本文由记者王思硕撰写。", "The article was written by reporter Wang Sishuo.", []),
        # a foreign name the original neither spells nor sounds like, even a common one in English
        ("波兰总统杜达在竞选期间将此作为主要议题之一。", "Polish president Zimmermann made it one of the main issues.",
         ["Zimmermann"]),
        # acronyms, places named by meaning, words of an institution's name: written by their meaning
        ("应急管理部表示，德国和长江流域的合作将继续，人民币贷款已到位。",
         "The Ministry of Emergency Management said cooperation between Germany and the Yangtze basin will "
         "continue; the RMB loans are in place.", []),
        # a foreign name sounds like a run of transliteration characters, not like any run of characters
        ("北京青年报记者从北京市园林绿化局获悉。", "The Benjamin Youth Daily learned from the Bureau.", ["Benjamin"]),
        ("以色列总理本杰明·内塔尼亚胡表示。", "Israeli Prime Minister Benjamin Netanyahu said.", []),
        ("特朗普总统表示。", "President Trump said.", []),
        # a sound twice in a row is one (Parly: 帕利), a final stop is dropped (David: 大卫)
        ("法国国防部长帕利表示。", "French Defence Minister Parly said.", []),
        ("大卫·何呼吁公众行动起来。", "David Ho called on the public to act.", []),
        # a name an institution is named after is not explained by the institution
        ("北京舞剧院正在排练。", "The Martin Dance Theatre is rehearsing.", ["Martin"]),
    ],
)
def test_names_a_chinese_original_writes_by_sound_or_by_meaning(original, translation, flagged):
    hits = [h for h in compare(translation, original, "zh", metrics=False).hits if h.rule == "FID-ADDED-NAME"]
    assert [translation[h.start : h.end] for h in hits] == flagged


@pytest.mark.parametrize(
    ("code", "original", "translation", "flagged"),
    [
        # German capitalises its nouns and has short words whose sounds start many names (nur: NR, Nord)
        ("de", "Die Zahlen seien jetzt noch unauffällig, sagte Terzenbach.", "The numbers are still inconspicuous, "
         "said Steven.", ["Steven"]),
        ("de", "Nach der Führung in der ersten Minute drehten van Dijk und Origi nur das Spiel.",
         "After the lead in the first minute van Dijk and Nord turned the match.", ["Nord"]),
        ("de", "Die Gesundheitsbehörde Wien informiert um 10 Uhr.", "The health authority of Harbin informs at 10.",
         ["Harbin"]),
        # names inflected, spelled with diacritics, or one sound apart after the same three letters
        ("de", "Die Regierung Merkels traf sich in München.", "Merkel's government met in Munich.", []),
        ("cs", "Jeskyně leží nedaleko Nového Boru u Jihlavy.", "The cave lies near Nový Bor close to Jihlava.", []),
        ("cs", "Australská vláda to oznámila.", "The Australian government announced it.", []),
    ],
)
def test_names_of_a_latin_script_original_are_compared_letter_by_letter(code, original, translation, flagged):
    hits = [h for h in compare(translation, original, code, metrics=False).hits if h.rule == "FID-ADDED-NAME"]
    assert [translation[h.start : h.end] for h in hits] == flagged


@pytest.mark.parametrize(
    ("code", "original", "translation"),
    [
        # the polite "you" of letters is capitalised, and English "I’m" too: neither names anyone
        ("uk", "Я хочу сказати Вам багато. Чи Ви маєте мрії?",
         "I want to tell you a lot. I’m asking: do you have dreams?"),
        ("ru", "Я хочу сказать Вам многое. Есть ли у Вас мечты?", "I want to tell you a lot. Do you have dreams?"),
        ("cs", "Chci Vám toho říct hodně. Máte Vy nějaké sny?", "I want to tell you a lot. Do you have any dreams?"),
        # a Ukrainian locative changes the last consonant of the name: у Празі, в Америці
        ("uk", "Мої дівчата живуть у Празі, а друзі в Америці.", "My girls live in Prague and friends in America."),
        # countries Russian and Ukrainian call by names of their own
        ("ru", "Посол Великобритании прибыл из Ливии в Турцию.", "The British ambassador to Libya arrived in Turkey "
               "from Britain."),
        ("uk", "Делегація Туреччини та Грузії прибула до Швеції.", "A delegation from Turkey and Georgia arrived in "
               "Sweden."),
    ],
)
def test_capitalised_pronouns_and_mutated_cases_are_no_missing_names(code, original, translation):
    assert rules_of(translation, original, code) == []


@pytest.mark.parametrize(
    ("code", "original", "translation", "flagged"),
    [
        # a title-case headline capitalises every word: the English-shaped ones are no names, the rest are
        ("ru", "Протестующие продолжают демонстрации в Хабаровске",
         "Protesters Keep Up Demonstrations in Khabarovsk", []),
        ("ru", "Протестующие продолжают демонстрации в Хабаровске",
         "Protesters Keep Up Demonstrations in Zimmermann", ["Zimmermann"]),
        ("de", "Bürger in Dresden protestieren weiter gegen die Schließung",
         "Citizens in Dresden Keep Protesting Against the Closure", []),
        ("de", "Bürger in Dresden protestieren weiter gegen die Schließung",
         "Citizens in Nagano Keep Protesting Against the Closure", ["Nagano"]),
        ("ja", "福島で縮小開催の相馬野馬追", "Soma Nomaoi Scaled Down in Fukushima", []),
        ("ja", "福島で縮小開催の相馬野馬追", "Soma Nomaoi Scaled Down in Zealand", ["Zealand"]),
    ],
)
def test_names_in_a_title_case_headline(code, original, translation, flagged):
    hits = [h for h in compare(translation, original, code, metrics=False).hits if h.rule == "FID-ADDED-NAME"]
    assert [translation[h.start : h.end] for h in hits] == flagged


def test_a_short_sound_is_no_transliteration_of_a_longer_name():
    from audit.fidelity.readings import sounds_alike

    assert sounds_alike("TRMP", "TRP") and sounds_alike("MRKS", "MRKSS")  # 特朗普, 马克思
    assert not sounds_alike("TSG", "TS") and not sounds_alike("MSR", "MSN")  # 特色 is not Taussig


def test_a_headline_left_in_the_original_script_inside_an_english_sentence():
    original = "巴西总统新冠病毒检测结果转阴-新华网 巴西总统博索纳罗25日表示，他的新冠病毒检测结果为阴性。"
    text = "巴西总统新冠病毒检测结果转阴-新华网 Brazilian President Bolsonaro said on the 25th that he tested negative."
    hits = [h for h in compare(text, original, metrics=False).hits if h.rule == "FID-UNTRANSLATED"]
    assert [text[h.start : h.end] for h in hits] == ["巴西总统新冠病毒检测结果转阴-新华网"]


# ------------------------------------------------------------------ alignment
def test_alignment_merges_splits_and_gaps():
    original = [Unit(100), Unit(40), Unit(40), Unit(120), Unit(90)]
    translation = [Unit(100), Unit(82), Unit(60), Unit(58), Unit(88)]
    beads = Aligner(original, translation).align()
    pairs = [(b.original, b.translation) for b in beads]
    assert pairs == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2, 3)), ((4,), (4,))]


def test_banded_alignment_equals_the_full_grid(monkeypatch):
    rng = random.Random(7)
    n = 560
    lengths = [rng.randint(20, 200) for _ in range(n)]
    original = [Unit(size, frozenset({f"n:{i}"}) if i % 9 == 0 else frozenset()) for i, size in enumerate(lengths)]
    translation = [Unit(size * rng.uniform(0.85, 1.15), u.anchors) for size, u in zip(lengths, original, strict=True)]
    del translation[250:256]  # a long omission: the band must widen
    banded = Aligner(original, translation).align()
    assert (n + 1) * (len(translation) + 1) > FULL_GRID_CELLS
    monkeypatch.setattr("audit.fidelity.align.FULL_GRID_CELLS", 10**9)
    full = Aligner(original, translation).align()
    assert [(b.original, b.translation) for b in banded] == [(b.original, b.translation) for b in full]
    assert sum(len(b.original) for b in banded if not b.translation) >= 5  # one may merge with a neighbour


def test_a_short_texts_length_ratio_leans_on_the_language_prior():
    # four pairs, two of them loose: the median of the text's own ratios alone would be 1.43
    original = [Unit(91), Unit(44), Unit(28), Unit(23)]
    translation = [Unit(73), Unit(47), Unit(40), Unit(33)]
    aligner = Aligner(original, translation, prior_ratio=1.03, variance=1.6)
    beads = aligner.align()
    assert [(b.original, b.translation) for b in beads] == [((i,), (i,)) for i in range(4)]
    assert 1.0 < aligner.ratio < 1.25


@pytest.mark.parametrize(
    ("code", "text", "sentences"),
    [
        ("uk", "Приїхали з Донецької обл., маю освіту..розмовляю українською", 2),
        ("ru", "Приехали из Донецка…говорю по-русски", 2),
        ("en", "We came from Donetsk.. and speak Ukrainian", 1),  # a space after it: the next word decides
        ("de", "Das kostet 1..3 Euro", 1),  # between digits: a range
    ],
)
def test_an_ellipsis_glued_to_the_next_word_ends_a_sentence(code, text, sentences):
    from audit.fidelity.text import split_sentences

    assert len(split_sentences(text, [(0, len(text))], code)) == sentences


@pytest.mark.parametrize(
    ("code", "original", "translation", "flagged"),
    [
        # a headline left in the original's language, run into the English sentence after it
        ("de", "Bericht: Seehofer drängt auf längere Vorratsdatenspeicherung. Innenminister Horst Seehofer will "
               "die Daten länger speichern lassen.",
         "Bericht: Seehofer drängt auf längere Vorratsdatenspeicherung Interior Minister Horst Seehofer wants the "
         "data to be stored for longer.", ["Bericht: Seehofer drängt auf längere Vorratsdatenspeicherung"]),
        ("cs", "Od úterý hrozí v Česku vedra. Meteorologové varují před požáry v celé zemi.",
         "Od úterý hrozí v Česku vedra Meteorologists warn of fires across the country.",
         ["Od úterý hrozí v Česku vedra"]),
        # a phrase of the original cited in quotation marks, or names, are no untranslated passage
        ("cs", "Jde o tzv. část well-to-tank (česky od zdroje do nádrže).",
         "It is the so-called well-to-tank part (in Czech \"od zdroje do nádrže\").", []),
        ("de", "Angela Merkel und Olaf Scholz trafen sich in Berlin.", "Angela Merkel and Olaf Scholz met in Berlin.",
         []),
    ],
)
def test_a_stretch_copied_from_a_latin_script_original(code, original, translation, flagged):
    hits = [h for h in compare(translation, original, code, metrics=False).hits if h.rule == "FID-UNTRANSLATED"]
    assert [translation[h.start : h.end] for h in hits] == flagged


def test_a_sentence_is_copied_with_its_diacritics():
    original = "Ale pro mě je to maximum. Jeskyně leží v lesích nedaleko Nového Boru."
    assert rules_of("But it is maximum to me. The cave lies in forests near Nový Bor.", original, "cs") == []
    assert rules_of("Ale pro mě je to maximum. The cave lies in forests near Nový Bor.", original, "cs") == [
        "FID-UNTRANSLATED"]


def test_days_listed_with_a_middle_dot_are_not_a_decimal():
    found = [(m.text, m.value) for m in find_numbers("２６日・２７日も神事のみ", language("ja"))]
    assert found == [("２６", 26.0), ("２７", 27.0)]
    original = "２６日・２７日も神事のみ執り行われる。"
    assert rules_of("Only rituals will be held on the 26th and 27th.", original, "ja") == []


def test_a_loosely_translated_sentence_is_not_an_omission_and_an_addition():
    # the middle sentence is paraphrased to under half its length: one pair, not a gap and an addition
    original = [Unit(60), Unit(200), Unit(50)]
    translation = [Unit(60), Unit(80), Unit(50)]
    pairs = [(b.original, b.translation) for b in Aligner(original, translation, 1.0, 1.2).align()]
    assert pairs == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_an_omission_is_certain_only_when_no_merge_explains_it():
    uk = ("Уряд схвалив бюджет на наступний рік у понеділок. Опозиція заявила, що всі її 43 депутати голосуватимуть "
          "проти нього в парламенті, а потім звернуться до Конституційного суду зі скаргою. Прем'єр-міністр назвав "
          "бюджет чесним. Президент підпише закон у п'ятницю.")
    dropped = ("The government approved next year's budget on Monday. The prime minister called the budget honest. "
               "The president will sign the law on Friday.")
    assert rules_of(dropped, uk) == ["FID-OMITTED-PASSAGE"]
    # three short sentences, one of them gone: the text is too short to tell which, or whether it is merged
    short = ("Уряд схвалив новий бюджет на наступний рік після довгих дебатів у парламенті. Голосування тривало до "
             "пізньої ночі у вівторок. Президент підпише закон у п'ятницю.")
    assert rules_of("The government approved the new budget for next year after long debates in parliament. The "
                    "president will sign the law on Friday.", short) == ["FID-POSSIBLE-OMISSION"]


def test_margins_of_the_aligners_choices():
    around = [80, 120, 70, 95, 110, 85]
    for middle, certain in ((160, True), (50, False)):  # a long sentence with no counterpart; a short one
        original = [Unit(n) for n in around[:3]] + [Unit(middle)] + [Unit(n) for n in around[3:]]
        aligner = Aligner(original, [Unit(n) for n in around], 1.0, 1.2)
        beads = aligner.align()
        assert ((3,), ()) in [(b.original, b.translation) for b in beads]
        window = beads[1:6]
        paired = aligner.paired_cost(1, 6, 1, 5, range(1, 6), range(0))  # every original sentence paired
        assert (paired - sum(b.cost for b in window) > 4.0) is certain
    # a two-to-one merge whose second sentence fits nothing: leaving it out is almost as likely
    merged = Aligner([Unit(100), Unit(45)], [Unit(112)], 1.0, 1.2)
    assert merged.split_margin(0, 2, 0, 1, original=True, first=False) < 2.0
    assert merged.split_margin(0, 2, 0, 1, original=True, first=True) > 2.0


# ------------------------------------------------------------------ language of the original
def test_language_by_script_and_seeded_langdetect():
    assert detect_language("Президент заявив, що переговори продовжаться у Києві.").code == "uk"
    assert detect_language("Президент заявил, что переговоры продолжатся в Москве, это ясно.").code == "ru"
    assert detect_language("今年已有1.5万人参加，8月24日结束。").code == "zh"
    assert detect_language("知事は協力すると述べた。").code == "ja"
    german = ("Die Bundesregierung hat am Montag angekündigt, dass die Gespräche über die Sicherheitsgarantien für "
              "die Ukraine in der kommenden Woche in Berlin fortgesetzt werden sollen, sagte ein Sprecher.")
    assert {detect_language(german).code for _ in range(3)} == {"de"}
    assert detect_language("Kurz und gut.").code is None  # too short to guess


# ------------------------------------------------------------------ checks, per language
UK = ("Уряд виділив 1,5 млрд гривень на ремонт шкіл. Про це в понеділок повідомив прем'єр-міністр Денис Шмигаль "
      "у Києві. «Ми відновимо кожну школу, зруйновану війною», - сказав Шмигаль журналістам.")
UK_EN = ("The government allocated 1.5 billion hryvnias to repair schools. Prime Minister Denys Shmyhal announced "
         "this in Kyiv on Monday. “We will rebuild every school destroyed by the war,” Shmyhal told journalists.")


def test_a_faithful_translation_raises_nothing():
    assert rules_of(UK_EN, UK) == []


def test_a_changed_number_is_found_and_placed_at_the_number():
    damaged = UK_EN.replace("1.5 billion", "2.5 billion")
    hits = compare(damaged, UK).hits
    assert [(h.rule, damaged[h.start : h.end]) for h in hits] == [("FID-NUMBER-MISMATCH", "2.5 billion")]
    assert UK[hits[0].source_start : hits[0].source_end] == "1,5 млрд"


def test_a_replaced_name_a_dropped_quote_and_an_untranslated_sentence():
    assert "FID-NAME-MISMATCH" in rules_of(UK_EN.replace("Shmyhal told", "Poroshenko told"), UK)
    assert "FID-OMITTED-QUOTE" in rules_of(UK_EN.replace("“We will rebuild every school destroyed by the war,” ", "")
                                           .replace("Shmyhal told", "Shmyhal spoke to"), UK)
    untranslated = UK_EN.replace("Prime Minister Denys Shmyhal announced this in Kyiv on Monday.",
                                 "Про це в понеділок повідомив прем'єр-міністр Денис Шмигаль у Києві.")
    assert rules_of(untranslated, UK) == ["FID-UNTRANSLATED"]


@pytest.mark.parametrize(
    ("code", "original", "faithful", "damaged", "rule"),
    [
        ("ru", "Власти подготовили около 800 убежищ. Помогать будут 10 тысяч волонтеров из Тамаулипаса.",
         "The authorities prepared about 800 shelters. Ten thousand volunteers from Tamaulipas will help.",
         "The authorities prepared about 900 shelters. Ten thousand volunteers from Tamaulipas will help.",
         "FID-NUMBER-MISMATCH"),
        ("de", "Am Montag wurden 1.500 Menschen evakuiert. „Wir hatten keine Wahl“, sagte der Bürgermeister.",
         "On Monday 1,500 people were evacuated. “We had no choice,” said the mayor.",
         "On Monday 1,500 people were evacuated. The mayor said they had no choice.",
         "FID-OMITTED-QUOTE"),
        ("cs", "Jeskyně leží v lesích nedaleko Nového Boru. Místu se dnes říká Peklo a chodí sem turisté.",
         "The cave lies in the forests near Nový Bor. Today the place is called Peklo and tourists come here.",
         "The cave lies in the forests near Nový Bor. Místu se dnes říká Peklo a chodí sem turisté.",
         "FID-UNTRANSLATED"),
        ("pl", "Rząd przeznaczył 3,5 mln złotych na szkoły. Minister powiedział: „To dopiero początek”.",
         "The government allocated 3.5 million zlotys to schools. The minister said: “This is only the start.”",
         "The government allocated 4.5 million zlotys to schools. The minister said: “This is only the start.”",
         "FID-NUMBER-MISMATCH"),
        ("fr", "Le gouvernement a débloqué 2,5 millions d'euros le 24 août. « Nous reconstruirons », dit le maire.",
         "The government released 2.5 million euros on August 24. “We will rebuild,” the mayor said.",
         "The government released 2.5 million euros on August 25. “We will rebuild,” the mayor said.",
         "FID-NUMBER-MISMATCH"),
        ("es", "El gobierno destinó 1.500 millones de euros. «Vamos a reconstruir cada escuela», dijo el alcalde.",
         "The government allocated 1,500 million euros. “We will rebuild every school,” the mayor said.",
         "The government allocated 1,500 million euros. The mayor said the town would rebuild its schools.",
         "FID-OMITTED-QUOTE"),
        ("it", "Il governo ha stanziato 2,5 miliardi di euro martedì. Il sindaco ha parlato ai giornalisti.",
         "The government allocated 2.5 billion euros on Tuesday. The mayor spoke to journalists.",
         "The government allocated 3.5 billion euros on Tuesday. The mayor spoke to journalists.",
         "FID-NUMBER-MISMATCH"),
        ("zh", "今年已有1.5万人参加。活动将于8月24日结束。",
         "This year 15,000 people have taken part. The event ends on August 24.",
         "This year 15,000 people have taken part. The event ends on August 26.",
         "FID-NUMBER-MISMATCH"),
        ("ja", "大相撲７月場所７日目、白鵬は７連勝とした。知事は「協力して感染を防ぎたい」と述べた。",
         "On the seventh day of the July tournament, Hakuho won his seventh straight bout. "
         "The governor said, “We want to work together to prevent infections.”",
         "On the seventh day of the July tournament, Hakuho won his seventh straight bout. "
         "知事は「協力して感染を防ぎたい」と述べた。",
         "FID-UNTRANSLATED"),
    ],
)
def test_checks_per_language(code, original, faithful, damaged, rule):
    assert rules_of(faithful, original, code) == []
    assert rule in rules_of(damaged, original, code)


def test_a_link_ends_at_full_width_punctuation():
    original = "考生可登录网站（http://www.gfbzb.gov.cn）查询直招士官条件。"
    assert rules_of("Candidates can check the conditions on the website (http://www.gfbzb.gov.cn).", original,
                    "zh") == []
    assert rules_of("Candidates can check the conditions on the website (http://www.gfbzb.gov.com).", original,
                    "zh") == ["FID-LINK-CHANGED"]


def test_links_handles_and_hashtags_are_carried_over():
    original = "Подробиці на https://example.org/news та в Telegram @kyiv_news. #Київ"
    assert rules_of("Details at https://example.org/news and on Telegram @kyiv_news. #Kyiv", original, "uk") == []
    assert rules_of("Details at https://example.org/new and on Telegram @kyiv_news. #Kyiv", original,
                    "uk") == ["FID-LINK-CHANGED"]


def test_english_original_is_a_reference():
    comparison = compare("The minister said the reforms were “a path to nowhere”.",
                         "The minister said the reforms were “a road to nowhere”.")
    assert comparison.mode == "reference" and comparison.basis == "the reference"
    assert [h.rule for h in comparison.hits] == ["FID-ALTERED-QUOTE"]
    assert comparison.metrics is not None and comparison.metrics["bleu"] < 100


def compared(translation: str, original: str, config: Config | None = None, lang: str | None = None):
    """The report of a lint of `translation` with its `original` (as `lint --source`)."""
    options = Options(config=config or Config(), companions={"original": original}, source_lang=lang)
    return run([Text(translation, "<translation>")], options).files[0]


def test_lint_scores_carry_their_basis():
    report = compared(UK_EN, UK, lang="uk")
    assert report.scores.fidelity.basis == "the Ukrainian original"
    assert report.scores.fidelity.score == 100.0
    assert report.scores.to_dict()["fidelity"]["basis"] == "the Ukrainian original"
    damaged = compared(UK_EN.replace("1.5 billion", "2.5 billion"), UK)
    assert damaged.scores.fidelity.score < 100
    finding = next(f for f in damaged.findings if f.rule == "FID-NUMBER-MISMATCH")
    assert finding.extra["source_text"] == "1,5 млрд" and finding.extra["source_line"] == 1
    assert finding.severity == "major" and finding.category == "mistranslation"
    ignored = compared(UK_EN.replace("1.5 billion", "2.5 billion"), UK, Config(ignore=("FID",)))
    assert not any(f.rule.startswith("FID") for f in ignored.findings)
    assert audit_text(UK_EN).files[0].scores.fidelity.basis == "not measured"


# ------------------------------------------------------------------ command line, bad input
class Result:
    """The command line run in this process (the compiled rules are shared between tests)."""

    def __init__(self, *args: str) -> None:
        from click.testing import CliRunner

        from audit.cli import cli

        result = CliRunner().invoke(cli, list(args))
        self.returncode, self.stdout, self.stderr = result.exit_code, result.stdout, result.stderr


@pytest.fixture
def invoke():
    return Result


@pytest.fixture
def pair(tmp_path):
    original, translation = tmp_path / "original" / "story.txt", tmp_path / "story.txt"
    original.parent.mkdir()
    original.write_text(UK + "\n", encoding="utf-8")
    translation.write_text(UK_EN.replace("1.5 billion", "2.5 billion") + "\n", encoding="utf-8")
    return translation, original


def test_compare_and_lint_with_an_original(pair, invoke):
    translation, original = pair
    compared = invoke("compare", str(translation), str(original))
    assert compared.returncode == 0, compared.stderr
    assert "fidelity" in compared.stdout.splitlines()[0] and "against the Ukrainian original" in compared.stdout
    assert "FID-NUMBER-MISMATCH" in compared.stdout
    linted = invoke("lint", "--format", "json", "--source", str(original), str(translation))
    file = json.loads(linted.stdout)["files"][0]
    assert file["scores"]["fidelity"]["basis"] == "the Ukrainian original"
    finding = next(f for f in file["findings"] if f["rule"] == "FID-NUMBER-MISMATCH")
    assert finding["source_line"] == 1 and finding["source_text"] == "1,5 млрд" and finding["text"] == "2.5 billion"
    batch = invoke("lint", "--source-dir", str(original.parent), "--source-lang", "uk", str(translation))
    assert "fidelity" in batch.stdout and "against the Ukrainian original" in batch.stdout
    text = invoke("lint", str(translation)).stdout
    assert "fidelity not measured" in text


def test_source_dir_without_a_matching_original(pair, tmp_path, invoke):
    translation, original = pair
    other = tmp_path / "other.txt"
    other.write_text(UK_EN + "\n", encoding="utf-8")
    result = invoke("lint", "--source-dir", str(original.parent), str(translation), str(other))
    assert "no original of that name" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout.count("against the Ukrainian original") == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "the original has no text"), (b" \n\n", "the original has no text"), (b"ab\x00cd", "binary file")],
)
def test_bad_originals_give_one_line(pair, tmp_path, invoke, cli, content, message):
    translation, _original = pair
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    for args in (("compare", str(translation), str(bad)), ("lint", "--source", str(bad), str(translation))):
        result = invoke(*args)
        assert result.returncode == 2 and message in result.stderr
        assert result.stderr.strip().count("\n") == 0
    if content:  # and as a user runs it: one line, no traceback
        result = cli("compare", str(translation), str(bad))
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_the_same_file_twice_and_usage_errors(pair, invoke):
    translation, original = pair
    same = invoke("compare", str(original), str(original))
    assert same.returncode == 0 and "note: The translation and the original are the same text." in same.stdout
    both = invoke("lint", "--source", str(original), "--reference", str(original), str(translation))
    assert both.returncode == 2 and "cannot be used together" in both.stderr
    two = invoke("lint", "--source", str(original), str(translation), str(original))
    assert two.returncode == 2 and "one article" in two.stderr
    code = invoke("compare", "--source-lang", "Ukrainian!", str(translation), str(original))
    assert code.returncode == 2 and "not a language code" in code.stderr and "Traceback" not in code.stderr


def test_an_original_in_a_language_without_number_rules(tmp_path, invoke):
    hausa = tmp_path / "ha.txt"
    hausa.write_text("Gwamnati ta ware naira miliyan 500 domin gyaran makarantu. “Za mu sake gina kowace makaranta,” "
                     "in ji ministan.\n", encoding="utf-8")
    english = tmp_path / "en.txt"
    english.write_text("The government allocated 600 million naira to repair schools. The minister said they would "
                       "rebuild.\n", encoding="utf-8")
    result = invoke("compare", "--source-lang", "ha", str(english), str(hausa))
    assert result.returncode == 0, result.stderr
    assert "No number rules for Hausa ('ha'): numbers are not compared" in result.stdout
    assert "FID-OMITTED-QUOTE" in result.stdout and "FID-NUMBER" not in result.stdout


def test_readme_fidelity_example_is_real(cli):
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "mtaudit compare docs/examples/schools.en.txt docs/examples/schools.uk.txt"
    shown = readme.split(f"$ {command}\n", 1)[1].split("```", 1)[0].splitlines()
    actual = cli(*command.split()[1:])
    assert actual.returncode == 0, actual.stderr
    assert shown == actual.stdout.splitlines()
