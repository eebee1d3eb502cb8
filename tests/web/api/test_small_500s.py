"""Inputs that used to end in HTTP 500."""

from __future__ import annotations

import datetime

from tests.web.builders import Plan
from theodoi.reporting.models import ReportingPeriod


def test_a_second_ad_hoc_request_for_the_same_due_date_gets_a_message(
    client_for, org, plan: Plan, focal_officer, now
) -> None:
    client = client_for(focal_officer)
    due = (now.date() + datetime.timedelta(days=7)).strftime("%d/%m/%Y")
    form = {
        "document": plan.document.pk,
        "label": "Báo cáo nhanh",
        "due_date": due,
        "units": [org.district_a.pk],
        "tasks": [plan.tasks[2].pk],
        "note": "Số liệu hội nghị",
    }
    first = client.post("/bao-cao/dot-xuat/", form)
    assert first.status_code == 302, first.content[:500]
    second = client.post("/bao-cao/dot-xuat/", form | {"label": "Lần hai"})
    assert second.status_code == 200
    assert "đã có một yêu cầu báo cáo đột xuất" in second.content.decode()
    assert ReportingPeriod.objects.filter(obligation__recurrence="on_request").count() == 1


def test_a_huge_plan_id_on_the_ad_hoc_page_is_not_a_500(client_for, focal_officer) -> None:
    response = client_for(focal_officer).get("/bao-cao/dot-xuat/?van-ban=9223372036854775808")
    assert response.status_code == 200


def test_a_url_id_beyond_bigint_is_a_404_on_every_kind_of_page(client_for, focal_officer) -> None:
    client = client_for(focal_officer)
    huge = "9223372036854775808"
    for url in (
        f"/bao-cao/{huge}/",
        f"/van-ban/{huge}/",
        f"/bao-cao/tep/{huge}/",
        f"/bang-theo-doi/{huge}/",
        f"/tai-khoan/khoa-api/{huge}/thu-hoi/",
    ):
        assert client.get(url).status_code in (404, 405), url
    assert client.post(f"/tai-khoan/khoa-api/{huge}/thu-hoi/").status_code == 404
    assert (
        client.get("/bao-cao/9223372036854775807/").status_code == 404
    )  # the largest id: looked up
