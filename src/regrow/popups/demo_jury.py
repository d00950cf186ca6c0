"""Demo jury of Alūksne's open round: three jurors (the town's demo jury member and two more),
scores for most submitted applications, one declared conflict. Idempotent."""

from regrow.accounts.services import user_ensure
from regrow.lib.demo import Demo
from regrow.popups.choices import ApplicationStatus
from regrow.popups.models import ConflictOfInterest, Round, RoundJuror, Score
from regrow.towns.models import Role
from regrow.towns.services import membership_grant

# (e-mail, password, name); the first comes from the towns' demo people.
JURORS = [
    ("jury@aluksne.example.org", "regrow-jury", "Žūrijas locekle"),
    ("jury2@aluksne.example.org", "regrow-jury2", "Ilze Liepiņa"),
    ("jury3@aluksne.example.org", "regrow-jury3", "Pēteris Kļaviņš"),
]
COMMENTS = ["Skaidra ideja.", "Der ielai.", "Vajag vairāk pieredzes.", ""]


def load_jury(round_: Round, demo: Demo) -> None:
    criteria = list(round_.criteria.order_by("id"))
    applications = list(
        round_.applications.filter(status=ApplicationStatus.SUBMITTED).order_by("id")
    )
    seats = []
    for index, (email, password, name) in enumerate(JURORS):
        person = user_ensure(email=email, password=password, full_name=name, language="lv")
        membership_grant(user=person, town=round_.town, role=Role.JURY_MEMBER)
        seat, _created = RoundJuror.objects.get_or_create(round=round_, user=person)
        seats.append(seat)
        if index:
            demo.add_login(f"Juror of Alūksne's pop-up round ({name})", email, password)
    # The third juror knows the first applicant: a declared conflict, and no scores of it.
    conflicted = applications[0] if applications else None
    if conflicted is not None:
        ConflictOfInterest.objects.get_or_create(
            juror=seats[2],
            application=conflicted,
            defaults={"note": "Pieteicēja ir mana kaimiņiene."},
        )
    for j, seat in enumerate(seats):
        # Each juror leaves the last few applications (a different number each) to score.
        for a, application in enumerate(applications[: len(applications) - 1 - j]):
            if seat == seats[2] and application == conflicted:
                continue
            for c, criterion in enumerate(criteria):
                Score.objects.update_or_create(
                    juror=seat,
                    application=application,
                    criterion=criterion,
                    defaults={
                        "value": 3 + (a * 7 + c * 3 + j * 5) % 8,
                        "comment": COMMENTS[(a + c + j) % len(COMMENTS)],
                    },
                )
