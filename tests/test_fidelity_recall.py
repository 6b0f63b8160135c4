"""Fidelity checks that find damage the development benchmark showed them missing (bench/fidelity.py):
short quoted speech in Russian, Ukrainian and Czech, and a dropped passage or quotation placed where the
aligner merged its sentence into a neighbour's."""

from __future__ import annotations

import pytest

from audit.fidelity import compare
from audit.fidelity.quotes import ENGLISH_PAIRS, read_marks

from .test_fidelity import quote_rules


@pytest.mark.parametrize(
    ("code", "original", "faithful", "damaged"),
    [
        # speech attributed after a dash: three words of Russian are five of English
        ("ru", 'Врач рассказал о пересадке костного мозга. "Череп не разрезают", - добавил он. Пациент чувствует '
               'себя хорошо.',
         'The doctor spoke about the bone marrow transplant. "The skull is not cut open," he added. The patient '
         'feels well.',
         "The doctor spoke about the bone marrow transplant. He added. The patient feels well."),
        # speech ending in a stop inside its marks
        ("uk", "Люди знову вийшли на мітинг у центрі міста. «Ми встигли!» — сказав один з учасників. Військові "
               "прибули пізніше.",
         "People went to a rally in the city centre again. “We made it in time!” said one of the participants. "
         "The military arrived later.",
         "People went to a rally in the city centre again. Said one of the participants. The military arrived "
         "later."),
        # Czech speech: a comma inside the marks, the verb after them
        ("cs", "Platy ve zdravotnictví vzrostou. „Nevím, co dál,“ řekl ministr. Odbory chtějí víc.",
         "Salaries in health care will rise. “I do not know what comes next,” the minister said. The unions want "
         "more.",
         "Salaries in health care will rise. The minister said. The unions want more."),
        # a quoted phrase of three words in lower case
        ("ru", 'Во время парада одна из камер "прошла под кораблем". Зрители были в восторге.',
         'During the parade, one of the cameras "passed under a ship". The audience was delighted.',
         "During the parade, one of the cameras passed under a ship. The audience was delighted."),
        # and of two: references keep the marks of most ("отца нации": "father of the nation")
        ("ru", "Еще один сценарий - превращение президента в «отца нации». Эксперты сомневаются.",
         "Another scenario is turning the president into the “father of the nation”. Experts doubt it.",
         "Another scenario is turning the president into a revered figure. Experts doubt it."),
    ],
)
def test_short_quoted_speech_and_phrases_of_an_alphabetic_original(code, original, faithful, damaged):
    assert quote_rules(faithful, original, code) == []
    assert quote_rules(damaged, original, code) == ["FID-OMITTED-QUOTE"]


@pytest.mark.parametrize(
    ("code", "original", "translation"),
    [
        ("ru", 'Он вступил в партию "Единая Россия" в прошлом году. Это было неожиданно.',  # a name
         "He joined the United Russia party last year. It was unexpected."),
        ("cs", "Článek vyšel v deníku „Mladá fronta Dnes“ v pondělí. Čtenáři reagovali.",  # a title of three words
         "The article appeared in the daily Mladá fronta Dnes on Monday. Readers responded."),
    ],
)
def test_short_quoted_terms_names_and_titles_are_not_omitted_speech(code, original, translation):
    assert quote_rules(translation, original, code) == []


_MINISTER_RU = (
    "Зарплаты врачей в следующем году вырастут не более чем на пять процентов. "
    "Министр здравоохранения выступил в воскресенье в вечернем эфире государственного телевидения. "
    '"Я думаю, что рост зарплат составит где-то около пяти процентов, не больше", - сказал министр. '
    "По его словам, нужно учитывать нынешнюю ситуацию, когда пандемия ударила по доходам страховых компаний.")
# the quotation dropped, its attribution left in lower case and so run into the sentence before it
_MINISTER_EN = (
    "Doctors' salaries will rise by no more than five percent next year. "
    "The health minister spoke on Sunday on the evening broadcast of state television. the minister said. "
    "According to him, it is necessary to take into account the current situation, when the pandemic hit the "
    "income of insurance companies.")


def test_a_dropped_quotation_merged_into_the_next_sentence_is_placed_on_both_sides_of_the_merge():
    hits = compare(_MINISTER_EN, _MINISTER_RU, "ru", metrics=False).hits
    where = _MINISTER_EN.index("the minister said.")
    placed = {h.rule for h in hits if h.start <= where < h.end}
    assert {"FID-OMITTED-QUOTE", "FID-POSSIBLE-OMISSION"} <= placed


@pytest.mark.parametrize(
    ("code", "original", "faithful", "dropped"),
    [
        # five words of Czech, nine of English: short, but a sentence of its own
        ("cs", "Žena ukradla synovi peníze z účtu a koupila si za ně nové auto. Slíbila, že peníze synovi vrátí. "
               "Soud ji přesto odsoudil k podmíněnému trestu na dva roky.",
         "The woman stole money from her son's account and bought a new car with it. She promised to return the "
         "money to her son. The court nevertheless gave her a two-year suspended sentence.",
         "Slíbila, že peníze synovi vrátí."),
        ("uk", "Я шукаю роботу масажистом у Києві вже третій місяць поспіль. Буду дуже вдячна за допомогу. "
               "Телефонуйте мені будь-коли вдень або ввечері.",
         "I have been looking for a job as a masseuse in Kyiv for the third month in a row. I will be very "
         "grateful for help. Call me any time during the day or in the evening.",
         "Буду дуже вдячна за допомогу."),
    ],
)
def test_a_short_sentence_dropped_is_possibly_omitted(code, original, faithful, dropped):
    assert compare(faithful, original, code, metrics=False).hits == []
    english = faithful.split(". ")
    damaged = ". ".join(english[:1] + english[2:])
    cited = [original[h.source_start : h.source_end] for h in compare(damaged, original, code, metrics=False).hits
             if h.rule == "FID-POSSIBLE-OMISSION"]
    assert dropped in cited
    # and the other way round: the English sentence with no counterpart in an original without it
    shorter = original.replace(" " + dropped, "")
    added = [faithful[h.start : h.end] for h in compare(faithful, shorter, code, metrics=False).hits
             if h.rule == "FID-POSSIBLE-ADDITION"]
    assert any(english[1] + "." in text for text in added)  # with a neighbour of about its length, maybe


@pytest.mark.parametrize(
    ("code", "original", "faithful", "dashed", "damaged"),
    [
        ("ru", "Певица рассказала о разводе. — Это была очень красивая история, они сразу родили ребенка, все было "
               "прекрасно, — сказала она. Потом они расстались.",
         "The singer spoke about the divorce. “It was a very beautiful story, they had a child right away, "
         "everything was wonderful,” she said. Then they broke up.",
         "The singer spoke about the divorce. — It was a very beautiful story, they had a child right away, "
         "everything was wonderful, — she said. Then they broke up.",
         "The singer spoke about the divorce. — she said. Then they broke up."),
        ("uk", "Волонтер розповів про евакуацію. — Ми вивезли з міста сорок дітей і двох вчителів! — сказав він. "
               "Автобуси повернулися вранці.",
         "The volunteer spoke about the evacuation. “We took forty children and two teachers out of the city!” "
         "he said. The buses returned in the morning.",
         "The volunteer spoke about the evacuation. — We took forty children and two teachers out of the city! — "
         "he said. The buses returned in the morning.",
         "The volunteer spoke about the evacuation. — he said. The buses returned in the morning."),
    ],
)
def test_dialogue_opened_by_a_dash_is_a_quotation(code, original, faithful, dashed, damaged):
    # with quotation marks or with the original's dashes, the speech is kept; dropped, it is missed
    assert quote_rules(faithful, original, code) == []
    assert quote_rules(dashed, original, code) == []
    assert quote_rules(damaged, original, code) == ["FID-OMITTED-QUOTE"]


def test_a_dash_opens_no_quotation_in_a_language_that_does_not_write_dialogue_so():
    from audit.fidelity.compare import compare as compare_texts

    original = "Der Minister sprach über den Haushalt. - Die Steuern steigen nicht, sagte er am Montag."
    translation = "The minister spoke about the budget. Taxes will not rise, he said on Monday."
    comparison = compare_texts(translation, original, "de", metrics=False)
    assert comparison.original.quotes == [[], []]


@pytest.mark.parametrize(
    ("code", "original", "faithful", "damaged"),
    [
        # speech never marked, attributed after a dash by a verb of saying
        ("ru", "Жители жаловались на рынок весь год. Нет никакого доверия к этим продавцам, - согласилась "
               "Лариса Харламова. Рынок закрыли в мае.",
         "Residents complained about the market all year. “There is no trust in these sellers at all,” "
         "Larisa Kharlamova agreed. The market closed in May.",
         "Residents complained about the market all year. Larisa Kharlamova agreed. The market closed in May."),
        # its opening mark lost: the closing mark closes nothing
        ("ru", "Биолог назвал причины болезни. На поведенческом уровне возможна роль социальной изоляции и "
               'отсутствия активной деятельности", - сказал он. Болезнь развивается медленно.',
         "The biologist named the causes of the disease. “On a behavioural level, social isolation and the "
         "absence of active work may play a role,” he said. The disease develops slowly.",
         "The biologist named the causes of the disease. He said. The disease develops slowly."),
        ("uk", "Він говорив про війну. За ці вбивства, за ці тортури, за постріли в потилицю ніхто не "
               "відповів», – сказав він. Розслідування триває.",
         "He spoke about the war. “For these killings, for this torture, for the shots in the back of the head, "
         "nobody has answered,” he said. The investigation continues.",
         "He spoke about the war. He said. The investigation continues."),
    ],
)
def test_speech_without_its_opening_mark_is_a_quotation(code, original, faithful, damaged):
    assert quote_rules(faithful, original, code) == []
    assert quote_rules(damaged, original, code) == ["FID-OMITTED-QUOTE"]


def test_a_wire_report_after_a_dash_is_no_quotation():
    original = "Школа, где он учился, ликует и готовит праздник, - сообщает местное издание. Праздник будет в мае."
    translation = "The school where he studied is jubilant and is preparing a celebration, the local paper reported. " \
                  "The celebration will be in May."
    assert compare(translation, original, "ru", metrics=False).original.quotes == [[], []]


def test_speech_closed_on_both_sides_of_a_translation_without_its_opening_mark_pairs():
    # the quotation opened in an earlier paragraph (or the mark was lost) in the original and the translation
    original = ('"Заявки подали 131 компания.\n\nИз них отсрочку получили 95 компаний на сумму 105 млн тенге", '
                "- заключил министр. Программа продлена.")
    translation = ('"Applications came from 131 companies.\n\n95 of them were granted extensions worth 105 million '
                   'tenge," the minister concluded. The programme was extended.')
    assert quote_rules(translation, original, "ru") == []


def test_an_english_mark_that_closes_speech_with_none_open_opens_nothing():
    text = ("The party remains extremist, with or without him.” This decision weakens nobody. "
            "“The manoeuvre is transparent,” said Walter.")
    quotes, strays = read_marks(text, [(0, len(text))], ENGLISH_PAIRS)
    assert [text[s:e] for s, e in quotes] == ["“The manoeuvre is transparent,”"]
    assert strays == [text.index("”")]


_SHORT_CS = ["Ministr vnitra v neděli kritizoval nový projekt.", "Podle něj se systém stále nedaří dokončit.",
             "Projekt by mohla znovu převzít armáda.", "Nedostatky připustil i vládní zmocněnec.",
             "Systém prý funguje, ale stále se na něm pracuje.", "Úřady slibují nápravu do konce roku."]
_SHORT_EN = ["The interior minister criticised the new project on Sunday.",
             "According to him, the system still cannot be finished.", "The army might take over the project again.",
             "The government commissioner also admitted shortcomings.",
             "The system reportedly works, but work on it continues.",
             "The authorities promise a fix by the end of the year."]


@pytest.mark.parametrize("place", [2, 3, 4, 5])
def test_an_added_sentence_among_sentences_of_its_length_is_shown_with_the_neighbour_it_may_be(place):
    # nothing anchors these sentences: the aligner may pair the added one and leave its neighbour out
    added = "The driver's camera caught the whole episode."
    translation = " ".join(_SHORT_EN[:place] + [added] + _SHORT_EN[place:])
    hits = compare(translation, " ".join(_SHORT_CS), "cs", metrics=False).hits
    start = translation.index(added)
    assert [h.rule for h in hits if h.start < start + len(added) and start < h.end] == ["FID-POSSIBLE-ADDITION"]
