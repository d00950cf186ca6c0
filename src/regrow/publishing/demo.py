"""Demo content written from ../shared/facts/regrow-city.md, in Latvian and English."""

from datetime import datetime
from zoneinfo import ZoneInfo

from regrow.accounts.models import User
from regrow.lib.demo import Demo
from regrow.network.models import Network
from regrow.publishing.models import Entry, Person
from regrow.publishing.services import entry_save
from regrow.towns.models import Town

RIGA = ZoneInfo("Europe/Riga")


def at(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=RIGA)


# (publisher slug, kind, translation key, published, extra fields, {language: (title, lead, body)})
ENTRIES = [
    (
        "aluksne",
        Entry.Kind.NEWS,
        "meeting-article",
        at(2019, 2, 4),
        {"categories": ["Re-grow City"], "networks": ["regrow-city"]},
        {
            "lv": (
                "Alūksnē tikās projekta “Augoša pilsēta” partneri",
                "31. janvārī un 1. februārī Alūksnē notika URBACT pārneses tīkla partneru "
                "tikšanās par tukšajām telpām un pilsētu centru atjaunošanu.",
                "<p>Pirmajā dienā partneri pārrunāja projekta gaitu, pirmos pārneses plānu "
                "melnrakstus un to, kas katrā pilsētā jāpielāgo. Tika nosprausti mērķi un darba "
                "plāns nākamajiem trim mēnešiem.</p><p>Otrajā dienā partneri apmeklēja vietas "
                "Alūksnē, kur varētu izmēģināt pop-up veikalu metodi, ko pašvaldība izvēlējās, "
                "lai stiprinātu vietējo mazo uzņēmējdarbību.</p><p>“Tukšas telpas pilsētas centrā "
                "ir kopīga problēma visām partneru pilsētām,” stāsta projekta vadītāja.</p>",
            ),
            "en": (
                "Re-grow City partners met in Alūksne",
                "On 31 January and 1 February the partners of the URBACT Transfer Network met in "
                "Alūksne to work on vacant premises and the renewal of town centres.",
                "<p>On the first day the partners reviewed the progress of the project, the first "
                "drafts of their Transfer Plans and what each town has to adapt, and set goals "
                "and a work plan for the next three months.</p><p>On the second day they visited "
                "places in Alūksne where the pop-up shop method could be tried: the municipality "
                "chose it to strengthen local small business.</p><p>“Empty shops in the town "
                "centre are a problem every partner town shares,” says the project manager.</p>",
            ),
        },
    ),
    (
        "aluksne",
        Entry.Kind.EVENT,
        "meeting-event",
        at(2019, 1, 20),
        {
            "starts_at": at(2019, 1, 31, 9),
            "ends_at": at(2019, 2, 1, 16),
            "place_name": "Alūksnes novada pašvaldība",
            "place_address": "Dārza iela 11, Alūksne, LV-4301",
            # Approximately the municipality's building, for the map link.
            "latitude": "57.423600",
            "longitude": "27.047800",
            "networks": ["regrow-city"],
        },
        {
            "lv": (
                "Re-grow City partneru tikšanās Alūksnē",
                "Pārneses fāzes sākuma tikšanās: tukšās telpas un pilsētu centru atjaunošana.",
                "<p>Pirmā diena: projekta gaita un pārneses plāni. Otrā diena: vietu apmeklējumi "
                "pop-up veikalu metodes izpētei.</p>",
            ),
            "en": (
                "Re-grow City partner meeting in Alūksne",
                "The kick-off meeting of the transfer phase: vacant premises and town-centre "
                "renewal.",
                "<p>Day 1: project progress and Transfer Plans. Day 2: site visits to study the "
                "pop-up shop method.</p>",
            ),
        },
    ),
    (
        "aluksne",
        Entry.Kind.NEWS,
        "premises-call",
        at(2019, 7, 8),
        {"categories": ["Pop-up"]},
        {
            "lv": (
                "Pašvaldība aicina pieteikt tukšas telpas pilsētas centrā",
                "Īpašnieki, kuru telpas stāv tukšas, aicināti tās piedāvāt pop-up veikaliem.",
                "<p>Pašvaldība vienosies ar īpašniekiem un būs starpnieks starp viņiem un "
                "uzņēmējiem, kas vēlas izmēģināt savu ideju.</p>",
            ),
            "en": (
                "The municipality asks for empty premises in the town centre",
                "Owners of empty premises are invited to offer them to pop-up shops.",
                "<p>The municipality will negotiate with owners and act as intermediary between "
                "them and entrepreneurs who want to test an idea.</p>",
            ),
        },
    ),
    (
        "aluksne",
        Entry.Kind.NEWS,
        "first-popup",
        at(2019, 11, 15),
        {"categories": ["Pop-up"]},
        {
            "lv": (
                "Pilsētas centrā atvērta pirmā pop-up telpa",
                "Tajā darbu sākuši divi mazi uzņēmumi: šūšanas darbnīca un "
                "skaistumkopšanas salons.",
                "<p>Drīzumā sekos arī pop-up modes pasākums.</p>",
            ),
            "en": (
                "The first pop-up space opens in the town centre",
                "Two small businesses have moved in: a tailor and a beauty salon.",
                "<p>A pop-up fashion event is to follow.</p>",
            ),
        },
    ),
    (
        "regrow-city",
        Entry.Kind.PROJECT,
        "network-project",
        at(2018, 6, 1),
        {"categories": ["URBACT"]},
        {
            "en": (
                "Re-grow City — Tackling Long-Term Decline in Smaller Cities",
                "A Transfer Network of the URBACT III programme, led by Altena.",
                "<p>Altena lost about 14,000 inhabitants between 1975 and 2014 and fought back "
                "by creating lasting businesses with local actors in tourism, hospitality and "
                "retail. Its partners — Alūksne, Idrija, Melgaço, Manresa, Nyírbátor, "
                "Igoumenitsa and Isernia — adapt its practice in their own Transfer Plans.</p>"
                "<ul><li>Pop-up shops in empty town-centre units</li><li>A platform for "
                "volunteers and NGOs</li></ul>",
            ),
            "lv": (
                "Augoša pilsēta: Ilgtermiņa lejupslīdes pārvarēšana mazajās pilsētās",
                "URBACT III programmas pārneses tīkls, ko vada Altena.",
                "<p>Altena no 1975. līdz 2014. gadam zaudēja ap 14 000 iedzīvotāju un atguvās, "
                "kopā ar vietējiem tūrisma, viesmīlības un tirdzniecības uzņēmumiem radot "
                "noturīgu uzņēmējdarbību. Tās partneri pielāgo šo praksi saviem pārneses "
                "plāniem.</p><ul><li>Pop-up veikali tukšās centra telpās</li><li>Brīvprātīgo "
                "un NVO platforma</li></ul>",
            ),
        },
    ),
]


# The author's card is printed under the article in the article's language: one card per
# language (facts: a role title, no real person's name).
AUTHORS = {
    "lv": ("Sabiedrisko attiecību speciāliste", "Alūksnes novada pašvaldība"),
    "en": ("Public relations specialist", "Alūksne municipality"),
}


def _authors(town: Town) -> dict[str, Person]:
    authors = {}
    for language, (name, job_title) in AUTHORS.items():
        authors[language], _created = Person.objects.get_or_create(
            town=town,
            name=name,
            defaults={
                "job_title": job_title,
                "email": "press@aluksne.example.org",
                "phones": ["+371 60 000 001"],
                "postal_address": "Dārza iela 11\nAlūksne, LV-4301",
            },
        )
    # Demo data loaded before there was a card per language: Latvian entries get theirs.
    Entry.objects.filter(town=town, language="lv", author=authors["en"]).update(
        author=authors["lv"]
    )
    return authors


def load(demo: Demo) -> None:
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    aluksne = Town.objects.get(slug="aluksne")
    authors = _authors(aluksne)
    for slug, kind, _key, published_at, extra, texts in ENTRIES:
        town = Town.objects.filter(slug=slug).first()
        network = None if town else Network.objects.get(slug=slug)
        first = None
        for language, (title, lead, body) in texts.items():
            existing = Entry.objects.filter(
                town=town, network=network, language=language, title=title
            ).first()
            if existing:
                first = first or existing
                continue
            entry = Entry(
                town=town,
                network=network,
                language=language,
                kind=kind,
                author=authors.get(language) if town else None,
                publish_at=published_at,
            )
            if first is not None:
                entry.translation_group = first.translation_group
            fields = dict(extra)
            if "networks" in fields:
                fields["networks"] = list(Network.objects.filter(slug__in=fields["networks"]))
            entry, _notices = entry_save(
                entry=entry, by=admin, title=title, lead=lead, body=body, **fields
            )
            first = first or entry
    pictures_ensure(aluksne, by=admin)


# The demo's drawings (lib/demo_art.py), one per story, described in the story's language.
PICTURE_ALT = {
    "lv": "Zīmējums: veikalu skatlogi un markīzes pilsētas centra ielā",
    "en": "Drawing: shop windows and awnings on a town-centre street",
}
PALETTES = [
    ("#4f86c6", ["#e9d8a6", "#94d2bd", "#ee9b00", "#f4f1de"]),
    ("#2a6f97", ["#f2cc8f", "#e07a5f", "#81b29a", "#f4f1de"]),
    ("#5e60ce", ["#ffd6a5", "#caffbf", "#9bf6ff", "#fdffb6"]),
    ("#3d5a80", ["#e0fbfc", "#ee6c4d", "#98c1d9", "#f6bd60"]),
]


def pictures_ensure(town: Town, *, by) -> None:
    """Give each of the town's demo stories a picture, once."""
    from django.core.files.base import ContentFile

    from regrow.lib.demo_art import street_picture
    from regrow.publishing import renditions
    from regrow.publishing.models import Image

    groups = Entry.objects.filter(town=town).order_by("publish_at", "pk")
    seen: dict = {}
    for entry in groups:
        if entry.image_id:
            continue
        index = seen.setdefault(entry.translation_group, len(seen))
        sky, facades = PALETTES[index % len(PALETTES)]
        drawing = ContentFile(street_picture(index, sky=sky, facades=facades), name="demo.jpg")
        image = Image(
            town=town,
            alt_text=PICTURE_ALT.get(entry.language, PICTURE_ALT["en"]),
            credit="regrow",
            uploaded_by=by,
        )
        image.file.save(drawing.name, drawing, save=False)
        image.full_clean()
        image.save()
        entry_save(entry=entry, by=by, image=image)
        renditions.sources(image)  # made now, not by the first reader
