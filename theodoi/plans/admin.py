from django.contrib import admin

from theodoi.plans.models import Assignment, OutlineNode, Task


class AssignmentInline(admin.TabularInline):
    model = Assignment
    autocomplete_fields = ["unit"]
    extra = 0


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["path", "summary", "document", "timing_kind", "is_active"]
    list_filter = ["timing_kind", "is_active"]
    search_fields = ["text", "path", "document__number"]
    raw_id_fields = ["document", "node"]
    inlines = [AssignmentInline]


@admin.register(OutlineNode)
class OutlineNodeAdmin(admin.ModelAdmin):
    list_display = ["path", "heading", "document"]
    search_fields = ["heading", "document__number"]
    raw_id_fields = ["document", "parent"]
