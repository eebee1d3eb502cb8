from django.urls import path

from theodoi.reporting import period_views, views

app_name = "reporting"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("don-vi/", views.inbox, name="inbox"),
    path("ky/<int:period_id>/", period_views.period_form, name="period_form"),
    path("ky/<int:period_id>/nhiem-vu/<int:task_id>/", views.report_form, name="report_form"),
    path("<int:pk>/", views.review_detail, name="review_detail"),
    path("<int:pk>/duyet/", views.review, name="review"),
    path("<int:pk>/lanh-dao-duyet/", views.approve, name="approve"),
    path("<int:pk>/lanh-dao-tra-lai/", views.send_back, name="send_back"),
    path("tep/<int:pk>/", views.attachment_download, name="attachment"),
    path("tep/<int:pk>/xoa/", views.attachment_delete, name="attachment_delete"),
    path("tiep-nhan/", views.review_queue, name="review_queue"),
    path("chi-tieu/<int:document_id>/", period_views.indicators, name="indicators"),
    path("dot-xuat/", views.ad_hoc_request, name="ad_hoc"),
]
