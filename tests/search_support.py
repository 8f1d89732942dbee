"""Hand-written passages and glossary names for search tests: a small index in
milliseconds, without building a site. Statistics sentences follow the shape the
statistics layer writes ("Area: what, when: number.")."""

from __future__ import annotations

from pathlib import Path

from mappa_kb.content.phrasing import read_phrasing
from mappa_kb.search.index.writer import build_index
from mappa_kb.search.lexicon import Entry, HelpLine
from mappa_kb.search.passage import Passage
from mappa_kb.search.passages.lexicon import make_lexicon, phrasing_tables

REPO = Path(__file__).resolve().parents[1]
RESULT_KEYS = {"version", "query", "corrected", "shape", "scope", "not_covered", "answers", "help"}
"""The answer JSON's top-level fields, version 1 (the API, `ask --json`, the browser)."""

LONDON = "London MAPPA Annual Report 2022-23, MAPPA Statistics"
CAMBS = "Cambridgeshire and Peterborough MAPPA Annual Report 2022-23, MAPPA Statistics"
REPORT = "London MAPPA Annual Report 2022-23, Explanation commentary on statistical tables"

ENTRIES = [
    Entry("sexual-risk-order", "glossary/sexual-risk-order/", "Sexual Risk Order (SRO)",
          ("Sexual Risk Order", "SRO"), ("SRO",),
          "A civil order a magistrates' court can make against someone who has not been "
          "convicted, when their behaviour shows a risk of sexual harm."),
    Entry("sexual-harm-prevention-order", "glossary/sexual-harm-prevention-order/",
          "Sexual Harm Prevention Order (SHPO)", ("Sexual Harm Prevention Order", "SHPO"),
          ("SHPO",)),
    Entry("notification-requirements", "glossary/notification-requirements/",
          "Notification requirements",
          ("Notification requirements", "sex offenders register", "the register")),
    Entry("opd-pathway", "glossary/opd-pathway/", "Offender Personality Disorder pathway (OPD)",
          ("Offender Personality Disorder pathway", "OPD")),
    Entry("probation-delivery-unit", "glossary/probation-delivery-unit/",
          "Probation Delivery Unit (PDU)", ("Probation Delivery Unit", "PDU")),
    Entry("level-1", "glossary/level-1/", "Level 1", ("Level 1",)),
    Entry("level-2", "glossary/level-2/", "Level 2", ("Level 2", "MAPPA Level 2")),
    Entry("level-3", "glossary/level-3/", "Level 3", ("Level 3",)),
]  # fmt: skip


def _glossary(entry_id: str, title: str, text: str, keywords: str = "") -> Passage:
    return Passage(title, text, f"glossary/{entry_id}/", REPORT, "glossary", keywords)


def _fact(entry_id: str, title: str, text: str, keywords: str = "") -> Passage:
    return Passage(f"{title}: key facts", text, f"glossary/{entry_id}/#key-facts", REPORT,
                   "fact", keywords)  # fmt: skip


PASSAGES = [
    _glossary("sexual-risk-order", "Sexual Risk Order (SRO)",
              "A civil order a magistrates' court can make against someone who has not been "
              "convicted, when their behaviour shows a risk of sexual harm. It can forbid "
              "things, such as travel abroad, and can require things too.",
              "Sexual Risk Order ; SRO"),
    _fact("sexual-risk-order", "Sexual Risk Order (SRO)",
          "Duration: at least two years, with no maximum.", "Sexual Risk Order ; SRO"),
    _fact("sexual-risk-order", "Sexual Risk Order (SRO)",
          "Who may apply: the police or the National Crime Agency.", "Sexual Risk Order ; SRO"),
    _glossary("sexual-harm-prevention-order", "Sexual Harm Prevention Order (SHPO)",
              "An order made after a conviction for a sexual or violent offence. It places "
              "prohibitions on the person to protect the public from sexual harm.",
              "Sexual Harm Prevention Order ; SHPO"),
    _glossary("notification-requirements", "Notification requirements",
              "Duties to give the police a name, address and other details, and to report "
              "any change within three days. People often call this the sex offenders "
              "register.",
              "Notification requirements ; sex offenders register ; the register"),
    _glossary("opd-pathway", "Offender Personality Disorder pathway (OPD)",
              "A joint NHS and probation service for people with complex needs who pose a "
              "high risk of harm.", "Offender Personality Disorder pathway ; OPD"),
    _glossary("probation-delivery-unit", "Probation Delivery Unit (PDU)",
              "A local probation team covering one part of an area.",
              "Probation Delivery Unit ; PDU"),
    _glossary("level-2", "Level 2",
              "People are managed at Level 2 when formal multi-agency meetings are needed.",
              "Level 2 ; MAPPA Level 2"),
    Passage("Guide: the three levels", "Level 1 is ordinary agency management. Level 2 "
            "needs formal meetings. Level 3 needs senior staff to commit resources.",
            "guide/levels/#the-three-levels", "MAPPA knowledge base: The three levels", "page"),
    Passage("London 2022-23: eligible people", "London: people in all categories managed at "
            "Level 2, on 31 March 2023: 120.", "statistics/london/2022-23/#eligible", LONDON,
            "statistic", "London 2022-23 2022/23 total all categories"),
    Passage("London 2022-23: yearly totals", "London: people managed at Level 2 at any time "
            "from 1 April 2022 to 31 March 2023 (yearly total): 697.",
            "statistics/london/2022-23/#levels-2-3-yearly", LONDON, "statistic",
            "London 2022-23 2022/23"),
    Passage("Cambridgeshire and Peterborough 2022-23: eligible people",
            "Cambridgeshire and Peterborough: people in all categories managed at Level 2, on "
            "31 March 2023: 41.", "statistics/cambridgeshire-and-peterborough/2022-23/#eligible",
            CAMBS, "statistic", "Cambridgeshire and Peterborough 2022-23 2022/23"),
    Passage("London 2022-23: rate", "London: registered sex offenders per 100,000 people, on "
            "31 March 2023: 89.", "statistics/london/2022-23/#rate", LONDON, "statistic",
            "London 2022-23 rate"),
]  # fmt: skip

AREAS = ["London", "Cambridgeshire and Peterborough", "England and Wales"]

HELP = [
    HelpLine(
        "emergency",
        "Police, in an emergency",
        "If someone is in danger now.",
        "999",
        None,
        "Police.uk: contacting the police, Contacting the police",
        "2026-11-29",
        ("in danger", "emergency"),
        always=True,
    ),
    HelpLine(
        "police-non-emergency",
        "Police, not an emergency",
        "To tell the police.",
        "101",
        None,
        "Police.uk: contacting the police, Contacting the police",
        "2026-11-29",
        ("im worried", "next door", "neighbour"),
    ),
    HelpLine(
        "victim-contact-scheme",
        "Victim Contact Scheme",
        "If someone hurt you.",
        None,
        "glossary/victim-contact-scheme/",
        "Information about the Victim Contact Scheme, What is the Victim Contact Scheme?",
        "2026-11-29",
        ("hurt me", "im a victim"),
    ),
    HelpLine(
        "nspcc-helpline",
        "NSPCC Helpline",
        "If you are worried about a child.",
        "0808 800 5000",
        None,
        "NSPCC: report abuse (the NSPCC Helpline), Report abuse",
        "2026-11-29",
        ("worried about a child", "child next door"),
    ),
]
_SOURCES = "about/sources/#"
SOURCE_PAGES = {
    "London MAPPA Annual Report 2022-23": f"{_SOURCES}london-mappa-annual-report-2022-23",
    "Cambridgeshire and Peterborough MAPPA Annual Report 2022-23": (
        f"{_SOURCES}cambridgeshire-and-peterborough-mappa-annual-report-2022-23"
    ),
    "Police.uk: contacting the police": f"{_SOURCES}source-police-uk-contact",
    "NSPCC: report abuse (the NSPCC Helpline)": f"{_SOURCES}source-nspcc-helpline",
    "Information about the Victim Contact Scheme": (
        f"{_SOURCES}source-victim-contact-scheme-guidance"
    ),
}
OTHER_AREA_NAMES = {"cambs": "Cambridgeshire and Peterborough", "the capital": "London"}


def build_fixture_index(index_dir: Path, passages: list[Passage] | None = None) -> Path:
    chosen = PASSAGES if passages is None else passages
    phrasing, problems = read_phrasing(REPO / "data" / "phrasing.yaml", "phrasing.yaml", REPO)
    assert not problems, problems
    lexicon = make_lexicon(
        ENTRIES,
        AREAS,
        chosen,
        phrasing_tables(phrasing),
        OTHER_AREA_NAMES,
        helplines=HELP,
        sources=SOURCE_PAGES,
    )
    return build_index(chosen, lexicon, index_dir)
