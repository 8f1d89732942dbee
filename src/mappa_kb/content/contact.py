"""Who runs the site and how to reach them: `extra.contact` in mkdocs.yml, in one place.

The footer of every page, the accessibility statement and the privacy notice show
these details. Until the owners fill them in, the pages say so and point readers to the
police's non-emergency number instead, and `mappa-kb check` warns: a warning, not a
problem, so a new checkout and CI still pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import yaml
from pydantic import Field, StringConstraints, ValidationError

from mappa_kb.content.models import Strict, Text
from mappa_kb.paths import ProjectPaths

Email = Annotated[str, StringConstraints(pattern=r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")]
WebAddress = Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"]+$")]


class Contact(Strict):
    """extra.contact in mkdocs.yml. Leave a field empty rather than invent it."""

    name: Text | None = Field(
        default=None, description="Who runs the site, e.g. 'The MAPPA knowledge base team'."
    )
    email: Email | None = Field(default=None, description="An address readers can write to.")
    url: WebAddress | None = Field(
        default=None, description="A contact page or form (https://), if there is one."
    )

    @property
    def is_set(self) -> bool:
        """True when a reader has some way to reach the owners."""
        return bool(self.email or self.url)


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as plain data: MkDocs' own tags (!ENV, !!python/name) become None."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_AnyTagLoader.add_multi_constructor("!", _untagged)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def contact_from_extra(extra: Any) -> Contact:
    """The contact details in a config's `extra` mapping (empty when there are none)."""
    found = extra.get("contact") if isinstance(extra, Mapping) else None
    return Contact.model_validate(found or {})


def contact_warnings(paths: ProjectPaths) -> list[str]:
    """What a maintainer should know about extra.contact; [] when it is complete."""
    where = f"{paths.config_file.name}: extra.contact"
    try:
        text = paths.config_file.read_text(encoding="utf-8")
        config = yaml.load(text, _AnyTagLoader)  # noqa: S506 (a SafeLoader, tags ignored)
        contact = contact_from_extra((config or {}).get("extra"))
    except (OSError, yaml.YAMLError) as exc:
        return [f"{where} could not be read ({exc})"]
    except ValidationError as exc:
        fields = ", ".join(".".join(map(str, e["loc"])) for e in exc.errors())
        return [f"{where} has a value that is not an address ({fields}); pages show no contact"]
    if not contact.is_set:
        return [
            f"{where} has no email or url: the footer, the accessibility statement and the "
            "privacy notice tell readers there is no contact address yet (and give the "
            "police's 101)"
        ]
    if contact.name is None:
        return [f"{where}.name is not set: pages will not say who runs the site"]
    return []
