"""Statistics macros for docs/ pages: figures, tables and derived rates from the data.

    {{ stat("london", "2022-23", "eligible.total.total") }}      -> 10,621
    {{ stat_derived("london", "2022-23", "share_level1") }}      -> 98.7%
    {{ stat_table("london", "2022-23", "eligible") }}            -> the table as HTML
    {{ stat_source("london", "2022-23") }}                       -> the report's title

An unknown area, year or key raises StatisticsLookupError; mkdocs-macros (with
on_error_fail) then stops the build and prints the message, which lists what exists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mappa_kb.content.statistics.catalogue import TABLE_BY_KEY
from mappa_kb.content.statistics.loading import StatisticsLookupError, StatisticsSet
from mappa_kb.render.statistics_tables import figures_table, number
from mappa_kb.stats.derived import derived_text
from mappa_kb.stats.lookup import value_at

PLUGIN = "mappa-kb"


def _statistics_source(env: Any) -> Callable[[], StatisticsSet]:
    """What the mappa-kb plugin loaded and checked for this build."""
    plugin = env.conf["plugins"].get(PLUGIN)
    if plugin is None:
        raise StatisticsLookupError(
            f"the statistics macros need the '{PLUGIN}' plugin in mkdocs.yml"
        )

    def from_plugin() -> StatisticsSet:
        if plugin.project is None:
            raise StatisticsLookupError("the content was not loaded by the mappa-kb plugin")
        found: StatisticsSet = plugin.project.statistics
        return found

    return from_plugin


def register(env: Any) -> None:
    data = _statistics_source(env)

    def stat(area: str, year: str, key: str) -> str:
        """One figure, formatted for reading: '10,621' ('not applicable' for '-')."""
        value = value_at(data().get(area, year), key)
        return "not applicable" if value is None else number(value)

    def stat_derived(area: str, year: str, name: str) -> str:
        """A share or rate worked out from the figures, e.g. '98.7%'."""
        return derived_text(data().get(area, year), name)

    def stat_table(area: str, year: str, table: str, caption: str = "") -> str:
        """A standard table as HTML, with a caption naming the area and year."""
        stats = data().get(area, year)
        info = TABLE_BY_KEY.get(table)
        if info is None:
            known = ", ".join(TABLE_BY_KEY)
            raise StatisticsLookupError(f"unknown statistics table '{table}' (known: {known})")
        return figures_table(
            stats, info, caption or f"{stats.area_name} {stats.year}: {info.title}"
        )

    def stat_source(area: str, year: str) -> str:
        statistics = data()
        return statistics.source_title(statistics.get(area, year))

    for macro in (stat, stat_derived, stat_table, stat_source):
        env.macro(macro)
