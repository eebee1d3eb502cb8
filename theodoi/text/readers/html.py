"""Web pages saved by a word processor ("Lưu dưới dạng trang web", .htm).

Word's "Save as Web Page" writes the document as HTML in windows-1252 with
every Vietnamese letter as a numeric entity ("L&#432;&#417;ng"), wraps
source lines inside paragraphs, and adds style sheets and conditional
comments. Read as plain text that is noise; here it becomes one line per
paragraph (and per table cell), in reading order.
"""

from __future__ import annotations

import html
import re

_LOOKS_HTML = re.compile(rb"<\s*(?:html|body)\b", re.IGNORECASE)
_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.IGNORECASE)
_DROP = re.compile(
    r"<(style|script|xml|head)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!\[.*?\]>", re.S | re.I
)
_BREAK = re.compile(r"<br\b[^>]*>|</(?:p|div|h[1-6]|li|tr|td|th|table|title)\s*>", re.I)
_TAG = re.compile(r"<[^>]{0,2000}>")
_SPACE = re.compile(r"[ \t\r\n\xa0]+")


def looks_like_html(data: bytes) -> bool:
    return bool(_LOOKS_HTML.search(data[:4096]))


def decode_html(data: bytes) -> str:
    """The page's text, by its declared charset (windows-1252 when none)."""
    declared = _CHARSET.search(data[:4096])
    encoding = declared.group(1).decode("ascii", "replace") if declared else "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("cp1252", errors="replace")


def html_lines(markup: str) -> list[str]:
    """One line per paragraph or cell; whitespace collapsed as a browser does."""
    body_at = markup.lower().find("<body")
    if body_at >= 0:
        markup = markup[body_at:]
    markup = _DROP.sub(" ", markup)
    markup = _SPACE.sub(" ", markup)  # source line breaks are spaces in HTML
    markup = _BREAK.sub("\n", markup)
    text = html.unescape(_TAG.sub("", markup)).replace("\xa0", " ")
    lines = (re.sub(r" {2,}", " ", line).strip() for line in text.split("\n"))
    return [line for line in lines if line]
