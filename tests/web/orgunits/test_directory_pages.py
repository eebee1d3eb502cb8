"""The directory upload page: administrators only, a preview, then a confirm step."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from theodoi.audit.models import AuditEvent
from theodoi.orgunits.models import OrgUnit

TABLE = (
    "code,name,kind,parent,aliases\n"
    "so-noi-vu,Sở Nội vụ tỉnh Hòa Lâm,department,ubnd-tinh,SNV\n"
    "so-y-te,Sở Y tế,department,ubnd-tinh,\n"
)


def upload(client, text: str = TABLE, name: str = "don-vi.csv"):  # type: ignore[no-untyped-def]
    file = SimpleUploadedFile(name, text.encode("utf-8-sig"), content_type="text/csv")
    return client.post(reverse("orgunits:directory"), {"file": file})


def test_preview_lists_changes_and_stores_nothing_until_confirmed(
    client_for, admin_user, org
) -> None:
    client = client_for(admin_user)
    page = upload(client)
    assert page.status_code == 200
    assert "Sở Y tế" in page.text and "thêm mới" in page.text
    assert "Sở Nội vụ → Sở Nội vụ tỉnh Hòa Lâm" in page.text
    assert not OrgUnit.objects.filter(code="so-y-te").exists()
    assert OrgUnit.objects.get(code="so-noi-vu").name == "Sở Nội vụ"
    done = client.post(reverse("orgunits:confirm"), follow=True)
    assert "thêm 1, sửa 1" in done.text
    assert OrgUnit.objects.get(code="so-y-te").parent == org.province
    assert OrgUnit.objects.get(code="so-noi-vu").name == "Sở Nội vụ tỉnh Hòa Lâm"
    assert AuditEvent.objects.filter(action="orgunit.import_directory", actor=admin_user).exists()
    # the confirmed table is used once
    again = client.post(reverse("orgunits:confirm"), follow=True)
    assert "Không còn bảng chờ xác nhận" in again.text


def test_a_bad_row_is_shown_and_nothing_is_kept(client_for, admin_user, org) -> None:
    client = client_for(admin_user)
    page = upload(client, TABLE + "so-x,Sở X,ministry,,\n")
    assert page.status_code == 400
    assert "Dòng 4: loại “ministry” không hợp lệ" in page.text
    client.post(reverse("orgunits:confirm"))
    assert not OrgUnit.objects.filter(code="so-y-te").exists()


def test_only_administrators_see_the_directory(client_for, focal_officer, admin_user, org) -> None:
    assert client_for(focal_officer).get(reverse("orgunits:directory")).status_code == 403
    assert client_for(focal_officer).get(reverse("orgunits:export")).status_code == 403
    export = client_for(admin_user).get(reverse("orgunits:export"))
    assert export.status_code == 200
    text = export.content.decode("utf-8-sig")
    assert text.startswith("code,name,kind,parent,aliases")
    assert "so-tt-tt,Sở Thông tin và Truyền thông,department,ubnd-tinh,Sở TT&TT" in text
