"""Splitting text into the units the restoration model sees.

WHY one module: training (scripts/train_restore.py) and decoding must cut text
the same way, or the language model's statistics would not match what the
decoder asks for. A line is cut into *pieces*: whitespace, punctuation marks,
and *words*. A word is what may need repair (letters, and the digits and
symbols an OCR engine puts in place of Vietnamese letters, e.g. "t6", "hi¢u").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from theodoi.text.vietnamese import nfc, strip_diacritics

# Special language-model tokens; their ids are fixed.
BOS, UNK, NUM, ABBR = "<s>", "<unk>", "<num>", "<abbr>"
# Left context of dictionary words in training: never seen in real text, so the
# dictionary's evidence does not leak into what follows an unknown word.
DICT = "<dict>"
SPECIAL = (BOS, UNK, NUM, ABBR, DICT)

_VI_LOWER = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵfjwz"
)
VI_LETTERS = frozenset(_VI_LOWER + _VI_LOWER.upper())

# What a word may contain: letters, digits and the look-alike symbols that
# English OCR emits for marked Vietnamese letters ("¢" for "ệ", "€" for "ê").
_WORD_CHARS = r"[^\W_]|[¢€¥£&@^?'’§©®$]"
_PIECE = re.compile(
    rf"(?P<space>\s+)|(?P<word>(?:{_WORD_CHARS})+(?:[-/.](?:{_WORD_CHARS})+)*)|(?P<punct>.)",
    re.UNICODE,
)

# Onset + vowel cluster + coda of a tone-less Vietnamese syllable.
_NUCLEI = [
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "y",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "eo",
    "êu",
    "ia",
    "iê",
    "iu",
    "oa",
    "oă",
    "oe",
    "oi",
    "ôi",
    "ơi",
    "oo",
    "ua",
    "uâ",
    "uê",
    "ui",
    "uô",
    "uơ",
    "uy",
    "ưa",
    "ưi",
    "ươ",
    "ưu",
    "yê",
    "iêu",
    "oai",
    "oay",
    "oeo",
    "uây",
    "uôi",
    "uya",
    "uyê",
    "uyu",
    "ươi",
    "ươu",
    "yêu",
]
_SYLLABLE_SHAPE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    rf"(?:{'|'.join(sorted(_NUCLEI, key=len, reverse=True))})"
    r"(?:ch|ng|nh|[cmnpt])?"
)


_BARE_NUCLEI = sorted({strip_diacritics(n) for n in _NUCLEI}, key=len, reverse=True)
_BARE_SHAPE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    rf"(?:{'|'.join(_BARE_NUCLEI)})"
    r"(?:ch|ng|nh|[cmnpt])?"
)


def is_bare_shape(word: str) -> bool:
    """True when a lower-case word could be a syllable stripped of its marks."""
    return _BARE_SHAPE.fullmatch(strip_diacritics(word)) is not None


@lru_cache(maxsize=512)
def pieces(line: str) -> list[tuple[str, str]]:
    """Cut a line into (kind, text) pieces; kind is space, word or punct.

    Cached: detection and decoding cut the same line moments apart. The list
    returned is shared, callers must not modify it.
    """
    # findall (one C call) and the group that matched beats finditer + lastgroup.
    return [
        ("word", word) if word else ("space", space) if space else ("punct", punct)
        for space, word, punct in _PIECE.findall(line)
    ]


def is_letters(word: str) -> bool:
    return all(ch in VI_LETTERS for ch in word)


def is_syllable_shape(word: str) -> bool:
    """True when a lower-case word has the shape of a Vietnamese syllable.

    At most one tone mark; the tone-less letters must be onset + vowels + coda.
    """
    decomposed = unicodedata.normalize("NFD", word)
    tones = sum(1 for ch in decomposed if ch in "\u0300\u0301\u0303\u0309\u0323")
    if tones > 1:
        return False
    base = nfc("".join(ch for ch in decomposed if ch not in "\u0300\u0301\u0303\u0309\u0323"))
    if base in ("gi", "gin", "gim", "gip", "git"):  # "gì", "gìn": gi + i
        return True
    return _SYLLABLE_SHAPE.fullmatch(base) is not None


def has_marks(word: str) -> bool:
    """True when a word carries any Vietnamese diacritic (tone, shape, đ)."""
    return strip_diacritics(word) != word


def lm_token(kind: str, text: str) -> str:
    """The language-model token of a clean piece (used in training)."""
    if kind == "punct":
        return text
    lower = text.lower()
    if is_letters(lower):
        if len(text) >= 2 and text.isupper() and not is_syllable_shape(lower):
            return ABBR  # UBND, HĐND, MTTQ: one class, so "UBND tỉnh" is learned
        return lower
    return NUM if any(ch.isdigit() for ch in lower) else UNK


def apply_case(pattern: str, word: str) -> str:
    """Give ``word`` the capitalisation of the observed ``pattern``.

    OCR case is noisy ("PiCH" for "ĐÍCH"), so a word counts as upper-case when
    most of its letters are, and as capitalised when its first letter is.
    """
    if pattern.islower():
        return word
    letters = [ch for ch in pattern if ch.isalpha()]
    if not letters:
        return word
    upper = sum(1 for ch in letters if ch.isupper())
    if len(letters) > 1 and upper * 2 > len(letters):
        return word.upper()
    if letters[0].isupper() and pattern[0].isalpha():
        return word[:1].upper() + word[1:]
    return word
