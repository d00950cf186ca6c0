"""The Latvian text of Alūksne's Transfer Plan in the demo (../shared/facts/regrow-city.md):
version 1 in full, and the sections version 2 rewrote after the first pop-up space."""

TITLE = "Pop-up veikali Alūksnes centrā: pārneses plāns"

VERSION_1 = {
    "starting_point": (
        "<p>Alūksnes centrā daudzas veikalu un pakalpojumu telpas stāv tukšas. Iedzīvotāju "
        "skaits sarūk, jaunieši pēc skolas aizbrauc mācīties un strādāt citur, un katrs slēgts "
        "veikals samazina apmeklētāju plūsmu arī kaimiņos.</p>"
        "<p>Mūsu priekšrocības ir kompakts vēsturiskais centrs, aktīvi mazie uzņēmēji un "
        "pašvaldība, kas gatava būt starpniece starp telpu īpašniekiem un uzņēmējiem. Šķēršļi: "
        "daļa īpašnieku dzīvo citur vai nav sasniedzami, un jaunam uzņēmējam ilgtermiņa noma "
        "ir pārāk liels risks.</p>"
    ),
    "transfer_method": (
        "<p>No Altenas labās prakses pārņemam pop-up veikalu metodi: tukšas telpas uz dažām "
        "nedēļām tiek piedāvātas par zemu nomas maksu, pašvaldība telpas nomā no īpašnieka un "
        "nodod tās uzņēmējam apakšnomā. Pārneses posma sākuma sanāksmē Alūksnē 2019. gada "
        "31. janvārī un 1. februārī partneri apmeklēja iespējamās vietas un apsprieda, kas "
        "mūsu apstākļos jāmaina.</p>"
    ),
    "stakeholder_group": (
        "<p>Vietējā atbalsta grupā ir pašvaldība, uzņēmēju biedrība, centra telpu īpašnieku "
        "grupa, vidusskola, bibliotēka un jauniešu centrs. Grupa tiekas reizi divos mēnešos, "
        "kopīgi raksta plānu un izvērtē katru pop-up kārtu.</p>"
    ),
    "adaptations": (
        "<p>Altenā starpnieks ir biedrība, Alūksnē to darīs pašvaldība. Telpas piedāvāsim uz "
        "sešām līdz astoņām nedēļām, un vienā telpā var strādāt divi mazi uzņēmumi, lai "
        "dalītu izmaksas. Priekšroka idejām, kuru centrā vēl nav.</p>"
    ),
    "actions": (
        "<p>2019. gada jūlijā izsludināsim aicinājumu telpu īpašniekiem pieteikt tukšās telpas. "
        "Pirmo pop-up telpu pilsētas centrā atvērsim 2019. gada novembrī. Īpašniekiem "
        "sagatavosim informatīvu bukletu.</p>"
    ),
    "resources": (
        "<p>Galvenās izmaksas sedz pašvaldības budžets: aicinājums, buklets un pirmās telpas "
        "nomas starpība. Vietējās atbalsta grupas darbu atbalsta URBACT programma.</p>"
    ),
    "risks": (
        "<p>Lielākais risks ir īpašnieki, kurus nevar sasniegt vai kuri nevēlas īsu nomu. Tāpēc "
        "ar katru runāsim atsevišķi, un pašvaldība uzņemsies nomnieka pienākumus.</p>"
    ),
    "monitoring": (
        "<p>Sekosim tukšo telpu īpatsvaram pilsētas centrā un jauniešu (15–29 gadi) skaitam. "  # noqa: RUF001
        "Pēc katras kārtas saskaitīsim, cik pop-up veikalu turpina darbu pastāvīgi.</p>"
    ),
    "contribution": (
        "<p>Alūksne uzņem pārneses posma sākuma sanāksmi un dalās pieredzē ar tīkla "
        "partneriem, īpaši pop-up tematiskajā grupā kopā ar Melgasu un Izerniju.</p>"
    ),
}

# Version 2 (December 2019): what the first round taught, before the mid-term review.
VERSION_2 = {
    "starting_point": (
        "<p>Alūksnes centrā daudzas veikalu un pakalpojumu telpas stāv tukšas. Iedzīvotāju "
        "skaits sarūk, jaunieši pēc skolas aizbrauc mācīties un strādāt citur, un katrs slēgts "
        "veikals samazina apmeklētāju plūsmu arī kaimiņos.</p>"
        "<p>2019. gada jūlija aicinājumam atsaucās vairāki telpu īpašnieki. Novembrī "
        "Pils ielā atvērām pirmo pop-up telpu, kurā strādā šūšanas darbnīca un "
        "skaistumkopšanas studija, un decembrī tur notika pop-up modes skate.</p>"
    ),
    "actions": (
        "<p>Aicinājums pieteikt tukšās telpas (2019. gada jūlijs) un pirmā pop-up telpa "
        "(2019. gada novembris) ir paveikti. Pirmās telpas uzņēmēji kopā ar uzņēmēju "
        "biedrību sarīkoja modes skati, ko turpmāk rīkosim katrā kārtā.</p>"
    ),
    "resources": (
        "<p>Pašvaldības budžets sedz aicinājumu, bukletu un nomas starpību. Modes skati "
        "finansē kopā ar uzņēmēju biedrību un vietējiem uzņēmējiem. Vietējās atbalsta grupas "
        "darbu atbalsta URBACT programma.</p>"
    ),
    "monitoring": (
        "<p>Sekosim tukšo telpu īpatsvaram pilsētas centrā un jauniešu (15–29 gadi) skaitam. "  # noqa: RUF001
        "Pirmās kārtas abi uzņēmumi plāno palikt; pēc katras kārtas saskaitīsim, cik pop-up "
        "veikalu turpina darbu pastāvīgi.</p>"
    ),
}

RISKS = [
    {
        "description": "Telpu īpašnieki nav sasniedzami vai nevēlas iznomāt telpas uz īsu laiku.",
        "likelihood": 3,
        "impact": 3,
        "mitigation": "Informatīvs buklets, individuālas sarunas; pašvaldība uzņemas "
        "nomnieka pienākumus.",
    },
    {
        "description": "Pieteikumu ir par maz.",
        "likelihood": 2,
        "impact": 3,
        "mitigation": "Reklāma pašvaldības vietnē un sociālajos tīklos, konsultācijas kopā "
        "ar uzņēmēju biedrību.",
    },
    {
        "description": "Pop-up veikali pēc izmēģinājuma neturpina darbu.",
        "likelihood": 2,
        "impact": 2,
        "mitigation": "Konsultācijas izmēģinājuma laikā un sarunas ar īpašnieku par "
        "pastāvīgu nomu jau pirms kārtas beigām.",
    },
]

# Members of the local stakeholder group: (kind, name, organisation, sector, power, interest,
# role in the plan, e-mail, phone).
STAKEHOLDERS = [
    ("organisation", "Alūksnes novada pašvaldība", "", "public", 5, 5,
     "Vada plānu, nomā telpas no īpašniekiem un nodod tās apakšnomā.", "", ""),
    ("organisation", "Alūksnes uzņēmēju biedrība", "", "private", 3, 4,
     "Konsultē pop-up uzņēmējus un kopā ar viņiem rīko modes skati.", "", ""),
    ("organisation", "Centra telpu īpašnieku grupa", "", "private", 4, 3,
     "Piedāvā tukšās telpas un lemj par pastāvīgu nomu.", "", ""),
    ("organisation", "Alūksnes vidusskola", "", "knowledge", 2, 3,
     "Iesaista jauniešus uzņēmējdarbības idejās.", "", ""),
    ("organisation", "Alūksnes bibliotēka", "", "knowledge", 2, 4,
     "Sanāksmju vieta un informācija iedzīvotājiem.", "", ""),
    ("person", "Jauniešu centra vadītāja", "Alūksnes jauniešu centrs", "civic", 2, 5,
     "Uzrunā jauniešus pieteikties pop-up kārtām.", "jauniesi@aluksne.example.org",
     "+371 20 000 010"),
]  # fmt: skip

# Melgaço's peer review of version 2 and the lead expert's: (reviewer, section, comment,
# Alūksne's answer or "").
COMMENTS = [
    (
        "melgaco",
        "adaptations",
        "How will you choose the traders? In Melgaço a one-page business idea was enough; "
        "asking for a full business plan kept people away.",
        "Agreed: the next call asks for a one-page idea, and the business association helps "
        "anyone who wants to write more.",
    ),
    (
        "melgaco",
        "resources",
        "There is no line for fitting out the space. Do the traders pay for it themselves?",
        "",
    ),
    (
        "melgaco",
        "monitoring",
        "Besides the vacancy rate, could you count how many pop-ups stay after the trial? "
        "It is the figure our councillors ask for first.",
        "",
    ),
    (
        "lead_expert",
        "starting_point",
        "A good baseline. Please give the number of vacant units in the centre too, not only "
        "the rate.",
        "",
    ),
]
