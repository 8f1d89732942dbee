"""When a person last checked each imported statistics file against its report.

The importer writes the figure files and a test insists they equal its output, so a
review date cannot live in them. A review is a human act, recorded here instead:
data/statistics/reviewed.yaml.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from mappa_kb.content.problems import Problem
from mappa_kb.content.validation import validate_file

REVIEWS_FILE = "reviewed.yaml"


class Review(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    area: str = Field(description="Area id: the folder name under data/statistics/.")
    year: str = Field(description="Reporting year, e.g. 2022-23.")
    reviewed: dt.date = Field(description="Date the figures were compared with the report.")


class ReviewRegistry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    reviews: list[Review] = Field(default_factory=list)


def load_reviews(
    directory: Path, shown: str, held: set[tuple[str, str]], root: Path | None = None
) -> tuple[dict[tuple[str, str], dt.date], list[Problem]]:
    """Review dates by (area, year); a review of figures that do not exist is a problem."""
    path = directory / REVIEWS_FILE
    if not path.is_file():
        return {}, []
    registry, located, problems = validate_file(path, shown, ReviewRegistry, root)
    if registry is None or located is None:
        return {}, problems
    dates: dict[tuple[str, str], dt.date] = {}
    for index, review in enumerate(registry.reviews):
        key = (review.area, review.year)
        line = located.line_of(("reviews", index))
        if key not in held:
            problems.append(
                Problem(
                    shown, line, f"reviews.{index}", f"no statistics file {key[0]}/{key[1]}.yaml"
                )
            )
        elif key in dates:
            problems.append(
                Problem(shown, line, f"reviews.{index}", f"{key[0]}/{key[1]} is listed twice")
            )
        dates[key] = review.reviewed
    return dates, problems
