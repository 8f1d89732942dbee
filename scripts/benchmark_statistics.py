"""Statistics at national scale: 42 areas x 15 years of valid data, then time the
validation and a full strict site build. Goal: build under 120 s on a 2-core machine.

    python scripts/benchmark_statistics.py [--areas 42] [--years 15] [--glossary DIR]

Works on a temporary copy of the project; the real data and site are not touched.
The generated figures are random but consistent (every total adds up), seeded so two
runs build the same site.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

from mappa_kb.build import build_site
from mappa_kb.content.project import load_statistics
from mappa_kb.content.statistics.models import AreaYearStatistics, year_bounds
from mappa_kb.paths import ProjectPaths
from mappa_kb.stats.serialise import to_yaml

REPO = Path(__file__).resolve().parents[1]


def _grid(
    rng: random.Random, rows: dict[str, list[int | None]]
) -> dict[str, dict[str, int | None]]:
    """Rows of category counts -> rows with totals, plus a total row that adds up."""
    out: dict[str, dict[str, int | None]] = {}
    for name, cells in rows.items():
        out[name] = {
            "cat1": cells[0],
            "cat2": cells[1],
            "cat3": cells[2],
            "total": sum(c or 0 for c in cells),
        }
    out["total"] = {
        column: sum(row[column] or 0 for row in list(out.values())) for column in out[name]
    }
    del rng
    return out


def fake_year(area: str, name: str, year: str, size: float, rng: random.Random) -> str:
    start, end = year_bounds(year)

    def n(mean: float) -> int:
        return max(0, round(rng.gauss(mean * size, mean * size * 0.15)))

    yearly = _grid(rng, {"level2": [n(50), n(30), n(25)], "level3": [n(6), n(3), n(3)]})
    returned = _grid(
        rng,
        {
            f"level{level}": [
                min(n(6 / level), int(yearly[f"level{level}"][column] or 0))
                for column in ("cat1", "cat2", "cat3")
            ]
            for level in (2, 3)
        },
    )
    breach = [n(0.5), n(0.5)]
    data = {
        "area": area,
        "area_name": name,
        "year": year,
        "period": {"start": start, "end": end},
        "snapshot_date": end,
        "source": f"{area}-{year}",
        "eligible": _grid(
            rng,
            {
                "level1": [n(900), n(300), None],
                "level2": [n(20), n(12), n(12)],
                "level3": [n(3), n(1), n(2)],
            },
        ),
        "levels_2_3_yearly": yearly,
        "cat1_breach_notification": n(35),
        "cat1_lifetime_revoked": n(12),
        "shpo": n(60),
        "shpo_foreign_travel": n(1),
        "notification_orders": n(2),
        "sro_breach_became_notifiable": n(1),
        "notifiable_per_100k": max(40, round(rng.gauss(110, 20))),
        "returned_to_custody": returned,
        "shpo_breach": {"level2": breach[0], "level3": breach[1], "total": sum(breach)},
    }
    return to_yaml(AreaYearStatistics.model_validate(data))


def make_copy(root: Path, glossary: Path, areas: int, years: int) -> tuple[ProjectPaths, int]:
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, root / name)
    for folder in ("docs", "scripts"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copytree(glossary, root / "glossary")
    shutil.copytree(REPO / "data", root / "data")
    rng = random.Random(20230331)  # noqa: S311 - fake figures, not security
    sources = yaml.safe_load((root / "glossary/sources.yaml").read_text(encoding="utf-8"))
    real = {p.parent.name for p in (root / "data/statistics").glob("*/*.yaml")}
    ids = sorted(real) + [f"area-{i:02d}" for i in range(1, areas + 1)]
    written = 0
    for area in ids[:areas]:
        name = area.replace("-", " ").title()
        size = rng.uniform(0.4, 4.0)
        for first in range(2022 - years + 1, 2023):
            year = f"{first}-{(first + 1) % 100:02d}"
            path = root / "data/statistics" / area / f"{year}.yaml"
            if path.exists():
                written += 1
                continue
            if area in real:
                name = yaml.safe_load(
                    next((root / "data/statistics" / area).glob("*.yaml")).read_text()
                )["area_name"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(fake_year(area, name, year, size, rng), encoding="utf-8")
            sources["sources"].append(
                {
                    "id": f"{area}-{year}",
                    "title": f"{name} MAPPA Annual Report {year}",
                    "publisher": f"{name} MAPPA Strategic Management Board",
                    "year": first + 1,
                    "area": name,
                    "kind": "annual-report",
                }
            )
            written += 1
    (root / "glossary/sources.yaml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    return ProjectPaths.at(root), written


def _cpu_seconds() -> float:
    """User + system time of this process and the chart workers it has waited for."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=42)
    parser.add_argument("--years", type=int, default=15)
    parser.add_argument(
        "--glossary", type=Path, default=REPO / "glossary", help="glossary folder to build with"
    )
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    load = f"{os.getloadavg()[0]:.1f}"  # other work on the machine slows the build down
    with tempfile.TemporaryDirectory(prefix="mappa-kb-bench-") as tmp:
        start = time.perf_counter()
        project, files = make_copy(Path(tmp), args.glossary, args.areas, args.years)
        made = time.perf_counter() - start
        start = time.perf_counter()
        statistics = load_statistics(project)
        validate = time.perf_counter() - start
        start, cpu = time.perf_counter(), _cpu_seconds()
        site = build_site(project, Path(tmp) / "site").path
        build, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        pages = sum(1 for _ in (site / "statistics").rglob("index.html"))
        charts = sum(1 for _ in (site / "statistics").rglob("*.svg"))
    print(f"cpus: {os.cpu_count()}, load average before/after: {load} / {os.getloadavg()[0]:.1f}")
    print(
        f"data: {files} files ({len(statistics.by_area)} areas x {args.years} years), "
        f"generated in {made:.1f} s"
    )
    print(f"validation: {validate:.2f} s")
    print(f"full site build: {build:.1f} s ({pages} statistics pages, {charts} charts)")
    print(f"  CPU time used by the build (all processes): {cpu:.1f} s")
    goal = 120.0
    print(f"goal: under {goal:.0f} s -> {'met' if build < goal else 'NOT met'}")
    return 0 if build < goal else 1


if __name__ == "__main__":
    sys.exit(main())
