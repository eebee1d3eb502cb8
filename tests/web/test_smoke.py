"""The foundation holds together: personas, plan and login page."""

from django.test import Client


def test_personas_belong_to_units(personas, org) -> None:  # type: ignore[no-untyped-def]
    assert personas.unit_officer_a.org_unit == org.justice
    assert personas.unit_officer_b.org_unit == org.district_a
    assert personas.unit_officer_a.org_unit != personas.unit_officer_b.org_unit


def test_login_page_is_vietnamese() -> None:
    response = Client().get("/dang-nhap/")
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()
