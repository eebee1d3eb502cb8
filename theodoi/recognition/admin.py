from django.contrib import admin

from theodoi.recognition.models import Commendation, GoodPractice


@admin.register(GoodPractice)
class GoodPracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "document", "state", "replicate", "proposed_at"]
    list_filter = ["state", "replicate"]
    raw_id_fields = ["document", "period", "unit", "task", "report"]


@admin.register(Commendation)
class CommendationAdmin(admin.ModelAdmin):
    list_display = ["nominee_name", "award", "unit", "document", "state"]
    list_filter = ["state", "nominee_kind"]
    raw_id_fields = ["document", "period", "practice", "unit"]
