"""Fill the Latvian catalogue from the table below, then compile it (run by `make messages`).

Kept as a table in the repository so that translations survive `makemessages` and can be
reviewed as one file.
"""

import sys
from pathlib import Path

import polib

LV = {
    "Personal details": "Personas dati",
    "Permissions": "Atļaujas",
    "Dates": "Datumi",
    "Accounts": "Konti",
    "e-mail address": "e-pasta adrese",
    "full name": "vārds un uzvārds",
    "preferred language": "vēlamā valoda",
    "active": "aktīvs",
    "staff status": "darbinieka statuss",
    "May sign in to the administration site.": "Var ieiet administrēšanas vietnē.",
    "date joined": "pievienošanās datums",
    "user": "lietotājs",
    "users": "lietotāji",
    "Sign-in paused": "Pierakstīšanās apturēta",
    'If you have forgotten your password, you can <a href="%(reset_url)s">set a new one by '
    "e-mail</a>.": 'Ja esat aizmirsis paroli, varat <a href="%(reset_url)s">iestatīt jaunu, '
    "izmantojot e-pastu</a>.",
    "Phones must be a list of numbers.": "Tālruņiem jābūt numuru sarakstam.",
    "Not a phone number: %(numbers)s. Use digits, spaces and an optional leading +.": (
        "Nav tālruņa numurs: %(numbers)s. Izmantojiet ciparus, atstarpes un, ja vajag, + sākumā."
    ),
    "contact e-mail": "kontakta e-pasts",
    "phones": "tālruņi",
    "street address": "iela un mājas numurs",
    "postal code": "pasta indekss",
    "town or city": "pilsēta vai ciems",
    "country": "valsts",
    "Austria": "Austrija",
    "Belgium": "Beļģija",
    "Bulgaria": "Bulgārija",
    "Switzerland": "Šveice",
    "Cyprus": "Kipra",
    "Czechia": "Čehija",
    "Germany": "Vācija",
    "Denmark": "Dānija",
    "Estonia": "Igaunija",
    "Spain": "Spānija",
    "Finland": "Somija",
    "France": "Francija",
    "Greece": "Grieķija",
    "Croatia": "Horvātija",
    "Hungary": "Ungārija",
    "Ireland": "Īrija",
    "Iceland": "Islande",
    "Italy": "Itālija",
    "Liechtenstein": "Lihtenšteina",
    "Lithuania": "Lietuva",
    "Luxembourg": "Luksemburga",
    "Latvia": "Latvija",
    "Malta": "Malta",
    "Netherlands": "Nīderlande",
    "Norway": "Norvēģija",
    "Poland": "Polija",
    "Portugal": "Portugāle",
    "Romania": "Rumānija",
    "Sweden": "Zviedrija",
    "Slovenia": "Slovēnija",
    "Slovakia": "Slovākija",
    "Ukraine": "Ukraina",
    "United Kingdom": "Apvienotā Karaliste",
    "Choose at least one language.": "Izvēlieties vismaz vienu valodu.",
    "Unknown language code(s): %(codes)s.": "Nezināms valodas kods: %(codes)s.",
    "Expected texts keyed by language code.": "Gaidīti teksti, kas sakārtoti pēc valodas koda.",
    "“%(slug)s” is reserved by the site.": "Adrese “%(slug)s” ir rezervēta vietnei.",
    "“%(slug)s” is already the address of a %(kind)s.": (
        "Adrese “%(slug)s” jau ir aizņemta (%(kind)s)."
    ),
    "Transfer networks": "Pārneses tīkli",
    "web address": "tīmekļa adrese",
    "name in each language": "nosaukums katrā valodā",
    "summary in each language": "apraksts katrā valodā",
    "programme": "programma",
    "For example URBACT III.": "Piemēram, URBACT III.",
    "partner towns": "partnerpilsētas",
    "started on": "sākums",
    "ended on": "beigas",
    "network": "tīkls",
    "networks": "tīkli",
    "A network cannot end before it starts.": "Tīkls nevar beigties pirms tā sākuma.",
    "Lead partner and good-practice city": "Vadošais partneris un labās prakses pilsēta",
    "Partner": "Partneris",
    "town": "pilsēta",
    "role": "loma",
    "joined on": "pievienojās",
    "partner": "partneris",
    "partners": "partneri",
    "Home": "Sākums",
    "A transfer network of the %(programme)s programme": "%(programme)s programmas pārneses tīkls",
    "Partners": "Partneri",
    "No partner towns yet.": "Partnerpilsētu vēl nav.",
    "Latvian": "latviešu",
    "English": "angļu",
    "German": "vācu",
    "Slovenian": "slovēņu",
    "Portuguese": "portugāļu",
    "Spanish": "spāņu",
    "Hungarian": "ungāru",
    "Greek": "grieķu",
    "Italian": "itāļu",
    "Not allowed": "Nav atļauts",
    "You may not open this page": "Jums nav atļauts atvērt šo lapu",
    "Your roles do not allow this. If you think they should, ask the coordinator of your town "
    "to invite you to the right role.": "Jūsu lomas to neatļauj. Ja domājat, ka vajadzētu, "
    "lūdziet savas pašvaldības koordinatoru uzaicināt jūs atbilstošā lomā.",
    "Go to the home page": "Uz sākumlapu",
    "Page not found": "Lapa nav atrasta",
    "There is no page at this address. It may have moved, or the link may be mistyped.": (
        "Šajā adresē lapas nav. Iespējams, tā ir pārvietota vai saitē ir kļūda."
    ),
    "Something went wrong": "Radās kļūda",
    "Something went wrong on our side": "Mūsu pusē kaut kas nogāja greizi",
    "The error has been recorded. Please try again in a few minutes.": (
        "Kļūda ir reģistrēta. Lūdzu, mēģiniet vēlreiz pēc dažām minūtēm."
    ),
    "Skip to main content": "Pāriet uz galveno saturu",
    "Contacts": "Kontakti",
    "Language": "Valoda",
    "Account": "Konts",
    "My towns": "Manas pašvaldības",
    "Sign out": "Iziet",
    "Sign in": "Ieiet",
    "Main": "Galvenā navigācija",
    "town-centre revival, shared between towns": (
        "pilsētu centru atdzimšana, pilsētām sadarbojoties"
    ),
    "Towns and networks": "Pilsētas un tīkli",
    "Small towns, reviving their centres together": "Mazās pilsētas kopā atdzīvina savus centrus",
    "Towns keep a register of empty shop units, lend them to pop-up shops, and learn from each "
    "other in transfer networks.": "Pilsētas uztur tukšo veikalu telpu reģistru, nodod telpas "
    "īslaicīgiem (pop-up) veikaliem un mācās cita no citas pārneses tīklos.",
    "Networks": "Tīkli",
    "Partner towns:": "Partnerpilsētas:",
    "No network has been set up yet.": "Neviens tīkls vēl nav izveidots.",
    "Towns": "Pilsētas",
    "No town has been set up yet.": "Neviena pilsēta vēl nav pievienota.",
    "%(town)s takes part as %(role)s in:": "%(town)s piedalās kā %(role)s tīklā:",
    "%(town)s is not part of a transfer network yet.": (
        "%(town)s vēl nav neviena pārneses tīkla dalībniece."
    ),
    "Nothing has been published here yet.": "Šeit vēl nekas nav publicēts.",
    "E-mail address": "E-pasta adrese",
    "Role": "Loma",
    "Choose a role": "Izvēlieties lomu",
    "Your name": "Jūsu vārds",
    "Password": "Parole",
    "Password (again)": "Parole (atkārtoti)",
    "The two passwords differ.": "Abas paroles nesakrīt.",
    "Languages": "Valodas",
    "Phones": "Tālruņi",
    "One number a line.": "Katrā rindā viens numurs.",
    "Coordinators must sign in with two factors. Set up an authenticator app to continue.": (
        "Koordinatoriem jāpierakstās ar divu faktoru autentifikāciju. Lai turpinātu, iestatiet "
        "autentifikācijas lietotni."
    ),
    "“%(name)s” is not a time zone; use a name such as Europe/Riga.": (
        "“%(name)s” nav laika josla; izmantojiet nosaukumu, piemēram, Europe/Riga."
    ),
    "Coordinator": "Koordinators",
    "Editor": "Redaktors",
    "Jury member": "Žūrijas loceklis",
    "Property owner": "Īpašuma īpašnieks",
    "Entrepreneur": "Uzņēmējs",
    "name": "nosaukums",
    "Used in page addresses.": "Tiek izmantots lapu adresēs.",
    "languages": "valodas",
    "Languages the town publishes in, the main one first.": (
        "Valodas, kurās pilsēta publicē; galvenā valoda pirmā."
    ),
    "time zone": "laika josla",
    "centre latitude": "centra platums",
    "centre longitude": "centra garums",
    "towns": "pilsētas",
    "person": "persona",
    "since": "kopš",
    "granted by": "piešķīra",
    "membership": "dalība",
    "memberships": "dalības",
    "language": "valoda",
    "invited by": "uzaicināja",
    "sent": "nosūtīts",
    "expires": "derīgs līdz",
    "accepted": "pieņemts",
    "accepted by": "pieņēma",
    "invitation": "ielūgums",
    "invitations": "ielūgumi",
    "This invitation link is not valid. Check that you copied all of it.": (
        "Šī ielūguma saite nav derīga. Pārbaudiet, vai nokopējāt to visu."
    ),
    "This invitation has already been used. Sign in to reach %(town)s.": (
        "Šis ielūgums jau ir izmantots. Ieejiet, lai piekļūtu: %(town)s."
    ),
    "This invitation expired on %(date)s. Ask the coordinator of %(town)s to send you a new "
    "one.": "Šī ielūguma derīgums beidzās %(date)s. Lūdziet pašvaldības %(town)s koordinatoru "
    "nosūtīt jaunu.",
    "%(email)s already has this role in %(town)s.": "%(email)s jau ir šī loma: %(town)s.",
    "Invitation to regrow: %(role)s in %(town)s": "Ielūgums uz regrow: %(role)s, %(town)s",
    "This invitation has already been used.": "Šis ielūgums jau ir izmantots.",
    "This invitation has expired.": "Šī ielūguma derīgums ir beidzies.",
    "This invitation was sent to %(email)s. Sign in with that address, or add it to your "
    "account, to accept it.": "Šis ielūgums tika nosūtīts uz %(email)s. Lai to pieņemtu, "
    "ieejiet ar šo adresi vai pievienojiet to savam kontam.",
    "An account with this address exists already. Please sign in.": (
        "Konts ar šo adresi jau ir. Lūdzu, ieejiet."
    ),
    "Unknown role.": "Nezināma loma.",
    "Your roles:": "Jūsu lomas:",
    "Public pages": "Publiskās lapas",
    "You have no role in any town yet. A town's coordinator can invite you.": (
        "Jums vēl nav lomas nevienā pašvaldībā. Pašvaldības koordinators var jūs uzaicināt."
    ),
    "Two-factor authentication": "Divu faktoru autentifikācija",
    "Change password": "Mainīt paroli",
    "Hello,\n\n%(inviter)s invites you to regrow, the platform %(town)s uses for its town-centre "
    "work, as %(role)s.\n\nOpen this link to accept. It works once and until %(expires)s:": (
        "Labdien!\n\n%(inviter)s aicina jūs pievienoties regrow — platformai, ko %(town)s izmanto "
        "pilsētas centra attīstībai — lomā: %(role)s.\n\nLai pieņemtu ielūgumu, atveriet šo "
        "saiti. Tā derīga vienu reizi un līdz %(expires)s:"
    ),
    "If you did not expect this message, you can ignore it.": (
        "Ja negaidījāt šo vēstuli, varat to neņemt vērā."
    ),
    "Invitation": "Ielūgums",
    "Invitation to %(town)s": "Ielūgums: %(town)s",
    "You are invited as <strong>%(role)s</strong>. The invitation was sent to %(email)s.": (
        "Jūs esat uzaicināts lomā <strong>%(role)s</strong>. Ielūgums nosūtīts uz %(email)s."
    ),
    "Accept the invitation": "Pieņemt ielūgumu",
    "You already have an account with this address.": "Jums jau ir konts ar šo adresi.",
    "Sign in to accept": "Ieiet, lai pieņemtu",
    "Create your account": "Izveidojiet savu kontu",
    "Create account and accept": "Izveidot kontu un pieņemt",
    "Invitation cannot be used": "Ielūgumu nevar izmantot",
    "This invitation cannot be used": "Šo ielūgumu nevar izmantot",
    "Contact": "Kontakti",
    "E-mail": "E-pasts",
    "Phone": "Tālrunis",
    "Workspace of %(town)s": "Darba vieta: %(town)s",
    "Workspace": "Darba vieta",
    "Your roles here:": "Jūsu lomas šeit:",
    "People and roles": "Cilvēki un lomas",
    "People with a role in this town": "Cilvēki, kam ir loma šajā pašvaldībā",
    "Name": "Vārds",
    "Since": "Kopš",
    "Open invitations": "Nepieņemtie ielūgumi",
    "Invitations not yet accepted": "Vēl nepieņemtie ielūgumi",
    "Expires": "Derīgs līdz",
    "No open invitations.": "Nepieņemtu ielūgumu nav.",
    "Invite a person": "Uzaicināt cilvēku",
    "They get an e-mail with a link that works once, for 7 days.": (
        "Viņš saņems e-pastu ar saiti, kas derīga vienu reizi 7 dienas."
    ),
    "Send invitation": "Sūtīt ielūgumu",
    "Invitation sent to %(email)s. The link works once, for 7 days.": (
        "Ielūgums nosūtīts uz %(email)s. Saite derīga vienu reizi 7 dienas."
    ),
    "Welcome! You are now %(role)s in %(town)s.": (
        "Laipni lūgti! Jūsu loma pašvaldībā %(town)s: %(role)s."
    ),
    "News": "Aktualitātes",
    "Events": "Pasākumi",
    "Projects": "Projekti",
    "Map": "Karte",
    "Pop-ups": "Pop-up veikali",
    "Network": "Tīkls",
}

LV_PLURAL = {
    "Too many wrong passwords were tried for this account from your connection. For your "
    "safety, signing in is paused for %(minutes)s minute. Nothing in your account has "
    "changed.": {
        0: "No jūsu savienojuma šim kontam ievadīts pārāk daudz nepareizu paroļu. Jūsu drošībai "
        "pierakstīšanās ir apturēta uz %(minutes)s minūti. Jūsu kontā nekas nav mainījies.",
        1: "No jūsu savienojuma šim kontam ievadīts pārāk daudz nepareizu paroļu. Jūsu drošībai "
        "pierakstīšanās ir apturēta uz %(minutes)s minūtēm. Jūsu kontā nekas nav mainījies.",
        2: "No jūsu savienojuma šim kontam ievadīts pārāk daudz nepareizu paroļu. Jūsu drošībai "
        "pierakstīšanās ir apturēta uz %(minutes)s minūtēm. Jūsu kontā nekas nav mainījies.",
    },
}


def fill(po_path: Path) -> list[str]:
    catalogue = polib.pofile(str(po_path))
    missing = []
    for entry in catalogue:
        if entry.msgid_plural:
            forms = LV_PLURAL.get(entry.msgid)
            if forms:
                entry.msgstr_plural = forms
        elif entry.msgid in LV:
            entry.msgstr = LV[entry.msgid]
        if "fuzzy" in entry.flags and (entry.msgstr or entry.msgid_plural):
            entry.flags.remove("fuzzy")
        if not entry.translated():
            missing.append(entry.msgid)
    catalogue.save()
    return missing


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "src/regrow/locale/lv/LC_MESSAGES/django.po")
    untranslated = fill(path)
    for msgid in untranslated:
        print(f"untranslated: {msgid!r}")
    sys.exit(1 if untranslated else 0)
