"""Fidelity against the original, measured by controlled damage.

    python bench/fidelity.py [--pairs PATH] [--langs ru,uk,de,cs,zh,ja] [--half all|dev|test]
                             [--limit N] [--seed 1] [--long] [--show KIND]

Reads ../shared/data/wmt-dev-sources.jsonl.gz (originals with their professional reference
translations, segment by segment), or with --pairs another file of that shape (JSON lines, gzipped
or not, kept outside the project): then every language in it is measured unless --langs says
otherwise, and the replacement names and added sentences come from that file. Each clean pair
(reference, original) is compared as it is (the comparison's notes are counted: "no number rules for
…"); then copies of the reference each get one damage of six kinds:

    omitted      a passage (a segment of 8 words or more) deleted
    number       a number that occurs in the original changed
    name         a name that occurs in the original replaced by a name from another document (in Chinese
                 and Japanese: written in Latin letters, spelled by the characters' readings, or katakana)
    quote        a quotation deleted (one the original also quotes)
    untranslated a segment left in the original language (the original's segment put back)
    added        a sentence from another document inserted

"found" is a finding (any FID rule, any severity) positioned at the damaged place: overlapping the
changed segment, or the segments on either side of a deletion; "by chance" is the same test on the
clean copy at the same place. The documents are split in two halves by a hash of their id: `dev`
was looked at while developing, `test` was not (the default prints both and all).

With --long: the time and peak memory of `mtaudit compare` on two 4,000-sentence articles (made by
joining references and originals), for an English reference and for a Russian original.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import subprocess
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "wmt-dev-sources.jsonl.gz"
TARGET_LANGS = ("ru", "uk", "de", "cs", "zh", "ja")
KINDS = ("omitted", "number", "name", "quote", "untranslated", "added")
MIN_SEGMENT_WORDS = 8

from audit.config import Config  # noqa: E402
from audit.engine import RuleSet  # noqa: E402
from audit.fidelity import compare  # noqa: E402
from audit.fidelity.compare import READABLE  # noqa: E402
from audit.fidelity.names import ENGLISH_COMMON_CAPITALS, common_english, transliterate  # noqa: E402
from audit.fidelity.readings import Reader  # noqa: E402
from audit.fidelity.text import fold  # noqa: E402

_NUMBER = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?![\d])")
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]{3,}(?:['’]s)?\b")
_QUOTE = re.compile(r"“[^“”]+”|\"[^\"]+\"")
_SOURCE_QUOTE = re.compile(r"[«„“\"「『]")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def half_of(doc_id: str) -> str:
    return "dev" if zlib.crc32(doc_id.encode()) % 2 == 0 else "test"


def words(text: str) -> int:
    return len(text.split())


def join(segments: list[str]) -> str:
    return " ".join(s.strip() for s in segments if s.strip())


def spans_of(segments: list[str]) -> list[tuple[int, int]]:
    """Character spans of the segments in join(segments)."""
    spans, offset = [], 0
    for segment in segments:
        segment = segment.strip()
        if not segment:
            spans.append((offset, offset))
            continue
        spans.append((offset, offset + len(segment)))
        offset += len(segment) + 1
    return spans


# ------------------------------------------------------------------------------ damage
def _digits_in(text: str) -> set[str]:
    return {d for d in re.findall(r"\d+", text.translate(_FULL_WIDTH))}


def _name_in_original(name: str, source: str, lang: str) -> bool:
    """Does the original segment have this name: the same word (Latin script, first four letters
    folded), a Cyrillic word whose plain transliteration starts the same way, or (Chinese and
    Japanese) characters that spell it or katakana that sound like it?"""
    if lang in READABLE and Reader(source, [(0, len(source))], lang).occurrences(name):
        return True
    key = _loose(fold(name.rstrip("’'s"))[:4])
    for word in re.findall(r"[^\W\d_]+", source):
        latin = fold(word) if word.isascii() or fold(word).isascii() else transliterate(word)
        if _loose(latin[:4]) == key:
            return True
    return False


def _loose(text: str) -> str:
    return text.replace("y", "i").replace("j", "i").replace("h", "g").replace("w", "v")


def damages(
    doc: dict, names: list[str], sentences: list[str], rng: random.Random
) -> dict[str, tuple[list[str], int, str]]:
    """kind -> (damaged reference segments, index of the damaged place, description)."""
    src, ref = doc["source_segments"], doc["reference_segments"]
    out: dict[str, tuple[list[str], int, str]] = {}
    n = len(ref)
    long = [k for k in range(n) if words(ref[k]) >= MIN_SEGMENT_WORDS]
    if len(long) >= 1 and n >= 3:
        k = rng.choice(long)
        out["omitted"] = (ref[:k] + ref[k + 1 :], k, ref[k][:60])
    candidates = []
    for k in range(n):
        digits = _digits_in(src[k])
        for match in _NUMBER.finditer(ref[k]):
            plain = match.group().replace(",", "").split(".")[0]
            if plain in digits and plain not in ("0",):
                candidates.append((k, match))
    if candidates:
        k, match = rng.choice(candidates)
        old = match.group()
        value = int(old.replace(",", "").split(".")[0])
        year = 1900 <= value <= 2100
        new_value = value + (rng.choice([-2, -1, 1, 2]) if year else rng.choice([1, 2, 3, 5, 7, 9, 10]))
        new = f"{new_value:,}" if "," in old else str(new_value)
        damaged = ref[:k] + [ref[k][: match.start()] + new + ref[k][match.end() :]] + ref[k + 1 :]
        out["number"] = (damaged, k, f"{old} -> {new}")
    candidates = []
    for k in range(n):
        for match in _NAME.finditer(ref[k]):
            word = match.group()
            bare = re.sub(r"['’]s$", "", word)
            if bare in ENGLISH_COMMON_CAPITALS:
                continue
            if _name_in_original(bare, src[k], doc["src_lang"]):
                candidates.append((k, bare))
    if candidates and names:
        k, name = rng.choice(candidates)
        replacement = rng.choice([p for p in names if fold(p)[:3] != fold(name)[:3]] or names)
        damaged = ref[:k] + [re.sub(rf"\b{re.escape(name)}\b", replacement, ref[k])] + ref[k + 1 :]
        out["name"] = (damaged, k, f"{name} -> {replacement}")
    candidates = []
    for k in range(n):
        if not _SOURCE_QUOTE.search(src[k]):
            continue
        for match in _QUOTE.finditer(ref[k]):
            if words(match.group()) >= 4:
                candidates.append((k, match))
    if candidates:
        k, match = rng.choice(candidates)
        rest = (ref[k][: match.start()] + ref[k][match.end() :]).strip()
        rest = re.sub(r"^[,:\s]+|\s+([,.])", r"\1", rest)
        rest = re.sub(r"\s{2,}", " ", rest)
        damaged = ref[:k] + ([rest] if words(rest) >= 2 else []) + ref[k + 1 :]
        out["quote"] = (damaged, k, match.group()[:60])
    long_src = [k for k in range(n) if k < len(src) and words(ref[k]) >= MIN_SEGMENT_WORDS and src[k].strip()]
    if long_src:
        k = rng.choice(long_src)
        out["untranslated"] = (ref[:k] + [src[k]] + ref[k + 1 :], k, src[k][:60])
    own = set(ref)
    others = [p for p in sentences if words(p) >= MIN_SEGMENT_WORDS and p not in own]
    if others and n >= 2:
        k = rng.randrange(1, n + 1)
        sentence = rng.choice(others)
        out["added"] = (ref[:k] + [sentence] + ref[k:], k, sentence[:60])
    return out


def place(kind: str, damaged: list[str], k: int, clean: list[str]) -> tuple[tuple[int, int], tuple[int, int]]:
    """(span in the damaged text, span in the clean text) where a finding counts as found."""
    d_spans, c_spans = spans_of(damaged), spans_of(clean)

    def cover(spans: list[tuple[int, int]], first: int, last: int) -> tuple[int, int]:
        first, last = max(first, 0), min(last, len(spans) - 1)
        return spans[first][0], spans[last][1]

    if kind == "omitted":
        return cover(d_spans, k - 1, k), cover(c_spans, k - 1, k + 1)
    if kind == "added":
        return cover(d_spans, k, k), cover(c_spans, k - 1, k)
    if kind == "quote" and len(damaged) < len(clean):  # the whole segment was the quotation
        return cover(d_spans, k - 1, k), cover(c_spans, k - 1, k + 1)
    return cover(d_spans, k, k), cover(c_spans, k, k)


def name_pool(rows: list[dict]) -> list[str]:
    """Replacement names: words the references write capitalised mid-sentence at least twice and
    never in lower case, that are not common English words (a pool of real names, not "Railway")."""
    capitalised: dict[str, int] = defaultdict(int)
    lowercase: set[str] = set()
    for row in rows:
        for segment in row["reference_segments"]:
            lowercase.update(w for w in re.findall(r"\b[a-z][a-z]{3,}\b", segment))
            for match in _NAME.finditer(segment):
                capitalised[match.group()] += 1
    return sorted(word for word, count in capitalised.items()
                  if count >= 2 and word.lower() not in lowercase and not common_english(word)
                  and not word.endswith("s"))


# ------------------------------------------------------------------------------ running
def read_pairs(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def languages_of(rows: list[dict]) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        counts[row["src_lang"]] += 1
    return sorted(counts, key=lambda lang: (-counts[lang], lang))


def hits_of(translation: str, original: str, lang: str | None) -> list:
    return compare(translation, original, lang, metrics=False).hits


def overlaps(hit, span: tuple[int, int]) -> bool:
    return hit.start < span[1] and span[0] < hit.end


def run(args: argparse.Namespace) -> None:
    severities = {r.id: r.severity for r in RuleSet.load(Config()).all_rules if r.id.startswith("FID-")}
    every_row = read_pairs(args.data)
    own_data = args.data.resolve() == DEFAULT_DATA.resolve()
    langs = args.langs.split(",") if args.langs else list(TARGET_LANGS) if own_data else languages_of(every_row)
    rows = [r for r in every_row if r["src_lang"] in langs]
    if args.half != "all":
        rows = [r for r in rows if half_of(r["doc"]) == args.half]
    if args.limit:
        per: dict[str, int] = defaultdict(int)
        kept = []
        for row in rows:
            if per[row["src_lang"]] < args.limit:
                per[row["src_lang"]] += 1
                kept.append(row)
        rows = kept
    # the damage of a document does not depend on which languages, half or limit are printed: the
    # replacement names and added sentences come from every document of the target languages
    pool_rows = [r for r in every_row if r["src_lang"] in TARGET_LANGS] if own_data else every_row
    pool_names = name_pool(pool_rows)
    pool_sentences = [segment for row in pool_rows for segment in row["reference_segments"]]
    # (half, language, kind) -> [damaged copies, found at the place, found by chance on the clean copy]
    found: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    # (half, language) -> [documents, findings, documents with a major or critical finding]
    clean: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0, 0])
    rule_counts: dict[str, int] = defaultdict(int)
    notes: dict[tuple[str, str], int] = defaultdict(int)  # (language, note of the comparison) -> clean pairs
    started = time.perf_counter()
    compared = 0
    for row in rows:
        lang, half = row["src_lang"], half_of(row["doc"])
        reference, source = row["reference_segments"], row["source_segments"]
        original = join(source)
        clean_text = join(reference)
        comparison = compare(clean_text, original, lang if args.given_lang else None, metrics=False)
        clean_hits = comparison.hits
        for note in comparison.notes:
            notes[(lang, note)] += 1
        compared += 1
        major = any(severities.get(h.rule) in ("major", "critical") for h in clean_hits)
        stats = clean[(half, lang)]
        stats[0] += 1
        stats[1] += len(clean_hits)
        stats[2] += major
        for hit in clean_hits:
            rule_counts[hit.rule] += 1
        if args.show == "clean" and major:
            print(f"--- clean {row['doc']} ({lang})")
            for hit in clean_hits:
                if severities.get(hit.rule) in ("major", "critical"):
                    print(f"    {hit.rule}: {clean_text[hit.start:hit.end][:80]!r} | {hit.message[:160]}")
        doc_rng = random.Random(f"{args.seed}:{row['doc']}")
        for kind, (damaged, k, what) in damages(row, pool_names, pool_sentences, doc_rng).items():
            damaged_text = join(damaged)
            damaged_hits = hits_of(damaged_text, original, lang if args.given_lang else None)
            compared += 1
            d_span, c_span = place(kind, damaged, k, reference)
            hit_here = any(overlaps(h, d_span) for h in damaged_hits)
            chance = any(overlaps(h, c_span) for h in clean_hits)
            counts = found[(half, lang, kind)]
            counts[0] += 1
            counts[1] += hit_here
            counts[2] += chance
            if args.show == kind and not hit_here:
                print(f"--- missed {kind} in {row['doc']} ({lang}): {what}")
                print(f"    at: {damaged_text[d_span[0]:d_span[1]][:200]!r}")
                for hit in damaged_hits:
                    print(f"    {hit.rule}: {damaged_text[hit.start:hit.end][:60]!r} | {hit.message[:120]}")
    elapsed = time.perf_counter() - started
    _report(found, clean, langs, rule_counts, elapsed, compared)
    for (lang, note), count in sorted(notes.items()):
        print(f"note on {count} clean {lang} pair(s): {note}")


def _report(found, clean, langs, rule_counts, elapsed, compared) -> None:
    for half in ("all", "dev", "test"):
        print(f"\n== {half}: " + {"all": "every document", "dev": "the half looked at while developing",
                                   "test": "the held-out half"}[half])
        header = f"{'kind':<13}" + "".join(f"{lang:>15}" for lang in langs) + f"{'all':>15}"
        print("found at the damaged place / by chance on the clean copy (n)")
        print(header)
        for kind in KINDS:
            cells = []
            total = [0, 0, 0]
            for lang in langs:
                counts = [0, 0, 0]
                for (h, language, k), c in found.items():
                    if language == lang and k == kind and (half == "all" or h == half):
                        counts = [a + b for a, b in zip(counts, c, strict=True)]
                total = [a + b for a, b in zip(total, counts, strict=True)]
                cells.append(_cell(counts))
            print(f"{kind:<13}" + "".join(f"{c:>15}" for c in cells) + f"{_cell(total):>15}")
        print("clean pairs: findings per document / share of documents with a major or critical finding (docs)")
        line = []
        total = [0, 0, 0]
        for lang in langs:
            stats = [0, 0, 0]
            for (h, language), s in clean.items():
                if language == lang and (half == "all" or h == half):
                    stats = [a + b for a, b in zip(stats, s, strict=True)]
            total = [a + b for a, b in zip(total, stats, strict=True)]
            line.append(_clean_cell(stats))
        print(f"{'clean':<13}" + "".join(f"{c:>15}" for c in line) + f"{_clean_cell(total):>15}")
    print("\nfindings on the clean pairs by rule: " + ", ".join(f"{r} {n}" for r, n in sorted(rule_counts.items())))
    print(f"{compared} comparisons in {elapsed:.1f} s ({1000 * elapsed / max(compared, 1):.0f} ms each)")


def _cell(counts: list[int]) -> str:
    n, hit, chance = counts
    if not n:
        return "-"
    return f"{hit / n:.2f}/{chance / n:.2f} ({n})"


def _clean_cell(stats: list[float]) -> str:
    docs, findings, major = stats
    if not docs:
        return "-"
    return f"{findings / docs:.1f}/{100 * major / docs:.0f}% ({docs:.0f})"


# ------------------------------------------------------------------------------ long articles
def long_articles(args: argparse.Namespace, sentences: int = 4000) -> None:
    rows = read_pairs(args.data)
    for lang in ("en", "ru"):
        source_rows = [r for r in rows if r["src_lang"] in ("ru", "uk")]
        translation, original = [], []
        for row in source_rows:
            for ref, src in zip(row["reference_segments"], row["source_segments"], strict=False):
                translation.append(ref)
                original.append(src if lang == "ru" else ref)
                if len(translation) >= sentences:
                    break
            if len(translation) >= sentences:
                break
        if lang == "en":  # a reference that is a light edit of the translation
            original = [s.replace(" the ", " a ", 1) for s in original]
        with tempfile.TemporaryDirectory() as folder:
            a, b = Path(folder, "translation.txt"), Path(folder, "original.txt")
            a.write_text("\n\n".join(translation) + "\n", encoding="utf-8")
            b.write_text("\n\n".join(original) + "\n", encoding="utf-8")
            code = (
                "import resource, subprocess, sys, time; t = time.perf_counter(); "
                "p = subprocess.run([sys.executable, '-m', 'audit', 'compare', '--format', 'json', sys.argv[1], "
                "sys.argv[2]], capture_output=True); "
                "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
                "print(p.returncode, round(time.perf_counter() - t, 2), round(u.ru_utime + u.ru_stime, 2), "
                "u.ru_maxrss // 1024)"
            )
            result = subprocess.run([sys.executable, "-c", code, str(a), str(b)], capture_output=True, text=True,
                                    cwd=ROOT, check=True)
            status, seconds, cpu, megabytes = result.stdout.split()
            label = "English reference" if lang == "en" else "Russian and Ukrainian original"
            print(f"compare, {len(translation)} sentences a side, {label}: {seconds} s ({cpu} s of CPU), "
                  f"peak {megabytes} MB (exit {status})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", "--data", dest="data", type=Path, default=DEFAULT_DATA,
                        help="JSON lines of originals and English translations (default: the development set)")
    parser.add_argument("--langs", default="", help="languages to measure (default: ru,uk,de,cs,zh,ja on the "
                        "development set, every language of a --pairs file)")
    parser.add_argument("--half", choices=("all", "dev", "test"), default="all")
    parser.add_argument("--limit", type=int, default=0, help="documents per language")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--given-lang", action="store_true", help="pass the language instead of detecting it")
    parser.add_argument("--show", default="", help="print the misses of one kind, or 'clean' majors")
    parser.add_argument("--long", action="store_true", help="only time compare on 4,000-sentence articles")
    args = parser.parse_args()
    if args.long:
        long_articles(args)
        return
    run(args)


if __name__ == "__main__":
    main()
