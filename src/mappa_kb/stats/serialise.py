"""Write statistics as the committed YAML layout (one table row per line) or as JSON.

The YAML is written by hand rather than by yaml.dump so that each row sits on its
own line: a consistency error then points at the row an author has to fix, and a
diff between two years reads row by row.
"""

from __future__ import annotations

import json

from mappa_kb.content.schema import STATISTICS_SCHEMA_COMMENT
from mappa_kb.content.statistics.catalogue import TABLES
from mappa_kb.content.statistics.models import AreaYearStatistics, CategoryRow

HEADER = (
    f"{STATISTICS_SCHEMA_COMMENT}\n"
    "# MAPPA statistics for one area and reporting year, written by `mappa-kb stats import`.\n"
    "# Figures are checked by `mappa-kb check`: every total must equal the sum of its parts.\n"
)


def _scalar(value: int | None) -> str:
    return "null" if value is None else str(value)


def _row(row: CategoryRow) -> str:
    cells = ", ".join(
        f"{name}: {_scalar(getattr(row, name))}" for name in ("cat1", "cat2", "cat3", "total")
    )
    return "{" + cells + "}"


def to_yaml(stats: AreaYearStatistics) -> str:
    lines = [
        f"area: {stats.area}",
        f"area_name: {json.dumps(stats.area_name, ensure_ascii=False)}",
        f'year: "{stats.year}"',
        "period:",
        f"  start: {stats.period.start.isoformat()}",
        f"  end: {stats.period.end.isoformat()}",
        f"snapshot_date: {stats.snapshot_date.isoformat()}",
        f"source: {stats.source}",
    ]
    tables = {t.key: t for t in TABLES}
    for name in AreaYearStatistics.model_fields:
        if name in {"area", "area_name", "year", "period", "snapshot_date", "source"}:
            continue
        value = getattr(stats, name)
        if name not in tables:
            lines.append(f"{name}: {_scalar(value)}")
            continue
        lines.append(f"{name}:")
        for row_name in tables[name].rows:
            row = getattr(value, row_name)
            shown = _row(row) if isinstance(row, CategoryRow) else _scalar(row)
            lines.append(f"  {row_name}: {shown}")
    return HEADER + "\n".join(lines) + "\n"


def to_json(stats: AreaYearStatistics) -> str:
    return json.dumps(stats.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
