"""`regrow import_observations` and `regrow export_observations`: a round trip on the command
line, a dry run, and problems named by file, row and column."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from regrow.indicators.models import ImportBatch, Observation
from tests.indicators.conftest import long_csv
from tests.indicators.samples import jsonstat_bytes


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_with_a_progress_bar_then_export_and_import_again(
    coded_towns, indicators, admin_user, tmp_path
):
    source = tmp_path / "pxweb.json"
    source.write_bytes(jsonstat_bytes())
    out, err = run(
        "import_observations", str(source), "--indicator", "population", "--skip-unknown-regions"
    )
    assert "Imported 2 values: 2 new, 0 changed, 0 unchanged; 3 left out." in out
    assert "Checking [" in err and "Writing [" in err
    exported = tmp_path / "all.csv"
    run("export_observations", "-o", str(exported))
    assert exported.read_text("utf-8-sig").splitlines()[1:] == [
        "0360201,population,2021,7400,,Official statistics of Latvia",
        "0360201,population,2022,7310,p,Official statistics of Latvia",
    ]
    out, _err = run("import_observations", str(exported), "--format", "csv")
    assert "0 new, 0 changed, 2 unchanged" in out


def test_a_dry_run_says_what_would_change_and_writes_nothing(
    coded_towns, indicators, admin_user, tmp_path
):
    first = tmp_path / "first.csv"
    first.write_bytes(long_csv("aluksne,population,2021,7400,,"))
    run("import_observations", str(first))
    second = tmp_path / "second.csv"
    second.write_bytes(long_csv("aluksne,population,2021,7390,,", "aluksne,population,2022,7300,,"))
    out, _err = run("import_observations", str(second), "--dry-run")
    assert "1 new, 1 changed, 0 unchanged" in out
    assert "Alūksne, Population, 2021: 7400 → 7390" in out
    assert Observation.objects.get().value == Decimal("7400.0000")


def test_problems_are_named_and_nothing_is_written(coded_towns, indicators, admin_user, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(long_csv("aluksne,population,2019-13,1,,", "aluksne,population,2020,x,,"))
    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_observations", str(bad), stdout=StringIO(), stderr=(err := StringIO()))
    assert "bad.csv: row 2, period: “2019-13” names month 13" in err.getvalue()
    assert "bad.csv: row 3, value: “x” is not a number." in err.getvalue()
    assert not Observation.objects.exists()
    assert ImportBatch.objects.get().status == ImportBatch.Status.REJECTED


def test_a_town_one_may_not_import_for_is_refused(coded_towns, indicators, tmp_path):
    source = tmp_path / "v.csv"
    source.write_bytes(long_csv("05962004,population,2021,17500,,"))
    with pytest.raises(CommandError, match="You may not import values for Altena"):
        run("import_observations", str(source), "--as-user", "coordinator@aluksne.example.org")
    with pytest.raises(CommandError, match="--select takes DIMENSION=CODE"):
        run("import_observations", str(source), "--select", "sex")
