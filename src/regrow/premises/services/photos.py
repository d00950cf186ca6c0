"""Photos of units: checked by content, resized, stored without their metadata."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from regrow.lib.images import prepared_photo
from regrow.premises.models import Unit, UnitPhoto
from regrow.premises.selectors import may_edit_unit


@transaction.atomic
def unit_add_photo(*, unit: Unit, upload, alt_text: str, by) -> UnitPhoto:
    """Store a checked, resized photo of the unit without its metadata."""
    if not may_edit_unit(by, unit):
        raise PermissionDenied
    if not alt_text.strip():
        raise ValidationError({"alt_text": _("Describe the photo for people who cannot see it.")})
    prepared = prepared_photo(upload)
    photo = UnitPhoto(unit=unit, alt_text=alt_text.strip(), uploaded_by=by)
    photo.image.save(prepared.name, prepared, save=False)
    photo.full_clean()
    photo.save()
    return photo
