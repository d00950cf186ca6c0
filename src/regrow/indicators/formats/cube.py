"""Which dimension of a data cube (Eurostat's TSV, JSON-stat) is the region, the period and the
indicator, and which categories of the others a person chose: one value per region, indicator
and period must remain."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from regrow.lib.tabular.problems import Problems

# Dimensions' names (in lower case) that say what they hold, where the file gives no role.
GEO_NAMES = frozenset(
    {"geo", "region", "regions", "area", "territory", "municipality", "lau", "town", "teritorija"}
)
TIME_NAMES = frozenset(
    {"time", "time_period", "year", "period", "tid", "timeperiod", "laiks", "gads", "periods"}
)
INDICATOR_NAMES = frozenset({"indicator", "indicators", "rādītājs"})
# How the reader is told to find the indicator dimension itself.
AUTO = "auto"
_LISTED_CODES = 10


@dataclass
class Dimension:
    id: str
    codes: Sequence[str]
    labels: Mapping[str, str] = field(default_factory=dict)
    role: str = ""  # "geo", "time" or "metric", where the file says (JSON-stat's role)


@dataclass
class CubePlan:
    geo: int
    time: int
    indicator: int | None
    # Per dimension: the codes kept (None: all).
    kept: list[frozenset[str] | None]


def _find(dimensions: Sequence[Dimension], role: str, names: frozenset[str]) -> int | None:
    for index, dimension in enumerate(dimensions):
        if role and dimension.role == role:
            return index
    for index, dimension in enumerate(dimensions):
        if dimension.id.strip().lower() in names:
            return index
    return None


def _count(problems: Problems) -> int:
    return len(problems.listed) + problems.unlisted


def listing(codes: Sequence[str]) -> str:
    """The first codes, then “…” if there are more."""
    shown = ", ".join(codes[:_LISTED_CODES])
    return shown + (", …" if len(codes) > _LISTED_CODES else "")


def plan_cube(
    dimensions: Sequence[Dimension],
    *,
    select: Mapping[str, str],
    indicator_dimension: str,
    problems: Problems,
    place: tuple[int, str],
) -> CubePlan | None:
    """The plan, or None with the problems added (at `place`: row and field of the header)."""
    row, where = place
    known_problems = _count(problems)
    by_id = {dimension.id.strip().lower(): index for index, dimension in enumerate(dimensions)}
    geo = _find(dimensions, "geo", GEO_NAMES)
    time = _find(dimensions, "time", TIME_NAMES)
    if geo is None:
        problems.add(
            row,
            where,
            _(
                "No dimension of the file holds the regions: name it geo, or give it the role "
                "geo. The file's dimensions: %(dimensions)s."
            )
            % {"dimensions": ", ".join(dimension.id for dimension in dimensions)},
        )
    if time is None:
        problems.add(
            row,
            where,
            _(
                "No dimension of the file holds the periods: name it time, or give it the role "
                "time. The file's dimensions: %(dimensions)s."
            )
            % {"dimensions": ", ".join(dimension.id for dimension in dimensions)},
        )
    indicator = None
    if indicator_dimension == AUTO:
        indicator = _find(dimensions, "", INDICATOR_NAMES)
        if indicator is None:
            metric = _find(dimensions, "metric", frozenset())
            if metric is not None and len(dimensions[metric].codes) > 1:
                indicator = metric
    elif indicator_dimension:
        indicator = by_id.get(indicator_dimension.strip().lower())
        if indicator is None:
            problems.add(
                row,
                where,
                _("The file has no dimension “%(dimension)s”. Its dimensions: %(dimensions)s.")
                % {
                    "dimension": indicator_dimension,
                    "dimensions": ", ".join(dimension.id for dimension in dimensions),
                },
            )
    kept: list[frozenset[str] | None] = [None] * len(dimensions)
    for name, code in select.items():
        index = by_id.get(name.strip().lower())
        if index is None:
            problems.add(
                row,
                where,
                _("The file has no dimension “%(dimension)s”. Its dimensions: %(dimensions)s.")
                % {
                    "dimension": name,
                    "dimensions": ", ".join(dimension.id for dimension in dimensions),
                },
            )
            continue
        codes = dimensions[index].codes
        chosen = {known for known in codes if known.lower() == code.strip().lower()}
        if not chosen:
            problems.add(
                row,
                where,
                _("“%(code)s” is not a category of “%(dimension)s”; it has %(codes)s.")
                % {"code": code, "dimension": dimensions[index].id, "codes": listing(codes)},
            )
            continue
        kept[index] = frozenset(chosen)
    for index, dimension in enumerate(dimensions):
        if index in (geo, time, indicator) or kept[index] is not None:
            continue
        if len(dimension.codes) > 1:
            problems.add(
                row,
                where,
                _(
                    "The file has %(count)s categories of “%(dimension)s” (%(codes)s) for each "
                    "region and period: choose the one to import."
                )
                % {
                    "count": len(dimension.codes),
                    "dimension": dimension.id,
                    "codes": listing(dimension.codes),
                },
            )
    if _count(problems) > known_problems or geo is None or time is None:
        return None
    return CubePlan(geo=geo, time=time, indicator=indicator, kept=kept)
