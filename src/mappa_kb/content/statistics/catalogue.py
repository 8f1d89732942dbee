"""What each statistic counts, in our own words: one place for labels, glossary links
and the phrases used to turn figures into sentences.

Pages, charts, macros and Q&A passages all read this, so a figure is described the
same way everywhere it appears.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

RowKey = Literal["level1", "level2", "level3", "total"]
ColumnKey = Literal["cat1", "cat2", "cat3", "total"]

ROW_LABELS: dict[str, str] = {
    "level1": "Level 1",
    "level2": "Level 2",
    "level3": "Level 3",
    "total": "Total",
}
COLUMN_LABELS: dict[str, str] = {
    "cat1": "Category 1",
    "cat2": "Category 2",
    "cat3": "Category 3",
    "total": "Total",
}
COLUMN_NAMES: dict[str, str] = {
    "cat1": "registered sexual offenders",
    "cat2": "violent offenders",
    "cat3": "other dangerous offenders",
    "total": "all categories",
}
CATEGORY_COLUMNS = ("cat1", "cat2", "cat3")
GRID_COLUMNS = (*CATEGORY_COLUMNS, "total")


@dataclass(frozen=True)
class TableInfo:
    """A table of figures: rows are levels; columns are categories (or none)."""

    key: str
    title: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    """Empty for a table with one number per level."""
    snapshot: bool
    """True for a count on one day (31 March); False for a count over the year."""
    glossary: tuple[str, ...]
    explanation: str
    """Plain words, no figures: what the table counts and how to read it."""


@dataclass(frozen=True)
class FigureInfo:
    """A single number."""

    key: str
    title: str
    snapshot: bool
    glossary: tuple[str, ...]
    explanation: str
    sentence: str
    """What is counted, as the middle of a Q&A sentence (area and period go around it)."""


TABLES: tuple[TableInfo, ...] = (
    TableInfo(
        key="eligible",
        title="MAPPA-eligible people by level and category",
        rows=("level1", "level2", "level3", "total"),
        columns=GRID_COLUMNS,
        snapshot=True,
        glossary=(
            "mappa-eligible-individual",
            "snapshot-figure",
            "level-1",
            "level-2",
            "level-3",
            "category-1",
            "category-2",
            "category-3",
        ),
        explanation="Everyone the area's agencies were managing under MAPPA on the last day "
        "of the reporting year, counted once each. Rows show how closely each person was "
        "managed (Level 1 needs no MAPPA meetings; Levels 2 and 3 do); columns show why "
        "they are eligible. Category 3 people are only ever managed at Level 2 or 3, so "
        "that cell is marked as not applicable rather than zero.",
    ),
    TableInfo(
        key="levels_2_3_yearly",
        title="People managed at Level 2 or 3 during the year",
        rows=("level2", "level3", "total"),
        columns=GRID_COLUMNS,
        snapshot=False,
        glossary=("yearly-total", "level-2", "level-3", "category-1", "category-2", "category-3"),
        explanation="Everyone discussed at MAPPA meetings at some point in the year, not just "
        "on the last day. This is the base used for the recall rate below.",
    ),
    TableInfo(
        key="returned_to_custody",
        title="Level 2 and 3 people returned to custody for breach of licence",
        rows=("level2", "level3", "total"),
        columns=GRID_COLUMNS,
        snapshot=False,
        glossary=("returned-to-custody", "breach-of-licence", "level-2", "level-3"),
        explanation="People managed at Level 2 or 3 who were recalled to prison during the "
        "year because they did not keep to the conditions of their licence.",
    ),
    TableInfo(
        key="shpo_breach",
        title="Level 2 and 3 people returned to custody for breach of an SHPO",
        rows=("level2", "level3", "total"),
        columns=(),
        snapshot=False,
        glossary=("breach-of-sexual-harm-prevention-order", "returned-to-custody"),
        explanation="People managed at Level 2 or 3 who went back into custody during the "
        "year for breaking the terms of a Sexual Harm Prevention Order.",
    ),
)

FIGURES: tuple[FigureInfo, ...] = (
    FigureInfo(
        key="cat1_breach_notification",
        title="Category 1 people cautioned or convicted for breaching notification",
        snapshot=False,
        glossary=("breach-of-notification-requirements", "category-1", "notification-requirements"),
        explanation="Registered sexual offenders who failed to tell the police what the "
        "law requires of them and were cautioned or convicted for it.",
        sentence="Category 1 offenders (registered sex offenders) cautioned or convicted for "
        "breaking their notification requirements (breach of notification)",
    ),
    FigureInfo(
        key="cat1_lifetime_revoked",
        title="Lifetime notification requirements revoked on application",
        snapshot=False,
        glossary=("review-of-indefinite-notification", "category-1"),
        explanation="People on the register for life who asked the police to review that "
        "and were taken off it.",
        sentence="Category 1 offenders whose lifetime (indefinite) notification requirements "
        "were revoked after they applied for a review, so they came off the sex offenders "
        "register",
    ),
    FigureInfo(
        key="shpo",
        title="Sexual Harm Prevention Orders made",
        snapshot=False,
        glossary=("sexual-harm-prevention-order",),
        explanation="Court orders made during the year that restrict what a person convicted "
        "of a sexual offence may do.",
        sentence="Sexual Harm Prevention Orders (SHPOs) made",
    ),
    FigureInfo(
        key="shpo_foreign_travel",
        title="SHPOs with a foreign travel restriction",
        snapshot=False,
        glossary=("foreign-travel-restriction", "sexual-harm-prevention-order"),
        explanation="Orders among those made during the year that also limit travel abroad.",
        sentence="Sexual Harm Prevention Orders (SHPOs) made with a foreign travel restriction",
    ),
    FigureInfo(
        key="notification_orders",
        title="Notification Orders made",
        snapshot=False,
        glossary=("notification-order",),
        explanation="Orders that put people convicted of sexual offences abroad on the "
        "register here.",
        sentence="Notification Orders made (for people convicted of sexual offences abroad)",
    ),
    FigureInfo(
        key="sro_breach_became_notifiable",
        title="People placed on the register after breaching a Sexual Risk Order",
        snapshot=False,
        glossary=("sexual-risk-order", "notification-requirements"),
        explanation="Breaking a Sexual Risk Order brings the notification requirements with "
        "it; this counts the people it happened to.",
        sentence="people who became registered sex offenders (subject to notification "
        "requirements) after breaching a Sexual Risk Order (SRO)",
    ),
    FigureInfo(
        key="notifiable_per_100k",
        title="Registered sexual offenders per 100,000 population",
        snapshot=True,
        glossary=("rate-per-100000", "notification-requirements"),
        explanation="The report's own rate: people on the register for every 100,000 people "
        "aged ten or over living in the area. It is the fairest way to compare areas of "
        "different size.",
        sentence="rate of registered sex offenders (people on the sex offenders register) "
        "per 100,000 people in the population",
    ),
)

TABLE_BY_KEY = {t.key: t for t in TABLES}
FIGURE_BY_KEY = {f.key: f for f in FIGURES}


def glossary_ids() -> set[str]:
    """Every glossary entry a statistic links to."""
    ids = {g for t in TABLES for g in t.glossary}
    return ids | {g for f in FIGURES for g in f.glossary}


def cell_keys() -> list[str]:
    """Every dotted key that names one number, in reading order."""
    keys: list[str] = []
    for table in TABLES:
        for row in table.rows:
            if table.columns:
                keys += [f"{table.key}.{row}.{column}" for column in table.columns]
            else:
                keys.append(f"{table.key}.{row}")
    return keys + [f.key for f in FIGURES]
