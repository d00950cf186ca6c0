"""Shorter Transfer Plans of the demo's other partners, in English: one version each, three or
four sections, two or three actions (../shared/facts/regrow-city.md; details are illustrative)."""

from datetime import date

from regrow.network.demo_plans import ShortPlan
from regrow.network.models import FundingSource, PlanVersion

Status = PlanVersion.Status
IN_PROGRESS, DONE, PLANNED = "in_progress", "done", "planned"

SHORT_PLANS = [
    ShortPlan(
        town="melgaco",
        title="Pop-up shops in Melgaço's town centre",
        status=Status.FINAL,
        dates=(date(2019, 2, 11), date(2019, 3, 25), date(2019, 5, 6)),
        sections={
            "starting_point": "<p>Melgaço, on the Minho river at the Spanish border, has lost "
            "shops and young people for decades. Several ground-floor units in the historic "
            "centre stand empty, some of them with owners who live abroad.</p>",
            "transfer_method": "<p>We take Altena's pop-up shops: the municipality rents "
            "vacant units from their owners and sublets them to new traders for a trial "
            "period, with a pop-up weekend to open them.</p>",
            "adaptations": "<p>Rent is the main barrier here, so our pop-ups pay nothing for "
            "the first three months and then €1 per m² a month for three more. Local produce "
            "(wine, smoked meat, crafts) comes first.</p>",
            "contribution": "<p>Melgaço reviews Alūksne's plan in the pop-up thematic group "
            "and shares its rent-free model with the network.</p>",
        },
        actions=[
            {
                "title": "Inventory of vacant units and their owners",
                "owner": "Municipality of Melgaço, economic development office",
                "starts_on": date(2019, 3, 1),
                "due_on": date(2019, 6, 30),
                "budget_cents": 150_000,
                "funding_source": FundingSource.TOWN_BUDGET,
                "status": DONE,
            },
            {
                "title": "First pop-up round: three months rent-free, then €1/m²",
                "owner": "Municipality of Melgaço",
                "starts_on": date(2019, 9, 1),
                "due_on": date(2020, 3, 31),
                "budget_cents": 600_000,
                "funding_source": FundingSource.TOWN_BUDGET,
                "status": DONE,
            },
            {
                "title": "Pop-up weekend with the traders' association",
                "owner": "Traders' association of Melgaço",
                "starts_on": date(2019, 10, 4),
                "due_on": date(2019, 10, 6),
                "budget_cents": 250_000,
                "funding_source": FundingSource.PUBLIC_PRIVATE,
                "status": DONE,
            },
        ],
    ),
    ShortPlan(
        town="isernia",
        title="Isernia: pop-up shops for the historic centre",
        status=Status.IN_REVIEW,
        dates=(date(2019, 2, 18), date(2019, 11, 15), None),
        sections={
            "starting_point": "<p>Isernia's historic centre has many closed shops along its "
            "main street, while trade has moved to the outskirts.</p>",
            "transfer_method": "<p>Pop-up shops after Altena's model, with the town as the "
            "intermediary between owners and traders.</p>",
            "stakeholder_group": "<p>The local group brings together the town, shop owners, "
            "the chamber of commerce and young makers.</p>",
            "contribution": "<p>Isernia hosts the pop-up thematic meeting of the network at "
            "the end of November 2019.</p>",
        },
        actions=[
            {
                "title": "Pop-up thematic meeting of the network",
                "owner": "Comune di Isernia",
                "starts_on": date(2019, 11, 27),
                "due_on": date(2019, 11, 29),
                "budget_cents": 800_000,
                "funding_source": FundingSource.EU_FUNDS,
                "status": DONE,
            },
            {
                "title": "Agreements with the owners of five vacant units",
                "owner": "Comune di Isernia",
                "starts_on": date(2019, 9, 1),
                "due_on": date(2020, 2, 28),
                "budget_cents": 0,
                "status": IN_PROGRESS,
            },
        ],
    ),
    ShortPlan(
        town="idrija",
        title="Idrija: a platform for volunteers and associations",
        status=Status.FINAL,
        dates=(date(2019, 2, 14), date(2019, 3, 28), date(2019, 5, 10)),
        sections={
            "starting_point": "<p>Idrija has a lively tradition of associations, but they "
            "work apart and find it hard to reach young volunteers.</p>",
            "transfer_method": "<p>We adapt Altena's volunteer agency: one contact point that "
            "matches people who want to help with the associations that need them.</p>",
            "adaptations": "<p>The platform is run by an existing NGO in a room of the town "
            "library, open two afternoons a week.</p>",
        },
        actions=[
            {
                "title": "Open the volunteer contact point",
                "owner": "An NGO of Idrija, with the municipality",
                "starts_on": date(2019, 6, 1),
                "due_on": date(2019, 10, 31),
                "budget_cents": 400_000,
                "funding_source": FundingSource.TOWN_BUDGET,
                "status": DONE,
            },
            {
                "title": "Volunteering fair of the associations",
                "owner": "The volunteer contact point",
                "starts_on": date(2020, 5, 1),
                "due_on": date(2020, 5, 31),
                "budget_cents": 120_000,
                "funding_source": FundingSource.OTHER,
                "status": "dropped",
                "progress_notes": "Cancelled: gatherings were not allowed in spring 2020.",
            },
        ],
    ),
    ShortPlan(
        town="manresa",
        title="Manresa: a network of volunteers for the old town",
        status=Status.DRAFT,
        dates=(date(2019, 2, 20), None, None),
        sections={
            "starting_point": "<p>Manresa is the largest partner, but its old town shrinks "
            "like the smaller towns: empty flats, closed shops, older residents alone.</p>",
            "transfer_method": "<p>Altena's NGO platform, joined to the neighbourhood "
            "associations of the old town.</p>",
            "contribution": "<p>Manresa shares how a larger city can run the platform "
            "neighbourhood by neighbourhood.</p>",
        },
        actions=[
            {
                "title": "Map the old town's associations",
                "owner": "City of Manresa, civic participation",
                "starts_on": date(2019, 4, 1),
                "due_on": date(2019, 7, 31),
                "budget_cents": 200_000,
                "funding_source": FundingSource.TOWN_BUDGET,
                "status": DONE,
            },
            {
                "title": "Pilot of the volunteer platform in one neighbourhood",
                "owner": "City of Manresa, with the neighbourhood association",
                "starts_on": date(2019, 10, 1),
                "due_on": date(2020, 6, 30),
                "budget_cents": 500_000,
                "funding_source": FundingSource.PUBLIC_PRIVATE,
                "status": IN_PROGRESS,
            },
        ],
    ),
    ShortPlan(
        town="nyirbator",
        title="Nyírbátor: learning from Altena",
        status=Status.DRAFT,
        dates=(date(2019, 3, 4), None, None),
        sections={
            "starting_point": "<p>Nyírbátor has lost jobs and young people since its "
            "factories closed. Which component of Altena's practice it transfers is still to "
            "be chosen with the local group.</p>",
            "stakeholder_group": "<p>The town, local entrepreneurs, schools and the church "
            "communities meet every two months.</p>",
            "contribution": "<p>Nyírbátor hosts the network's mid-term review in January 2020, "
            "where the mayors draft a common declaration.</p>",
        },
        actions=[
            {
                "title": "Host the mid-term review meeting",
                "owner": "Municipality of Nyírbátor",
                "starts_on": date(2020, 1, 15),
                "due_on": date(2020, 1, 16),
                "budget_cents": 700_000,
                "funding_source": FundingSource.EU_FUNDS,
                "status": DONE,
            },
            {
                "title": "Mayors' declaration on small towns in decline",
                "owner": "Mayor's office of Nyírbátor",
                "starts_on": date(2020, 1, 16),
                "due_on": date(2020, 3, 31),
                "status": DONE,
            },
        ],
    ),
    ShortPlan(
        town="igoumenitsa",
        title="Igoumenitsa: a livelier town centre",
        status=Status.DRAFT,
        dates=(date(2019, 3, 6), None, None),
        sections={
            "starting_point": "<p>Igoumenitsa, a port town, took part in preparing the "
            "network in 2018. Its centre lives from the ferry traffic in summer and empties "
            "in winter.</p>",
            "transfer_method": "<p>The town studies both components of Altena's practice "
            "before choosing one with its local group.</p>",
            "contribution": "<p>Igoumenitsa shares what it learnt in the preparation phase "
            "with the partners that joined for the transfer.</p>",
        },
        actions=[
            {
                "title": "Study visit to Altena",
                "owner": "Municipality of Igoumenitsa",
                "starts_on": date(2019, 5, 1),
                "due_on": date(2019, 5, 31),
                "budget_cents": 300_000,
                "funding_source": FundingSource.EU_FUNDS,
                "status": DONE,
            },
            {
                "title": "Choose the component with the local group",
                "owner": "Municipality of Igoumenitsa",
                "starts_on": date(2019, 6, 1),
                "due_on": date(2019, 12, 31),
                "status": "delayed",
            },
        ],
    ),
]
