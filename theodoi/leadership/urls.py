from django.urls import path

from theodoi.leadership import views

app_name = "leadership"

urlpatterns = [
    path("", views.leader_dashboard, name="dashboard"),
    path("ke-hoach/<int:plan>.xlsx", views.plan_units_xlsx, name="plan_units_xlsx"),
    path("vuong-mac/<int:pk>/", views.answer, name="answer"),
    path("phan-cong/", views.assignments, name="assignments"),
]
