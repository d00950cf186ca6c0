"""A town as the issuer of the documents regrow makes for it (reports, agreements, leases)."""

from regrow.lib import documents
from regrow.towns.models import Town


def town_issuer(town: Town) -> documents.Issuer:
    """The town's name, postal address and logo, for a document's head."""
    logo, logo_type = None, "image/png"
    if town.logo:
        try:
            with town.logo.open("rb") as file:
                logo, logo_type = documents.printable_picture(file.read())
        except OSError:
            logo = None  # a logo missing from storage leaves the name alone, not a failed file
    return documents.Issuer(
        name=town.name, address_lines=town.postal_address_lines, logo=logo, logo_type=logo_type
    )
