"""Word .docx → SourceText: paragraphs and tables in document order.

python-docx opens the package; the body is then walked directly on its XML
because what plans need is not in python-docx's API: automatic numbering
labels (:mod:`.numbering`), legacy-font runs (``.VnTime`` = TCVN3,
``VNI-Times`` = VNI) that must be decoded run by run, merged table cells and
footnotes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element

from theodoi.text.encodings import convert_legacy, detect_legacy_in_unicode, font_encoding
from theodoi.text.readers.clean import clean_text
from theodoi.text.readers.limits import Deadline
from theodoi.text.readers.numbering import Numbering
from theodoi.text.readers.zipsafe import check_zip
from theodoi.text.source import Block, InputError, Paragraph, SourceText, Table

_W_P = qn("w:p")
_W_TBL = qn("w:tbl")
_W_R = qn("w:r")
_W_T = qn("w:t")
_W_RPR = qn("w:rPr")
_W_PPR = qn("w:pPr")
_CONTAINERS = {
    qn("w:hyperlink"),
    qn("w:ins"),
    qn("w:smartTag"),
    qn("w:fldSimple"),
    qn("w:sdt"),
    qn("w:sdtContent"),
    qn("w:customXml"),
    qn("w:moveTo"),
}
_RUN_TAGS = {
    qn(f"w:{name}"): name
    for name in (
        "t",
        "tab",
        "br",
        "cr",
        "noBreakHyphen",
        "footnoteReference",
        "endnoteReference",
        "drawing",
        "pict",
    )
}
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RUN_TAGS[f"{_MC}AlternateContent"] = "drawing"
_W_TXBX = qn("w:txbxContent")
_MC_FALLBACK = f"{_MC}Fallback"
_MC_ALTERNATE = f"{_MC}AlternateContent"
_W_DRAWING = qn("w:drawing")
_W_PICT = qn("w:pict")
_BODY_CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins")}
_FALSE = {"0", "false", "off", "none"}


@dataclass
class RunStyle:
    font: str | None = None
    bold: bool | None = None
    caps: bool | None = None

    def over(self, base: RunStyle) -> RunStyle:
        return RunStyle(
            font=self.font if self.font is not None else base.font,
            bold=self.bold if self.bold is not None else base.bold,
            caps=self.caps if self.caps is not None else base.caps,
        )


def _flag(rpr: _Element, tag: str) -> bool | None:
    element = rpr.find(qn(tag))
    if element is None:
        return None
    return element.get(qn("w:val"), "1").lower() not in _FALSE


def _run_style(rpr: _Element | None) -> RunStyle:
    if rpr is None:
        return RunStyle()
    fonts = rpr.find(qn("w:rFonts"))
    font = None
    if fonts is not None:
        font = fonts.get(qn("w:hAnsi")) or fonts.get(qn("w:ascii"))
    return RunStyle(font=font, bold=_flag(rpr, "w:b"), caps=_flag(rpr, "w:caps"))


class Styles:
    """Run formatting and list numbering inherited through styles.xml."""

    def __init__(self, styles_element: _Element | None) -> None:
        self._elements: dict[str, _Element] = {}
        self._runs: dict[str, RunStyle] = {}
        self._numbering: dict[str, tuple[str, int] | None] = {}
        self.default_paragraph: str | None = None
        self.defaults = RunStyle()
        if styles_element is None:
            return
        for style in styles_element.iterchildren(qn("w:style")):
            style_id = style.get(qn("w:styleId"), "")
            self._elements[style_id] = style
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in (
                "1",
                "true",
            ):
                self.default_paragraph = style_id
        defaults = styles_element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.defaults = _run_style(defaults)

    def run(self, style_id: str | None, depth: int = 0) -> RunStyle:
        if not style_id or depth > 20:
            return RunStyle()
        if style_id not in self._runs:
            element = self._elements.get(style_id)
            if element is None:
                self._runs[style_id] = RunStyle()
            else:
                own = _run_style(element.find(_W_RPR))
                based = element.find(qn("w:basedOn"))
                parent = self.run(based.get(qn("w:val")) if based is not None else None, depth + 1)
                self._runs[style_id] = own.over(parent)
        return self._runs[style_id]

    def numbering(self, style_id: str | None, depth: int = 0) -> tuple[str, int] | None:
        if not style_id or depth > 20:
            return None
        if style_id not in self._numbering:
            element = self._elements.get(style_id)
            result: tuple[str, int] | None = None
            if element is not None:
                num_pr = element.find(f"{_W_PPR}/{qn('w:numPr')}")
                if num_pr is not None:
                    result = _num_pr(num_pr, 0)
                else:
                    based = element.find(qn("w:basedOn"))
                    if based is not None:
                        result = self.numbering(based.get(qn("w:val")), depth + 1)
            self._numbering[style_id] = result
        return self._numbering[style_id]


def _num_pr(num_pr: _Element, default_level: int) -> tuple[str, int] | None:
    num_id = num_pr.find(qn("w:numId"))
    ilvl = num_pr.find(qn("w:ilvl"))
    if num_id is None:
        return None
    level = default_level
    if ilvl is not None:
        try:
            level = int(ilvl.get(qn("w:val"), "0"))
        except ValueError:
            level = 0
    return num_id.get(qn("w:val"), "0"), level


class _DocxWalker:
    def __init__(self, styles: Styles, numbering: Numbering, deadline: Deadline) -> None:
        self.styles = styles
        self.numbering = numbering
        self.deadline = deadline
        self.footnote_order: list[str] = []
        self.endnote_order: list[str] = []
        self.legacy_runs = 0
        self.box_blocks: list[Table] = []
        self.fallback_encoding: str | None = None  # for runs without a legacy font
        self.sample: list[str] = []  # raw run text, to spot unmarked legacy text
        self._drawing_seen = False  # the last run read holds a drawing (text box?)
        self._sampled = 0

    # --- paragraphs ---------------------------------------------------
    def paragraph(self, p: _Element, *, bare_label: bool = False) -> list[Paragraph]:
        """The paragraph's lines; ``bare_label``: an empty numbered paragraph still
        shows its number (Word prints it: in a table's STT cell it is the row's number)."""
        ppr = p.find(_W_PPR)
        style_id = self.styles.default_paragraph
        direct_num = None
        if ppr is not None:
            pstyle = ppr.find(qn("w:pStyle"))
            if pstyle is not None:
                style_id = pstyle.get(qn("w:val"))
            num_pr = ppr.find(qn("w:numPr"))
            if num_pr is not None:
                direct_num = _num_pr(num_pr, 0)
                if direct_num is not None and num_pr.find(qn("w:ilvl")) is None:
                    style_num = self.styles.numbering(style_id)
                    if style_num is not None:
                        direct_num = (direct_num[0], style_num[1])
        num = direct_num if direct_num is not None else self.styles.numbering(style_id)
        base = self.styles.run(style_id).over(self.styles.defaults)
        pieces: list[str] = []
        bold_all = True
        caps_all = True
        any_text = False
        boxes: list[Block] = []
        for run in self._runs(p):
            text, style = self._run_text(run, base)
            if self._drawing_seen:
                self._drawing_seen = False
                boxes.extend(self._text_boxes(run))
            if not text:
                continue
            pieces.append(text)
            if text.strip():
                any_text = True
                bold_all = bold_all and bool(style.bold)
                caps_all = caps_all and bool(style.caps)
        label = ""
        if num is not None and (any_text or bare_label):
            label = self.numbering.label(num[0], num[1])
        elif num is not None:
            # Word numbers empty list paragraphs too, but hides nothing: keep counting.
            self.numbering.label(num[0], num[1])
        raw = "".join(pieces)
        out: list[Paragraph] = []
        for index, line in enumerate(raw.split("\n")):
            text = clean_text(line)
            if not text and not (index == 0 and label):
                continue
            out.append(
                Paragraph(
                    text=text,
                    label=label if index == 0 else "",
                    bold=any_text and bold_all,
                    all_caps_style=any_text and caps_all,
                )
            )
        kept = [para for para in out if para.text or para.label]
        if boxes:
            # Text boxes (often the header block of issuer and motto) come
            # before the paragraph they are anchored to.
            self.box_blocks.extend(b for b in boxes if isinstance(b, Table))
            return [b for b in boxes if isinstance(b, Paragraph)] + kept
        return kept

    def _text_boxes(self, run: _Element) -> list[Block]:
        """Paragraphs of the text boxes in a run (the mc:Fallback copy skipped)."""
        found: list[Block] = []
        for box in run.iter(_W_TXBX):
            if any(a.tag in (_MC_FALLBACK, _W_TXBX) for a in box.iterancestors()):
                continue
            for child in self._body_items(box):
                if child.tag == _W_P:
                    found.extend(self.paragraph(child))
                else:
                    table = self.table(child)
                    if table.rows:
                        found.append(table)
        return found

    def _runs(self, parent: _Element):
        for child in parent:
            tag = child.tag
            if tag == _W_R:
                yield child
            elif tag in _CONTAINERS:
                yield from self._runs(child)

    def _run_text(self, run: _Element, base: RunStyle) -> tuple[str, RunStyle]:
        rpr = run.find(_W_RPR)
        style = base
        if rpr is not None:
            rstyle = rpr.find(qn("w:rStyle"))
            if rstyle is not None:
                style = self.styles.run(rstyle.get(qn("w:val"))).over(style)
            style = _run_style(rpr).over(style)
            if _flag(rpr, "w:vanish"):
                return "", style
        parts: list[str] = []
        for child in run:
            tag = _RUN_TAGS.get(child.tag)
            if tag is None:
                continue
            if tag == "t":
                parts.append(child.text or "")
            elif tag == "tab":
                parts.append("\t")
            elif tag in ("br", "cr"):
                parts.append("\n")
            elif tag == "noBreakHyphen":
                parts.append("-")
            elif tag == "footnoteReference":
                self.footnote_order.append(child.get(qn("w:id"), ""))
            elif tag == "endnoteReference":
                self.endnote_order.append(child.get(qn("w:id"), ""))
            elif tag in ("drawing", "pict"):
                self._drawing_seen = True
        text = "".join(parts)
        if text and self._sampled < 30_000:
            self.sample.append(text)
            self._sampled += len(text)
        if text:
            legacy = font_encoding(style.font)
            if legacy is None and self.fallback_encoding:
                legacy = (self.fallback_encoding, False)
            if legacy is not None:
                self.legacy_runs += 1
                text = convert_legacy(text, legacy[0])
                if legacy[1]:
                    text = text.upper()
        return text, style

    # --- tables -------------------------------------------------------
    def table(self, tbl: _Element) -> Table:
        grid_rows: list[list[str]] = []
        vertical: dict[int, str] = {}  # grid column → text of the merge's first cell
        for tr in tbl.iterchildren(qn("w:tr")):
            row: list[str] = []
            trpr = tr.find(qn("w:trPr"))
            if trpr is not None:
                before = trpr.find(qn("w:gridBefore"))
                if before is not None:
                    row.extend([""] * _int_attr(before, 0))
            for tc in tr.iterchildren(qn("w:tc")):
                tcpr = tc.find(qn("w:tcPr"))
                span = 1
                merge = None
                if tcpr is not None:
                    grid_span = tcpr.find(qn("w:gridSpan"))
                    if grid_span is not None:
                        span = max(1, _int_attr(grid_span, 1))
                    v_merge = tcpr.find(qn("w:vMerge"))
                    if v_merge is not None:
                        merge = v_merge.get(qn("w:val"), "continue")
                column = len(row)
                if merge == "continue":
                    text = vertical.get(column, "")
                    self._cell_text(tc)  # keep numbering counters in step
                else:
                    text = self._cell_text(tc)
                    if merge == "restart":
                        vertical[column] = text
                    else:
                        vertical.pop(column, None)
                row.extend([text] * span)
            grid_rows.append(row)
        width = max((len(r) for r in grid_rows), default=0)
        rows = tuple(tuple(r + [""] * (width - len(r))) for r in grid_rows if any(c for c in r))
        return Table(rows=rows)

    def _cell_text(self, tc: _Element) -> str:
        lines: list[str] = []
        for child in self._body_items(tc):
            if child.tag == _W_P:
                for para in self.paragraph(child, bare_label=True):
                    lines.append(f"{para.label} {para.text}".strip())
            elif child.tag == _W_TBL:
                for row in self.table(child).rows:
                    lines.append(" | ".join(c for c in row if c))
        return "\n".join(line for line in lines if line)

    # --- body ---------------------------------------------------------
    def _body_items(self, parent: _Element):
        for child in parent:
            if child.tag in (_W_P, _W_TBL):
                yield child
            elif child.tag in _BODY_CONTAINERS:
                yield from self._body_items(child)

    def blocks(self, body: _Element) -> list[Block]:
        blocks: list[Block] = []
        for count, child in enumerate(self._body_items(body)):
            if count % 200 == 0:
                self.deadline.check()
            if child.tag == _W_P:
                blocks.extend(self.paragraph(child))
                if self.box_blocks:
                    blocks.extend(self.box_blocks)
                    self.box_blocks.clear()
            else:
                table = self.table(child)
                if table.rows:
                    blocks.append(table)
        return blocks


def _int_attr(element: _Element, default: int) -> int:
    try:
        return int(element.get(qn("w:val"), str(default)))
    except ValueError:
        return default


def read_docx_bytes(data: bytes, deadline: Deadline) -> SourceText:
    check_zip(data)
    import docx  # python-docx; imported here so `theodoi --help` stays fast

    try:
        document = docx.Document(io.BytesIO(data))
    except InputError:
        raise
    except Exception as exc:  # python-docx raises many kinds on broken packages
        raise InputError(f"the Word document is damaged and cannot be opened: {exc}") from exc
    part = document.part
    try:
        numbering_element = part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        numbering_element = None
    try:
        styles_element = part.styles.element if part.styles is not None else None
    except (KeyError, AttributeError, NotImplementedError):
        styles_element = None
    styles = Styles(styles_element)
    body = document.element.body
    walker = _DocxWalker(styles, Numbering(numbering_element), deadline)
    warnings: list[str] = []
    blocks = walker.blocks(body)
    if not walker.legacy_runs:
        # Legacy text whose font name was lost: decided on the raw run text,
        # since normalisation damages it ("ñ" taken for n + tilde); then the
        # document is walked again, decoding every run (rare, so it may cost).
        encoding = detect_legacy_in_unicode("".join(walker.sample))
        if encoding:
            walker = _DocxWalker(styles, Numbering(numbering_element), deadline)
            walker.fallback_encoding = encoding
            blocks = walker.blocks(body)
            warnings.append(f"text was in the legacy encoding {encoding} without its font name")
    footnotes = _footnotes(part, walker)
    if walker.legacy_runs and not walker.fallback_encoding:
        warnings.append(f"decoded {walker.legacy_runs} runs in legacy Vietnamese fonts")
    if not blocks:
        raise InputError("the Word document holds no text")
    return SourceText(blocks=blocks, input_kind="docx", footnotes=footnotes, warnings=warnings)


def _footnotes(part, walker: _DocxWalker) -> list[str]:
    """Footnotes, then endnotes, each in the order the body refers to them."""
    return _notes(part, walker, RT.FOOTNOTES, "footnote", walker.footnote_order) + _notes(
        part, walker, RT.ENDNOTES, "endnote", walker.endnote_order
    )


def _notes(part, walker: _DocxWalker, reltype: str, tag: str, order: list[str]) -> list[str]:
    element = None
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            try:
                element = etree.fromstring(rel.target_part.blob)
            except (etree.XMLSyntaxError, ValueError):
                return []
            break
    if element is None:
        return []
    by_id: dict[str, str] = {}
    for note in element.iterchildren(qn(f"w:{tag}")):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        lines: list[str] = []
        for p in walker._body_items(note):
            if p.tag == _W_P:
                lines.extend(para.text for para in walker.paragraph(p))
        text = clean_text(" ".join(lines))
        if text:
            by_id[note.get(qn("w:id"), "")] = text
    ordered = [by_id.pop(i) for i in dict.fromkeys(order) if i in by_id]
    return ordered + list(by_id.values())
