"""Writes about applications: the entrepreneur's draft, submission, withdrawal and documents.

Every refusal names its field; a stale edit raises ConcurrentEditError; nothing is written
when anything is refused."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.lib.dates import date_on, date_range
from regrow.lib.money import euros_from_cents
from regrow.popups import fit
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import (
    Application,
    ApplicationDocument,
    Round,
    RoundUnit,
    WantedUnit,
)
from regrow.popups.models.applications import MAX_DOCUMENT_BYTES
from regrow.popups.selectors import fit_offers

APPLICATION_FIELDS = frozenset(
    {
        "business_name",
        "idea",
        "category",
        "min_area_m2",
        "max_rent_cents_per_month",
        "earliest_start_on",
        "latest_end_on",
        "min_stay_weeks",
        "max_stay_weeks",
        "experience",
        "requested_grant_cents",
    }
)
# The most wanted units an application may list, and documents it may carry.
MAX_WANTED = 10
MAX_DOCUMENTS = 10
PDF_MAGIC = b"%PDF-"


def has_verified_email(user) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def require_verified(user) -> None:
    if not (user and user.is_authenticated and user.is_active):
        raise PermissionDenied
    if not has_verified_email(user):
        raise ValidationError(
            _("Confirm your e-mail address first: follow the link in the e-mail we sent you.")
        )


def window_refusal(round_: Round) -> str | None:
    """Why the round takes no applications today, or None while its window is open."""
    today = round_.town.today()
    if round_.status != RoundStatus.OPEN:
        return _("This round does not take applications.")
    if today < round_.applications_open_on:
        return _("Applications open on %(day)s.") % {"day": date_on(round_.applications_open_on)}
    if today > round_.applications_close_on:
        return _("Applications closed on %(day)s.") % {"day": date_on(round_.applications_close_on)}
    return None


def require_window(round_: Round) -> None:
    refusal = window_refusal(round_)
    if refusal:
        raise ValidationError(refusal)


def need_of(application: Application) -> fit.Need:
    return fit.Need(
        category=application.category,
        min_area_m2=float(application.min_area_m2 or 0),
        max_rent_cents_per_month=application.max_rent_cents_per_month,
        earliest_start_on=application.earliest_start_on,
        latest_end_on=application.latest_end_on,
        min_stay_weeks=application.min_stay_weeks or 1,
        max_stay_weeks=application.max_stay_weeks or 1,
    )


REASON_TEXTS = {
    fit.AREA: lambda: _("too small for the smallest area you need"),
    fit.RENT: lambda: _("rent above your highest rent"),
    fit.CATEGORY: lambda: _("your shop category is not allowed"),
    fit.STAY: lambda: _("its stay lengths differ from yours"),
    fit.DATES: lambda: _("your dates are shorter than the stay"),
}


def fit_refusal(application: Application, offers: list[fit.Offer]) -> str | None:
    """“No offered unit fits your application: …”, or None when at least one fits."""
    if not offers:
        return _("The round offers no units yet.")
    reasons = fit.reasons_for_none(need_of(application), offers)
    if not reasons:
        return None
    return _("No offered unit fits your application: %(reasons)s.") % {
        "reasons": "; ".join(REASON_TEXTS[reason]() for reason in reasons)
    }


def validate_application(application: Application) -> None:
    """The application's own values against its round, each refusal naming its field."""
    round_ = application.round
    errors: dict[str, str] = {}
    start, end = application.earliest_start_on, application.latest_end_on
    if start and end and end < start:
        errors["latest_end_on"] = _("The latest end cannot be before the earliest start.")
    within = _("Choose a day within the programme: %(period)s.") % {
        "period": date_range(round_.programme_starts_on, round_.programme_ends_on)
    }
    if start and not round_.programme_starts_on <= start <= round_.programme_ends_on:
        errors["earliest_start_on"] = within
    if end and not round_.programme_starts_on <= end <= round_.programme_ends_on:
        errors["latest_end_on"] = within
    shortest, longest = application.min_stay_weeks, application.max_stay_weeks
    if shortest and longest and longest < shortest:
        errors["max_stay_weeks"] = _("The longest stay cannot be shorter than the shortest.")
    if application.requested_grant_cents > round_.max_grant_cents:
        errors["requested_grant_cents"] = _("The round's largest grant is %(amount)s.") % {
            "amount": euros_from_cents(round_.max_grant_cents)
        }
    if errors:
        raise ValidationError(errors)


def require_applicant(application: Application, user) -> None:
    if application.applicant_id != getattr(user, "pk", None):
        raise PermissionDenied


def _set_wanted(application: Application, wanted: list[RoundUnit]) -> None:
    if len(wanted) > MAX_WANTED:
        raise ValidationError({"wanted": _("Choose at most ten units.")})
    if len({offer.pk for offer in wanted}) != len(wanted):
        raise ValidationError({"wanted": _("Choose each unit only once.")})
    if any(offer.round_id != application.round_id for offer in wanted):
        raise ValidationError({"wanted": _("Choose units offered in this round.")})
    application.wanted.all().delete()
    WantedUnit.objects.bulk_create(
        WantedUnit(application=application, round_unit=offer, rank=rank)
        for rank, offer in enumerate(wanted, start=1)
    )


@transaction.atomic
def application_save(
    *,
    round_: Round,
    by,
    application: Application | None = None,
    version: int | None = None,
    wanted: list[RoundUnit] | None = None,
    language: str = "",
    **data,
) -> Application:
    """Save a new draft, or changes to version `version` of one's own draft or submitted
    application (a submitted one must still fit an offered unit)."""
    unknown = set(data) - APPLICATION_FIELDS
    if unknown:
        raise TypeError(f"unknown application fields: {', '.join(sorted(unknown))}")
    require_verified(by)
    if application is None:
        application = Application(round=round_, applicant=by)
    elif application.round_id != round_.pk:
        raise PermissionDenied
    require_applicant(application, by)
    require_window(round_)
    if not application.is_open_to_change:
        raise ValidationError(_("This application can no longer be changed."))
    for name, value in data.items():
        setattr(application, name, value)
    if language:
        application.language = language
    application.full_clean(exclude=["round", "applicant"], validate_constraints=False)
    validate_application(application)
    if application.status == ApplicationStatus.SUBMITTED:
        refusal = fit_refusal(application, fit_offers(round_))
        if refusal:
            raise ValidationError(refusal)
    if application.pk:
        application.version = claim_version(
            Application,
            application.pk,
            version if version is not None else application.version,
            _("You changed this application in another window meanwhile. Reload it."),
        )
        application.save()
    else:
        try:
            with transaction.atomic():
                application.save()
        except IntegrityError:
            raise ValidationError(_("You have already applied to this round.")) from None
    if wanted is not None:
        _set_wanted(application, wanted)
    return application


def _confirmation(application: Application, link: str) -> tuple[str, str]:
    with translation.override(application.language):
        subject = _("Your application to %(round)s") % {"round": application.round.title}
        body = render_to_string(
            "popups/email/application_submitted.txt",
            {"application": application, "round": application.round, "link": link},
        )
    return subject, body


@transaction.atomic
def application_submit(*, application: Application, by, version: int, link: str) -> Application:
    """Submit one's application (it must fit an offered unit); the applicant gets a confirmation
    e-mail in their language, linking to `link`."""
    require_applicant(application, by)
    require_verified(by)
    round_ = application.round
    require_window(round_)
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(_("Only a draft can be submitted."))
    validate_application(application)
    refusal = fit_refusal(application, fit_offers(round_))
    if refusal:
        raise ValidationError(refusal)
    now = timezone.now()
    application.version = claim_version(
        Application,
        application.pk,
        version,
        _("You changed this application in another window meanwhile. Reload it."),
        status=ApplicationStatus.SUBMITTED,
        submitted_at=now,
    )
    application.status, application.submitted_at = ApplicationStatus.SUBMITTED, now
    subject, body = _confirmation(application, link)
    email = application.applicant.email
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))
    return application


@transaction.atomic
def application_withdraw(*, application: Application, by, version: int) -> Application:
    """Withdraw one's draft or submitted application, until the deadline."""
    require_applicant(application, by)
    require_window(application.round)
    if not application.is_open_to_change:
        raise ValidationError(_("This application can no longer be withdrawn."))
    application.version = claim_version(
        Application,
        application.pk,
        version,
        _("You changed this application in another window meanwhile. Reload it."),
        status=ApplicationStatus.WITHDRAWN,
    )
    application.status = ApplicationStatus.WITHDRAWN
    return application


def validate_pdf(upload: UploadedFile) -> None:
    """A PDF by its content (it starts with %PDF-), at most 10 MB."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError({"file": _("The file is larger than 10 MB.")})
    upload.seek(0)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head != PDF_MAGIC:
        raise ValidationError({"file": _("The file is not a PDF.")})


@transaction.atomic
def document_add(*, application: Application, by, upload: UploadedFile) -> ApplicationDocument:
    require_applicant(application, by)
    require_window(application.round)
    if not application.is_open_to_change:
        raise ValidationError(_("This application can no longer be changed."))
    validate_pdf(upload)
    if application.documents.count() >= MAX_DOCUMENTS:
        raise ValidationError({"file": _("An application holds at most ten documents.")})
    name = (upload.name or "document.pdf").rsplit("/", 1)[-1][:200]
    document = ApplicationDocument(application=application, name=name, size_bytes=upload.size)
    document.file.save(name, upload, save=False)
    document.save()
    return document


@transaction.atomic
def document_remove(*, document: ApplicationDocument, by) -> None:
    application = document.application
    require_applicant(application, by)
    require_window(application.round)
    if not application.is_open_to_change:
        raise ValidationError(_("This application can no longer be changed."))
    file = document.file
    document.delete()
    transaction.on_commit(lambda: file.delete(save=False))
