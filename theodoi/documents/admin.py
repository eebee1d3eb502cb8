from django.contrib import admin

from theodoi.documents.models import Document, DocumentLink


class OutgoingLinkInline(admin.TabularInline):
    model = DocumentLink
    fk_name = "source"
    autocomplete_fields = ["target"]
    extra = 0


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["number", "kind", "issuer", "date", "state"]
    list_filter = ["kind", "state", "issuer_type", "level"]
    search_fields = ["number", "title", "issuer"]
    autocomplete_fields = ["issuer_unit", "focal_agency"]
    readonly_fields = ["source_sha256", "source_size", "parsed_at", "created_at", "updated_at"]
    inlines = [OutgoingLinkInline]
