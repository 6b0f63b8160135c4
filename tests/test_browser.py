"""The HTML report in a real browser (headless Chromium, tests/browser.py): a report of the seeds and
of a hostile story renders with no console error, every highlight sits on exactly the characters
its finding flags, the filters change what is shown, the keyboard reaches a highlight and its note,
the table sorts, a <script> in a story stays text, the page reads with scripts off, and a report of
2,000 articles opens without freezing the page.

Without Chromium the tests are skipped, saying so; in CI (CI=true), where .ci/run installs it, a
missing browser is a failure."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from audit.config import Config
from audit.report import Report
from audit.reporters import html
from audit.runner import Options, run

from .browser import Browser, find_chromium
from .conftest import SEEDS
from .inprocess import invoke

HOSTILE = ('Breaking <script>window.pwned = 1</script> news from kyiv\n\n'
           'Officials in kyiv said <img src=x onerror="window.pwned = 2"> it was was late & "quiet".\n')

# For each article: its text as the page holds it, and the [start, end) of each highlight (by note id)
# counted in characters over the text nodes, as a reader's selection would.
HIGHLIGHTS = """(() => Array.from(document.querySelectorAll("article")).map(article => {
  const copy = article.querySelector(".copy");
  if (!copy) { return {id: article.id, text: null, spans: {}}; }
  const spans = {};
  let offset = 0;
  const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let element = node.parentElement; element !== copy; element = element.parentElement) {
      if (element.matches("mark.f")) {
        (spans[element.dataset.f] = spans[element.dataset.f] || []).push([offset, offset + node.data.length]);
      }
    }
    offset += node.data.length;
  }
  return {id: article.id, text: copy.textContent, spans: spans};
}))()"""


# The longest task the page ran (milliseconds; the browser keeps them from the start).
LONGEST_TASK = """new Promise(done => {
  let longest = 0;
  new PerformanceObserver(list => list.getEntries().forEach(e => { longest = Math.max(longest, e.duration); }))
    .observe({type: "longtask", buffered: true});
  setTimeout(() => done(longest), 300);
})"""


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("no Chromium in CI: .ci/run installs Debian's chromium for this test")
        pytest.skip("no Chromium to run the browser test (apt-get install chromium, or set MTAUDIT_CHROMIUM)")
    started = Browser(executable)
    yield started
    started.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    """The HTML report of the seeds and a hostile story, with the JSON report of the same run."""
    folder = tmp_path_factory.mktemp("report")
    hostile = folder / "hostile <b>.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    page = folder / "report.html"
    result = invoke("lint", "--format", "html", "-o", str(page), str(SEEDS), str(hostile))
    assert result.returncode == 1, result.stderr
    data = json.loads(invoke("lint", "--format", "json", str(SEEDS), str(hostile)).stdout)
    texts = [Path(p).read_text(encoding="utf-8") for p in sorted(map(str, SEEDS.glob("*.txt")))] + [HOSTILE]
    return {"url": page.as_uri(), "json": data, "texts": texts}


def offsets(text: str, finding: dict) -> tuple[int, int]:
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return (starts[finding["line"] - 1] + finding["column"] - 1,
            starts[finding["end_line"] - 1] + finding["end_column"] - 1)


def test_highlights_sit_on_exactly_the_flagged_characters(browser, report):
    page = browser.page(report["url"])
    articles = page.evaluate(HIGHLIGHTS)
    assert page.errors() == []
    assert len(articles) == len(report["json"]["files"]) == 6
    checked = 0
    for article, record, text in zip(articles, report["json"]["files"], report["texts"], strict=True):
        assert article["text"] == text
        assert len(article["spans"]) == len(record["findings"])
        for number, finding in enumerate(record["findings"], 1):
            pieces = article["spans"][f"{article['id']}-f{number}"]
            for (_start, end), (start, _end) in zip(pieces, pieces[1:], strict=False):
                assert end == start, f"{finding['rule']}: highlight in pieces that do not touch: {pieces}"
            start, end = pieces[0][0], pieces[-1][1]
            assert (start, end) == offsets(text, finding), finding
            assert text[start:end] == finding["text"]
            checked += 1
    assert checked == report["json"]["summary"]["findings"] > 60
    # each highlight is laid out (visible) in an unfolded article
    assert page.evaluate("Array.from(document.querySelectorAll('.copy mark.f')).every(m => m.getClientRects().length)")


def test_a_script_in_a_story_stays_text(browser, report):
    page = browser.page(report["url"])
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.scripts.length") == 1 and page.evaluate("document.images.length") == 0
    hostile = page.evaluate("document.querySelector('#a6 .copy').textContent")
    assert "<script>window.pwned = 1</script>" in hostile and '<img src=x onerror="window.pwned = 2">' in hostile
    assert page.evaluate("document.querySelector('#a6 h3').textContent").endswith("hostile <b>.txt")
    assert page.errors() == []


def test_filters_change_what_is_shown(browser, report):
    page = browser.page(report["url"])
    findings = [f for record in report["json"]["files"] for f in record["findings"]]
    verdicts = [record["verdict"] for record in report["json"]["files"]]
    shown = "document.getElementById('shown').textContent"
    background = "getComputedStyle(document.querySelector('.copy mark.s-{0}')).backgroundColor"
    note = "getComputedStyle(document.querySelector('li.note.s-{0}')).display"
    assert page.evaluate(shown) == f"Showing 6 of 6 articles and {len(findings)} of {len(findings)} findings."
    assert page.evaluate(background.format("minor")) != "rgba(0, 0, 0, 0)"

    page.click("input[data-hide='hide-s-minor']")
    assert page.evaluate(background.format("minor")) == "rgba(0, 0, 0, 0)"
    assert page.evaluate(note.format("minor")) == "none"
    assert page.evaluate(background.format("major")) != "rgba(0, 0, 0, 0)"
    assert page.evaluate(note.format("major")) != "none"
    left = sum(f["severity"] != "minor" for f in findings)
    assert page.evaluate(shown) == f"Showing 6 of 6 articles and {left} of {len(findings)} findings."
    # a hidden highlight leaves the keyboard's path
    assert page.evaluate("document.querySelector('.copy mark.s-minor[id]').tabIndex") == -1

    page.click("input[data-hide='hide-c-boilerplate']")
    assert page.evaluate("getComputedStyle(document.querySelector('li.note.c-boilerplate')).display") == "none"

    page.click("input[data-hide='hide-v-likely-mt']")
    hidden = "Array.from(document.querySelectorAll('{0}')).map(e => getComputedStyle(e).display === 'none')"
    assert page.evaluate(hidden.format("article")) == [v == "likely-mt" for v in verdicts]
    assert page.evaluate(hidden.format("#articles-table tbody tr")) == [v == "likely-mt" for v in verdicts]
    assert page.evaluate(shown).startswith(f"Showing {sum(v != 'likely-mt' for v in verdicts)} of 6 articles")

    for box in ("hide-s-minor", "hide-c-boilerplate", "hide-v-likely-mt"):
        page.click(f"input[data-hide='{box}']")
    assert page.evaluate(hidden.format("article")) == [False] * 6
    assert page.evaluate(shown) == f"Showing 6 of 6 articles and {len(findings)} of {len(findings)} findings."
    assert page.errors() == []


def test_the_keyboard_reaches_a_highlight_and_its_note(browser, report):
    page = browser.page(report["url"])
    for _ in range(400):
        page.press("Tab")
        if page.evaluate("document.activeElement.matches('mark.f')"):
            break
    else:
        pytest.fail("Tab never reached a highlight")
    focused = page.evaluate("document.activeElement.dataset.f")
    first = report["json"]["files"][0]["findings"][0]
    assert focused == "a1-f1"
    assert page.evaluate("document.getElementById('tip').hidden") is False
    tip = page.evaluate("document.getElementById('tip').textContent")
    assert first["message"] in tip and f"Suggestion: {first['suggestion']}" in tip and "Why:" in tip
    page.press("Enter")
    assert page.evaluate("document.activeElement.id") == "a1-f1"
    assert page.evaluate("document.activeElement.matches('li.note')")
    page.press("Escape")
    assert page.evaluate("document.getElementById('tip').hidden") is True
    assert page.errors() == []


def test_the_table_sorts(browser, report):
    page = browser.page(report["url"])
    column = ("Array.from(document.querySelectorAll('#articles-table tbody tr'))"
              ".map(r => r.cells[2].dataset.value === '' ? null : Number(r.cells[2].dataset.value))")
    likelihoods = [record["scores"]["mt_likelihood"] for record in report["json"]["files"]]
    scored = [value for value in likelihoods if value is not None]
    missing = [None] * (len(likelihoods) - len(scored))  # too-short: no likelihood, listed last either way
    page.click("th.mt_likelihood button")
    assert page.evaluate(column) == sorted(scored, reverse=True) + missing
    assert page.evaluate("document.querySelector('th.mt_likelihood').getAttribute('aria-sort')") == "descending"
    page.click("th.mt_likelihood button")
    assert page.evaluate(column) == sorted(scored) + missing
    page.click("th.path button")
    paths = page.evaluate("Array.from(document.querySelectorAll('#articles-table tbody tr a')).map(a => a.textContent)")
    assert paths == sorted(paths)
    assert page.errors() == []


def test_readable_with_scripts_off(browser, report):
    page = browser.page(report["url"], scripts=False)
    assert page.evaluate("document.body.classList.contains('js')") is False
    assert page.evaluate("document.getElementById('filters').getClientRects().length") == 0  # no dead controls
    texts = page.evaluate("Array.from(document.querySelectorAll('.copy')).map(c => c.textContent)")
    assert texts == report["texts"]
    visible_notes = page.evaluate("Array.from(document.querySelectorAll('li.note')).filter(n => n.getClientRects()"
                                  ".length).length")
    assert visible_notes == report["json"]["summary"]["findings"]
    assert page.evaluate("document.querySelector('li.note .why').textContent").startswith("Why: ")
    assert page.errors() == []


def test_two_thousand_articles_open_without_freezing(browser, tmp_path):
    """2,000 articles (the seeds' reports, repeated) load with every article folded, no long task near
    the point where a browser calls a page unresponsive, and a filter still answers at once."""
    seeds = run(sorted(map(str, SEEDS.glob("*.txt"))), Options(config=Config(), jobs=1)).files
    files = []
    for number in range(2000):
        copy = seeds[number % len(seeds)]
        files.append(type(copy)(path=f"batch/{number:04d}.txt", findings=copy.findings, scores=copy.scores,
                                document=copy.document))
    page_file = tmp_path / "batch.html"
    page_file.write_text(html.render(Report(tuple(files))), encoding="utf-8")
    page = browser.page("about:blank")
    seconds = page.navigate(page_file.as_uri(), timeout=120)
    longest = page.evaluate(LONGEST_TASK, timeout=30)
    assert page.evaluate("document.querySelectorAll('article').length") == 2000
    assert page.evaluate("document.querySelectorAll('details[open]').length") == 0  # folded: not laid out
    assert page.evaluate("document.querySelectorAll('.copy mark.f').length") > 2000
    assert longest < 5000, f"a task of {longest:.0f} ms while opening ({seconds:.1f} s in all)"
    page.click("input[data-hide='hide-s-minor']")
    assert page.evaluate("document.body.classList.contains('hide-s-minor')")
    page.click("#articles-table tbody tr a")  # opens the first article
    assert page.evaluate("document.querySelector('#a1 details').open")
    assert page.errors() == []
