from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from theodoi.accounts.throttle import is_locked_out, lockout_minutes


class LoginForm(AuthenticationForm):
    """Django's login form with Vietnamese labels written for this product."""

    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị khóa."),
        "locked_out": _(
            "Đăng nhập sai quá nhiều lần. Hãy thử lại sau %(minutes)s phút "
            "hoặc liên hệ quản trị hệ thống."
        ),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        if username and is_locked_out(username, self.request):
            raise forms.ValidationError(
                self.error_messages["locked_out"],
                code="locked_out",
                params={"minutes": lockout_minutes()},
            )
        return super().clean()


class ChangePasswordForm(PasswordChangeForm):
    """Django's form (old password, new twice, the password validators)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Mật khẩu hiện tại")
        self.fields["new_password1"].label = _("Mật khẩu mới")
        self.fields["new_password2"].label = _("Nhập lại mật khẩu mới")


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Tên (hệ thống sẽ dùng khóa)"), max_length=100, required=True)
