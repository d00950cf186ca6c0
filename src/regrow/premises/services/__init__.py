"""Writes to the register, by area. Each is atomic and validates before it saves.

Callers use this package's names (`services.unit_record_status(...)`); the modules behind it
are units, photos, owners, zones, imports (with bulk and previews) and surveys.
"""

from regrow.premises.services.imports import (
    ImportConflict,
    ImportSummary,
    units_import,
    units_import_preview,
    units_versions,
)
from regrow.premises.services.owners import owner_log_contact, owner_save
from regrow.premises.services.photos import unit_add_photo, unit_review_photo
from regrow.premises.services.previews import (
    preview_delete,
    preview_open,
    preview_save,
    previews_clear,
)
from regrow.premises.services.surveys import SurveyPhotoRefused, survey_record
from regrow.premises.services.units import (
    OWNER_EDITABLE_FIELDS,
    unit_create,
    unit_record_status,
    unit_update,
)
from regrow.premises.services.zones import zone_save, zones_import

__all__ = [
    "OWNER_EDITABLE_FIELDS",
    "ImportConflict",
    "ImportSummary",
    "SurveyPhotoRefused",
    "owner_log_contact",
    "owner_save",
    "preview_delete",
    "preview_open",
    "preview_save",
    "previews_clear",
    "survey_record",
    "unit_add_photo",
    "unit_create",
    "unit_record_status",
    "unit_review_photo",
    "unit_update",
    "units_import",
    "units_import_preview",
    "units_versions",
    "zone_save",
    "zones_import",
]
