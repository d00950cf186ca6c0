from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from regrow.indicators import formats, selectors
from regrow.indicators.figures import Mode
from regrow.indicators.periods import FIRST_YEAR, LAST_YEAR
from regrow.indicators.selectors_pages import MAX_PEERS

# The largest file a page takes (a national JSON-stat dataset of a million values is ~20 MB).
MAX_IMPORT_BYTES = 100 * 1024 * 1024


class ObservationImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "CSV or XLSX in long format, a Eurostat TSV file (also .tsv.gz) or a JSON-stat "
            "dataset, at most 100 MB."
        ),
    )
    file_format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("", _("Detect")),
            (formats.Format.CSV, _("Long format (CSV or XLSX)")),
            (formats.Format.EUROSTAT, _("Eurostat TSV")),
            (formats.Format.JSONSTAT, _("JSON-stat (PxWeb)")),
        ],
        required=False,
    )
    indicator = forms.ChoiceField(
        label=_("Indicator"),
        required=False,
        help_text=_(
            "The indicator of every value in the file; leave it at “As the file says” for a "
            "file with an indicator column or dimension."
        ),
    )
    select = forms.CharField(
        label=_("Categories to import"),
        required=False,
        max_length=500,
        help_text=_(
            "Where the file has several categories of a dimension for each town and period: "
            "DIMENSION=CODE, separated by commas, e.g. sex=T, age=Y15-29."
        ),
    )
    skip_unknown_regions = forms.BooleanField(
        label=_("Leave out the regions that are not this town"),
        required=False,
        help_text=_("For a file of a whole country: its other regions are counted, not imported."),
    )
    source = forms.CharField(
        label=_("Source"),
        required=False,
        max_length=200,
        help_text=_("For values the file gives no source, e.g. “Eurostat, demo_r_pjangrp3”."),
    )
    encoding = forms.ChoiceField(
        label=_("CSV encoding"),
        choices=[("auto", _("Detect")), ("utf-8", "UTF-8"), ("windows-1257", "Windows-1257")],
        initial="auto",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [("", _("As the file says"))] + [
            (indicator.code, indicator.name)
            for indicator in selectors.indicators().filter(derived=False)
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 100 MB."))
        return upload

    def clean_select(self) -> dict[str, str]:
        selected = {}
        for pair in self.cleaned_data["select"].split(","):
            if not pair.strip():
                continue
            dimension, equals, code = pair.partition("=")
            if not equals or not dimension.strip() or not code.strip():
                raise forms.ValidationError(
                    _("Write each choice as DIMENSION=CODE, such as sex=T; “%(pair)s” is not.")
                    % {"pair": pair.strip()}
                )
            selected[dimension.strip()] = code.strip()
        return selected


class ComparisonForm(forms.Form):
    """The view of a comparison, read from the address (GET): which towns, absolute, per 1,000
    inhabitants or indexed, and the base year of the index."""

    towns = forms.MultipleChoiceField(
        label=_("Compare with"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    mode = forms.ChoiceField(label=_("Show the values"), required=False, widget=forms.RadioSelect)
    base = forms.IntegerField(
        label=_("Base year (its value = 100)"),
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.Select,
        help_text=_("For the index only."),
    )

    def __init__(self, data=None, *, towns, per_1000: bool, years=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["towns"].choices = [(town.slug, town.name) for town in towns]
        modes = [(Mode.ABSOLUTE.value, _("as they are"))]
        if per_1000:
            modes.append((Mode.PER_1000.value, _("per 1,000 inhabitants")))
        modes.append((Mode.INDEXED.value, _("indexed to a base year")))
        self.fields["mode"].choices = modes
        self.set_years(years)

    def set_years(self, years) -> None:
        """The base years offered: the years the comparison has values in."""
        self.fields["base"].widget.choices = [("", _("The first year all have"))] + [
            (year, str(year)) for year in years
        ]

    def clean_towns(self) -> list[str]:
        chosen = self.cleaned_data["towns"]
        if len(chosen) > MAX_PEERS:
            raise forms.ValidationError(
                ngettext(
                    "Compare with at most %(count)s town at once.",
                    "Compare with at most %(count)s towns at once.",
                    MAX_PEERS,
                )
                % {"count": MAX_PEERS}
            )
        return chosen


class PublicChoiceForm(forms.Form):
    """Which indicators the town shows on its public site."""

    shown = forms.MultipleChoiceField(
        label=_("Shown on the town's site"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shown"].choices = [
            (indicator.code, indicator.name) for indicator in indicators
        ]
