"""Telephone numbers a worried reader may need at once, as tel: links.

A phone shows a tel: link as a number to call with one tap. The numbers are few and
fixed (999, 101, the text relay prefixes 18000 and 18001, and 0800/0808 freephone
helplines), so they are found where they are written rather than marked up by hand:
an author who writes "call 101" gets the link, and so does a key fact in the glossary.

999 and 101 are linked only where they read as a number to call ("call 999", "on 101",
"**101**"): elsewhere the same digits may be a count or a section of an Act.
"""

from __future__ import annotations

import re

_FREEPHONE = r"080[08] \d{3,4} \d{3,4}"
_LEAD = r"(?:call|dial|ring|phone|text|on|or)"
_NUMBER = re.compile(
    # Not already a link's text ("[999](tel:999)") nor part of a longer number or word.
    rf"(?<![\w\[/:.])(?P<any>18001 101|18000|{_FREEPHONE})(?![\w\]])"
    rf"|(?<=\*\*)(?P<bold>999|101)(?=\*\*)"
    rf"|(?P<lead>\b{_LEAD} )(?P<called>999|101)(?![\w\]]|\.\d)",
    re.IGNORECASE,
)


def tel_href(number: str) -> str:
    """'tel:18001101' for '18001 101'."""
    return "tel:" + re.sub(r"\D", "", number)


def link_phone_numbers(markdown: str) -> str:
    """Markdown with each call-now number as a link: `call [999](tel:999)`."""

    def link(match: re.Match[str]) -> str:
        lead = match.group("lead") or ""
        number = match.group(0)[len(lead) :]
        return f"{lead}[{number}]({tel_href(number)})"

    return _NUMBER.sub(link, markdown)
