"""Vietnamese by default, English on request; the committed catalogue is compiled."""

import gettext
import re
from pathlib import Path

from django.test import Client

LOCALE = Path(__file__).resolve().parents[2] / "theodoi" / "locale" / "en" / "LC_MESSAGES"


def _po_entries() -> dict[str, str]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    entries = {}
    for block in text.split("\n\n"):
        if "#, fuzzy" in block or "msgctxt " in block:
            continue  # fuzzy entries are not compiled; contextual ones need pgettext
        found = re.search(r'^msgid "(.*)"\nmsgstr "(.+)"$', block, re.M)
        if found:
            entries[found.group(1)] = found.group(2)
    return entries


def test_compiled_catalogue_matches_the_po_file() -> None:
    with (LOCALE / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    entries = _po_entries()
    assert len(entries) > 100
    for msgid, msgstr in entries.items():
        if "\\" not in msgid and "\\" not in msgstr:
            assert catalogue.gettext(msgid) == msgstr, msgid


def test_login_page_in_vietnamese_even_for_an_english_browser() -> None:
    vietnamese = Client().get("/dang-nhap/").content.decode()
    assert "Đăng nhập" in vietnamese and "Mật khẩu" in vietnamese
    assert '<html lang="vi">' in vietnamese
    browser = Client(headers={"accept-language": "en-US,en;q=0.9"}).get("/dang-nhap/")
    assert "Mật khẩu" in browser.content.decode()


def test_english_once_chosen() -> None:
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/dang-nhap/"})
    english = client.get("/dang-nhap/").content.decode()
    assert "Sign in" in english and "Password" in english and '<html lang="en">' in english


def test_language_switch_keeps_english_for_the_session(unit_officer_a) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(unit_officer_a)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert "Sign out" in page and "Đăng xuất" not in page
