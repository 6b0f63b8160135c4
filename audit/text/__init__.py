"""The text layer: what checks, scoring and the document model all need to read English prose, and
nothing else of mtaudit (it imports no other module of the package).

- `words`: the word pattern, letter words and the English function-word share;
- `folding`: lower-casing that keeps offsets (for the phrase automaton and prefilters);
- `plain`: whether Python's `re` may stand in for the `regex` module on a text;
- `sentences`: sentence boundaries inside a paragraph;
- `lexicon`: English dictionary words, looked up in the CMU dictionary's sorted file;
- `language`: language detection (a function-word and dictionary pre-check, then a seeded langdetect);
- `lazy`: module-level patterns compiled when first used (start-up);
- `shipped`: module-level patterns made from their compiled form shipped with the package (start-up).
"""

from .folding import fold
from .words import ENGLISH_FUNCTION_WORDS, WORD, english_share, letter_words

__all__ = ["ENGLISH_FUNCTION_WORDS", "WORD", "english_share", "fold", "letter_words"]
