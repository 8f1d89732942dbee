"""Charts as SVG, drawn by matplotlib at build time.

Pages describe each chart as a ChartSpec (kind, title, description, data); `draw_all`
turns specs into SVG bytes, across processes when there are many (drawing is most of
a national-scale build). Specs are plain data, so the words a reader gets (title and
description) never depend on drawing.

Pages show each chart at the full width of the text column with its title as the
figure's caption, so the drawing leaves the title out and its text is sized for that
width: at 1280px wide a chart is shown at about 1.5 times its native size, so the
smallest text here (9) is about 13px on screen.

Deterministic on purpose: a fixed hash salt (element ids), no creation date and text
kept as text (svg.fonttype none), so the same data always gives the same bytes. We use
Figure objects, never pyplot, and fixed margins rather than constrained layout, which
doubled the drawing time.
"""

from __future__ import annotations

import html
import io
import multiprocessing
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

import matplotlib

matplotlib.use("Agg")  # no display on a build machine; must precede any backend import

from matplotlib.axes import Axes
from matplotlib.figure import Figure

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
TEXT = "#1f1f1f"
ON_PALETTE = ("#ffffff", TEXT, TEXT, TEXT, TEXT, TEXT)
"""Text on each palette colour with the better contrast (white on blue, dark on the rest)."""
SMALLEST = 9
"""Size of the smallest text (bar labels, legends), in the SVG's points."""
RC: Any = {  # Any: matplotlib types the keys as a Literal of every rc name
    "svg.hashsalt": "mappa-kb",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 10.5,
    "axes.edgecolor": "#6b6b6b",
    "axes.labelcolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "text.color": TEXT,
}
WIDTH = 6.4  # inches
PARALLEL_FROM = 40
"""Below this many charts, starting worker processes costs more than it saves."""

ChartKind = Literal["stacked_shares", "grouped_bars", "ranked_bars", "trend_lines"]


@dataclass(frozen=True)
class ChartSpec:
    """What to draw and what to tell a reader who cannot see it."""

    kind: ChartKind
    title: str
    description: str
    data: dict[str, Any] = field(default_factory=dict)
    """Arguments of the kind's drawing function (lists of labels and numbers)."""


def _figure(height: float, *, left: float, bottom: float, top: float = 0.15) -> Figure:
    """A figure with fixed margins, in inches."""
    fig = Figure(figsize=(WIDTH, height))
    fig.subplots_adjust(
        left=left / WIDTH, right=1 - 0.25 / WIDTH, bottom=bottom / height, top=1 - top / height
    )
    return fig


def _tidy(ax: Axes) -> None:
    ax.spines[["top", "right"]].set_visible(False)


SEGMENT_LABEL_FROM = 8.0
"""Shares (%) wide enough to hold their count inside the bar."""


def stacked_shares(
    title: str, rows: Sequence[str], parts: Sequence[str], values: Sequence[Sequence[int]]
) -> Figure:
    """Horizontal 100% bars: one per row, split into `parts` by share of the row total.
    Shares alone would hide that one row may count thousands and another a handful, so
    each row is labelled with its number of people and each wide enough part with its
    count."""
    fig = _figure(0.55 * len(rows) + 1.05, left=1.2, bottom=0.85)
    ax = fig.add_subplot()
    totals = [sum(v) for v in values]
    labels = [f"{row}\n{total:,} people" for row, total in zip(rows, totals, strict=True)]
    left = [0.0] * len(rows)
    for index, part in enumerate(parts):
        counts = [values[r][index] for r in range(len(rows))]
        shares = [100 * c / (totals[r] or 1) for r, c in enumerate(counts)]
        colour = PALETTE[index % len(PALETTE)]
        bars = ax.barh(labels, shares, left=left, label=part, color=colour)
        wide = [share >= SEGMENT_LABEL_FROM for share in shares]
        shown = [f"{c:,}" if fits else "" for c, fits in zip(counts, wide, strict=True)]
        ax.bar_label(
            bars,
            labels=shown,
            label_type="center",
            fontsize=SMALLEST,
            color=ON_PALETTE[index % len(ON_PALETTE)],
        )
        left = [a + b for a, b in zip(left, shares, strict=True)]
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of the people at that level (%); counts inside the bars")
    ax.invert_yaxis()
    fig.legend(loc="lower center", ncols=len(parts), frameon=False, fontsize=SMALLEST + 1)
    _tidy(ax)
    return fig


def grouped_bars(
    title: str, groups: Sequence[str], series: Sequence[tuple[str, Sequence[int]]], ylabel: str
) -> Figure:
    """Vertical bars: for each group, one bar per series, side by side."""
    fig = _figure(3.2, left=0.75, bottom=0.75)
    ax = fig.add_subplot()
    width = 0.8 / len(series)
    for index, (name, values) in enumerate(series):
        xs = [g + (index - (len(series) - 1) / 2) * width for g in range(len(groups))]
        bars = ax.bar(xs, values, width=width, label=name, color=PALETTE[index % len(PALETTE)])
        ax.bar_label(bars, labels=[f"{v:,}" for v in values], fontsize=SMALLEST, padding=2)
    ax.set_xticks(range(len(groups)), groups)
    ax.set_ylabel(ylabel)
    ax.margins(y=0.15)
    fig.legend(loc="lower center", ncols=len(series), frameon=False, fontsize=SMALLEST + 1)
    _tidy(ax)
    return fig


def ranked_bars(title: str, labels: Sequence[str], values: Sequence[float], xlabel: str) -> Figure:
    """Horizontal bars, one per label, in the order given (callers sort them)."""
    longest = max((len(label) for label in labels), default=10)
    # Area names can be long: widen the margin to fit them (about 0.09 in a character).
    fig = _figure(
        0.32 * len(labels) + 0.85, left=min(0.25 + 0.09 * longest, 3.4), bottom=0.6, top=0.1
    )
    ax = fig.add_subplot()
    bars = ax.barh(labels, values, color=PALETTE[0])
    shown = [f"{v:,.1f}".removesuffix(".0") for v in values]
    ax.bar_label(bars, labels=shown, fontsize=SMALLEST + 1, padding=2)
    ax.invert_yaxis()
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlabel(xlabel)
    ax.margins(x=0.12)
    _tidy(ax)
    return fig


def trend_lines(
    title: str, years: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], ylabel: str
) -> Figure:
    """One line per series across the years."""
    rotate = len(years) > 6
    fig = _figure(3.4, left=0.85, bottom=0.95 if rotate else 0.5)
    ax = fig.add_subplot()
    for index, (name, values) in enumerate(series):
        ax.plot(years, values, marker="o", label=name, color=PALETTE[index % len(PALETTE)])
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.tick_params(axis="x", labelrotation=45 if rotate else 0)
    if len(series) > 1:
        ax.legend(frameon=False, fontsize=SMALLEST + 1)
    _tidy(ax)
    return fig


_DRAW: dict[str, Callable[..., Figure]] = {
    "stacked_shares": stacked_shares,
    "grouped_bars": grouped_bars,
    "ranked_bars": ranked_bars,
    "trend_lines": trend_lines,
}


def draw(spec: ChartSpec) -> bytes:
    """One chart as SVG, with its title and description inside, for anyone who opens the
    file on its own (pages give both in the figure around it)."""
    buffer = io.BytesIO()
    with matplotlib.rc_context(RC):
        fig = _DRAW[spec.kind](spec.title, **spec.data)
        fig.savefig(buffer, format="svg", metadata={"Date": None}, facecolor="white")
    svg = buffer.getvalue().decode("utf-8")
    label = f"<title>{html.escape(spec.title)}</title><desc>{html.escape(spec.description)}</desc>"
    opening = svg.index(">", svg.index("<svg")) + 1
    return (svg[:opening] + label + svg[opening:]).encode("utf-8")


def _draw_many(specs: list[ChartSpec]) -> list[bytes]:
    return [draw(spec) for spec in specs]


class ChartBatch:
    """Charts being drawn in worker processes while the caller gets on with other work
    (MkDocs renders pages meanwhile); `results()` waits for them.

    With one worker, few charts, or threads running, everything is drawn at once
    instead: forking a process that runs threads (`mkdocs serve`) can deadlock.
    """

    def __init__(self, specs: dict[str, ChartSpec], workers: int = 1) -> None:
        self._paths = list(specs)
        self._drawn: list[bytes] | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[bytes]]] = []
        can_fork = "fork" in multiprocessing.get_all_start_methods()
        if (
            workers <= 1
            or len(specs) < PARALLEL_FROM
            or not can_fork
            or (threading.active_count() > 1)
        ):
            self._drawn = [draw(spec) for spec in specs.values()]
            return
        # Forked workers start at once and share what is already imported.
        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        values = list(specs.values())
        size = max(1, len(values) // (workers * 8))
        self._futures = [
            self._pool.submit(_draw_many, values[i : i + size]) for i in range(0, len(values), size)
        ]

    @property
    def done(self) -> bool:
        """True when every chart is drawn (always, for a batch drawn at once)."""
        return self._drawn is not None or all(f.done() for f in self._futures)

    def results(self) -> dict[str, bytes]:
        if self._drawn is None:
            try:
                self._drawn = [svg for future in self._futures for svg in future.result()]
            finally:
                self.cancel()
        return dict(zip(self._paths, self._drawn, strict=True))

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def draw_all(specs: dict[str, ChartSpec], workers: int = 1) -> dict[str, bytes]:
    """Every chart, keyed as given; in `workers` processes when there are enough."""
    return ChartBatch(specs, workers).results()
