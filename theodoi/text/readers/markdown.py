"""Markdown transcriptions of plans back to the lines a printed page gives.

Converters (pandoc, markitdown, PDF-to-markdown tools) wrap a plan's lines in
emphasis ("**II. NHIỆM VỤ, GIẢI PHÁP**", "*Lâm Giang, ngày 05 tháng 3 năm
2026*"), escape characters ("1\\. …", "\\*", "\\- …"), add heading marks
("## III. TỔ CHỨC THỰC HIỆN") and type the two-column header and signature
blocks as pipe tables whose cells hold several lines ("TỈNH ỦY X<br>BAN CHỈ
ĐẠO …"). The outline and the metadata readers know printed lines, not this
markup, so it is taken off here, once, for every text file.

A file is only touched when it shows markdown (a "|---|" rule, a heading mark,
paired "**", escapes): OCR text, where a stray "*" is ink, stays as it was.
Task tables stay pipe rows (``theodoi.text.extract.tables`` reads them); a
small layout table (header, signature) is read column by column, each cell's
lines on lines of their own, as the page shows them.
"""

from __future__ import annotations

import re

_RULE_CELL = re.compile(r"^\s*:?-{3,}:?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])")
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~\"'])")
_BREAK = re.compile(r"<br\s*/?>", re.I)
#: inline HTML a converter leaves in ("<u>", "<strong>", "<span …>")
_INLINE_HTML = re.compile(r"</?(?:u|b|i|em|strong|sup|sub|span|font|mark)\b[^>]*>", re.I)
#: the rule lines of a pandoc grid table ("+------+------+", "+======+")
_GRID_RULE = re.compile(r"^\s*\+[-=:+]{3,}\+\s*$")
_HARD_BREAK = re.compile(r"\\$")  # pandoc's hard line break: a backslash ending the line
_STAR_LINE = re.compile(r"^\s*\\?\*\s*$")
#: cells that show a header or signature block laid out as a table
_LAYOUT_CELL = re.compile(
    r"^\s*(?:Số|So)\s*[:.]?\s*(?:\d|[.…_ ]*/|$)|CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập|,\s*ngày\b|"
    r"Nơi nhận|\b(?:TM|T/M|KT|TL|TUQ)\.?\s+[A-ZĐ]",
    re.M,
)
_MAX_LAYOUT_ROWS = 8
_MAX_LAYOUT_COLUMNS = 3


def looks_like_markdown(lines: list[str]) -> bool:
    """Two or more signs of markdown among the lines (one may be chance)."""
    signs = 0
    for line in lines[:3000]:
        text = line.strip()
        if not text:
            continue
        cells = _pipe_cells(text)
        if (cells is not None and _is_rule(cells)) or _GRID_RULE.match(text):
            signs += 2  # "|---|---|", "+----+": nothing but markdown writes it
        elif _HEADING.match(line) or _STRONG.search(text) or _ESCAPE.search(text):
            signs += 1
        if signs >= 2:
            return True
    return False


def unmark(text: str) -> str:
    """One line without emphasis, escapes or heading marks ("**1. X** làm …" → "1. X làm …")."""
    text = _INLINE_HTML.sub("", _HEADING.sub("", text))
    text = _HARD_BREAK.sub("", text.rstrip())
    for _ in range(2):  # "***X***", "**_X_**"
        text = _STRONG.sub(r"\2", text)
        text = _EMPHASIS.sub(r"\1", text)
        text = _UNDERSCORE_EMPHASIS.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)


def _pipe_cells(text: str) -> list[str] | None:
    text = text.strip()
    if len(text) < 3 or not (text.startswith("|") and text.endswith("|")):
        return None
    return [c.strip() for c in re.split(r"(?<!\\)\|", text[1:-1])]


#: where a layout cell whose lines were run together breaks: around an emphasised span
#: ("TỈNH ỦY X **BAN CHỈ ĐẠO …**"), at a lone star, before "Số …" and "Độc lập"
_CELL_BREAK = re.compile(
    r"<br\s*/?>|(?<=\S)\s+(?=\*\*\S|\*(?=[^\s*])[^*]+\*(?:\s|$))|(?<=\*\*)\s+(?=\S)|"
    r"(?<=\S\*)\s+(?=[^\s*])|\s+\\?\*\s+|\s+(?=(?:Số|So)\s*[:.]?\s*\d|Độc lập\b)",
    re.I,
)


def _cell_lines(cell: str) -> list[str]:
    """A layout cell's own lines; a lone "*" (the star under a party issuer) is kept."""
    out = []
    for part in _CELL_BREAK.split(cell):
        part = (part or "").strip()
        if _STAR_LINE.match(part):
            out.append("*")
        elif part:
            out.append(unmark(part).strip())
    return [p for p in out if p]


def _layout_columns(rows: list[list[str]]) -> list[str] | None:
    """A small two-column header or signature table, column by column; None otherwise."""
    if not rows:
        return None
    width = max(len(r) for r in rows)
    if len(rows) > _MAX_LAYOUT_ROWS or width > _MAX_LAYOUT_COLUMNS:
        return None
    if not any(_LAYOUT_CELL.search(_BREAK.sub("\n", unmark(c))) for r in rows for c in r):
        return None
    out: list[str] = []
    for column in range(width):
        for row in rows:
            if column < len(row):
                out.extend(_cell_lines(row[column]))
    return out


_WHOLE_EMPHASIS = re.compile(r"^\s*(?:#{1,6}\s+.+|(\*\*|__|\*|_)(?=\S).+(?<=\S)\1)\s*$")


def plain_lines(lines: list[str]) -> tuple[list[str], frozenset[int]]:
    """The lines of a markdown transcription as printed lines, and which of them stand
    alone (a heading, a wholly emphasised line, a line of a layout cell: the writer
    set it apart, so it is never joined to its neighbour); other text unchanged."""
    if not looks_like_markdown(lines):
        return lines, frozenset()
    out: list[str] = []
    alone: set[int] = set()
    i = 0
    while i < len(lines):
        cells = _pipe_cells(lines[i])
        if cells is None:
            line = lines[i]
            if _GRID_RULE.match(line):
                out.append("")
            elif _STAR_LINE.match(line):
                out.append("*")
            else:
                whole = bool(_WHOLE_EMPHASIS.match(line) or _HARD_BREAK.search(line.rstrip()))
                for part in _BREAK.split(unmark(line)):
                    if whole:
                        alone.add(len(out))
                    out.append(part)
            i += 1
            continue
        start = i
        rows: list[list[str]] = []
        while i < len(lines) and (cells := _pipe_cells(lines[i])) is not None:
            rows.append(cells)
            i += 1
        if start and _GRID_RULE.match(lines[start - 1]):
            rows = [_grid_row(rows)]  # the lines between two rules of a grid table: one row
        layout = _layout_columns([r for r in rows if not _is_rule(r)])
        if layout is not None:
            alone.update(range(len(out), len(out) + len(layout)))
            out.extend(layout)
        else:
            out.extend(_pipe_rows(rows, lines[start:i]))
    return out, frozenset(alone)


def _grid_row(lines: list[list[str]]) -> list[str]:
    """One row of a grid table from its physical lines: a cell's lines run on, an empty
    line between them starts a new paragraph of the cell ("<br>")."""
    width = max(len(r) for r in lines)
    cells: list[str] = []
    for column in range(width):
        parts = [r[column].strip() if column < len(r) else "" for r in lines]
        text = ""
        for part in parts:
            if not part:
                text += "<br>" if text and not text.endswith("<br>") else ""
            elif text and not text.endswith("<br>"):
                text += " " + part
            else:
                text += part
        cells.append(text)
    return cells


def _is_rule(cells: list[str]) -> bool:
    return all(_RULE_CELL.match(c) for c in cells if c.strip())


def _pipe_rows(rows: list[list[str]], raw: list[str]) -> list[str]:
    """Any other table keeps its pipe rows (task tables are read from them, "<br>" too),
    cells unmarked."""
    return [
        line if _is_rule(cells) else "| " + " | ".join(unmark(c) for c in cells) + " |"
        for line, cells in zip(raw, rows, strict=True)
    ]
