from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from theodoi.orgunits.models import Alias, OrgUnit, UnitGroup


class AliasInline(admin.TabularInline):
    model = Alias
    fields = ["name"]
    extra = 1


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ["indented_name", "short_name", "kind", "level", "code", "is_active"]
    list_filter = ["kind", "level", "is_active"]
    search_fields = ["name", "short_name", "code", "aliases__name"]
    autocomplete_fields = ["parent"]
    inlines = [AliasInline]
    list_per_page = 200

    @admin.display(description=_("Tên"), ordering="tree_path")
    def indented_name(self, obj: OrgUnit) -> str:
        return "\u2003" * obj.depth + obj.name


@admin.register(UnitGroup)
class UnitGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "within"]
    search_fields = ["name", "aliases__name"]
    filter_horizontal = ["members"]
    autocomplete_fields = ["within"]
    inlines = [AliasInline]
