"""Plan document → structured tasks: the parsing pipeline and its entry points.

Six small stages, each a function from typed values to typed values (no
shared mutable state, nothing passed on the side), so each can be tested
alone and a new convention goes into one stage:

    normalise → restore_text → segment → outline_of → extract → assess

``parse_file`` reads any supported file through ``theodoi.text.readers``;
``parse_source`` takes what a reader produced; ``parse_text`` takes plain text.
All three return a ``ParseResult`` whose ``to_json_dict()`` is the contract in
docs/extraction-spec.md.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from theodoi.text.bodies import take_bodies
from theodoi.text.confidence import apply_assessments, assess_tasks
from theodoi.text.extract import responsibility as resp
from theodoi.text.extract.articles import bare_article_paths
from theodoi.text.extract.implementers import imply_implementers
from theodoi.text.extract.metadata import extract_metadata, header_lines
from theodoi.text.extract.repeats import drop_repeated_duties
from theodoi.text.extract.reporting import (
    is_focal_statement,
    is_recurring,
    is_regime_heading,
    monitors_this_document,
    reporting_in,
    reports_at_the_end,
    row_statement,
)
from theodoi.text.extract.tables import TableReader, text_table_blocks
from theodoi.text.extract.tasks import classify_section, extract_tasks
from theodoi.text.model import DocumentInfo, OutlineNode, ParseResult, Reporting, Task
from theodoi.text.outline.cover import skip_cover_letter
from theodoi.text.outline.lines import CleanText, clean
from theodoi.text.outline.segment import Para, join_lines
from theodoi.text.outline.tree import Outline, assign_paths, build_outline
from theodoi.text.readers.clean import clean_words
from theodoi.text.readers.markdown import plain_lines
from theodoi.text.source import InputError, Paragraph, SourceText

__all__ = ["InputError", "ParseResult", "parse_file", "parse_source", "parse_text"]

MAX_CHARS = 5_000_000
MAX_RESTORE_LINE = 1500  # OCR lines are page-wide; longer "lines" are not OCR output


@dataclass(frozen=True)
class Normalised:
    """The cleaned lines, and whether they read like OCR output or lost their marks."""

    text: CleanText
    ocr: bool
    needs_restoration: bool


@dataclass(frozen=True)
class Restored:
    """The lines after diacritics restoration (the same object when none was needed)."""

    text: CleanText
    changed: bool
    warnings: tuple[str, ...] = ()


def _restorer() -> Any | None:
    """The diacritics restorer, when it is installed (imported lazily: it is heavy)."""
    try:
        return importlib.import_module("theodoi.text.restore")
    except ImportError:
        return None


def normalise(source: SourceText, *, restore: bool = True) -> Normalised:
    """Drop page furniture, set footnotes aside, strip OCR margin junk."""
    needs = False
    if restore and _may_be_damaged(source):
        restorer = _restorer()
        if restorer is not None and hasattr(restorer, "needs_restoration"):
            sample = "\n".join(
                line[:MAX_RESTORE_LINE] for line in source.plain_text()[:200_000].split("\n")
            )
            needs = bool(restorer.needs_restoration(sample))
    ocr = source.ocr or needs
    text = skip_cover_letter(clean(source, ocr=ocr))
    return Normalised(text=text, ocr=ocr, needs_restoration=needs)


def _may_be_damaged(source: SourceText) -> bool:
    """Cheap screen before the restorer: clean Vietnamese has marks on most lines.

    A text-layer document whose long lines nearly all carry diacritics is
    never handed to the restorer (its model takes longer to load than the
    whole parse).
    """
    long_lines = 0
    bare = 0
    for block in source.blocks:
        for line in getattr(block, "text", "").split("\n"):
            if len(line) < 30:
                continue
            long_lines += 1
            if not _VIETNAMESE_ONLY.search(line):
                bare += 1
        if long_lines >= 4000:
            break
    return long_lines > 0 and bare * 25 > long_lines


def restore_text(normalised: Normalised) -> Restored:
    """Put lost diacritics back and repair OCR letters (theodoi.text.restore).

    Returns new lines; the normalised text is left as it was.
    """
    text = normalised.text
    restorer = _restorer() if normalised.needs_restoration else None
    if restorer is None or not hasattr(restorer, "restore_lines"):
        return Restored(text=text, changed=False)
    targets = [
        index
        for index, line in enumerate(text.lines)
        if line.table is None and len(line.text) <= MAX_RESTORE_LINE
    ]
    # the item marker stays out of the restorer's reach ("8." is not junk)
    prefixes = [_marker_prefix(text.lines[index].text) for index in targets]
    texts = [text.lines[i].text[len(p) :] for i, p in zip(targets, prefixes, strict=True)]
    texts += list(text.footnotes)
    restored = list(_bounded(restorer.restore_lines(texts, style="old"), len(texts)))
    if len(restored) != len(texts):
        warning = "restoration returned a different number of lines; kept the input"
        return Restored(text=text, changed=False, warnings=(warning,))
    lines = list(text.lines)
    changed = 0
    for index, prefix, new in zip(targets, prefixes, restored[: len(targets)], strict=True):
        new = prefix + new
        changed += new != lines[index].text
        lines[index] = replace(lines[index], text=new)
    new_text = replace(text, lines=lines, footnotes=restored[len(targets) :])
    return Restored(text=new_text, changed=changed > 0)


_MARKER_PREFIX = re.compile(
    r"^(?:[IVXl1H]{1,6}\s?[.\-–]\s*|\d{1,2}(?:\.\d{1,2})*[.)]\s*|[a-zđ¢]\)\s*|[-–+•*]\s*)"
)


def _marker_prefix(text: str) -> str:
    m = _MARKER_PREFIX.match(text)
    return m.group(0) if m else ""


def _bounded(items: Iterator[str], limit: int) -> Iterator[str]:
    for i, item in enumerate(items):
        if i > limit:
            break
        yield item


def segment(text: CleanText) -> list[Para]:
    """Re-join hard-wrapped lines into paragraphs."""
    return join_lines(text.lines)


def outline_of(paras: list[Para]) -> Outline:
    """Build the heading tree; read task tables into it."""
    outline = build_outline(paras)
    readers: dict[int, TableReader] = {}
    for table, appendix in outline.tables:
        # a table inside the body reads into the item it follows (TableReader adds rows
        # as its children); one outside any item, into the appendix
        if appendix is None:
            appendix = OutlineNode(kind="table", label="PL", heading="PHỤ LỤC")
            existing = [n for n in outline.roots if n.kind == "table"]
            if existing:
                appendix = existing[-1]
            else:
                appendix.path = "PL"
                outline.roots.append(appendix)
        reader = readers.setdefault(id(appendix), TableReader(appendix))
        reader.feed(table)
    for reader in readers.values():
        reader.finish()
    if outline.tables:
        assign_paths(outline.roots)
    return outline


def extract(
    source: SourceText, source_name: str, restored: Restored, outline: Outline
) -> ParseResult:
    """Metadata, tasks, reporting duties and the focal agency."""
    text = restored.text
    header = header_lines(text.lines[:80])
    info = extract_metadata(header, outline.preamble, text.reading_order(), [], outline.end_matter)
    tasks = drop_repeated_duties(extract_tasks(outline))
    bare_article_paths(outline.roots, tasks)
    reporting, focal = _reporting_and_focal(outline, tasks)
    implementers = imply_implementers(tasks, _org_sections(outline), _headings(outline.roots))
    issuer_short = _signing_body(outline.end_matter) or info.issuer
    for entry in reporting:
        if entry.to is None and issuer_short:
            entry.to = issuer_short  # "báo cáo khi có yêu cầu": to the body that issued the plan
    warnings = [*source.warnings, *restored.warnings, *outline.warnings]
    if not _has_duties(outline, tasks):
        warnings.append(
            "no section of duties (NHIỆM VỤ, GIẢI PHÁP …) was found: this does not look like a plan"
        )
    if not tasks:
        warnings.append("no tasks were found")
    return ParseResult(
        source=source_name,
        restored=restored.changed,
        document=info,
        focal_agency=focal,
        reporting=reporting,
        outline=outline.roots,
        tasks=tasks,
        warnings=warnings,
        implementers=implementers,
    )


def assess(result: ParseResult, *, doubtful_text: bool) -> ParseResult:
    """Confidence and reasons for doubt of every task, body and timing
    (``doubtful_text``: the words themselves came from OCR or restoration)."""
    apply_assessments(
        result.tasks, assess_tasks(result.tasks, result.outline, restored=doubtful_text)
    )
    return result


def _has_duties(outline: Outline, tasks: list[Task]) -> bool:
    """A plan has a section of duties by its heading, a task table, a section
    (whatever its heading: "NỘI DUNG CHƯƠNG TRÌNH") whose items give bodies work,
    or several bodies given work where it is organised."""
    if any(classify_section(n.heading) == "duty" for n in _section_nodes(outline.roots)):
        return True
    org = _org_sections(outline)
    if any(
        t.source == "table" or (t.section not in org and (t.lead or t.implementing)) for t in tasks
    ):
        return True
    # an inspection or supervision plan gives out all its work in TỔ CHỨC THỰC HIỆN
    return sum(1 for t in tasks if t.lead or t.implementing) >= 3


def _signing_body(end_matter: list[str]) -> str | None:
    """'T/M TỈNH ỦY' → 'Tỉnh ủy'; 'TM. ỦY BAN NHÂN DÂN' → 'Ủy ban nhân dân'."""
    for line in end_matter:
        m = re.search(
            r"\b(?:TM|T/M)\.?\s*([A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{2,40}?)"
            r"(?=\s+(?:KT|CHỦ TỊCH|BÍ THƯ|PHÓ|TL)\b|\s*$)",
            line,
        )
        if m:
            words = m.group(1).strip().lower().split()
            return " ".join(words)[:1].upper() + " ".join(words)[1:]
    return None


def _all_nodes(roots: list[OutlineNode]) -> Iterator[OutlineNode]:
    """Every node of the outline (the first of two nodes with one path comes first)."""
    stack = list(roots)
    while stack:
        node = stack.pop()
        yield node
        stack.extend(node.children)


def _headings(roots: list[OutlineNode]) -> dict[str, str]:
    """Every outline node's heading by its path."""
    found: dict[str, str] = {}
    for node in _all_nodes(roots):
        if node.path:
            found.setdefault(node.path, node.heading)
    return found


def _section_nodes(roots: list[OutlineNode]) -> Iterator[OutlineNode]:
    for node in roots:
        yield node
        if node.kind in ("part", "chapter"):
            yield from _section_nodes(node.children)


def _org_sections(outline: Outline) -> set[str]:
    """Headings of the "TỔ CHỨC THỰC HIỆN" sections."""
    return {
        n.heading for n in _section_nodes(outline.roots) if classify_section(n.heading) == "org"
    }


def _reporting_and_focal(outline: Outline, tasks: list[Task]) -> tuple[list[Reporting], str | None]:
    """Reporting duties wherever the plan states them, and the focal agency.

    TỔ CHỨC THỰC HIỆN gives every report it states; a duty gives only a recurring
    one or the report closing an inspection (another one-off report is the duty's
    own deliverable); a task-table row reads as its task cell with its timing cell
    after it, from the row's bodies (``row_statement``); text outside the tasks (a
    "CHẾ ĐỘ BÁO CÁO" section, a body's heading, a closing paragraph) is read by
    ``_reporting_outside_tasks``.
    """
    reporting: list[Reporting] = []
    best: tuple[int, int, str] | None = None
    closing = set(outline.closing)
    elsewhere: list[Reporting] = []  # after TỔ CHỨC THỰC HIỆN's, which say more (dates)
    follower: str | None = None  # a duty that follows up the document itself
    rows = _table_rows(outline.roots)
    for index, task in enumerate(tasks):
        in_org = classify_section(task.section) == "org"
        row = rows.get(task.path) if task.source == "table" else None
        # a task-table row states its report across its cells: what and to whom in the
        # task column, who in the body columns, how often and by when in the timing one
        statements = (
            [(row_statement(row), task.lead or task.implementing)]
            if row is not None
            else _statements(task)
        )
        for text, bodies in statements:
            if not in_org:
                # a closing paragraph run into the last duty speaks for all: read below
                text = "\n".join(line for line in text.split("\n") if line not in closing)
                follow_up = monitors_this_document(text)
                elsewhere.extend(
                    e for e in reporting_in(text, bodies) if follow_up or _plan_level(e, text)
                )
                if follow_up and bodies and follower is None:
                    follower = bodies[0]
                continue
            found = reporting_in(text, bodies)
            # a row names its addressee: "(hằng năm)" after a task that only mentions
            # reports ("Hệ thống thông tin báo cáo …") is no report to the issuer
            reporting.extend(e for e in found if row is None or e.to is not None)
            score = is_focal_statement(text)
            if score and bodies and (best is None or score > best[0]):
                best = (score, index, bodies[0])
    outside, heading_focal = _reporting_outside_tasks(outline.roots, tasks, outline.closing)
    for text in outline.closing:
        reporting.extend(reporting_in(text, take_bodies(text)))
    reporting.extend(elsewhere)
    reporting.extend(outside)
    unique: list[Reporting] = []
    seen: set[tuple[str | None, str | None, str]] = set()
    for entry in reporting:
        # "Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công)" is the office itself
        sender = re.sub(r"\s*\([^()]*\)", "", entry.from_) if entry.from_ else None
        key = (sender, entry.to, entry.recurrence)
        if key not in seen:
            seen.add(key)
            unique.append(entry)
    if best is not None:
        return unique, best[2]
    # "… báo cáo kết quả (qua Sở Nội vụ) để tổng hợp": the body reports go through;
    # "… báo cáo về Sở X để tổng hợp, báo cáo UBND tỉnh": Sở X gathers them
    via = next((entry.via for entry in unique if entry.via), None)
    return unique, via or _relay(unique) or heading_focal or follower


def _table_rows(roots: list[OutlineNode]) -> dict[str, dict[str, str]]:
    """The cells of every task-table row that is a task (no sub-rows), by path."""
    found: dict[str, dict[str, str]] = {}
    for node in _all_nodes(roots):
        if node.table_row is not None and not node.children and node.path:
            found.setdefault(node.path, node.table_row)
    return found


def _plan_level(entry: Reporting, text: str) -> bool:
    """A report a duty states that still belongs to the plan's reporting regime."""
    if entry.to is None:
        return False  # "định kỳ báo cáo" with nobody named: the duty's own routine
    return is_recurring(entry) or (entry.recurrence == "once" and reports_at_the_end(text))


def _relay(entries: list[Reporting]) -> str | None:
    """The body that receives reports and reports them on: it follows the plan."""
    senders = {entry.from_ for entry in entries if entry.from_}
    return next((entry.to for entry in entries if entry.to in senders), None)


def _reporting_outside_tasks(
    roots: list[OutlineNode], tasks: list[Task], closing: list[str]
) -> tuple[list[Reporting], str | None]:
    """Reports stated in text no task holds, and the focal agency such text names
    ("1. Sở Nội vụ: theo dõi, đôn đốc …, tổng hợp, báo cáo …" over its duties).

    Under a reporting-regime heading every report counts; elsewhere (a body's
    heading over its duties, a closing paragraph) only a recurring one. A
    heading's body speaks only for the heading line: a free paragraph after an
    item names its own senders. The closing paragraphs are read by the caller.
    """
    in_tasks = {line for task in tasks for line in task.text.split("\n")} | set(closing)
    found: list[Reporting] = []
    focal: tuple[int, str] | None = None

    def visit(node: OutlineNode, regime: bool) -> None:
        nonlocal focal
        if node.kind == "table" or node.table_row is not None:
            return
        regime = regime or is_regime_heading(node.heading)
        for line in [node.heading, *node.paragraphs]:
            if not line or line in in_tasks:
                continue
            bodies = take_bodies(line)
            entries = reporting_in(line, bodies)
            found.extend(e for e in entries if regime or is_recurring(e))
            score = is_focal_statement(line.split(":", 1)[-1].strip()) if entries else 0
            if score and bodies and (focal is None or score > focal[0]):
                focal = (score, bodies[0])
        for child in node.children:
            visit(child, regime)

    for root in roots:
        visit(root, False)
    return found, focal[1] if focal else None


def _statements(task: Task) -> list[tuple[str, list[str]]]:
    """The task's text with its bodies, then each later paragraph that opens with a
    subject of its own ("Sở Nội vụ có trách nhiệm giúp … theo dõi, … tổng hợp, báo
    cáo …") with that subject: an item of TỔ CHỨC THỰC HIỆN may give the units
    their duty, then the focal agency its own."""
    bodies = task.lead or task.implementing
    first, *rest = task.text.split("\n")
    out = [(first, bodies)]
    for paragraph in rest:
        own = resp.from_text(paragraph)
        subject = own.lead or own.implementing
        if subject and subject != bodies:
            out.append((paragraph, subject))
        else:
            out[-1] = (f"{out[-1][0]}\n{paragraph}", out[-1][1])
    return out


def parse_source(source: SourceText, *, source_name: str = "", restore: bool = True) -> ParseResult:
    """Parse what a reader produced."""
    total = sum(len(getattr(b, "text", "")) for b in source.blocks)
    if total > MAX_CHARS:
        raise InputError(
            f"{source_name or 'the document'} is too long to be a plan ({total} characters)"
        )
    normalised = normalise(source, restore=restore)
    restored = restore_text(normalised)
    outline = outline_of(segment(restored.text))
    result = extract(source, source_name, restored, outline)
    return assess(result, doubtful_text=restored.changed or normalised.ocr)


def parse_text(text: str, *, source_name: str = "") -> ParseResult:
    """Parse plain text (one line per line, as a .txt or a PDF's text layer gives it)."""
    if not isinstance(text, str):
        raise InputError("the text to parse must be a string")
    blocks = [Paragraph(text=line) for line in text.replace("\r\n", "\n").split("\n")]
    return parse_source(SourceText(blocks=list(blocks), input_kind="text"), source_name=source_name)


_VIETNAMESE_ONLY = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")


def _fast_unicode(data: bytes) -> tuple[str, str] | None:
    """UTF-8 that is plainly Unicode Vietnamese needs no legacy-encoding detection."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    sample = text[:50_000]
    letters = sum(1 for ch in sample if ch.isalpha())
    if letters and len(_VIETNAMESE_ONLY.findall(sample)) * 25 >= letters:
        return unicodedata.normalize("NFC", text), "utf-8"
    return None


def _read_plain(path: Path) -> SourceText:
    """A text file line by line, blank lines and indentation kept.

    The joiner and the footnote finder read blank lines and indentation
    (a footnote ends at an indented page start), which a paragraph-oriented
    reader drops; legacy encodings are decoded by ``theodoi.text.encodings``.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory, not a document") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: is a binary file, not a text document")
    warnings: list[str] = []
    from theodoi.text.readers.html import decode_html, html_lines, looks_like_html

    if looks_like_html(data):  # a Word "Save as Web Page": its paragraphs, not its markup
        lines = html_lines(unicodedata.normalize("NFC", decode_html(data)))
        return SourceText(
            blocks=[Paragraph(text=clean_words(line)) for line in lines], input_kind="text"
        )
    try:
        from theodoi.text.encodings import decode_bytes

        text, encoding = _fast_unicode(data) or decode_bytes(data)
        if not encoding.startswith(("utf-8", "utf-16", "utf-32")) or "+" in encoding:
            warnings.append(f"text decoded from the legacy encoding {encoding}")
    except ImportError:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: is not UTF-8 text") from exc
    if not text.strip():
        raise InputError(f"{path}: is empty")
    controls = sum(1 for ch in text[:100_000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:100_000]) // 50):
        raise InputError(f"{path}: holds binary data, not text")
    # a markdown transcription: its markup off, its set-apart lines kept apart
    lines, alone = plain_lines(
        [clean_words(line) for line in text.replace("\r\n", "\n").split("\n")]
    )
    blocks = text_table_blocks(lines, alone)
    return SourceText(blocks=list(blocks), input_kind="text", warnings=warnings)


def read_source(path: str | Path) -> SourceText:
    """The document as the parser wants it, whatever reads it.

    The readers decide the kind by content (and enforce the size and time
    limits); a text file is then read again line by line by ``_read_plain``,
    which keeps the blank lines and indentation the paragraph reader drops.
    Everything that parses a file (``parse_file``, the importer) comes here,
    so a file gives the same tasks whichever way it enters.
    """
    from theodoi.text.readers import read_document

    path = Path(path)
    source = read_document(path)
    return _read_plain(path) if source.input_kind == "text" else source


def parse_file(path: str | Path, **options: Any) -> ParseResult:
    """Read a document (``read_source``) and parse it."""
    path = Path(path)
    source = read_source(path)
    if not any(getattr(b, "text", "").strip() or getattr(b, "rows", None) for b in source.blocks):
        raise InputError(f"{path}: contains no text")
    options.setdefault("source_name", path.name)
    return parse_source(source, **options)


def empty_document() -> DocumentInfo:
    return DocumentInfo()
