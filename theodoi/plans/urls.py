from django.urls import URLPattern, URLResolver, path

from theodoi.plans import views

app_name = "plans"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.task_list, name="list"),
    path("<int:pk>/sua/", views.edit_task, name="edit_task"),
    path("<int:pk>/xoa/", views.remove_task, name="remove_task"),
    path("them/<int:document_pk>/", views.new_task, name="new_task"),
]
