"""Find one figure by its dotted key ('eligible.level2.total'), with messages that say
which keys exist when a key is wrong."""

from __future__ import annotations

from mappa_kb.content.statistics.catalogue import FIGURE_BY_KEY, TABLE_BY_KEY, cell_keys
from mappa_kb.content.statistics.loading import StatisticsLookupError
from mappa_kb.content.statistics.models import AreaYearStatistics


def _choices(options: list[str]) -> str:
    return ", ".join(options)


def value_at(stats: AreaYearStatistics, key: str) -> int | None:
    """The number at `key`; None only for a cell the report marks not applicable."""
    parts = key.split(".")
    head = parts[0]
    where = f"{stats.area} {stats.year}"
    if head in FIGURE_BY_KEY:
        if len(parts) != 1:
            raise StatisticsLookupError(f"'{head}' is a single figure; use the key '{head}'")
        value: int = getattr(stats, head)
        return value
    table = TABLE_BY_KEY.get(head)
    if table is None:
        known = _choices([*TABLE_BY_KEY, *FIGURE_BY_KEY])
        raise StatisticsLookupError(f"unknown statistic '{key}' for {where} (known: {known})")
    depth = 3 if table.columns else 2
    if len(parts) != depth or parts[1] not in table.rows:
        examples = [k for k in cell_keys() if k.startswith(f"{head}.")]
        raise StatisticsLookupError(
            f"unknown statistic '{key}' for {where} (keys in '{head}': {_choices(examples)})"
        )
    row = getattr(getattr(stats, head), parts[1])
    if not table.columns:
        count: int = row
        return count
    if parts[2] not in table.columns:
        raise StatisticsLookupError(
            f"unknown column '{parts[2]}' in '{key}' (columns: {_choices(list(table.columns))})"
        )
    cell: int | None = getattr(row, parts[2])
    return cell
