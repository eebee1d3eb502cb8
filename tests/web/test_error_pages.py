"""Error pages speak Vietnamese and keep the layout."""

from django.core.exceptions import PermissionDenied


def test_missing_page_is_explained_in_vietnamese(client_for, unit_officer_a, plan) -> None:  # type: ignore[no-untyped-def]
    response = client_for(unit_officer_a).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang" in page and "Về trang chủ" in page


def test_refusal_shows_the_reason(rf, unit_officer_a) -> None:  # type: ignore[no-untyped-def]
    from django.views.defaults import permission_denied

    request = rf.get("/")
    request.user = unit_officer_a
    response = permission_denied(request, PermissionDenied("Chỉ cơ quan đầu mối được duyệt."))
    assert response.status_code == 403
    assert "Chỉ cơ quan đầu mối được duyệt." in response.content.decode()
