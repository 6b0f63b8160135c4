"""The rule-set cache cannot run code (issue rows 1 and 17): a planted pickle, a link, a folder
another user owns or can write, a key others could read, an entry of the wrong type. A planted
protocol-0 pickle would create MARKER when unpickled; it never may."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from audit import engine
from audit.config import Config
from audit.rules import cache

from .forked import IS_ROOT, run_forked
from .test_parallel import PACK


class Built:
    """What the tests' build() returns (a RuleSet in real use)."""

    def __init__(self, number: int) -> None:
        self.number = number


@pytest.fixture
def setup(tmp_path, monkeypatch):
    pack = tmp_path / "packs" / "a.toml"
    pack.parent.mkdir()
    pack.write_text(PACK.format(phrase="comfort force"))
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("MTAUDIT_NO_CACHE", raising=False)
    marker = tmp_path / "owned"
    calls: list[int] = []

    def build() -> Built:
        calls.append(1)
        return Built(len(calls))

    def load() -> Built:
        return cache.cached(lambda: ([pack], Config()), build, Built)

    entry = folder / f"rules-{cache.fingerprint([pack], Config())[:40]}.pickle"
    payload = f"cos\nmkdir\n(S'{marker}'\ntR.".encode()  # protocol 0: os.mkdir(marker) when loaded
    return load, entry, payload, marker, folder


def test_a_planted_pickle_is_never_loaded(setup, tmp_path):
    load, entry, payload, marker, folder = setup
    assert load().number == 1  # builds, stores, makes the key
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / cache.KEY_NAME).stat().st_mode) == 0o600
    assert load().number == 1  # read back
    entry.write_bytes(payload)  # a plain pickle under the entry's name
    assert load().number == 2 and not marker.exists()
    entry.write_bytes(cache.MAGIC + b"\0" * 32 + payload)  # the header, a forged MAC
    assert load().number == 3 and not marker.exists()
    assert load().number == 3  # the rebuilt entry replaced it


def test_a_link_in_place_of_an_entry_is_not_followed(setup, tmp_path):
    load, entry, payload, marker, folder = setup
    load()
    planted = tmp_path / "elsewhere.pickle"
    planted.write_bytes(entry.read_bytes())  # even a valid entry: not through a link
    entry.unlink()
    entry.symlink_to(planted)
    assert load().number == 2 and not marker.exists()


def test_a_folder_others_can_write_or_own_or_that_is_a_link_is_not_used(setup, tmp_path, monkeypatch):
    load, entry, payload, marker, folder = setup
    load()
    entry.write_bytes(payload)
    folder.chmod(0o777)  # a shared cache folder
    assert load().number == 2 and not marker.exists()
    assert entry.read_bytes() == payload  # not used at all: nothing written either
    folder.chmod(0o700)
    builds = 2
    if IS_ROOT:
        os.chown(folder, 4242, 4242)  # another user's folder
        builds += 1
        assert load().number == builds and not marker.exists()
        os.chown(folder, os.geteuid(), os.getegid())
    link = tmp_path / "link-to-cache"
    link.symlink_to(folder)
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(link))  # the folder itself may not be a link
    assert load().number == builds + 1 and not marker.exists()


def test_a_key_others_could_read_or_write_is_replaced(setup, tmp_path):
    load, entry, payload, marker, folder = setup
    load()
    key = folder / cache.KEY_NAME
    old = key.read_bytes()
    key.chmod(0o644)
    assert load().number == 2  # the old key is not trusted: entries under it are rebuilt
    assert key.read_bytes() != old and stat.S_IMODE(key.stat().st_mode) == 0o600
    if IS_ROOT:
        os.chown(key, 4242, 4242)
        assert load().number == 3 and key.stat().st_uid == os.geteuid()


def test_an_authenticated_entry_of_the_wrong_type_is_rebuilt(setup):
    load, entry, payload, marker, folder = setup
    load()
    opened = cache.CacheFolder.open(folder)
    assert opened is not None
    try:
        opened.store(entry.name, {"not": "a rule set"})  # signed with the user's own key
    finally:
        opened.close()
    assert load().number == 2


@pytest.fixture
def nothing_compiled():
    """No packs compiled in this process (a forked child then builds them and reads the cache)."""
    engine._load_ruleset.cache_clear()
    engine._load_packs.cache_clear()
    yield
    engine._load_ruleset.cache_clear()
    engine._load_packs.cache_clear()


def test_the_command_line_with_a_hostile_cache_folder(tmp_path, nothing_compiled):
    """End to end: a planted entry for every rule-set key is never loaded and the run is right."""
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    marker = tmp_path / "owned"
    story = tmp_path / "story.txt"
    story.write_text("Talks in kyiv.\n")
    payload = f"cos\nmkdir\n(S'{marker}'\ntR.".encode()
    env = {"MTAUDIT_CACHE_DIR": str(folder)}
    first = run_forked("lint", "--no-scores", "--select", "CASE", str(story), env=env)
    entries = sorted(folder.glob("rules-*.pickle"))
    assert first.returncode == 1 and entries
    for entry in entries:
        entry.write_bytes(payload)
    again = run_forked("lint", "--no-scores", "--select", "CASE", str(story), env=env)
    assert again.stdout == first.stdout and not marker.exists()
    assert all(entry.read_bytes().startswith(cache.MAGIC) for entry in entries)


def test_pickle_is_only_loaded_after_the_mac(monkeypatch, setup):
    """No path of the cache module unpickles bytes it has not authenticated."""
    load, entry, payload, marker, folder = setup
    load()
    seen: list[bytes] = []
    real_loads = pickle.loads
    monkeypatch.setattr(cache.pickle, "loads", lambda data: seen.append(bytes(data)) or real_loads(data))
    entry.write_bytes(payload)
    load()
    assert seen == []
    assert Path(entry).read_bytes().startswith(cache.MAGIC)


def test_the_readability_tables_go_through_the_same_authenticated_cache(tmp_path, monkeypatch):
    import pyphen

    from audit.scoring import readability

    folder = tmp_path / "cache"
    marker = tmp_path / "owned"
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("MTAUDIT_NO_CACHE", raising=False)
    hyphenation = pyphen.Pyphen(lang="en_US").hd
    monkeypatch.setattr(readability, "_build", lambda locations: ({"talks": 1, "officials": 4}, hyphenation))
    table, _ = readability._data()  # built and stored (a small table: the real one takes a second to build)
    (entry,) = folder.glob("readability-*.pickle")
    entry.write_bytes(f"cos\nmkdir\n(S'{marker}'\ntR.".encode())
    again, _ = readability._data()
    words = ("talks", "officials", "official", "a", "zzz")
    assert [again.get(w) for w in words] == [table.get(w) for w in words] == [1, 4, None, None, None]
    assert not marker.exists()
