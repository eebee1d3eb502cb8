from django.urls import path

from theodoi.recognition import views

app_name = "recognition"

urlpatterns = [
    path("", views.practice_list, name="list"),
    path("khen-thuong.xlsx", views.commendations_xlsx, name="commendations_xlsx"),
    path("de-xuat/", views.propose, name="propose"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/xem-xet/", views.review, name="review"),
    path("<int:pk>/khen-thuong/", views.commend, name="commend"),
    path("<int:pk>/minh-chung/", views.evidence, name="evidence"),
    path("khen-thuong/<int:pk>/", views.decide, name="decide"),
]
