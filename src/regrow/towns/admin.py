"""The admin asks the same permission module as the pages: staff see only towns they may change."""

from django.contrib import admin

from regrow.towns.forms import TownAdminForm
from regrow.towns.models import Invitation, Membership, Town
from regrow.towns.permissions import Action, can, town_of, towns_where


class TownScopedAdmin(admin.ModelAdmin):
    """Rows that belong to a town: visible and changeable where `can()` says so."""

    action_required = Action.CHANGE_TOWN

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        towns = towns_where(request.user, self.action_required)
        if self.model is Town:
            return queryset.filter(pk__in=towns)
        return queryset.filter(town__in=towns)

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return (
                request.user.is_superuser
                or towns_where(request.user, self.action_required).exists()
            )
        return can(request.user, self.action_required, town_of(obj))

    has_change_permission = has_view_permission

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Town)
class TownAdmin(TownScopedAdmin):
    form = TownAdminForm
    list_display = ["name", "country", "slug", "contact_email"]
    list_filter = ["country"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(TownScopedAdmin):
    list_display = ["user", "town", "role", "created_at"]
    list_filter = ["role", "town"]
    search_fields = ["user__email", "user__full_name", "town__name"]
    autocomplete_fields = ["user", "town"]
    raw_id_fields = ["created_by"]


@admin.register(Invitation)
class InvitationAdmin(TownScopedAdmin):
    list_display = ["email", "town", "role", "created_at", "expires_at", "accepted_at"]
    list_filter = ["role", "town"]
    search_fields = ["email"]
    readonly_fields = ["accepted_at", "accepted_by", "created_at"]
    raw_id_fields = ["invited_by", "accepted_by"]
