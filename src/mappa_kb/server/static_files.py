"""The built site as static files, each response one version of one file, whatever a
rebuild does meanwhile.

Starlette's StaticFiles takes a file's size from the path, then opens the path again to
send it: a rebuild that swaps site/ in between sends the new bytes under the old
Content-Length, and h11 breaks the connection. Here the file is opened first, and the
size, dates and bytes all come from that one open descriptor, which a swap cannot
change (the old files stay readable until closed, even once deleted).

A request that finds nothing while site/ is being swapped (between the swap's two
renames, or just after it) looks again rather than answering 404.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import BinaryIO

import anyio
import anyio.to_thread
from starlette.datastructures import URL, Headers
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import Receive, Scope, Send

SWAP_RETRIES = 100
"""Looks at a site/ caught mid-swap, SWAP_PAUSE apart. A swap is two renames, but the
process making them may be held up between the two on a busy machine."""
SWAP_PAUSE = 0.01


class SnapshotFileResponse(FileResponse):
    """A FileResponse sent from a file that is already open; it is closed when sent."""

    def __init__(self, file: BinaryIO, path: str, status_code: int = 200) -> None:
        self.file = file
        super().__init__(path, status_code=status_code, stat_result=os.fstat(file.fileno()))

    @asynccontextmanager
    async def _open_file(self) -> AsyncIterator[anyio.AsyncFile[bytes]]:
        # Starlette's hook for the file to stream: the open one, never the path again.
        yield anyio.wrap_file(self.file)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Without the pathsend extension: a server that has it would reopen the path.
        extensions = {k: v for k, v in scope.get("extensions", {}).items() if "pathsend" not in k}
        try:
            await super().__call__({**scope, "extensions": extensions}, receive, send)
        finally:
            self.file.close()


def _site_id(directory: Path) -> tuple[int, int, int] | None:
    """Which site/ is in place now (None between a swap's renames). The change time too,
    as a folder made after an old one is deleted may be given its inode number."""
    try:
        found = directory.stat()
    except FileNotFoundError:
        return None
    return (found.st_dev, found.st_ino, found.st_ctime_ns)


class SnapshotStaticFiles(StaticFiles):
    """StaticFiles (html mode) that serves from open files and looks again across a swap."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        super().__init__(directory=directory, html=True)
        self.site = Path(directory)

    async def get_response(self, path: str, scope: Scope) -> Response:
        if scope["method"] not in ("GET", "HEAD"):
            raise HTTPException(status_code=405, headers={"Allow": "GET, HEAD"})
        response: Response | None = None
        for _attempt in range(SWAP_RETRIES):
            before = _site_id(self.site)
            response = await anyio.to_thread.run_sync(self._respond, path, scope)
            found = response is not None and response.status_code != 404
            if found or (before is not None and _site_id(self.site) == before):
                break
            # Nothing found while site/ was being swapped: look in the new one.
            if isinstance(response, SnapshotFileResponse):
                response.file.close()
            await anyio.sleep(SWAP_PAUSE)
        if response is None:
            raise HTTPException(status_code=404)
        return response

    def _respond(self, path: str, scope: Scope) -> Response | None:
        """Starlette's choice of response (file, directory index, redirect, 404 page);
        None when there is not even a 404 page."""
        file = self._open(path)
        if file is not None:
            return self._file_response(file, scope)
        index = self._open(str(Path(path) / "index.html")) if self._is_dir(path) else None
        if index is not None:
            if not scope["path"].endswith("/"):  # directory URLs end in "/"
                index.close()
                url = URL(scope=scope)
                return RedirectResponse(url=url.replace(path=url.path + "/"))
            return self._file_response(index, scope)
        not_found = self._open("404.html")
        if not_found is not None:
            return SnapshotFileResponse(not_found, not_found.name, status_code=404)
        return None

    def _lookup(self, path: str) -> str | None:
        """The full path, by Starlette's rules (nothing outside the folder), if it exists."""
        try:
            full_path, found = self.lookup_path(path)
        except PermissionError as exc:
            raise HTTPException(status_code=401) from exc
        except ValueError:
            return None  # a null byte or the like: no such file
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                return None
            raise
        return full_path if found is not None else None

    def _is_dir(self, path: str) -> bool:
        full_path = self._lookup(path)
        return full_path is not None and Path(full_path).is_dir()

    def _open(self, path: str) -> BinaryIO | None:
        """The regular file at `path`, opened: from here on, a swap cannot change it."""
        full_path = self._lookup(path)
        if full_path is None:
            return None
        try:
            file = Path(full_path).open("rb")  # noqa: SIM115 - closed once sent
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return None
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            file.close()
            return None
        return file

    def _file_response(self, file: BinaryIO, scope: Scope) -> Response:
        response = SnapshotFileResponse(file, file.name)
        if self.is_not_modified(response.headers, Headers(scope=scope)):
            file.close()
            return NotModifiedResponse(response.headers)
        return response
