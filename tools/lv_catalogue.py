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

# The vacancy register (premises).
LV.update(
    {
        "Vacancy register": "Telpu reģistrs",
        "Café, bar or restaurant": "Kafejnīca, bārs vai restorāns",
        "Food shop": "Pārtikas veikals",
        "Clothing and shoes": "Apģērbi un apavi",
        "Crafts and gifts": "Amatniecība un dāvanas",
        "Art gallery or culture": "Mākslas galerija vai kultūra",
        "Beauty and health": "Skaistumkopšana un veselība",
        "Services and repairs": "Pakalpojumi un remonts",
        "Books and media": "Grāmatas un mediji",
        "Home and garden": "Māja un dārzs",
        "Sports and leisure": "Sports un atpūta",
        "Second-hand and repair": "Lietotas preces un labošana",
        "Office or workshop": "Birojs vai darbnīca",
        "Other": "Cits",
        "Basement": "Pagrabstāvs",
        "Ground floor": "Pirmais stāvs",
        "Upper floor": "Augšējais stāvs",
        "Ready to use": "Gatavs lietošanai",
        "Needs work": "Vajadzīgs remonts",
        "Unusable": "Nav lietojams",
        "Occupied": "Aizņemts",
        "Partly vacant": "Daļēji tukšs",
        "Vacant": "Tukšs",
        "Let again": "Atkal iznomāts",
        "Register": "Reģistrs",
        "Street survey": "Ielas apsekojums",
        "Owner": "Īpašnieks",
        "Import": "Imports",
        "Permitted uses": "Atļautie izmantošanas veidi",
        "Asking rent (€ a month)": "Prasītā īres maksa (€ mēnesī)",
        "Status": "Statuss",
        "Use": "Izmantojums",
        "Note": "Piezīme",
        "On": "Datums",
        "Street": "Iela",
        "Zone": "Zona",
        "All streets": "Visas ielas",
        "Whole town": "Visa pilsēta",
        "File": "Fails",
        "GeoJSON, CSV (UTF-8 or Windows-1257, “,” or “;”) or XLSX.": (
            "GeoJSON, CSV (UTF-8 vai Windows-1257, “,” vai “;”) vai XLSX."
        ),
        "CSV encoding": "CSV kodējums",
        "Detect": "Noteikt automātiski",
        "The file is larger than 100 MB.": "Fails ir lielāks par 100 MB.",
        "A zone must be a GeoJSON Polygon or MultiPolygon.": (
            "Zonai jābūt GeoJSON Polygon vai MultiPolygon."
        ),
        "The zone's outline crosses itself or encloses no area.": (
            "Zonas robeža krusto pati sevi vai neietver laukumu."
        ),
        "The zone's coordinates cannot be read.": "Zonas koordinātas nevar nolasīt.",
        "The zone's coordinates are outside longitude and latitude ranges.": (
            "Zonas koordinātas ir ārpus ģeogrāfiskā garuma un platuma robežām."
        ),
        "Expected a list of shop categories.": "Gaidīts veikalu kategoriju saraksts.",
        "Unknown shop category: %(codes)s.": "Nezināma veikala kategorija: %(codes)s.",
        "Unknown reason.": "Nezināms iemesls.",
        "Person": "Privātpersona",
        "Organisation": "Organizācija",
        "Unknown": "Nezināms",
        "Identified": "Noskaidrots",
        "Contacted": "Sazinājāmies",
        "Interested": "Ieinteresēts",
        "Agreed": "Piekrita",
        "Declined": "Atteica",
        "Plans to redevelop": "Plāno pārbūvi",
        "Income from upper floors is enough": "Pietiek ar ienākumiem no augšējiem stāviem",
        "Hopes for past rents": "Cer uz agrāko īres maksu",
        "Lender's conditions": "Aizdevēja nosacījumi",
        "Fit-out costs": "Iekārtošanas izmaksas",
        "kind": "veids",
        "e-mail": "e-pasts",
        "phone": "tālrunis",
        "postal address": "pasta adrese",
        "lives locally": "dzīvo uz vietas",
        "agrees to be contacted": "piekrīt saziņai",
        "outreach": "saziņas statuss",
        "outreach status since": "saziņas statuss kopš",
        "reasons for not letting": "iemesli, kāpēc neizīrē",
        "about the reasons": "par iemesliem",
        "account": "konts",
        "The owner's own account, through which they see and correct their units.": (
            "Īpašnieka konts, kurā viņš redz un labo savas telpas."
        ),
        "owner": "īpašnieks",
        "owners": "īpašnieki",
        "Letter": "Vēstule",
        "Visit": "Apmeklējums",
        "Meeting": "Tikšanās",
        "date": "datums",
        "channel": "saziņas veids",
        "what was said": "kas tika pārrunāts",
        "outreach status after": "saziņas statuss pēc tam",
        "next step": "nākamais solis",
        "next step on": "nākamā soļa datums",
        "contact": "saziņa",
        "contact log": "saziņas žurnāls",
        "external id": "ārējais identifikators",
        "The unit's identifier in imported files; re-imports update by it.": (
            "Telpas identifikators importētajos failos; atkārtots imports atjaunina pēc tā."
        ),
        "street": "iela",
        "house number": "mājas numurs",
        "postcode": "pasta indekss",
        "address": "adrese",
        "latitude": "platums",
        "longitude": "garums",
        "floor area (m²)": "platība (m²)",
        "frontage (m)": "skatlogu fronte (m)",
        "floor": "stāvs",
        "previous use": "iepriekšējais izmantojums",
        "permitted uses": "atļautie izmantošanas veidi",
        "condition": "stāvoklis",
        "step-free access": "piekļuve bez pakāpieniem",
        "power": "elektrība",
        "water": "ūdens",
        "heating": "apkure",
        "asking rent (cents a month)": "prasītā īres maksa (centi mēnesī)",
        "notes": "piezīmes",
        "in the register since": "reģistrā kopš",
        "No status can be dated before this day.": "Statusu nevar datēt pirms šīs dienas.",
        "offered for use": "piedāvāts izmantošanai",
        "Shown on the public map of units available for pop-ups or letting.": (
            "Rāda publiskajā kartē starp telpām, kas pieejamas pop-up veikaliem vai īrei."
        ),
        "unit": "telpa",
        "units": "telpas",
        "effective on": "spēkā no",
        "status": "statuss",
        "use": "izmantojums",
        "source": "avots",
        "note": "piezīme",
        "recorded by": "ierakstīja",
        "recorded at": "ierakstīts",
        "status change": "statusa maiņa",
        "status history": "statusu vēsture",
        "zone": "zona",
        "zones": "zonas",
        "area": "teritorija",
        "A GeoJSON Polygon or MultiPolygon.": "GeoJSON Polygon vai MultiPolygon.",
        "Someone else saved this unit while you were editing it. Your changes were not saved; "
        "they are still in the form. Reload the unit to see theirs.": (
            "Kamēr jūs labojāt, kāds cits saglabāja šo telpu. Jūsu izmaiņas netika saglabātas; "
            "tās joprojām ir veidlapā. Atveriet telpu no jauna, lai redzētu otra izmaiņas."
        ),
        "A status cannot be dated in the future.": "Statusu nevar datēt nākotnē.",
        "The unit has been in the register only since %(date)s; date the status on or after "
        "that day.": (
            "Telpa ir reģistrā tikai kopš %(date)s; datējiet statusu ar šo vai vēlāku dienu."
        ),
        "%(date)s is before the unit was listed on %(listed)s.": (
            "%(date)s ir pirms telpas iekļaušanas reģistrā (%(listed)s)."
        ),
        "Import units": "Telpu imports",
        "Every row is checked first. Nothing is written unless every row is right; importing "
        "the same file again changes nothing.": "Vispirms tiek pārbaudīta katra rinda. Nekas "
        "netiek ierakstīts, ja kāda rinda ir kļūdaina; tā paša faila atkārtots imports neko "
        "nemaina.",
        "Problems found in the file": "Failā atrastās problēmas",
        "Row": "Rinda",
        "Field": "Lauks",
        "Problem": "Problēma",
        "Check the file": "Pārbaudīt failu",
        "Check before importing": "Pārbaudiet pirms importa",
        "Every row of %(name)s is valid: %(count)s units, %(new)s new and %(known)s already in "
        "the register (they will be updated where they differ).": "Visas faila %(name)s rindas "
        "ir derīgas: %(count)s telpas, %(new)s jaunas un %(known)s jau reģistrā (tās tiks "
        "atjauninātas, ja atšķiras).",
        "The first rows": "Pirmās rindas",
        "External id": "Ārējais identifikators",
        "Address": "Adrese",
        "Area (m²)": "Platība (m²)",
        "Import all units": "Importēt visas telpas",
        "Cancel": "Atcelt",
        "My units": "Manas telpas",
        "No units are linked to your account.": "Jūsu kontam nav piesaistītu telpu.",
        "Shop units offered for use": "Izmantošanai piedāvātās veikalu telpas",
        "Empty shop units in %(town)s that can be used for a pop-up shop or let. Contact the "
        "municipality to arrange a visit.": "Tukšās veikalu telpas pašvaldībā %(town)s, kuras "
        "var izmantot pop-up veikalam vai iznomāt. Lai vienotos par apskati, sazinieties ar "
        "pašvaldību.",
        "Floor area": "Platība",
        "Floor": "Stāvs",
        "Condition": "Stāvoklis",
        "Step-free access": "Piekļuve bez pakāpieniem",
        "Asking rent": "Prasītā īres maksa",
        "a month": "mēnesī",
        "No units are offered at the moment.": "Pašlaik netiek piedāvāta neviena telpa.",
        "Register of units": "Telpu reģistrs",
        "Register of units: %(town)s": "Telpu reģistrs: %(town)s",
        "Vacancy rate: <strong>%(percent)s %%</strong>.": (
            "Tukšo telpu īpatsvars: <strong>%(percent)s %%</strong>."
        ),
        "Add a unit": "Pievienot telpu",
        "Vacancy by date, street and zone": "Tukšās telpas pēc datuma, ielas un zonas",
        "Export:": "Eksports:",
        "Units of the register": "Reģistra telpas",
        "No units yet. Add one, or import a file.": (
            "Telpu vēl nav. Pievienojiet telpu vai importējiet failu."
        ),
        "Record a status": "Ierakstīt statusu",
        "Record status": "Ierakstīt statusu",
        "History": "Vēsture",
        "Status history": "Statusu vēsture",
        "Source": "Avots",
        "Recorded": "Ierakstīts",
        "No status recorded yet.": "Statuss vēl nav ierakstīts.",
        "Description": "Apraksts",
        "Save changes": "Saglabāt izmaiņas",
        "Status now": "Pašreizējais statuss",
        "Add the unit": "Pievienot telpu",
        "Vacancy": "Tukšās telpas",
        "Show": "Rādīt",
        "Vacancy rate on %(day)s": "Tukšo telpu īpatsvars %(day)s",
        "No unit had a status on this day.": "Šajā dienā nevienai telpai nebija statusa.",
        "%(empty)s of %(usable)s usable units empty (a partly vacant unit counts as half).": (
            "Tukšas %(empty)s no %(usable)s lietojamām telpām (daļēji tukša telpa skaitās kā puse)."
        ),
        "Empty units, longest empty first": "Tukšās telpas, ilgāk tukšās vispirms",
        "Empty units": "Tukšās telpas",
        "Empty since": "Tukša kopš",
        "Days": "Dienas",
        "No empty units.": "Tukšu telpu nav.",
        "Vacancy rate at the end of each month": "Tukšo telpu īpatsvars katra mēneša beigās",
        "Monthly vacancy rate": "Tukšo telpu īpatsvars pa mēnešiem",
        "Month": "Mēnesis",
        "Vacancy rate": "Tukšo telpu īpatsvars",
        "Usable units": "Lietojamās telpas",
        "Imported %(total)s units: %(created)s new, %(updated)s updated, %(unchanged)s "
        "unchanged; %(statuses)s statuses recorded.": "Importētas %(total)s telpas: %(created)s "
        "jaunas, %(updated)s atjauninātas, %(unchanged)s bez izmaiņām; ierakstīti %(statuses)s "
        "statusi.",
        "This preview has already been imported or has expired.": (
            "Šis priekšskatījums jau ir importēts vai tam beidzies derīgums."
        ),
        "Unit %(unit)s added.": "Telpa %(unit)s pievienota.",
        "Changes saved.": "Izmaiņas saglabātas.",
        "Status recorded.": "Statuss ierakstīts.",
        "Choose a role": "Izvēlieties lomu",
        "street survey": "ielas apsekojums",
        "street surveys": "ielu apsekojumi",
        "surveyed on": "apsekošanas datums",
        "survey": "apsekojums",
        "A survey cannot be dated in the future.": "Apsekojumu nevar datēt nākotnē.",
        "Some units are not on this street any more; reload the page.": (
            "Dažas telpas vairs nav šajā ielā; atveriet lapu no jauna."
        ),
        "These units were not yet in the register on the survey day: %(units)s.": (
            "Šīs telpas apsekojuma dienā vēl nebija reģistrā: %(units)s."
        ),
        "Enter the survey date as YYYY-MM-DD.": "Ievadiet apsekojuma datumu kā GGGG-MM-DD.",
        "Choose one of the listed statuses.": "Izvēlieties kādu no norādītajiem statusiem.",
        "Choose the street you are walking. You will see its units in house-number order and "
        "tap what each looks like today.": "Izvēlieties ielu, pa kuru ejat. Redzēsiet tās telpas "
        "māju numuru secībā un katrai atzīmēsiet, kā tā izskatās šodien.",
        "Survey date": "Apsekojuma datums",
        "Save the survey": "Saglabāt apsekojumu",
        "Map of the units offered": "Piedāvāto telpu karte",
        "Pop-up": "Pop-up veikals",
        "Pop-up programme": "Pop-up programma",
        "This must be a number, not a list or an object.": (
            "Šeit jābūt skaitlim, nevis sarakstam vai objektam."
        ),
        "%(value)s is outside the range from -%(limit)s to %(limit)s.": (
            "%(value)s ir ārpus robežām no -%(limit)s līdz %(limit)s."
        ),
        "The floor area must be more than 0 m².": "Platībai jābūt lielākai par 0 m².",
        "The rent cannot be less than 0.": "Īres maksa nevar būt mazāka par 0.",
        "“%(value)s” is not a real date.": "“%(value)s” nav īsts datums.",
        "%(status_on)s is before the unit was listed on %(date)s.": (
            "%(status_on)s ir pirms telpas iekļaušanas reģistrā (%(date)s)."
        ),
        "The point's coordinates must be two numbers: [longitude, latitude].": (
            "Punkta koordinātām jābūt diviem skaitļiem: [garums, platums]."
        ),
        "The file has no “%(column)s” property.": "Failā nav īpašības “%(column)s”.",
        "The zone's outline crosses itself or encloses no area (%(reason)s).": (
            "Zonas robeža krusto pati sevi vai neietver laukumu (%(reason)s)."
        ),
        "Reasons for not letting": "Iemesli, kāpēc neizīrē",
        "The photo is larger than 10 MB.": "Fotogrāfija ir lielāka par 10 MB.",
        "Outreach": "Saziņa",
        "Units": "Telpas",
        "No units.": "Telpu nav.",
        "Contact log": "Saziņas žurnāls",
        "Record the contact": "Ierakstīt saziņu",
        "Contacts with this owner": "Saziņa ar šo īpašnieku",
        "Date": "Datums",
        "Channel": "Saziņas veids",
        "What was said": "Kas tika pārrunāts",
        "Next step": "Nākamais solis",
        "Who": "Kas",
        "No contacts recorded yet.": "Saziņa vēl nav ierakstīta.",
        "Details": "Dati",
        "Owners": "Īpašnieki",
        "Whom to contact next: the soonest next step first. Owners' details are visible only to "
        "the town's coordinators.": "Ar ko sazināties nākamo: vispirms tuvākais nākamais solis. "
        "Īpašnieku datus redz tikai pašvaldības koordinatori.",
        "Add an owner": "Pievienot īpašnieku",
        "Owners and their next steps": "Īpašnieki un nākamie soļi",
        "Lives locally": "Dzīvo uz vietas",
        "No owners yet.": "Īpašnieku vēl nav.",
        "Add the owner": "Pievienot īpašnieku",
        "Owner %(name)s added.": "Īpašnieks %(name)s pievienots.",
        "Contact recorded.": "Saziņa ierakstīta.",
        "GeoJSON file": "GeoJSON fails",
        "A FeatureCollection of Polygon features, each with a “name” property.": (
            "FeatureCollection ar Polygon objektiem, katram ar īpašību “name”."
        ),
        "From": "No",
        "To": "Līdz",
        "The period must end on or after its first day.": (
            "Periodam jābeidzas tā pirmajā dienā vai vēlāk."
        ),
        "Report for a period": "Pārskats par periodu",
        "Zones": "Zonas",
        "From %(start)s to %(end)s": "No %(start)s līdz %(end)s",
        "Units empty at some time": "Telpas, kas kādu laiku bija tukšas",
        "Unit-months empty": "Tukšie telpu mēneši",
        "Rent lost": "Zaudētā īres maksa",
        "A partly vacant unit counts as half; rent lost is the asking rent for the months empty.": (
            "Daļēji tukša telpa skaitās kā puse; zaudētā īres maksa ir prasītā īres maksa par "
            "tukšajiem mēnešiem."
        ),
        "Empty units in the period": "Tukšās telpas periodā",
        "Days empty": "Dienas tukša",
        "Named areas of the town, such as the town centre, for vacancy figures by zone. A unit "
        "belongs to a zone when its map point lies inside it.": "Nosauktas pilsētas teritorijas, "
        "piemēram, centrs, tukšo telpu rādītājiem pa zonām. Telpa pieder zonai, ja tās punkts "
        "kartē atrodas zonas iekšpusē.",
        "No zones yet.": "Zonu vēl nav.",
        "Import zones": "Importēt zonas",
        "Suits": "Piemērota",
        # Publishing
        "Publishing": "Publicēšana",
        "%(place)s: news": "%(place)s: aktualitātes",
        "News, events and projects of %(place)s": "%(place)s: jaunumi, pasākumi un projekti",
        "%(place)s: events": "%(place)s: pasākumi",
        "job title": "amats",
        "author": "autors",
        "authors": "autori",
        "Event": "Pasākums",
        "Project": "Projekts",
        "title": "virsraksts",
        "lead": "ievads",
        "One or two sentences.": "Viens vai divi teikumi.",
        "text": "teksts",
        "categories": "kategorijas",
        "publish at": "publicēt",
        "starts": "sākums",
        "ends": "beigas",
        "place": "vieta",
        "online link": "tiešsaistes saite",
        "entry": "ieraksts",
        "entries": "ieraksti",
        "An event needs a start.": "Pasākumam vajadzīgs sākuma laiks.",
        "An event cannot end before it starts.": "Pasākums nevar beigties pirms tā sākuma.",
        "The address “%(wanted)s” was taken in this language; this entry got “%(slug)s”.": (
            "Adrese “%(wanted)s” šajā valodā jau bija aizņemta; šis ieraksts saņēma “%(slug)s”."
        ),
        "The time you chose has passed, so the entry is published now.": (
            "Izvēlētais laiks jau pagājis, tāpēc ieraksts publicēts tagad."
        ),
        "This entry already has a version in that language.": (
            "Šim ierakstam jau ir versija šajā valodā."
        ),
        "Draft: only editors see this.": "Melnraksts: to redz tikai redaktori.",
        "When": "Kad",
        "Where": "Kur",
        "Online": "Tiešsaistē",
        "Add to calendar": "Pievienot kalendāram",
        "Published": "Publicēts",
        "Subscribe:": "Abonēt:",
        "Not translated": "Nav tulkots",
        "This page has no version in %(language)s": "Šai lapai nav versijas valodā: %(language)s",
        "You can read it in:": "To var lasīt:",
        "Coming up": "Gaidāmie",
        "No events coming up.": "Gaidāmu pasākumu nav.",
        "Past events": "Pagājušie pasākumi",
        "No past events.": "Pagājušu pasākumu nav.",
        "Calendar of all events (iCalendar)": "Visu pasākumu kalendārs (iCalendar)",
        "Choose when the entry should appear.": "Izvēlieties, kad ierakstam jāparādās.",
        "Published.": "Publicēts.",
        "It will appear on %(when)s.": "Tas parādīsies %(when)s.",
        "Taken off the site; it is a draft again.": (
            "Noņemts no vietnes; tas atkal ir melnraksts."
        ),
        "Draft saved.": "Melnraksts saglabāts.",
        "Translation saved as a draft.": "Tulkojums saglabāts kā melnraksts.",
        "The earlier version is back.": "Iepriekšējā versija atjaunota.",
        "Text": "Teksts",
        "Categories": "Kategorijas",
        "Separated by commas.": "Atdalītas ar komatiem.",
        "Publish at": "Publicēt",
        "Only for “Publish at the set time”.": "Tikai pogai “Publicēt noteiktajā laikā”.",
        "Write": "Rakstīt",
        "Translation (%(language)s)": "Tulkojums (%(language)s)",
        "Edit": "Labot",
        "Write something new": "Rakstīt jaunu",
        "Appears %(when)s": "Parādīsies %(when)s",
        "Draft": "Melnraksts",
        "Preview": "Priekšskatīt",
        "Save draft": "Saglabāt melnrakstu",
        "Publish now": "Publicēt tagad",
        "Publish at the set time": "Publicēt noteiktajā laikā",
        "Take off the site": "Noņemt no vietnes",
        "Add a translation": "Pievienot tulkojumu",
        "Earlier versions": "Iepriekšējās versijas",
        "Go back to this version": "Atgriezties pie šīs versijas",
        "Write and edit": "Rakstīt un labot",
        "Editing news": "Aktualitāšu rediģēšana",
        "All entries, drafts included": "Visi ieraksti, arī melnraksti",
        "Title": "Virsraksts",
        "Kind": "Veids",
        "State": "Stāvoklis",
        "Nothing written yet.": "Vēl nekas nav uzrakstīts.",
        "Online link": "Tiešsaistes saite",
        "Latest news": "Jaunākās aktualitātes",
        "All news": "Visas aktualitātes",
        "Coming events": "Gaidāmie pasākumi",
        "Search": "Meklēt",
        "Search news, events and projects": "Meklēt aktualitātēs, pasākumos un projektos",
        "Words to find": "Meklējamie vārdi",
        "Nothing found.": "Nekas netika atrasts.",
        "This is required, but it is empty.": "Šis lauks ir obligāts, bet tas ir tukšs.",
        "Photo": "Fotogrāfija",
        "JPEG, PNG or WebP, at most 10 MB. Location data is removed.": (
            "JPEG, PNG vai WebP, ne vairāk kā 10 MB. Atrašanās vietas dati tiek noņemti."
        ),
        "What the photo shows": "Kas redzams fotogrāfijā",
        "For people who cannot see it, e.g. “Shop window with a green door”.": (
            "Tiem, kas to neredz, piemēram, “Skatlogs ar zaļām durvīm”."
        ),
        "photo": "fotogrāfija",
        "photos": "fotogrāfijas",
        "description for people who cannot see it": "apraksts tiem, kas to neredz",
        "What the photo shows, e.g. “Shop window with a green door”.": (
            "Kas redzams fotogrāfijā, piemēram, “Skatlogs ar zaļām durvīm”."
        ),
        "This file is not a photo that can be read. Use a JPEG, PNG or WebP image.": (
            "Šis fails nav nolasāma fotogrāfija. Izmantojiet JPEG, PNG vai WebP attēlu."
        ),
        "Photos must be JPEG, PNG or WebP images; this one is %(kind)s.": (
            "Fotogrāfijām jābūt JPEG, PNG vai WebP attēliem; šī ir %(kind)s."
        ),
        "Describe the photo for people who cannot see it.": (
            "Aprakstiet fotogrāfiju tiem, kas to neredz."
        ),
        "%(address)s, photographed in a street survey on %(date)s": (
            "%(address)s, fotografēts ielas apsekojumā %(date)s"
        ),
        "Photo of %(address)s: %(problem)s": "Fotogrāfija (%(address)s): %(problem)s",
        "Photo (optional)": "Fotogrāfija (nav obligāta)",
        "Photos": "Fotogrāfijas",
        "Add photo": "Pievienot fotogrāfiju",
        "Photo added.": "Fotogrāfija pievienota.",
        "Map: click to place the unit": "Karte: noklikšķiniet, lai atzīmētu telpas vietu",
        "Click the map to set the latitude and longitude, or type them below.": (
            "Noklikšķiniet kartē, lai iestatītu platumu un garumu, vai ierakstiet tos zemāk."
        ),
    }
)
# Publishing: pictures, filters, related objects, events from other objects.
LV.update(
    {
        "The picture is kept; you can now use it.": "Attēls saglabāts; tagad to var izmantot.",
        "About the networks": "Par tīkliem",
        "Of the event's place, for the map; e.g. 57.4220.": (
            "Pasākuma vietas platums kartei, piemēram, 57.4220."
        ),
        "Category": "Kategorija",
        "All kinds": "Visi veidi",
        "All categories": "Visas kategorijas",
        "All languages": "Visas valodas",
        "%(network)s and its towns": "%(network)s un tā pilsētas",
        "picture": "attēls",
        "What the picture shows, e.g. “Partners in front of the town hall”.": (
            "Kas attēlā redzams, piemēram, “Partneri pie domes ēkas”."
        ),
        "credit": "autors",
        "Who took or made it.": "Kas to uzņēma vai izveidoja.",
        "pictures": "attēli",
        "main picture": "galvenais attēls",
        "Shown at the top and when the page is shared.": (
            "Redzams lapas augšā un tad, kad lapu kopīgo."
        ),
        "Give both latitude and longitude of the place, or neither.": (
            "Norādiet vietas platumu un garumu abus vai nevienu."
        ),
        "related object": "saistītais objekts",
        "related objects": "saistītie objekti",
        "Someone else saved this entry while you were editing it. Your changes were not saved; "
        "they are still in the form. Open the entry again to see theirs.": (
            "Kāds cits saglabāja šo ierakstu, kamēr jūs to labojāt. Jūsu izmaiņas netika "
            "saglabātas; tās joprojām ir veidlapā. Atveriet ierakstu vēlreiz, lai redzētu "
            "citu izmaiņas."
        ),
        "Describe the picture for people who cannot see it.": (
            "Aprakstiet attēlu tiem, kas to neredz."
        ),
        "Filled in from “%(name)s”; change what you like. The event will stay linked to it.": (
            "Aizpildīts no “%(name)s”; mainiet, ko vēlaties. Pasākums paliks ar to saistīts."
        ),
        "Pictures": "Attēli",
        "upload pictures here first; then choose one as the main picture, or put one in the "
        "text with the picture button and “Browse…”.": (
            "vispirms augšupielādējiet attēlus šeit; tad izvēlieties vienu kā galveno attēlu "
            "vai ievietojiet tekstā ar attēla pogu un “Browse…”."
        ),
        "Credit: %(credit)s": "Autors: %(credit)s",
        "Show on a map": "Rādīt kartē",
        "About": "Par",
        "Filter the list": "Atlasīt sarakstu",
        "Choose a picture for the text, or add a new one first.": (
            "Izvēlieties attēlu tekstam vai vispirms pievienojiet jaunu."
        ),
        "Add a picture": "Pievienot attēlu",
        "JPEG, PNG or WebP, at most 10 MB. It is made smaller and its hidden details (such as "
        "where it was taken) are removed.": (
            "JPEG, PNG vai WebP, ne vairāk kā 10 MB. Attēls tiek samazināts, un tā slēptās "
            "ziņas (piemēram, kur tas uzņemts) tiek dzēstas."
        ),
        "Upload": "Augšupielādēt",
        "Use this picture": "Izmantot šo attēlu",
        "No pictures yet.": "Attēlu vēl nav.",
    }
)
LV_PLURAL.update(
    {
        "%(count)s zone saved.": {
            0: "Saglabāta %(count)s zona.",
            1: "Saglabātas %(count)s zonas.",
            2: "Saglabātas %(count)s zonas.",
        },
        "Survey of %(street)s saved: %(count)s unit changed status.": {
            0: "%(street)s apsekojums saglabāts: statuss mainīts %(count)s telpai.",
            1: "%(street)s apsekojums saglabāts: statuss mainīts %(count)s telpām.",
            2: "%(street)s apsekojums saglabāts: statuss mainīts %(count)s telpām.",
        },
        "The file has %(count)s problem. Nothing was imported.": {
            0: "Failā ir %(count)s problēma. Nekas netika importēts.",
            1: "Failā ir %(count)s problēmas. Nekas netika importēts.",
            2: "Failā ir %(count)s problēmu. Nekas netika importēts.",
        },
        "%(units)s unit with a status on %(day)s.": {
            0: "%(units)s telpai ir statuss %(day)s.",
            1: "%(units)s telpām ir statuss %(day)s.",
            2: "%(units)s telpām ir statuss %(day)s.",
        },
    }
)


# Messages of the import file readers (premises/formats.py).
LV.update(
    {
        "Only the first %(listed)s problems are listed; %(more)s more were not. Fix these and "
        "import the file again to see the rest.": "Parādītas tikai pirmās %(listed)s problēmas; "
        "vēl %(more)s nav parādītas. Izlabojiet šīs un importējiet failu vēlreiz, lai redzētu "
        "pārējās.",
        "This must be plain text, not a list or an object.": (
            "Šeit jābūt vienkāršam tekstam, nevis sarakstam vai objektam."
        ),
        "This is empty; every unit needs it.": "Lauks ir tukšs; tas vajadzīgs katrai telpai.",
        "This is %(length)s characters long; at most %(max)s are allowed.": (
            "Garums ir %(length)s rakstzīmes; atļautas ne vairāk kā %(max)s."
        ),
        "“%(value)s” is not a number.": "“%(value)s” nav skaitlis.",
        "“%(value)s” has more than one decimal mark or a thousands separator. Write the number "
        "without thousands separators, such as 1234.5.": "“%(value)s” satur vairāk nekā vienu "
        "decimālzīmi vai tūkstošu atdalītāju. Rakstiet skaitli bez tūkstošu atdalītājiem, "
        "piemēram, 1234,5.",
        "%(value)s is more than the largest allowed, %(max)s.": (
            "%(value)s pārsniedz lielāko atļauto vērtību %(max)s."
        ),
        "The frontage must be more than 0 m, or left empty.": (
            "Skatlogu frontei jābūt lielākai par 0 m, vai atstājiet to tukšu."
        ),
        "“%(value)s” is not yes or no. Write one of: %(words)s.": (
            "“%(value)s” nav “jā” vai “nē”. Rakstiet vienu no: %(words)s."
        ),
        "“%(value)s” is not a date. Write it as YYYY-MM-DD or DD.MM.YYYY.": (
            "“%(value)s” nav datums. Rakstiet to kā GGGG-MM-DD vai DD.MM.GGGG."
        ),
        "“%(value)s” is not a known code. Use one of: %(codes)s.": (
            "“%(value)s” nav zināms kods. Izmantojiet vienu no: %(codes)s."
        ),
        "%(values)s: not a known use. Use codes from: %(codes)s, separated by “|”.": (
            "%(values)s: nezināms izmantojums. Izmantojiet kodus no: %(codes)s, atdalot ar “|”."
        ),
        "“%(id)s” is also used in row %(first)s; every unit needs its own id.": (
            "“%(id)s” ir izmantots arī %(first)s. rindā; katrai telpai vajadzīgs savs "
            "identifikators."
        ),
        "Latitude and longitude look swapped: the point is %(distance)s km from the town centre "
        "as written, but in town the other way round. Put %(longitude)s in latitude and "
        "%(latitude)s in longitude.": "Platums un garums, šķiet, ir samainīti vietām: kā "
        "ierakstīts, punkts ir %(distance)s km no pilsētas centra, bet otrādi tas ir pilsētā. "
        "Ierakstiet %(longitude)s platumā un %(latitude)s garumā.",
        "The point is %(distance)s km from the town centre, more than %(max)s km. Check latitude "
        "and longitude.": "Punkts ir %(distance)s km no pilsētas centra, vairāk nekā %(max)s km. "
        "Pārbaudiet platumu un garumu.",
        "%(date)s is in the future.": "%(date)s ir nākotnē.",
        "There is a date but no status; fill in “status” or clear this date.": (
            "Ir datums, bet nav statusa; aizpildiet “status” vai notīriet datumu."
        ),
        "Old Excel .xls files cannot be read. Save the file as .xlsx or as “CSV UTF-8”.": (
            "Vecos Excel .xls failus nevar nolasīt. Saglabājiet failu kā .xlsx vai “CSV UTF-8”."
        ),
        "The file's format cannot be recognised. Use a GeoJSON, CSV or XLSX file whose name ends "
        "in .geojson, .csv or .xlsx.": "Faila formātu nevar noteikt. Izmantojiet GeoJSON, CSV "
        "vai XLSX failu, kura nosaukums beidzas ar .geojson, .csv vai .xlsx.",
        "The file is not valid JSON: the problem is at line %(line)s, column %(column)s. Export it "
        "again, or check it with a GeoJSON validator.": "Fails nav derīgs JSON: kļūda ir "
        "%(line)s. rindā, %(column)s. kolonnā. Eksportējiet to vēlreiz vai pārbaudiet ar GeoJSON "
        "validatoru.",
        "The file is not valid JSON in UTF-8. Export it again as GeoJSON.": (
            "Fails nav derīgs JSON UTF-8 kodējumā. Eksportējiet to vēlreiz kā GeoJSON."
        ),
        "The file is not a GeoJSON FeatureCollection. Export the layer as GeoJSON.": (
            "Fails nav GeoJSON FeatureCollection. Eksportējiet slāni kā GeoJSON."
        ),
        "The FeatureCollection has no list of “features”.": (
            "FeatureCollection nav “features” saraksta."
        ),
        "The feature has no Point geometry; every unit needs a point where it is.": (
            "Objektam nav Point ģeometrijas; katrai telpai vajadzīgs punkts, kur tā atrodas."
        ),
        "This feature is not a GeoJSON Feature object.": "Šis nav GeoJSON Feature objekts.",
        "The feature's properties must be an object.": "Objekta īpašībām jābūt objektam.",
        "The file is empty: it has no header row and no units.": (
            "Fails ir tukšs: tajā nav ne virsraksta rindas, ne telpu."
        ),
        "The “%(column)s” column appears twice; keep one.": (
            "Kolonna “%(column)s” ir divreiz; atstājiet vienu."
        ),
        "The file has no “%(column)s” column.": "Failā nav kolonnas “%(column)s”.",
        "The file is saved as UTF-16 or another encoding that cannot be read. Open it in your "
        "spreadsheet program and save it as “CSV UTF-8”.": "Fails ir saglabāts UTF-16 vai citā "
        "kodējumā, ko nevar nolasīt. Atveriet to izklājlapu programmā un saglabājiet kā "
        "“CSV UTF-8”.",
        "Line %(line)s cannot be read as %(encoding)s. Choose %(other)s as the encoding, or save "
        "the file as “CSV UTF-8”.": "%(line)s. rindu nevar nolasīt kā %(encoding)s. Izvēlieties "
        "kodējumu %(other)s vai saglabājiet failu kā “CSV UTF-8”.",
        "Line %(line)s cannot be read as CSV: %(reason)s.": (
            "%(line)s. rindu nevar nolasīt kā CSV: %(reason)s."
        ),
        "The file cannot be read as an Excel workbook (.xlsx). Save it again as .xlsx, or as "
        "“CSV UTF-8”.": "Failu nevar nolasīt kā Excel darbgrāmatu (.xlsx). Saglabājiet to "
        "vēlreiz kā .xlsx vai kā “CSV UTF-8”.",
        "“%(name)s” is also used in row %(first)s; every zone needs its own name.": (
            "“%(name)s” ir izmantots arī %(first)s. rindā; katrai zonai vajadzīgs savs nosaukums."
        ),
    }
)

# The rich-text editor's dialogs (djangojs catalogue; see src/regrow/publishing/editor_texts.js).
LV.update(
    {
        "Add caption": "Pievienot parakstu",
        "Alternative Text": "Apraksts tiem, kas to neredz",
        "Browse...": "Izvēlēties no attēliem...",
        "Bullets": "Aizzīmes",
        "Caption": "Paraksts",
        "Columns": "Kolonnas",
        "Decimal numbers": "Cipari (1, 2, 3)",
        "Edit Figure": "Labot attēlu",
        "Edit HTML": "Labot HTML",
        "Edit Image": "Labot attēlu",
        "Edit Link": "Labot saiti",
        "Image URL": "Attēla adrese",
        "Include header row": "Ar galvenes rindu",
        "Insert Figure": "Ievietot attēlu",
        "Insert Table": "Ievietot tabulu",
        "Insert": "Ievietot",
        "List properties": "Saraksta iestatījumi",
        "List type": "Saraksta veids",
        "Lowercase Roman numerals": "Mazie romiešu cipari (i, ii, iii)",
        "Lowercase letters": "Mazie burti (a, b, c)",
        "Open in new window": "Atvērt jaunā logā",
        "Prettify": "Sakārtot",
        "Remove caption": "Noņemt parakstu",
        "Rows": "Rindas",
        "Start at": "Sākt ar",
        "Table Properties": "Tabulas iestatījumi",
        "The HTML contents of the editor. Note that the allowed HTML is restricted by the editor "
        "schema.": "Redaktora saturs HTML formā. Atļauts tikai tas HTML, ko pieļauj redaktora "
        "shēma.",
        "Toggle fullscreen": "Pilnekrāna režīms",
        "URL": "Adrese (URL)",
        "Update": "Atjaunināt",
        "Uppercase Roman numerals": "Lielie romiešu cipari (I, II, III)",
        "Uppercase letters": "Lielie burti (A, B, C)",
    }
)


def fill(po_path: Path) -> list[str]:
    catalogue = polib.pofile(str(po_path))
    missing = []
    for entry in catalogue:
        # The tables above are the only source: anything else in the file is cleared.
        if entry.msgid_plural:
            forms = LV_PLURAL.get(entry.msgid)
            entry.msgstr_plural = forms or dict.fromkeys(entry.msgstr_plural, "")
        else:
            entry.msgstr = LV.get(entry.msgid, "")
        if "fuzzy" in entry.flags:
            # A fuzzy entry is gettext's guess from a similar string: keep only what the table
            # says, and report the rest as untranslated.
            entry.flags.remove("fuzzy")
            if entry.msgid_plural and entry.msgid not in LV_PLURAL:
                entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
            elif not entry.msgid_plural and entry.msgid not in LV:
                entry.msgstr = ""
            entry.previous_msgid = entry.previous_msgid_plural = None
        if not entry.translated():
            missing.append(entry.msgid)
    catalogue.save()
    return missing


if __name__ == "__main__":
    folder = Path("src/regrow/locale/lv/LC_MESSAGES")
    paths = [Path(arg) for arg in sys.argv[1:]] or [folder / "django.po", folder / "djangojs.po"]
    untranslated = [(path, msgid) for path in paths for msgid in fill(path)]
    for path, msgid in untranslated:
        print(f"untranslated in {path.name}: {msgid!r}")
    sys.exit(1 if untranslated else 0)
