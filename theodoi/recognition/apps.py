from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "theodoi.recognition"
    verbose_name = _("Mô hình hay, khen thưởng")
