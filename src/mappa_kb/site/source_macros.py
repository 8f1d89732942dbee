"""`{{ source_list("legislation") }}`: the registered sources of some kinds, as a list."""

from __future__ import annotations

from typing import Any

from mappa_kb.render.source_list import render_source_list

PLUGIN = "mappa-kb"


def register(env: Any) -> None:
    plugin = env.conf["plugins"].get(PLUGIN)

    def source_list(*kinds: str) -> str:
        """Every registered source of these kinds (legislation, guidance, report,
        annual-report), A to Z, with its publisher, year and what it covers."""
        if plugin is None or plugin.project is None:
            raise LookupError(f"the source_list macro needs the '{PLUGIN}' plugin in mkdocs.yml")
        return render_source_list(plugin.project.sources.values(), kinds)

    env.macro(source_list)
