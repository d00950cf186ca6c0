"""Which town a file's region code is, which indicator its code names, and what a file may write:
the checks of an import that need the database's towns and indicators, read once."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regrow.indicators.formats import ObservationRecord, Problems
from regrow.indicators.formats.records import plain
from regrow.indicators.models import Indicator
from regrow.towns.models import Town

# Regions left out and codes not known, listed in a preview (the rest counted).
LISTED = 50


@dataclass(frozen=True)
class IndicatorInfo:
    id: int
    code: str
    name: str
    derived: bool
    min_value: Decimal | None
    max_value: Decimal | None


@dataclass
class Target:
    """The towns and indicators an import knows, by the codes files use (in lower case)."""

    towns: dict[str, int]
    town_names: dict[int, str]
    # The towns the import writes to (None: every town whose code the file names).
    scope: frozenset[int] | None
    indicators: dict[str, IndicatorInfo]
    indicator_names: dict[int, str]


def target_for(town: Town | None) -> Target:
    """Towns by LAU code, national code and web address (in that order, where they clash);
    indicators by code. Two queries."""
    towns: dict[str, int] = {}
    names = {}
    rows = Town.objects.values_list("id", "name", "slug", "national_code", "lau_code")
    for town_id, name, *codes in rows:
        names[town_id] = name
        for code in codes:  # the later ones win: LAU code over national code over address
            if code:
                towns[code.strip().lower()] = town_id
    indicators = {
        indicator.code.lower(): IndicatorInfo(
            id=indicator.pk,
            code=indicator.code,
            name=indicator.name,
            derived=indicator.derived,
            min_value=indicator.min_value,
            max_value=indicator.max_value,
        )
        for indicator in Indicator.objects.all()
    }
    return Target(
        towns=towns,
        town_names=names,
        scope=frozenset({town.pk}) if town is not None else None,
        indicators=indicators,
        indicator_names={info.id: info.name for info in indicators.values()},
    )


@dataclass
class _Seen:
    count: int = 0
    row: int = 0
    field: str = ""


@dataclass
class Tally:
    """What a pass over a file counted besides the values it imports."""

    read: int = 0
    left_out: int = 0
    unmapped: dict[str, _Seen] = field(default_factory=dict)
    other_towns: dict[int, _Seen] = field(default_factory=dict)
    unknown_indicators: dict[str, _Seen] = field(default_factory=dict)
    derived: dict[str, _Seen] = field(default_factory=dict)

    def left_out_regions(self, labels: Mapping[str, str]) -> list[tuple[str, str, int]]:
        """(code, name in the file, values) of the first regions left out."""
        return [
            (code, labels.get(code, ""), seen.count)
            for code, seen in list(self.unmapped.items())[:LISTED]
        ]


def _note(seen: dict, key, record: ObservationRecord) -> None:
    entry = seen.get(key)
    if entry is None:
        seen[key] = _Seen(1, record.row, record.field)
    else:
        entry.count += 1


def mapped(
    records: Iterable[ObservationRecord],
    target: Target,
    *,
    indicator: str,
    skip_unknown_regions: bool,
    problems: Problems,
    tally: Tally,
) -> Iterator[tuple[int, IndicatorInfo, ObservationRecord]]:
    """(town id, indicator, record) of every record to import. Regions of no town (and of other
    towns, for a town's own import) are left out if `skip_unknown_regions`, else counted for
    report(); so are unknown indicators. Values outside the indicator's range are problems."""
    fixed = target.indicators.get(indicator.lower()) if indicator else None
    towns, scope = target.towns, target.scope
    regions: dict[str, int | None] = {}
    for record in records:
        tally.read += 1
        region = record.region
        town_id = regions.get(region, -1)
        if town_id == -1:
            town_id = regions[region] = towns.get(region.strip().lower())
        if town_id is None:
            tally.left_out += 1
            _note(tally.unmapped, region, record)
            continue
        if scope is not None and town_id not in scope:
            tally.left_out += 1
            if not skip_unknown_regions:
                _note(tally.other_towns, town_id, record)
            continue
        info = fixed if indicator else target.indicators.get(record.indicator.lower())
        if info is None:
            if not indicator:
                _note(tally.unknown_indicators, record.indicator, record)
            continue
        if info.derived:
            _note(tally.derived, info.code, record)
            continue
        if info.min_value is not None and record.value < info.min_value:
            problems.add(
                record.row,
                record.field,
                _("%(value)s is below the lowest valid value of “%(indicator)s”, %(limit)s.")
                % {
                    "value": plain(record.value),
                    "indicator": info.name,
                    "limit": plain(info.min_value),
                },
            )
            continue
        if info.max_value is not None and record.value > info.max_value:
            problems.add(
                record.row,
                record.field,
                _("%(value)s is above the highest valid value of “%(indicator)s”, %(limit)s.")
                % {
                    "value": plain(record.value),
                    "indicator": info.name,
                    "limit": plain(info.max_value),
                },
            )
            continue
        yield town_id, info, record


def report(
    tally: Tally,
    target: Target,
    *,
    indicator: str,
    skip_unknown_regions: bool,
    labels: Mapping[str, str],
    problems: Problems,
) -> None:
    """The problems of the codes a pass did not know, each once, at its first place."""
    if indicator and indicator.lower() not in target.indicators:
        problems.add(
            0,
            "indicator",
            _("No indicator has the code “%(code)s”.") % {"code": indicator},
        )
    elif indicator and target.indicators[indicator.lower()].derived:
        problems.add(0, "indicator", _derived_message(indicator))
    for code, seen in tally.unknown_indicators.items():
        if not code:
            message = _("The file does not say which indicator its values are: choose one.")
        else:
            message = ngettext(
                "No indicator has the code “%(code)s” (%(count)s value).",
                "No indicator has the code “%(code)s” (%(count)s values).",
                seen.count,
            ) % {"code": code, "count": seen.count}
        problems.add(seen.row, seen.field, message)
    for code, seen in tally.derived.items():
        if not indicator:
            problems.add(seen.row, seen.field, _derived_message(code))
    if skip_unknown_regions:
        return
    for code, seen in tally.unmapped.items():
        label = labels.get(code)
        named = f"{code} ({label})" if label else code
        problems.add(
            seen.row,
            seen.field,
            ngettext(
                "No town has the code %(code)s (%(count)s value). Give the town this code, or "
                "leave out the regions that are no town here.",
                "No town has the code %(code)s (%(count)s values). Give the town this code, or "
                "leave out the regions that are no town here.",
                seen.count,
            )
            % {"code": named, "count": seen.count},
        )
    for town_id, seen in tally.other_towns.items():
        problems.add(
            seen.row,
            seen.field,
            ngettext(
                "%(count)s value is for %(town)s, not for this town: leave out the other "
                "regions, or ask its coordinators to import it.",
                "%(count)s values are for %(town)s, not for this town: leave out the other "
                "regions, or ask its coordinators to import them.",
                seen.count,
            )
            % {"count": seen.count, "town": target.town_names[town_id]},
        )


def _derived_message(code: str) -> str:
    return _(
        "“%(code)s” is computed by regrow from the register or the pop-up programme; it is "
        "never imported."
    ) % {"code": code}
