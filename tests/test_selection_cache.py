"""Compiled packs are keyed independently of the selection: a run with another --select, --ignore,
house style or --scores reuses the compiled packs (from the process, or from the disk cache in a new
process) instead of compiling ~400 rules again, and a selection of the packs finds what compiling
only the selected rules finds."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest

from audit import engine
from audit.config import Config
from audit.document import Document
from audit.engine import CompiledPacks, RuleSet, lint

from .conftest import SEEDS

SELECTIONS = [
    Config(select=("FF", "TE")),
    Config(select=("boilerplate", "REP", "SP", "QT"), ignore=("BP-REPEATED-LINE", "REP-DOUBLED-PHRASE")),
    Config(select=("casing", "TRL"), extend_select=("READ-LONG-SENTENCE",), house_style=(("zelensky", "Zelenskyy"),)),
    Config(select=("casing", "spacing", "BP-REPEATED-LINE"), scores=False),
]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty cache folder, nothing compiled in this process, and a count of the packs compiled."""
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MTAUDIT_NO_CACHE", raising=False)
    compiled: list[int] = []
    original = CompiledPacks.__init__

    def counting(self, rules, settings):
        compiled.append(len(rules))
        original(self, rules, settings)

    monkeypatch.setattr(CompiledPacks, "__init__", counting)
    engine._load_ruleset.cache_clear()
    engine._load_packs.cache_clear()
    yield compiled
    engine._load_ruleset.cache_clear()
    engine._load_packs.cache_clear()


def test_a_changed_selection_is_served_without_compiling_again(fresh_cache):
    RuleSet.load(Config())
    assert len(fresh_cache) == 1  # the first run compiles the packs
    for config in SELECTIONS:
        assert RuleSet.load(config).selected != RuleSet.load(Config()).selected
    assert len(fresh_cache) == 1  # in the same process: none again
    engine._load_ruleset.cache_clear()  # as a new process: from the disk cache
    engine._load_packs.cache_clear()
    for config in SELECTIONS + [Config(full_scores=True)]:
        RuleSet.load(config)
    assert len(fresh_cache) == 1
    RuleSet.load(Config(builtin_rules=False))  # other packs: compiled for them
    assert len(fresh_cache) == 2


def test_a_selection_of_the_packs_finds_what_compiling_the_selection_finds():
    texts = [seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt"))]
    texts.append("Headline\n\nLeave a Reply\n\nIn kyiv, the the talks began on Monday. He said that .\n")
    everything = RuleSet.load(Config())
    for config in SELECTIONS:
        from_packs = RuleSet(everything.all_rules, config, engine._load_packs(config.pack_settings()))
        alone = RuleSet(everything.all_rules, config)  # only the selected rules compiled
        assert from_packs.selected == alone.selected
        assert len(from_packs.scanning) == len(alone.scanning)
        for text in texts:
            doc = Document.from_text(text, path="story.txt")
            got = lint(doc, from_packs, config)
            want = lint(doc, alone, config)
            assert [dataclasses.astuple(f) for f in got.findings + got.signals] == [
                dataclasses.astuple(f) for f in want.findings + want.signals
            ], config


def test_each_environment_has_its_own_cache_folder(tmp_path, monkeypatch):
    """Without MTAUDIT_CACHE_DIR, the folder is one of this environment's (another installation's
    entries neither evict nor are read by this one's), created private like the folder itself."""
    from audit.rules import cache

    monkeypatch.delenv("MTAUDIT_CACHE_DIR", raising=False)
    monkeypatch.delenv("MTAUDIT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    here = cache.cache_dir()
    assert here is not None and here.parent == tmp_path / "mtaudit" and here.name.startswith("env-")
    monkeypatch.setattr(cache.sys, "prefix", "/another/environment")
    elsewhere = cache.cache_dir()
    assert elsewhere is not None and elsewhere.parent == here.parent and elsewhere != here
    assert cache.cached_value("probe-1.pickle", lambda: 1, lambda value: True) == 1
    assert cache.cached_value("probe-1.pickle", lambda: 2, lambda value: True) == 1  # stored in its folder
    assert (elsewhere / "probe-1.pickle").is_file() and not here.exists()
    assert (here.parent.stat().st_mode & 0o777) == 0o700 and (elsewhere.stat().st_mode & 0o777) == 0o700


def _lazy_patterns() -> list:
    """The LazyPatterns anywhere in the compiled packs of the default settings (this process's)."""
    import io
    import pickle

    from audit.rules.cache import LazyPattern

    found: dict[int, LazyPattern] = {}

    class Finder(pickle.Pickler):
        def persistent_id(self, obj):
            if isinstance(obj, LazyPattern):
                found[id(obj)] = obj
                return id(obj)
            return None

    Finder(io.BytesIO()).dump(engine._load_packs(Config().pack_settings()))
    return list(found.values())


def test_packs_from_the_disk_cache_make_their_patterns_when_used_and_find_the_same(fresh_cache):
    """The `regex` patterns of packs loaded from the disk cache are made on first use (LazyPattern):
    none is made by loading, and the findings are those of the packs as compiled."""
    texts = [seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt"))]
    compiled = RuleSet.load(Config())
    want = [lint(Document.from_text(text, path="story.txt"), compiled, Config()) for text in texts]
    assert _lazy_patterns() == []
    engine._load_ruleset.cache_clear()  # as a new process: from the disk cache
    engine._load_packs.cache_clear()
    loaded = RuleSet.load(Config())
    assert len(fresh_cache) == 1
    lazy = _lazy_patterns()
    assert len(lazy) > 100 and not any("_compiled" in vars(pattern) for pattern in lazy)
    got = [lint(Document.from_text(text, path="story.txt"), loaded, Config()) for text in texts]
    for mine, theirs in zip(got, want, strict=True):
        assert [dataclasses.astuple(f) for f in mine.findings + mine.signals] == [
            dataclasses.astuple(f) for f in theirs.findings + theirs.signals
        ]
    assert 0 < sum("_compiled" in vars(pattern) for pattern in lazy) < len(lazy)


def test_a_lazy_pattern_reads_as_its_pattern_and_pickles_lazy():
    import copy
    import pickle

    import regex

    from audit.rules.cache import LazyPattern, _pickle, _unpickle

    pattern = regex.compile(r"(?i)\b(?P<word>\L<names>)\s+said", names=["Kyiv", "Odesa"])
    (loaded,) = _unpickle(memoryview(_pickle([pattern])))
    assert isinstance(loaded, LazyPattern) and "_compiled" not in vars(loaded)
    assert loaded.pattern == pattern.pattern and loaded.flags == pattern.flags
    text = "In KYIV said the mayor; odesa  said too."
    assert [m.span("word") for m in loaded.finditer(text)] == [m.span("word") for m in pattern.finditer(text)]
    assert loaded.sub("X", text) == pattern.sub("X", text)
    again = pickle.loads(pickle.dumps(loaded))
    assert isinstance(again, LazyPattern) and "_compiled" not in vars(again) and again.search(text)
    assert copy.deepcopy(loaded).search(text).group() == pattern.search(text).group()


def test_an_unpickled_entry_goes_to_the_oldest_generation_and_leaves_nothing_frozen():
    import gc

    from audit.rules.cache import _pickle, _unpickle

    payload = memoryview(_pickle([[n] for n in range(100)]))
    loaded = _unpickle(payload)
    assert loaded == [[n] for n in range(100)] and gc.get_freeze_count() == 0
    assert any(o is loaded for o in gc.get_objects(generation=2))
    gc.freeze()  # a process that froze objects itself: they stay frozen
    try:
        frozen = gc.get_freeze_count()
        assert _unpickle(payload) == loaded and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_an_entry_loaded_by_a_process_that_said_it_froze_objects_is_left_young_without_counting_them(monkeypatch):
    import gc

    from audit.rules import cache

    payload = memoryview(cache._pickle([[n] for n in range(100)]))

    def counted() -> int:  # walks every frozen object: the command line's 33,000
        raise AssertionError("gc.get_freeze_count called")

    monkeypatch.setattr(cache, "_process_frozen", True)
    monkeypatch.setattr(cache.gc, "get_freeze_count", counted)
    loaded = cache._unpickle(payload)
    assert loaded == [[n] for n in range(100)]
    assert any(o is loaded for o in gc.get_objects(generation=0))  # neither frozen nor moved


def test_the_command_line_says_it_froze_its_objects(tmp_path):
    text = tmp_path / "story.txt"
    text.write_text("Officials in kyiv met on Monday.\n", encoding="utf-8")
    program = (  # a one-file lint whose loading of the cached packs must not count the frozen objects
        "import gc, sys\n"
        "def counted():\n"
        "    sys.stderr.write('gc.get_freeze_count called\\n'); sys.stderr.flush(); import os; os._exit(70)\n"
        "gc.get_freeze_count = counted\n"
        f"sys.argv = ['mtaudit', 'lint', {str(text)!r}]\n"
        "from audit.__main__ import main\n"
        "main()\n"
    )
    env = {**os.environ, "MTAUDIT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("MTAUDIT_NO_CACHE", None)
    for _ in range(2):  # the first run fills the cache, the second loads the packs from it
        done = subprocess.run([sys.executable, "-c", program], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 1 and "CASE-UKRAINE-CITIES" in done.stdout, done.stderr
