"""Normalisation applied to both indexed text and search input, so both sides agree.

PostgreSQL's ``support_simple_unaccent`` configuration lower-cases and strips Latin accents
(so Romanian ş/ș, ţ/ț and Polish ł match their plain letters); what it cannot do is done here:

- Unicode NFKC, which folds Arabic presentation forms, ligatures and full-width letters.
- Arabic letter forms become Persian: ي and ى are stored as ی, ك as ک.
- Tatweel (U+0640) and harakat (U+064B-U+065F, U+0670) are dropped.
- Persian (U+06F0-U+06F9) and Arabic-Indic (U+0660-U+0669) digits become ASCII digits.
- ZWNJ policy: the zero-width non-joiner (U+200C) joins, it never splits. It is removed, as
  are the other invisible format characters (ZWJ, direction marks, BOM), so ``می‌خواهم``
  and ``میخواهم`` are one word; ``می خواهم`` typed with a space is two.
- Punctuation outside ASCII (Arabic comma, guillemets, dashes) becomes a space, because
  the parser would otherwise keep it inside a word; typographic quotes become ``"`` so
  they work as phrase quotes in a search.
- Whitespace: every run of Unicode white space becomes one space; ends are trimmed.
"""

import re
import unicodedata

_LETTERS = {
    "\u064a": "\u06cc",  # ARABIC LETTER YEH -> FARSI YEH
    "\u0649": "\u06cc",  # ARABIC LETTER ALEF MAKSURA -> FARSI YEH
    "\u0643": "\u06a9",  # ARABIC LETTER KAF -> KEHEH
}
_DIGITS = {
    **{0x0660 + i: str(i) for i in range(10)},  # Arabic-Indic
    **{0x06F0 + i: str(i) for i in range(10)},  # Persian (extended Arabic-Indic)
}
_DROPPED = [
    0x0640,  # tatweel
    *range(0x064B, 0x0660),  # harakat and other Arabic combining marks
    0x0670,  # superscript alef
    0x200B,  # zero-width space
    0x200C,  # zero-width non-joiner (the ZWNJ policy: join)
    0x200D,  # zero-width joiner
    0x200E,  # left-to-right mark
    0x200F,  # right-to-left mark
    0x2060,  # word joiner
    0xFEFF,  # byte order mark
]
_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e"

_TABLE: dict[int, str | None] = {
    **{ord(k): v for k, v in _LETTERS.items()},
    **_DIGITS,
    **dict.fromkeys(_DROPPED),
    **dict.fromkeys((ord(q) for q in _QUOTES), '"'),
}
_WHITESPACE = re.compile(r"\s+")


def _is_wide_punctuation(char: str) -> bool:
    return ord(char) > 0x7F and unicodedata.category(char)[0] in "PSZ"


def normalise_text(text: str) -> str:
    """Return ``text`` in the form that is indexed and searched (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text).translate(_TABLE)
    if not text.isascii():
        text = "".join(" " if _is_wide_punctuation(c) else c for c in text)
    return _WHITESPACE.sub(" ", text).strip()


def normalise_with_positions(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """Return ``normalise_text(text)`` and, per character, the span of ``text`` it came from.

    ``None`` when the character-by-character normalisation does not give the same text (a
    composition across characters that NFKC of the whole text would make).
    """
    characters: list[str] = []
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(text):
        end = index + 1
        while end < len(text) and unicodedata.category(text[end]).startswith("M"):
            end += 1
        for character in unicodedata.normalize("NFKC", text[index:end]).translate(_TABLE):
            if character.isspace() or _is_wide_punctuation(character):
                character = " "
            if character == " " and (not characters or characters[-1] == " "):
                continue
            characters.append(character)
            spans.append((index, end))
        index = end
    if characters and characters[-1] == " ":
        characters.pop()
        spans.pop()
    normalised = "".join(characters)
    if normalised != normalise_text(text):
        return None
    return normalised, spans
