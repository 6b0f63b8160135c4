"""False alarms seen on English-original news, each fixed in its mechanism: the legitimate use is
left alone and the translation tell next to it is still found. The texts are the tests' own."""

from __future__ import annotations

import pytest

from audit import Config, audit_text

CONFIG = Config(scores=False)


def rules_found(text: str, config: Config = CONFIG) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in audit_text(text, config).findings:
        found.setdefault(finding.rule, []).append(finding.text)
    return found


@pytest.mark.parametrize(
    "text",
    [
        "The number of attempts to cross the border is growing every month.",
        "The success of the efforts to contain the outbreak is plain to see.",
        "Lifting sanctions on the regime was never on the table.",
        # a headline over a paragraph that starts with its own subject
        "New talks on the treaty\n\nMoscow has rejected the draft, diplomats said.",
    ],
)
def test_agreement_follows_the_head_of_the_subject(text):
    assert "GR-PLURAL-SUBJECT-SINGULAR-VERB" not in rules_found(text)


def test_agreement_still_flags_proximity_concord():
    found = rules_found("Western efforts to end the blockade has failed.")
    assert found["GR-PLURAL-SUBJECT-SINGULAR-VERB"] == ["efforts to end the blockade has"]


def test_a_line_up_of_names_is_not_a_foreign_paragraph():
    text = (
        "The coach named an unchanged side.\n\n"
        "Starting XI: Juan Pablo Ortega del Valle, Mateo Luis Herrera de la Cruz, Diego Ramon Fuentes Silva, "
        "Carlos Emilio Navarro da Costa, Andres Felipe Morales Ruiz, Tomas Ignacio Vega de Leon\n"
    )
    assert "LANG-FOREIGN-PARAGRAPH" not in rules_found(text)
    spanish = (
        "El gobierno anunció el lunes que las conversaciones sobre las garantías de seguridad continuarán "
        "la próxima semana en Berlín, y que los socios deben actuar con más rapidez."
    )
    assert "LANG-FOREIGN-PARAGRAPH" in rules_found("The coach named an unchanged side.\n\n" + spanish)


def test_a_title_after_an_article_is_not_a_possessive():
    assert "GR-ARTICLE-BEFORE-POSSESSIVE" not in rules_found("She runs a His Dark Materials fans' forum.")
    assert rules_found("He drove back to the his farm.")["GR-ARTICLE-BEFORE-POSSESSIVE"] == ["the his"]


@pytest.mark.parametrize(
    "text",
    [
        "The company staged Measure for Measure at the Globe.",
        "They won back to back to back titles.",
        "The exhibition Mirrors after Mirrors after Mirrors opened in Milan.",
    ],
)
def test_reduplicated_titles_and_idioms_are_not_doubled_phrases(text):
    assert "REP-DOUBLED-PHRASE" not in rules_found(text)


def test_a_doubled_phrase_is_still_found():
    assert rules_found("Prices rose in the city in the city, officials said.")["REP-DOUBLED-PHRASE"] == [
        "in the city in the city"
    ]


@pytest.mark.parametrize(
    "last_line",
    [
        "Reporting by Ann Lee in Oslo; additional reporting by Tom Hale in Bergen; editing by the news desk",
        "by Ann Lee, senior economics correspondent for the paper",
        "Follow the author on Twitter at @annlee for more updates",
    ],
)
def test_sign_off_lines_are_not_cut_off_endings(last_line):
    text = "Prices rose sharply in March, the statistics office said on Monday.\n\n" + last_line + "\n"
    assert "BP-CUT-OFF-ENDING" not in rules_found(text)


def test_racists_is_an_english_word():
    assert "TE-OCCUPIERS-INVADERS" not in rules_found("The racists marched through the town last summer.")
    assert "TE-OCCUPIERS-INVADERS" not in rules_found("White blood cells fight off the invaders quickly.")
    assert rules_found("Overnight the racists shelled the village again.")["TE-OCCUPIERS-INVADERS"] == ["racists"]


def test_dnieper_alone_is_agency_style():
    assert "TRL-DNIEPER" not in rules_found("Barges moved down the Dnieper River past the city of Dnipro.")
    mixed = "Troops crossed the Dnipro River at night. Later the Dnieper River rose, and the Dnipro River froze."
    assert rules_found(mixed)["TRL-DNIEPER"] == ["Dnieper River"]


def test_the_pronoun_one_is_not_a_number_in_compare():
    reference = "No one was hurt when the old bridge fell, officials said on Monday."
    article = "Nobody was hurt when the old bridge fell, officials said on Monday."
    report = audit_text(article, Config(), reference=reference).files[0]
    assert not [f for f in report.findings if f.rule == "FID-NUMBER-MISMATCH" or "number" in f.message]
    changed = audit_text("Two people were hurt.", Config(), reference="One person was hurt.").files[0]
    assert any("number" in f.message for f in changed.findings)


@pytest.mark.parametrize(
    ("text", "rule", "suggestion"),
    [
        ("The head of the Ministry of Internal Affairs visited the site.", "TT-HEAD-OF-MINISTRY", "interior minister"),
        ("The head of the Pentagon arrived in Kyiv.", "TT-HEAD-OF-MINISTRY", "defense secretary"),
        ("It should be noted that the bridge was closed.", "TE-RECALL-THAT", "(omit)"),
        ("According to the information of the press service, two people died.", "TE-ACCORDING-TO-PRELIMINARY",
         "According to"),
        ("According to preliminary data, two people died.", "TE-ACCORDING-TO-PRELIMINARY",
         "Preliminary figures show"),
    ],
)
def test_suggestions_fit_the_words_they_replace(text, rule, suggestion):
    report = audit_text(text, CONFIG)
    findings = [f for f in report.findings + report.signals if f.rule == rule]  # TE-RECALL-THAT is a signal
    assert [f.suggestion for f in findings] == [suggestion]


# Native slips and idioms met on the native collections, each a mechanism now guarded.
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Markets slid. “Investors are nervous. Nobody knows what comes next. “The vote is close,” she said.",
         "QT-UNCLOSED"),
        ("“It was an attempt to mislead voters,’’ the director said.", "QT-UNCLOSED"),
        ("He told the briefing: “...nothing has been decided,” the spokesman said.", "QT-ORIENTATION"),
        ("Thousands watched the debate. #cnn was trending all night.", "CASE-MEDIA"),
        ("Everyone should vote. #ElectionDay -H", "SP-SPACE-BEFORE-HYPHEN"),
        ("The group shies away from calling liars liars.", "REP-DOUBLED-WORD"),
        ("The inquiry was limited to the Ukraine scandal.", "GR-THE-CRIMEA"),
        ("The call with President Zelenskyy was leaked. The envoy said: “President Zelensky will do it.”",
         "TRL-NAME-VARIANTS"),
        ("The charity helps new arrivals enrol their children in school.", "FF-ARRIVALS-HITS"),
        ("Federal law enforcers believe the scheme is widespread.", "FF-LAW-ENFORCERS-ORGANS"),
        ("Saudi air defense forces intercepted a missile.", "TT-DEFENCE-FORCES"),
        ("Turn on MFA, multi-factor authentication, for every account.", "TT-ACRONYM-CALQUES"),
        ("The scheme barely dented the amount of pollution.", "TE-IN-THE-AMOUNT-OF"),
        ("Talking about his plans, the minister said spending would rise.", "TE-WHAT-CONCERNS"),
        ("“Vote early,” the post read.", "TE-THE-MESSAGE-SAYS"),
        ("He lobbied for the government of Ukraine's former president.", "TT-CABINET-OF-MINISTERS"),
        ("Aid to the global south fell last year.", "CASE-CONTINENTS-REGIONS"),
        ("He chairs the main investigative committee in the House.", "CASE-RUSSIA-INSTITUTIONS"),
        ("Its fleet of roughly 400 737 Max jets was grounded.", "LOC-SPACE-THOUSANDS-SEPARATOR"),
        ("The succession battle underlined that the agency lacks oversight.", "TE-UNDERLINED-THAT"),
        ("He was briefed by State Department and Energy Department officials.", "GR-MISSING-ARTICLE-INSTITUTION"),
        ("Note: the bundle includes two streaming services.", "TE-RECALL-THAT"),
    ],
)
def test_native_usage_is_not_flagged(text, rule):
    assert rule not in rules_found(text)


def test_typographic_slips_are_reported_but_do_not_fail_a_lint():
    report = audit_text("He called it “ a road to nowhere ” , and left .", CONFIG)
    slips = [f for f in report.findings if f.rule in ("SP-SPACE-INSIDE-QUOTES", "SP-SPACE-BEFORE-PUNCTUATION")]
    assert slips and all(f.severity == "neutral" for f in slips)
    assert not report.failed()
