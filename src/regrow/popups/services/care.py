"""The operator's care of a pop-up during its stay: the log of what happened (open until
resolved), the mid-round review, and what the public calendar shows of the pop-up (what it
sells in each language, opening hours, a photo checked by content and stripped of metadata)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from regrow.lib.concurrency import ConcurrentEditError, claim_version
from regrow.lib.dates import date_on
from regrow.lib.images import prepared_photo
from regrow.popups.models import CareEntry, Footfall, MidReview, Sublease
from regrow.popups.services.rounds import renew_public_pages, require_coordinator

MAX_TEXT = 5000


def _town(sublease: Sublease):
    return sublease.round_unit.round.town


def _require_live(sublease: Sublease) -> None:
    if sublease.status == Sublease.Status.CANCELLED:
        raise ValidationError(_("This allocation was cancelled."))


def _not_future(day: date | None, today: date, field: str, errors: dict) -> None:
    if day is not None and day > today:
        errors[field] = _("This day has not come yet.")


@transaction.atomic
def care_entry_add(
    *, sublease: Sublease, by, happened_on: date, kind: str, description: str
) -> CareEntry:
    """Log something that happened at the pop-up; it stays open until resolved."""
    town = _town(sublease)
    require_coordinator(by, town)
    _require_live(sublease)
    errors: dict[str, str] = {}
    _not_future(happened_on, town.today(), "happened_on", errors)
    opened = sublease.round_unit.round.applications_open_on
    if happened_on is not None and happened_on < opened:
        errors["happened_on"] = _("Choose a day after the round opened (%(day)s).") % {
            "day": date_on(opened)
        }
    if kind not in CareEntry.Kind.values:
        errors["kind"] = _("Choose what kind of thing happened.")
    description = (description or "").strip()
    if not description:
        errors["description"] = _("Say what happened.")
    elif len(description) > MAX_TEXT:
        errors["description"] = _("Keep it under 5,000 characters.")
    if errors:
        raise ValidationError(errors)
    return CareEntry.objects.create(
        sublease=sublease,
        happened_on=happened_on,
        kind=kind,
        description=description,
        recorded_by=by,
    )


@transaction.atomic
def care_entry_resolve(*, entry: CareEntry, by, resolved_on: date, version: int) -> CareEntry:
    """Mark an open entry resolved on a day (not before it happened, not in the future)."""
    town = _town(entry.sublease)
    require_coordinator(by, town)
    errors: dict[str, str] = {}
    _not_future(resolved_on, town.today(), "resolved_on", errors)
    if resolved_on < entry.happened_on:
        errors["resolved_on"] = _("It happened %(day)s; it cannot be resolved before that.") % {
            "day": date_on(entry.happened_on)
        }
    if errors:
        raise ValidationError(errors)
    if entry.resolved_on is not None:
        raise ConcurrentEditError(
            _("This was already marked resolved %(day)s.") % {"day": date_on(entry.resolved_on)}
        )
    entry.version = claim_version(
        CareEntry,
        entry.pk,
        version,
        _("Someone else changed this entry meanwhile. Reload the page to see it."),
        resolved_on=resolved_on,
    )
    entry.resolved_on = resolved_on
    return entry


REVIEW_FIELDS = ("reviewed_on", "footfall", "going_well", "to_improve", "on_track")


@transaction.atomic
def mid_review_save(*, sublease: Sublease, by, version: int, **values) -> MidReview:
    """Record or change the mid-round review, made from version `version` of it (0: none yet)."""
    unknown = set(values) - set(REVIEW_FIELDS)
    if unknown:
        raise TypeError(f"mid_review_save() got unknown fields: {', '.join(sorted(unknown))}")
    town = _town(sublease)
    require_coordinator(by, town)
    _require_live(sublease)
    errors: dict[str, str] = {}
    reviewed_on = values.get("reviewed_on")
    if reviewed_on is None:
        errors["reviewed_on"] = _("Give the day of the review.")
    elif reviewed_on < sublease.starts_on:
        errors["reviewed_on"] = _("The pop-up opens %(day)s; review it once it has opened.") % {
            "day": date_on(sublease.starts_on)
        }
    else:
        _not_future(reviewed_on, town.today(), "reviewed_on", errors)
    if values.get("footfall") not in Footfall.values:
        errors["footfall"] = _("Choose how many visitors it has.")
    if errors:
        raise ValidationError(errors)
    review = MidReview.objects.filter(sublease=sublease).first()
    stale = _("Someone else changed this review meanwhile. Reload the page and enter yours again.")
    if review is None:
        if version:
            raise ConcurrentEditError(stale)
        review = MidReview(sublease=sublease)
    else:
        review.version = claim_version(MidReview, review.pk, version, stale)
    review.reviewed_on = reviewed_on
    review.footfall = values["footfall"]
    review.going_well = (values.get("going_well") or "").strip()
    review.to_improve = (values.get("to_improve") or "").strip()
    review.on_track = bool(values.get("on_track"))
    review.reviewed_by = by
    review.full_clean(exclude=["sublease"])
    try:
        with transaction.atomic():
            review.save()
    except IntegrityError:  # another coordinator recorded the first review just now
        raise ConcurrentEditError(stale) from None
    return review


def _texts(texts: dict | None, languages: list[str]) -> dict:
    """Only the town's languages with text: an emptied field is no translation."""
    return {
        code: text.strip()
        for code, text in (texts or {}).items()
        if code in languages and text and text.strip()
    }


@transaction.atomic
def public_fields_save(
    *,
    sublease: Sublease,
    by,
    version: int,
    public_descriptions: dict,
    opening_hours: str,
    shown_publicly: bool,
    photo=None,
    remove_photo: bool = False,
) -> Sublease:
    """Change what the public calendar and map show of the pop-up. A new photo is checked by its
    content (JPEG, PNG or WebP, at most 10 MB), shrunk and stored without its metadata; the one
    it replaces (or a removed one) is deleted once the change is saved."""
    town = _town(sublease)
    require_coordinator(by, town)
    _require_live(sublease)
    descriptions = _texts(public_descriptions, town.languages)
    if any(len(text) > MAX_TEXT for text in descriptions.values()):
        raise ValidationError({"public_descriptions": _("Keep each under 5,000 characters.")})
    prepared = None
    if photo is not None:
        try:
            prepared = prepared_photo(photo)
        except ValidationError as error:
            raise ValidationError({"photo": error.messages}) from None
    sublease.version = claim_version(
        Sublease,
        sublease.pk,
        version,
        _("Someone else changed this pop-up meanwhile. Reload the page and enter yours again."),
    )
    old = sublease.photo.name if sublease.photo else ""
    sublease.public_descriptions = descriptions
    sublease.opening_hours = (opening_hours or "").strip()
    sublease.shown_publicly = bool(shown_publicly)
    sublease.full_clean(
        exclude=["application", "round_unit", "unit", "run", "confirmed_by", "photo"]
    )
    if prepared is not None:
        sublease.photo.save(prepared.name, prepared, save=False)
    elif remove_photo:
        sublease.photo = ""
    sublease.save(update_fields=["public_descriptions", "opening_hours", "shown_publicly", "photo"])
    new = sublease.photo.name if sublease.photo else ""
    if old and old != new:
        storage = sublease.photo.storage
        transaction.on_commit(lambda: storage.delete(old))
    renew_public_pages(town)
    return sublease
