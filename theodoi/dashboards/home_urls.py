"""``/``, named "home" without a namespace, mounted at the site root."""

from django.urls import path

from theodoi.dashboards import home_views

urlpatterns = [
    path("", home_views.home, name="home"),
    path("xuat.xlsx", home_views.export, name="home_export"),
]
