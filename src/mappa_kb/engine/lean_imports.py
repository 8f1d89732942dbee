"""In the browser, one import answering never uses is left out: urllib.request.

whoosh.compat imports it only to offer `urlretrieve`, which nothing that answers a
question calls; under Pyodide it brings in http, email and their kin (some thirty
modules, a fifth of the engine's import time, and their share of the download). The
worker puts a stand-in in its place before anything imports Whoosh; the build does
the same when it finds which modules to ship (compile_step.py). The server and the CLI
never run this: there, Whoosh imports what it always has.
"""

from __future__ import annotations

import sys
import types

STAND_IN = "urllib.request"


def _no_downloads(*args: object, **kwargs: object) -> None:
    raise OSError("the question search in the browser downloads nothing")


def install() -> None:
    """Put the stand-in in sys.modules, unless the real module is already there."""
    if STAND_IN not in sys.modules:
        import urllib  # the real package (tiny); only its 'request' module is stood in for

        module = types.ModuleType(
            STAND_IN, "Stand-in: the engine in the browser downloads nothing."
        )
        module.urlretrieve = _no_downloads  # type: ignore[attr-defined]
        sys.modules[STAND_IN] = module
        urllib.request = module  # type: ignore[attr-defined]
