"""`{{ contact_details() }}`: how to reach the site's owners (extra.contact in mkdocs.yml)."""

from __future__ import annotations

from typing import Any

from mappa_kb.content.contact import contact_from_extra
from mappa_kb.render.contact import contact_markdown


def register(env: Any) -> None:
    def contact_details() -> str:
        """Who runs the site and how to write to them, or, while that is unset, a plain
        statement that there is no contact address yet and the police's numbers."""
        return contact_markdown(contact_from_extra(env.conf["extra"]))

    env.macro(contact_details)
