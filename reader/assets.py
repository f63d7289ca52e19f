"""Where the bundled resources (icons, styles, sample articles) live.

Installed and bundled builds carry them as the package `reader.resources`; a source
checkout keeps them in the top-level `resources/` folder.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(relative: str) -> Path:
    """Return the path of a bundled resource, whether installed or run from a checkout."""
    try:
        base = Path(str(resources.files("reader.resources")))
    except ModuleNotFoundError:
        base = Path(__file__).resolve().parent.parent / "resources"
    return base / relative


def sample_article_path() -> Path:
    """The article the app opens when launched for a first look."""
    return resource_path("samples/baltic-ferry-strike.txt")
