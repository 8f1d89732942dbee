"""mkdocs-macros entry point: a thin shell over mappa_kb.site.macros."""

from __future__ import annotations

from typing import Any

from mappa_kb.site.macros import define_env as _define_env


def define_env(env: Any) -> None:
    _define_env(env)
