"""Rendering layer: typed content -> Markdown/HTML/SVG, as plain functions.

Nothing here imports MkDocs, so a move away from mkdocs-material (end of life
2027-05-05) only needs new glue, not new rendering.
"""
