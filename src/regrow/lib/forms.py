"""Showing a service's refusal on the form that asked for the change."""

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.forms import BaseForm
from django.utils.text import capfirst


def _label(form: BaseForm, name: str) -> str | None:
    """The verbose name of the form's model field `name`, if the form is a ModelForm and its
    model has that field."""
    model = getattr(getattr(form, "_meta", None), "model", None)
    if model is None:
        return None
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return None


def add_service_error(form: BaseForm, error: ValidationError, *, field: str | None = None) -> None:
    """Put every message of a service's ValidationError on the form.

    A message about a field the form has goes to that field; one about another field goes above
    the form, after the field's name where the form's model knows it. (Django's own add_error
    raises ValueError for a field the form lacks: a 500 for what is the user's mistake.) A
    message that names no field goes to `field`, or above the form.
    """
    if not hasattr(error, "error_dict"):
        form.add_error(field, error)
        return
    for name, problems in error.error_dict.items():
        if name in form.fields:
            form.add_error(name, problems)
            continue
        label = None if name == NON_FIELD_ERRORS else _label(form, name)
        messages = ValidationError(problems).messages
        form.add_error(None, [f"{label}: {message}" for message in messages] if label else messages)
