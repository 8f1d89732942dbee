"""The question search in the reader's browser, for sites hosted as plain files.

`mappa-kb build` adds to the site the Pyodide runtime (from the npm package), the
answering code alone (mappa_kb.search's answering path, Whoosh and what it needs,
compiled for Pyodide's Python) and the index; the Ask page runs them in a Web Worker.

- worker.py: what the worker runs, and all it imports of ours (answering only).
- sources.py: the answering code, gathered from this install (no build-time parts).
- pyodide.py: the pinned runtime in node_modules/, and compiling the code for it.
- site.py: puts it all into a built site, with a manifest the page reads.

Nothing is imported here, so the worker's copy of this package stays the answering path.
"""
