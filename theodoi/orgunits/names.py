"""The comparison key for body names, shared by storage and matching.

"Sở TT&TT", "sở tt & tt" and "Sở  TT&amp;TT" must meet on one key, and so must
the old and new tone placements ("hòa"/"hoà"). Diacritics are kept: dropping
them would merge different bodies ("Sở Tư pháp" is not "Sở Tư Pháp"-like
accidents but "Ban Dân tộc"/"Ban Dân tốc" OCR errors are handled by fuzzy
matching, not by the key).
"""

from __future__ import annotations

import re

from theodoi.text.vietnamese import normalize_text

_SPACES = re.compile(r"\s+")
_AMPERSAND = re.compile(r"\s*&\s*")
_EDGE_PUNCTUATION = " .,;:-–—\"'“”()"


def name_key(name: str) -> str:
    """Lower-case, NFC, old tone placement, single spaces, tight "&"."""
    text = normalize_text(name.replace("&amp;", "&"), style="old").lower()
    text = _AMPERSAND.sub("&", text)
    text = _SPACES.sub(" ", text)
    return text.strip(_EDGE_PUNCTUATION)
