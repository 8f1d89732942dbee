"""How long a client may take over each phase of a connection; read by `mappa-kb serve`.

Apart from the protocol so the command line can show the defaults without importing
uvicorn (every `mappa-kb` command parses the serve options).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Deadlines:
    """Seconds for each phase (see mappa_kb.server.protocol); none is reset by a byte."""

    head: float = 10.0
    """From connecting, or from the first byte after a keep-alive wait, to the end of
    the request line and headers."""
    body: float = 10.0
    """From the end of the headers to the end of the request body."""
    idle: float = 5.0
    """A kept-alive connection waiting for the next request's first byte."""
