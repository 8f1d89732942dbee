"""Answers worked out from the figures: sums of parts, shares, areas compared; and what
the site does not hold, said plainly instead of answering about something else.

The search finds the figure a question is about (its best statistic passage); this
module does the arithmetic the question asks for with the numbers beside it, and shows
its working. Every number comes from the statistics data saved in the lexicon.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from mappa_kb.search.lexicon import Figure, Lexicon
from mappa_kb.search.passage import Passage
from mappa_kb.search.understand.intents import Intent
from mappa_kb.search.understand.question import Question

_YEAR = re.compile(r"(?<!mid-)(?<!mid )\b((?:19|20)\d\d)(?:\s*(?:-|/|–|to)\s*((?:19|20)?\d\d))?\b")
_SHORT_YEAR = re.compile(r"(?<![\d/])\b(\d\d)\s*[-/]\s*(\d\d)\b(?![\d/])")
_NATIONAL = re.compile(
    r"\b(england and wales|nationally|national(?:ly)? (?:total|figure|number)s?|"
    r"the (?:whole )?country|across the country|uk[- ]wide|in the uk|whole uk)\b",
    re.I,
)
_COMPARE = re.compile(
    r"\b(which area|what area|which (?:had|has|is)|compare[ds]?|comparison|versus|vs|"
    r"higher|lower|more|fewer|less|bigger|smaller|than)\b",
    re.I,
)
_LEVELS = re.compile(r"\blevels?\s*(\d)((?:\s*(?:,|and|&|\+|or|plus)\s*(?:level\s*)?\d)+)", re.I)
_CATEGORIES = re.compile(
    r"\b(?:categor(?:y|ies)|cat)s?\s*(\d)((?:\s*(?:,|and|&|\+|or|plus)\s*(?:(?:categor(?:y|ies)|cat)\s*)?\d)+)",
    re.I,
)
_ABOUT_ABROAD = re.compile(
    r"\b(convict\w*|abroad|overseas|foreign|travel\w*|visit\w*|moved? (?:here|to))\b", re.I
)
_ROW = {"1": "level1", "2": "level2", "3": "level3"}
_COLUMN = {"1": "cat1", "2": "cat2", "3": "cat3"}
_ROW_NAME = {"level1": "Level 1", "level2": "Level 2", "level3": "Level 3"}
_COLUMN_NAME = {"cat1": "Category 1", "cat2": "Category 2", "cat3": "Category 3"}


@dataclass(frozen=True)
class Worked:
    """An answer worked out from figures: the numbers used and how."""

    shape: str
    """'figure' (one number), 'sum', 'share' or 'comparison'."""
    title: str
    text: str
    figures: list[Figure]
    working: str
    url: str
    source: str

    def passage(self) -> Passage:
        return Passage(self.title, self.text, self.url, self.source, "statistic")


@dataclass
class Scope:
    """What the site holds, and a question's places and years it does not."""

    message: str
    not_covered: bool
    """True when nothing on the site answers it (another country, area or year)."""


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "not available"


@dataclass
class FigureBook:
    """The lexicon's figures, filed for the questions that compute with them."""

    lexicon: Lexicon
    cells: dict[tuple[str, str, str], Figure] = field(init=False)
    by_text: dict[str, Figure] = field(init=False)
    held: dict[str, list[str]] = field(init=False)

    def __post_init__(self) -> None:
        figures = self.lexicon.figures
        self.cells = {(f.area, f.year, f.key): f for f in figures}
        self.by_text = {f.text: f for f in figures}
        held: dict[str, set[str]] = defaultdict(set)
        for figure in figures:
            held[figure.area].add(figure.year)
        self.held = {area: sorted(years) for area, years in sorted(held.items())}
        self._places = self._pattern(self.lexicon.places)
        self._outside = self._pattern(self.lexicon.outside)

    @staticmethod
    def _pattern(names: list[str]) -> re.Pattern[str] | None:
        if not names:
            return None
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(rf"\b(?:{alternatives})\b", re.I)

    def holdings(self) -> str:
        """'2022-23 for London and for Cambridgeshire and Peterborough'."""
        by_years: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for area, years in self.held.items():
            by_years[tuple(years)].append(area)
        parts = [
            f"{_join(list(years))} for {' and for '.join(areas)}"
            for years, areas in by_years.items()
        ]
        return "; ".join(parts)

    def _years_asked(self, text: str) -> list[str]:
        """Reporting years named in the question, as '2022-23'; a single year as '2023'.
        'Mid-2021' is the date of a population estimate, not a reporting year."""
        found = []
        for match in _YEAR.finditer(text):
            start, end = match.group(1), match.group(2)
            if end:
                end = end[-2:]
                if int(end) == (int(start[-2:]) + 1) % 100:
                    found.append(f"{start}-{end}")
            else:
                found.append(start)
        for match in _SHORT_YEAR.finditer(text):
            first, second = match.group(1), match.group(2)
            if int(second) == (int(first) + 1) % 100:
                found.append(f"20{first}-{second}")
        return found

    def _held_year(self, asked: str) -> bool:
        years = {y for ys in self.held.values() for y in ys}
        if "-" in asked:
            return asked in years
        return any(asked in (y[:4], f"{y[:2]}{y[-2:]}") for y in years)

    def scope(self, question: Question) -> Scope | None:
        """Why the site cannot answer, where it names somewhere or some year it does not hold."""
        text = question.text  # as typed: a place's name is never "corrected"
        held_asked = [a for a in question.areas if a in self.held]
        outside = self._outside.search(text) if self._outside else None
        if outside and not _ABOUT_ABROAD.search(text) and not held_asked:
            where = outside.group(0)
            message = f"This site is about MAPPA in England and Wales. It does not cover {where}."
            return Scope(message, True)
        if Intent.COUNT not in question.intents:
            return None
        holds = f"This site holds MAPPA figures for {self.holdings()}."
        missing_years = [y for y in self._years_asked(text) if not self._held_year(y)]
        place = self._places.search(text) if self._places else None
        if _NATIONAL.search(text) and not held_asked:
            return Scope(f"{holds} It has no national totals for England and Wales.", True)
        if place and not held_asked:
            return Scope(
                f"{holds} It has none for {place.group(0)}: each area publishes its own "
                "MAPPA annual report.",
                True,
            )
        if missing_years:
            return Scope(f"{holds} It has none for {_join(missing_years)}.", True)
        return None

    # -- working things out -----------------------------------------------------------

    def figure_of(self, passage: Passage) -> Figure | None:
        return self.by_text.get(passage.text) if passage.kind == "statistic" else None

    def work_out(self, question: Question, found: list[Passage]) -> Worked | None:
        """The arithmetic the question asks of the figure the search found, if any: for a
        question asking for figures, its best statistic; otherwise ("which area had more
        SHPOs") only a statistic among the best answers."""
        looked = found if Intent.COUNT in question.intents else found[:2]
        first = next((f for f in map(self.figure_of, looked) if f is not None), None)
        if first is None:
            return None
        text = question.corrected or question.text
        compared = self._compared(question, text, first)
        if compared is not None:
            return compared
        if not first.derived:
            summed = self._summed(text, first)
            if summed is not None:
                return summed
            if Intent.SHARE in question.intents:
                return self._share(first)
        return None

    def _compared(self, question: Question, text: str, first: Figure) -> Worked | None:
        """'Which area had the higher rate': the same figure for every area held."""
        asks = _COMPARE.search(text) is not None or Intent.COMPARE in question.intents
        if not asks or (
            len(question.areas) < 2 and not re.search(r"\b(which|what) area", text, re.I)
        ):
            return None
        alike = [
            f for (area, year, key), f in sorted(self.cells.items())
            if key == first.key and year == first.year
        ]  # fmt: skip
        if len(alike) < 2:
            return None
        ranked = sorted(alike, key=lambda f: -f.value)
        high, low = ranked[0], ranked[-1]
        each = "; ".join(f"{f.area} {f.shown}" for f in ranked)
        difference = high.value - low.value
        unit = "percentage points" if first.derived else ""
        gap = f"{_number(difference)} {unit}".strip()
        verdict = f"{high.area} is higher, by {gap}." if difference else "They are the same."
        label = first.label[:1].upper() + first.label[1:]
        return Worked(
            "comparison",
            f"Areas compared, {first.year}",
            f"{label}: {each}. {verdict}",
            ranked,
            f"{high.area} {high.shown} - {low.area} {low.shown} = {gap}",
            first.url,
            f"Worked out from the areas' MAPPA annual reports {first.year}, MAPPA Statistics",
        )

    def _summed(self, text: str, first: Figure) -> Worked | None:
        """'Level 2 and 3 together': the parts of one table added up."""
        for pattern, names, axis in ((_LEVELS, _ROW, "row"), (_CATEGORIES, _COLUMN, "column")):
            match = pattern.search(text)
            if match is None or not first.table:
                continue
            numbers = [match.group(1), *re.findall(r"\d", match.group(2))]
            wanted = list(dict.fromkeys(names[n] for n in numbers if n in names))
            if len(wanted) < 2:
                continue
            parts = []
            for part in wanted:
                row, column = (part, first.column) if axis == "row" else (first.row, part)
                key = ".".join(filter(None, (first.table, row, column)))
                figure = self.cells.get((first.area, first.year, key))
                if figure is None:
                    break
                parts.append(figure)
            else:
                return self._sum_of(first, wanted, parts, axis)
        return None

    def _sum_of(self, first: Figure, wanted: list[str], parts: list[Figure], axis: str) -> Worked:
        names = _ROW_NAME if axis == "row" else _COLUMN_NAME
        total = sum(f.value for f in parts)
        working = " + ".join(f"{names[p]}: {f.shown}" for p, f in zip(wanted, parts, strict=True))
        # When the parts are all of the table's rows (or columns), its own total is the
        # report's figure for them: say that, and show that it adds up.
        joined = _join([names[p] for p in wanted])
        title = f"{first.area} {first.year}: {joined} together"
        whole = self._table_total(first, wanted, axis)
        if whole is not None and whole.value == total:
            return Worked(
                "sum", title, whole.text, parts, f"{working} = {whole.shown}", whole.url,
                whole.source,
            )  # fmt: skip
        label = parts[0].label.replace(names[wanted[0]], f"{joined} together", 1)
        return Worked(
            "sum",
            title,
            f"{first.area}: {label}: {_number(total)} ({working}).",
            parts,
            f"{working} = {_number(total)}",
            first.url,
            f"Worked out from {first.source.removeprefix('Worked out from ')}",
        )

    def _table_total(self, first: Figure, wanted: list[str], axis: str) -> Figure | None:
        """The table's total for `wanted`, when they are all of its rows (or columns)."""
        same = [
            f for (area, year, _), f in self.cells.items()
            if area == first.area and year == first.year and f.table == first.table
            and (f.column == first.column if axis == "row" else f.row == first.row)
        ]  # fmt: skip
        members = {(f.row if axis == "row" else f.column) for f in same} - {"total"}
        if members != set(wanted):
            return None
        return next((f for f in same if (f.row if axis == "row" else f.column) == "total"), None)

    def _share(self, part: Figure) -> Worked | None:
        """'What share were at Level 1': the part as a percentage of its table's total."""
        if part.row not in {"", "total"}:
            key = ".".join(filter(None, (part.table, "total", part.column)))
        elif part.column not in {"", "total"}:
            key = ".".join(filter(None, (part.table, part.row, "total")))
        else:
            return None
        whole = self.cells.get((part.area, part.year, key))
        if whole is None or not whole.value:
            return None
        share = _percent(part.value, whole.value)
        working = f"{part.shown} of {whole.shown} = {share}"
        return Worked(
            "share",
            f"{part.area} {part.year}: share worked out",
            f"{part.area}: {part.label}: {part.shown} of {whole.shown}, which is {share}.",
            [part, whole],
            working,
            part.url,
            f"Worked out from {part.source.removeprefix('Worked out from ')}",
        )
