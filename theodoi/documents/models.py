"""Plan documents and the links that make them a cascade.

A document cited by another ("thực hiện Chương trình số 80-CTr/TU") but not
uploaded yet exists as a *placeholder* holding just its number, so the cascade
can be drawn and later filled in when the file arrives.
"""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from theodoi.orgunits.models import Level
from theodoi.project.uploads import document_path
from theodoi.text.model import ParseResult


class DocumentKind(models.TextChoices):
    NGHI_QUYET = "nghi_quyet", _("Nghị quyết")
    KE_HOACH = "ke_hoach", _("Kế hoạch")
    CHUONG_TRINH = "chuong_trinh", _("Chương trình")
    KET_LUAN = "ket_luan", _("Kết luận")
    CHI_THI = "chi_thi", _("Chỉ thị")
    QUYET_DINH = "quyet_dinh", _("Quyết định")
    BAO_CAO = "bao_cao", _("Báo cáo")
    OTHER = "other", _("Văn bản khác")


class IssuerType(models.TextChoices):
    PARTY = "party", _("Đảng")
    GOVERNMENT = "government", _("Chính quyền")
    FRONT = "front", _("Mặt trận, đoàn thể")
    OTHER = "other", _("Khác")


class DocumentState(models.TextChoices):
    PLACEHOLDER = "placeholder", _("Chưa có văn bản")
    DRAFT = "draft", _("Đang rà soát")
    PUBLISHED = "published", _("Đã ban hành theo dõi")
    SUPERSEDED = "superseded", _("Đã được thay thế")
    ARCHIVED = "archived", _("Lưu trữ")


_NUMBER_SPACES = re.compile(r"\s+")


class StoredParseError(ValueError):
    """The parse result kept on a document breaks the contract (edited in the
    database or damaged). The message names the document and the field at
    fault, so whoever reads the page can have it fixed; readers show it
    instead of failing on a KeyError deep inside a page."""


def number_key(number: str) -> str:
    """Comparison key for "số và ký hiệu": "2705 / KH-UBND" == "2705/kh-ubnd"."""
    return _NUMBER_SPACES.sub("", number).upper().replace("Đ", "D")


class Document(models.Model):
    kind = models.CharField(
        _("loại văn bản"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    number = models.CharField(_("số và ký hiệu"), max_length=100, blank=True)
    number_key = models.CharField(max_length=100, db_index=True, editable=False)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    issuer_unit = models.ForeignKey(
        "orgunits.OrgUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="issued_documents",
        verbose_name=_("đơn vị ban hành"),
    )
    issuer_type = models.CharField(
        _("khối"), max_length=20, choices=IssuerType.choices, default=IssuerType.OTHER
    )
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)
    state = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=DocumentState.choices,
        default=DocumentState.DRAFT,
        db_index=True,
    )
    focal_agency = models.ForeignKey(
        "orgunits.OrgUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="focal_documents",
        verbose_name=_("cơ quan đầu mối"),
    )
    focal_agency_text = models.CharField(
        _("cơ quan đầu mối (như văn bản ghi)"), max_length=255, blank=True
    )
    source_file = models.FileField(_("tệp gốc"), upload_to=document_path, blank=True)
    source_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    source_size = models.PositiveBigIntegerField(null=True, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    parse_result = models.JSONField(_("kết quả phân tích"), null=True, blank=True)
    parser_version = models.CharField(max_length=40, blank=True)
    parsed_at = models.DateTimeField(null=True, blank=True)
    restored = models.BooleanField(_("đã phục hồi dấu"), default=False)
    links = models.ManyToManyField(
        "self", through="DocumentLink", symmetrical=False, related_name="linked_from"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # The window the plan is tracked over, when the officer corrected what
    # was read from the plan (theodoi/reporting/timeline.py).
    tracked_from = models.DateField(_("theo dõi từ ngày"), null=True, blank=True)
    tracked_until = models.DateField(_("theo dõi đến ngày"), null=True, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        indexes = [models.Index(fields=["kind", "date"])]

    def __str__(self) -> str:
        label = self.get_kind_display()
        if self.number:
            return gettext("%(kind)s số %(number)s") % {"kind": label, "number": self.number}
        return f"{label}: {self.title[:80]}" if self.title else str(label)

    def save(self, *args: object, **kwargs: object) -> None:
        self.number_key = number_key(self.number)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def is_placeholder(self) -> bool:
        return self.state == DocumentState.PLACEHOLDER

    # --- what the import kept in ``parse_result`` -----------------------------------

    def parsed(self) -> ParseResult | None:
        """The typed parse result the import stored; None for a document not
        imported from a parse (a placeholder, a draft made by hand).

        WHY: the web apps read the core's dataclasses, never the JSON, so the
        shape lives in ``theodoi.text.model`` alone; a result stored by an
        older version (without doubts, confidence, implied bodies …) reads
        with the defaults. Read once per instance: assigning another
        ``parse_result`` (or ``refresh_from_db``) reads it again. Raises
        StoredParseError naming the field when the stored JSON is damaged.
        """
        data = self.parse_result
        cached = self.__dict__.get("_parsed")
        if cached is not None and cached[0] is data:
            return cached[1]  # type: ignore[no-any-return]
        result = self._read_parsed(data)
        self.__dict__["_parsed"] = (data, result)
        return result

    def _read_parsed(self, data: Any) -> ParseResult | None:
        if data is None or (isinstance(data, dict) and not {"document", "tasks"} & set(data)):
            return None  # nothing parsed: at most the officer's decisions (import_notes)
        try:
            return ParseResult.from_json_dict(data)
        except ValueError as exc:
            raise StoredParseError(
                gettext("Kết quả phân tích lưu của %(document)s bị hỏng: %(fault)s")
                % {"document": self if self.pk else gettext("văn bản"), "fault": exc}
            ) from None

    def _stored_json(self) -> dict[str, Any]:
        """``parse_result`` as a dict ({} when nothing, or something else, is stored)."""
        return self.parse_result if isinstance(self.parse_result, dict) else {}

    def stored_notes(self) -> dict[str, Any]:
        """The importer's notes beside the parse result (how each body name was
        resolved, the officer's decisions); a copy, empty when there are none."""
        data = self._stored_json()
        notes = data.get("import_notes")
        return dict(notes) if isinstance(notes, dict) else {}

    def save_notes(self, notes: dict[str, Any]) -> None:
        """Keep new importer's notes beside the parse result, which stays as stored."""
        data = self._stored_json()
        cached = self.__dict__.get("_parsed")
        self.parse_result = {**data, "import_notes": notes}
        if cached is not None and cached[0] is data:  # the parse itself did not change
            self.__dict__["_parsed"] = (self.parse_result, cached[1])
        self.save(update_fields=["parse_result"])

    @property
    def source_text(self) -> str:
        """The text the parser read, as the import kept it ("" if not kept)."""
        data = self._stored_json()
        text = data.get("source_text")
        return text if isinstance(text, str) else ""

    def implemented(self) -> list[Document]:
        """Documents this one carries out, direct parent first."""
        links = self.outgoing_links.filter(relation=LinkRelation.IMPLEMENTS)
        return [link.target for link in links.select_related("target").order_by("position")]


class LinkRelation(models.TextChoices):
    IMPLEMENTS = "implements", _("thực hiện")
    REFERENCES = "references", _("dẫn chiếu")
    AMENDS = "amends", _("sửa đổi, bổ sung")
    SUPERSEDES = "supersedes", _("thay thế")


class DocumentLink(models.Model):
    """``source`` implements or cites ``target``; ``position`` keeps the
    order the document gives (for "implements": direct parent first)."""

    source = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="outgoing_links")
    target = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="incoming_links")
    relation = models.CharField(max_length=20, choices=LinkRelation.choices)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["source", "relation", "position"]
        verbose_name = _("liên kết văn bản")
        verbose_name_plural = _("liên kết văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "relation"], name="document_link_once"
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="document_link_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.relation} → {self.target}"


class ImportProgress(models.Model):
    """How far the background import of one upload has read: OCR pages done
    out of the pages to OCR. One row per queued upload, keyed by the name
    the upload is kept under while it waits (the task's second argument);
    deleted when the import ends."""

    upload = models.CharField(max_length=200, unique=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tiến độ nhập văn bản")
        verbose_name_plural = _("tiến độ nhập văn bản")

    def __str__(self) -> str:
        return f"{self.upload}: {self.done}/{self.total}"
