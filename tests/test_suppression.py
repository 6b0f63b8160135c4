"""Inline suppression comments: disable/enable ranges, disable-next-line, unused and unknown ones."""

from __future__ import annotations

from audit.runner import audit_text

from .desk import DESK_OPTIONS, desk_config

BAD = "The minister arrived in kyiv on Friday."  # T-CASE-KYIV (casing)


def found(text: str, **config) -> list[tuple[int, str]]:
    return [(f.line, f.rule) for f in audit_text(text, desk_config(**config), path="story.md").findings]


def test_disable_next_line_by_id():
    text = f"Headline\n\n<!-- mtaudit: disable-next-line=T-CASE-KYIV -->\n{BAD}\n\n{BAD}\n"
    assert found(text) == [(6, "T-CASE-KYIV")]


def test_disable_enable_range_by_category_and_prefix():
    text = (
        f"Headline\n\n<!-- mtaudit: disable=casing -->\n{BAD}\n\n{BAD}\n<!-- mtaudit: enable=casing -->\n\n{BAD}\n"
        f"<!-- mtaudit: disable=T-CASE -->\n{BAD}\n"
    )
    assert found(text) == [(9, "T-CASE-KYIV")]  # the second range runs to the end of the file


def test_disable_without_ids_means_all_rules_and_other_ids_do_not_suppress():
    text = f"Headline\n\n<!-- mtaudit: disable -->\n{BAD} It was was late.\n<!-- mtaudit: enable -->\n"
    assert found(text) == []
    other = f"Headline\n\n<!-- mtaudit: disable-next-line=T-DOUBLED -->\n{BAD}\n"
    assert found(other) == [(4, "T-CASE-KYIV")]


def test_plain_text_files_take_the_same_comments():
    text = f"Headline\n\n<!-- mtaudit: disable-next-line=all -->\n{BAD}\n"
    assert [f.rule for f in audit_text(text, desk_config(), path="story.txt").findings] == []


def test_unused_suppressions_are_reported_only_when_asked():
    text = (
        f"Headline\n\n<!-- mtaudit: disable-next-line=T-CASE-KYIV,T-DOUBLED -->\n{BAD}\n\n"
        "<!-- mtaudit: disable-next-line -->\nA clean line.\n"
    )
    assert found(text) == []
    unused = audit_text(text, desk_config(extend_select=("MT-UNUSED-SUPPRESSION",)), path="story.md").findings
    assert [(f.rule, f.line, f.column) for f in unused] == [
        ("MT-UNUSED-SUPPRESSION", 3, 1),
        ("MT-UNUSED-SUPPRESSION", 6, 1),
    ]
    assert "T-DOUBLED" in unused[0].message and "T-CASE-KYIV" not in unused[0].message
    assert "all rules" in unused[1].message


def test_report_unused_suppressions_option(cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("Headline\n\n<!-- mtaudit: disable-next-line=casing -->\nA clean line.\n", encoding="utf-8")
    assert cli("lint", *DESK_OPTIONS, str(story)).returncode == 0
    result = cli("lint", *DESK_OPTIONS, "--report-unused-suppressions", str(story))
    assert result.returncode == 1
    assert "[MT-UNUSED-SUPPRESSION] Unused suppression (casing)" in result.stdout


def test_an_unknown_rule_in_a_suppression_comment_is_a_finding_naming_the_nearest_rules():
    text = f"Headline\n\n<!-- mtaudit: disable-next-line=T-CASE-KIYV -->\n{BAD}\n"
    report = audit_text(text, desk_config(), path="story.md")
    assert [(f.rule, f.line) for f in report.findings] == [("MT-UNKNOWN-SUPPRESSION", 3), ("T-CASE-KYIV", 4)]
    assert "T-CASE-KYIV" in report.findings[0].message  # did you mean …
    assert report.files[0].scores.quality < 100  # the casing finding costs; the note does not (below)


def test_notes_on_suppression_comments_cost_no_quality():
    text = "Headline\n\n<!-- mtaudit: disable-next-line=casing -->\nA clean line of text.\n"
    report = audit_text(text, desk_config(extend_select=("MT-UNUSED-SUPPRESSION",)), path="story.md")
    assert [f.rule for f in report.findings] == ["MT-UNUSED-SUPPRESSION"]
    assert report.files[0].scores.quality == 100.0
    assert report.files[0].scores.mqm.apt == 0


def test_a_comparison_finding_is_silenced_like_any_other():
    article = "Headline\n\n<!-- mtaudit: disable-next-line=FID -->\nOfficials said 12 people were hurt on Monday.\n"
    reference = "Headline\n\nOfficials said 15 people were hurt on Monday.\n"
    config = desk_config(extend_select=("MT-UNUSED-SUPPRESSION",))
    silenced = audit_text(article, config, path="story.md", reference=reference).findings
    assert silenced == []  # nothing shown, and the comment is not reported as unused
    shown = audit_text(article.replace("<!-- mtaudit: disable-next-line=FID -->\n", ""), config,
                       path="story.md", reference=reference).findings
    assert [f.rule for f in shown] == ["FID-NUMBER-MISMATCH"]
