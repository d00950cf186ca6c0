"""The import service: a preview that writes nothing, then all or nothing, with the history of
every value replaced, and never over a value changed since the preview."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from regrow.indicators import formats, selectors, services
from regrow.indicators.models import ImportBatch, Observation, ObservationChange
from regrow.towns.models import Role
from tests.indicators.conftest import long_csv
from tests.indicators.samples import eurostat, jsonstat_bytes

CSV = services.ImportOptions(file_format="csv")


def preview(data, by, town=None, options=CSV):
    return services.observations_preview(
        data=data, filename="file.csv", options=options, by=by, town=town
    )


def do_import(data, by, town=None, options=CSV, **extra):
    return services.observations_import(
        data=data, filename="file.csv", options=options, by=by, town=town, **extra
    )


def observations():
    return set(
        Observation.objects.values_list(
            "town__slug", "indicator__code", "period", "value", "flags", "source"
        )
    )


def problems(call) -> list[tuple[int, str, str]]:
    with pytest.raises(formats.ImportRejected) as rejected:
        call()
    return [(error.row, error.field, error.message) for error in rejected.value.errors]


FIRST = long_csv(
    "0360201,population,2021,7400,,CSB",
    "0360201,population,2022,7310,p,CSB",
    "aluksne,registered_unemployment,2022-Q3,6.5,,",
)


def test_a_preview_says_what_will_be_added_and_writes_nothing(coded_towns, indicators, coordinator):
    aluksne, _altena = coded_towns
    result = preview(FIRST, coordinator, aluksne.town)
    assert (result.read, result.added, result.changed, result.unchanged) == (3, 3, 0, 0)
    assert [(line.indicator, line.period, line.value) for line in result.additions][:2] == [
        ("Population", "2021", Decimal("7400.0000")),
        ("Population", "2022", Decimal("7310.0000")),
    ]
    assert [(s.indicator, s.first, s.last, s.added) for s in result.series] == [
        ("Population", "2021", "2022", 2),
        ("Registered unemployment", "2022-Q3", "2022-Q3", 1),
    ]
    assert not Observation.objects.exists() and not ImportBatch.objects.exists()


def test_a_reimport_changes_values_and_keeps_the_old_ones_in_the_history(
    coded_towns, indicators, coordinator
):
    aluksne, _altena = coded_towns
    first = do_import(FIRST, coordinator, aluksne.town)
    assert (first.added, first.changed, first.unchanged, first.status) == (3, 0, 0, "applied")
    second_file = long_csv(
        "0360201,population,2021,7400,,CSB",
        "0360201,population,2022,7295,,CSB 2024",
        "0360201,population,2023,7200,p,",
    )
    result = preview(second_file, coordinator, aluksne.town)
    assert (result.added, result.changed, result.unchanged) == (1, 1, 1)
    (change,) = result.changes
    assert (change.period, change.old_value, change.old_flags, change.value, change.flags) == (
        "2022", Decimal("7310.0000"), "p", Decimal("7295.0000"), ""
    )  # fmt: skip
    second = do_import(second_file, coordinator, aluksne.town)
    assert (second.added, second.changed, second.unchanged) == (1, 1, 1)
    changed = Observation.objects.get(period="2022", indicator__code="population")
    assert (changed.value, changed.flags, changed.source, changed.version) == (
        Decimal("7295.0000"), "", "CSB 2024", 2
    )  # fmt: skip
    assert changed.batch == second
    history = ObservationChange.objects.get()
    assert (history.observation, history.old_value, history.new_value, history.old_flags) == (
        changed, Decimal("7310.0000"), Decimal("7295.0000"), "p"
    )  # fmt: skip
    assert (history.batch, history.changed_by, history.old_source) == (second, coordinator, "CSB")
    # The file's name is the source of values it gives none.
    assert Observation.objects.get(period="2023").source == "file.csv"
    # The same file again changes nothing.
    third = do_import(second_file, coordinator, aluksne.town)
    assert (third.added, third.changed, third.unchanged) == (0, 0, 3)
    assert ObservationChange.objects.count() == 1


def test_a_bad_value_anywhere_means_nothing_is_written(coded_towns, indicators, coordinator):
    aluksne, _altena = coded_towns
    data = long_csv(
        "aluksne,population,2021,7400,,",
        "aluksne,registered_unemployment,2021,101,,",
        "aluksne,population,2022,-5,,",
        "aluksne,population,2021,7401,,",
    )
    found = problems(lambda: do_import(data, coordinator, aluksne.town))
    assert (
        3,
        "value",
        "101 is above the highest valid value of “Registered unemployment”, 100.",
    ) in found
    assert any(row == 4 and "below the lowest valid value" in m for row, _f, m in found)
    assert any(row == 5 and "has a value earlier in the file" in m for row, _f, m in found)
    assert not Observation.objects.exists()
    assert ImportBatch.objects.get().status == ImportBatch.Status.REJECTED


def test_unknown_codes_are_named_once_at_their_first_place(coded_towns, indicators, coordinator):
    data = long_csv(
        "LV9999,population,2021,1,,",
        "LV9999,population,2022,2,,",
        "aluksne,footfal,2021,3,,",
        "aluksne,vacancy_rate,2021,12,,",
    )
    found = problems(lambda: do_import(data, coordinator))
    assert (
        2,
        "value",
        "No town has the code LV9999 (2 values). Give the town this code, or leave out the "
        "regions that are no town here.",
    ) in found
    assert (4, "value", "No indicator has the code “footfal” (1 value).") in found
    assert any(row == 5 and "computed by regrow" in message for row, _f, message in found)
    assert not Observation.objects.exists()


def test_a_towns_import_leaves_out_other_regions_only_when_asked(
    coded_towns, indicators, coordinator
):
    aluksne, _altena = coded_towns
    data = jsonstat_bytes()
    options = services.ImportOptions(indicator="population")
    found = problems(lambda: preview(data, coordinator, aluksne.town, options))
    assert found == [
        (
            0,
            "value[3]",
            "No town has the code 0010000 (Rīga) (3 values). Give the town this code, or leave "
            "out the regions that are no town here.",
        )
    ]
    options = services.ImportOptions(indicator="population", skip_unknown_regions=True)
    result = preview(data, coordinator, aluksne.town, options)
    assert (result.added, result.left_out, result.missing) == (2, 3, 1)
    assert result.left_out_regions == [("0010000", "Rīga", 3)]
    do_import(data, coordinator, aluksne.town, options)
    source = "Official statistics of Latvia"
    assert observations() == {
        ("aluksne", "population", "2021", Decimal("7400.0000"), "", source),
        ("aluksne", "population", "2022", Decimal("7310.0000"), "p", source),
    }


def test_values_of_another_town_are_refused_to_a_coordinator(coded_towns, indicators, coordinator):
    aluksne, altena = coded_towns
    data = long_csv("05962004,population,2021,17500,,")
    found = problems(lambda: preview(data, coordinator, aluksne.town))
    assert "1 value is for Altena, not for this town" in found[0][2]
    # Without a town, the person must be allowed to import for every town the file names.
    with pytest.raises(PermissionDenied):
        preview(data, coordinator)
    with pytest.raises(PermissionDenied):
        preview(FIRST, aluksne.people[Role.EDITOR], aluksne.town)
    assert do_import(data, altena.people[Role.COORDINATOR]).added == 1


def test_eurostat_with_a_chosen_indicator_and_category(coded_towns, indicators, admin_user):
    header = "freq,sex,geo\\TIME_PERIOD\t2019 \t2020 "
    data = eurostat(
        ["A,T,05962004\t17600 \t17500 p", "A,M,05962004\t8600\t8550", "A,T,DEA5C\t1\t2"],
        header=header,
    )
    options = services.ImportOptions(
        indicator="population", select={"sex": "T"}, skip_unknown_regions=True
    )
    batch = do_import(data, admin_user, options=options)
    assert (batch.added, batch.left_out, batch.file_format) == (2, 2, "eurostat")
    assert observations() == {
        ("altena", "population", "2019", Decimal("17600.0000"), "", "file.csv"),
        ("altena", "population", "2020", Decimal("17500.0000"), "p", "file.csv"),
    }


def test_export_then_import_gives_the_same_observations(coded_towns, indicators, admin_user):
    data = long_csv(
        "0360201,population,2021,7400,,CSB",
        "0360201,net_migration,2021-07,-12.25,e,=formula-like",
        "05962004,population,1975,32000,,Illustrative",
        "05962004,footfall,2024-Q2,1234.5678,p,",
    )
    do_import(data, admin_user)
    before = observations()
    exported = formats.write_long(selectors.export_rows(selectors_towns()))
    Observation.objects.all().delete()
    batch = do_import(exported, admin_user)
    assert batch.added == 4 and observations() == before
    again = do_import(exported, admin_user)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 4)


def selectors_towns():
    from regrow.towns.models import Town

    return Town.objects.all()


def test_an_edit_after_the_preview_stops_the_import(coded_towns, indicators, coordinator):
    aluksne, _altena = coded_towns
    do_import(FIRST, coordinator, aluksne.town)
    changed_file = long_csv(
        "0360201,population,2021,7401,,CSB",
        "0360201,population,2022,7311,,CSB",
        "0360201,population,2023,7200,,CSB",
    )
    seen = preview(changed_file, coordinator, aluksne.town)
    edited = Observation.objects.get(period="2022")
    services.observation_record(
        town=aluksne.town,
        indicator=indicators["population"],
        period="2022",
        value="7305",
        by=coordinator,
        version=edited.version,
    )
    with pytest.raises(services.ImportConflict) as conflict:
        do_import(changed_file, coordinator, aluksne.town, read_versions=seen.versions)
    assert [(e.row, e.field) for e in conflict.value.errors] == [(3, "value")]
    assert "Alūksne, “Population”, 2022 changed after the file was checked" in (
        conflict.value.errors[0].message
    )
    assert Observation.objects.get(period="2021").value == Decimal("7400.0000")
    assert Observation.objects.get(period="2022").value == Decimal("7305.0000")
    assert not Observation.objects.filter(period="2023").exists()
    assert ImportBatch.objects.latest("id").status == ImportBatch.Status.CONFLICT


def test_a_value_added_after_the_preview_stops_the_import(coded_towns, indicators, coordinator):
    aluksne, _altena = coded_towns
    seen = preview(FIRST, coordinator, aluksne.town)
    services.observation_record(
        town=aluksne.town, indicator=indicators["population"], period="2021", value="1",
        by=coordinator,
    )  # fmt: skip
    with pytest.raises(services.ImportConflict):
        do_import(FIRST, coordinator, aluksne.town, read_versions=seen.versions)
    assert Observation.objects.count() == 1


def test_checking_takes_the_same_number_of_queries_for_ten_or_a_thousand_values(
    coded_towns, indicators, admin_user, django_assert_max_num_queries
):
    small = long_csv(*[f"aluksne,footfall,{1900 + n},{n},," for n in range(10)])
    large = long_csv(
        *[f"aluksne,footfall,{1900 + n // 12}-{n % 12 + 1:02d},{n},," for n in range(1000)]
    )
    with django_assert_max_num_queries(5):
        preview(small, admin_user)
    with django_assert_max_num_queries(5):
        preview(large, admin_user)
