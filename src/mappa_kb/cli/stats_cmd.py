"""`mappa-kb stats`: import a report's tables, check the data, show an area's figures."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mappa_kb.atomic import write_atomically
from mappa_kb.paths import ProjectPaths

if TYPE_CHECKING:
    from mappa_kb.content.models import Source

# The layers below are imported inside each command, not here: keeps the CLI fast to start.


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "stats",
        help="import, check and show MAPPA statistics",
        description="Work with data/statistics/<area>/<year>.yaml.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

    imp = actions.add_parser(
        "import",
        help="read the statistics tables from an annual report's text",
        description="Find the 'MAPPA Statistics' section of a report exported as text (one "
        "table cell per line), read the standard tables, check every total and print the "
        "data as YAML. Exit 1, writing nothing, if a table is missing, cut short or does "
        "not add up.",
    )
    imp.add_argument("report", type=Path, help="the report as a .txt file")
    imp.add_argument("--area", required=True, help="area name, e.g. 'London'")
    imp.add_argument("--year", required=True, help="reporting year, e.g. 2022-23")
    imp.add_argument("--area-id", help="area id (default: from the name, e.g. 'london')")
    imp.add_argument(
        "--source",
        help="source id in glossary/sources.yaml (default: the one annual report registered "
        "for this area whose id or title names the year)",
    )
    imp.add_argument("-o", "--output", type=Path, help="write to this file instead of printing")
    imp.add_argument("--json", action="store_true", help="JSON instead of YAML")
    imp.add_argument("--root", default=".", help="project folder (default: current folder)")
    imp.set_defaults(run=run_import)

    check = actions.add_parser(
        "check",
        help="validate the statistics data only",
        description="Check every statistics file (schema, totals, dates, source ids).",
    )
    check.add_argument("--root", default=".", help="project folder (default: current folder)")
    check.set_defaults(run=run_check)

    show = actions.add_parser(
        "show",
        help="print an area's figures for a year as sentences",
        description="Print every figure for one area and year as the sentence search uses.",
    )
    show.add_argument("area", help="area id, e.g. london")
    show.add_argument("year", help="reporting year, e.g. 2022-23")
    show.add_argument("--root", default=".", help="project folder (default: current folder)")
    show.set_defaults(run=run_show)


def guess_source(sources: dict[str, Source], area: str, year: str) -> str | None:
    """The single annual report registered for the area that names the year."""
    matches = [
        s.id
        for s in sources.values()
        if s.kind == "annual-report"
        and s.area.casefold() == area.casefold()
        and (year in s.id or year in s.title)
    ]
    return matches[0] if len(matches) == 1 else None


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # older Word exports


def run_import(args: argparse.Namespace) -> int:
    from mappa_kb.content.glossary import read_registries
    from mappa_kb.stats.importer import ImportFailed, area_id_for, import_report
    from mappa_kb.stats.serialise import to_json, to_yaml

    paths = ProjectPaths.at(args.root)
    area_id = args.area_id or area_id_for(args.area)
    source = args.source
    if source is None:
        sources, _, _ = read_registries(paths.sources_file, paths.topics_file, paths.root)
        source = guess_source(sources or {}, args.area, args.year)
        source = source or f"{area_id}-{args.year}"
    try:
        text = _read(args.report)
    except OSError as exc:
        print(f"cannot read {args.report}: {exc.strerror}", file=sys.stderr)
        return 1
    try:
        stats = import_report(text, args.area, args.year, source, area_id)
    except ImportFailed as exc:
        print(f"{args.report}: cannot import the statistics:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    output = to_json(stats) if args.json else to_yaml(stats)
    if args.output is None:
        sys.stdout.write(output)
    else:
        write_atomically(args.output, output)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


def run_check(args: argparse.Namespace) -> int:
    from mappa_kb.content import ContentError
    from mappa_kb.content.project import load_statistics

    try:
        statistics = load_statistics(ProjectPaths.at(args.root))
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    files = len(statistics.all())
    print(f"OK: {files} statistics files for {len(statistics.by_area)} areas.")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from mappa_kb.content import ContentError
    from mappa_kb.content.project import load_statistics
    from mappa_kb.content.statistics.loading import StatisticsLookupError
    from mappa_kb.stats.sentences import figure_sentences

    try:
        statistics = load_statistics(ProjectPaths.at(args.root))
        stats = statistics.get(args.area, args.year)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except StatisticsLookupError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{statistics.source_title(stats)}, MAPPA Statistics")
    for sentence in figure_sentences(stats):
        print(f"  {sentence.text}")
    return 0
