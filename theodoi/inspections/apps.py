from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "theodoi.inspections"
    verbose_name = _("Kiểm tra, giám sát")
