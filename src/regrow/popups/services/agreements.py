"""The wording of the owner agreement (head lease) and of the sublease: the town's template per
kind and language, or the default shipped here, and its placeholders filled in by a plain
substitution (never format strings or eval)."""

import re
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from regrow.lib.concurrency import claim_version
from regrow.popups.models import AgreementTemplate
from regrow.popups.services.rounds import require_coordinator
from regrow.towns.models import Town

Kind = AgreementTemplate.Kind

OWNER_PLACEHOLDERS = (
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
SUBLEASE_PLACEHOLDERS = (
    "intermediary_name",
    "intermediary_address",
    "trader_name",
    "trader_person",
    "trader_email",
    "unit_address",
    "unit_area",
    "category",
    "term_start",
    "term_end",
    "rent",
    "service_charges",
    "grant",
    "owner_name",
    "head_lease_start",
    "head_lease_end",
    "town_name",
)
PLACEHOLDERS = {Kind.OWNER: OWNER_PLACEHOLDERS, Kind.SUBLEASE: SUBLEASE_PLACEHOLDERS}
# Whatever stands in braces is a placeholder; only the names above are allowed in it.
PLACEHOLDER = re.compile(r"\{([^{}\n]*)\}")

OWNER_DEFAULTS = {
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
SUBLEASE_DEFAULTS = {
    "lv": (
        "Telpu apakšnomas līgums pop-up veikalam",
        "{intermediary_name}, {intermediary_address} (turpmāk – Nomnieks), un {trader_name}, "  # noqa: RUF001
        "kuru pārstāv {trader_person}, e-pasts {trader_email} "
        "(turpmāk – Apakšnomnieks), vienojas par turpmāko.\n\n"  # noqa: RUF001
        "1. Nomnieks nodod Apakšnomniekam apakšnomā telpas {unit_address}, {unit_area} m² "
        "platībā, ko Apakšnomnieks izmanto tikai kā pop-up veikalu kategorijā "
        "„{category}”.\n\n"
        "2. Apakšnomas termiņš sākas {term_start} un beidzas {term_end}.\n\n"
        "3. Apakšnomas maksa ir {rent} mēnesī; pakalpojumu maksa ir {service_charges} mēnesī. "
        "Par nepilnu mēnesi maksā proporcionāli apakšnomas dienu skaitam. Apakšnomniekam "
        "piešķirtais pašvaldības atbalsts: {grant}.\n\n"
        "4. Telpas nodotas apakšnomā saskaņā ar telpu nomas līgumu starp telpu īpašnieku "
        "{owner_name} un Nomnieku (turpmāk – Pamatlīgums), kura termiņš sākas "  # noqa: RUF001
        "{head_lease_start} un beidzas {head_lease_end}. Apakšnoma nevar ilgt ilgāk par "
        "Pamatlīgumu, un Apakšnomnieks ievēro tos Pamatlīguma noteikumus, kas attiecas uz "
        "telpu lietošanu.\n\n"
        "5. Telpu atslēgas Nomnieks nodod Apakšnomniekam apakšnomas pirmajā dienā, un puses "
        "paraksta nodošanas un pieņemšanas aktu. Apakšnomnieks atslēgas nenodod trešajām "
        "personām un bez Nomnieka piekrišanas neizgatavo to dublikātus.\n\n"
        "6. Apakšnomas laikā Apakšnomnieks apdrošina savas preces un iekārtas un savu "
        "civiltiesisko atbildību pret trešajām personām un pēc Nomnieka pieprasījuma uzrāda "
        "apdrošināšanas polisi. Par zaudējumiem, ko telpām nodarījis Apakšnomnieks, atbild "
        "Apakšnomnieks.\n\n"
        "7. Apakšnomnieks telpas nepārbūvē un nenodod tālākā apakšnomā.\n\n"
        "8. Apakšnomas pēdējā dienā Apakšnomnieks atbrīvo telpas un nodod tās Nomniekam tīras "
        "un tādā stāvoklī, kādā tās saņēma, ņemot vērā dabisko nolietojumu, kopā ar visām "
        "atslēgām; puses paraksta nodošanas un pieņemšanas aktu.\n\n"
        "9. Apakšnoma notiek pop-up programmā, ko rīko {town_name}. Strīdus puses risina "
        "sarunu ceļā, bet, ja vienoties neizdodas, – Latvijas Republikas tiesā normatīvajos "  # noqa: RUF001
        "aktos noteiktajā kārtībā.\n\n"
        "10. Līgums sagatavots divos eksemplāros, pa vienam katrai pusei.",
    ),
    "en": (
        "Sublease of premises for a pop-up shop",
        "{intermediary_name}, {intermediary_address} (the Intermediary), and {trader_name}, "
        "represented by {trader_person}, e-mail {trader_email} (the Trader), agree as "
        "follows.\n\n"
        "1. The Intermediary sublets to the Trader the premises at {unit_address}, "
        "{unit_area} m², which the Trader uses only as a pop-up shop in the category "
        "“{category}”.\n\n"
        "2. The sublease starts on {term_start} and ends on {term_end}.\n\n"
        "3. The rent is {rent} a month; the service charges are {service_charges} a month. "
        "Part of a month is paid for by the day. The grant awarded to the Trader: {grant}."
        "\n\n"
        "4. The premises are sublet under the lease between their owner, {owner_name}, and the "
        "Intermediary (the Head Lease), which starts on {head_lease_start} and ends on "
        "{head_lease_end}. The sublease cannot outlast the Head Lease, and the Trader keeps the "
        "terms of the Head Lease on the use of the premises.\n\n"
        "5. The Intermediary hands the keys to the Trader on the first day of the sublease, and "
        "both parties sign a handover record. The Trader gives the keys to no one else and has "
        "no copies made without the Intermediary's consent.\n\n"
        "6. For the term of the sublease the Trader insures their goods and fittings and their "
        "liability to third parties, and shows the policy when the Intermediary asks. The "
        "Trader answers for any damage they cause to the premises.\n\n"
        "7. The Trader makes no alterations to the premises and does not sublet them.\n\n"
        "8. On the last day of the sublease the Trader vacates the premises and hands them back "
        "to the Intermediary clean and in the state in which they were received, fair wear and "
        "tear excepted, with all the keys; both parties sign a handover record.\n\n"
        "9. The sublease is part of the pop-up programme that {town_name} runs. The parties "
        "first try to settle any dispute between themselves.\n\n"
        "10. The agreement is made in two copies, one for each party.",
    ),
}
DEFAULT_TEMPLATES = {Kind.OWNER: OWNER_DEFAULTS, Kind.SUBLEASE: SUBLEASE_DEFAULTS}
FALLBACK_LANGUAGE = "en"


def braced(names) -> str:
    """The placeholders as one writes them: "{owner_name}, {rent}"."""
    return ", ".join("{" + name + "}" for name in names)


def unknown_placeholders(text: str, kind: str) -> list[str]:
    """The names in braces that are not placeholders of `kind`, in order, each once."""
    known = PLACEHOLDERS[kind]
    found = [name for name in PLACEHOLDER.findall(text) if name not in known]
    return list(dict.fromkeys(found))


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with each {placeholder} replaced by its value; anything else is left as it is."""
    return PLACEHOLDER.sub(lambda match: values.get(match[1], match[0]), text)


def default_template(kind: str, language: str) -> tuple[str, str]:
    defaults = DEFAULT_TEMPLATES[kind]
    return defaults.get(language, defaults[FALLBACK_LANGUAGE])


def town_template(town: Town, kind: str, language: str) -> AgreementTemplate | None:
    """The town's own template of `kind` in `language`, if it has one (one query)."""
    return AgreementTemplate.objects.filter(town=town, kind=kind, language=language).first()


def agreement_wording(town: Town, kind: str, language: str) -> tuple[str, str]:
    """The title and body of `kind` to use in `language`: the town's own, else the default."""
    template = town_template(town, kind, language)
    if template is None:
        return default_template(kind, language)
    return template.title, template.body


def _refusal(text: str, kind: str) -> str | None:
    unknown = unknown_placeholders(text, kind)
    if not unknown:
        return None
    return _("Unknown placeholder: %(names)s. Use only: %(known)s.") % {
        "names": braced(unknown),
        "known": braced(PLACEHOLDERS[kind]),
    }


def template_save(
    *,
    town: Town,
    by,
    kind: str,
    language: str,
    title: str,
    body: str,
    version: int | None = None,
) -> AgreementTemplate:
    """Save the town's template of `kind` (owner agreement or sublease) in `language`, or
    changes made to version `version`."""
    require_coordinator(by, town)
    if kind not in PLACEHOLDERS:
        raise ValueError(f"No such agreement: {kind}")
    errors = {}
    if language not in town.languages:
        errors["language"] = _("The town does not publish in this language.")
    for field, text in (("title", title), ("body", body)):
        refusal = _refusal(text, kind)
        if refusal:
            errors[field] = refusal
    if not body.strip():
        errors["body"] = _("The agreement needs a text.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        template = town_template(town, kind, language)
        if template is None:
            template = AgreementTemplate(town=town, kind=kind, language=language)
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
