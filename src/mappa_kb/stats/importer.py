"""Read the statistics tables out of the text of a MAPPA annual report.

Reports are exported one table cell per line: a table's title, its header cells, then
each row label ('Level 2') followed by its numbers. The importer finds the 'MAPPA
Statistics' section, finds each standard table by its title wherever it sits in the
section, and reads rows by their labels, so blank lines, extra spaces, thousands
separators and a different table order do not matter. Anything missing, cut short or
not adding up stops the import with every problem named; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pydantic import ValidationError

from mappa_kb.content.statistics.consistency import check_statistics
from mappa_kb.content.statistics.models import AreaYearStatistics, year_bounds

_SPACE = re.compile(r"[\s\u00a0\u202f]+")
_NUMBER = re.compile(r"^\d{1,3}(?:[,\u00a0\u202f ]\d{3})+$|^\d+$")
_NOT_APPLICABLE = {"-", "n/a"}
_SECTION_START = re.compile(r"^mappa statistics$")
_SECTION_END = re.compile(r"^explanation commentary on statistical tables")


class ImportFailed(Exception):
    """The report cannot be imported; `problems` says why, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class _Cell:
    line: int
    text: str
    """Whitespace collapsed, dashes unified, lower case: for matching labels."""


@dataclass(frozen=True)
class _TableSpec:
    key: str
    name: str
    """The table as the report titles it, for messages."""
    title: re.Pattern[str]
    rows: tuple[tuple[str, re.Pattern[str]], ...]
    width: int
    """Numbers per row: 4 for category tables (three categories and a total), else 1."""


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_LEVEL = {n: _rx(rf"^level\s*{n}$") for n in (1, 2, 3)}
_TOTAL = _rx(r"^total$")
_ROWS_1_3 = (("level1", _LEVEL[1]), ("level2", _LEVEL[2]), ("level3", _LEVEL[3]), ("total", _TOTAL))
_ROWS_2_3 = _ROWS_1_3[1:]

TABLE_SPECS: tuple[_TableSpec, ...] = (
    _TableSpec(
        "eligible",
        "MAPPA-eligible individuals on 31 March",
        _rx(r"^mappa-eligible (?:individuals|offenders|people)(?: on (?P<date>.+))?$"),
        _ROWS_1_3,
        4,
    ),
    _TableSpec(
        "levels_2_3_yearly",
        "MAPPA-eligible offenders in Levels 2 and 3 by category (yearly total)",
        _rx(r"levels? 2 and 3 by category"),
        _ROWS_2_3,
        4,
    ),
    _TableSpec(
        "returned_to_custody",
        "Returned to custody for breach of licence",
        _rx(r"^returned to custody for breach of licen[cs]e$"),
        _ROWS_2_3,
        4,
    ),
    _TableSpec(
        "shpo_breach",
        "Breach of SHPO",
        _rx(r"^breach of (?:an? )?(?:shpo|sexual harm prevention order)s?$"),
        _ROWS_2_3,
        1,
    ),
)

# Single figures: a label cell followed by one number.
FIGURE_SPECS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "cat1_breach_notification",
        "Category 1 cautioned or convicted for breach of notification requirements",
        _rx(r"^category 1 cautioned or convicted for breach of notification"),
    ),
    (
        "cat1_lifetime_revoked",
        "Category 1 who have had their life time notification revoked on application",
        _rx(r"^category 1 who have had their life ?time notification revoked"),
    ),
    (
        "shpo",
        "Sexual Harm Prevention Order (SHPO)",
        _rx(r"^sexual harm prevention orders?(?: \(shpos?\))?$"),
    ),
    (
        "shpo_foreign_travel",
        "SHPO with foreign travel restriction",
        _rx(r"^shpos? with (?:a )?foreign travel restriction"),
    ),
    ("notification_orders", "Notification Order", _rx(r"^notification orders?$")),
    (
        "sro_breach_became_notifiable",
        "Became subject to notification requirements following a breach of a Sexual Risk Order",
        _rx(r"notification requirements following (?:a )?breach.*sexual risk order"),
    ),
    (
        "notifiable_per_100k",
        "Individuals subject to notification requirements per 100,000 population",
        _rx(r"per 100,?000 population$"),
    ),
)


def _normalise(text: str) -> str:
    text = _SPACE.sub(" ", text).strip()
    for dash in ("–", "—", "‐"):  # en dash, em dash, hyphen: reports mix them
        text = text.replace(dash, "-")
    return text.casefold().rstrip(":").strip()


def _number(cell: _Cell) -> tuple[bool, int | None]:
    """(is a figure, value): value None for a not-applicable '-'."""
    if cell.text in _NOT_APPLICABLE:
        return True, None
    if _NUMBER.match(cell.text):
        return True, int(re.sub(r"\D", "", cell.text))
    return False, None


def _section(text: str) -> list[_Cell]:
    cells = [
        _Cell(n, _normalise(line))
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]
    start = next((i for i, c in enumerate(cells) if _SECTION_START.match(c.text)), None)
    if start is None:
        raise ImportFailed(["no 'MAPPA Statistics' section found: is this a MAPPA annual report?"])
    end = next(
        (i for i in range(start + 1, len(cells)) if _SECTION_END.match(cells[i].text)), len(cells)
    )
    return cells[start + 1 : end]


def _find(cells: list[_Cell], pattern: re.Pattern[str]) -> int | None:
    return next((i for i, c in enumerate(cells) if pattern.search(c.text)), None)


class _Reader:
    def __init__(self, cells: list[_Cell]) -> None:
        self.cells = cells
        self.problems: list[str] = []
        patterns = [s.title for s in TABLE_SPECS] + [p for _, _, p in FIGURE_SPECS]
        found = (_find(cells, p) for p in patterns)
        self.starts = sorted(i for i in found if i is not None)

    def _region_end(self, start: int) -> int:
        """A table ends where the next known title starts (or the section ends)."""
        return next((i for i in self.starts if i > start), len(self.cells))

    def _numbers(self, at: int, end: int) -> list[int | None]:
        values: list[int | None] = []
        while at < end:
            is_figure, value = _number(self.cells[at])
            if not is_figure:
                break
            values.append(value)
            at += 1
        return values

    def table(self, spec: _TableSpec) -> dict[str, object] | None:
        title = _find(self.cells, spec.title)
        if title is None:
            self.problems.append(
                f"table '{spec.key}' ({spec.name}): not found in the MAPPA Statistics section"
            )
            return None
        end, at = self._region_end(title), title + 1
        rows: dict[str, object] = {}
        for row_key, label in spec.rows:
            found = next((i for i in range(at, end) if label.match(self.cells[i].text)), None)
            where = f"table '{spec.key}' ({spec.name}, line {self.cells[title].line})"
            if found is None:
                self.problems.append(
                    f"{where}: row '{row_key}' not found (is the report cut short?)"
                )
                return None
            values = self._numbers(found + 1, end)
            if row_key == spec.rows[-1][0]:
                # After the last row a stray number is a page number, not part of the table.
                values = values[: spec.width]
            if len(values) != spec.width:
                self.problems.append(
                    f"{where}: row '{row_key}' (line {self.cells[found].line}) has "
                    f"{len(values)} numbers, expected {spec.width}"
                )
                return None
            if spec.width == 1:
                rows[row_key] = values[0]
            else:
                rows[row_key] = dict(zip(("cat1", "cat2", "cat3", "total"), values, strict=True))
            at = found + 1 + len(values)
        rows["_title"] = self.cells[title].text
        return rows

    def figure(self, key: str, name: str, pattern: re.Pattern[str]) -> int | None:
        label = _find(self.cells, pattern)
        if label is None:
            self.problems.append(
                f"figure '{key}' ({name}): not found in the MAPPA Statistics section"
            )
            return None
        values = self._numbers(label + 1, min(label + 2, len(self.cells)))
        if not values or values[0] is None:
            self.problems.append(
                f"figure '{key}' ({name}, line {self.cells[label].line}): no number after the label"
            )
            return None
        return values[0]


def _snapshot_problem(title: str, expected: dt.date) -> str | None:
    match = TABLE_SPECS[0].title.match(title)
    stated = match.group("date") if match else None
    if not stated:
        return None
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", stated)
    try:
        date = dt.datetime.strptime(cleaned, "%d %B %Y").date()
    except ValueError:
        return f"table 'eligible': cannot read the snapshot date '{stated}'"
    if date != expected:
        return (
            f"table 'eligible': the report's snapshot date {date.isoformat()} does not match "
            f"year {expected.year - 1}-{expected.year % 100:02d} (expected {expected.isoformat()})"
        )
    return None


def area_id_for(name: str) -> str:
    """'Cambridgeshire and Peterborough' -> 'cambridgeshire-and-peterborough'."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold().replace("&", " and ")).strip("-")


def import_report(
    text: str, area_name: str, year: str, source: str, area_id: str | None = None
) -> AreaYearStatistics:
    """The statistics of one report, checked; raise ImportFailed naming each problem."""
    try:
        start, end = year_bounds(year)
    except ValueError as exc:
        raise ImportFailed([str(exc)]) from exc
    reader = _Reader(_section(text))
    data: dict[str, object] = {
        "area": area_id or area_id_for(area_name),
        "area_name": area_name,
        "year": year,
        "period": {"start": start, "end": end},
        "snapshot_date": end,
        "source": source,
    }
    for spec in TABLE_SPECS:
        rows = reader.table(spec)
        if rows is None:
            continue
        title = str(rows.pop("_title"))
        if spec.key == "eligible" and (problem := _snapshot_problem(title, end)):
            reader.problems.append(problem)
        data[spec.key] = rows
    for key, name, pattern in FIGURE_SPECS:
        data[key] = reader.figure(key, name, pattern)
    if reader.problems:
        raise ImportFailed(reader.problems)
    try:
        stats = AreaYearStatistics.model_validate(data)
    except ValidationError as exc:
        raise ImportFailed(
            [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        ) from exc
    names = {s.key: s.name for s in TABLE_SPECS}
    findings = check_statistics(stats)
    if findings:
        raise ImportFailed(
            [f"{f.message} (report table: {names.get(f.table, f.table)})" for f in findings]
        )
    return stats
