from django import forms
from django.utils.translation import gettext_lazy as _

from regrow.indicators import formats, selectors

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
