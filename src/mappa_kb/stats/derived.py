"""Figures worked out from the data (never typed): shares and rates that let areas of
different size be compared with each other.

Populations are not in the reports, so the only population rate is the reports' own
`notifiable_per_100k`; everything here is a share of the area's own counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from mappa_kb.content.statistics.loading import StatisticsLookupError
from mappa_kb.content.statistics.models import AreaYearStatistics
from mappa_kb.stats.lookup import value_at


@dataclass(frozen=True)
class DerivedInfo:
    key: str
    title: str
    numerator: str
    denominator: str
    snapshot: bool
    glossary: tuple[str, ...]
    how: str
    """How it is worked out, in words, for the page."""
    sentence: str
    """What it measures, as the middle of a Q&A sentence."""


DERIVED: tuple[DerivedInfo, ...] = (
    DerivedInfo(
        key="share_level1",
        title="Share managed at Level 1",
        numerator="eligible.level1.total",
        denominator="eligible.total.total",
        snapshot=True,
        glossary=("level-1", "mappa-eligible-individual"),
        how="People at Level 1 as a percentage of all MAPPA-eligible people on 31 March.",
        sentence="share of MAPPA-eligible people managed at Level 1 (by one agency, "
        "without MAPPA meetings)",
    ),
    DerivedInfo(
        key="recall_rate",
        title="Level 2 and 3 recall rate",
        numerator="returned_to_custody.total.total",
        denominator="levels_2_3_yearly.total.total",
        snapshot=False,
        glossary=("returned-to-custody", "breach-of-licence", "yearly-total"),
        how="Returns to custody for breach of licence per 100 people managed at Level 2 "
        "or 3 during the year.",
        sentence="recall rate: Level 2 and 3 people returned to custody (recalled) for "
        "breach of licence per 100 people managed at Level 2 or 3 during the year",
    ),
    DerivedInfo(
        key="recall_rate_level2",
        title="Level 2 recall rate",
        numerator="returned_to_custody.level2.total",
        denominator="levels_2_3_yearly.level2.total",
        snapshot=False,
        glossary=("returned-to-custody", "level-2"),
        how="Returns to custody at Level 2 per 100 people managed at Level 2 during the year.",
        sentence="Level 2 recall rate: returns to custody per 100 people managed at Level 2",
    ),
    DerivedInfo(
        key="recall_rate_level3",
        title="Level 3 recall rate",
        numerator="returned_to_custody.level3.total",
        denominator="levels_2_3_yearly.level3.total",
        snapshot=False,
        glossary=("returned-to-custody", "level-3"),
        how="Returns to custody at Level 3 per 100 people managed at Level 3 during the year.",
        sentence="Level 3 recall rate: returns to custody per 100 people managed at Level 3",
    ),
    DerivedInfo(
        key="category1_share",
        title="Category 1 share",
        numerator="eligible.total.cat1",
        denominator="eligible.total.total",
        snapshot=True,
        glossary=("category-1",),
        how="Category 1 people as a percentage of all MAPPA-eligible people on 31 March.",
        sentence="share of MAPPA-eligible people in Category 1 (registered sex offenders)",
    ),
    DerivedInfo(
        key="category2_share",
        title="Category 2 share",
        numerator="eligible.total.cat2",
        denominator="eligible.total.total",
        snapshot=True,
        glossary=("category-2",),
        how="Category 2 people as a percentage of all MAPPA-eligible people on 31 March.",
        sentence="share of MAPPA-eligible people in Category 2 (violent offenders)",
    ),
    DerivedInfo(
        key="category3_share",
        title="Category 3 share",
        numerator="eligible.total.cat3",
        denominator="eligible.total.total",
        snapshot=True,
        glossary=("category-3",),
        how="Category 3 people as a percentage of all MAPPA-eligible people on 31 March.",
        sentence="share of MAPPA-eligible people in Category 3 (other dangerous offenders)",
    ),
)
DERIVED_BY_KEY = {d.key: d for d in DERIVED}
CATEGORY_MIX = ("category1_share", "category2_share", "category3_share")


def derived_value(stats: AreaYearStatistics, key: str) -> Fraction | None:
    """The exact percentage, or None when the denominator is zero (nothing to divide)."""
    info = DERIVED_BY_KEY.get(key)
    if info is None:
        raise StatisticsLookupError(
            f"unknown derived figure '{key}' (known: {', '.join(DERIVED_BY_KEY)})"
        )
    top = value_at(stats, info.numerator) or 0
    bottom = value_at(stats, info.denominator) or 0
    return None if bottom == 0 else Fraction(100 * top, bottom)


def percent(value: Fraction | None, places: int = 1) -> str:
    """'98.7%' with half-up rounding (Python's round() would round 0.25 down)."""
    if value is None:
        return "not available"
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return f"{exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)}%"


def derived_text(stats: AreaYearStatistics, key: str) -> str:
    return percent(derived_value(stats, key))
