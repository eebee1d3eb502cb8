"""The public page of a plan: what the focal agency chose to show citizens.

"Dân biết, dân kiểm tra": a plan's promises and progress can be published
without login. Publishing is an explicit choice per plan, so nothing is public
by default; difficulties stay internal unless the agency opts in.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicPage(models.Model):
    document = models.OneToOneField(
        "documents.Document",
        on_delete=models.CASCADE,
        related_name="public_page",
        verbose_name=_("văn bản"),
    )
    is_published = models.BooleanField(_("đang công khai"), default=False)
    introduction = models.TextField(_("lời giới thiệu"), blank=True)
    show_difficulties = models.BooleanField(_("công khai số khó khăn, vướng mắc"), default=False)
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("trang công khai")
        verbose_name_plural = _("trang công khai")

    def __str__(self) -> str:
        return f"{self.document} ({'công khai' if self.is_published else 'không công khai'})"
