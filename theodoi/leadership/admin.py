from django.contrib import admin

from theodoi.leadership.models import LeaderInCharge


@admin.register(LeaderInCharge)
class LeaderInChargeAdmin(admin.ModelAdmin):
    list_display = ["leader", "unit", "task", "assigned_at"]
    raw_id_fields = ["leader", "unit", "task"]
