"""How to reach the people who run the site, in words, for the pages that need it."""

from __future__ import annotations

from mappa_kb.content.contact import Contact
from mappa_kb.render.markdown_text import escape_inline
from mappa_kb.render.phone_links import link_phone_numbers

NO_CONTACT = (
    "This site does not list a contact address yet. If you are worried about someone, "
    "call the police on 101, or 999 in an emergency."
)
"""What pages say while extra.contact in mkdocs.yml is unset: honest, and still a way
to reach a service that can act."""


def contact_markdown(contact: Contact) -> str:
    """One short paragraph: who runs the site and how to write to them."""
    if not contact.is_set:
        return link_phone_numbers(NO_CONTACT)
    who = escape_inline(contact.name) if contact.name else "The people who run this site"
    ways = []
    if contact.email:
        ways.append(f"email [{escape_inline(contact.email)}](mailto:{contact.email})")
    if contact.url:
        ways.append(f"use [the contact page]({contact.url})")
    return f"This site is run by {who}. To reach them, {' or '.join(ways)}."
