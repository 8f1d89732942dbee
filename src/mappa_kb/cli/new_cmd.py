"""`mappa-kb new entry|page`: write a starting file for an author to fill in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mappa_kb.paths import ProjectPaths


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "new",
        help="start a glossary entry or a page",
        description="Write a starting file with every field in order and a 'TODO:' "
        "placeholder wherever you must write something; `mappa-kb check` refuses the file "
        "until each is replaced. Prints where to edit.",
    )
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
    entry = kinds.add_parser(
        "entry",
        help="a new glossary/<id>.yaml",
        description="Write glossary/<id>.yaml for TERM, the id made from the term "
        "('Risk formulation' -> risk-formulation).",
    )
    entry.add_argument("term", help='the term as a heading, e.g. "Risk formulation"')
    entry.add_argument("--id", help="the entry id (default: from the term)")
    entry.add_argument("--root", default=".", help="project folder (default: current folder)")
    entry.set_defaults(run=run_entry)
    page = kinds.add_parser(
        "page",
        help="a new page under docs/",
        description="Write docs/PATH with the front matter every page needs.",
    )
    page.add_argument("path", help="the page's path under docs/, e.g. guide/risk.md")
    page.add_argument("--title", help="the page's first heading (default: a placeholder)")
    page.add_argument("--root", default=".", help="project folder (default: current folder)")
    page.set_defaults(run=run_page)


def _write(path: Path, text: str, root: Path) -> int:
    shown = path.relative_to(root)
    if path.exists():
        print(f"{shown} already exists: edit it, or choose another name", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    todo = [str(n) for n, line in enumerate(text.splitlines(), start=1) if "TODO:" in line]
    print(f"Wrote {shown}. Edit it: replace each TODO (lines {', '.join(todo)}).")
    print("Then `mappa-kb check` (or watch the page with `make preview`).")
    return 0


def run_entry(args: argparse.Namespace) -> int:
    from mappa_kb.content.glossary import read_registries
    from mappa_kb.content.scaffold import entry_id_for, entry_scaffold

    paths = ProjectPaths.at(args.root)
    entry_id = args.id or entry_id_for(args.term)
    if not entry_id or entry_id != entry_id_for(entry_id):
        print(
            f"'{entry_id}' cannot be an id: use lower-case words joined by hyphens", file=sys.stderr
        )
        return 2
    _, topics, _ = read_registries(paths.sources_file, paths.topics_file, paths.root)
    text = entry_scaffold(entry_id, args.term, topics or {})
    code = _write(paths.glossary_dir / f"{entry_id}.yaml", text, paths.root)
    if code == 0:
        print(f"Its page will be /glossary/{entry_id}/.")
    return code


def run_page(args: argparse.Namespace) -> int:
    from mappa_kb.content.scaffold import page_scaffold

    paths = ProjectPaths.at(args.root)
    rel = Path(args.path)
    if rel.is_absolute() or ".." in rel.parts or rel.suffix != ".md":
        print("PATH must be a .md path under docs/, e.g. guide/risk.md", file=sys.stderr)
        return 2
    code = _write(paths.docs_dir / rel, page_scaffold(args.title), paths.root)
    if code == 0:
        print("Add it to nav in mkdocs.yml so readers can find it.")
    return code
