from django.urls import path

from theodoi.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("don-doc/", views.reminders, name="reminders"),
    path("don-doc/xuat.xlsx", views.reminders_xlsx, name="reminders_xlsx"),
    path("ky/<int:pk>/don-vi/", views.period_units, name="period_units"),
    path("ky/<int:pk>/don-vi/xuat.xlsx", views.period_units_xlsx, name="period_units_xlsx"),
    path("ky/<int:pk>/don-doc/<int:unit_id>/", views.remind_unit, name="remind_unit"),
    path("vuong-mac/", views.escalations, name="escalations"),
    path("vuong-mac/<int:pk>/tra-loi/", views.resolve, name="resolve"),
    path("bao-cao/<int:report_id>/kien-nghi/", views.escalate, name="escalate"),
]
