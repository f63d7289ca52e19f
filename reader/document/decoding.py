"""Turning a file's bytes into article text without losing or inventing characters.

Order of trust: a byte-order mark, then strict UTF-8, then UTF-8 with the few
broken bytes replaced, then the legacy Windows code page. Anything that was not
plain UTF-8 leaves a notice the window shows to the reader.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Signatures of common binary formats people find in their downloads folder.
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"PK\x03\x04", "a zip archive (or an office document)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old office document"),
    (b"RIFF", "a media file"),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 file"),
    (b"fLaC", "an audio file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xca\xfe\xba\xbe", "a compiled program"),
    (b"\xcf\xfa\xed\xfe", "a compiled program"),
    (b"wOFF", "a font file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that are not layout (tab, newline and carriage return are kept
# until line endings are normalised), plus characters Qt's text document would turn
# into something else when it gives the text back.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufeff\ufdd0-\ufdef\ufffc]")


class NotTextError(ValueError):
    """The bytes are not a text article (an image, a program, an archive...)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    notices: tuple[str, ...] = ()


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary file `data` starts like, or None if it may be text."""
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _looks_like_bomless_utf16(sample: bytes) -> str | None:
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.6 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.6 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _too_many_controls(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 20)


def decode_bytes(data: bytes) -> Decoded:
    """Decode an article file's bytes; raise NotTextError for anything that is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            name = "utf-8" if encoding == "utf-8-sig" else encoding
            return _finish(data.decode(encoding, errors="replace"), name, ())

    kind = sniff_binary(data)
    if kind:
        raise NotTextError(f"this is not a text article; it looks like {kind}")

    utf16 = _looks_like_bomless_utf16(data[:4096])
    if utf16:
        return _finish(
            data.decode(utf16, errors="replace"),
            utf16,
            (f"No byte-order mark: the text was read as {utf16.upper()}.",),
        )

    if _too_many_controls(data):
        raise NotTextError("this is not a text article; it contains binary data")

    notices: list[str] = []
    if b"\x00" in data:
        notices.append("The file contained NUL bytes; they were left out.")
        data = data.replace(b"\x00", b"")

    try:
        return _finish(data.decode("utf-8"), "utf-8", tuple(notices))
    except UnicodeDecodeError:
        pass

    loose = data.decode("utf-8", errors="surrogateescape")
    broken = sum(1 for ch in loose if "\udc80" <= ch <= "\udcff")
    good_multibyte = sum(1 for ch in loose if ch >= "\x80" and not "\udc80" <= ch <= "\udcff")
    if good_multibyte > broken:
        notices.append(
            f"The file is UTF-8 with {broken} invalid byte{'s' if broken != 1 else ''}; "
            "they are shown as \ufffd."
        )
        return _finish(data.decode("utf-8", errors="replace"), "utf-8", tuple(notices))

    text = data.decode("cp1252", errors="replace")
    if "\ufffd" in text:
        # Bytes cp1252 leaves undefined are Latin-1 control codes: Latin-1 reads everything.
        text = data.decode("latin-1")
        encoding = "latin-1"
    else:
        encoding = "cp1252"
    shown = "Windows-1252" if encoding == "cp1252" else "Latin-1"
    notices.append(f"The file is not UTF-8; it was read as {shown}.")
    return _finish(text, encoding, tuple(notices))


def normalize_text(text: str) -> str:
    """Unify line endings and drop characters that are neither text nor layout.

    Typographic characters stay exactly as they are. A no-break space becomes a
    plain space of the same length, as Qt's text view gives it back that way.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n\n")
    text = text.replace("\xa0", " ")
    return _UNWANTED.sub("", text)


def _finish(text: str, encoding: str, notices: tuple[str, ...]) -> Decoded:
    return Decoded(normalize_text(text), encoding, notices)
