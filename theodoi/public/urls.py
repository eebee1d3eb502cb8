from django.urls import path

from theodoi.public import views

app_name = "public"

urlpatterns = [
    path("", views.index, name="index"),
    path("<int:document>/", views.plan, name="plan"),
    path("<int:document>/quan-ly/", views.manage, name="manage"),
]
