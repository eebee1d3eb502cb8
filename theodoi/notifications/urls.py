"""Mounted at the site root: the notification pages keep their addresses
under ``theo-doi/``; the e-mail choice lives in the account area."""

from django.urls import path

from theodoi.notifications import views

app_name = "notifications"

urlpatterns = [
    path("theo-doi/thong-bao/", views.notifications, name="notifications"),
    path("theo-doi/thong-bao/<int:pk>/", views.notification_open, name="notification_open"),
    path("theo-doi/thong-bao/da-doc/", views.notifications_read_all, name="notifications_read_all"),
    path("tai-khoan/thong-bao-thu-dien-tu/", views.email_preferences, name="email_preferences"),
]
