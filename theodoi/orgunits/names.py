"""The comparison key for body names, shared by storage and matching.

It is the text core's ``canonical_key`` (theodoi/text/bodies.py), so the
parser's output and the units stored here meet on the same key: "Sở TT&TT",
"Sở Thông tin và Truyền thông" and "sở thông tin và truyền thông" are one.
"""

from __future__ import annotations

from theodoi.text.bodies import canonical_key
from theodoi.text.lexicon import strip_head_title


def name_key(name: str) -> str:
    """Key of a body name: abbreviations expanded, case, tone and diacritics folded."""
    return canonical_key(name.replace("&amp;", "&"))[:255]


def body_key(name: str) -> str:
    """Key of a name as plans write it, without a leading head title."""
    return strip_head_title(name_key(name))  # titles: theodoi/text/data/head_titles.txt
