"""Put finished output in place in one step, so readers never see half of it.

Used by the site build, the search index build and the statistics importer. Kept apart
from all of them so the `ask` command can use it without importing MkDocs.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def swap_in(new: Path, final: Path) -> None:
    """Replace `final` with the complete folder `new` by two renames, never a copy.

    Between the renames `final` is briefly absent; readers retry (see search.index).
    """
    old = final.with_name(f".{final.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def write_atomically(path: Path, text: str) -> None:
    """Write a file beside its final place, then rename it over the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    ) as handle:
        handle.write(text)
    Path(handle.name).replace(path)
