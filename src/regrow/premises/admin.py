from django.contrib import admin

from regrow.premises.models import Owner, OwnerContact, StatusChange, Unit, Zone
from regrow.towns.admin import TownScopedAdmin


class StatusChangeInline(admin.TabularInline):
    """Shown read-only: the history is append-only, corrections go through the register."""

    model = StatusChange
    extra = 0
    can_delete = False
    fields = ["effective_on", "status", "use_category", "source", "note", "recorded_by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Unit)
class UnitAdmin(TownScopedAdmin):
    list_display = ["display_address", "town", "floor_area_m2", "condition", "offered_publicly"]
    list_filter = ["town", "condition", "floor", "offered_publicly"]
    search_fields = ["display_address", "external_id", "street"]
    raw_id_fields = ["owner"]
    inlines = [StatusChangeInline]


class OwnerContactInline(admin.TabularInline):
    model = OwnerContact
    extra = 0
    raw_id_fields = ["contacted_by"]


@admin.register(Owner)
class OwnerAdmin(TownScopedAdmin):
    list_display = ["name", "town", "kind", "outreach_status", "lives_locally"]
    list_filter = ["town", "outreach_status", "kind", "lives_locally"]
    search_fields = ["name", "email"]
    raw_id_fields = ["user"]
    inlines = [OwnerContactInline]


@admin.register(Zone)
class ZoneAdmin(TownScopedAdmin):
    list_display = ["name", "town"]
    list_filter = ["town"]
