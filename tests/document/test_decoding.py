"""Bytes from any encoding a reader meets become the right characters, with a notice."""

from __future__ import annotations

import codecs

import pytest

from reader.document import DocumentError, document_from_bytes

SAMPLE = "Café Owners in Zürich Protest\n\nThe “new” rules—announced on Monday—affect 300 cafés.\n"


def test_utf8_without_and_with_bom() -> None:
    plain = document_from_bytes(SAMPLE.encode("utf-8"))
    bom = document_from_bytes(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"))
    assert plain.text == bom.text
    assert plain.title == "Café Owners in Zürich Protest"
    assert "\ufeff" not in bom.text
    assert plain.notices == ()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding: str) -> None:
    data = SAMPLE.encode(encoding)
    if encoding != "utf-16":
        data = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + data
    doc = document_from_bytes(data)
    assert doc.title == "Café Owners in Zürich Protest"
    assert "“new”" in doc.text


def test_cp1252_fallback_with_notice() -> None:
    doc = document_from_bytes(SAMPLE.encode("cp1252"))
    assert "“new” rules—announced" in doc.text
    assert doc.encoding == "cp1252"
    assert any("Windows-1252" in n for n in doc.notices)


def test_latin1_bytes_undefined_in_cp1252() -> None:
    doc = document_from_bytes("Title\n\nCaf\xe9 \x81 text here.\n".encode("latin-1"))
    assert "Café" in doc.text
    assert doc.notices


def test_a_few_invalid_bytes_in_utf8_are_replaced() -> None:
    data = SAMPLE.encode("utf-8").replace(b"300", b"3\xff0")
    doc = document_from_bytes(data)
    assert "Zürich" in doc.text
    assert "3\ufffd0" in doc.text
    assert any("invalid byte" in n for n in doc.notices)


def test_nul_bytes_are_removed_with_notice() -> None:
    doc = document_from_bytes(b"Title\n\nSome text\x00 with a NUL.\n")
    assert "\x00" not in doc.text
    assert doc.notices


def test_no_break_space_becomes_a_plain_space_of_same_length() -> None:
    doc = document_from_bytes("Title\n\n10\u00a0km of road.\n".encode())
    assert "10 km" in doc.text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01" + bytes(200),
        b"PK\x03\x04" + bytes(range(256)),
        bytes(range(32)) * 100,
    ],
    ids=["png", "elf", "zip", "control-bytes"],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(DocumentError, match="not a text article"):
        document_from_bytes(data, "download.bin")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t \n"])
def test_empty_files_are_refused(data: bytes) -> None:
    with pytest.raises(DocumentError, match="empty"):
        document_from_bytes(data, "empty.txt")
