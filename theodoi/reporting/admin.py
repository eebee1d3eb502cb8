from django.contrib import admin

from theodoi.reporting.models import (
    Attachment,
    PlanIndicator,
    ReportingObligation,
    ReportingPeriod,
    TaskReport,
)


@admin.register(ReportingObligation)
class ReportingObligationAdmin(admin.ModelAdmin):
    list_display = ["document", "recurrence", "due_mmdd", "via_text", "to_text"]
    raw_id_fields = ["document"]
    autocomplete_fields = ["to_unit", "via_unit", "from_units"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ["label", "start", "end", "due_date", "obligation"]
    list_filter = ["year"]


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0


@admin.register(TaskReport)
class TaskReportAdmin(admin.ModelAdmin):
    list_display = ["task", "unit", "period", "completion", "review_state", "submitted_at"]
    list_filter = ["review_state", "completion", "period__year"]
    search_fields = ["unit__name", "task__path", "result"]
    raw_id_fields = ["task", "period"]
    autocomplete_fields = ["unit"]
    inlines = [AttachmentInline]


@admin.register(PlanIndicator)
class PlanIndicatorAdmin(admin.ModelAdmin):
    list_display = ["label", "unit", "document"]
    raw_id_fields = ["document"]
