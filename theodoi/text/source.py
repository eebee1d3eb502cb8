"""What a reader hands to the parser: the document as ordered blocks of text.

Readers (.txt, .docx, .doc, .pdf, scans) differ in what they can see — Word
numbering, table cells, page furniture, OCR confidence — but they all reduce a
file to this one shape, so the outline parser and the extractors never care
where the text came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

InputKind = Literal["text", "docx", "doc", "pdf", "pdf-scan", "image"]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of body text, as the reader found it.

    ``label`` is a list label the reader rendered itself (Word automatic
    numbering such as "1." or "a)"), kept apart from ``text`` so the parser
    can trust it; it is empty when the label is typed into the text.
    """

    text: str
    label: str = ""
    bold: bool = False
    all_caps_style: bool = False
    page: int | None = None


@dataclass(frozen=True)
class Table:
    """A table rebuilt as rows of cell texts (merged cells repeated or empty)."""

    rows: tuple[tuple[str, ...], ...]
    page: int | None = None


Block = Paragraph | Table


@dataclass
class SourceText:
    """A whole document after reading, before any interpretation."""

    blocks: list[Block]
    input_kind: InputKind = "text"
    footnotes: list[str] = field(default_factory=list)
    ocr: bool = False  # text came from OCR (ours or someone else's)
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def plain_text(self) -> str:
        """The body as plain text, tables as tab-separated rows."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                lines.append(f"{block.label} {block.text}".strip())
            else:
                lines.extend("\t".join(row) for row in block.rows)
        return "\n".join(lines)


class InputError(ValueError):
    """The input cannot be read; the message names the problem for a person."""
