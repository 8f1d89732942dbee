"""Macros available in docs/ pages (mkdocs-macros). Each macro is a thin call into
the content and render layers; figures are never typed into prose."""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Register macros with mkdocs-macros."""
    del env  # statistics and page macros are registered by their own modules
