from django.contrib import admin

from theodoi.public.models import PublicPage


@admin.register(PublicPage)
class PublicPageAdmin(admin.ModelAdmin):
    list_display = ["document", "is_published", "published_at", "show_difficulties"]
    list_filter = ["is_published"]
    raw_id_fields = ["document"]
    readonly_fields = ["published_at", "published_by", "updated_at"]
