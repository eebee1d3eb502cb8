"""Is a word a well-formed Vietnamese syllable?

Choosing between candidate decodings of the same bytes (TCVN3? VNI? already
Unicode?) needs a judge that knows Vietnamese without a dictionary: the
syllable grammar (onset + rhyme + a tone the rhyme allows) is small, closed
and the same in every document, whereas a word list would favour the texts
it came from.
"""

from __future__ import annotations

import re
from functools import lru_cache

from theodoi.text.vietnamese import split_tone, strip_diacritics

_ONSET_TEXT = "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x"
_ONSETS = sorted(_ONSET_TEXT.split(), key=len, reverse=True)
_BARE_ONSETS = sorted({onset.replace("đ", "d") for onset in _ONSETS}, key=len, reverse=True)

# Every rhyme (vần) without its tone, grouped by main vowel.
_RHYME_TEXT = """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu
    yêm yên yêng yêt yêu y
    o oc oi om on ong op ot oo ooc oong
    oa oac oach oai oam oan oang oanh oao oap oat oay
    oăc oăm oăn oăng oăt
    oe oem oen oeo oet
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut
    uân uâng uât uây
    uê uêch uên uênh uêt
    uôc uôi uôm uôn uông uôt
    uơ
    uy uya uych uyn uynh uyp uyt uyu uyên uyêt
    ư ưa ưc ưi ưm ưn ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
"""
_RHYMES = set(_RHYME_TEXT.split())
_STOP_CODAS = ("c", "ch", "p", "t")
_STOP_TONES = {"sac", "nang"}

# Words are runs of letters; digits and punctuation separate them.
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=16384)  # a page repeats its few hundred syllables
def is_syllable(word: str) -> bool:
    """True when ``word`` (any case, NFC) is a possible Vietnamese syllable."""
    letters, tone = split_tone(word.lower())
    if not letters:
        return False
    for onset in (*_ONSETS, ""):
        if not letters.startswith(onset):
            continue
        rhyme = letters[len(onset) :]
        if onset == "gi" and (rhyme == "" or "i" + rhyme in _RHYMES):
            return _tone_fits(rhyme or "i", tone)
        if rhyme in _RHYMES:
            return _spelling_fits(onset, rhyme) and _tone_fits(rhyme, tone)
    return False


_BARE_RHYMES = {strip_diacritics(rhyme) for rhyme in _RHYMES}


@lru_cache(maxsize=4096)
def could_be_syllable(word: str) -> bool:
    """True when some placement of marks on ``word``'s letters makes a
    syllable: "ngưòi" and "nguoi" could be "người"; "chủtrì" could not."""
    bare = strip_diacritics(word.lower())
    return any(
        bare.startswith(onset) and bare[len(onset) :] in _BARE_RHYMES
        for onset in (*_BARE_ONSETS, "")
    ) or (bare.startswith("gi") and not bare[2:])


def _spelling_fits(onset: str, rhyme: str) -> bool:
    # Spelling rules: k/gh/ngh before e, ê, i (y); c/g/ng elsewhere.
    front = rhyme[:1] in ("e", "ê", "i", "y")
    if onset in ("k", "gh", "ngh"):
        return front
    if onset in ("c", "g", "ng"):
        return not front or (onset == "g" and rhyme[:1] == "i")
    return True


def _tone_fits(rhyme: str, tone: str | None) -> bool:
    # Syllables closed by c/ch/p/t carry only the sắc or nặng tone.
    if rhyme.endswith(_STOP_CODAS):
        return tone in _STOP_TONES
    return True


def vietnamese_score(text: str) -> float:
    """Share of the words in ``text`` that are Vietnamese syllables (0..1).

    Words that a decoding leaves full of stray symbols ("hoµ", "Ngh¿") are
    split by them into fragments, which also fail, so a wrong decoding scores
    low even when most of its ASCII letters are untouched.
    """
    words = _words(text)
    if not words:
        return 0.0
    good = sum(1 for w in words if WORD.fullmatch(w) and is_syllable(w))
    return good / len(words)


def vietnamese_score_reaches(text: str, share: float) -> bool:
    """``vietnamese_score(text) >= share``, stopping as soon as it is certain:
    the reader asks this of every PDF page, and clean pages settle it early."""
    words = _words(text)
    if not words:
        return share <= 0.0  # an empty text scores 0
    total, good = len(words), 0
    for word in words:
        if WORD.fullmatch(word) and is_syllable(word):
            good += 1
            if good / total >= share:
                return True
    return good / total >= share


_SEPARATORS = re.compile(r"[\s\d.,;:!?()\[\]\"'“”‘’/\\\-–—…*+=%<>|]+")


def _words(text: str) -> list[str]:
    return [w for w in _SEPARATORS.split(text) if w]
