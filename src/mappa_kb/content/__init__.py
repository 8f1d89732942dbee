"""Content layer: YAML files -> validated, typed objects, with problems as values."""

from __future__ import annotations

from mappa_kb.content.glossary import Glossary, load_glossary
from mappa_kb.content.problems import ContentError, Problem
from mappa_kb.content.project import Project, load_project, read_project

__all__ = [
    "ContentError",
    "Glossary",
    "Problem",
    "Project",
    "load_glossary",
    "load_project",
    "read_project",
]
