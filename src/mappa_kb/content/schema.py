"""Export JSON Schema for editors, with the registered ids as enums.

Editors (VS Code YAML, JetBrains) read the `# yaml-language-server: $schema=` line at
the top of each file, so an author sees an unknown topic or source as they type: in
glossary entries (glossary/schema.json) and statistics files (data/statistics/schema.json,
a folder above the <area>/<year>.yaml files that point at it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mappa_kb.content.files import read_yaml
from mappa_kb.content.models import GlossaryEntry, SourceRegistry, TopicRegistry
from mappa_kb.content.statistics.models import AreaYearStatistics
from mappa_kb.paths import SOURCES_FILE, TOPICS_FILE

SCHEMA_FILE = "schema.json"
SCHEMA_COMMENT = f"# yaml-language-server: $schema={SCHEMA_FILE}"
STATISTICS_SCHEMA_COMMENT = f"# yaml-language-server: $schema=../{SCHEMA_FILE}"
"""First line of data/statistics/<area>/<year>.yaml: the schema is in data/statistics/."""


def _registered_ids(path: Path, key: str) -> list[str]:
    located, _ = read_yaml(path, str(path), None)  # a broken registry is reported by `check`
    data = located.data if located is not None else None
    items = data.get(key, []) if isinstance(data, dict) else []
    return sorted(str(i["id"]) for i in items if isinstance(i, dict) and "id" in i)


def entry_schema(glossary_dir: Path) -> dict[str, Any]:
    schema = GlossaryEntry.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "MAPPA glossary entry"
    topics = _registered_ids(glossary_dir / TOPICS_FILE, "topics")
    sources = _registered_ids(glossary_dir / SOURCES_FILE, "sources")
    if topics:
        schema["properties"]["topic"]["enum"] = topics
    if sources:
        schema["$defs"]["Citation"]["properties"]["source"]["enum"] = sources
    return schema


def statistics_schema(glossary_dir: Path) -> dict[str, Any]:
    schema = AreaYearStatistics.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "MAPPA statistics for one area and reporting year"
    sources = _registered_ids(glossary_dir / SOURCES_FILE, "sources")
    if sources:
        schema["properties"]["source"]["enum"] = sources
    return schema


def _json(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def render_statistics_schema(glossary_dir: Path) -> str:
    return _json(statistics_schema(glossary_dir))


def render_schemas(glossary_dir: Path) -> dict[str, str]:
    """File name -> JSON text, for the entry schema and the two registries."""
    out = {
        SCHEMA_FILE: entry_schema(glossary_dir),
        "sources.schema.json": SourceRegistry.model_json_schema(),
        "topics.schema.json": TopicRegistry.model_json_schema(),
    }
    return {name: _json(body) for name, body in out.items()}


def _write(path: Path, text: str) -> Path:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return path


def write_schemas(glossary_dir: Path, statistics_dir: Path | None = None) -> list[Path]:
    """The glossary's schemas, and the statistics files' when `statistics_dir` is given."""
    written = [
        _write(glossary_dir / name, text) for name, text in render_schemas(glossary_dir).items()
    ]
    if statistics_dir is not None and statistics_dir.is_dir():
        text = render_statistics_schema(glossary_dir)
        written.append(_write(statistics_dir / SCHEMA_FILE, text))
    return written
