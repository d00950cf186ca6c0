"""A meeting's documents (PDF, at most 10 MB, checked by content as pop-up applications' are)
and photos (JPEG or PNG, checked, shrunk and stored without their metadata by lib/images, each
with its description for people who cannot see it), added by the meeting's organisers.

Stored names are random: they never come from the uploader. Removing one hides it
(`removed_at`); it can be put back, and its file stays until then."""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from regrow.lib.images import prepared_photo
from regrow.network.models import AgendaItem, Meeting, MeetingDocument
from regrow.network.services.minutes import require_organiser
from regrow.popups.services.applications import validate_pdf

Kind = MeetingDocument.Kind
PHOTO_TYPES = {".jpg": "image/jpeg", ".png": "image/png"}


def _photo(upload):
    try:
        prepared = prepared_photo(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    suffix = "." + prepared.name.rsplit(".", 1)[-1]
    if suffix not in PHOTO_TYPES:
        raise ValidationError({"file": _("Photos must be JPEG or PNG images.")})
    return prepared, suffix, PHOTO_TYPES[suffix]


@transaction.atomic
def document_add(
    *,
    meeting: Meeting,
    kind: str,
    title: str,
    upload,
    alt_text: str = "",
    agenda_item: AgendaItem | None = None,
    by,
) -> MeetingDocument:
    """Check the file by its content and store it: a PDF as it is, a photo shrunk."""
    require_organiser(by, meeting)
    errors = {}
    title = " ".join((title or "").split())
    alt_text = " ".join((alt_text or "").split())
    if not title:
        errors["title"] = _("Give the file a title.")
    if kind not in Kind.values:
        errors["kind"] = _("Choose whether it is a document or a photo.")
    if kind == Kind.PHOTO and not alt_text:
        errors["alt_text"] = _("Describe what the photo shows, for people who cannot see it.")
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        errors["agenda_item"] = _("Choose an item of this meeting's agenda.")
    if upload is None:
        errors["file"] = _("Choose a file.")
    if errors:
        raise ValidationError(errors)
    if kind == Kind.DOCUMENT:
        validate_pdf(upload)
        content, suffix, content_type = upload, ".pdf", "application/pdf"
        size = upload.size
    else:
        content, suffix, content_type = _photo(upload)
        size = content.size
    document = MeetingDocument(
        meeting=meeting,
        agenda_item=agenda_item,
        kind=kind,
        title=title[:200],
        alt_text=alt_text[:300] if kind == Kind.PHOTO else "",
        content_type=content_type,
        size=size,
        uploaded_by=by,
    )
    document.file.save(f"{uuid.uuid4().hex}{suffix}", content, save=False)
    document.save()
    return document


@transaction.atomic
def document_remove(*, document: MeetingDocument, by) -> MeetingDocument:
    """Hide the document or photo from the members; it can be put back."""
    require_organiser(by, document.meeting)
    if document.removed_at is None:
        document.removed_at = timezone.now()
        MeetingDocument.objects.filter(pk=document.pk).update(removed_at=document.removed_at)
    return document


@transaction.atomic
def document_restore(*, document: MeetingDocument, by) -> MeetingDocument:
    require_organiser(by, document.meeting)
    document.removed_at = None
    MeetingDocument.objects.filter(pk=document.pk).update(removed_at=None)
    return document
