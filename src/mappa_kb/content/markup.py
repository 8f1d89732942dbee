"""Raw HTML and script addresses in content: refused, except what a narrow list allows.

Markdown passes HTML through untouched, so a `<script>` or an `onerror=` in an entry
would run on every page that shows it, and a `javascript:` link runs when followed.
Glossary entries and registries are text and Markdown only: no HTML at all. Hand-written
pages may use the few tags and attributes their forms and layout need (listed below),
and never an event handler, a style or an address that is not a web page, a mail or
telephone address, or a page of this site.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

PAGE_TAGS = frozenset(
    {
        "a", "abbr", "br", "button", "details", "div", "em", "form", "input", "label", "li",
        "nav", "noscript", "ol", "p", "section", "span", "strong", "summary", "ul",
    }
)  # fmt: skip
"""Tags hand-written pages use: the Ask and home page forms, layout blocks, emphasis."""
PAGE_ATTRIBUTES = frozenset(
    {
        "action", "autocomplete", "class", "for", "hidden", "href", "id", "lang", "markdown",
        "maxlength", "method", "name", "required", "role", "spellcheck", "title", "type",
    }
)  # fmt: skip
"""Plus aria-* (accessibility) and data-kb-* (hooks for the site's own scripts)."""
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*|[^>\s@]+@[^>\s]+)>")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_NOT_TEXT = re.compile(r"<[!?]|<(/?)[a-zA-Z]")
_ATTRIBUTE = re.compile(r"([^\s=\"'/>]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?")
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)|^[ \t]*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2060\ufeff]")


def unsafe_address(url: str) -> bool:
    """An address that runs or embeds something (javascript:, data:, vbscript:, ...),
    however its letters are disguised with entities, escapes or invisible characters."""
    plain = _INVISIBLE.sub("", html.unescape(url.replace("\\", "")))
    scheme = _SCHEME.match(plain)
    return scheme is not None and scheme.group(1).lower() not in SAFE_SCHEMES


def _attribute_problems(tag: str, attributes: str) -> Iterator[str]:
    for match in _ATTRIBUTE.finditer(attributes):
        name, value = match.group(1).lower(), (match.group(2) or "").strip("\"'")
        allowed = name in PAGE_ATTRIBUTES or name.startswith("aria-") or name.startswith("data-kb-")
        if not allowed:
            yield f"<{tag}> has an attribute '{name}' that pages may not use"
        elif name in {"href", "action"} and unsafe_address(value):
            yield f"<{tag}> links to '{value[:40]}': only web, mail and telephone addresses"


def markup_problems(text: str, pages: bool = False) -> Iterator[tuple[int, str]]:
    """(offset, message) for each piece of HTML or unsafe link in Markdown text.

    With `pages`, the tags and attributes listed above are allowed; otherwise none is.
    """
    if "<" not in text and "](" not in text and "]:" not in text:
        return  # most content: nothing that could be markup, and no regular expression run
    for match in _MARKDOWN_LINK.finditer(text):
        url = match.group(1) if match.group(1) is not None else match.group(2)
        if url and unsafe_address(url):
            yield match.start(), f"links to '{url[:40]}': only web, mail and telephone addresses"
    for match in _NOT_TEXT.finditer(text):
        autolink = _AUTOLINK.match(text, match.start())
        if autolink is not None:  # <https://...> is a Markdown link, not HTML
            if unsafe_address(autolink.group(1)):
                message = (
                    f"links to '{autolink.group(1)[:40]}': only web, mail and telephone addresses"
                )
                yield match.start(), message
            continue
        tag = _TAG.match(text, match.start())
        if tag is None:
            if match.group(0).startswith(("<!", "<?")):
                yield match.start(), "HTML comments and declarations are not allowed in content"
            continue  # a '<' that opens no complete tag is shown as text
        name = tag.group(2).lower()
        if not pages or name not in PAGE_TAGS:
            where = "pages" if pages else "glossary entries and registries"
            yield match.start(), f"HTML <{name}> is not allowed in {where}: use Markdown"
        elif not tag.group(1):
            yield from ((match.start(), m) for m in _attribute_problems(name, tag.group(3)))


def line_of_offset(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def value_problems(
    value: object, loc: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(where, message) for HTML or unsafe links in any string inside parsed YAML."""
    if isinstance(value, str):
        for _, message in markup_problems(value):
            yield loc, message
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from value_problems(item, (*loc, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from value_problems(item, (*loc, index))
