"""Re-join hard-wrapped lines into paragraphs when no geometry is left.

OCR output and text extracted without positions wrap at the page width. A
line starts a new paragraph when it opens with a list label or follows a
line that ends a sentence and is clearly short; otherwise it continues the
previous one.
"""

from __future__ import annotations

import re

LABEL = re.compile(
    r"^\s*(?:"
    r"(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3}){0,4}|[a-zđ])[.)](?=\s|$)"
    r"|\d{1,3}(?:\.\d{1,3}){1,4}(?=\s)"
    r"|[-–—•*+▪·](?=\s)"
    r"|\(\d{1,3}\)|\([a-zđ]\)"
    r"|(?:Điều|Phần|Chương|Mục|Phụ lục)\s+[\dIVXLC]+"
    r")",
)
_END = re.compile(r"[.:;!?…\"”)]$")


def starts_with_label(line: str) -> bool:
    return bool(LABEL.match(line))


def join_wrapped(previous: str, line: str) -> str:
    """Glue a wrapped line onto the text before it.

    A document number cut after its hyphen or slash ("52-" / "CT/TW") is
    glued without a space; "kinh tế -" + "xã hội" keeps its spaces.
    """
    if not previous:
        return line
    if previous.endswith(("-", "/")) and len(previous) > 1 and not previous[-2].isspace():
        return previous + line
    return f"{previous} {line}"


def paragraphs_from_lines(lines: list[str]) -> list[str]:
    """Group plain lines (blank line = break) into paragraphs."""
    out: list[str] = []
    current = ""
    width = max((len(line.strip()) for line in lines), default=0)
    previous_short_end = False
    for raw in lines:
        line = raw.strip()
        if not line:
            if current:
                out.append(current)
            current = ""
            previous_short_end = False
            continue
        if current and (starts_with_label(line) or previous_short_end):
            out.append(current)
            current = line
        else:
            current = join_wrapped(current, line)
        previous_short_end = bool(_END.search(line)) and len(line) < 0.8 * width
    if current:
        out.append(current)
    return out
