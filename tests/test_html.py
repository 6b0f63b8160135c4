"""The HTML report without a browser: highlights nest and cross correctly, everything from the copy is
escaped, the page needs nothing from the network, and it shows what the report holds (tally, reasons,
aligned passages). tests/test_browser.py renders it in Chromium."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from audit.config import Config
from audit.finding import Finding
from audit.report import FileReport, Report
from audit.reporters import html, render
from audit.runner import audit_text

from .desk import desk_config
from .scores import scores

HOSTILE = ('Breaking <script>alert("x")</script> news\n\n'
           'Officials in kyiv said <img src=x onerror="alert(1)"> it was was late & "quiet".\n')


def finding(start: int, end: int, text: str, rule: str = "R", severity: str = "minor") -> Finding:
    return Finding(rule=rule, category="grammar", severity=severity, message="m", start=start, end=end,
                   text=text[start:end], line=1, column=start + 1, end_line=1, end_column=end + 1)


class Marks(HTMLParser):
    """The text under each data-f, and the text content of the whole fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.text = ""
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def handle_starttag(self, tag, attrs):
        self.stack.append(dict(attrs).get("data-f") if tag == "mark" else None)

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        for owner in filter(None, self.stack):
            self.spans.setdefault(owner, []).append((len(self.text), len(self.text) + len(data)))
        self.text += data


def covered(pieces: list[tuple[int, int]]) -> tuple[int, int]:
    """The span that contiguous pieces cover (they must be contiguous)."""
    for (_s1, e1), (s2, _e2) in zip(pieces, pieces[1:], strict=False):
        assert e1 == s2, pieces
    return pieces[0][0], pieces[-1][1]


def test_highlights_nest_and_cross_on_exactly_their_characters():
    text = "one two three four five <six> & seven"
    findings = [finding(0, 13, text), finding(4, 8, text), finding(8, 18, text), finding(24, 29, text),
                finding(30, 31, text)]
    ids = [f"n{i}" for i in range(len(findings))]
    fragment = html.highlight(text, findings, ids)
    parser = Marks()
    parser.feed(fragment)
    assert parser.text == text
    for note_id, found in zip(ids, findings, strict=True):
        assert covered(parser.spans[note_id]) == (found.start, found.end)
    assert fragment.count('tabindex="0"') == len(findings)  # one focusable piece per finding
    assert "&lt;six&gt;" in fragment and ">&amp;</mark> seven" in fragment


def test_everything_from_the_copy_is_escaped(tmp_path):
    report = audit_text(HOSTILE, desk_config(), path=str(tmp_path / 'story<b>"q".txt'))
    page = html.render(report)
    body = page.split("<body>", 1)[1]
    assert "<script>" not in body.split("<script>", 1)[0] and body.count("<script>") == 1  # only its own
    assert "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page or "&lt;script&gt;alert(\"x\")" in page
    assert "story&lt;b&gt;&quot;q&quot;.txt" in page


def test_the_page_needs_no_network_and_allows_only_its_own_style_and_script():
    page = render(audit_text(HOSTILE, desk_config()), "html")
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    assert f"style-src '{html._sha256(style)}'" in policy and f"script-src '{html._sha256(script)}'" in policy


def test_tally_chart_reasons_and_scores():
    reasons = ("12 translation tells per 1,000 words", "few uses of “said”")
    reports = [FileReport(path=f"{n}.txt", scores=scores(v, s, 90.0, reasons if n == 0 else None))
               for n, (v, s) in enumerate([("likely-mt", 0.93), ("review", 0.5), ("clean", 0.1), ("clean", 0.105)])]
    reports.append(FileReport(path="broken.txt", error="broken.txt: not valid UTF-8"))
    page = html.render(Report(tuple(reports)))
    assert re.search(r'badge v-likely-mt">likely-mt</span><strong>1</strong>', page)
    assert re.search(r'badge v-clean">clean</span><strong>2</strong>', page)
    assert "<li>12 translation tells per 1,000 words</li><li>few uses of “said”</li>" in page
    # the chart's scale is the MT score (native percentile): 0.1 and 0.105 fall in 30-35, 0.5 in 85-90, 0.93 in 95-100
    assert page.count('<rect class="bar-') == 3
    assert "<title>30–35: 2 clean of 2</title>" in page and "<title>95–100: 1 likely-mt of 1</title>" in page
    assert ">review from 98.89</text>" in page and ">likely-mt from 100</text>" in page
    assert "<dt>MT score</dt><dd>likely-mt, above 99.4% of native news articles (model probability 0.93)</dd>" in page
    assert "broken.txt: not valid UTF-8" in page and 'class="v-error"' in page
    assert 'data-hide="hide-v-error"' in page


def test_articles_fold_in_a_large_batch_only():
    small = Report(tuple(FileReport(path=f"{n}.txt") for n in range(html.OPEN_ARTICLES)))
    large = Report(tuple(FileReport(path=f"{n}.txt") for n in range(html.OPEN_ARTICLES + 1)))
    assert html.render(small).count("<details open>") == html.OPEN_ARTICLES
    assert "<details open>" not in html.render(large)


def test_aligned_passages_side_by_side_from_whatever_the_comparison_gives():
    reference = ("Talks in Warsaw\n\nThe minister met his Polish counterpart on Friday. "
                 "They agreed on 12 new crossings.\n")
    article = "Talks in Warsaw\n\nThe minister met his Polish colleague on Friday. They agreed on 14 new crossings.\n"
    report = audit_text(article, Config(), reference=reference)
    page = html.render(report)
    table = page.split('<table class="passages">', 1)[1].split("</table>", 1)[0]
    assert '<th scope="col" class="t">article</th><th scope="col" class="t">reference</th>' in table
    assert "Polish colleague" in table and "Polish counterpart" in table
    other = {"estimated": False, "aligned_passages": [{"original": "Der Minister", "translation": "The minister",
                                                        "similarity": 0.8}]}
    rows = html.passages(other)
    assert rows == other["aligned_passages"]
    assert '<th scope="col" class="t">original</th><th scope="col" class="t">translation</th>' in \
        html._passages_table(rows)
