"""The library's entry point: `run(inputs, options) -> Report` does everything `mtaudit lint` does
(the command line only parses options and prints the report): the configuration of each file (the
nearest configuration file, or `--config`, then the options on top), standard input under a name
(`--stdin-filename`), rule selection checked against the registry, --fix / --diff with fix
applicability, --changed-since, companion texts (a reference), signals, parallel jobs, fail-on.

    from audit import Options, Text, run
    report = run(["drafts/"], Options(select=("FF", "TE"), fail_on="major"))
    report = run([Text(copy, "wire/story.md")], Options(fix=True))   # report.files[0].fix.fixed

`audit_text(text, config)` is the short form for one text with a given Config (no configuration file).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .changed_lines import GitError, changed_lines, on_changed_lines
from .config import Config
from .config_file import ConfigError, ConfigResolver, locate
from .document import Document
from .engine import Linted, RuleSet, lint
from .finding import Finding
from .hits import COMPANIONS, companion_producers
from .parallel import lint_many, lint_stream
from .report import FileReport, FixOutcome, Report
from .rules.errors import RuleError
from .safe_text import terminal_safe
from .sources import DEFAULT_INCLUDE, STDIN, InputError, decode, discover, read_bytes, read_regular, read_source
from .suppression import UNUSED_RULE
from .text.dataclass_code import dataclass

if TYPE_CHECKING:
    from .streaming import Article, Unreadable

# Imported where they are used, not here: the paths of --baseline (audit/baseline.py), of streams of
# articles (audit/streaming.py) and of --fix and --diff (audit/fixing.py, with audit/atomic.py), modules
# of this layer that a one-file lint does not run; and the scores
# (audit/scoring/), which a run with --no-scores does not compute: left out of their start-up (issue 14).


class UsageError(Exception):
    """Options that cannot be used together, or name nothing; one line."""


@dataclass(frozen=True)
class Text:
    """An input given as text. `name` is its path for the configuration lookup (None: the current
    folder's), Markdown by extension and per-file ignores; it is the path shown in the report."""

    text: str
    name: str = "<text>"


@dataclass(frozen=True)
class Options:
    """What `mtaudit lint` is told on its command line. None: as the configuration says."""

    config: Config | None = None  # use these settings for every input instead of configuration files
    config_file: Path | None = None  # this configuration file instead of each input's nearest one
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()  # added to the configuration's
    ignore: tuple[str, ...] = ()  # added to the configuration's
    fail_on: str | None = None
    rule_dirs: tuple[Path, ...] = ()  # added to the configuration's
    builtin_rules: bool | None = None
    scores: bool | None = None  # False: no scores at all
    full_scores: bool | None = None  # True: readability and full language detection too
    report_unused_suppressions: bool = False  # select MT-UNUSED-SUPPRESSION
    include: tuple[str, ...] = ()  # file patterns in directories besides *.txt and *.md
    fix: bool = False  # write the fixes into the files (a Text input: into its report's fix outcome)
    unsafe_fixes: bool = False  # with fix or diff: the unsafe fixes too
    diff: bool = False  # compute the fixes, write nothing
    changed_since: str | None = None  # only findings on lines changed since this git revision
    companions: Mapping[str, str] = field(default_factory=dict)  # {"reference": text}: for the one input
    # companion texts per input, by the input's name ({"story.txt": {"original": text}}): a batch of
    # articles each compared with its own original (lint --source-dir)
    companions_of: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    source_lang: str | None = None  # the originals' language (None: detected)
    stdin_filename: str | None = None  # the name of standard input ('-')
    signals: bool = False  # list the signals in the report
    jobs: int | None = 1  # parallel processes for a lint (None: one per CPU); fixes run serially
    fail_on_verdict: str | None = None  # also fail when an article's verdict is at least this
    baseline: Path | None = None  # hide the findings this baseline file records (audit/baseline.py)
    # a progress display: called with the number of inputs, gives a context manager yielding a function
    # that is told how many inputs are done (audit/progress.py progress_bar)
    progress: Callable[[int], AbstractContextManager[Callable[[int], None]]] | None = field(default=None, compare=False)

    def overrides(self) -> dict[str, Any]:
        """The Config fields these options set outright."""
        chosen = {
            "select": self.select,
            "fail_on": self.fail_on,
            "builtin_rules": self.builtin_rules,
            "scores": self.scores,
            "full_scores": self.full_scores,
            "source_lang": self.source_lang,
        }
        return {name: value for name, value in chosen.items() if value is not None}

    def added_selectors(self) -> tuple[str, ...]:
        return self.extend_select + ((UNUSED_RULE,) if self.report_unused_suppressions else ())


@dataclass(frozen=True)
class _Input:
    """One input: the name it goes by, and where its text comes from."""

    name: str  # shown, and used for the configuration lookup, Markdown and per-file ignores
    source: str | None = None  # a path, or '-' for standard input
    text: str | None = None  # the text itself (a Text input)
    error: str | None = None  # why there is no text (a line of a batch that is no article)

    def read(self) -> str:
        if self.error is not None:
            raise InputError(self.error)
        if self.text is not None:
            return self.text
        assert self.source is not None
        return read_source(self.source)


def run(inputs: Iterable[str | os.PathLike[str] | Text], options: Options | None = None) -> Report:
    """Lint the inputs (files, directories searched recursively, '-' for standard input, or Texts)
    as `mtaudit lint` does. Raises UsageError, ConfigError, GitError or RuleError for a run that
    cannot start; an input that cannot be read gives a FileReport with `error`."""
    options = options or Options()
    skipped: list[str] = []  # what the directory walk left out, and why (FIFOs, links out of the tree)
    items = _inputs(list(inputs), options, skipped)
    roots = [os.fspath(given) for given in inputs if not isinstance(given, Text)]  # --fix stays inside
    _check_usage(items, options)
    resolve = _resolver(options)
    configs = {item: resolve(item.name) for item in items}
    run_config = resolve(STDIN)  # the current folder's: the report's fail-on
    rulesets = {config: _ruleset(config, options) for config in dict.fromkeys(configs.values())}
    changed = {}
    if options.changed_since:
        changed = {item: changed_lines(item.source or STDIN, options.changed_since) for item in items}
    producers_of = dict(options.companions)

    def keep(item: _Input) -> Callable[[Finding], bool] | None:
        if not options.changed_since:
            return None
        lines = changed[item]
        return lambda finding: on_changed_lines(finding, lines)

    if options.fix or options.diff:
        reports = [_fix_one(item, configs[item], rulesets[configs[item]], options, keep(item), roots) for item in items]
    else:
        work = [(item, configs[item], options.companions_of.get(item.name, producers_of)) for item in items]
        with options.progress(len(work)) if options.progress else nullcontext(None) as advance:
            reports = lint_many(lint_inputs, work, options.jobs, advance)
    if options.changed_since:
        reports = [_only_changed(report, keep(item)) for report, item in zip(reports, items, strict=True)]
    notes = [f"mtaudit: warning: {terminal_safe(note)}" for note in skipped]
    if options.baseline is not None:
        from .baseline import Baseline  # only a run with a baseline reads one (see the imports)

        baseline = Baseline.load(options.baseline)
        reports, outcome = baseline.apply(reports)
        notes += baseline.notes(outcome)
    registry: dict[str, Any] = {}
    for ruleset in rulesets.values():
        registry.update(ruleset.by_id)
    return Report(
        tuple(reports),
        fail_on=run_config.fail_on,
        rules=registry,
        show_signals=options.signals,
        fix_mode="fix" if options.fix else ("diff" if options.diff else None),
        fail_on_verdict=options.fail_on_verdict,
        notes=tuple(notes),
    )


def audit_many(
    articles: Iterable[Article | Mapping[str, Any] | Unreadable], options: Options | None = None
) -> Iterator[FileReport]:
    """Lint and score a stream of articles as `run` lints Texts, yielding one FileReport per article
    as soon as it (and every article before it) is done, in constant memory: the articles are read
    as they are needed, at most a few per worker ahead (`options.jobs` processes; default one).

    An article is an `Article`, or a mapping with "id", "text" and optional companion texts by
    comparison name ("reference"); its id is the report's path and is linted as a Text of that name
    (configuration, Markdown by a .md ending, per-file ignores). An article that cannot be read (an
    `Unreadable` line of `streaming.read_jsonl`, a mapping without a text) gives a report with
    `error`. Raises UsageError (or ConfigError, RuleError) for options a stream cannot take, on the
    first article."""
    options = options or Options()
    if options.fix or options.diff or options.changed_since or options.baseline or options.companions:
        raise UsageError("a stream of articles is linted as it comes: no --fix, --diff, --changed-since, "
                         "--baseline, or companion texts for the whole run (give each article its own)")
    if options.fail_on_verdict and options.scores is False:
        raise UsageError("--fail-on-verdict needs the scores; drop --no-scores")
    from .streaming import Article, Unreadable  # only a stream of articles reads them (see the imports)

    resolve = _resolver(options)
    checked: set[Config] = set()

    def work() -> Iterator[tuple[_Input, Config, Mapping[str, str]]]:
        for given in articles:
            if isinstance(given, Unreadable):
                yield _Input(given.name, error=given.error), resolve(STDIN), {}
                continue
            try:
                article = Article.of(given)
            except InputError as error:
                yield _Input("<article>", error=str(error)), resolve(STDIN), {}
                continue
            config = resolve(article.id)
            if config not in checked:
                _ruleset(config, options)
                checked.add(config)
            yield _Input(article.id, text=article.text), config, dict(article.companions)

    yield from lint_stream(lint_inputs, work(), options.jobs)


def _inputs(inputs: list[str | os.PathLike[str] | Text], options: Options, skipped: list[str]) -> list[_Input]:
    """The inputs in order, directories searched (audit/sources.py discover), each file once; what a
    walk left out goes to `skipped`."""
    items: list[_Input] = []
    seen: set[str] = set()
    include = DEFAULT_INCLUDE + tuple(options.include)
    for given in inputs:
        if isinstance(given, Text):
            items.append(_Input(given.name, text=given.text))
            continue
        found = discover([os.fspath(given)], include)
        skipped += found.skipped
        for path in found:
            if path in seen:
                continue
            seen.add(path)
            name = options.stdin_filename if path == STDIN and options.stdin_filename else path
            items.append(_Input(name, source=path))
    if not items:
        raise UsageError("no files to lint in " + ", ".join(map(os.fspath, inputs)))  # type: ignore[arg-type]
    return items


def _check_usage(items: list[_Input], options: Options) -> None:
    """Options that contradict each other are an error, not a silent choice."""
    if options.fix and options.diff:
        raise UsageError("--fix writes the fixes and --diff only shows them: choose one")
    if options.fail_on_verdict and options.scores is False:
        raise UsageError("--fail-on-verdict needs the scores; drop --no-scores")
    if options.unsafe_fixes and not (options.fix or options.diff):
        raise UsageError("--unsafe-fixes goes with --fix or --diff")
    from_stdin = [item for item in items if item.source == STDIN]
    if options.stdin_filename and not from_stdin:
        raise UsageError("--stdin-filename names standard input, which is not among the inputs ('-')")
    if options.changed_since and (from_stdin or any(item.text is not None for item in items)):
        raise UsageError("--changed-since compares files with a git revision, not standard input or texts")
    if options.companions_of and options.scores is False:
        raise UsageError("a comparison with an original needs the scores; drop --no-scores")
    if options.companions:
        unknown = sorted(set(options.companions) - set(COMPANIONS))
        if unknown:
            raise UsageError(f"no comparison for {', '.join(unknown)}")
        if len(items) != 1:
            raise UsageError(f"a {'/'.join(options.companions)} text is compared with one article, not {len(items)}")
        if options.scores is False:
            raise UsageError(f"a comparison with the {'/'.join(options.companions)} needs the scores; drop --no-scores")


def _resolver(options: Options) -> Callable[[str], Config]:
    """The Config of an input, by its name."""
    overrides = options.overrides()
    added = options.added_selectors()
    if options.config is not None:
        config = replace(
            options.config,
            **overrides,
            extend_select=options.config.extend_select + added,
            ignore=options.config.ignore + options.ignore,
            rule_dirs=options.config.rule_dirs + tuple(Path(d) for d in options.rule_dirs),
        )
        return lambda name: config
    resolver = ConfigResolver(
        options.config_file, overrides, options.ignore, tuple(Path(d) for d in options.rule_dirs), added
    )
    return lambda name: resolver.for_path(STDIN if name.startswith("<") else name)


def _ruleset(config: Config, options: Options) -> RuleSet:
    """The rule set of a configuration, after checking that every selector names a rule."""
    ruleset = RuleSet.load(config)
    for setting, selectors in config.selectors().items():
        for unknown in ruleset.registry.unknown(selectors):
            raise _selector_error(setting, unknown.selector, unknown.describe(), config, options)
    return ruleset


_OPTION_OF = {"select": "--select", "extend-select": "--extend-select", "ignore": "--ignore"}


def _selector_error(setting: str, selector: str, description: str, config: Config, options: Options) -> Exception:
    given = {"select": options.select or (), "extend-select": options.added_selectors(), "ignore": options.ignore}
    if selector in given.get(setting, ()) or config.source is None:
        where = _OPTION_OF.get(setting, f"'{setting}'")
        return UsageError(f"{where}: {description}")
    line = locate(config.source, setting, selector)
    return ConfigError(f"{config.source}:{line}: '{setting}': {description}")


def lint_input(item: _Input, config: Config, companions: Mapping[str, str]) -> FileReport:
    """Lint and score one input (an unreadable one gives a report with `error`)."""
    return lint_inputs([(item, config, companions)])[0]


# lint_inputs lints a few inputs, then scores them, rather than scoring each input as soon as it is
# linted: the rule engine's tables and code and the scores' (the word caches, the model) then stay in
# the processor's caches for a whole group instead of evicting each other at every input. A full audit
# of 2,225 articles in one process took 0.90x the time of one that alternated them (paired runs, n 13,
# in both orders), its scores some 0.8x. A group ends at SCORED_TOGETHER inputs or once its texts and
# companion texts reach SCORED_TOGETHER_CHARS characters (the input that reaches it included), so that
# what is held stays small: a large file is scored at once. Larger groups gained nothing more. (The
# calls it gets are of parallel.CHUNK_FILES inputs, 8 too; a serial stream's, of one.)
SCORED_TOGETHER = 8
SCORED_TOGETHER_CHARS = 1 << 18


def lint_inputs(work: Iterable[tuple[_Input, Config, Mapping[str, str]]]) -> list[FileReport]:
    """Lint and score each input (an unreadable one gives a report with `error`): the reports in the order
    of `work`, the inputs linted, then scored, a group at a time."""
    reports: list[FileReport] = []
    group: list[FileReport | tuple[str, Linted, Config]] = []  # a report, or what to score for one
    held = 0
    for item, config, companions in work:
        try:
            text = item.read()
        except InputError as error:
            group.append(FileReport(path=item.name, error=str(error)))
        else:
            doc = Document.from_text(text, path=item.name, markup=config.markup)
            group.append((item.name, lint(doc, RuleSet.load(config), config, companion_producers(companions)), config))
            held += len(text) + sum(map(len, companions.values()))
        if len(group) >= SCORED_TOGETHER or held >= SCORED_TOGETHER_CHARS:
            reports += map(_scored, group)
            group = []
            held = 0
    reports += map(_scored, group)
    return reports


def _scored(pending: FileReport | tuple[str, Linted, Config]) -> FileReport:
    return pending if isinstance(pending, FileReport) else _file_report(*pending)


def _file_report(name: str, linted: Linted, config: Config, fix: FixOutcome | None = None) -> FileReport:
    scores = None
    if config.scores:
        from .scoring.bounded import score_bounded  # a text past 1 MB: the scores of its start (see the imports)

        scores = score_bounded(linted.document, linted.findings, config, linted.evidence, linted.outputs)
    return FileReport(
        path=name,
        findings=linted.findings,
        signals=linted.signals,
        warnings=linted.warnings,
        scores=scores,
        document=linted.document,
        fail_on=config.fail_on,
        fix=fix,
    )


def _fix_one(
    item: _Input,
    config: Config,
    ruleset: RuleSet,
    options: Options,
    keep: Callable[[Finding], bool] | None,
    roots: list[str] | None = None,
) -> FileReport:
    """--fix or --diff for one input: fix its text; write a file back (atomically, same encoding,
    mode, owner and group) where that is safe (audit/fixing.py). A file left as it is, or whose write
    failed, is reported with the findings of its text as it is, nothing counted as fixed."""
    from .fixing import NotFixed, check_fix_target, fix_text, write_fixed  # only --fix and --diff (see the imports)

    info = None
    try:
        if item.text is not None:
            data, raw = None, item.text
        else:
            assert item.source is not None
            if item.source == STDIN:
                data = read_bytes(item.source)
            else:
                data, info = read_regular(item.source)
            raw = decode(data, "<stdin>" if item.source == STDIN else item.source)
    except InputError as error:
        return FileReport(path=item.name, error=str(error))
    producers = companion_producers(options.companions)
    writes = options.fix and info is not None and item.source is not None
    try:
        if writes:
            check_fix_target(item.source, info, roots)
        outcome, linted = fix_text(raw, item.name, config, ruleset, producers, keep, options.unsafe_fixes)
        report = _file_report(item.name, linted, config, outcome)
        if writes and outcome.changed:
            write_fixed(item.source, outcome.fixed, data, info)
            report = replace(report, fix=replace(outcome, written=True))
    except NotFixed as refusal:
        return _unfixed(item, raw, config, ruleset, producers, warning=str(refusal))
    except OSError as error:
        reason = f"{item.source}: cannot write the fixes: {error.strerror or error}; the file is unchanged"
        return _unfixed(item, raw, config, ruleset, producers, error=reason)
    return report


def _unfixed(item: _Input, raw: str, config: Config, ruleset: RuleSet, producers, warning: str | None = None,
             error: str | None = None) -> FileReport:
    """The report of a file --fix left as it is: the findings of its text, nothing counted as fixed."""
    doc = Document.from_text(raw, path=item.name, markup=config.markup)
    linted = lint(doc, ruleset, config, producers)
    report = _file_report(item.name, linted, config, FixOutcome(original=raw, fixed=raw))
    return replace(report, warnings=report.warnings + ((warning,) if warning else ()), error=error)


def _only_changed(report: FileReport, keep: Callable[[Finding], bool] | None) -> FileReport:
    if keep is None or report.error:
        return report
    return replace(
        report,
        findings=tuple(f for f in report.findings if keep(f)),
        signals=tuple(f for f in report.signals if keep(f)),
    )


# ------------------------------------------------------------------------------- short forms
def audit_text(
    text: str, config: Config | None = None, path: str = "<text>", reference: str | None = None
) -> Report:
    """Lint and score one text with these settings (no configuration file is read)."""
    config = config or Config()
    companions = {"reference": reference} if reference is not None else {}
    return run([Text(text, path)], Options(config=config, companions=companions))


def audit_document_text(
    text: str, path: str, config: Config, ruleset: RuleSet | None = None, reference: str | None = None
) -> FileReport:
    """Lint and score one text with a Config, as a FileReport (for batch scripts)."""
    ruleset = ruleset or RuleSet.load(config)
    doc = Document.from_text(text, path=path, markup=config.markup)
    companions = {"reference": reference} if reference is not None else {}
    linted = lint(doc, ruleset, config, companion_producers(companions))
    return _file_report(path, linted, config)


def audit_file(path: str, config: Config, reference: str | None = None) -> FileReport:
    """Lint and score one file (or '-') with a Config; an unreadable file gives a report with `error`."""
    companions = {"reference": reference} if reference is not None else {}
    return lint_input(_Input(path, source=path), config, companions)


__all__ = [
    "ConfigError",
    "GitError",
    "Options",
    "RuleError",
    "Text",
    "UsageError",
    "audit_document_text",
    "audit_many",
    "audit_file",
    "audit_text",
    "lint_input",
    "lint_inputs",
    "run",
]
