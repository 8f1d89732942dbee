"""Small helpers behind what readers see: tel: links, small-number cautions, contact."""

from __future__ import annotations

import pytest

from mappa_kb.content.contact import Contact, contact_from_extra
from mappa_kb.render.contact import contact_markdown
from mappa_kb.render.phone_links import link_phone_numbers
from mappa_kb.render.small_numbers import Rate, caution, margin, note


@pytest.mark.parametrize(
    ("written", "linked"),
    [
        ("Call 999 now.", "Call [999](tel:999) now."),
        ("call the police on 101, or go", "call the police on [101](tel:101), or go"),
        ("| **999** |", "| **[999](tel:999)** |"),
        (
            "relay: 18000, or 18001 101 when it is not",
            "relay: [18000](tel:18000), or [18001 101](tel:18001101) when it is not",
        ),
        ("Stop It Now on 0808 1000 900.", "Stop It Now on [0808 1000 900](tel:08081000900)."),
    ],
)
def test_numbers_to_call_become_tel_links(written: str, linked: str) -> None:
    assert link_phone_numbers(written) == linked


@pytest.mark.parametrize(
    "text",
    [
        "Call [999](tel:999) now.",  # already a link
        "section 101 of the Act",  # a section, not a number to call
        "999 people were managed",  # a count
        "on 101.5 days",
        "or 1011 of them",
    ],
)
def test_other_digits_are_left_alone(text: str) -> None:
    assert link_phone_numbers(text) == text


def test_margin_of_error_grows_as_the_base_shrinks() -> None:
    assert round(margin(31, 110), 1) == 8.3  # Cambridgeshire and Peterborough, 2022-23
    assert round(margin(65, 767), 1) == 2.0  # London, 2022-23
    assert margin(0, 10) > 10  # Wilson's interval: none of ten is still uncertain
    assert margin(0, 0) == 0


def test_caution_names_only_the_rates_from_few_people() -> None:
    said = caution([Rate("Cambridgeshire and Peterborough", 31, 110), Rate("London", 65, 767)])
    assert said.startswith('<p class="kb-caution"><strong>Small numbers.</strong>')
    assert "Cambridgeshire and Peterborough comes from few people: 31 of 110" in said
    assert "about 8 points either way" in said
    assert "London" not in said
    assert caution([Rate("London", 65, 767)]) == ""
    several = caution([Rate("Category 1", 13, 57), Rate("Category 3", 10, 25)])
    assert "Some of these recall rates come from few people: Category 1, 13 of 57;" in several
    assert note(3, 10).startswith(" <strong>Small numbers:</strong> from 10 people")
    assert note(65, 767) == note(None, 10) == ""


def test_contact_details_or_an_honest_fallback() -> None:
    unset = contact_from_extra({"contact": {"name": None, "email": None, "url": None}})
    assert not unset.is_set
    said = contact_markdown(unset)
    assert "does not list a contact address yet" in said
    assert "[101](tel:101)" in said and "[999](tel:999)" in said
    assert not contact_from_extra({}).is_set
    full = Contact(name="The MAPPA KB team", email="kb@example.org", url="https://example.org/c")
    said = contact_markdown(full)
    assert said.startswith("This site is run by The MAPPA KB team.")
    assert "[kb@example.org](mailto:kb@example.org)" in said
    assert "[the contact page](https://example.org/c)" in said


def test_contact_details_must_be_addresses() -> None:
    with pytest.raises(ValueError, match="email"):
        Contact(email="not an address")
    with pytest.raises(ValueError, match="url"):
        Contact(url="javascript:alert(1)")
