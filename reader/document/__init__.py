"""The article as data: loading a file and reading its layout. No Qt here."""

from reader.document.decoding import Decoded, NotTextError, decode_bytes, normalize_text
from reader.document.layout import dateline_length, parse_article
from reader.document.loading import (
    MAX_FILE_BYTES,
    DocumentError,
    document_from_bytes,
    load_document,
)
from reader.document.model import Block, BlockKind, Document

__all__ = [
    "MAX_FILE_BYTES",
    "Block",
    "BlockKind",
    "Decoded",
    "Document",
    "DocumentError",
    "NotTextError",
    "dateline_length",
    "decode_bytes",
    "document_from_bytes",
    "load_document",
    "normalize_text",
    "parse_article",
]
