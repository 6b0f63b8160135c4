"""HTML: one self-contained page for an editor (no network: style and script inline, allowed by
their hashes only). A batch overview (verdict tally, a table sortable by MT score, quality,
fidelity and readability, the MT-score distribution as inline SVG), then each article: its
verdict and reasons, its scores, the text with every finding highlighted on exactly its characters
(colour: severity; underline: category), a note per finding (message, suggestion, why), and the
aligned passages side by side when the article was compared with a reference.

Readable with scripts off; with scripts on, filters by severity, category and verdict, sorting and
tooltips. Everything taken from the copy, paths and messages is escaped. A large batch opens with
its articles folded, and articles off screen are not laid out (content-visibility), so a report of
thousands of articles opens without freezing the browser.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

from ..finding import CATEGORIES, SEVERITIES, Finding
from ..report import FileReport, Report
from ..safe_text import surrogates_visible
from ..scoring.likelihood import native_percentile_of, verdict_thresholds
from ..scoring.render import mt_score_text, native_rank_text
from ..scoring.verdict import describe
from ..sources import display_path
from ..tally import VERDICT_RANK, worst_first
from ..version import __version__
from .sarif import known_rules

ASSETS = Path(__file__).with_name("assets")
OPEN_ARTICLES = 12  # a report of up to this many articles opens with every article unfolded
QUOTE_LIMIT = 120  # characters of a flagged span quoted in its note
BINS = 20  # bars of the MT-score chart (the native percentile, 0 to 100)

# Each category's group sets the line under its highlights (double, solid, dotted, dashed).
CATEGORY_GROUPS: dict[str, str] = {
    "mistranslation": "accuracy", "terminology": "accuracy", "language": "accuracy",
    "translationese": "fluency", "grammar": "fluency", "repetition": "fluency",
    "casing": "typography", "spacing": "typography", "quotes": "typography", "locale": "typography",
    "boilerplate": "page", "readability": "page",
}
GROUP_LEGEND = (
    ("accuracy", "double line: accuracy (mistranslation, terminology, language)"),
    ("fluency", "solid line: fluency (translationese, grammar, repetition)"),
    ("typography", "dotted line: typography and conventions (casing, spacing, quotes, locale)"),
    ("page", "dashed line: page furniture and readability"),
)
# Where a fidelity comparison puts its aligned passages (a list of records: article and reference
# texts, and per-passage scores); the first key present is shown.
PASSAGE_KEYS = ("aligned_passages", "per_segment")


def slug(value: str) -> str:
    """A class-name-safe form of a severity, category or verdict."""
    return re.sub(r"[^a-z0-9-]+", "-", value.lower()) or "none"


def _number(value: Any, digits: int = 1) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "–"
    return f"{value:.{digits}f}"


def _value(value: Any) -> str:
    """A sort key for a table cell: the number, or empty for none."""
    return "" if isinstance(value, bool) or not isinstance(value, int | float) else repr(value)


# ------------------------------------------------------------------------------------ assets
@functools.lru_cache(maxsize=1)
def assets() -> tuple[str, str]:
    """The style sheet (with one filter rule per category) and the script."""
    css = (ASSETS / "report.css").read_text(encoding="utf-8")
    categories = ", ".join(f"body.hide-c-{c} mark.c-{c}" for c in CATEGORIES)
    notes = ", ".join(f"body.hide-c-{c} li.c-{c}" for c in CATEGORIES)
    css += (f"{categories} {{ background: transparent; border-bottom-color: transparent; outline: none; }}\n"
            f"{notes} {{ display: none; }}\n")
    return css, (ASSETS / "report.js").read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# ------------------------------------------------------------------------------------ highlights
def _open_tag(finding: Finding, note_id: str, first: bool) -> str:
    category = slug(finding.category)
    group = CATEGORY_GROUPS.get(finding.category, "fluency")
    attributes = (f'class="f s-{slug(finding.severity)} c-{category} g-{group}" data-f="{note_id}" '
                  f'data-s="{slug(finding.severity)}" data-c="{category}"')
    if first:
        attributes += f' id="m-{note_id}" tabindex="0" aria-describedby="{note_id}"'
    return f"<mark {attributes}>"


def highlight(text: str, findings: Sequence[Finding], note_ids: Sequence[str]) -> str:
    """The escaped text with each finding in <mark> elements on exactly its characters. Overlapping
    findings nest; where two cross, the inner one is closed and reopened, so a finding may take
    several <mark> pieces (all with its data-f)."""
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for index, finding in enumerate(findings):
        start, end = max(0, finding.start), min(len(text), finding.end)
        if end <= start:
            continue
        starting.setdefault(start, []).append(index)
        ending.setdefault(end, []).append(index)
    out: list[str] = []
    stack: list[int] = []
    cursor = 0
    for position in sorted(starting.keys() | ending.keys()):
        out.append(escape(text[cursor:position], quote=False))
        cursor = position
        closing = set(ending.get(position, ()))
        if closing:
            depth = min(stack.index(index) for index in closing)
            reopen = [index for index in stack[depth:] if index not in closing]
            out.append("</mark>" * (len(stack) - depth))
            del stack[depth:]
            for index in reopen:
                out.append(_open_tag(findings[index], note_ids[index], first=False))
                stack.append(index)
        # the longer finding opens first, so that the shorter nests inside it
        for index in sorted(starting.get(position, ()), key=lambda i: (-findings[i].end, i)):
            out.append(_open_tag(findings[index], note_ids[index], first=True))
            stack.append(index)
    out.append(escape(text[cursor:], quote=False))
    out.append("</mark>" * len(stack))
    return "".join(out)


# ------------------------------------------------------------------------------------ one article
def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LIMIT else text[: QUOTE_LIMIT - 1] + "…"


def _note(finding: Finding, note_id: str, why: str | None) -> str:
    severity, category = slug(finding.severity), slug(finding.category)
    parts = [
        f'<li id="{note_id}" class="note s-{severity} c-{category}" tabindex="-1">',
        f'<p class="tip-part"><a href="#m-{note_id}">{finding.line}:{finding.column}</a> '
        f'<span class="sev">{escape(finding.severity)}</span> <span class="cat">{escape(finding.category)}</span> '
        f'<code class="rule">{escape(finding.rule)}</code> <q class="found">{escape(_quote(finding.text))}</q>'
        + (' <span class="quote-note">(inside a quotation)</span>' if finding.in_quote else "") + "</p>",
        f'<p class="msg tip-part">{escape(finding.message)}</p>',
    ]
    if finding.suggestion is not None:
        fix = " (safe fix: <code>mtaudit lint --fix</code>)" if finding.fix and finding.fix.safe else ""
        parts.append(f'<p class="sugg tip-part">Suggestion: <ins>{escape(finding.suggestion)}</ins>{fix}</p>')
    if why:
        parts.append(f'<p class="why tip-part">Why: {escape(why)}</p>')
    parts.append("</li>")
    return "".join(parts)


def _fidelity_text(fidelity: dict[str, Any]) -> str:
    if not fidelity.get("measured"):
        return "not measured (no original or reference)"
    text = f"{_number(fidelity.get('score'))} against {fidelity.get('basis')}"
    metrics = [f"{label} {_number(fidelity.get(key))}" for key, label in
               (("bleu", "BLEU"), ("chrf2", "chrF2"), ("chrf++", "chrF++"), ("ter", "TER")) if key in fidelity]
    passages = f" over {fidelity.get('segments', 0)} aligned passages"
    return text + (": " + ", ".join(metrics) if metrics else "") + passages


def _scores(scores: dict[str, Any], verdict: str | None) -> str:
    rows: list[tuple[str, str]] = []
    rank = native_rank_text(_percentile(scores))
    rows.append(("MT score", escape(f"{verdict}" + (f", {rank}" if rank else "")
                                    + (f" (model probability {_number(scores.get('mt_likelihood'), 2)})"
                                       if isinstance(scores.get("mt_likelihood"), int | float) else ""))))
    mqm = scores.get("mqm") or {}
    rows.append(("Quality", f"{_number(scores.get('quality'))} (MQM penalty "
                            f"{_number(mqm.get('penalty_per_1000'))} per 1,000 words)"))
    fidelity = scores.get("fidelity")
    if isinstance(fidelity, dict):
        rows.append(("Fidelity", escape(_fidelity_text(fidelity))))
    readability = scores.get("readability")
    if isinstance(readability, dict):
        rows.append(("Readability", (
            f"Flesch {_number(readability.get('flesch_reading_ease'))}, "
            f"FK grade {_number(readability.get('flesch_kincaid_grade'))}, "
            f"fog {_number(readability.get('gunning_fog'))}, SMOG {_number(readability.get('smog'))}, "
            f"Dale-Chall {_number(readability.get('dale_chall'))}")))
    language = scores.get("language") or {}
    rows.append(("Language", escape(str(language.get("code") or "unknown"))))
    rows.append(("Words", f"{scores.get('words', '–')} in the body, {scores.get('sentences', '–')} sentences"))
    return '<dl class="scores">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _percentile(scores: dict[str, Any]) -> float | None:
    """The MT score (native percentile) of a JSON `scores`, from the likelihood when it is missing."""
    value = scores.get("mt_native_percentile")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    likelihood = scores.get("mt_likelihood")
    if isinstance(likelihood, int | float) and not isinstance(likelihood, bool):
        return native_percentile_of(float(likelihood))
    return None


def _evidence(evidence: Any) -> str:
    """What moved the MT score: each statistic's push on the score, in words, largest first."""
    if not isinstance(evidence, dict) or not evidence:
        return ""
    items = sorted(((str(k), v) for k, v in evidence.items() if isinstance(v, int | float)), key=lambda i: -abs(i[1]))
    rows = "".join(
        f'<tr><td title="{escape(name)}">{escape(describe(name)[1])}</td><td data-value="{v}">{v:+.2f}</td></tr>'
        for name, v in items
    )
    return ('<details class="evidence"><summary>What moved the MT score</summary>'
            '<table class="evidence"><thead><tr><th scope="col">statistic</th><th scope="col">push (log-odds; '
            'positive: towards translated)</th></tr></thead><tbody>' + rows + "</tbody></table></details>")


def passages(fidelity: Any) -> list[dict[str, Any]]:
    """The aligned passages of a comparison with a reference, whichever producer made them."""
    if not isinstance(fidelity, dict):
        return []
    for key in PASSAGE_KEYS:
        value = fidelity.get(key)
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            return value
    return []


def _passages_table(rows: list[dict[str, Any]]) -> str:
    """Side by side: the text columns of the records (article, reference or original), then their
    numbers (scores, line); the columns come from the records themselves."""
    keys = list(dict.fromkeys(key for row in rows for key in row))
    texts = [k for k in keys if any(isinstance(row.get(k), str) for row in rows)]
    numbers = [k for k in keys if k not in texts and all(isinstance(row.get(k), int | float | None) for row in rows)]
    head = "".join(f'<th scope="col" class="t">{escape(k)}</th>' for k in texts)
    head += "".join(f'<th scope="col" class="n">{escape(k)}</th>' for k in numbers)
    body = []
    for row in rows:
        cells = "".join(f'<td class="t">{escape(str(row.get(k) or "")) or "<em>(nothing)</em>"}</td>' for k in texts)
        cells += "".join(f'<td class="n">{_number(row.get(k), 1 if isinstance(row.get(k), float) else 0)}</td>'
                         for k in numbers)
        body.append(f"<tr>{cells}</tr>")
    return ('<table class="passages"><caption>Aligned passages</caption><thead><tr>' + head + "</tr></thead><tbody>"
            + "".join(body) + "</tbody></table>")


def _scores_of(file_report: FileReport) -> dict[str, Any]:
    """The file's scores as the JSON gives them (empty without scores)."""
    return file_report.scores.to_dict() if file_report.scores is not None else {}


def _verdict_slug(file_report: FileReport) -> str:
    if file_report.error:
        return "error"
    return slug(file_report.verdict) if file_report.verdict else "none"


def article(index: int, file_report: FileReport, whys: dict[str, str], unfold: bool) -> str:
    article_id = f"a{index}"
    path = escape(display_path(file_report.path))
    verdict = _verdict_slug(file_report)
    scores = _scores_of(file_report)
    verdict_text = file_report.verdict or ("error" if file_report.error else "no verdict")
    badge = f'<span class="badge v-{verdict}">{escape(verdict_text)}</span>'
    count = f"{len(file_report.findings)} finding{'s' if len(file_report.findings) != 1 else ''}"
    summary_scores = (f"MT score {mt_score_text(_percentile(scores))} · quality {_number(scores.get('quality'))} · "
                      f"{count}" if file_report.scores is not None else count)
    out = [f'<article id="{article_id}" class="v-{verdict}" aria-labelledby="{article_id}-h">',
           f"<details{' open' if unfold else ''}><summary><h3 id=\"{article_id}-h\">{path}</h3> {badge}"
           f'<span class="summary-scores">{summary_scores}</span></summary><div class="article-body">']
    if file_report.error:
        out.append(f'<p class="error">{escape(file_report.error)}</p></div></details></article>')
        return "".join(out)
    reasons = scores.get("verdict_reasons")
    if isinstance(reasons, list) and reasons:
        out.append('<p>Why this verdict:</p><ul class="reasons">'
                   + "".join(f"<li>{escape(str(reason))}</li>" for reason in reasons) + "</ul>")
    for note in scores.get("notes") or []:
        out.append(f'<p class="why">Note: {escape(str(note))}</p>')
    for warning in file_report.warnings:
        out.append(f'<p class="error">Warning: {escape(warning)}</p>')
    if file_report.scores is not None:
        out.append(_scores(scores, file_report.verdict))
        out.append(_evidence(scores.get("mt_evidence")))
    findings = file_report.findings
    note_ids = [f"{article_id}-f{n}" for n in range(1, len(findings) + 1)]
    doc = file_report.document
    if doc is not None:
        text = highlight(doc.text, findings, note_ids)
        out.append(f'<div class="copy" lang="en" id="{article_id}-text">{text}</div>')
    if findings:
        out.append(f'<ol class="notes" aria-label="Findings in {path}">')
        out.extend(_note(finding, note_id, whys.get(finding.rule)) for finding, note_id in zip(findings, note_ids,
                                                                                                  strict=True))
        out.append("</ol>")
    else:
        out.append("<p>No findings.</p>")
    aligned = passages(scores.get("fidelity"))
    if aligned:
        out.append(_passages_table(aligned))
    out.append("</div></details></article>")
    return "".join(out)


# ------------------------------------------------------------------------------------ overview
def _fidelity_value(scores: dict[str, Any]) -> Any:
    fidelity = scores.get("fidelity") or {}
    return fidelity.get("score")


def _row(index: int, file_report: FileReport) -> str:
    scores = _scores_of(file_report)
    verdict = _verdict_slug(file_report)
    readability = scores.get("readability") or {}
    percentile = _percentile(scores)
    mt_cell = (f'<td data-value="{_value(scores.get("mt_likelihood"))}">'
               f'{mt_score_text(percentile) if percentile is not None else "–"}</td>')
    values = [
        (scores.get("quality"), 1),
        (_fidelity_value(scores), 1),
        (readability.get("flesch_reading_ease"), 1),
        (len(file_report.findings), 0),
        (scores.get("words"), 0),
    ]
    verdict_text = file_report.verdict or ("error" if file_report.error else "–")
    cells = mt_cell + "".join(f'<td data-value="{_value(v)}">{_number(v, d)}</td>' for v, d in values)
    path = escape(display_path(file_report.path))
    return (f'<tr class="v-{verdict}"><td data-value="{path}"><a href="#a{index}">{path}</a></td>'
            f'<td class="verdict" data-value="{VERDICT_RANK.get(verdict_text, 3 if file_report.error else -1)}">'
            f'<span class="badge v-{verdict}">{escape(verdict_text)}</span></td>{cells}</tr>')


TABLE_COLUMNS = (
    ("Article", "text", "path"), ("Verdict", "number", "verdict"), ("MT score", "number", "mt_likelihood"),
    ("Quality", "number", "quality"), ("Fidelity", "number", "fidelity"), ("Readability (Flesch)", "number", "flesch"),
    ("Findings", "number", "findings"), ("Words", "number", "words"),
)


def _table(files: Sequence[FileReport]) -> str:
    head = "".join(
        f'<th scope="col" aria-sort="none" data-type="{kind}" class="{key}">'
        f'<button type="button" data-sort="{key}">{label}</button></th>'
        for label, kind, key in TABLE_COLUMNS
    )
    rows = "".join(_row(index, f) for index, f in enumerate(files, 1))
    readability = any(_scores_of(f).get("readability") for f in files)
    caption = ("Articles (a column heading sorts by it; the MT score is the share of native news articles of the "
               "development data that score lower, 100 above every one; fidelity is measured only against an "
               "original or a reference"
               + ("" if readability else "; readability comes with lint --scores") + ")")
    return (f'<table id="articles-table"><caption>{caption}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")


def _thresholds() -> dict[str, float]:
    """The verdict thresholds on the MT-score scale (the model's, through likelihood.verdict_thresholds)."""
    return {name: native_percentile_of(value) or 0.0 for name, value in verdict_thresholds().items()}


def chart(files: Sequence[FileReport]) -> str:
    """The MT-score distribution: BINS bars over the native percentile 0 to 100, stacked by verdict,
    with the verdict thresholds; inline SVG with a text alternative."""
    scored = []
    for f in files:
        percentile = _percentile(f.scores.to_dict()) if f.scores is not None else None
        if percentile is not None:
            scored.append((percentile, f.verdict or ""))
    if not scored:
        return "<p>No MT score to chart (no English article was scored).</p>"
    bins: list[dict[str, int]] = [{} for _ in range(BINS)]
    for score, verdict in scored:
        slot = bins[min(BINS - 1, int(score / 100 * BINS))]
        slot[verdict] = slot.get(verdict, 0) + 1
    tallest = max(sum(b.values()) for b in bins)
    width, height, left, bottom, top = 600, 220, 40, 30, 28
    plot_w, plot_h = width - left - 10, height - bottom - top
    bar_w = plot_w / BINS
    parts = [f'<line class="axis" x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}"/>',
             f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}"/>',
             f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{tallest}</text>',
             f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end">0</text>']
    for tick in (0, 25, 50, 75, 100):
        x = left + tick / 100 * plot_w
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{tick:g}</text>')
    for number, counts in enumerate(bins):
        y = top + plot_h
        low = number * 100 / BINS
        total = sum(counts.values())
        for verdict, count in sorted(counts.items(), key=lambda item: VERDICT_RANK.get(item[0], 1)):
            bar_h = plot_h * count / tallest
            y -= bar_h
            kind = slug(verdict) if verdict in ("clean", "review", "likely-mt") else "other"
            label = f"{low:g}–{low + 100 / BINS:g}: {count} {escape(verdict or 'no verdict')} of {total}"
            parts.append(f'<rect class="bar-{kind}" x="{left + number * bar_w + 1:.1f}" y="{y:.1f}" '
                         f'width="{bar_w - 2:.1f}" height="{bar_h:.1f}"><title>{label}</title></rect>')
    # the thresholds lie close together near 100: their labels stand right-aligned, one above the other
    for row, (name, value) in enumerate(sorted(_thresholds().items(), key=lambda item: item[1])):
        x = left + value / 100 * plot_w
        parts.append(f'<line class="threshold" x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{top + plot_h}"/>'
                     f'<text x="{x - 3:.1f}" y="{top - 16 + 12 * row}" text-anchor="end">'
                     f'{escape(name)} from {mt_score_text(value) if value >= 100 else f"{value:.2f}"}</text>')
    counts_text = ", ".join(f"{count} {verdict}" for verdict, count in worst_first(
        {v: sum(1 for _s, w in scored if w == v) for v in dict.fromkeys(w for _s, w in scored)}))
    description = (f"Histogram of the MT score of {len(scored)} articles (the share of native news articles of "
                   f"the development data that score lower) in {BINS} bins from 0 to 100, stacked by verdict "
                   f"({escape(counts_text)}); dashed lines mark the verdict thresholds.")
    return (f'<figure class="chart"><svg viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-t chart-d">'
            f'<title id="chart-t">MT score distribution</title><desc id="chart-d">{description}</desc>'
            + "".join(parts) + f"</svg><figcaption>{description}</figcaption></figure>")


def _filters(files: Sequence[FileReport], tally: dict[str, int]) -> str:
    findings = [f for file in files for f in file.findings]
    by_severity = {s: sum(1 for f in findings if f.severity == s) for s in reversed(SEVERITIES)}
    by_category: dict[str, int] = {}
    pairs: dict[str, int] = {}
    for finding in findings:
        by_category[finding.category] = by_category.get(finding.category, 0) + 1
        pair = f"{slug(finding.severity)}|{slug(finding.category)}"
        pairs[pair] = pairs.get(pair, 0) + 1
    verdicts = dict(tally)
    errors = sum(1 for f in files if f.error)
    unscored = sum(1 for f in files if not f.error and f.verdict is None)
    if errors:
        verdicts["error"] = errors
    if unscored:
        verdicts["none"] = unscored

    def box(prefix: str, name: str, count: int, label: str | None = None) -> str:
        return (f'<label><input type="checkbox" checked data-hide="hide-{prefix}-{slug(name)}" data-count="{count}"> '
                f"{escape(label or name)} ({count})</label>")

    severity_boxes = "".join(box("s", s, n) for s, n in by_severity.items() if n)
    category_boxes = "".join(box("c", c, n) for c, n in sorted(by_category.items()))
    verdict_boxes = "".join(box("v", v, n, "no verdict" if v == "none" else None) for v, n in verdicts.items() if n)
    return (f'<form id="filters" hidden data-pairs="{escape(json.dumps(pairs, sort_keys=True))}" '
            f'data-articles="{len(files)}" data-findings="{len(findings)}" aria-label="Filters">'
            f"<fieldset><legend>Severity</legend>{severity_boxes or '<span>no findings</span>'}</fieldset>"
            f"<fieldset><legend>Category</legend>{category_boxes or '<span>no findings</span>'}</fieldset>"
            f"<fieldset><legend>Verdict</legend>{verdict_boxes}</fieldset>"
            '<p id="shown" aria-live="polite"></p></form>')


def _legend() -> str:
    severities = "".join(f'<li><span class="swatch s-{s} g-fluency">{s}</span></li>' for s in reversed(SEVERITIES))
    groups = "".join(f'<li><span class="swatch s-neutral g-{group}">{escape(text)}</span></li>'
                     for group, text in GROUP_LEGEND)
    return (f'<ul class="legend" aria-label="Highlight colours: severity">{severities}</ul>'
            f'<ul class="legend" aria-label="Highlight lines: category">{groups}</ul>')


def render(report: Report) -> str:
    return surrogates_visible(_render(report))  # a file name that is not UTF-8 shows its bytes as \xNN


def _render(report: Report) -> str:
    files = report.files
    summary = report.summary()
    tally = summary.get("by_verdict") or {}
    whys = {rule_id: rule.why for rule_id, rule in known_rules(report).items()}
    css, script = assets()
    unfold = len(files) <= OPEN_ARTICLES
    by_severity = summary["by_severity"]
    severities = ", ".join(f"{by_severity[s]} {s}" for s in reversed(SEVERITIES) if by_severity[s])
    title = f"mtaudit report: {len(files)} article{'s' if len(files) != 1 else ''}"
    tally_items = "".join(f'<li><span class="badge v-{slug(v)}">{escape(v)}</span><strong>{n}</strong></li>'
                          for v, n in worst_first(tally))
    head = (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        f"style-src '{_sha256(css)}'; script-src '{_sha256(script)}'; img-src data:; base-uri 'none'; "
        "form-action 'none'\">"
        f'<meta name="generator" content="mtaudit {escape(__version__)}">'
        f"<title>{escape(title)}</title><style>{css}</style></head>"
    )
    parts = [
        head,
        '<body><a class="skip" href="#articles">Skip to the articles</a>',
        f'<header class="page"><h1>{escape(title)}</h1><p class="meta">{summary["findings"]} finding'
        f"{'s' if summary['findings'] != 1 else ''}{f' ({severities})' if severities else ''}"
        f"{'; ' + str(summary['files_with_errors']) + ' could not be read' if summary['files_with_errors'] else ''}."
        f" Made by mtaudit {escape(__version__)}.</p></header>",
        '<main><section id="overview" aria-labelledby="overview-h"><h2 id="overview-h">Overview</h2>',
        f'<ul class="tally" aria-label="Verdicts">{tally_items}</ul>' if tally_items else "",
        chart(files) if tally else "",
        _filters(files, tally),
        _table(files),
        "</section>",
        '<section id="articles" class="articles" aria-labelledby="articles-h"><h2 id="articles-h">Articles</h2>',
        _legend(),
        "" if unfold else "<p>Each article is folded: open it with its heading (or its row in the table).</p>",
    ]
    parts.extend(article(index, f, whys, unfold) for index, f in enumerate(files, 1))
    parts.append('</section></main><div id="tip" role="tooltip" hidden></div>')
    parts.append(f"<script>{script}</script></body></html>\n")
    return "".join(parts)


__all__ = ["article", "assets", "chart", "highlight", "passages", "render", "slug"]
