"""Charts as SVG, drawn by matplotlib at build time.

Pages describe each chart as a ChartSpec (kind, title, description, data); `draw_all`
turns specs into SVG bytes, across processes when there are many (drawing is most of
a national-scale build). Specs are plain data, so the words a reader gets (title and
description) never depend on drawing.

Deterministic on purpose: a fixed hash salt (element ids), no creation date and text
kept as text (svg.fonttype none), so the same data always gives the same bytes. We use
Figure objects, never pyplot, and fixed margins rather than constrained layout, which
doubled the drawing time.
"""

from __future__ import annotations

import html
import io
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

import matplotlib

matplotlib.use("Agg")  # no display on a build machine; must precede any backend import

from matplotlib.axes import Axes
from matplotlib.figure import Figure

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
TEXT = "#1f1f1f"
RC: Any = {  # Any: matplotlib types the keys as a Literal of every rc name
    "svg.hashsalt": "mappa-kb",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 10,
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


def _figure(height: float, *, left: float, bottom: float, top: float = 0.45) -> Figure:
    """A figure with fixed margins, in inches."""
    fig = Figure(figsize=(WIDTH, height))
    fig.subplots_adjust(
        left=left / WIDTH, right=1 - 0.25 / WIDTH, bottom=bottom / height, top=1 - top / height
    )
    return fig


def _tidy(ax: Axes, title: str) -> None:
    ax.set_title(title, loc="left", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)


def stacked_shares(
    title: str, rows: Sequence[str], parts: Sequence[str], values: Sequence[Sequence[int]]
) -> Figure:
    """Horizontal 100% bars: one per row, split into `parts` by share of the row total."""
    fig = _figure(0.5 * len(rows) + 1.5, left=0.75, bottom=0.95)
    ax = fig.add_subplot()
    left = [0.0] * len(rows)
    totals = [sum(v) or 1 for v in values]
    for index, part in enumerate(parts):
        shares = [100 * values[r][index] / totals[r] for r in range(len(rows))]
        ax.barh(rows, shares, left=left, label=part, color=PALETTE[index % len(PALETTE)])
        left = [a + b for a, b in zip(left, shares, strict=True)]
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of the people at that level (%)")
    ax.invert_yaxis()
    fig.legend(loc="lower center", ncols=len(parts), frameon=False, fontsize=9)
    _tidy(ax, title)
    return fig


def grouped_bars(
    title: str, groups: Sequence[str], series: Sequence[tuple[str, Sequence[int]]], ylabel: str
) -> Figure:
    """Vertical bars: for each group, one bar per series, side by side."""
    fig = _figure(3.6, left=0.75, bottom=0.8)
    ax = fig.add_subplot()
    width = 0.8 / len(series)
    for index, (name, values) in enumerate(series):
        xs = [g + (index - (len(series) - 1) / 2) * width for g in range(len(groups))]
        bars = ax.bar(xs, values, width=width, label=name, color=PALETTE[index % len(PALETTE)])
        ax.bar_label(bars, labels=[f"{v:,}" for v in values], fontsize=8, padding=2)
    ax.set_xticks(range(len(groups)), groups)
    ax.set_ylabel(ylabel)
    ax.margins(y=0.15)
    fig.legend(loc="lower center", ncols=len(series), frameon=False, fontsize=9)
    _tidy(ax, title)
    return fig


def ranked_bars(title: str, labels: Sequence[str], values: Sequence[float], xlabel: str) -> Figure:
    """Horizontal bars, one per label, in the order given (callers sort them)."""
    longest = max((len(label) for label in labels), default=10)
    fig = _figure(0.28 * len(labels) + 1.1, left=min(0.2 + 0.068 * longest, 3.0), bottom=0.6)
    ax = fig.add_subplot()
    bars = ax.barh(labels, values, color=PALETTE[0])
    shown = [f"{v:,.1f}".removesuffix(".0") for v in values]
    ax.bar_label(bars, labels=shown, fontsize=8, padding=2)
    ax.invert_yaxis()
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlabel(xlabel)
    ax.margins(x=0.12)
    _tidy(ax, title)
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
        ax.legend(frameon=False, fontsize=9)
    _tidy(ax, title)
    return fig


_DRAW: dict[str, Callable[..., Figure]] = {
    "stacked_shares": stacked_shares,
    "grouped_bars": grouped_bars,
    "ranked_bars": ranked_bars,
    "trend_lines": trend_lines,
}


def draw(spec: ChartSpec) -> bytes:
    """One chart as SVG, with its title and description inside for screen readers."""
    buffer = io.BytesIO()
    with matplotlib.rc_context(RC):
        fig = _DRAW[spec.kind](spec.title, **spec.data)
        fig.savefig(buffer, format="svg", metadata={"Date": None}, facecolor="white")
    svg = buffer.getvalue().decode("utf-8")
    label = f"<title>{html.escape(spec.title)}</title><desc>{html.escape(spec.description)}</desc>"
    opening = svg.index(">", svg.index("<svg")) + 1
    return (svg[:opening] + label + svg[opening:]).encode("utf-8")


def draw_all(specs: dict[str, ChartSpec], workers: int = 1) -> dict[str, bytes]:
    """Every chart, keyed as given; in `workers` processes when there are enough."""
    if workers <= 1 or len(specs) < PARALLEL_FROM:
        return {path: draw(spec) for path, spec in specs.items()}
    # 'spawn' rather than fork: `mkdocs serve` runs threads, and forking a threaded
    # process can deadlock.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        drawn = pool.map(draw, specs.values(), chunksize=max(1, len(specs) // (workers * 8)))
        return dict(zip(specs, drawn, strict=True))
