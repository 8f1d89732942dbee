"""The committed glossary itself: complete, original, cited, and free of personal data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SHARED
from mappa_kb.content import load_glossary
from mappa_kb.content.originality import copied_runs, source_shingles, text_fields

GLOSSARY = REPO / "glossary"
SOURCES = SHARED / "sources"

# Terms the foundation issue requires, by entry id.
REQUIRED = [
    "mappa",
    "mappa-eligible-individual",
    "category-1",
    "category-2",
    "category-3",
    "category-4",
    "level-1",
    "level-2",
    "level-3",
    "mappa-meeting",
    "responsible-authority",
    "duty-to-co-operate-agencies",
    "strategic-management-board",
    "lay-adviser",
    "visor",
    "lead-agency",
    "risk-management-plan",
    "notification-requirements",
    "registered-sex-offender",
    "sexual-harm-prevention-order",
    "interim-sexual-harm-prevention-order",
    "sexual-offences-prevention-order",
    "foreign-travel-restriction",
    "notification-order",
    "notification-notice",
    "sexual-risk-order",
    "risk-of-sexual-harm-order",
    "potentially-dangerous-person",
    "licence",
    "breach-of-licence",
    "recall",
    "returned-to-custody",
    "review-of-indefinite-notification",
    "hospital-order",
    "national-security-division",
    "counter-terrorism-policing",
    "terrorism-risk-offender",
    "criminal-justice-act-2003",
    "sexual-offences-act-2003",
    "counter-terrorism-and-sentencing-act-2021",
    "police-crime-sentencing-and-courts-act-2022",
    "national-crime-agency",
    "british-transport-police",
    "ministry-of-defence-police",
    "four-pillars",
    "opd-pathway",
    "personality-disorder",
    "dspd",
    "bradley-report",
    "hmpps",
    "icps",
    "probation-delivery-unit",
    "psychological-therapist",
    "pdpo",
    "opd-practitioner",
    "formulation",
    "case-formulation",
    "problem-formulation",
    "risk-formulation",
    "psychologically-informed-practice",
    "approved-premises",
    "london-pathways-partnership",
    "women-in-prison",
    "penrose",
    "together-for-mental-wellbeing",
    "jigsaw-team",
    "community-forensic-mental-health-team",
    "rate-per-100000",
    "youth-offending-team",
]

# People named in the source reports. The site never holds information about individuals.
NAMES_IN_SOURCES = [
    "Vicki Evans",
    "Matthew Ryder",
    "Graeme Reed",
    "Pamela Spring",
    "Lindsey McDonald",
    "David Bryan",
    "Patricia Clarke",
    "Sarah Harding",
    "Russell family",
    "Keith Bradley",
]


@pytest.fixture(scope="module")
def glossary_files() -> list[Path]:
    return sorted(
        p for p in GLOSSARY.glob("*.yaml") if p.name not in {"sources.yaml", "topics.yaml"}
    )


def test_glossary_is_valid() -> None:
    glossary = load_glossary(GLOSSARY, REPO)
    assert len(glossary.entries) >= len(REQUIRED)


def test_required_terms_are_present() -> None:
    present = {p.stem for p in GLOSSARY.glob("*.yaml")}
    missing = sorted(set(REQUIRED) - present)
    assert not missing, f"missing glossary entries: {missing}"


def test_content_is_in_our_own_words(glossary_files: list[Path]) -> None:
    reference = source_shingles(sorted(SOURCES.glob("*.txt")))
    copied = []
    for path in glossary_files:
        for text in text_fields(yaml.safe_load(path.read_text(encoding="utf-8"))):
            copied += [f"{path.name}: {run}" for run in copied_runs(text, reference)]
    assert not copied, "text copied from a source report:\n" + "\n".join(copied[:20])


def test_no_individual_is_named(glossary_files: list[Path]) -> None:
    pattern = re.compile("|".join(re.escape(n) for n in NAMES_IN_SOURCES), re.I)
    named = [
        f"{p.name}: {m.group(0)}"
        for p in glossary_files
        for m in pattern.finditer(p.read_text(encoding="utf-8"))
    ]
    assert not named, named


def test_every_key_fact_is_cited() -> None:
    glossary = load_glossary(GLOSSARY, REPO)
    for entry in glossary.entries.values():
        assert entry.sources
        for fact in entry.key_facts:
            assert fact.sources, f"{entry.id}: uncited fact {fact.text!r}"


def test_statistics_are_not_typed_into_entries(glossary_files: list[Path]) -> None:
    """Counts come from data files; an entry quoting one would go stale silently."""
    figures = {"6867", "10621", "10479", "987", "1326", "548", "767", "158"}
    for path in glossary_files:
        words = set(re.findall(r"\d[\d,]*", path.read_text(encoding="utf-8")))
        assert not (words & figures), f"{path.name} quotes a statistic: {words & figures}"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _longest_shared_run(a: list[str], b: list[str]) -> int:
    """The most words in a row that `a` and `b` have in common (dynamic programming)."""
    best = 0
    previous = [0] * (len(b) + 1)
    for word in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def test_no_key_fact_is_repeated_word_for_word_in_its_definition() -> None:
    """Entry pages list the key facts just above the definition: a fact written out again
    there is the same thing read twice. Rewording the definition, not the fact, fixes it."""
    glossary = load_glossary(GLOSSARY, REPO)
    repeated = []
    for entry in glossary.entries.values():
        definition = _words(entry.definition)
        for fact in entry.key_facts:
            words = _words(fact.text)
            if len(words) >= 7 and _longest_shared_run(words, definition) >= len(words) - 1:
                repeated.append(f"{entry.id}: {fact.text}")
    assert not repeated, repeated
