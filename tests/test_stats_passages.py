"""Statistics as sentences for Q&A, derived figures and charts: the right numbers, in
our own words, with their source, and the same bytes every build."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from stats_support import REPO, SOURCES

from mappa_kb.content.originality import copied_runs, source_shingles
from mappa_kb.content.project import load_statistics
from mappa_kb.content.statistics.catalogue import FIGURES, TABLES
from mappa_kb.paths import ProjectPaths
from mappa_kb.render import charts
from mappa_kb.render.charts import ChartSpec, draw_all
from mappa_kb.search.passage import Passage
from mappa_kb.search.passages.statistics import statistic_passages
from mappa_kb.stats.derived import DERIVED, derived_value, percent


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return statistic_passages(load_statistics(ProjectPaths.at(REPO)))


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.casefold()))


@pytest.mark.parametrize(
    ("question_words", "answer"),
    [
        # "How many people in London were managed at level 2 on 31 March 2023?"
        ({"london", "managed", "level", "2", "31", "march", "2023", "all"}, "120"),
        # "How many category 1 offenders were there in Cambridgeshire and Peterborough on
        # 31 March 2023?"
        ({"cambridgeshire", "category", "1", "offenders", "31", "march", "levels"}, "987"),
        # "How many people had lifetime notification revoked in London in 2022/23?"
        ({"london", "lifetime", "notification", "revoked"}, "64"),
        # "What is the London rate of registered sex offenders per 100,000 people?"
        ({"london", "rate", "registered", "sex", "offenders", "100", "000", "people"}, "89"),
        # "How many level 2 and 3 offenders were returned to custody in London?"
        ({"london", "level", "2", "and", "3", "returned", "custody", "all"}, "65"),
    ],
)
def test_example_questions_have_an_answering_sentence(
    passages: list[Passage], question_words: set[str], answer: str
) -> None:
    matching = [p for p in passages if question_words <= words(p.text)]
    assert matching, question_words
    assert any(p.text.endswith(f": {answer}.") for p in matching), [p.text for p in matching]


def test_passages_cite_their_report_and_page(passages: list[Passage]) -> None:
    london = [p for p in passages if p.text.startswith("London:")]
    assert london
    for passage in passages:
        assert passage.kind == "statistic"
        assert passage.url.startswith("statistics/") and "#" in passage.url
        assert passage.source.endswith("MAPPA Statistics")
        assert "<" not in passage.text and "*" not in passage.text
        assert len(passage.text) < 600
    shpo = next(p for p in london if "Sexual Harm Prevention Orders (SHPOs) made," in p.text)
    assert shpo.text == (
        "London: Sexual Harm Prevention Orders (SHPOs) made, 1 April 2022 to 31 March 2023: 548."
    )
    assert shpo.source == "London MAPPA Annual Report 2022-23, MAPPA Statistics"
    assert shpo.url == "statistics/london/2022-23/#shpo"
    assert "2022/23" in shpo.keywords


def test_one_sentence_per_figure(passages: list[Passage]) -> None:
    cells = sum(len(t.rows) * max(1, len(t.columns)) for t in TABLES)
    per_file = cells - 1 + len(FIGURES) + len(DERIVED)  # level1.cat3 is not applicable
    assert len(passages) == 2 * per_file


def test_wording_is_our_own(passages: list[Passage]) -> None:
    reference = source_shingles(sorted(SOURCES.glob("*.txt")))
    texts = [p.text for p in passages]
    texts += [t.explanation for t in TABLES] + [f.explanation for f in FIGURES]
    texts += [d.how for d in DERIVED]
    copied = [run for text in texts for run in copied_runs(text, reference)]
    assert not copied


def test_derived_figures() -> None:
    statistics = load_statistics(ProjectPaths.at(REPO))
    london = statistics.get("london", "2022-23")
    assert derived_value(london, "share_level1") == Fraction(100 * 10479, 10621)
    assert derived_value(london, "recall_rate") == Fraction(100 * 65, 767)
    assert percent(derived_value(london, "category3_share")) == "0.5%"
    assert percent(Fraction(1, 8), 1) == "0.1%"
    assert percent(Fraction(25, 100), 1) == "0.3%"  # half up, not to even
    assert percent(None) == "not available"
    empty = london.model_copy(
        update={
            "levels_2_3_yearly": london.levels_2_3_yearly.model_copy(
                update={"total": london.levels_2_3_yearly.total.model_copy(update={"total": 0})}
            )
        }
    )
    assert derived_value(empty, "recall_rate") is None


def test_charts_are_reproducible_in_one_process_or_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    specs = {
        f"chart-{n}.svg": ChartSpec(
            "grouped_bars",
            f"Chart {n}",
            "Two groups & two series",
            {"groups": ["a", "b"], "series": [("x", [1, n]), ("y", [3, 4])], "ylabel": "People"},
        )
        for n in range(3)
    }
    first, second = draw_all(specs), draw_all(specs)
    assert first == second
    assert b"<title>Chart 1</title><desc>Two groups &amp; two series</desc>" in first["chart-1.svg"]
    monkeypatch.setattr(charts, "PARALLEL_FROM", 2)
    assert draw_all(specs, workers=2) == first


def test_every_statistic_links_to_a_real_glossary_entry() -> None:
    from mappa_kb.content import load_glossary
    from mappa_kb.content.statistics.catalogue import glossary_ids

    entries = set(load_glossary(REPO / "glossary", REPO).entries)
    linked = glossary_ids() | {g for d in DERIVED for g in d.glossary}
    assert linked - entries == set()
