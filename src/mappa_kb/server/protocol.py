"""uvicorn's h11 protocol with deadlines that a slow or silent client cannot stretch.

uvicorn's only timer is the keep-alive one, and the first byte of a request cancels it
for good: a client that connects and says nothing, or sends a header a byte at a time,
holds its connection (and a file descriptor) for as long as it likes. Here each phase of
a connection has a fixed deadline, counted from the start of the phase, which no amount
of trickling moves:

- head: from connecting, or from the first byte after a keep-alive wait, until the
  request line and headers are complete;
- body: from the end of the head until the whole request body is in;
- idle: a kept-alive connection between a response and the next request's first byte.

While the application works on a request no deadline runs: that time is ours, not the
client's. A connection past its deadline is closed without a reply; an honest client
that was merely slow sees a closed connection, which HTTP clients retry.

The replies h11 itself writes to malformed requests (400) also carry the security
headers every other response has.
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Mapping
from typing import ClassVar

import h11
from uvicorn.protocols.http.h11_impl import STATUS_PHRASES, H11Protocol

from mappa_kb.server.deadlines import Deadlines


class Phase(enum.Enum):
    HEAD = "head"
    BODY = "body"
    IDLE = "idle"
    WORKING = "working"  # the request is in: the application's turn, no deadline


class GuardedH11Protocol(H11Protocol):
    """Pass a configured subclass (see `guarded_protocol`) to uvicorn as `http=`."""

    deadlines: ClassVar[Deadlines] = Deadlines()
    reply_headers: ClassVar[tuple[tuple[bytes, bytes], ...]] = ()

    # Class-level defaults: uvicorn may call connection_lost on a connection whose
    # connection_made failed part-way.
    _phase: Phase | None = None
    _timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._enter(Phase.HEAD)  # a silent new connection is a head that never comes

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if data and self._phase is Phase.IDLE:
            self._enter(Phase.HEAD)
        super().data_received(data)

    def handle_events(self) -> None:
        super().handle_events()
        self._follow_request()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        # uvicorn's keep-alive timer dies at the next byte; the idle and head deadlines
        # set below replace it.
        self._unset_keepalive_if_required()
        self._follow_request()

    def send_400_response(self, msg: str) -> None:
        """uvicorn's reply to a request h11 cannot parse, with the security headers."""
        headers = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"connection", b"close"),
            *self.reply_headers,
        ]
        event = h11.Response(status_code=400, headers=headers, reason=STATUS_PHRASES[400])
        for part in (event, h11.Data(data=msg.encode("ascii")), h11.EndOfMessage()):
            output = self.conn.send(part)
            if output:
                self.transport.write(output)
        self.transport.close()

    def _follow_request(self) -> None:
        """Move to the phase h11's view of the client's request says we are in."""
        if self.transport.is_closing():
            self._cancel()
            return
        theirs = self.conn.their_state
        if theirs is h11.SEND_BODY:
            self._enter(Phase.BODY)
        elif theirs is h11.IDLE:
            if self._phase not in (Phase.HEAD, Phase.IDLE):  # a new request cycle
                started = bool(self.conn.trailing_data[0])  # pipelined bytes already here
                self._enter(Phase.HEAD if started else Phase.IDLE)
        else:
            self._enter(Phase.WORKING)

    def _enter(self, phase: Phase) -> None:
        if phase is self._phase:
            return  # deadlines run from the start of a phase, not from the latest byte
        self._cancel()
        self._phase = phase
        limit = {
            Phase.HEAD: self.deadlines.head,
            Phase.BODY: self.deadlines.body,
            Phase.IDLE: self.deadlines.idle,
        }.get(phase)
        if limit is not None:
            self._timer = self.loop.call_later(limit, self._expire)

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _expire(self) -> None:
        self._timer = None
        if not self.transport.is_closing():
            self.transport.close()  # connection_lost tells the application, if it waits


def guarded_protocol(
    deadlines: Deadlines, reply_headers: Mapping[str, str]
) -> type[GuardedH11Protocol]:
    """The protocol class to give uvicorn, with these deadlines and 400-reply headers."""

    class Configured(GuardedH11Protocol):
        pass

    Configured.deadlines = deadlines
    Configured.reply_headers = tuple(
        (name.lower().encode("latin-1"), value.encode("latin-1"))
        for name, value in reply_headers.items()
    )
    return Configured
