"""JSON-stat 2.0 datasets, as statistics offices' PxWeb interfaces return them (and the older
bundle of one dataset): dimensions with their categories, values as a list in row-major order
or as an object keyed by position, and status flags. A few dozen lines over the standard
library: the readers on PyPI need pandas or no longer install."""

import json
import math
from collections.abc import Iterator, Mapping
from itertools import product

from django.utils.translation import gettext as _

from regrow.indicators.formats.cube import AUTO, CubePlan, Dimension, plan_cube
from regrow.indicators.formats.records import (
    ObservationRecord,
    Reading,
    observation_flags,
    observation_value,
    region_code,
)
from regrow.indicators.periods import Period, parse_period
from regrow.lib.tabular.problems import Invalid, Problems, rejected


def _load(data: bytes) -> object:
    try:
        return json.loads(data)
    except json.JSONDecodeError as error:
        raise rejected(
            _("The file is not valid JSON: line %(line)s, column %(column)s: %(reason)s.")
            % {"line": error.lineno, "column": error.colno, "reason": error.msg}
        ) from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        # Not UTF-8, a number of more than 4,300 digits, or nesting deeper than Python goes.
        raise rejected(_("The file is not valid JSON in UTF-8.")) from None


def _dataset(document: object) -> tuple[dict, str, list, list, dict]:
    """The dataset, the path to it, its dimensions' ids and sizes and its roles."""
    not_a_dataset = _(
        "The file is not a JSON-stat dataset: it needs “id”, “size”, “dimension” and “value”."
    )
    if not isinstance(document, dict):
        raise rejected(not_a_dataset, field="$")
    if document.get("class") == "collection" or document.get("class") == "bundle":
        raise rejected(
            _("The file holds a collection of datasets; export one dataset."), field="class"
        )
    if "dimension" not in document and len(document) == 1:
        # JSON-stat 1: {"dataset": {"dimension": {"id": …, "size": …, "role": …}, "value": …}}.
        ((name, dataset),) = document.items()
        if isinstance(dataset, dict) and isinstance(dataset.get("dimension"), dict):
            dimension = dataset["dimension"]
            return (
                dataset,
                f"{name}.",
                dimension.get("id"),
                dimension.get("size"),
                dimension.get("role") or {},
            )
    if not isinstance(document.get("dimension"), dict):
        raise rejected(not_a_dataset, field="dimension")
    return document, "", document.get("id"), document.get("size"), document.get("role") or {}


def _codes(category: object, path: str, problems: Problems) -> list[str] | None:
    """A dimension's category codes in their order."""
    if not isinstance(category, dict):
        problems.add(0, path, _("A dimension needs a “category” object."))
        return None
    index, labels = category.get("index"), category.get("label")
    if index is None and isinstance(labels, dict):
        index = list(labels)  # JSON-stat leaves the index out of a dimension of one category
    if isinstance(index, list) and all(isinstance(code, str) for code in index):
        if len(set(index)) == len(index):
            return index
    elif isinstance(index, dict) and all(isinstance(p, int) for p in index.values()):
        ordered = sorted(index, key=index.__getitem__)
        if sorted(index.values()) == list(range(len(index))):
            return ordered
    problems.add(
        0,
        f"{path}.index",
        _("The categories' index must list each code once, or give each code its position."),
    )
    return None


def read_jsonstat(
    data: bytes,
    *,
    problems: Problems,
    select: Mapping[str, str] | None = None,
    indicator_dimension: str = AUTO,
) -> Reading:
    """The observations of a JSON-stat dataset (or ImportRejected for a file that is not one);
    each value's problems go to `problems` as the records are read."""
    dataset, prefix, ids, sizes, roles = _dataset(_load(data))
    if not (isinstance(ids, list) and ids and all(isinstance(name, str) for name in ids)):
        raise rejected(_("“id” must list the dimensions' names."), field=f"{prefix}id")
    if len(set(ids)) != len(ids):
        raise rejected(_("“id” names a dimension twice."), field=f"{prefix}id")
    if not (
        isinstance(sizes, list)
        and len(sizes) == len(ids)
        and all(type(size) is int and size >= 0 for size in sizes)
    ):
        raise rejected(
            _("“size” must give the number of categories of each dimension “id” names."),
            field=f"{prefix}size",
        )
    role_of = {}
    if isinstance(roles, dict):
        for role, names in roles.items():
            if isinstance(names, list):
                role_of.update({name: role for name in names if isinstance(name, str)})
    dimensions = []
    for position, (name, size) in enumerate(zip(ids, sizes, strict=True)):
        path = f"{prefix}dimension.{name}"
        dimension = dataset["dimension"].get(name)
        if not isinstance(dimension, dict):
            problems.add(0, path, _("The dimension “%(name)s” is not described.") % {"name": name})
            continue
        codes = _codes(dimension.get("category"), f"{path}.category", problems)
        if codes is None:
            continue
        if len(codes) != size:
            problems.add(
                0,
                f"{prefix}size[{position}]",
                _("“%(name)s” has %(codes)s categories, but “size” says %(size)s.")
                % {"name": name, "codes": len(codes), "size": size},
            )
        labels = dimension["category"].get("label")
        dimensions.append(
            Dimension(
                id=name,
                codes=codes,
                labels=labels if isinstance(labels, dict) else {},
                role=role_of.get(name, ""),
            )
        )
    problems.raise_if_any()
    count = math.prod(sizes)
    values = dataset.get("value")
    _check_positions(values, count, f"{prefix}value", problems, required=True)
    status = dataset.get("status")
    _check_positions(status, count, f"{prefix}status", problems, required=False)
    plan = plan_cube(
        dimensions,
        select=select or {},
        indicator_dimension=indicator_dimension,
        problems=problems,
        place=(0, f"{prefix}dimension"),
    )
    problems.raise_if_any()
    periods = _periods(dimensions[plan.time], f"{prefix}dimension.{ids[plan.time]}", problems)
    regions = _regions(dimensions[plan.geo], f"{prefix}dimension.{ids[plan.geo]}", problems)
    missing = [0]
    geo = dimensions[plan.geo]
    source = dataset.get("source")
    title = dataset.get("label")
    return Reading(
        records=_records(
            dimensions, plan, values, status, periods, regions, prefix, problems, missing
        ),
        expected=len(values)
        if isinstance(values, dict)
        else math.prod(
            len(kept) if kept is not None else len(dimension.codes)
            for kept, dimension in zip(plan.kept, dimensions, strict=True)
        ),
        region_labels={code: str(label) for code, label in geo.labels.items()},
        title=title if isinstance(title, str) else "",
        source=source if isinstance(source, str) else "",
        missing=lambda: missing[0],
    )


def _check_positions(
    items: object, count: int, path: str, problems: Problems, *, required: bool
) -> None:
    """A list of `count` items, or an object keyed by positions below `count` (or, for the
    status, one text for every value)."""
    if items is None and not required:
        return
    if isinstance(items, list):
        if len(items) != count:
            problems.add(
                0,
                path,
                _("The dataset has %(found)s values here, but its size says %(count)s.")
                % {"found": len(items), "count": count},
            )
    elif isinstance(items, dict):
        for key in items:
            if not (key.isascii() and key.isdigit() and str(int(key)) == key and int(key) < count):
                problems.add(
                    0,
                    f"{path}[{json.dumps(key)}]",
                    _("A value's key must be its position, from 0 to %(last)s.")
                    % {"last": count - 1},
                )
    elif not (isinstance(items, str) and not required):
        problems.add(0, path, _("This must be a list, or an object keyed by position."))
    problems.raise_if_any()


def _periods(dimension: Dimension, path: str, problems: Problems) -> dict[str, Period]:
    periods = {}
    for code in dimension.codes:
        try:
            periods[code] = parse_period(code)
        except Invalid as error:
            problems.add(0, f"{path}.category.index[{json.dumps(code)}]", error.message)
    return periods


def _regions(dimension: Dimension, path: str, problems: Problems) -> dict[str, str]:
    regions = {}
    for code in dimension.codes:
        try:
            regions[code] = region_code(code)
        except Invalid as error:
            problems.add(0, f"{path}.category.index[{json.dumps(code)}]", error.message)
    return regions


def _at(items: object, position: int) -> object:
    if isinstance(items, list):
        return items[position]
    if isinstance(items, dict):
        return items.get(str(position))
    return items  # one status for every value


def _cells(dimensions: list[Dimension], plan: CubePlan, values: object):
    """(position, the codes of each dimension) of every value kept, in the values' order. An
    object of values is walked by its keys: a small file may describe a huge, empty cube."""
    sizes = [len(dimension.codes) for dimension in dimensions]
    strides = [math.prod(sizes[index + 1 :]) for index in range(len(sizes))]
    if isinstance(values, list):
        choices = [
            [
                (position * strides[index], code)
                for position, code in enumerate(dimension.codes)
                if plan.kept[index] is None or code in plan.kept[index]
            ]
            for index, dimension in enumerate(dimensions)
        ]
        for combination in product(*choices):
            yield sum(offset for offset, _code in combination), [c for _o, c in combination]
        return
    for position in sorted(int(key) for key in values):
        codes = [
            dimension.codes[(position // stride) % size]
            for dimension, stride, size in zip(dimensions, strides, sizes, strict=True)
        ]
        if all(kept is None or code in kept for kept, code in zip(plan.kept, codes, strict=True)):
            yield position, codes


def _records(
    dimensions: list[Dimension],
    plan: CubePlan,
    values: object,
    status: object,
    periods: dict[str, Period],
    regions: dict[str, str],
    prefix: str,
    problems: Problems,
    missing: list[int],
) -> Iterator[ObservationRecord]:
    geo, time, indicator = plan.geo, plan.time, plan.indicator
    is_list = isinstance(values, list)
    for position, codes in _cells(dimensions, plan, values):
        raw = values[position] if is_list else values[str(position)]
        if raw is None:
            missing[0] += 1
            continue
        period = periods.get(codes[time])
        region = regions.get(codes[geo])
        if period is None or region is None:
            continue  # its category's problem is reported once
        try:
            value = observation_value(raw)
            flags = observation_flags(_at(status, position)) if status is not None else ""
        except Invalid as error:
            problems.add(0, f"{prefix}value[{position}]", error.message)
            continue
        yield ObservationRecord(
            row=0,
            field=f"{prefix}value[{position}]",
            region=region,
            indicator=codes[indicator] if indicator is not None else "",
            period=period,
            value=value,
            flags=flags,
        )
