"""`mappa-kb ask`: answer questions from the built search index.

Imports only the search layer (no MkDocs, no web server), so a one-off question
starts in well under a second.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import textwrap
from typing import TextIO

from mappa_kb.paths import ProjectPaths

MAX_K = 20


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "ask",
        help="answer a question from the knowledge base",
        description="Print the passages that best answer QUESTION, each with its link and "
        "source, after what the reader can do when the question is about danger, a worry, "
        "a victim or a child. With --json, print one JSON object, the same as the API's "
        "(version, query, corrected, shape, scope, not_covered, answers, help). With "
        "QUESTION '-', read one question per line from standard input and answer each in "
        "order (with --json, one JSON object per line). Needs 'mappa-kb build' first.",
    )
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "-k",
        type=int,
        default=None,
        help=f"how many answers (1 to {MAX_K}; default 3 for text, 5 for JSON)",
    )
    parser.add_argument("question", help="the question, in your own words ('-' reads stdin)")
    parser.set_defaults(run=run)


def _print_text(result: dict[str, object], out: TextIO) -> None:
    corrected = result["corrected"]
    if corrected:
        print(f"Showing answers for: {corrected}", file=out)
    helplines = result.get("help") or []
    if not isinstance(helplines, list):
        raise TypeError("help must be a list")
    if helplines:
        print("What you can do:", file=out)
        for line in helplines:
            phone = f": call {line['phone']}" if line["phone"] else ""
            print(f"  {line['name']}{phone}. {line['text']}", file=out)
    if result.get("scope"):
        print(result["scope"], file=out)
    answers = result["answers"]
    if not isinstance(answers, list):
        raise TypeError("answers must be a list")
    if not answers:
        print("No answer found. Try other words, or browse the glossary A to Z.", file=out)
    for number, answer in enumerate(answers, start=1):
        print(f"\n{number}. {answer['title']}", file=out)
        for line in textwrap.wrap(answer["text"], width=88):
            print(f"   {line}", file=out)
        print(f"   Read more: /{answer['url']}", file=out)
        print(f"   Source: {answer['source']}", file=out)


def run(args: argparse.Namespace) -> int:
    from mappa_kb.search.answer import Answerer
    from mappa_kb.search.index.reader import IndexMissing

    k = args.k if args.k is not None else (5 if args.json else 3)
    if not 1 <= k <= MAX_K:
        print(f"-k must be between 1 and {MAX_K}", file=sys.stderr)
        return 2
    answerer = Answerer(ProjectPaths.at(args.root).index_dir)
    # Undecodable bytes on stdin become U+FFFD: one bad line must not stop the rest.
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    questions = stdin if args.question == "-" else [args.question]
    try:
        for line in questions:
            question = line.rstrip("\n")
            result = answerer.ask(question, k).to_dict()
            if args.json:
                print(json.dumps(result, ensure_ascii=False), flush=args.question == "-")
            else:
                if args.question == "-":
                    print(f"\nQ: {question}")
                _print_text(result, sys.stdout)
    except IndexMissing as exc:
        print(f"Cannot answer: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as other command-line tools do.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - replaces the dead pipe
        return 0
    return 0
