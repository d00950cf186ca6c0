"""Indicators are the network's to define (superusers); observations are each town's."""

from django.contrib import admin

from regrow.indicators.models import ImportBatch, Indicator, Observation, ObservationChange
from regrow.towns.admin import TownScopedAdmin


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "higher_is_better", "derived", "public_by_default"]
    list_filter = ["unit", "derived", "public_by_default"]
    search_fields = ["code"]


class ChangeInline(admin.TabularInline):
    model = ObservationChange
    extra = 0
    can_delete = False
    readonly_fields = [
        "old_value",
        "new_value",
        "old_flags",
        "new_flags",
        "old_source",
        "batch",
        "changed_at",
        "changed_by",
    ]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Observation)
class ObservationAdmin(TownScopedAdmin):
    list_display = ["town", "indicator", "period", "value", "flags", "source"]
    list_filter = ["indicator", "granularity", "town"]
    list_select_related = ["town", "indicator"]
    search_fields = ["period", "source"]
    raw_id_fields = ["batch"]
    inlines = [ChangeInline]
    # Changed only through imports (and services), which keep the history and the versions.
    readonly_fields = [f.name for f in Observation._meta.fields]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["file_name", "file_format", "town", "created_by", "created_at", "status"]
    list_filter = ["status", "file_format"]
    readonly_fields = [f.name for f in ImportBatch._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_module_permission(self, request):
        return request.user.is_superuser
