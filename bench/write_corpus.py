"""Write the development set's texts as files, one article a file, for bench/throughput.py.

    python bench/write_corpus.py OUT_DIR [--devset PATH] [--limit N] [--repeat K] [--concat K]

--repeat K writes every article K times (K times the files: the file-count scaling); --concat K
writes each file as K articles joined by blank lines (K times the size per file: the size scaling).
The files are named 00000.txt, 00001.txt, …; OUT_DIR is emptied of earlier *.txt files first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from devset import DEFAULT_DEVSET, load_devset  # noqa: E402


def write_corpus(out: Path, texts: list[str], repeat: int = 1, concat: int = 1) -> int:
    """Write the files; return how many."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    count = 0
    for _copy in range(repeat):
        for index in range(len(texts)):
            parts = [texts[(index + k) % len(texts)] for k in range(concat)]
            (out / f"{count:05d}.txt").write_text("\n\n".join(parts) + "\n", encoding="utf-8")
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--repeat", type=int, default=1, help="write the article set K times")
    parser.add_argument("--concat", type=int, default=1, help="K articles to a file")
    args = parser.parse_args()
    texts = [row["text"] for row in load_devset(args.devset, args.limit)]
    count = write_corpus(args.out, texts, args.repeat, args.concat)
    print(f"{count} files written to {args.out}")


if __name__ == "__main__":
    main()
