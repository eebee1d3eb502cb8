from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "theodoi.accounts"
    verbose_name = _("Tài khoản")

    def ready(self) -> None:
        from theodoi.accounts import throttle  # noqa: F401 — connects the login signals
