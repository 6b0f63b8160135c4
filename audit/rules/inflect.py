"""Just enough English inflection for phrase rules: the forms of a word, and carrying the form of a
matched word over to its suggestion (reprimanded -> rebuked)."""

from __future__ import annotations

from ..text.words import ENGLISH_FUNCTION_WORDS

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("says", "said", "saying"),
    "hold": ("holds", "held", "holding"),
    "make": ("makes", "made", "making"),
    "take": ("takes", "took", "taken", "taking"),
    "give": ("gives", "gave", "given", "giving"),
    "meet": ("meets", "met", "meeting"),
    "lead": ("leads", "led", "leading"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "tell": ("tells", "told", "telling"),
    "bring": ("brings", "brought", "bringing"),
    "carry": ("carries", "carried", "carrying"),
    "undertake": ("undertakes", "undertook", "undertaken", "undertaking"),
    "understand": ("understands", "understood", "understanding"),
    "be": ("is", "are", "was", "were", "been", "being"),
    "have": ("has", "had", "having"),
    "do": ("does", "did", "done", "doing"),
    "go": ("goes", "went", "gone", "going"),
    "put": ("puts", "putting"),
    "set": ("sets", "setting"),
    "find": ("finds", "found", "finding"),
    "send": ("sends", "sent", "sending"),
    "fight": ("fights", "fought", "fighting"),
    "strike": ("strikes", "struck", "striking"),
    "shoot": ("shoots", "shot", "shooting"),
    "break": ("breaks", "broke", "broken", "breaking"),
    "choose": ("chooses", "chose", "chosen", "choosing"),
    "begin": ("begins", "began", "begun", "beginning"),
    "keep": ("keeps", "kept", "keeping"),
    "leave": ("leaves", "left", "leaving"),
    "seek": ("seeks", "sought", "seeking"),
    "draw": ("draws", "drew", "drawn", "drawing"),
    "man": ("men",),
    "woman": ("women",),
    "child": ("children",),
    "person": ("people", "persons"),
    "stratum": ("strata",),
}
_VOWELS = "aeiou"


def forms(word: str) -> set[str]:
    """The word and its regular (and a few irregular) inflected forms, lower-case."""
    word = word.lower()
    result = {word}
    if word in _IRREGULAR:
        result.update(_IRREGULAR[word])
        return result
    if not word.isalpha() or len(word) < 3:
        return result
    if word.endswith("e"):
        result |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and word[-2] not in _VOWELS:
        result |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        result |= {word + "es", word + "ed", word + "ing"}
    else:
        result |= {word + "s", word + "ed", word + "ing"}
        if _cvc(word):
            result |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return result


def _cvc(word: str) -> bool:
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS + "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
        and len(word) <= 5
    )


def _suffix_of(base: str, matched: str) -> str | None:
    """Which inflection turned base into matched: 's', 'ed', 'ing' or None."""
    base, matched = base.lower(), matched.lower()
    if base == matched:
        return None
    if base in _IRREGULAR and matched in _IRREGULAR[base]:
        for form, suffix in zip(_IRREGULAR[base], ("s", "ed", "ed", "ing"), strict=False):
            if form == matched:
                return suffix
        return None
    if matched.endswith("ing"):
        return "ing"
    if matched.endswith(("ed", "ied")) or (base.endswith("e") and matched == base + "d"):
        return "ed"
    if matched.endswith("s"):
        return "s"
    return None


def _apply(word: str, suffix: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR:
        irregular = _IRREGULAR[lower]
        table = {"s": irregular[0], "ed": irregular[1] if len(irregular) > 2 else None, "ing": irregular[-1]}
        if table.get(suffix):
            return _match_case(word, table[suffix])
    if suffix == "s":
        if lower.endswith("y") and lower[-2:-1] not in tuple(_VOWELS):
            return word[:-1] + "ies"
        if lower.endswith(("s", "x", "z", "ch", "sh")):
            return word + "es"
        return word + "s"
    if suffix == "ed":
        if lower.endswith("e"):
            return word + "d"
        if lower.endswith("y") and lower[-2:-1] not in tuple(_VOWELS):
            return word[:-1] + "ied"
        return word + "ed"
    if suffix == "ing":
        if lower.endswith("e") and not lower.endswith("ee"):
            return word[:-1] + "ing"
        return word + "ing"
    return word


def _inflectable(word: str) -> bool:
    """A content word: function words (in, of, the, that) take no inflection ("in" never becomes "ins")."""
    return word.isalpha() and word.lower() not in ENGLISH_FUNCTION_WORDS


def carry_form(base_phrase: str, matched: str, suggestion: str) -> str:
    """Carry the inflection of the matched phrase's first and last words over to the suggestion,
    and its initial capital: ('reprimand', 'Reprimanded', 'rebuke') -> 'Rebuked'."""
    base_words = base_phrase.split()
    matched_words = matched.split()
    words = suggestion.split(" ")
    if base_words and matched_words and len(base_words) == len(matched_words) and words:
        first = _suffix_of(base_words[0], matched_words[0])
        if first and len(words) >= 1 and _inflectable(words[0]):
            words[0] = _apply(words[0], first)
        if len(base_words) > 1:
            last = _suffix_of(base_words[-1], matched_words[-1])
            if last == "s" and _inflectable(words[-1]):
                words[-1] = _apply(words[-1], "s")
    result = " ".join(words)
    return _match_case(matched, result)


def _match_case(model: str, text: str) -> str:
    if not model or not text:
        return text
    if model.isupper() and len(model) > 1:
        # a headline in capitals keeps its capitals; an acronym (MFA, AFU) does not pass them on
        return text if _is_acronym(model) else text.upper()
    if model[0].isupper() and text[0].islower():
        return text[0].upper() + text[1:]
    return text


def _is_acronym(word: str) -> bool:
    return " " not in word and len(word) <= 5
