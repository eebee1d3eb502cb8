from django.contrib import admin

from theodoi.notifications.models import EmailPreference, Notification

admin.site.register(Notification, list_display=["recipient", "title", "created_at", "read_at"])
admin.site.register(EmailPreference, list_display=["user", "choice", "last_digest_at"])
