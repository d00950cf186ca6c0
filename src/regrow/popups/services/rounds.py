"""Writes about a round itself: its texts, dates, money and rules, its criteria and events."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from regrow.lib import pagecache
from regrow.lib.concurrency import claim_version
from regrow.popups.choices import RoundStatus
from regrow.popups.models import Criterion, Round, RoundEvent
from regrow.towns.models import Town
from regrow.towns.permissions import Action, can

# A programme is a few weeks or months of trading; two years is past anything a round means.
LONGEST_PROGRAMME = timedelta(days=731)
# Rounds are planned at most this far ahead, and not dated before this year.
EARLIEST_YEAR = 2000
LONGEST_LEAD = timedelta(days=5 * 366)

ROUND_FIELDS = frozenset(
    {
        "titles",
        "descriptions",
        "rules",
        "applications_open_on",
        "applications_close_on",
        "programme_starts_on",
        "programme_ends_on",
        "grant_budget_cents",
        "max_grant_cents",
        "max_same_category_per_street",
        "preference_bonus",
        "enquiries",
        "status",
    }
)


def require_coordinator(user, town: Town) -> None:
    if not can(user, Action.CHANGE_TOWN, town):
        raise PermissionDenied


def renew_public_pages(town: Town) -> None:
    """Anonymous readers' cached pages of the town show the change once it is committed."""
    slug = town.slug
    transaction.on_commit(lambda: pagecache.place_changed(slug))


def _texts(texts: dict | None) -> dict:
    """Only the languages with text: an emptied field is no translation."""
    return {code: text.strip() for code, text in (texts or {}).items() if text and text.strip()}


def validate_round(round_: Round) -> None:
    """Every refusal of the round's own values, each naming its field."""
    errors: dict[str, str] = {}
    main_language = round_.town.languages[0] if round_.town.languages else "en"
    if not round_.titles.get(main_language):
        errors["titles"] = _("Give the round a title in the town's main language.")
    opens, closes = round_.applications_open_on, round_.applications_close_on
    starts, ends = round_.programme_starts_on, round_.programme_ends_on
    if opens and closes and closes < opens:
        errors["applications_close_on"] = _("Applications cannot close before they open.")
    if starts and ends:
        if ends < starts:
            errors["programme_ends_on"] = _("The programme cannot end before it starts.")
        elif ends - starts > LONGEST_PROGRAMME:
            errors["programme_ends_on"] = _("A programme lasts at most two years.")
    if closes and starts and closes >= starts:
        errors.setdefault(
            "applications_close_on",
            _("Applications must close before the programme starts."),
        )
    if starts and starts.year < EARLIEST_YEAR:
        errors["programme_starts_on"] = _("The programme cannot start before the year 2000.")
    elif starts and starts - round_.town.today() > LONGEST_LEAD:
        errors["programme_starts_on"] = _("The programme may start at most five years ahead.")
    if round_.max_grant_cents > round_.grant_budget_cents:
        errors["max_grant_cents"] = _("The largest grant cannot exceed the grant budget.")
    if round_.status != RoundStatus.DRAFT and round_.pk and not round_.offered_units.exists():
        errors["status"] = _("Offer at least one unit before the round is made public.")
    if round_.status != RoundStatus.DRAFT and not round_.pk:
        errors["status"] = _("Offer at least one unit before the round is made public.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def round_save(*, town: Town, by, round_: Round | None = None, version: int | None = None, **data):
    """Create a round, or save changes made to version `version` of one (a stale one is
    refused with ConcurrentEditError)."""
    require_coordinator(by, town)
    unknown = set(data) - ROUND_FIELDS
    if unknown:
        raise TypeError(f"round_save() got unknown fields: {', '.join(sorted(unknown))}")
    if round_ is None:
        round_ = Round(town=town)
    elif round_.town_id != town.pk:
        raise PermissionDenied
    for name in ("titles", "descriptions", "rules"):
        if name in data:
            data[name] = _texts(data[name])
    for name, value in data.items():
        setattr(round_, name, value)
    round_.full_clean()
    validate_round(round_)
    if round_.pk:
        round_.version = claim_version(
            Round,
            round_.pk,
            version if version is not None else round_.version,
            _("Someone else changed this round meanwhile. Reload it and make your changes again."),
        )
    round_.save()
    renew_public_pages(town)
    return round_


@transaction.atomic
def criterion_add(*, round_: Round, by, names: dict, weight) -> Criterion:
    require_coordinator(by, round_.town)
    criterion = Criterion(round=round_, names=_texts(names), weight=weight)
    if not criterion.names:
        raise ValidationError({"names": _("Name the criterion.")})
    criterion.full_clean()
    criterion.save()
    return criterion


@transaction.atomic
def criterion_remove(*, criterion: Criterion, by) -> None:
    require_coordinator(by, criterion.round.town)
    criterion.delete()


@transaction.atomic
def event_add(*, round_: Round, by, titles: dict, starts_on, ends_on=None) -> RoundEvent:
    require_coordinator(by, round_.town)
    event = RoundEvent(round=round_, titles=_texts(titles), starts_on=starts_on, ends_on=ends_on)
    errors = {}
    if not event.titles:
        errors["titles"] = _("Give the event a title.")
    if ends_on and starts_on and ends_on < starts_on:
        errors["ends_on"] = _("The event cannot end before it starts.")
    if errors:
        raise ValidationError(errors)
    event.full_clean()
    event.save()
    renew_public_pages(round_.town)
    return event


@transaction.atomic
def event_remove(*, event: RoundEvent, by) -> None:
    require_coordinator(by, event.round.town)
    renew_public_pages(event.round.town)
    event.delete()
