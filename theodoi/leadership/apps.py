from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeadershipConfig(AppConfig):
    name = "theodoi.leadership"
    verbose_name = _("Lãnh đạo phụ trách")
