"""Legal corrections checked against the statute text: the content must keep them.

Each test reads the glossary YAML and the docs Markdown as plain text (whitespace folded,
so a phrase split across lines still matches) and fails if an error that was once on the
site comes back, or if the corrected statement goes missing.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO

GLOSSARY = REPO / "glossary"
DOCS = REPO / "docs"
TIMELINE = DOCS / "guide" / "legislation-timeline.md"


def folded(path: Path) -> str:
    """The file's text with every run of whitespace (line breaks included) as one space."""
    return re.sub(r"\s+", " ", path.read_text(encoding="utf-8"))


def content() -> dict[str, str]:
    """Every glossary YAML file and docs page, by path relative to the repository."""
    paths = [*sorted(GLOSSARY.glob("*.yaml")), *sorted(DOCS.rglob("*.md"))]
    return {str(p.relative_to(REPO)): folded(p) for p in paths}


def offending(pattern: str) -> list[str]:
    """'file: match' for every place the pattern occurs in the content."""
    regex = re.compile(pattern, re.IGNORECASE)
    return [
        f"{name}: {m.group(0)}" for name, text in content().items() for m in regex.finditer(text)
    ]


def timeline_rows() -> list[str]:
    lines = TIMELINE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.startswith("| ")]


# 1. Age of criminal responsibility: 8 under the 1933 Act, 10 since section 16 of the 1963 Act.


def test_timeline_gives_1933_as_eight() -> None:
    rows = [row for row in timeline_rows() if "1933" in row]
    assert any(re.search(r"\b(?:8|eight)\b", row) for row in rows), rows


def test_timeline_gives_1963_section_16_as_ten() -> None:
    rows = [row for row in timeline_rows() if "1963" in row]
    assert any(
        re.search(r"\b(?:section 16|s ?16)\b", row) and re.search(r"\b(?:10|ten)\b", row)
        for row in rows
    ), rows


def test_nothing_says_the_1933_act_set_the_age_at_ten() -> None:
    found = offending(r"1933[^.|]{0,120}?\bsets?\b[^.|]{0,60}?\bat (?:10|ten)\b")
    found += offending(r"Section 50 sets the age of criminal responsibility at (?:10|ten)")
    assert not found, found


# 2. MAPPA began under the Criminal Justice and Court Services Act 2000 (ss67-68, 2001);
#    the Criminal Justice Act 2003 re-enacted the arrangements.


def test_no_page_says_the_2003_act_set_up_mappa() -> None:
    found = offending(
        r"(?:2003|325 to 327B?)\)?[^.]{0,40}?\bset(?:s)? up (?:MAPPA|the arrangements)"
    )
    assert not found, found


def test_the_2000_act_is_named_as_where_mappa_began() -> None:
    for path in (GLOSSARY / "criminal-justice-act-2003.yaml", TIMELINE):
        text = folded(path)
        assert "Criminal Justice and Court Services Act 2000" in text, path.name
        assert re.search(r"\b67 and 68\b", text), path.name
        assert "2001" in text, path.name


# 3. Weekly notification for people with no sole or main home: section 85 and the 2012
#    Regulations, not section 85A (which is a Northern Ireland provision).


def test_section_85a_is_not_cited_for_weekly_notification() -> None:
    found = [
        f"{name}: ...{text[max(0, m.start() - 200) : m.end() + 200]}..."
        for name, text in content().items()
        for m in re.finditer(r"85A", text)
        if re.search(r"week", text[max(0, m.start() - 400) : m.end() + 400], re.IGNORECASE)
    ]
    assert not found, found


def test_weekly_notification_cites_section_85_and_the_2012_regulations() -> None:
    text = folded(GLOSSARY / "notification-requirements.yaml")
    assert re.search(r"week", text, re.IGNORECASE)
    assert re.search(r"section 85\b", text)
    assert "Notification Requirements" in text and "2012" in text


# 4. The Probation Service is part of HMPPS; HMPPS is the Ministry of Justice's executive
#    agency. The Probation Service is not "one of HMPPS's executive agencies".


def test_probation_is_not_called_an_executive_agency_of_hmpps() -> None:
    found = offending(
        r"executive agenc(?:y|ies) (?:within|of) (?:HM Prison and Probation Service|HMPPS)"
        r"|HMPPS's executive agencies"
        r"|one of its executive agencies"
        r"|\(HMPPS\) as an executive agency"
    )
    assert not found, found


def test_hmpps_is_named_as_the_ministry_of_justice_agency() -> None:
    text = folded(GLOSSARY / "hmpps.yaml")
    assert re.search(r"executive agency[^.]{0,60}Ministry of Justice", text)


# 5. A terrorist connection does not by itself bring terrorist notification: Part 4 of the
#    Counter-Terrorism Act 2008 needs a qualifying offence and a qualifying sentence.


def test_a_terrorist_connection_is_not_said_to_bring_notification() -> None:
    found = offending(r"(?:terrorist connection|finding)[^.]{0,100}\bbrings? (?:the )?notification")
    assert not found, found


def test_terrorist_notification_names_part_4_and_the_sentence_test() -> None:
    text = folded(GLOSSARY / "terrorist-offender-notification-requirements.yaml")
    assert "Counter-Terrorism Act 2008" in text and "Part 4" in text
    assert re.search(r"section 45\b", text)
    assert re.search(r"not by itself|on its own is (?:therefore )?not enough", text)


# 6. Breach of an SHPO: the magistrates' court maximum is the general limit, not a fixed
#    six months; the offence for orders under the 2003 Act is section 103I.


def test_shpo_breach_has_no_fixed_six_months() -> None:
    breach = folded(GLOSSARY / "breach-of-sexual-harm-prevention-order.yaml")
    assert not re.search(r"\b(?:six|6) months\b", breach, re.IGNORECASE)
    found = offending(
        r"magistrates' court[^.]{0,40}\b(?:six|6) months|(?:six|6) months in a magistrates"
    )
    assert not found, found


def test_shpo_breach_cites_section_103i_and_the_general_limit() -> None:
    breach = folded(GLOSSARY / "breach-of-sexual-harm-prevention-order.yaml")
    assert "section 103I" in breach
    assert "general limit" in breach
    assert "section 103I" in folded(GLOSSARY / "sexual-harm-prevention-order.yaml")
