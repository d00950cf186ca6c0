from django.contrib import admin

from regrow.popups.models import Criterion, OwnerAgreement, RentPhase, Round, RoundEvent, RoundUnit
from regrow.towns.admin import TownScopedAdmin


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


class RoundEventInline(admin.TabularInline):
    model = RoundEvent
    extra = 0


@admin.register(Round)
class RoundAdmin(TownScopedAdmin):
    list_display = ["__str__", "town", "status", "programme_starts_on", "programme_ends_on"]
    list_filter = ["town", "status"]
    inlines = [CriterionInline, RoundEventInline]


class RentPhaseInline(admin.TabularInline):
    model = RentPhase
    extra = 0


@admin.register(RoundUnit)
class RoundUnitAdmin(admin.ModelAdmin):
    list_display = ["__str__", "round", "capacity", "min_stay_weeks", "max_stay_weeks"]
    list_filter = ["round__town"]
    raw_id_fields = ["unit", "round"]
    inlines = [RentPhaseInline]


@admin.register(OwnerAgreement)
class OwnerAgreementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "round_unit", "status", "starts_on", "ends_on"]
    list_filter = ["status"]
    raw_id_fields = ["round_unit", "owner"]
