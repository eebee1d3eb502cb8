from django.contrib import admin

from theodoi.monitoring.models import Escalation, Reminder

admin.site.register(Reminder, list_display=["period", "unit", "kind", "sent_at"])
admin.site.register(Escalation, list_display=["summary", "state", "to_unit", "created_at"])
