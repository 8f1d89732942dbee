"""A plain caution beside rates worked out from few people.

A recall rate of 28.2% from 31 returns among 110 people and one of 8.5% from 65 among
767 look equally solid in a table, but chance alone could move the first about eight
points either way and the second about two. A rate whose 95% margin of error (Wilson's
interval, which stays honest for rates near 0 or 100%) is MARGIN_FROM points or more
says so, in words, next to the figure.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

MARGIN_FROM = 5.0
"""Percentage points either way from which a rate is called uncertain: about what 150
people give at a rate near 20%, and more than a real difference between areas is often."""
_Z = 1.96  # 95%


@dataclass(frozen=True)
class Rate:
    label: str
    """What the rate is of, as a reader names it: 'Category 3', 'London'."""
    count: int
    base: int


def margin(count: int, base: int) -> float:
    """Half the width of the 95% Wilson score interval, in percentage points."""
    if base <= 0:
        return 0.0
    p = count / base
    spread = _Z * math.sqrt(p * (1 - p) / base + _Z**2 / (4 * base**2))
    return 100 * spread / (1 + _Z**2 / base)


def is_uncertain(count: int, base: int | None) -> bool:
    return base is not None and base > 0 and margin(count, base) >= MARGIN_FROM


def caution(rates: Sequence[Rate], what: str = "recall rate") -> str:
    """'<p class="kb-caution">…</p>' naming the rates from few people; '' if none."""
    small = [r for r in rates if is_uncertain(r.count, r.base)]
    if not small:
        return ""
    widest = round(max(margin(r.count, r.base) for r in small))
    if len(small) == 1:
        rate = small[0]
        said = f"The {what} for {html.escape(rate.label)} comes from few people: "
        said += f"{rate.count:,} of {rate.base:,}. From so few, chance alone could move it "
        said += f"about {widest} points either way,"
    else:
        listed = "; ".join(f"{html.escape(r.label)}, {r.count:,} of {r.base:,}" for r in small)
        said = f"Some of these {what}s come from few people: {listed}. From so few, chance "
        said += f"alone could move them by up to {widest} points either way,"
    return (
        f'<p class="kb-caution"><strong>Small numbers.</strong> {said} and they can change '
        "a lot from one year to the next. Compare with care.</p>"
    )


def note(count: int | None, base: int | None) -> str:
    """A short cell note for a rate from few people; '' otherwise."""
    if count is None or not is_uncertain(count, base):
        return ""
    return f" <strong>Small numbers:</strong> from {base:,} people, so compare with care."
