from django.contrib import admin

from regrow.network.models import Network, Partner


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 1
    autocomplete_fields = ["town"]


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    """Networks are set up by the installation's administrators (network roles come later)."""

    list_display = ["slug", "programme", "started_on", "ended_on"]
    search_fields = ["slug", "programme"]
    inlines = [PartnerInline]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission
