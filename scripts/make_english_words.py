"""Make data/english-words.txt.gz: the English words the spelling correction never rewrites.

From SCOWL's British English list as Debian packages it (`apt-get install wbritish`;
/usr/share/dict/british-english): lower-case words of letters only, one per line,
sorted, gzipped. About 63,500 words, 170 KB: it ships with the index, so readers of a
static copy of the site download it too. Run again only to change the list.

    python scripts/make_english_words.py [--source /usr/share/dict/british-english]
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "data" / "english-words.txt.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path("/usr/share/dict/british-english"))
    args = parser.parse_args()
    lines = args.source.read_text(encoding="utf-8", errors="replace").splitlines()
    words = sorted({w for w in (line.strip() for line in lines) if re.fullmatch(r"[a-z]+", w)})
    # mtime=0: the same list gives the same bytes, so git sees no change.
    TARGET.write_bytes(gzip.compress("\n".join(words).encode("utf-8") + b"\n", 9, mtime=0))
    print(
        f"wrote {len(words)} words to {TARGET.relative_to(REPO)} ({TARGET.stat().st_size:,} bytes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
