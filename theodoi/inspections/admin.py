from django.contrib import admin

from theodoi.inspections.models import Finding, Inspection


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "document", "starts_on", "ends_on", "state"]
    list_filter = ["kind", "state"]
    raw_id_fields = ["document", "inspecting_unit"]
    filter_horizontal = ["units"]


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ["inspection", "unit", "assessment", "state", "deadline"]
    list_filter = ["assessment", "state"]
    raw_id_fields = ["inspection", "unit", "task"]
