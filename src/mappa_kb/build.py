"""Build everything a reader needs: checked content, the static site, the search index.

Each output is built beside its final place and swapped in only when complete, so a
failed build leaves the previous site (or none) rather than half of a new one.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from mappa_kb.atomic import swap_in
from mappa_kb.content import load_glossary
from mappa_kb.paths import Project
from mappa_kb.search.indexing import index_step


class BuildFailed(Exception):
    """The site could not be built; the message says why (already formatted for people)."""


@dataclass
class BuildReport:
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        parts = [f"{name} {secs:.2f}s" for name, secs in self.seconds.items()]
        return "Built: " + ", ".join(parts)


class _ErrorCollector(logging.Handler):
    """Keeps MkDocs' warnings and errors: its Abort only says *that* the build failed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


def build_site(project: Project, site_dir: Path | None = None) -> Path:
    """Run a strict MkDocs build into a temporary folder, then swap it into place."""
    final = (site_dir or project.site_dir).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
    config = None
    errors = _ErrorCollector()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        config = load_config(str(project.config_file), site_dir=str(work), strict=True)
        mkdocs_build(config)
    except (Abort, ConfigurationError, PluginError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise BuildFailed("\n".join([*errors.messages, str(exc)])) from exc
    except SystemExit as exc:
        # mkdocs-macros (on_error_fail) exits instead of raising, so MkDocs skips
        # on_build_error; run it ourselves so plugins release what they hold.
        failed = BuildFailed("\n".join([*errors.messages, "a macro failed while rendering a page"]))
        if config is not None:
            config.plugins.on_build_error(error=failed)
        shutil.rmtree(work, ignore_errors=True)
        raise failed from exc
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    swap_in(work, final)
    return final


# Later stages (the search index) register here, so `build` grows without editing callers.
ExtraStep = Callable[[Project], None]
EXTRA_STEPS: list[tuple[str, ExtraStep]] = [("index", index_step)]


def build_all(project: Project, site_dir: Path | None = None) -> BuildReport:
    report = BuildReport()
    start = time.perf_counter()
    load_glossary(project.glossary_dir, project.root)  # fail fast, before any output
    report.seconds["check"] = time.perf_counter() - start
    start = time.perf_counter()
    build_site(project, site_dir)
    report.seconds["site"] = time.perf_counter() - start
    for name, step in EXTRA_STEPS:
        start = time.perf_counter()
        step(project)
        report.seconds[name] = time.perf_counter() - start
    return report
