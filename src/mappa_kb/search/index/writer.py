"""Passages -> a complete Whoosh index folder, built beside the old one and swapped in."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from whoosh.filedb.filestore import FileStorage

from mappa_kb.atomic import swap_in
from mappa_kb.search.index.analysis import pairs_of, schema
from mappa_kb.search.index.integrity import (
    BUILD_ID_FILE,
    README,
    write_checksums,
    write_engine_format,
)
from mappa_kb.search.lexicon import ENGLISH_FILE, LEXICON_FILE, Lexicon
from mappa_kb.search.passage import Passage
from mappa_kb.search.text import analysis_text


def _document(number: int, passage: Passage) -> dict[str, str]:
    """Fields as indexed (analysis text) and as stored (the passage as written)."""
    return {
        "pid": str(number),
        "title": analysis_text(passage.title),
        "_stored_title": passage.title,
        "keywords": analysis_text(passage.keywords),
        "_stored_keywords": passage.keywords,
        "asked": analysis_text(passage.asked),
        "_stored_asked": passage.asked,
        "text": analysis_text(passage.text),
        "_stored_text": passage.text,
        "url": passage.url,
        "source": passage.source,
        "kind": passage.kind,
        "pairs": " ".join(pairs_of(passage.searched_text)),
    }


def write_index(
    passages: Sequence[Passage], lexicon: Lexicon, index_dir: Path, build_id: str = ""
) -> Path:
    """A complete index in a new temporary folder beside `index_dir` (not yet in place).

    `build_id` names the site build whose pages it holds, so a server can tell a site
    and an index of different builds apart (mappa_kb.build).
    """
    final = index_dir.resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
    try:
        index = FileStorage(str(work)).create().create_index(schema())
        # Room for every posting in memory: smaller pools spill to disk and merge (slow).
        writer = index.writer(limitmb=512)
        try:
            for number, passage in enumerate(passages):
                writer.add_document(**_document(number, passage))
        except BaseException:
            writer.cancel()  # closes its files before the folder is removed
            raise
        writer.commit()
        (work / LEXICON_FILE).write_text(lexicon.to_json(), encoding="utf-8")
        (work / ENGLISH_FILE).write_bytes(lexicon.english_bytes())
        (work / BUILD_ID_FILE).write_text(build_id, encoding="utf-8")
        write_engine_format(work)
        write_checksums(work, skip=frozenset({README}))  # last: it vouches for the rest
        if (final / README).is_file():  # the folder's README is tracked by git: keep it
            shutil.copy2(final / README, work / README)
        work.chmod(0o755)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return work


def build_index(
    passages: Sequence[Passage], lexicon: Lexicon, index_dir: Path, build_id: str = ""
) -> Path:
    """Write a complete index beside `index_dir`, then swap it in."""
    final = index_dir.resolve()
    swap_in(write_index(passages, lexicon, final, build_id), final)
    return final
