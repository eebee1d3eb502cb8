"""A document number belongs to its issuer.

An import claims a row for its document: a new one, the placeholder of its
number (a plan cited before it arrived), or a new version of the published
plan of that number. Nobody else's import may claim a number or its
placeholder: a unit officer only uploads plans the unit itself issued, and a
number already held by a document of another agency is refused. The refusal
never tells what the other document is unless the importer may see it, so a
unit's draft is never revealed by guessing its number.

An import without a number is checked by content instead: the same file,
or the same kind, issuer and title as a document already stored, is not
silently stored twice.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from theodoi.accounts.roles import UNIT_ROLES, _role
from theodoi.documents.models import Document, DocumentState, number_key
from theodoi.orgunits.models import OrgUnit
from theodoi.text.model import DocumentInfo

_SPACES = re.compile(r"\s+")


class NumberError(ValueError):
    """The import may not claim this number (the message says why)."""


def _visible(actor: Any, document: Document) -> bool:
    if actor is None:  # the command line runs as the operator
        return True
    from theodoi.documents.access import documents_for_user

    return documents_for_user(actor).filter(pk=document.pk).exists()


def _may_change(actor: Any, document: Document) -> bool:
    if actor is None:
        return True
    from theodoi.documents.access import can_change_document

    return can_change_document(actor, document)


def _taken(actor: Any, document: Document, number: str) -> NumberError:
    if _visible(actor, document):
        if document.state == DocumentState.DRAFT:
            return NumberError(
                _(
                    "Văn bản số %(number)s đã có trong hệ thống (mã %(id)s, đang rà soát): "
                    "hãy rà soát bản đó hoặc xóa bản nháp trước khi nhập lại."
                )
                % {"number": number, "id": document.pk}
            )
        return NumberError(
            _("Văn bản số %(number)s (mã %(id)s) thuộc cơ quan khác, không nhập thay được.")
            % {"number": number, "id": document.pk}
        )
    return NumberError(
        _(
            "Số %(number)s đã được dùng cho một văn bản khác trong hệ thống; "
            "hãy kiểm tra lại số văn bản hoặc liên hệ cơ quan ban hành."
        )
        % {"number": number}
    )


def check_issuer(actor: Any, issuer_unit: OrgUnit | None, issuer: str) -> None:
    """Unit officers and heads upload only their own unit's plans."""
    if _role(actor) not in UNIT_ROLES:
        return
    if issuer_unit is not None and issuer_unit.pk != actor.org_unit_id:
        raise NumberError(
            _(
                "Văn bản do “%(issuer)s” ban hành: đơn vị chỉ tải lên kế hoạch "
                "do chính đơn vị ban hành."
            )
            % {"issuer": issuer or issuer_unit}
        )


def _same_issuer(document: Document, issuer_unit: OrgUnit | None, issuer: str) -> bool:
    if document.issuer_unit_id is not None and issuer_unit is not None:
        return document.issuer_unit_id == issuer_unit.pk
    return _key(document.issuer) == _key(issuer)


def _key(text: str) -> str:
    return _SPACES.sub(" ", text or "").strip().lower()


def claim_row(
    info: DocumentInfo,
    actor: Any,
    issuer_unit: OrgUnit | None,
    source_sha256: str = "",
) -> tuple[Document, bool, Document | None]:
    """The row an import fills: ``(row, replaces a placeholder, published
    plan it is a new version of)``. Raises NumberError when it may not."""
    number = (info.number or "").strip()
    issuer = info.issuer or ""
    check_issuer(actor, issuer_unit, issuer)
    if not number:
        return Document(), False, _same_content(info, actor, issuer_unit, source_sha256)
    rows = list(Document.objects.filter(number_key=number_key(number)).order_by("id"))
    live = [row for row in rows if row.state in (DocumentState.DRAFT, DocumentState.PUBLISHED)]
    for row in live:
        if row.state == DocumentState.DRAFT or not _same_issuer(row, issuer_unit, issuer):
            raise _taken(actor, row, number)
        if not _may_change(actor, row):
            raise _taken(actor, row, number)
    if live:
        if source_sha256 and live[-1].source_sha256 == source_sha256:
            raise NumberError(
                _("Tệp này đã được nhập (văn bản số %(number)s): không nhập lại lần nữa.")
                % {"number": number}
            )
        return Document(), False, live[-1]  # a new version of the published plan
    placeholder = next((row for row in rows if row.state == DocumentState.PLACEHOLDER), None)
    if placeholder is not None:
        if _role(actor) in UNIT_ROLES and issuer_unit is None:
            raise _taken(actor, placeholder, number)
        return placeholder, True, None
    return Document(), False, None  # new, or only archived/superseded versions


def _same_content(
    info: DocumentInfo, actor: Any, issuer_unit: OrgUnit | None, source_sha256: str
) -> Document | None:
    """An unnumbered import of a document already stored: the published plan
    it revises, or a refusal when it is a copy of a draft or of the same file."""
    candidates = Document.objects.filter(
        state__in=(DocumentState.DRAFT, DocumentState.PUBLISHED), number=""
    )
    if source_sha256:
        same_file = candidates.filter(source_sha256=source_sha256).order_by("id").first()
        if same_file is not None:
            if _visible(actor, same_file):
                raise NumberError(
                    _("Tệp này đã được nhập (văn bản mã %(id)s): không nhập lại lần nữa.")
                    % {"id": same_file.pk}
                )
            raise NumberError(_("Tệp này đã được nhập vào hệ thống: không nhập lại lần nữa."))
    title = _key(info.title or "")
    if not title:
        return None
    kind = info.kind
    issuer = info.issuer or ""
    for row in candidates.filter(kind=kind).order_by("id"):
        if _key(row.title) != title or not _same_issuer(row, issuer_unit, issuer):
            continue
        if row.state == DocumentState.DRAFT or not _may_change(actor, row):
            if _visible(actor, row):
                raise NumberError(
                    _(
                        "Văn bản “%(title)s” (không số) đã có trong hệ thống (mã %(id)s): "
                        "hãy rà soát bản đó hoặc xóa bản nháp trước khi nhập lại."
                    )
                    % {"title": row.title[:80], "id": row.pk}
                )
            raise NumberError(_("Văn bản này đã có trong hệ thống: không nhập lại lần nữa."))
        return row
    return None
