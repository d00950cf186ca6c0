"""The owner agreement's wording: the town's template per language, or the default shipped
here, and its placeholders filled in by a plain substitution (never format strings or eval)."""

import re
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.popups.models import AgreementTemplate
from regrow.popups.services.rounds import require_coordinator
from regrow.towns.models import Town

PLACEHOLDERS = (
    "owner_name",
    "owner_address",
    "intermediary_name",
    "intermediary_address",
    "unit_address",
    "unit_area",
    "term_start",
    "term_end",
    "rent",
    "service_charges",
    "conditions",
    "town_name",
)
# Whatever stands in braces is a placeholder; only the names above are allowed in it.
PLACEHOLDER = re.compile(r"\{([^{}\n]*)\}")

DEFAULT_TEMPLATES = {
    "lv": (
        "Telpu nomas līgums pop-up veikaliem",
        "{owner_name}, {owner_address} (turpmāk – Īpašnieks), un {intermediary_name}, "  # noqa: RUF001
        "{intermediary_address} (turpmāk – Starpnieks), vienojas par turpmāko.\n\n"  # noqa: RUF001
        "1. Īpašnieks nodod Starpniekam nomā telpas {unit_address}, {unit_area} m² platībā, "
        "izmantošanai pop-up veikaliem. Nomas termiņš sākas {term_start} un beidzas {term_end}."
        "\n\n"
        "2. Nomas maksa ir {rent} mēnesī; pakalpojumu maksa ir {service_charges} mēnesī.\n\n"
        "3. Starpnieks drīkst nodot telpas apakšnomā uz dažām nedēļām tirgotājiem, kas "
        "izraudzīti pop-up programmā, ko rīko {town_name}. Par telpām Īpašnieka priekšā "
        "atbild Starpnieks.\n\n"
        "4. Citi noteikumi: {conditions}\n\n"
        "5. Līgums sagatavots divos eksemplāros, pa vienam katrai pusei.",
    ),
    "en": (
        "Lease of premises for pop-up shops",
        "{owner_name}, {owner_address} (the Owner), and {intermediary_name}, "
        "{intermediary_address} (the Intermediary), agree as follows.\n\n"
        "1. The Owner lets to the Intermediary the premises at {unit_address}, {unit_area} m², "
        "for pop-up shops. The term starts on {term_start} and ends on {term_end}.\n\n"
        "2. The rent is {rent} a month; the service charges are {service_charges} a month.\n\n"
        "3. The Intermediary may sublet the premises for some weeks at a time to traders "
        "selected in the pop-up programme that {town_name} runs. The Intermediary answers to "
        "the Owner for the premises.\n\n"
        "4. Further conditions: {conditions}\n\n"
        "5. The agreement is made in two copies, one for each party.",
    ),
}
FALLBACK_LANGUAGE = "en"


def braced(names) -> str:
    """The placeholders as one writes them: "{owner_name}, {rent}"."""
    return ", ".join("{" + name + "}" for name in names)


def unknown_placeholders(text: str) -> list[str]:
    """The names in braces that are not placeholders, in order, each once."""
    found = [name for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDERS]
    return list(dict.fromkeys(found))


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with each {placeholder} replaced by its value; anything else is left as it is."""
    return PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), text)


def default_template(language: str) -> tuple[str, str]:
    return DEFAULT_TEMPLATES.get(language, DEFAULT_TEMPLATES[FALLBACK_LANGUAGE])


def agreement_wording(town: Town, language: str) -> tuple[str, str]:
    """The title and body to use in `language`: the town's own, else the default (one query)."""
    template = AgreementTemplate.objects.filter(town=town, language=language).first()
    if template is None:
        return default_template(language)
    return template.title, template.body


def _refusal(text: str) -> str | None:
    unknown = unknown_placeholders(text)
    if not unknown:
        return None
    return _("Unknown placeholder: %(names)s. Use only: %(known)s.") % {
        "names": braced(unknown),
        "known": braced(PLACEHOLDERS),
    }


def template_save(
    *, town: Town, by, language: str, title: str, body: str, version: int | None = None
) -> AgreementTemplate:
    """Save the town's agreement template in `language`, or changes made to version `version`."""
    require_coordinator(by, town)
    errors = {}
    if language not in town.languages:
        errors["language"] = _("The town does not publish in this language.")
    for field, text in (("title", title), ("body", body)):
        refusal = _refusal(text)
        if refusal:
            errors[field] = refusal
    if not body.strip():
        errors["body"] = _("The agreement needs a text.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        template = AgreementTemplate.objects.filter(town=town, language=language).first()
        if template is None:
            template = AgreementTemplate(town=town, language=language)
        template.title, template.body = title.strip(), body.strip()
        template.full_clean()
        if template.pk:
            template.version = claim_version(
                AgreementTemplate,
                template.pk,
                version if version is not None else template.version,
                _("Someone else changed this template meanwhile. Reload it and try again."),
            )
        template.save()
    return template
