"""The forms of the three-month goals: a goal (its due date within the meeting's range, by
default three months after its last day) and a goal's review."""

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from regrow.lib.widgets import LocalDateInput
from regrow.network.models import Goal, Meeting
from regrow.network.services import goals as services


class GoalForm(forms.Form):
    title = forms.CharField(
        label=_("Goal"),
        max_length=200,
        error_messages={"required": _("Say what the goal is.")},
    )
    owner = forms.CharField(
        label=pgettext_lazy("of an action: who carries it out", "Owner"),
        max_length=200,
        help_text=_("The person or organisation that carries it out."),
        error_messages={"required": _("Name the goal's owner: a person or an organisation.")},
    )
    due_on = forms.DateField(
        label=_("Due on"),
        widget=LocalDateInput,
        error_messages={"required": _("Give the date the goal is due.")},
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The versions of the goal and of its action the form started from (optimistic locking).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    action_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, meeting: Meeting, goal: Goal | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        first, last = services.due_range(meeting)
        self.fields["due_on"].help_text = _(
            "Three months after the meeting by default; from %(first)s to %(last)s."
        ) % {
            "first": date_format(first, "SHORT_DATE_FORMAT"),
            "last": date_format(last, "SHORT_DATE_FORMAT"),
        }
        if self.is_bound:
            return
        if goal is None:
            self.initial["due_on"] = services.default_due_on(meeting)
            return
        for name in services.GOAL_VALUES:
            self.initial[name] = getattr(goal, name)
        self.initial["version"] = goal.version
        self.initial["action_version"] = goal.action.version if goal.action else None

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        first, last = services.due_range(self.meeting)
        if not first <= due_on <= last:
            raise forms.ValidationError(
                _(
                    "The due date must be from the meeting's first day (%(first)s) to six "
                    "months after its last day (%(last)s)."
                )
                % {
                    "first": date_format(first, "SHORT_DATE_FORMAT"),
                    "last": date_format(last, "SHORT_DATE_FORMAT"),
                }
            )
        return due_on

    def goal_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in services.GOAL_VALUES}


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("How far was it achieved?"),
        choices=Goal.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how far the goal was achieved.")},
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was done, what is left, what got in the way."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    action_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, goal: Goal, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.update(
                outcome=goal.outcome or None,
                comment=goal.review_comment,
                version=goal.version,
                action_version=goal.action.version if goal.action else None,
            )
