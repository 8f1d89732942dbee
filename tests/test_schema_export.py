"""Editors validate glossary and statistics files as you type from the committed JSON
Schemas."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import REPO
from mappa_kb.cli import main
from mappa_kb.content.schema import (
    SCHEMA_COMMENT,
    STATISTICS_SCHEMA_COMMENT,
    render_schemas,
    render_statistics_schema,
)

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


def test_the_statistics_schema_is_current_and_every_statistics_file_points_at_it() -> None:
    statistics = REPO / "data" / "statistics"
    committed = (statistics / "schema.json").read_text(encoding="utf-8")
    assert committed == render_statistics_schema(GLOSSARY), "run 'mappa-kb schema'"
    schema = json.loads(committed)
    assert "london-2022-23" in schema["properties"]["source"]["enum"]
    assert schema["additionalProperties"] is False
    assert {"area", "year", "eligible", "source"} <= set(schema["required"])
    files = sorted(statistics.glob("*/*.yaml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == STATISTICS_SCHEMA_COMMENT, f"{path} must start with the schema line"
        # The line's path leads from the file to the schema.
        assert (path.parent / first.split("$schema=")[1]).resolve() == statistics / "schema.json"


def test_the_schema_command_writes_both(tmp_path: Path) -> None:
    shutil.copytree(GLOSSARY, tmp_path / "glossary")
    (tmp_path / "data" / "statistics").mkdir(parents=True)
    assert main(["schema", "--root", str(tmp_path)]) == 0
    assert (tmp_path / "data" / "statistics" / "schema.json").read_text(
        encoding="utf-8"
    ) == render_statistics_schema(GLOSSARY)
