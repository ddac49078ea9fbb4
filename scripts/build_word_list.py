"""Rebuild ``app/geoparse/data/common_words.txt.gz``: the lower-case entries of SCOWL's American and British word
lists (Debian packages ``wamerican`` and ``wbritish``; ``apt-get install wamerican wbritish``), ASCII only, without
contractions or possessives. Wire copy is written in both spellings ("metres", "centre", "defence"): an English word
spelled either way needs context before the lower-cased geoparser reads it as a name.

    python scripts/build_word_list.py [/usr/share/dict/american-english /usr/share/dict/british-english]
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "app" / "geoparse" / "data" / "common_words.txt.gz"
SOURCES = ("/usr/share/dict/american-english", "/usr/share/dict/british-english")


def main(paths: list[str]) -> None:
    words: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            words.update(w for w in (line.strip() for line in fh)
                         if w and w == w.lower() and w.isascii() and "'" not in w)
    # mtime 0: the same lists give the same bytes
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write("".join(f"{w}\n" for w in sorted(words)).encode("utf-8"))
    print(f"{OUT}: {len(words)} words")


if __name__ == "__main__":
    main(sys.argv[1:] or list(SOURCES))
