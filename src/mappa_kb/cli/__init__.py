"""The `mappa-kb` command: a thin shell; each subcommand lives in its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from mappa_kb.cli import (
    ask_cmd,
    build_cmd,
    check_cmd,
    new_cmd,
    schema_cmd,
    serve_cmd,
    stats_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mappa-kb", description="Build, check, serve and query the MAPPA knowledge base."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in (check_cmd, build_cmd, serve_cmd, new_cmd, ask_cmd, schema_cmd, stats_cmd):
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
