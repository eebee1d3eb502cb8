"""Words of well-known body names whose marks OCR misread, written as printed.

WHY: a body heading read as "Sở Giáo dục và Đảo tạo" or "Đề nghị Chỉ cục
Hải quan" is no longer a body: "tạo" reads as a verb, "Chỉ" as an adverb,
and the duties under the heading lose their body. A one-letter word may also
have been read as its lookalike ("Sở V tế"). The curated names of
theodoi/text/data/body_name_words.txt are matched with marks aside, and only
where the text opens the name with the same capital letter, so running text
("chỉ cục bộ") is left alone. Used on OCR text only (outline/lines.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from theodoi.text.lexicon import data_rows
from theodoi.text.vietnamese import normalize_text, strip_diacritics


class _Line(Protocol):
    text: str


# a one-letter word of a name and the letters OCR reads it as ("Sở V tế")
_LOOKALIKES = {"Y": "[YV]"}


@lru_cache(maxsize=1)
def _names() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for name, *_ in data_rows("body_name_words.txt"):
        words = [_LOOKALIKES.get(w, re.escape(w)) for w in strip_diacritics(name).split()]
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
        out.append((pattern, name))
    return tuple(out)


def repair_body_words(lines: Sequence[_Line]) -> None:
    """Rewrite misread marks inside known body names, in place."""
    for line in lines:
        text = line.text
        if not text:
            continue
        folded = strip_diacritics(text)
        if len(folded) != len(text):
            continue  # positions must line up between the text and its folded form
        for pattern, name in _names():
            for m in pattern.finditer(folded):
                found = text[m.start() : m.end()]
                if (
                    found.isupper()
                    or found[:1] != name[:1]
                    or normalize_text(" ".join(found.split())) == normalize_text(name)
                ):
                    continue  # capitals, another capital, or only the tone's place differs
                if len(found) == len(name):
                    text = text[: m.start()] + name + text[m.end() :]
        line.text = text
