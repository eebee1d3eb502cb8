"""Organisation units (cơ quan, đơn vị) as a tree, their aliases and groups.

The tree follows the administrative cascade: central → province → department
or district → commune. A materialised ``tree_path`` makes "this unit and
everything under it" one indexed prefix query, which dashboards need on every
page.
"""

from __future__ import annotations

from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from theodoi.orgunits.names import name_key


class UnitKind(models.TextChoices):
    PARTY = "party", _("Cơ quan Đảng")
    GOVERNMENT = "government", _("Chính quyền (UBND)")
    COUNCIL = "council", _("Hội đồng nhân dân")
    FRONT = "front", _("Mặt trận, đoàn thể")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    DISTRICT = "district", _("Huyện, thị xã, thành phố")
    COMMUNE = "commune", _("Xã, phường, thị trấn")
    ARMED_FORCES = "armed_forces", _("Lực lượng vũ trang")
    OTHER = "other", _("Khác")


class Level(models.TextChoices):
    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Tỉnh")
    DISTRICT = "district", _("Huyện")
    COMMUNE = "commune", _("Xã")


class OrgUnit(models.Model):
    """One body that can be assigned tasks, file reports or issue documents."""

    PATH_STEP = 6  # digits per level of tree_path, e.g. "000012/000034/"

    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("đơn vị cấp trên"),
    )
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    name = models.CharField(_("tên chính thức"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name_key = models.CharField(max_length=255, db_index=True, editable=False)
    tree_path = models.CharField(max_length=255, db_index=True, editable=False)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    requires_head_approval = models.BooleanField(
        _("lãnh đạo đơn vị duyệt báo cáo trước khi gửi"),
        default=False,
        help_text=_(
            "Báo cáo của đơn vị chỉ được gửi cơ quan đầu mối sau khi lãnh đạo đơn vị duyệt."
        ),
    )

    class Meta:
        ordering = ["tree_path"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self) -> str:
        return self.name

    @property
    def depth(self) -> int:
        return self.tree_path.count("/") - 1

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    def save(self, *args: object, **kwargs: object) -> None:
        """Keep ``name_key`` and ``tree_path`` right; re-path the subtree on a move."""
        self.name_key = name_key(self.name)
        with transaction.atomic():
            if self.pk is None:
                super().save(*args, **kwargs)  # type: ignore[arg-type]
            old_path = self.tree_path
            self.tree_path = self._compute_path()
            kwargs.pop("force_insert", None)
            super().save(*args, **kwargs)  # type: ignore[arg-type]
            if old_path and old_path != self.tree_path:
                self._repath_descendants(old_path)

    def _compute_path(self) -> str:
        own = f"{self.pk:0{self.PATH_STEP}d}/"
        return (self.parent.tree_path if self.parent else "") + own

    def _repath_descendants(self, old_path: str) -> None:
        for unit in OrgUnit.objects.filter(tree_path__startswith=old_path).exclude(pk=self.pk):
            unit.tree_path = self.tree_path + unit.tree_path[len(old_path) :]
            OrgUnit.objects.filter(pk=unit.pk).update(tree_path=unit.tree_path)

    def subtree(self) -> models.QuerySet[OrgUnit]:
        """This unit and every unit under it."""
        return OrgUnit.objects.filter(tree_path__startswith=self.tree_path)

    def ancestors(self) -> models.QuerySet[OrgUnit]:
        """Units above this one, top first."""
        step = self.PATH_STEP + 1
        paths = [self.tree_path[:end] for end in range(step, len(self.tree_path), step)]
        return OrgUnit.objects.filter(tree_path__in=paths).order_by("tree_path")


class UnitGroup(models.Model):
    """A collective name in plans, e.g. "Các sở, ban, ngành tỉnh".

    Members are the explicit ``members`` plus, when ``member_kinds`` is set,
    every active unit of those kinds directly under ``within`` (or anywhere,
    when ``within`` is empty), so a new district joins "UBND các huyện, thị
    xã, thành phố" without editing the group.
    """

    name = models.CharField(_("tên nhóm"), max_length=255)
    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name_key = models.CharField(max_length=255, db_index=True, editable=False)
    description = models.TextField(_("mô tả"), blank=True)
    members = models.ManyToManyField(
        OrgUnit, blank=True, related_name="groups", verbose_name=_("thành viên")
    )
    member_kinds = models.JSONField(_("loại đơn vị thành viên"), default=list, blank=True)
    within = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thuộc đơn vị"),
    )
    direct_children_only = models.BooleanField(_("chỉ đơn vị trực thuộc"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("nhóm đơn vị")
        verbose_name_plural = _("nhóm đơn vị")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Alias(models.Model):
    """Another way plans write a unit's or a group's name ("Sở TT&TT")."""

    unit = models.ForeignKey(
        OrgUnit, on_delete=models.CASCADE, null=True, blank=True, related_name="aliases"
    )
    group = models.ForeignKey(
        UnitGroup, on_delete=models.CASCADE, null=True, blank=True, related_name="aliases"
    )
    name = models.CharField(_("tên gọi khác"), max_length=255)
    name_key = models.CharField(max_length=255, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tên gọi khác")
        verbose_name_plural = _("tên gọi khác")
        constraints = [
            models.CheckConstraint(
                condition=(Q(unit__isnull=False) & Q(group__isnull=True))
                | (Q(unit__isnull=True) & Q(group__isnull=False)),
                name="alias_names_exactly_one_target",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]
