"""Property tests: whatever bytes arrive, every reader either reads them or rejects them with our
problem type (each problem with its place); it never fails in any other way."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regrow.indicators.formats import ImportRejected, Problems, read_observations
from tests.indicators.samples import jsonstat

FORMATS = ["csv", "eurostat", "jsonstat", None]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_all(data: bytes, file_format, **options) -> None:
    """Read the file to its end, as an import does; only ImportRejected may come out."""
    problems = Problems()
    try:
        reading = read_observations(data, problems=problems, file_format=file_format, **options)
        for record in reading.records:
            assert record.period.text and record.region
        problems.raise_if_any()
    except ImportRejected as rejected:
        assert rejected.errors
        for error in rejected.errors:
            assert isinstance(error.row, int) and error.row >= 0
            assert isinstance(error.field, str) and error.message


@SETTINGS
@given(data=st.binary(max_size=600), file_format=st.sampled_from(FORMATS))
def test_any_bytes(data, file_format):
    read_all(data, file_format)


# Text made of what these files are made of: separators, codes, numbers, flags, periods.
PIECES = st.sampled_from(
    ["\t", ",", ";", "\n", "\\", ":", " ", "p", "e", "2019", "-Q5", "-13", "M07", "1,5", "1.5",
     "-3", "geo", "TIME_PERIOD", "town", "indicator", "period", "value", "flags", "LV1", '"',
     "population", "1e999", "NaN", "\ufeff", "ā", "=", "\r"]
)  # fmt: skip
TEXT = st.lists(PIECES, max_size=80).map("".join)


@SETTINGS
@given(
    text=TEXT, file_format=st.sampled_from(FORMATS), encoding=st.sampled_from(["utf-8", "cp1257"])
)
def test_text_made_of_the_formats_pieces(text, file_format, encoding):
    read_all(text.encode(encoding, errors="replace"), file_format)


@SETTINGS
@given(
    lines=st.lists(TEXT, max_size=6),
    header=st.sampled_from(
        [
            "unit,geo\\TIME_PERIOD\t2019\t2020",
            "geo\\time\t2019Q1\t2019Q5",
            "town,indicator,period,value",
        ]
    ),
    select=st.dictionaries(st.sampled_from(["unit", "geo", "x"]), st.sampled_from(["NR", "LV1"])),
)
def test_eurostat_and_long_files_with_a_plausible_header(lines, header, select):
    data = "\n".join([header, *lines]).encode()
    read_all(data, "eurostat", select=select)
    read_all(data, "csv")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=12,
)
KEYS = ["id", "size", "dimension", "value", "status", "role", "class", "version"]


@SETTINGS
@given(changes=st.dictionaries(st.sampled_from(KEYS), JSON_VALUES, max_size=3))
def test_jsonstat_with_any_of_its_parts_replaced(changes):
    read_all(json.dumps(jsonstat(**changes)).encode(), "jsonstat")


@SETTINGS
@given(
    dimension=st.sampled_from(["AREA", "ContentsCode", "TIME"]),
    part=st.sampled_from(["category", "index", "label"]),
    replacement=JSON_VALUES,
    indicator_dimension=st.sampled_from(["auto", "", "TIME", "nope"]),
)
def test_jsonstat_with_a_dimension_part_replaced(dimension, part, replacement, indicator_dimension):
    dataset = jsonstat()
    target = dataset["dimension"][dimension]
    if part == "category":
        target["category"] = replacement
    else:
        target["category"][part] = replacement
    read_all(json.dumps(dataset).encode(), "jsonstat", indicator_dimension=indicator_dimension)
