"""Reading a plain-text news file's layout: title, byline, tags, key points, headings.

News files arrive in many shapes: the site export with a `Creator:` line and a
`Quick Read` block, Markdown, hard-wrapped text, one paragraph per line, a single
long paragraph with no title at all. The parser first cuts the text into items
(paragraph candidates), then decides what each item is from its own shape and its
neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.document.model import Block, BlockKind, Document

MAX_TITLE_CHARS = 200
MAX_HEADING_CHARS = 110
MAX_HEADING_WORDS = 14
# Qt lays out a paragraph as one unit: splitting giant ones keeps the view responsive.
MAX_BLOCK_CHARS = 8000

_BULLET = re.compile(r"^\s*(?:[•◦▪▫‣∙·●○■□➢➤►▶✓✔–—*+-]|\d{1,2}[.)]|\(\d{1,2}\))\s+(?=\S)")
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|\(\d{1,2}\))\s+")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s*(?:[-*_=~•·]\s*){3,}$")
_KEY_POINTS_LABEL = re.compile(
    r"^(?:quick\s+read|key\s+points?|key\s+takeaways?|takeaways?|highlights|story\s+highlights|"
    r"tl;?\s?dr|in\s+brief|at\s+a\s+glance|summary|main\s+points|the\s+gist|"
    r"what\s+you\s+need\s+to\s+know|the\s+big\s+picture|in\s+short)\s*[:.\-–—]?$",
    re.IGNORECASE,
)
_INLINE_TLDR = re.compile(r"^(tl;?\s?dr)\s*[:\-–—]\s*(\S.*)$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(?:by|creator|author|authors|written\s+by|words\s+by|reporting\s+by|posted\s+by|"
    r"story\s+by|byline)\b\s*:?\s*(.*)$",
    re.IGNORECASE,
)
_META = re.compile(
    r"^(?:published|updated|posted|last\s+updated|date|source|filed)\s*:?\s.{0,80}$"
    r"|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s.{0,60}\d{4}.{0,20}$"
    r"|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}.{0,30}$"
    r"|^\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}.{0,30}$"
    r"|^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}.*)?$",
    re.IGNORECASE,
)
_TAGS_LABEL = re.compile(
    r"^(?:tags|topics|filed\s+under|categories|category|keywords|section)\s*:\s*(.*)$",
    re.IGNORECASE,
)
_TAG_SPLIT = re.compile(r"\s*[,;|·•]\s*")
# Lines that end an article's body: what follows is the site's navigation.
_TRAILER = re.compile(
    r"^(?:latest\s+news|latest\s+stories|read\s+more|read\s+next|related(?:\s+(?:articles|stories|news|coverage))?|"
    r"more\s+from\s+.{1,40}|more\s+stories|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|"
    r"share\s+this(?:\s+(?:article|story))?|share\s+on\s+.{1,30}|trending(?:\s+now)?|most\s+read|most\s+popular|"
    r"sign\s+up\s+for\s+.{1,60}|subscribe(?:\s+to\s+.{1,60})?|follow\s+us(?:\s+on\s+.{1,40})?|"
    r"popular\s+stories|editor'?s\s+picks|top\s+stories)\s*[:.!]?$",
    re.IGNORECASE,
)
# Lines that are never part of an article, wherever they stand.
_NOISE = re.compile(
    r"^(?:advertisement|advertising|ad|sponsored(?:\s+content)?|story\s+continues\s+below(?:\s+advertisement)?|"
    r"continue\s+reading(?:\s+below)?|scroll\s+to\s+continue(?:\s+with\s+content)?|"
    r"click\s+here\s+to\s+.{1,60}|image\s*:?|photo\s*:?|creator\s*:|author\s*:|by\s*:?)\s*$",
    re.IGNORECASE,
)
# --- story boundaries ---
# Where a wire or web story starts: "LAGOS (Reuters) - ", "PARIS, March 3 (AFP) — ",
# "(CNN) -- ", "(CNN)The ...", "Boston (CNN)Guilty ...", "WASHINGTON — ".
_AGENCY_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:,?\s+[\w.'’-]+){0,5}\s*)?\([A-Z][\w.&'’ /-]{0,40}\)"
    r"(?:\s*[-–—]{1,2}\s+|(?=[A-Z\"“‘']))"
)
_CITY_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,3})?\s[-–—]{1,2}\s"
)
# Photo captions and credits, wherever they stand: "1 of 4. ...", "Photo: ...", "(Photo: ...)".
_CAPTION = re.compile(
    r"\d{1,2}\s+of\s+\d{1,2}[.:]\s"
    r"|\(?(?:photo|picture|image|photograph|credit|caption)(?:\s+credit)?\s*:"
    r"|image\s+(?:copyright|caption)\b",
    re.IGNORECASE,
)
# ... and by their end: "... (Photo: Sam Okoro)", "... REUTERS/Ana Petrova".
_CAPTION_END = re.compile(
    r"\((?:photo|picture|image|credit)\s*:[^)]*\)\s*$"
    r"|\b(?:reuters|ap\s+photo|afp|epa)\s*/\s*[\w.'’ -]{1,40}\)?\.?$",
    re.IGNORECASE,
)
CAPTION_END_CHARS = 120
# Captions known by a credit or a pointer ("... Getty Images", "(pictured)"): before the
# story starts, or as a line of their own; inside the story such words can be prose.
_CREDIT = re.compile(
    r"(?:getty\s+images|shutterstock)\s*\)?\.?$"
    r"|\((?:pictured|not\s+pictured|left|right|centre|center|above|below|file\s+photo)\)",
    re.IGNORECASE,
)
# A section label above the story: a word or two ("World") or a trail ("Business | Markets").
_SECTION_LABEL = re.compile(r"^[A-Z][\w&'’ -]{0,24}(?:\s*[|›>/»]\s*[A-Z][\w&'’ -]{0,24}){0,3}$")
# Where readers' comments start, after the story.
_COMMENTS_HEADING = re.compile(
    r"^(?:(?:reader'?s'?\s+|your\s+|user\s+)?comments?|have\s+your\s+say|add\s+(?:your|a)\s+comment|"
    r"leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|join\s+the\s+(?:conversation|discussion|debate)|"
    r"\d[\d,]*\s+comments?|comments?\s*\(\d[\d,]*\)|what\s+do\s+you\s+think\??)\s*[:.!]?$",
    re.IGNORECASE,
)
# A short reader post signed at its end: "Great article! - Jim, Ohio".
_SIGNED_POST = re.compile(
    r"[.!?)\"”’]\s*[-–—~]{1,2}\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
    r"(?:,\s*[A-Z][\w.'’ -]{1,30})?\s*$"
)
MAX_COMMENT_WORDS = 80
# How many closing items are looked at for a run of signed posts.
MAX_COMMENT_ITEMS = 400
# Items before a dateline may be captions, promos or labels only if they are this short.
MAX_FURNITURE_WORDS = 45
# A longer line before a dateline that is no caption means the story had already begun.
MAX_PROMO_WORDS = 15
# How far into the file a dateline may stand and still mark where the story starts.
MAX_STORY_START = 8

_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{1,40},?(?:\s+[A-Z][\w.]*){0,3}[^.!?]{0,40}?\s[-–—]{1,2}\s")
_FINAL_PUNCT = (".", ",", ";", ":", "!", "…", ".”", '."', ".’", "!”", ",”")


@dataclass
class _Item:
    text: str
    bullet: bool = False
    numbered: bool = False
    heading_level: int = 0  # from Markdown or underline marks: certain headings
    kind: BlockKind | None = None


def parse_article(
    raw: str,
    *,
    source_path: str = "",
    encoding: str = "utf-8",
    notices: tuple[str, ...] = (),
) -> Document:
    """Build a Document from normalised article text (no CR, no NUL)."""
    items = _cut_items(raw)
    items, boilerplate = _drop_boilerplate(items)
    _mark_comments(items)
    _classify(items)
    _mark_furniture(items)
    return _assemble(items, source_path, encoding, notices, tuple(boilerplate))


# --- cutting the text into items -------------------------------------------------


def _cut_items(raw: str) -> list[_Item]:
    lines = [line.rstrip() for line in raw.split("\n")]
    has_blank = any(not line.strip() for line in lines[1:-1]) if len(lines) > 2 else False
    chunks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)

    items: list[_Item] = []
    for index, chunk in enumerate(chunks):
        one_per_line = not has_blank or (index == 0 and all(len(x) <= 120 for x in chunk))
        items.extend(_items_of_chunk(chunk, one_per_line))
    return items


def _items_of_chunk(chunk: list[str], one_per_line: bool) -> list[_Item]:
    """Items of one blank-line-separated chunk; hard-wrapped lines are joined."""
    items: list[_Item] = []
    # Hard-wrapped prose has lines near a wrap width; a stack of short lines is a list.
    wrapped = not one_per_line and 50 <= max(len(x) for x in chunk) <= 120
    open_item: _Item | None = None  # the item a wrapped continuation line extends
    i = 0
    while i < len(chunk):
        line = chunk[i]
        nxt = chunk[i + 1] if i + 1 < len(chunk) else None
        md = _MD_HEADING.match(line)
        bullet = _BULLET.match(line)
        if md:
            items.append(_Item(md.group(2), heading_level=len(md.group(1))))
            open_item = None
        elif nxt is not None and _UNDERLINE.match(nxt) and not bullet and len(line) <= 150:
            items.append(_Item(line, heading_level=1 if nxt.lstrip()[0] == "=" else 2))
            open_item = None
            i += 1
        elif _RULE.match(line):
            open_item = None
        elif bullet:
            open_item = _Item(
                line[bullet.end() :].strip(), bullet=True, numbered=bool(_NUMBERED.match(line))
            )
            items.append(open_item)
        elif (
            wrapped
            and open_item is not None
            and not _TRAILER.match(line)
            and not _COMMENTS_HEADING.match(line)
            and not _SIGNED_POST.search(open_item.text)  # a signed post ends where it is signed
        ):
            open_item.text += " " + line
        else:
            open_item = _Item(line)
            items.append(open_item)
            if not wrapped:
                open_item = None
        i += 1
    return items


# --- boilerplate -----------------------------------------------------------------


def _drop_boilerplate(items: list[_Item]) -> tuple[list[_Item], list[str]]:
    dropped = [it.text for it in items if _NOISE.match(it.text)]
    items = [it for it in items if not _NOISE.match(it.text)]
    # A trailer line cuts the article there, if the story has begun and what follows is
    # short site navigation rather than more story.
    for index, item in enumerate(items):
        if index < 2 or not _TRAILER.match(item.text):
            continue
        rest = items[index + 1 :]
        if len(rest) <= 12 or all(len(it.text) < 160 for it in rest):
            dropped.extend(it.text for it in items[index:])
            items = items[:index]
            break
    return items, dropped


# --- story boundaries -------------------------------------------------------------


def _mark_comments(items: list[_Item]) -> None:
    """Readers' comments after the story: from a comments heading, or a closing run of
    short signed posts ("Great article! - Jim, Ohio"). They are shown, not analysed."""
    start: int | None = None
    # Only the first comments heading counts; long prose after it means it was no such thing.
    heading = next(
        (i for i in range(2, len(items)) if _COMMENTS_HEADING.match(items[i].text)), None
    )
    if heading is not None and all(_words(it.text) <= 150 for it in items[heading + 1 :]):
        items[heading].heading_level = 1
        start = heading
    # The closing run: every item a signed post or a few words ("Reply"), two posts at least.
    signed = [False] * len(items)
    tail = len(items)
    while tail > max(2, len(items) - MAX_COMMENT_ITEMS):
        text = items[tail - 1].text
        signed[tail - 1] = bool(_SIGNED_POST.search(text))
        if _words(text) > MAX_COMMENT_WORDS or not (signed[tail - 1] or _words(text) <= 8):
            break
        tail -= 1
    first_post = next((i for i in range(tail, len(items)) if signed[i]), None)
    if (
        first_post is not None
        and sum(signed[first_post:]) >= 2
        and (start is None or first_post < start)
    ):
        items[first_post].heading_level = 2  # the first post of a section without a heading
        start = first_post
    for item in items[start:] if start is not None else ():
        item.kind = BlockKind.COMMENTS


def dateline_length(text: str) -> int:
    """How many characters of `text` are a wire dateline ("LAGOS (Reuters) - ", "(CNN)"), or 0."""
    match = _AGENCY_DATELINE.match(text) or _CITY_DATELINE.match(text)
    return match.end() if match else 0


def _is_dateline(text: str) -> bool:
    """A wire dateline followed by the story's prose (not an all-caps headline)."""
    length = dateline_length(text)
    if not length:
        return False
    rest = text[length:]
    lower = sum(c.islower() for c in rest)
    return _words(rest) >= 6 and lower > 2 * sum(c.isupper() for c in rest)


def _story_start(items: list[_Item]) -> int | None:
    """The index of the dateline item where the story starts, if one stands near the top."""
    for index, item in enumerate(items[:MAX_STORY_START]):
        if item.kind not in (None, BlockKind.TITLE, BlockKind.HEADING, BlockKind.PARAGRAPH):
            continue
        if _is_dateline(item.text):
            return index
        if (
            item.kind is BlockKind.PARAGRAPH
            and _words(item.text) > MAX_PROMO_WORDS
            and not _is_caption(item.text, before_story=True)
        ):
            return None  # the story had begun without a dateline
    return None


def _is_caption(text: str, before_story: bool) -> bool:
    """A photo caption or credit: by its shape anywhere, by a credit word before the story
    or on a line of its own."""
    tail = text[-CAPTION_END_CHARS:]
    if _CAPTION.match(text) or (("/" in tail or ")" in tail) and _CAPTION_END.search(tail)):
        return _words(text) <= MAX_FURNITURE_WORDS
    return (
        (before_story or len(text) <= 40)
        and _CREDIT.search(text) is not None
        and _words(text) <= (MAX_FURNITURE_WORDS if before_story else 4)
    )


def _long_words(*texts: str) -> set[str]:
    return {w for t in texts for w in re.findall(r"[a-z]{5,}", t.lower())}


def _mark_furniture(items: list[_Item]) -> None:
    """Captions anywhere; before a dateline, also section labels and unrelated promos."""
    start = _story_start(items) or 0
    shaped = (BlockKind.TITLE, BlockKind.HEADING, BlockKind.PARAGRAPH)
    for index, item in enumerate(items):
        if item.kind in shaped and not item.bullet and _is_caption(item.text, index < start):
            item.kind = BlockKind.CAPTION
    before = [
        it
        for it in items[:start]
        if it.kind in shaped and not it.bullet and _words(it.text) <= MAX_FURNITURE_WORDS
    ]
    labels = [it for it in before if _is_section_label(it.text)]
    # The title is the first line that can be one, past captions and section labels.
    title = next((it for it in before if it.kind is BlockKind.TITLE), None)
    if title is None or title in labels:
        lines = [it for it in before if it not in labels and _words(it.text) >= 3]
        shaped_first = sorted(lines, key=lambda it: not _is_heading_shape(it.text))
        title = shaped_first[0] if shaped_first else title
    story = _long_words(*(it.text for it in items[start : start + 2]))
    for item in before:
        if item is title:
            item.kind = BlockKind.TITLE
        elif item in labels:
            item.kind = BlockKind.SECTION_LABEL
        elif not _long_words(item.text) & story:
            item.kind = BlockKind.PROMO


def _is_section_label(text: str) -> bool:
    """A word or two ("World"), or a trail of them ("Business | Markets")."""
    return bool(_SECTION_LABEL.match(text)) and (
        _words(text) <= 2 or bool(re.search(r"[|›>»/]", text))
    )


# --- deciding what each item is ---------------------------------------------------


def _words(text: str) -> int:
    return len(text.split())


def _is_heading_shape(text: str) -> bool:
    if len(text) > MAX_HEADING_CHARS or _words(text) > MAX_HEADING_WORDS:
        return False
    if text.endswith(_FINAL_PUNCT) or text.endswith(('"', "”", "’")):
        return False
    first = text.lstrip("\"“‘'([")[:1]
    return bool(first) and (first.isupper() or first.isdigit()) and any(c.isalpha() for c in text)


_ABBREVIATION = re.compile(
    r"\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Prof|vs|No)\."
)


def _looks_like_title(item: _Item, total: int) -> bool:
    text = item.text
    if item.bullet or len(text) > MAX_TITLE_CHARS or (_words(text) > 15 and _DATELINE.match(text)):
        return False
    if item.heading_level:
        return True
    if total == 1:
        return _words(text) <= 25
    # A title is one sentence at most ("U.S.", "vs." and "Mr." end none).
    inner = re.findall(r"[.!?][\"”’]?\s+[A-Z]", _ABBREVIATION.sub("X", text))
    return not inner and _words(text) <= 30


def _classify(items: list[_Item]) -> None:
    if not items:
        return
    index = 0
    if _looks_like_title(items[0], len(items)):
        items[0].kind = BlockKind.TITLE
        index = 1
    index = _classify_header(items, index)
    stopped = _stopped_headings(items, index)
    in_key_points = False
    for i in range(index, len(items)):
        item = items[i]
        if item.kind is not None:
            continue
        nxt = items[i + 1] if i + 1 < len(items) else None
        if item.heading_level or i in stopped:
            item.kind = BlockKind.HEADING
            in_key_points = False
        elif _KEY_POINTS_LABEL.match(item.text) and nxt is not None and nxt.bullet:
            item.kind = BlockKind.KEY_POINTS_LABEL
            in_key_points = True
        elif in_key_points and item.bullet:
            item.kind = BlockKind.KEY_POINT
        elif (
            not item.bullet
            and nxt is not None
            and not nxt.heading_level
            and _is_heading_shape(item.text)
            and (len(nxt.text) > len(item.text) or nxt.bullet)
            and not _KEY_POINTS_LABEL.match(nxt.text)
        ):
            item.kind = BlockKind.HEADING
            in_key_points = False
        else:
            item.kind = BlockKind.PARAGRAPH
            in_key_points = False
            if item.bullet:
                # A bullet in the body stays visibly a bullet.
                item.text = ("•" if not item.numbered else "–") + " " + item.text


_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to"}
    | {"vs", "with"}
)
_STOPPED_HEADING = re.compile(r"[A-Z][\w'’&-]*(?: [\w'’&-]+){0,4}\.")


def _stopped_headings(items: list[_Item], start: int) -> set[int]:
    """Section headings some sites end with a full stop ("Refugees.", "War and Peace."):
    short Title Case lines before longer paragraphs. Only a run of them makes sections;
    one short line alone may be a reply ("Absolutely."), and a run of names signs letters."""
    found = set()
    for i in range(start, len(items) - 1):
        text, nxt = items[i].text, items[i + 1]
        if (
            not items[i].bullet
            and _STOPPED_HEADING.fullmatch(text)
            and all(w[:1].isupper() or w in _SMALL_WORDS for w in text[:-1].split())
            and len(nxt.text) > 2 * len(text)
            and not nxt.heading_level
            and not (i and items[i - 1].text.endswith(("?", '?"', "?”")))  # an answer
            and not text[:-1].lower().endswith("ly")  # "Absolutely.", "Exactly."
        ):
            found.add(i)
    if len(found) < 2:
        return set()
    # Topics show themselves by a lone word, a small one or capitals ("Refugees.", "War and
    # Peace.", "LETTERS."); where most lines do not, they are names signing readers' letters
    # ("Dana Hollis."), and only the topical lines head sections.
    topical = {
        i
        for i in found
        if " " not in items[i].text
        or items[i].text.isupper()
        or any(w in _SMALL_WORDS for w in items[i].text.split())
    }
    return found if 2 * len(topical) > len(found) else topical


def _classify_header(items: list[_Item], index: int) -> int:
    """Mark bylines, meta lines, tags and key points that stand between title and story."""
    while index < len(items):
        item = items[index]
        nxt = items[index + 1] if index + 1 < len(items) else None
        text = item.text
        byline = _BYLINE.match(text)
        tags = _TAGS_LABEL.match(text)
        tldr = _INLINE_TLDR.match(text)
        if item.bullet or item.heading_level or item.kind is not None:
            break
        is_byline = bool(byline) and len(text) <= 150 and _words(text) <= 16
        if is_byline or (_META.match(text) and len(text) <= 100):
            item.kind = BlockKind.BYLINE
        elif tags:
            item.kind = BlockKind.TAGS
            item.text = tags.group(1).strip()
        elif tldr:
            item.kind = BlockKind.KEY_POINT
            item.text = tldr.group(2)
        elif _KEY_POINTS_LABEL.match(text) and nxt is not None and nxt.bullet:
            item.kind = BlockKind.KEY_POINTS_LABEL
            index += 1
            while index < len(items) and items[index].bullet:
                items[index].kind = BlockKind.KEY_POINT
                index += 1
            break  # the story starts after the key points
        elif (
            (
                (index > 0 and items[index - 1].kind is BlockKind.BYLINE)
                or (nxt is not None and _KEY_POINTS_LABEL.match(nxt.text))
            )
            and _words(text) <= 8
            and not text.endswith(_FINAL_PUNCT)
            and not any(it.kind is BlockKind.TAGS for it in items[:index])
        ):
            item.kind = BlockKind.TAGS
        else:
            break
        index += 1
    # A bullet list before the story starts is the author's key points, label or not.
    if index < len(items) and items[index].bullet and index <= 4:
        while index < len(items) and items[index].bullet:
            items[index].kind = BlockKind.KEY_POINT
            index += 1
    return index


# --- building the Document --------------------------------------------------------


def _split_long(text: str) -> list[str]:
    """Split a giant paragraph at sentence ends (or spaces) into view-friendly pieces."""
    pieces: list[str] = []
    while len(text) > MAX_BLOCK_CHARS:
        window = text[:MAX_BLOCK_CHARS]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 1 if cut > MAX_BLOCK_CHARS // 2 else window.rfind(" ")
        if cut <= MAX_BLOCK_CHARS // 4:
            cut = MAX_BLOCK_CHARS
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        pieces.append(text)
    return pieces


def _split_tags(text: str) -> tuple[str, ...]:
    parts = _TAG_SPLIT.split(text) if _TAG_SPLIT.search(text) else text.split()
    return tuple(p.strip().lstrip("#") for p in parts if p.strip().lstrip("#"))


def _assemble(
    items: list[_Item],
    source_path: str,
    encoding: str,
    notices: tuple[str, ...],
    boilerplate: tuple[str, ...],
) -> Document:
    parts: list[str] = []
    blocks: list[Block] = []
    title = ""
    bylines: list[str] = []
    tags: tuple[str, ...] = ()
    key_points: list[str] = []
    ordered = False
    offset = 0

    def add(kind: BlockKind, text: str, level: int = 0) -> None:
        nonlocal offset
        if parts:
            offset += 1  # the newline between blocks
        parts.append(text)
        blocks.append(Block(kind, offset, offset + len(text), level))
        offset += len(text)

    for item in items:
        kind = item.kind or BlockKind.PARAGRAPH
        text = item.text.strip()
        if kind is BlockKind.BYLINE:
            match = _BYLINE.match(text)
            if match and not match.group(1).strip(" :"):
                continue  # an empty "Creator:" says nothing
        if kind is BlockKind.TAGS:
            tags = tags + _split_tags(text)
            if not tags:
                continue
            text = " · ".join(_split_tags(text))
        if not text:
            continue
        if kind is BlockKind.TITLE:
            title = text
        elif kind is BlockKind.BYLINE:
            bylines.append(text)
        elif kind is BlockKind.KEY_POINT:
            key_points.append(text)
            ordered = ordered or item.numbered
        if kind is BlockKind.PARAGRAPH and len(text) > MAX_BLOCK_CHARS:
            for piece in _split_long(text):
                add(kind, piece)
            continue
        level = item.heading_level if kind in (BlockKind.HEADING, BlockKind.COMMENTS) else 0
        add(kind, text, level)

    text = "\n".join(parts)
    return Document(
        text=text,
        blocks=tuple(blocks),
        title=title,
        byline=" · ".join(bylines),
        tags=tags,
        key_points=tuple(key_points),
        key_points_ordered=ordered,
        source_path=source_path,
        encoding=encoding,
        notices=notices,
        boilerplate=boilerplate,
        words=len(text.split()),
    )
