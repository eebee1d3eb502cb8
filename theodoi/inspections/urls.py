from django.urls import path

from theodoi.inspections import views

app_name = "inspections"

urlpatterns = [
    path("", views.inspection_list, name="list"),
    path("kien-nghi.xlsx", views.follow_ups_xlsx, name="follow_ups_xlsx"),
    path("moi/", views.pick_plan, name="pick"),
    path("ke-hoach/<int:plan>/moi/", views.new_inspection, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ket-qua/", views.add_finding, name="add_finding"),
    path("ket-qua/<int:pk>/khac-phuc/", views.respond, name="respond"),
    path("ket-qua/<int:pk>/ket-thuc/", views.close, name="close"),
]
