"""Pydantic schema for one area's MAPPA statistics for one reporting year.

One file per area and year: data/statistics/<area-id>/<year>.yaml. The keys follow the
standard tables every MAPPA annual report publishes. The schema checks shapes and
types; rules across fields (totals, dates, where null may appear) live in
consistency.py, so each finding can point at the exact row and column.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import Field, NonNegativeInt, StringConstraints, field_validator

from mappa_kb.content.models import Slug, Strict, Text

YEAR_PATTERN = r"^(\d{4})-(\d{2})$"
Year = Annotated[str, StringConstraints(pattern=YEAR_PATTERN)]
Count = NonNegativeInt


def year_bounds(year: str) -> tuple[dt.date, dt.date]:
    """'2022-23' -> (1 April 2022, 31 March 2023); ValueError if the two halves disagree."""
    match = re.match(YEAR_PATTERN, year)
    if match is None:
        raise ValueError(f"year '{year}' must look like 2022-23")
    first = int(match.group(1))
    if (first + 1) % 100 != int(match.group(2)):
        expected = f"{first}-{(first + 1) % 100:02d}"
        raise ValueError(f"year '{year}' must be two consecutive years, e.g. {expected}")
    return dt.date(first, 4, 1), dt.date(first + 1, 3, 31)


class CategoryRow(Strict):
    """One row of a table split by MAPPA category."""

    cat1: Count = Field(description="Category 1: registered sexual offenders.")
    cat2: Count = Field(description="Category 2: violent offenders.")
    cat3: Count | None = Field(
        description="Category 3: other dangerous offenders. null only where the report "
        "prints '-' (not applicable), never for a zero."
    )
    total: Count = Field(description="The row total as printed in the report.")


class EligibleTable(Strict):
    """MAPPA-eligible people on the snapshot date (31 March), by level and category."""

    level1: CategoryRow
    level2: CategoryRow
    level3: CategoryRow
    total: CategoryRow


class Levels23Table(Strict):
    """A Level 2 and Level 3 table split by category (yearly counts)."""

    level2: CategoryRow
    level3: CategoryRow
    total: CategoryRow


class LevelTotals(Strict):
    """A Level 2 and Level 3 count without a category split."""

    level2: Count
    level3: Count
    total: Count


class Period(Strict):
    start: dt.date = Field(description="First day of the reporting year: 1 April.")
    end: dt.date = Field(description="Last day of the reporting year: 31 March.")


class AreaYearStatistics(Strict):
    """data/statistics/<area>/<year>.yaml: the standard tables of one annual report."""

    area: Slug = Field(description="Area id; must equal the folder name, e.g. 'london'.")
    area_name: Text = Field(description="The area's name as readers know it, e.g. 'London'.")
    year: Year = Field(description="Reporting year, e.g. '2022-23'; must equal the file name.")
    period: Period = Field(description="1 April to 31 March of the reporting year.")
    snapshot_date: dt.date = Field(description="Date of the snapshot table: 31 March.")
    source: Slug = Field(description="Id of the annual report in glossary/sources.yaml.")
    eligible: EligibleTable = Field(description="MAPPA-eligible people on the snapshot date.")
    levels_2_3_yearly: Levels23Table = Field(
        description="People managed at Level 2 or 3 at any time in the year."
    )
    cat1_breach_notification: Count = Field(
        description="Category 1 people cautioned or convicted for breaching notification."
    )
    cat1_lifetime_revoked: Count = Field(
        description="Category 1 people whose indefinite notification was revoked on application."
    )
    shpo: Count = Field(description="Sexual Harm Prevention Orders made.")
    shpo_foreign_travel: Count = Field(description="SHPOs made with a foreign travel restriction.")
    notification_orders: Count = Field(description="Notification Orders made.")
    sro_breach_became_notifiable: Count = Field(
        description="People who became subject to notification after breaching a Sexual Risk Order."
    )
    notifiable_per_100k: Count = Field(
        description="People subject to notification requirements per 100,000 population, "
        "as printed in the report."
    )
    returned_to_custody: Levels23Table = Field(
        description="Level 2 and 3 people returned to custody for breach of licence."
    )
    shpo_breach: LevelTotals = Field(description="Level 2 and 3 people who breached an SHPO.")

    @field_validator("year")
    @classmethod
    def _consecutive_years(cls, value: str) -> str:
        year_bounds(value)
        return value
