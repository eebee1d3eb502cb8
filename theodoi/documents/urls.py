from django.urls import URLPattern, URLResolver, path

from theodoi.documents import body_views, coverage_views, views

app_name = "documents"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.document_list, name="list"),
    path("tai-len/", views.upload, name="upload"),
    path("dang-phan-tich/<uuid:result_id>/", views.import_status, name="import_status"),
    path(
        "dang-phan-tich/<uuid:result_id>/tien-do/",
        views.import_progress,
        name="import_progress",
    ),
    path("so-do/", views.graph, name="graph"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/so-do/", views.graph, name="cascade"),
    path("<int:pk>/tep-goc/", views.source_file, name="source_file"),
    path("<int:pk>/ra-soat/", views.review, name="review"),
    path("<int:pk>/cap-nhat/", views.update, name="update"),
    path("<int:pk>/co-quan/", views.remap, name="remap"),
    path("<int:pk>/co-quan/quyet-dinh/", body_views.decide, name="decide_body"),
    path("<int:pk>/ban-hanh/", views.publish, name="publish"),
    path("<int:pk>/xoa/", views.discard, name="discard"),
    path("<int:pk>/thoi-gian-theo-doi/", views.tracking_window, name="tracking_window"),
    path("<int:pk>/duyet-giao-viec/", views.delegated, name="delegated"),
    path("<int:pk>/do-bao-phu/", coverage_views.matrix, name="coverage"),
    path("<int:pk>/do-bao-phu.xlsx", coverage_views.matrix_export, name="coverage_xlsx"),
    path("so-sanh/", coverage_views.compare, name="compare"),
]
