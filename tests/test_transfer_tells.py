"""The tells that transfer across source languages, and EU-English false friends: each flags the
foreign use, and the corrected sentence draws no translation tell at all. The texts are the tests'
own."""

from __future__ import annotations

import pytest

from audit import Config, audit_text
from audit.checks.artefacts import repair_mojibake
from audit.checks.discourse import transliteration_key
from audit.finding import TELL_CATEGORIES

CONFIG = Config(scores=False)


def tells(text: str) -> list[tuple[str, str]]:
    """(rule, text) of the findings that count as translation tells (non-neutral, tell categories)."""
    return [
        (f.rule, f.text)
        for f in audit_text(text, CONFIG).findings
        if f.category in TELL_CATEGORIES and f.severity != "neutral"
    ]


# (misused, corrected, rule): the misused sentence is flagged by the rule; the corrected one by nothing
PAIRS = [
    ("The reform replaces the actual legislation on waste.", "The reform replaces the current legislation on waste.",
     "FF-ACTUAL-CURRENT"),
    ("In the actual context, no further cuts are possible.", "In the present context, no further cuts are possible.",
     "FF-ACTUAL-CURRENT"),
    ("Please report eventual errors to the secretariat.", "Please report any errors to the secretariat.",
     "FF-EVENTUAL-ANY"),
    ("Member states must reply within the set delay.", "Member states must reply by the deadline.",
     "FF-DELAY-DEADLINE"),
    ("The company did not respect the delay for payment.", "The company missed the deadline for payment.",
     "FF-DELAY-DEADLINE"),
    ("The ministry asked for further precisions on the budget.",
     "The ministry asked for further details on the budget.", "FF-PRECISIONS-DETAILS"),
    ("The planification of the works took two years.", "The planning of the works took two years.",
     "FF-EU-NON-WORDS"),
    ("The regulation foresees a derogation for small farms.",
     "The regulation provides for a derogation for small farms.", "FF-FORESEE-PROVIDE-FOR"),
    ("A second phase is foreseen for 2026.", "A second phase is planned for 2026.", "FF-FORESEEN-PLANNED"),
    ("The measures are not coherent with the climate targets.",
     "The measures are not consistent with the climate targets.", "FF-COHERENT-CONSISTENT"),
    ("Health remains among the competences of the member states.",
     "Health remains the responsibility of the member states.", "FF-COMPETENCES-POWERS"),
    ("The agency disposes of sufficient staff to do the work.", "The agency has enough staff to do the work.",
     "FF-DISPOSE-OF-HAVE"),
    ("The new body will assure the coordination of national policies.",
     "The new body will ensure the coordination of national policies.", "FF-ASSURE-ENSURE"),
    ("The minister evoked the possibility of a postponement.",
     "The minister raised the possibility of a postponement.", "FF-EVOKE-RAISE"),
    ("Farmers are confronted to falling prices.", "Farmers are faced with falling prices.", "FF-CONFRONTED-TO"),
    ("The programme has a financial envelope of EUR 2 billion.", "The programme has a budget of EUR 2 billion.",
     "FF-FINANCIAL-ENVELOPE"),
    ("The aid was sent in the frame of the new programme.", "The aid was sent under the new programme.",
     "TE-WITHIN-THE-FRAMEWORK"),
    ("Prices rose sharply in March, they are now the highest since 2010.",
     "Prices rose sharply in March. They are now the highest since 2010.", "GR-COMMA-SPLICE"),
    ("The church dates from the XVIII century.", "The church dates from the 18th century.", "LOC-ROMAN-CENTURY"),
    ("A 40 - year - old man was arrested.", "A 40-year-old man was arrested.", "SP-SPACED-HYPHEN-COMPOUND"),
    ("The minister stated about the need to raise taxes.", "The minister said taxes needed to rise.",
     "TE-CALQUED-ATTRIBUTION"),
    ("We owe you a great debt дякуємо, thank you.", "We owe you a great debt, thank you.", "LANG-UNTRANSLATED-WORDS"),
    ("The PVO shot down two drones overnight.", "Air defences shot down two drones overnight.",
     "TRL-RUSSIAN-ACRONYMS"),
]


@pytest.mark.parametrize(("misused", "corrected", "rule"), PAIRS, ids=[p[2] + f"-{i}" for i, p in enumerate(PAIRS)])
def test_the_misuse_is_flagged_and_the_correction_is_clean(misused, corrected, rule):
    assert rule in {r for r, _t in tells(misused)}
    assert tells(corrected) == []


@pytest.mark.parametrize(
    "text",
    [
        "The actual cost was twice the estimate.",
        "The actual situation on the ground is worse than officials admit.",
        "Peace would allow the eventual withdrawal of foreign troops.",
        "The strike caused a delay of two hours, the airline said.",
        "The shortage resulted in delays in deliveries.",
        "Strikes were carried out with great precision.",
        "Nobody foresaw the collapse of the bank.",
        "She gave a coherent account of events.",
        "Voters questioned the government's competence.",
        "The council disposes of waste at the new plant.",
        "The minister assured the farmers that help was coming.",
        "The song evokes memories of the war.",
        "She sealed the envelope and posted it.",
        "When prices rose in March, they reached a record.",
        "Prices will keep rising this year, he said.",
        "“We tried everything, it was hopeless,” she said.",
        "The call established the closures would go ahead, it was revealed in testimony.",
        "The Kremlin (Кремль) said talks would continue.",
        "The jet's APU failed before take-off.",
        "The score was 3 - 1 at half-time.",
    ],
)
def test_english_uses_are_not_tells(text):
    assert tells(text) == []


def test_one_name_two_spellings_is_found_without_a_list():
    assert transliteration_key("Shmyhal") == transliteration_key("Shmygal")
    assert transliteration_key("Zelenskyy") == transliteration_key("Zelensky") == transliteration_key("Zelenskiy")
    assert transliteration_key("Garett") != transliteration_key("Garrett")
    text = "Denys Shmyhal spoke in Kyiv. Later Shmyhal met investors, and Shmygal promised reforms."
    assert [f.text for f in audit_text(text, CONFIG).findings if f.rule == "TRL-VARIANT-SPELLINGS"] == ["Shmygal"]
    # a listed variant is left to the rules that list it
    listed = "Sergey Lavrov spoke first. Later Sergey Lavrov said more, and Sergei Lavrov left."
    rules = [f.rule for f in audit_text(listed, CONFIG).findings if f.rule.startswith("TRL-")]
    assert "TRL-NAME-VARIANTS" in rules and "TRL-VARIANT-SPELLINGS" not in rules


def test_crossheads_run_in_and_encoding_damage_are_page_damage_not_tells():
    text = "Tax rules for gifts The system does not apply to small sums.\n\nThe club paid Â£5m for him.\n"
    found = {f.rule: f for f in audit_text(text, CONFIG).findings}
    assert found["BP-RUN-IN-HEADING"].category == "boilerplate"
    assert found["BP-ENCODING-DAMAGE"].category == "boilerplate"
    assert found["BP-ENCODING-DAMAGE"].suggestion == "£"
    assert tells(text) == []


def test_encoding_damage_is_repaired_and_its_marks_are_not_quotations():
    damaged = "The club paid £5m, the manager’s office said. “It is fair,” he added – café."
    garbled = damaged.encode("utf-8").decode("cp1252", errors="replace")
    assert repair_mojibake("â€™") == "’" and repair_mojibake("Ã©") == "é" and repair_mojibake("plain") is None
    findings = audit_text(garbled, CONFIG).findings
    assert not [f for f in findings if f.category == "quotes"]
    damage = [f for f in findings if f.rule == "BP-ENCODING-DAMAGE"]
    assert len(damage) >= 5 and all(f.fix and f.fix.safe for f in damage if f.suggestion)
