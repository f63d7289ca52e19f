"""Where the bundled resources (icons, styles, sample articles) live.

Installed builds carry them as the package `reader.resources`; a source checkout keeps them
in the top-level `resources/` folder, and so does a PyInstaller bundle (beside `reader/`).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent


def resource_path(relative: str) -> Path:
    """Return the path of a bundled resource, whether installed, bundled or run from a checkout."""
    # A checkout uses its own files even when an editable install of another checkout (one
    # shared virtualenv, several worktrees) maps `reader.resources` elsewhere.
    if (_ROOT / "pyproject.toml").is_file():
        return _ROOT / "resources" / relative
    try:
        base = Path(str(resources.files("reader.resources")))
    except ModuleNotFoundError:
        base = _ROOT / "resources"
    return base / relative


def sample_article_path() -> Path:
    """The article the app opens when launched for a first look."""
    return resource_path("samples/baltic-ferry-strike.txt")
