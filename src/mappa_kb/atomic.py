"""Swap a finished output folder into place, so readers never see half of one.

Used by the site build and the search index build. Kept apart from both so the
`ask` command can use it without importing MkDocs.
"""

from __future__ import annotations

import shutil
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
