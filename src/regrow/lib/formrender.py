"""How every form on the site renders its fields: Django's own templates, with one correction.

Django gives a field's hidden inputs (a hidden field, and the hidden copy of a first value that
`show_hidden_initial` adds) the `aria-describedby` of the visible field. The attribute is not
allowed on a hidden input (the Nu HTML checker reports it), and nothing reads it there.
"""

from django.forms import BoundField
from django.forms.renderers import DjangoTemplates


class SiteBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if (widget or self.field.widget).is_hidden:
            attrs.pop("aria-describedby", None)
        return attrs


class SiteFormRenderer(DjangoTemplates):
    """settings.FORM_RENDERER: forms use SiteBoundField unless they name another."""

    bound_field_class = SiteBoundField
