from django.urls import path

from theodoi.dashboards import views

app_name = "dashboards"

_plan = "<int:plan>/ky/<int:period>/"

urlpatterns = [
    path("<int:plan>/so-ket.<str:suffix>", views.review_report, name="review_report"),
    path("", views.index, name="index"),
    path("<int:plan>/", views.plan_entry, name="entry"),
    path(_plan, views.plan_overview, name="plan"),
    path(_plan + "nhiem-vu/", views.task_list, name="tasks"),
    path(_plan + "qua-cac-ky/", views.trend, name="trend"),
    path(_plan + "don-vi/", views.unit_list, name="units"),
    path(_plan + "don-vi/<int:unit>/", views.unit_detail, name="unit"),
    path(_plan + "nhom/<str:theme>/", views.theme_detail, name="theme"),
    path(_plan + "nhom/<str:theme>/xuat.xlsx", views.export_theme, name="export_theme"),
    path(_plan + "qua-han/", views.overdue_list, name="overdue"),
    path(_plan + "vuong-mac/", views.difficulty_list, name="difficulties"),
    path(_plan + "bao-cao-tong-hop.docx", views.report_docx, name="report"),
    path(_plan + "xuat/<str:table>.xlsx", views.export_table, name="export"),
    path(_plan + "don-vi/<int:unit>/xuat.xlsx", views.export_unit, name="export_unit"),
]
