"""Opening an article file: every way it can fail becomes a DocumentError in plain words."""

from __future__ import annotations

import os
from pathlib import Path

from reader.document.decoding import NotTextError, decode_bytes
from reader.document.layout import parse_article
from reader.document.model import Document

# Above this the analysis would keep a 2-core machine busy for minutes; see README.
MAX_FILE_BYTES = 16 * 1024 * 1024


class DocumentError(Exception):
    """An article that cannot be opened; `reason` is said in a reader's words."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"Cannot open {Path(path).name or path}: {reason}")
        self.path = path
        self.reason = reason


def read_article_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a file's bytes, turning each OS failure into a DocumentError."""
    name = os.fspath(path)
    p = Path(name)
    try:
        if p.is_symlink() and not p.exists():
            raise DocumentError(name, "it is a link to a file that no longer exists")
        if p.is_dir():
            raise DocumentError(name, "it is a folder, not a file")
        if not p.exists():
            raise DocumentError(name, "the file does not exist")
        if not p.is_file():
            raise DocumentError(name, "it is not a regular file")
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentError(
                name,
                f"the file is {size / 1048576:.0f} MB; Reader opens articles up to "
                f"{MAX_FILE_BYTES // 1048576} MB",
            )
        with open(p, "rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise DocumentError(name, "you do not have permission to read it") from None
    except IsADirectoryError:
        raise DocumentError(name, "it is a folder, not a file") from None
    except FileNotFoundError:
        raise DocumentError(name, "the file does not exist") from None
    except OSError as exc:
        raise DocumentError(name, f"it could not be read ({exc.strerror or exc})") from None


def document_from_bytes(data: bytes, source_path: str = "") -> Document:
    """Decode and lay out an article held in memory."""
    try:
        decoded = decode_bytes(data)
    except NotTextError as exc:
        raise DocumentError(source_path, str(exc)) from None
    document = parse_article(
        decoded.text,
        source_path=source_path,
        encoding=decoded.encoding,
        notices=decoded.notices,
    )
    if not document.text.strip():
        raise DocumentError(source_path, "the file is empty: there is no text to show")
    return document


def load_document(path: str | os.PathLike[str]) -> Document:
    """Open an article file as a Document, or raise DocumentError saying why not."""
    name = os.fspath(path)
    data = read_article_bytes(name)
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(name, f"the file is larger than {MAX_FILE_BYTES // 1048576} MB")
    return document_from_bytes(data, os.path.abspath(name))
