"""Charts as SVG, drawn by matplotlib at build time.

Deterministic on purpose: a fixed hash salt (element ids), no creation date and text
kept as text (svg.fonttype none), so the same data always gives the same bytes and a
rebuilt site differs only where the data did. We use Figure objects directly, never
pyplot, so nothing is shared between charts or threads.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display on a build machine; must precede any backend import

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


@dataclass(frozen=True)
class Chart:
    """An SVG chart with the words a reader needs when they cannot see it."""

    title: str
    description: str
    svg: bytes


def _finish(fig: Figure, title: str, description: str) -> Chart:
    buffer = io.BytesIO()
    with matplotlib.rc_context(RC):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, facecolor="white")
    svg = buffer.getvalue().decode("utf-8")
    # Screen readers that open the file itself get the same title and description.
    label = f"<title>{html.escape(title)}</title><desc>{html.escape(description)}</desc>"
    opening = svg.index(">", svg.index("<svg")) + 1
    svg = svg[:opening] + label + svg[opening:]
    return Chart(title, description, svg.encode("utf-8"))


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(RC):
        return Figure(figsize=(width, height), layout="constrained")


def stacked_shares(
    title: str,
    description: str,
    rows: Sequence[str],
    parts: Sequence[str],
    values: Sequence[Sequence[int]],
) -> Chart:
    """Horizontal 100% bars: one per row, split into `parts` by share of the row total."""
    with matplotlib.rc_context(RC):
        fig = _figure(6.4, 0.7 * len(rows) + 1.4)
        ax = fig.add_subplot()
        left = [0.0] * len(rows)
        totals = [sum(v) or 1 for v in values]
        for index, part in enumerate(parts):
            shares = [100 * values[r][index] / totals[r] for r in range(len(rows))]
            ax.barh(rows, shares, left=left, label=part, color=PALETTE[index % len(PALETTE)])
            left = [a + b for a, b in zip(left, shares, strict=True)]
        ax.set_xlim(0, 100)
        ax.set_xlabel("Share of the row (%)")
        ax.invert_yaxis()
        ax.set_title(title, loc="left", fontsize=11)
        fig.legend(loc="outside lower center", ncols=len(parts), frameon=False, fontsize=9)
        ax.spines[["top", "right"]].set_visible(False)
    return _finish(fig, title, description)


def grouped_bars(
    title: str,
    description: str,
    groups: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    ylabel: str,
) -> Chart:
    """Vertical bars: for each group, one bar per series, side by side."""
    with matplotlib.rc_context(RC):
        fig = _figure(6.4, 3.6)
        ax = fig.add_subplot()
        width = 0.8 / len(series)
        for index, (name, values) in enumerate(series):
            xs = [g + (index - (len(series) - 1) / 2) * width for g in range(len(groups))]
            bars = ax.bar(xs, values, width=width, label=name, color=PALETTE[index % len(PALETTE)])
            ax.bar_label(bars, labels=[f"{v:,}" for v in values], fontsize=8, padding=2)
        ax.set_xticks(range(len(groups)), groups)
        ax.set_ylabel(ylabel)
        ax.margins(y=0.15)
        ax.set_title(title, loc="left", fontsize=11)
        fig.legend(loc="outside lower center", ncols=len(series), frameon=False, fontsize=9)
        ax.spines[["top", "right"]].set_visible(False)
    return _finish(fig, title, description)


def ranked_bars(
    title: str, description: str, labels: Sequence[str], values: Sequence[float], xlabel: str
) -> Chart:
    """Horizontal bars, one per label, in the order given (callers sort them)."""
    with matplotlib.rc_context(RC):
        fig = _figure(6.4, 0.32 * len(labels) + 1.2)
        ax = fig.add_subplot()
        bars = ax.barh(labels, values, color=PALETTE[0])
        ax.bar_label(
            bars, labels=[f"{v:,.1f}".removesuffix(".0") for v in values], fontsize=8, padding=2
        )
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.margins(x=0.12)
        ax.set_title(title, loc="left", fontsize=11)
        ax.spines[["top", "right"]].set_visible(False)
    return _finish(fig, title, description)


def trend_lines(
    title: str,
    description: str,
    years: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    ylabel: str,
) -> Chart:
    """One line per series across the years."""
    with matplotlib.rc_context(RC):
        fig = _figure(6.4, 3.4)
        ax = fig.add_subplot()
        for index, (name, values) in enumerate(series):
            ax.plot(years, values, marker="o", label=name, color=PALETTE[index % len(PALETTE)])
        ax.set_ylabel(ylabel)
        ax.set_ylim(bottom=0)
        ax.tick_params(axis="x", labelrotation=45 if len(years) > 6 else 0)
        ax.set_title(title, loc="left", fontsize=11)
        if len(series) > 1:
            ax.legend(frameon=False, fontsize=9)
        ax.spines[["top", "right"]].set_visible(False)
    return _finish(fig, title, description)
