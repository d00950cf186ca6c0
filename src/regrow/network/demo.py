"""The Re-grow City transfer network (from ../shared/facts/regrow-city.md)."""

from regrow.lib.demo import Demo
from regrow.network.models import Network, Partner
from regrow.towns.models import Town

NETWORK = {
    "slug": "regrow-city",
    "names": {
        "en": "Re-grow City — Tackling Long-Term Decline in Smaller Cities",
        "lv": "Augoša pilsēta: Ilgtermiņa lejupslīdes pārvarēšana mazajās pilsētās",
    },
    "summaries": {
        "en": (
            "A Transfer Network of the URBACT III programme. Altena, a German town that lost "
            "about 14,000 of its inhabitants between 1975 and 2014 and fought back with its "
            "local businesses and volunteers, shares its good practice; seven smaller European "
            "towns facing closed industries, unemployment, a shrinking population and young "
            "people moving away adapt it in their own Transfer Plans."
        ),
        "lv": (
            "URBACT III programmas pārneses tīkls. Altena, Vācijas pilsēta, kas no 1975. līdz "
            "2014. gadam zaudēja ap 14 000 iedzīvotāju un atguvās, sadarbojoties ar vietējiem "
            "uzņēmējiem un brīvprātīgajiem, dalās savā labajā praksē; septiņas mazākas Eiropas "
            "pilsētas, kuras skar slēgti uzņēmumi, bezdarbs, iedzīvotāju skaita sarukums un "
            "jauniešu aizplūšana, to pielāgo savos pārneses plānos."
        ),
    },
    "programme": "URBACT III",
    "country": "DE",
    "street_address": "Lüdenscheider Straße 22",
    "postal_code": "58762",
    "locality": "Altena",
    "contact_email": "regrow-city@example.org",
}
LEAD = "altena"
PARTNERS = ["aluksne", "idrija", "melgaco", "manresa", "nyirbator", "igoumenitsa", "isernia"]


def load(demo: Demo) -> None:
    network = Network.objects.filter(slug=NETWORK["slug"]).first() or Network()
    for name, value in NETWORK.items():
        setattr(network, name, value)
    network.full_clean()
    network.save()
    towns = {town.slug: town for town in Town.objects.filter(slug__in=[LEAD, *PARTNERS])}
    Partner.objects.update_or_create(
        network=network, town=towns[LEAD], defaults={"role": Partner.Role.LEAD}
    )
    for slug in PARTNERS:
        Partner.objects.update_or_create(
            network=network, town=towns[slug], defaults={"role": Partner.Role.PARTNER}
        )
