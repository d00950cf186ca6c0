"""Towns in a network with series of indicators, for the dashboard, indicator and comparison
tests: written through the import service, as a coordinator's file would be."""

from regrow.indicators import services
from regrow.network.models import Network, Partner
from regrow.towns.models import Town
from tests.fixtures import make_town
from tests.indicators.conftest import long_csv


def make_network(*towns: Town, slug: str = "regrow-city") -> Network:
    network = Network.objects.create(slug=slug, names={"en": "Re-grow City", "lv": "Atdzimšana"})
    for town in towns:
        Partner.objects.create(network=network, town=town)
    return network


def more_towns(count: int, start: int = 0) -> list[Town]:
    return [
        make_town(f"town-{number}", f"Town {number:02d}", "SI", languages=["en"])
        for number in range(start, start + count)
    ]


def record(by, rows: list[tuple[Town, str, str, object]], flags: str = "", source: str = ""):
    """(town, indicator code, period, value) rows imported as one file."""
    lines = [
        f"{town.slug},{code},{period},{value},{flags},{source}"
        for town, code, period, value in rows
    ]
    return services.observations_import(
        data=long_csv(*lines),
        filename="values.csv",
        options=services.ImportOptions(file_format="csv"),
        by=by,
    )


def population(town: Town, first: int, last: int, start: int, step: int):
    return [
        (town, "population", str(year), start + step * (year - first))
        for year in range(first, last + 1)
    ]
