"""Rules across fields of one statistics file: totals add up, null only where the
report prints '-', dates agree with the reporting year.

Each finding names the table, row and column, so loading can point at the line and
the importer can name the table of the report.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mappa_kb.content.statistics.catalogue import CATEGORY_COLUMNS, TABLES, TableInfo
from mappa_kb.content.statistics.models import (
    AreaYearStatistics,
    CategoryRow,
    LevelTotals,
    year_bounds,
)

Loc = tuple[str, ...]


@dataclass(frozen=True)
class Finding:
    loc: Loc
    """Dotted path into the file, e.g. ('eligible', 'level2', 'total')."""
    message: str
    table: str = ""
    row: str = ""
    column: str = ""
    stated: int | None = None
    computed: int | None = None


def _mismatch(
    table: str, row: str, column: str, *, stated: int, parts: list[int], how: str
) -> Finding:
    computed = sum(parts)
    shown = " + ".join(str(p) for p in parts)
    return Finding(
        loc=(table, row, column) if column else (table, row),
        message=f"table '{table}', row '{row}'"
        + (f", column '{column}'" if column else "")
        + f": stated {stated}, computed {computed} ({how}: {shown})",
        table=table,
        row=row,
        column=column,
        stated=stated,
        computed=computed,
    )


def _grid_findings(info: TableInfo, rows: dict[str, CategoryRow]) -> Iterator[Finding]:
    levels = [r for r in info.rows if r != "total"]
    for name in info.rows:
        row = rows[name]
        parts = [getattr(row, c) or 0 for c in CATEGORY_COLUMNS]
        if row.total != sum(parts):
            yield _mismatch(
                info.key, name, "total", stated=row.total, parts=parts, how="sum of the categories"
            )
    for column in (*CATEGORY_COLUMNS, "total"):
        stated = getattr(rows["total"], column)
        parts = [getattr(rows[level], column) or 0 for level in levels]
        if stated is not None and stated != sum(parts):
            yield _mismatch(
                info.key, "total", column, stated=stated, parts=parts, how="sum of the levels"
            )


def _null_findings(info: TableInfo, rows: dict[str, CategoryRow]) -> Iterator[Finding]:
    for name in info.rows:
        value = rows[name].cat3
        # Category 3 people are by definition managed at Level 2 or 3: the report prints
        # '-' at Level 1, and a 0 there would claim a count that was never made.
        if info.key == "eligible" and name == "level1":
            if value is not None:
                yield Finding(
                    (info.key, name, "cat3"),
                    f"table '{info.key}', row '{name}', column 'cat3': must be null "
                    "(not applicable: Category 3 is never managed at Level 1), not a number",
                    info.key,
                    name,
                    "cat3",
                )
        elif value is None:
            yield Finding(
                (info.key, name, "cat3"),
                f"table '{info.key}', row '{name}', column 'cat3': must be a number; "
                "only eligible.level1.cat3 may be null",
                info.key,
                name,
                "cat3",
            )


def _date_findings(stats: AreaYearStatistics) -> Iterator[Finding]:
    start, end = year_bounds(stats.year)
    if stats.period.start != start:
        yield Finding(("period", "start"), f"must be {start.isoformat()} for year {stats.year}")
    if stats.period.end != end:
        yield Finding(("period", "end"), f"must be {end.isoformat()} for year {stats.year}")
    if stats.snapshot_date != end:
        yield Finding(
            ("snapshot_date",), f"must be {end.isoformat()}, the last day of year {stats.year}"
        )


def _level_totals_findings(key: str, value: LevelTotals) -> Iterator[Finding]:
    parts = [value.level2, value.level3]
    if value.total != sum(parts):
        yield _mismatch(key, "total", "", stated=value.total, parts=parts, how="Level 2 + Level 3")


def check_statistics(stats: AreaYearStatistics) -> list[Finding]:
    """Every rule broken by one file, in table order; empty when all is well."""
    findings = list(_date_findings(stats))
    for info in TABLES:
        value = getattr(stats, info.key)
        if isinstance(value, LevelTotals):
            findings += _level_totals_findings(info.key, value)
            continue
        rows = {name: getattr(value, name) for name in info.rows}
        nulls = list(_null_findings(info, rows))
        findings += nulls
        findings += _grid_findings(info, rows)
    return findings
