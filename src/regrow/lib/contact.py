"""Contact details shown in the page header of a town or a network."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from regrow.lib.countries import COUNTRIES

PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()\-./]{4,24}$")


def validate_phones(phones: list[str]) -> None:
    if not isinstance(phones, list):
        raise ValidationError(_("Phones must be a list of numbers."))
    bad = [phone for phone in phones if not PHONE_PATTERN.match(str(phone))]
    if bad:
        raise ValidationError(
            _("Not a phone number: %(numbers)s. Use digits, spaces and an optional leading +.")
            % {"numbers": ", ".join(map(str, bad))}
        )


def phone_href(phone: str) -> str:
    """A `tel:` link target: the number without spaces or punctuation."""
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


class ContactDetails(models.Model):
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    phones = models.JSONField(_("phones"), default=list, blank=True, validators=[validate_phones])
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    locality = models.CharField(_("town or city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)

    class Meta:
        abstract = True

    @property
    def phone_links(self) -> list[tuple[str, str]]:
        return [(phone, phone_href(phone)) for phone in self.phones]

    @property
    def postal_address_lines(self) -> list[str]:
        city = " ".join(part for part in [self.postal_code, self.locality] if part)
        lines = [self.street_address, city, self.get_country_display()]
        return [line for line in lines if line]
