"""Fit the Q&A re-ranking's weights on the training questions; write data/ranking-weights.json.

For every labelled training question, the candidates the ranker sees (BM25F's best) are
described by their features (mappa_kb.search.answer.ranking: Whoosh's score, the hand-set
factors, per-field scores, answer kind by intent...). A pairwise logistic regression
learns weights under which labelled answers outrank the others, pulled towards the
hand-set starting weights (an L2 penalty whose strength is chosen by 5-fold cross
validation on the training split alone). The dev split is only reported.

    python scripts/fit_ranking.py            # fit, report, write the weights
    python scripts/fit_ranking.py --check    # report with the weights in the index now

Re-run it (then `make build`) whenever content or the features change. Needs a built
index, whose content it reads the features from.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mappa_kb.evaluation import Given, Labelled, is_right, load_questions
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import Answerer
from mappa_kb.search.answer.ranking import INITIAL_WEIGHTS

REPO = Path(__file__).resolve().parents[1]
LABELLED = REPO / "scripts" / "eval" / "labelled"
CANDIDATES = 60
HARD_NEGATIVES = 15
"""Per question, the best-scored wrong candidates that each right one is set against."""
PENALTIES = (0.003, 0.01, 0.03, 0.1, 0.3)


@dataclass
class Case:
    question: str
    features: list[dict[str, float]]
    right: list[bool]


def cases(answerer: Answerer, questions: Sequence[Labelled]) -> tuple[list[Case], int]:
    """The candidates of each answerable question, and how many had a right one at all."""
    ranker = answerer._ranker_for(answerer.index.snapshot())
    out, reachable = [], 0
    for labelled in questions:
        if labelled.not_covered:
            continue
        question = ranker.understanding.understand(labelled.q)
        hits = ranker.snapshot.search(question.terms, limit=CANDIDATES) if question.terms else []
        right = [
            is_right(labelled, Given(h.passage.url, h.passage.title, h.passage.text)) for h in hits
        ]
        reachable += any(right)
        out.append(Case(labelled.q, [ranker.features(question, h) for h in hits], right))
    return out, reachable


def matrix(all_cases: list[Case], names: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    index = {name: i for i, name in enumerate(names)}
    out = []
    for case in all_cases:
        rows = np.zeros((len(case.features), len(names)))
        for r, found in enumerate(case.features):
            for name, value in found.items():
                rows[r, index[name]] = value
        out.append((rows, np.array(case.right, dtype=bool)))
    return out


def top1(data: list[tuple[np.ndarray, np.ndarray]], w: np.ndarray) -> int:
    return sum(bool(y[int(np.argmax(x @ w))]) for x, y in data if len(y))


def fit(
    data: list[tuple[np.ndarray, np.ndarray]], w0: np.ndarray, penalty: float, steps: int = 400
) -> np.ndarray:
    """Pairwise logistic loss (right over the hardest wrong ones), Adam, L2 towards w0."""
    pairs = []
    for x, y in data:
        if y.any() and (~y).any():
            scores = x @ w0
            wrong = np.where(~y)[0]
            wrong = wrong[np.argsort(-scores[wrong])][:HARD_NEGATIVES]
            diffs = np.array([x[p] - x[n] for p in np.where(y)[0] for n in wrong])
            pairs.append(diffs)
    w = w0.copy()
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        grad = 2 * penalty * (w - w0)
        for diffs in pairs:
            margin = diffs @ w
            weights = -1.0 / (1.0 + np.exp(np.clip(margin, -30, 30)))
            grad += (weights @ diffs) / len(diffs) / len(pairs)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def choose_penalty(data: list[tuple[np.ndarray, np.ndarray]], w0: np.ndarray) -> float:
    folds = list(range(len(data)))
    random.Random(20261129).shuffle(folds)  # noqa: S311 - repeatable folds, not secrets
    scores = {}
    for penalty in PENALTIES:
        right = 0
        for k in range(5):
            held = set(folds[k::5])
            train = [d for i, d in enumerate(data) if i not in held]
            test = [d for i, d in enumerate(data) if i in held]
            right += top1(test, fit(train, w0, penalty, steps=200))
        scores[penalty] = right
        print(f"  penalty {penalty:<6} cross-validated top-1 {right}/{len(data)}")
    return max(scores, key=lambda p: (scores[p], p))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO)
    parser.add_argument("--check", action="store_true", help="report only; write nothing")
    parser.add_argument(
        "--penalty", type=float, help="use this penalty instead of cross-validating one "
        "(to compare two feature sets without the choice of penalty moving as well)"
    )  # fmt: skip
    args = parser.parse_args()
    paths = ProjectPaths.at(args.root)
    answerer = Answerer(paths.index_dir)
    train_cases, train_reach = cases(answerer, load_questions(LABELLED / "train.yaml"))
    dev_cases, dev_reach = cases(answerer, load_questions(LABELLED / "dev.yaml"))
    names = sorted({n for c in [*train_cases, *dev_cases] for f in c.features for n in f})
    ranker = answerer._ranker_for(answerer.index.snapshot())
    current = np.array([ranker.weights.get(n, 0.0) for n in names])
    w0 = np.array([INITIAL_WEIGHTS.get(n, 0.0) for n in names])
    train, dev = matrix(train_cases, names), matrix(dev_cases, names)
    print(f"candidate recall (a right answer among the best {CANDIDATES}):")
    print(f"  train {train_reach}/{len(train_cases)}   dev {dev_reach}/{len(dev_cases)}")
    print(f"top-1 among candidates: hand-set   train {top1(train, w0)}  dev {top1(dev, w0)}")
    print(
        f"                        in index   train {top1(train, current)}  dev {top1(dev, current)}"
    )
    if args.check:
        return 0
    penalty = args.penalty if args.penalty is not None else choose_penalty(train, w0)
    w = fit(train, w0, penalty)
    print(f"                        fitted     train {top1(train, w)}  dev {top1(dev, w)}"
          f"   (penalty {penalty})")  # fmt: skip
    weights = {n: round(float(x), 4) for n, x in zip(names, w, strict=True) if abs(x) > 1e-4}
    target = paths.ranking_weights_file
    target.write_text(json.dumps(weights, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(weights)} weights to {target.relative_to(paths.root)}; run `make build`")
    return 0


if __name__ == "__main__":
    sys.exit(main())
