"""Editors validate glossary files as you type from the committed JSON Schemas."""

from __future__ import annotations

import json

from conftest import REPO
from mappa_kb.content.schema import SCHEMA_COMMENT, render_schemas

GLOSSARY = REPO / "glossary"


def test_committed_schemas_are_current() -> None:
    for name, text in render_schemas(GLOSSARY).items():
        committed = (GLOSSARY / name).read_text(encoding="utf-8")
        assert committed == text, f"glossary/{name} is stale: run 'mappa-kb schema'"


def test_schema_lists_registered_topics_and_sources() -> None:
    schema = json.loads(render_schemas(GLOSSARY)["schema.json"])
    assert "orders-and-notification" in schema["properties"]["topic"]["enum"]
    assert "london-2022-23" in schema["$defs"]["Citation"]["properties"]["source"]["enum"]
    assert schema["additionalProperties"] is False
    assert {"id", "term", "summary", "questions", "sources", "reviewed"} <= set(schema["required"])


def test_every_entry_file_points_editors_at_the_schema() -> None:
    for path in sorted(GLOSSARY.glob("*.yaml")):
        if path.name in {"sources.yaml", "topics.yaml"}:
            continue
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == SCHEMA_COMMENT, f"{path.name} must start with '{SCHEMA_COMMENT}'"
