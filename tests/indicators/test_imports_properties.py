"""Property test of the import service: a file with any mix of good and bad rows is imported
whole or not at all; never a part of it, never another error than the file's problems."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regrow.indicators import formats, services
from regrow.indicators.models import ImportBatch, Observation
from tests.indicators.conftest import long_csv

GOOD = st.tuples(
    st.sampled_from(["aluksne", "0360201", "05962004"]),
    st.sampled_from(["population", "footfall", "registered_unemployment"]),
    st.sampled_from(["2019", "2020-Q2", "2021-07", "2022M03"]),
    st.sampled_from(["1", "12,5", "99.25", "7400"]),
)
BAD = st.tuples(
    st.sampled_from(["aluksne", "LV9999", ""]),
    st.sampled_from(["population", "nope", "vacancy_rate"]),
    st.sampled_from(["2019", "2019-Q5", "2019-13"]),
    st.sampled_from(["1", "-1", "101", "x", "1.234,5"]),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(st.one_of(GOOD, BAD), min_size=1, max_size=12))
def test_a_file_is_imported_whole_or_not_at_all(coded_towns, indicators, admin_user, rows):
    Observation.objects.all().delete()
    data = long_csv(*[",".join([*row, "", ""]) for row in rows])
    try:
        batch = services.observations_import(
            data=data, filename="f.csv", options=services.ImportOptions(), by=admin_user
        )
    except formats.ImportRejected as rejected:
        assert rejected.errors
        assert not Observation.objects.exists()
        assert ImportBatch.objects.latest("id").status == ImportBatch.Status.REJECTED
        return
    keys = {(town, indicator, period) for town, indicator, period, _value in rows}
    assert batch.added == Observation.objects.count() == len(keys) == len(rows)
