from django.urls import URLPattern, URLResolver, path

from theodoi.orgunits import views

app_name = "orgunits"

urlpatterns: list[URLPattern | URLResolver] = [
    path("danh-muc/", views.directory, name="directory"),
    path("danh-muc/xac-nhan/", views.confirm, name="confirm"),
    path("danh-muc/danh-muc-don-vi.csv", views.export, name="export"),
]
