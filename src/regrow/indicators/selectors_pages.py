"""Reads for the indicator pages: a town's dashboard, its public indicators, one indicator's
series and its comparison with the towns of the town's networks. Each in a fixed number of
queries whatever the number of years; a comparison of recorded indicators also whatever the
number of towns (derived ones cost a few queries a town)."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q

from regrow.indicators import derived, figures, peers, selectors, series, visibility
from regrow.indicators.figures import Mode, Point, Summary
from regrow.indicators.models import Indicator, Observation, TownChoice
from regrow.indicators.periods import Period
from regrow.towns.models import Town

# The most towns a comparison shows besides the town itself.
MAX_PEERS = 11
# How many the comparison shows until the reader chooses (the town and seven others).
DEFAULT_PEERS = 7


@dataclass
class Tile:
    """One indicator of a town: what its series says, and where its latest figure is from."""

    indicator: Indicator
    summary: Summary
    public: bool
    computation: derived.DerivedSource | None = None

    @property
    def source(self) -> str:
        latest = self.summary.latest
        return (latest.source if latest else "") or self.indicator.source


def _tile(indicator: Indicator, points: list[Point], public: bool) -> Tile:
    computation = derived.source(indicator.code) if indicator.derived else None
    return Tile(indicator, figures.summary(points, indicator.higher_is_better), public, computation)


def dashboard(town: Town, today: date | None = None) -> list[Tile]:
    """Every indicator of the town, with or without values yet, in the network's order."""
    indicators = list(selectors.indicators())
    choices = visibility.choices_of(town)
    points = series.points_of([town], indicators, today)
    return [
        _tile(
            indicator,
            points.get((town.pk, indicator.code), []),
            visibility.is_public(indicator, choices),
        )
        for indicator in indicators
    ]


def public_tiles(town: Town, today: date | None = None) -> list[Tile]:
    """The indicators the town shows on its site that have a value."""
    shown = visibility.public_indicators(town, selectors.indicators())
    points = series.points_of([town], shown, today)
    tiles = [_tile(ind, points.get((town.pk, ind.code), []), True) for ind in shown]
    return [tile for tile in tiles if tile.summary.latest is not None]


def has_public_indicators(town: Town) -> bool:
    """Whether the town's Indicators section has something to show: a recorded value of an
    indicator it shows (one query; the navigation asks it on every page)."""
    hidden = TownChoice.objects.filter(town=town, public=False).values("indicator")
    chosen = TownChoice.objects.filter(town=town, public=True).values("indicator")
    return (
        Observation.objects.filter(town=town)
        .filter(Q(indicator__public_by_default=True) | Q(indicator__in=chosen))
        .exclude(indicator__in=hidden)
        .exists()
    )


def indicator_tile(town: Town, indicator: Indicator, today: date | None = None) -> Tile:
    points = series.points_of([town], [indicator], today).get((town.pk, indicator.code), [])
    return _tile(indicator, points, True)


def comparable_towns(user, town: Town, indicator: Indicator) -> list[Town]:
    """The towns of the town's networks whose values of the indicator the user sees."""
    return visibility.visible_towns(user, indicator, peers.peers_of(town))


@dataclass
class Line:
    town: Town
    points: list[Point]  # as recorded, of the comparison's granularity
    values: dict[str, Decimal | None]  # period → the value shown (absolute, per 1,000, index)
    missing: str = ""  # why a line shows nothing: "values", "base" or "population"


@dataclass
class Comparison:
    indicator: Indicator
    town: Town
    mode: Mode
    base_year: int | None
    periods: list[Period]
    lines: list[Line] = field(default_factory=list)  # the town first

    @property
    def years(self) -> list[int]:
        return sorted({period.start.year for period in self.periods})


def comparison(
    town: Town,
    indicator: Indicator,
    others: list[Town],
    mode: Mode = Mode.ABSOLUTE,
    base_year: int | None = None,
    today: date | None = None,
) -> Comparison:
    """The indicator in the town and `others` (already checked for what the reader may see)."""
    towns = [town, *others[:MAX_PEERS]]
    points = series.points_of(towns, [indicator], today)
    own = points.get((town.pk, indicator.code), [])
    granularity = figures.main_granularity(own) or figures.main_granularity(
        [point for one in towns for point in points.get((one.pk, indicator.code), [])]
    )
    by_town = {
        one.pk: figures.of_granularity(points.get((one.pk, indicator.code), []), granularity)
        for one in towns
    }
    if mode == Mode.INDEXED and base_year is None:
        base_year = figures.first_common_year([by_town[one.pk] for one in towns])
    population = series.population_by_year(towns) if mode == Mode.PER_1000 else {}
    lines = [_line(one, by_town[one.pk], mode, base_year, population) for one in towns]
    periods = figures.periods_of(by_town.values())
    return Comparison(indicator, town, mode, base_year, periods, lines)


def _line(town: Town, points: list[Point], mode: Mode, base_year, population) -> Line:
    if not points:
        return Line(town, points, {}, "values")
    if mode == Mode.PER_1000:
        values = figures.per_1000(points, population.get(town.pk, {}))
        missing = "" if any(value is not None for value in values.values()) else "population"
        return Line(town, points, values, missing)
    if mode == Mode.INDEXED:
        values = figures.indexed(points, base_year) if base_year is not None else None
        return Line(town, points, values or {}, "" if values else "base")
    return Line(town, points, {point.period.text: point.value for point in points})
