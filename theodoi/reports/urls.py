from django.urls import path

from theodoi.reports import views

app_name = "reports"

urlpatterns = [
    path("<int:plan>/ky/<int:period>/", views.workspace, name="workspace"),
    path("phien-ban/<int:pk>/tien-do/", views.progress, name="progress"),
    path("phien-ban/<int:pk>/xem/", views.preview, name="preview"),
    path("phien-ban/<int:pk>/tai/<str:kind>/", views.download, name="download"),
]
