"""Photos of units: checked by content, resized, stored without their metadata; an owner's
photo waits for a coordinator's approval before anyone else sees it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.lib.images import prepared_photo
from regrow.premises.models import Unit, UnitPhoto
from regrow.premises.selectors import may_edit_unit
from regrow.premises.services.permissions import require_coordinator
from regrow.towns.permissions import Action, can


@transaction.atomic
def unit_add_photo(*, unit: Unit, upload, alt_text: str, by) -> UnitPhoto:
    """Store a checked, resized photo of the unit without its metadata. A coordinator's photo
    is approved as it is added; an owner's waits for a coordinator (unit_review_photo)."""
    if not may_edit_unit(by, unit):
        raise PermissionDenied
    if not alt_text.strip():
        raise ValidationError({"alt_text": _("Describe the photo for people who cannot see it.")})
    prepared = prepared_photo(upload)
    photo = UnitPhoto(unit=unit, alt_text=alt_text.strip(), uploaded_by=by)
    if can(by, Action.CHANGE_TOWN, unit.town):
        photo.approval = UnitPhoto.Approval.APPROVED
        photo.reviewed_by, photo.reviewed_at = by, timezone.now()
    photo.image.save(prepared.name, prepared, save=False)
    photo.full_clean()
    photo.save()
    return photo


@transaction.atomic
def unit_review_photo(*, photo: UnitPhoto, approve: bool, by) -> UnitPhoto:
    """A coordinator approves a photo (the public map then shows it) or turns it down (it
    stays, seen only by the coordinators and the unit's owner). Either can be changed later."""
    require_coordinator(by, photo.unit.town)
    photo.approval = UnitPhoto.Approval.APPROVED if approve else UnitPhoto.Approval.REJECTED
    photo.reviewed_by, photo.reviewed_at = by, timezone.now()
    photo.save(update_fields=["approval", "reviewed_by", "reviewed_at"])
    return photo
