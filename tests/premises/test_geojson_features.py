"""A GeoJSON file's features are parsed one at a time, and the file as a whole still checked."""

import json
from decimal import Decimal

import pytest

from regrow.premises.formats import ImportRejected
from regrow.premises.formats.geojson import features_of
from tests.premises.unit_files import errors_of, feature, read_geojson, where


def test_features_come_one_at_a_time_before_the_rest_is_parsed():
    """The first feature is there before the broken end is reached: the file never stands in
    memory as one tree."""
    features = features_of(
        b'{"type": "FeatureCollection", "features": [{"a": 1.5}, oops', parse_float=Decimal
    )
    assert next(features) == {"a": Decimal("1.5")}
    with pytest.raises(ImportRejected) as rejected:
        next(features)
    assert "not valid JSON" in rejected.value.errors[0].message


@pytest.mark.parametrize(
    "document",
    [
        {"features": [feature()], "type": "FeatureCollection"},
        {
            "type": "FeatureCollection",
            "name": "units",
            "crs": {"type": "name"},
            "features": [feature()],
        },
        {"bbox": [27, 57, 28, 58], "features": [feature()], "type": "FeatureCollection", "x": []},
    ],
    ids=["type after features", "members before", "members around"],
)
def test_the_collections_other_members_may_come_in_any_order(document):
    for text in (json.dumps(document), json.dumps(document, indent=2)):
        records = read_geojson(text.encode())
        assert [record.external_id for record in records] == ["ALU-1"]


@pytest.mark.parametrize(
    "data",
    [
        b"{}",
        b' { "type" : "FeatureCollection" } ',
        b'{"type": "Feature", "features": []}',
        b'{"type": "FeatureCollection", "features": [], "features": []}',
        b'{"type": "FeatureCollection", "features": []} []',
        b'{"type": "FeatureCollection" "features": []}',
        b'{"type": "FeatureCollection", "features": [] ',
        b'{"type": "FeatureCollection", "features": [{}, {}}',
        b'{"type": "FeatureCollection", features: []}',
        b'{"type" "FeatureCollection", "features": []}',
    ],
    ids=[
        "empty object",
        "no features",
        "not a collection",
        "features twice",
        "more after the end",
        "no comma",
        "not closed",
        "list not closed",
        "unquoted name",
        "no colon",
    ],
)
def test_a_broken_collection_is_refused_as_a_whole(data):
    assert where(errors_of(read_geojson, data)) == [(0, "file")]


def test_invalid_json_in_a_later_feature_is_reported_at_its_line():
    lines = [json.dumps(feature(external_id=f"ALU-{n}")) for n in range(1, 4)]
    text = '{"type": "FeatureCollection", "features": [\n' + ",\n".join(lines) + ",\n]}"
    errors = errors_of(read_geojson, text.encode())
    assert where(errors) == [(0, "file")]
    assert "line 5" in errors[0].message


def test_problems_in_features_before_a_broken_end_are_not_reported():
    data = b'{"type": "FeatureCollection", "features": [{"properties": 1}], "type": "Feature"}'
    errors = errors_of(read_geojson, data)
    assert where(errors) == [(0, "file")]
    assert "not a GeoJSON FeatureCollection" in errors[0].message
