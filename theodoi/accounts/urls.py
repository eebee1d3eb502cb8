from django.contrib.auth import views as auth_views
from django.urls import path

from theodoi.accounts import views

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("tai-khoan/", views.account, name="account"),
    path("tai-khoan/doi-mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
    path("tai-khoan/khoa-api/", views.token_create, name="token_create"),
    path("tai-khoan/khoa-api/<int:pk>/thu-hoi/", views.token_revoke, name="token_revoke"),
]
