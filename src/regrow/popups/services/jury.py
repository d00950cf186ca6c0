"""Writes of the jury: the coordinator assigns and removes jurors; a juror declares a conflict
of interest and scores applications. Every refusal names its field; nothing is written when
anything is refused."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import Application, ConflictOfInterest, Round, RoundJuror, Score
from regrow.popups.models.jury import HIGHEST_SCORE, LOWEST_SCORE
from regrow.towns.models import Membership, Role
from regrow.towns.permissions import Action, can


def require_assigner(user, round_: Round) -> None:
    if not can(user, Action.ASSIGN_JURORS, round_.town):
        raise PermissionDenied


def juror_in(round_: Round, user) -> RoundJuror:
    """The user's seat on the round's jury; PermissionDenied when they hold none (or no longer
    hold the jury member role in the town)."""
    if not can(user, Action.SCORE_APPLICATIONS, round_.town):
        raise PermissionDenied
    juror = RoundJuror.objects.filter(round=round_, user=user).first()
    if juror is None:
        raise PermissionDenied
    return juror


def _require_open_jury(round_: Round) -> None:
    if round_.status == RoundStatus.ALLOCATED:
        raise ValidationError(_("The round is allocated: its jury's work is closed."))


def _require_scorable(application: Application, juror: RoundJuror) -> None:
    if application.round_id != juror.round_id:
        raise PermissionDenied
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("Only submitted applications are scored."))
    _require_open_jury(application.round)


@transaction.atomic
def juror_assign(*, round_: Round, user, by) -> RoundJuror:
    """Seat a jury member of the round's town on its jury."""
    require_assigner(by, round_)
    _require_open_jury(round_)
    if not Membership.objects.filter(user=user, town=round_.town, role=Role.JURY_MEMBER).exists():
        raise ValidationError({"user": _("Only a jury member of the town can sit on the jury.")})
    try:
        with transaction.atomic():
            return RoundJuror.objects.create(round=round_, user=user)
    except IntegrityError:
        raise ValidationError({"user": _("This person is already on the jury.")}) from None


@transaction.atomic
def juror_remove(*, juror: RoundJuror, by) -> None:
    """Take a juror off the jury, with their scores and declared conflicts."""
    require_assigner(by, juror.round)
    _require_open_jury(juror.round)
    juror.delete()


@transaction.atomic
def conflict_declare(*, application: Application, by, note: str = "") -> ConflictOfInterest:
    """Declare a conflict of interest on an application: final, and from now on the juror
    neither scores it nor sees its other scores."""
    juror = juror_in(application.round, by)
    _require_scorable(application, juror)
    note = (note or "").strip()
    if len(note) > 2000:
        raise ValidationError({"note": _("Keep the note under 2,000 characters.")})
    conflict, _created = ConflictOfInterest.objects.get_or_create(
        juror=juror, application=application, defaults={"note": note}
    )
    return conflict


def has_conflict(juror: RoundJuror, application: Application) -> bool:
    return ConflictOfInterest.objects.filter(juror=juror, application=application).exists()


def score_field(criterion_id: int) -> str:
    return f"score_{criterion_id}"


def comment_field(criterion_id: int) -> str:
    return f"comment_{criterion_id}"


@transaction.atomic
def scores_save(*, application: Application, by, values: dict[int, tuple]) -> list[Score]:
    """Save the juror's score sheet: {criterion id: (value 0 to 10, comment)} for every criterion
    of the round. Saving again updates the juror's own scores in place."""
    juror = juror_in(application.round, by)
    _require_scorable(application, juror)
    if has_conflict(juror, application):
        raise ValidationError(
            _("You declared a conflict of interest on this application: you cannot score it.")
        )
    criteria = list(application.round.criteria.all())
    if not criteria:
        raise ValidationError(_("The round has no selection criteria to score yet."))
    errors: dict[str, str] = {}
    for criterion in criteria:
        value, comment = values.get(criterion.pk, (None, ""))
        if value is None or value == "":
            errors[score_field(criterion.pk)] = _("Give a score from 0 to 10.")
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if (
            number is None
            or str(number) != str(value).strip()
            or not (LOWEST_SCORE <= number <= HIGHEST_SCORE)
        ):
            errors[score_field(criterion.pk)] = _("A score is a whole number from 0 to 10.")
        if len(comment or "") > 2000:
            errors[comment_field(criterion.pk)] = _("Keep the comment under 2,000 characters.")
    unknown = set(values) - {criterion.pk for criterion in criteria}
    if unknown:
        raise ValidationError(_("A criterion is not one of this round's."))
    if errors:
        raise ValidationError(errors)
    saved = []
    for criterion in criteria:
        value, comment = values[criterion.pk]
        score, _created = Score.objects.update_or_create(
            juror=juror,
            application=application,
            criterion=criterion,
            defaults={"value": int(value), "comment": (comment or "").strip()},
        )
        saved.append(score)
    return saved
