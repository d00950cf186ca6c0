"""A service's refusal lands on the form: at its field, or above the form, never as a 500."""

from django import forms
from django.contrib.auth.models import Permission
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from regrow.lib.forms import add_service_error


class NameForm(forms.Form):
    name = forms.CharField()
    picture = forms.CharField(required=False)


class PermissionForm(forms.ModelForm):
    class Meta:
        model = Permission
        fields = ["name"]


def checked(form_class):
    form = form_class({"name": "Pils iela"})
    assert form.is_valid(), form.errors
    return form


def test_a_message_about_a_field_of_the_form_goes_to_that_field():
    form = checked(NameForm)
    add_service_error(form, ValidationError({"name": "Taken."}))
    assert form.errors == {"name": ["Taken."]}
    assert "name" not in form.cleaned_data


def test_a_message_about_a_field_the_form_lacks_goes_above_it_after_the_fields_name():
    form = checked(PermissionForm)
    add_service_error(
        form,
        ValidationError({"codename": ValidationError("%(count)s too many.", params={"count": 2})}),
    )
    assert form.non_field_errors() == ["Codename: 2 too many."]
    assert not form.has_error("name")


def test_without_a_model_to_name_the_field_the_message_goes_above_as_it_is():
    form = checked(NameForm)
    add_service_error(form, ValidationError({"effective_on": ["Too late.", "Too early."]}))
    assert form.non_field_errors() == ["Too late.", "Too early."]


def test_a_message_about_no_field_goes_above_the_form_or_where_the_caller_says():
    above, at_picture = checked(NameForm), checked(NameForm)
    add_service_error(above, ValidationError("Not a photo."))
    add_service_error(at_picture, ValidationError("Not a photo."), field="picture")
    assert above.non_field_errors() == ["Not a photo."]
    assert at_picture.errors == {"picture": ["Not a photo."]}


def test_messages_for_the_whole_form_in_a_dict_go_above_it_unnamed():
    form = checked(PermissionForm)
    add_service_error(form, ValidationError({NON_FIELD_ERRORS: "Reload.", "name": "Too long."}))
    assert form.non_field_errors() == ["Reload."]
    assert form.errors["name"] == ["Too long."]
