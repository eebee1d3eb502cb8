from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgUnitsConfig(AppConfig):
    name = "theodoi.orgunits"
    verbose_name = _("Đơn vị")
