"""Login throttling and lock-out, changing one's password, and the security
headers every response carries."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys

from django.test import Client
from django.utils import timezone

from tests.web.builders import PASSWORD
from theodoi.accounts.models import LoginFailure


def _login(client: Client, username: str, password: str):  # type: ignore[no-untyped-def]
    return client.post("/dang-nhap/", {"username": username, "password": password})


def test_wrong_passwords_lock_the_name_out_even_for_the_right_one(unit_officer_a) -> None:
    client = Client()
    for _ in range(5):
        assert _login(client, "canbo_tp", "sai-mat-khau").status_code == 200
    refused = _login(client, "canbo_tp", PASSWORD)
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    assert "Đăng nhập sai quá nhiều lần" in refused.content.decode()
    # The admin's login form is held by the same lock.
    admin = Client().post("/admin/login/", {"username": "canbo_tp", "password": PASSWORD})
    assert "_auth_user_id" not in admin.wsgi_request.session
    # Once the window has passed without failures, the right password works again.
    LoginFailure.objects.update(at=timezone.now() - datetime.timedelta(minutes=16))
    assert _login(client, "canbo_tp", PASSWORD).status_code == 302
    assert LoginFailure.objects.filter(username="canbo_tp").count() == 0


def test_one_address_guessing_many_names_is_locked_out(unit_officer_a, settings) -> None:
    settings.LOGIN_IP_FAILURE_LIMIT = 3
    client = Client(REMOTE_ADDR="10.0.0.9")
    for name in ("a", "b", "c"):
        _login(client, name, "x")
    assert "Đăng nhập sai quá nhiều lần" in _login(client, "canbo_tp", PASSWORD).content.decode()
    assert _login(Client(REMOTE_ADDR="10.0.0.10"), "canbo_tp", PASSWORD).status_code == 302


def test_behind_the_proxy_the_address_it_appends_is_counted(unit_officer_a, settings) -> None:
    settings.LOGIN_IP_FAILURE_LIMIT = 3
    settings.LOGIN_TRUST_FORWARDED_FOR = True
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    guesser = Client(**proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 10.0.0.9")  # first entry forged
    for name in ("a", "b", "c"):
        _login(guesser, name, "x")
    assert LoginFailure.objects.filter(ip="10.0.0.9").count() == 3
    colleague = Client(**proxy, HTTP_X_FORWARDED_FOR="10.0.0.10")
    assert _login(colleague, "canbo_tp", PASSWORD).status_code == 302


def test_every_user_changes_their_password_with_the_validators(client_for, unit_officer_a) -> None:
    client = client_for(unit_officer_a)
    page = client.get("/tai-khoan/doi-mat-khau/")
    assert page.status_code == 200 and "Mật khẩu mới" in page.content.decode()
    weak = client.post(
        "/tai-khoan/doi-mat-khau/",
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert weak.status_code == 200 and not weak.wsgi_request.user.check_password("12345678")
    new = "Hoa-Lam-2025-bao-cao"
    done = client.post(
        "/tai-khoan/doi-mat-khau/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert done.status_code == 302
    unit_officer_a.refresh_from_db()
    assert unit_officer_a.check_password(new)
    assert client.get("/").status_code == 200  # still signed in after the change


def test_pages_carry_csp_and_no_python_version(client_for, unit_officer_a) -> None:
    for response in (Client().get("/dang-nhap/"), client_for(unit_officer_a).get("/")):
        policy = response["Content-Security-Policy"]
        assert (
            "script-src 'self'" in policy
            and "unsafe-inline" not in policy.split("style-src-attr")[0]
        )
        assert "Python" not in response.get("Server", "") and "CPython" not in response.get(
            "Server", ""
        )
        assert response["X-Content-Type-Options"] == "nosniff"


def _settings_with(env: dict[str, str]) -> dict[str, object]:
    code = (
        "import json; from theodoi.project import settings as s; "
        "print(json.dumps([s.SECURE_HSTS_SECONDS if hasattr(s, 'SECURE_HSTS_SECONDS') else 0, "
        "getattr(s, 'SECURE_PROXY_SSL_HEADER', None), s.SESSION_COOKIE_SECURE]))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
    )
    hsts, proxy, secure = json.loads(run.stdout)
    return {"hsts": hsts, "proxy": proxy, "secure": secure}


def test_hsts_and_proxy_ssl_header_when_secure_cookies_is_on() -> None:
    on = _settings_with({"SECURE_COOKIES": "true"})
    assert on["hsts"] >= 31536000 and on["proxy"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    off = _settings_with({"SECURE_COOKIES": "false"})
    assert off["hsts"] == 0 and off["proxy"] is None and off["secure"] is False


def test_the_served_response_names_no_python_version(live_server) -> None:  # type: ignore[no-untyped-def]
    """Through a real HTTP server (Django's, which names CPython unless the
    response sets its own Server header)."""
    import urllib.request

    with urllib.request.urlopen(f"{live_server.url}/dang-nhap/") as response:
        servers = response.headers.get_all("Server") or []
    assert servers == ["theodoi"], servers
